import { Type, type Static } from 'typebox';
import { Violation } from './packs.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const CallStage = Type.Object({
  id: Type.String(),
  label: Type.String(),
  opens: Nullable(Type.String()),
  closes: Nullable(Type.String()),
  extensionUntil: Nullable(Type.String()),
});

export const CallListInfo = Type.Object({
  id: Type.String(),
  label: Type.String(),
  columns: Type.Array(Type.Object({ id: Type.String(), label: Type.String() })),
  rowCount: Type.Integer(),
  importedAt: Nullable(Type.String({ format: 'date-time' })),
  fileName: Nullable(Type.String()),
});
export type CallListInfo = Static<typeof CallListInfo>;

/** 申报通知 as listed: enough to choose, with the stage the server clock says it is in. */
export const CallSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  shortTitle: Nullable(Type.String()),
  documentNumber: Nullable(Type.String()),
  year: Type.Integer(),
  issueDate: Type.String(),
  issuerName: Type.String(),
  issuerOrganisationId: Nullable(Type.String()),
  version: Type.Integer(),
  hash: Type.String(),
  categories: Type.Array(Type.String()),
  directionCount: Type.Integer(),
  forms: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), stage: Type.String() })),
  stages: Type.Array(CallStage),
  currentStage: Nullable(Type.Object({ id: Type.String(), label: Type.String() })),
  nextDeadline: Nullable(Type.Object({ stage: Type.String(), closes: Type.String() })),
  lists: Type.Array(CallListInfo),
  /** 申报期: whether new applications may be started now (server clock), and until when. */
  application: Type.Object({
    phase: Type.Enum(['unscheduled', 'upcoming', 'open', 'extension', 'closed']),
    opens: Nullable(Type.String()),
    closes: Nullable(Type.String()),
    extensionUntil: Nullable(Type.String()),
  }),
  serverTime: Type.String({ format: 'date-time' }),
});
export type CallSummary = Static<typeof CallSummary>;

export const CallList = Type.Object({ items: Type.Array(CallSummary) });
export type CallList = Static<typeof CallList>;

/** The whole pack of a call: program and forms as loaded (see ProgramPack / PackForm). */
export const CallDetail = Type.Object({ call: CallSummary, program: Type.Unknown(), forms: Type.Array(Type.Unknown()) });
export type CallDetail = Static<typeof CallDetail>;

export const CallListRows = Type.Object({ list: CallListInfo, rows: Type.Array(Type.Record(Type.String(), Type.String())) });
export type CallListRows = Static<typeof CallListRows>;

export const CheckAnswersBody = Type.Object({ answers: Type.Record(Type.String(), Type.Unknown()) }, { additionalProperties: false });
export type CheckAnswersBody = Static<typeof CheckAnswersBody>;

export const CheckAnswersResult = Type.Object({
  violations: Type.Array(Violation),
  errorCount: Type.Integer(),
  warningCount: Type.Integer(),
  computed: Type.Record(Type.String(), Type.Unknown()),
});
export type CheckAnswersResult = Static<typeof CheckAnswersResult>;
