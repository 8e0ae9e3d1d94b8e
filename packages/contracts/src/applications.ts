import { Type, type Static } from 'typebox';
import { Violation } from './packs.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });

/** Application states; `draft`, `returned` and `withdrawn` are editable by the applicant. */
export const APPLICATION_STATUSES = ['draft', 'submitted', 'returned', 'withdrawn', 'passed', 'rejected', 'recommended', 'admitted', 'excluded', 'selected', 'not_selected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: '草稿',
  submitted: '已提交，待推荐单位审核',
  returned: '已退回修改',
  withdrawn: '已撤回',
  passed: '推荐单位审核通过',
  rejected: '未通过审核',
  recommended: '已推荐',
  admitted: '初审通过，专家评审中',
  excluded: '政策性审查未通过',
  selected: '已入选',
  not_selected: '未入选',
};

export const FileRef = Type.Object({
  fileId: Uuid,
  name: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  mime: Type.String(),
  durationSeconds: Type.Optional(Type.Number()),
});
export type FileRef = Static<typeof FileRef>;

export const ApplicationEvent = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  type: Type.String(),
  actorName: Nullable(Type.String()),
  organisationName: Nullable(Type.String()),
  fromStatus: Nullable(Type.String()),
  toStatus: Nullable(Type.String()),
  opinion: Nullable(Type.String()),
  fields: Type.Array(Type.String()),
});
export type ApplicationEvent = Static<typeof ApplicationEvent>;

export const ApplicationSummary = Type.Object({
  id: Uuid,
  callId: Type.String(),
  callTitle: Type.String(),
  formId: Type.String(),
  formTitle: Type.String(),
  packVersion: Type.Integer(),
  number: Nullable(Type.String()),
  status: Type.Enum(APPLICATION_STATUSES),
  statusLabel: Type.String(),
  projectName: Nullable(Type.String()),
  directionId: Nullable(Type.String()),
  directionLabel: Nullable(Type.String()),
  channelId: Type.String(),
  applicantOrganisationId: Uuid,
  applicantName: Type.String(),
  recommenderOrganisationId: Nullable(Uuid),
  recommenderName: Nullable(Type.String()),
  stage: Nullable(Type.String()),
  deadline: Nullable(Type.String()),
  submittedAt: Nullable(Type.String({ format: 'date-time' })),
  updatedAt: Type.String({ format: 'date-time' }),
  revisionDeadline: Nullable(Type.String()),
});
export type ApplicationSummary = Static<typeof ApplicationSummary>;

export const ApplicationList = Type.Object({ items: Type.Array(ApplicationSummary) });
export type ApplicationList = Static<typeof ApplicationList>;

/** The reviewer's opinion on a return, pinned to fields. */
export const ReturnOpinion = Type.Object({
  opinion: Type.String(),
  fields: Type.Array(Type.String()),
  revisionDeadline: Nullable(Type.String()),
  at: Type.String({ format: 'date-time' }),
  by: Nullable(Type.String()),
});

export const ApplicationDetail = Type.Object({
  application: ApplicationSummary,
  answers: Type.Record(Type.String(), Type.Unknown()),
  sectionVersions: Type.Record(Type.String(), Type.Integer()),
  fillers: Type.Array(Type.Object({ userId: Uuid, displayName: Type.String() })),
  submissions: Type.Array(Type.Object({ seq: Type.Integer(), submittedAt: Type.String(), sha256: Type.String() })),
  events: Type.Array(ApplicationEvent),
  returnOpinion: Nullable(ReturnOpinion),
  commitment: Type.String(),
  editable: Type.Boolean(),
  canSubmit: Type.Boolean(),
});
export type ApplicationDetail = Static<typeof ApplicationDetail>;

export const CreateApplicationBody = Type.Object(
  {
    callId: Type.String({ minLength: 1, maxLength: 100 }),
    formId: Type.String({ minLength: 1, maxLength: 100 }),
    directionId: Type.Optional(Type.String({ maxLength: 100 })),
    channelId: Type.Optional(Type.String({ maxLength: 100 })),
    fillerIds: Type.Optional(Type.Array(Uuid, { maxItems: 20, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type CreateApplicationBody = Static<typeof CreateApplicationBody>;

export const AssignFillersBody = Type.Object({ fillerIds: Type.Array(Uuid, { maxItems: 20, uniqueItems: true }) }, { additionalProperties: false });

export const SaveSectionBody = Type.Object(
  {
    answers: Type.Record(Type.String(), Type.Unknown()),
    /** The section version the editor started from; a mismatch means someone else saved in between. */
    baseVersion: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type SaveSectionBody = Static<typeof SaveSectionBody>;

export const SaveSectionResult = Type.Object({
  sectionVersion: Type.Integer(),
  savedAt: Type.String({ format: 'date-time' }),
  violations: Type.Array(Violation),
  computed: Type.Record(Type.String(), Type.Unknown()),
});
export type SaveSectionResult = Static<typeof SaveSectionResult>;

export const SubmitBody = Type.Object(
  {
    idempotencyKey: Type.String({ minLength: 8, maxLength: 100 }),
    commitmentAccepted: Type.Literal(true),
  },
  { additionalProperties: false },
);
export type SubmitBody = Static<typeof SubmitBody>;

export const SubmitResult = Type.Object({
  number: Type.String(),
  seq: Type.Integer(),
  sha256: Type.String(),
  submittedAt: Type.String({ format: 'date-time' }),
});
export type SubmitResult = Static<typeof SubmitResult>;

export const CheckResult = Type.Object({ violations: Type.Array(Violation), errorCount: Type.Integer(), warningCount: Type.Integer() });
export type CheckResult = Static<typeof CheckResult>;

export const ReturnBody = Type.Object(
  {
    opinion: Type.String({ minLength: 2, maxLength: 2000 }),
    fields: Type.Optional(Type.Array(Type.String({ pattern: '^/', maxLength: 200 }), { maxItems: 100 })),
    revisionDeadline: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
export type ReturnBody = Static<typeof ReturnBody>;

export const WithdrawBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false });

export const SnapshotVerification = Type.Object({ seq: Type.Integer(), sha256: Type.String(), recomputed: Type.String(), ok: Type.Boolean() });
export type SnapshotVerification = Static<typeof SnapshotVerification>;

export const VersionDiff = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  changes: Type.Array(Type.Object({ path: Type.String(), label: Type.String(), before: Type.Unknown(), after: Type.Unknown() })),
});
export type VersionDiff = Static<typeof VersionDiff>;

export const NotificationList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      type: Type.String(),
      title: Type.String(),
      body: Type.String(),
      link: Type.Union([Type.String(), Type.Null()]),
      createdAt: Type.String(),
      readAt: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  unread: Type.Integer(),
});
export type NotificationList = Static<typeof NotificationList>;
