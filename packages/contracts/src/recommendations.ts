import { Type, type Static } from 'typebox';
import { ApplicationSummary } from './applications.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** The formal check (形式审查) recorded with every decision; a pack may give its own list. */
export const DEFAULT_REVIEW_CHECKLIST = [
  { id: 'materials-complete', label: '申报材料齐全' },
  { id: 'seals-present', label: '盖章页齐全' },
  { id: 'authenticity-confirmed', label: '已核实材料真实性' },
] as const;

export const InboxItem = Type.Object({
  application: ApplicationSummary,
  decision: Nullable(Type.Object({ decision: Type.Enum(['passed', 'rejected']), opinion: Type.String(), decidedAt: Type.String(), checklist: Type.Record(Type.String(), Type.Boolean()) })),
  /** What the pack's rules still say about the submitted answers (errors and warnings). */
  warnings: Type.Array(Type.Object({ path: Type.String(), message: Type.String(), severity: Type.Enum(['error', 'warning']) })),
  priorityFlags: Type.Array(Type.String()),
  categoryLabel: Nullable(Type.String()),
  duplicates: Type.Array(Type.String()),
});
export type InboxItem = Static<typeof InboxItem>;

export const Inbox = Type.Object({ items: Type.Array(InboxItem), checklist: Type.Array(Type.Object({ id: Type.String(), label: Type.String() })) });
export type Inbox = Static<typeof Inbox>;

export const ReviewBody = Type.Object(
  {
    decision: Type.Enum(['passed', 'rejected']),
    opinion: Type.String({ maxLength: 2000 }),
    checklist: Type.Record(Type.String(), Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ReviewBody = Static<typeof ReviewBody>;

export const QuotaStatus = Type.Object({
  id: Type.String(),
  label: Type.String(),
  limit: Type.Integer(),
  used: Type.Integer(),
  exceeded: Type.Boolean(),
  scope: Type.Enum(['recommender', 'call']),
});
export type QuotaStatus = Static<typeof QuotaStatus>;

export const Recommendation = Type.Object({
  id: Type.String(),
  callId: Type.String(),
  callTitle: Type.String(),
  channelId: Type.String(),
  channelLabel: Type.String(),
  recommenderOrganisationId: Type.String(),
  recommenderName: Type.String(),
  status: Type.Enum(['draft', 'issued']),
  version: Type.Integer(),
  items: Type.Array(Type.Object({ rank: Type.Integer(), application: ApplicationSummary, priorityFlags: Type.Array(Type.String()) })),
  quotas: Type.Array(QuotaStatus),
  deadline: Nullable(Type.String()),
  opinion: Nullable(Type.String()),
  signerName: Nullable(Type.String()),
  issuedAt: Nullable(Type.String()),
  sha256: Nullable(Type.String()),
  summaryColumns: Type.Array(Type.String()),
  serverTime: Type.String({ format: 'date-time' }),
});
export type Recommendation = Static<typeof Recommendation>;

export const RecommendationList = Type.Object({ items: Type.Array(Recommendation) });

export const RankingBody = Type.Object(
  { order: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 500, uniqueItems: true }), version: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);
export type RankingBody = Static<typeof RankingBody>;

export const IssueBody = Type.Object(
  { opinion: Type.String({ minLength: 2, maxLength: 5000 }), signerName: Type.String({ minLength: 2, maxLength: 50 }), version: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);
export type IssueBody = Static<typeof IssueBody>;

export const ReopenBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 1000 }) }, { additionalProperties: false });
