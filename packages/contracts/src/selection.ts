/**
 * The program owner's selection (遴选): policy check (政策性审查/初审), expert review (专家评审), defence (现场答辩),
 * decision (审定), public notice (公示) with objections (异议), and the published list (公布).
 */
import { Type, type Static } from 'typebox';
import { Violation } from './packs.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const Reason = Type.String({ minLength: 2, maxLength: 2000 });

// ---------------------------------------------------------------- policy check

export const POLICY_CHECK_DECISIONS = ['admitted', 'rejected'] as const;

export const Candidate = Type.Object({
  applicationId: Uuid,
  number: Nullable(Type.String()),
  projectName: Nullable(Type.String()),
  applicantName: Type.String(),
  applicantOrganisationId: Uuid,
  directionLabel: Nullable(Type.String()),
  formTitle: Type.String(),
  channelId: Type.String(),
  channelLabel: Type.String(),
  recommenderName: Type.String(),
  rank: Type.Integer(),
  status: Type.String(),
  statusLabel: Type.String(),
  findings: Type.Array(Violation),
  policyCheck: Nullable(Type.Object({ decision: Type.Enum(POLICY_CHECK_DECISIONS), reason: Type.String(), decidedAt: DateTime, decidedBy: Type.String() })),
});
export type Candidate = Static<typeof Candidate>;
export const CandidateList = Type.Object({ callId: Type.String(), callTitle: Type.String(), items: Type.Array(Candidate) });
export type CandidateList = Static<typeof CandidateList>;

export const PolicyCheckBody = Type.Object({ decision: Type.Enum(POLICY_CHECK_DECISIONS), reason: Reason }, { additionalProperties: false });
export type PolicyCheckBody = Static<typeof PolicyCheckBody>;

// ---------------------------------------------------------------- experts and conflicts

export const CONFLICT_KINDS = ['same_organisation', 'former_employer', 'business', 'personal', 'declared', 'officer'] as const;
export type ConflictKindName = (typeof CONFLICT_KINDS)[number];
export const CONFLICT_KIND_LABELS: Record<ConflictKindName, string> = {
  same_organisation: '同一单位',
  former_employer: '三年内曾任职',
  business: '业务往来',
  personal: '亲属等个人关系',
  declared: '专家本人申明回避',
  officer: '主管部门指定回避',
};

export const ReviewSettings = Type.Object(
  {
    reviewsPerApplication: Type.Integer({ minimum: 1, maximum: 15, description: '每个申报的评审专家数' }),
    minLoad: Type.Integer({ minimum: 0, maximum: 500, description: '每位专家最少评审数' }),
    maxLoad: Type.Integer({ minimum: 1, maximum: 500, description: '每位专家最多评审数' }),
    poolOrganisationIds: Type.Array(Uuid, { minItems: 1, description: '参加评审的专家库' }),
    divergenceThreshold: Type.Number({ minimum: 0.05, maximum: 1, description: '分差超过量程的该比例时提示讨论' }),
  },
  { additionalProperties: false },
);
export type ReviewSettings = Static<typeof ReviewSettings>;

export const ExpertSummary = Type.Object({
  userId: Uuid,
  name: Type.String(),
  title: Type.String(),
  employerName: Type.String(),
  expertise: Type.Array(Type.String()),
  poolName: Type.String(),
  load: Type.Integer(),
  submitted: Type.Integer(),
  signedBefore: Type.Boolean(),
  signedAfter: Type.Boolean(),
});
export type ExpertSummary = Static<typeof ExpertSummary>;

export const ConflictEntry = Type.Object({
  expertUserId: Uuid,
  expertName: Type.String(),
  applicantOrganisationId: Uuid,
  applicantName: Type.String(),
  kind: Type.Enum(CONFLICT_KINDS),
  kindLabel: Type.String(),
  /** detected from organisations, or recorded by a person */
  source: Type.Enum(['detected', 'recorded']),
  /** A lifted conflict no longer blocks assignment. */
  state: Type.Enum(['active', 'lifted']),
  reason: Type.String(),
});
export type ConflictEntry = Static<typeof ConflictEntry>;
export const ConflictList = Type.Object({ items: Type.Array(ConflictEntry) });

export const ConflictBody = Type.Object(
  {
    expertUserId: Uuid,
    applicantOrganisationId: Uuid,
    kind: Type.Enum(CONFLICT_KINDS),
    /** pinned: add/keep a conflict; lifted: lift a detected one */
    state: Type.Enum(['pinned', 'lifted']),
    reason: Reason,
  },
  { additionalProperties: false },
);
export type ConflictBody = Static<typeof ConflictBody>;

// ---------------------------------------------------------------- assignment and scores

export const ScoreStats = Type.Object({
  count: Type.Integer(),
  mean: Type.Number(),
  median: Type.Number(),
  spread: Type.Number(),
  stdDev: Type.Number(),
  normalized: Nullable(Type.Number()),
  divergent: Type.Boolean(),
});

export const AssignmentView = Type.Object({
  id: Uuid,
  expertUserId: Uuid,
  expertName: Type.String(),
  source: Type.Enum(['auto', 'manual']),
  matched: Type.Boolean(),
  submittedAt: Nullable(DateTime),
  remindedAt: Nullable(DateTime),
  total: Nullable(Type.Number()),
});

export const ReviewRow = Type.Object({
  applicationId: Uuid,
  number: Nullable(Type.String()),
  projectName: Nullable(Type.String()),
  applicantName: Type.String(),
  directionLabel: Nullable(Type.String()),
  assignments: Type.Array(AssignmentView),
  done: Type.Integer(),
  required: Type.Integer(),
  stats: Nullable(ScoreStats),
  shortlisted: Type.Boolean(),
});
export type ReviewRow = Static<typeof ReviewRow>;

export const ReviewOverview = Type.Object({
  callId: Type.String(),
  callTitle: Type.String(),
  status: Type.Enum(['setup', 'scoring', 'closed']),
  settings: ReviewSettings,
  rubric: Nullable(Type.Object({ scaleMin: Type.Number(), scaleMax: Type.Number(), criteria: Type.Array(Type.Object({ id: Type.String(), label: Type.String(), weight: Type.Number(), commentRequired: Type.Boolean(), description: Nullable(Type.String()) })), note: Nullable(Type.String()) })),
  pools: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
  experts: Type.Array(ExpertSummary),
  rows: Type.Array(ReviewRow),
  progress: Type.Object({ done: Type.Integer(), total: Type.Integer() }),
  normalisationMethod: Type.String(),
  hasDefence: Type.Boolean(),
});
export type ReviewOverview = Static<typeof ReviewOverview>;

export const AssignResult = Type.Object({ assigned: Type.Integer(), unmatched: Type.Integer(), cost: Type.Number(), kept: Type.Integer() });
export type AssignResult = Static<typeof AssignResult>;

export const ManualAssignmentBody = Type.Object({ applicationId: Uuid, expertUserId: Uuid, reason: Reason }, { additionalProperties: false });
export const RemoveAssignmentBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export const RemindResult = Type.Object({ reminded: Type.Integer() });

// ---------------------------------------------------------------- the expert's side

export const STATEMENT_PHASES = ['before', 'after'] as const;
export const ExpertCall = Type.Object({
  callId: Type.String(),
  callTitle: Type.String(),
  status: Type.Enum(['setup', 'scoring', 'closed']),
  statementText: Type.String(),
  signedBefore: Nullable(DateTime),
  signedAfter: Nullable(DateTime),
  assigned: Type.Integer(),
  submitted: Type.Integer(),
});
export const ExpertCallList = Type.Object({ items: Type.Array(ExpertCall) });
export type ExpertCall = Static<typeof ExpertCall>;

export const StatementBody = Type.Object({ phase: Type.Enum(STATEMENT_PHASES), accepted: Type.Literal(true) }, { additionalProperties: false });

export const ExpertAssignment = Type.Object({
  id: Uuid,
  applicationId: Uuid,
  number: Nullable(Type.String()),
  projectName: Nullable(Type.String()),
  applicantName: Type.String(),
  directionLabel: Nullable(Type.String()),
  submittedAt: Nullable(DateTime),
  total: Nullable(Type.Number()),
});
export const ExpertAssignmentList = Type.Object({ callId: Type.String(), status: Type.Enum(['setup', 'scoring', 'closed']), items: Type.Array(ExpertAssignment) });

export const ScoreSheet = Type.Object({
  scores: Type.Record(Type.String(), Type.Number()),
  comments: Type.Record(Type.String(), Type.String({ maxLength: 2000 })),
  opinion: Type.String({ maxLength: 4000 }),
});
export type ScoreSheet = Static<typeof ScoreSheet>;
export const ScoreBody = Type.Object(
  {
    scores: Type.Record(Type.String(), Type.Number()),
    comments: Type.Record(Type.String(), Type.String({ maxLength: 2000 })),
    opinion: Type.String({ maxLength: 4000 }),
    submit: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type ScoreBody = Static<typeof ScoreBody>;

export const ExpertAssignmentDetail = Type.Object({
  assignment: ExpertAssignment,
  callStatus: Type.Enum(['setup', 'scoring', 'closed']),
  /** The submitted application (absent after the review closed). */
  application: Nullable(
    Type.Object({
      formId: Type.String(),
      packVersion: Type.Integer(),
      callId: Type.String(),
      answers: Type.Record(Type.String(), Type.Unknown()),
      sha256: Type.String(),
      /** 申报书 PDF and the attachments, through the expert's own routes (only while the review is open). */
      documentUrl: Type.String(),
      files: Type.Array(Type.Object({ id: Uuid, fieldId: Type.String(), name: Type.String(), size: Type.Integer(), sha256: Type.String(), url: Type.String() })),
    }),
  ),
  rubric: ReviewOverview.properties.rubric,
  sheet: ScoreSheet,
  /** Other experts' totals, only once this expert has submitted (anonymous). */
  others: Nullable(Type.Array(Type.Object({ label: Type.String(), total: Nullable(Type.Number()), submitted: Type.Boolean() }))),
});
export type ExpertAssignmentDetail = Static<typeof ExpertAssignmentDetail>;

export const DeclareConflictBody = Type.Object({ reason: Reason }, { additionalProperties: false });

// ---------------------------------------------------------------- defence

export const DefenceSlotInput = Type.Object({ applicationId: Uuid, startsAt: DateTime, endsAt: DateTime }, { additionalProperties: false });
export const DefenceSessionBody = Type.Object(
  {
    room: Type.String({ minLength: 1, maxLength: 200 }),
    startsAt: DateTime,
    endsAt: DateTime,
    panelExpertIds: Type.Array(Uuid, { minItems: 1, maxItems: 15 }),
    slots: Type.Array(DefenceSlotInput, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type DefenceSessionBody = Static<typeof DefenceSessionBody>;
export const ShortlistBody = Type.Object({ applicationIds: Type.Array(Uuid) }, { additionalProperties: false });
export const PanelResultBody = Type.Object(
  {
    panelScores: Type.Record(Type.String({ format: 'uuid' }), Type.Number()),
    panelRecommendation: Type.Enum(['recommend', 'not_recommend']),
    panelOpinion: Type.String({ minLength: 2, maxLength: 4000 }),
  },
  { additionalProperties: false },
);
export type PanelResultBody = Static<typeof PanelResultBody>;

export const DefenceOverview = Type.Object({
  shortlist: Type.Array(Type.Object({ applicationId: Uuid, number: Nullable(Type.String()), projectName: Nullable(Type.String()), applicantName: Type.String(), scheduled: Type.Boolean() })),
  sessions: Type.Array(
    Type.Object({
      id: Uuid,
      room: Type.String(),
      startsAt: DateTime,
      endsAt: DateTime,
      panel: Type.Array(Type.Object({ userId: Uuid, name: Type.String() })),
      slots: Type.Array(
        Type.Object({
          applicationId: Uuid,
          number: Nullable(Type.String()),
          projectName: Nullable(Type.String()),
          applicantName: Type.String(),
          startsAt: DateTime,
          endsAt: DateTime,
          panelScores: Type.Record(Type.String(), Type.Number()),
          panelMean: Nullable(Type.Number()),
          panelRecommendation: Nullable(Type.Enum(['recommend', 'not_recommend'])),
          panelOpinion: Nullable(Type.String()),
        }),
      ),
    }),
  ),
});
export type DefenceOverview = Static<typeof DefenceOverview>;

// ---------------------------------------------------------------- decision, public notice, publication

export const SELECTION_STATUSES = ['proposed', 'approved', 'public_notice', 'published'] as const;
export const SELECTION_STATUS_LABELS: Record<(typeof SELECTION_STATUSES)[number], string> = {
  proposed: '拟定中',
  approved: '已审定',
  public_notice: '公示中',
  published: '已公布',
};

export const SelectionItem = Type.Object({
  applicationId: Uuid,
  rank: Type.Integer(),
  number: Nullable(Type.String()),
  projectName: Nullable(Type.String()),
  applicantName: Type.String(),
  recommenderName: Nullable(Type.String()),
  directionLabel: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
  outcomeLabel: Nullable(Type.String()),
  score: Nullable(Type.Number()),
  /** The call-wide ceilings (quota ids) this application counts toward, so a screen can count a list before saving it. */
  ceilingIds: Type.Array(Type.String()),
});
export type SelectionItem = Static<typeof SelectionItem>;

export const Objection = Type.Object({
  id: Uuid,
  applicationId: Nullable(Uuid),
  projectName: Nullable(Type.String()),
  name: Type.String(),
  phone: Type.String(),
  email: Nullable(Type.String()),
  content: Type.String(),
  evidence: Type.Array(Type.Object({ name: Type.String(), sha256: Type.String(), size: Type.Integer(), mimeType: Type.String() })),
  lodgedAt: DateTime,
  status: Type.Enum(['open', 'upheld', 'dismissed']),
  outcome: Nullable(Type.String()),
  handledAt: Nullable(DateTime),
});
export type Objection = Static<typeof Objection>;

export const Ceiling = Type.Object({ id: Type.String(), label: Type.String(), limit: Type.Integer(), used: Type.Integer(), exceeded: Type.Boolean() });

export const SelectionView = Type.Object({
  callId: Type.String(),
  callTitle: Type.String(),
  selection: Nullable(
    Type.Object({
      id: Uuid,
      status: Type.Enum(SELECTION_STATUSES),
      statusLabel: Type.String(),
      version: Type.Integer(),
      approverName: Nullable(Type.String()),
      approvedAt: Nullable(DateTime),
      noticeTitle: Nullable(Type.String()),
      noticeText: Nullable(Type.String()),
      noticeStartsAt: Nullable(DateTime),
      noticeEndsAt: Nullable(DateTime),
      documentNumber: Nullable(Type.String()),
      publishedAt: Nullable(DateTime),
      items: Type.Array(SelectionItem),
    }),
  ),
  /** Admitted applications the officer may select from, with their scores. */
  eligible: Type.Array(SelectionItem),
  outcomes: Type.Array(Type.Object({ id: Type.String(), label: Type.String() })),
  ceilings: Type.Array(Ceiling),
  publicNoticeDays: Type.Integer(),
  objections: Type.Array(Objection),
  /** The database clock, so the screen shows the period against the server's time. */
  now: DateTime,
});
export type SelectionView = Static<typeof SelectionView>;

export const ProposeBody = Type.Object(
  { version: Type.Integer({ minimum: 0 }), items: Type.Array(Type.Object({ applicationId: Uuid, outcome: Type.Optional(Type.String()) }, { additionalProperties: false })) },
  { additionalProperties: false },
);
export type ProposeBody = Static<typeof ProposeBody>;
export const ApproveBody = Type.Object({ approverName: Type.String({ minLength: 2, maxLength: 50 }) }, { additionalProperties: false });
export const NoticeBody = Type.Object({ title: Type.String({ minLength: 4, maxLength: 200 }), text: Type.String({ minLength: 4, maxLength: 10000 }) }, { additionalProperties: false });
export const PublishBody = Type.Object({ documentNumber: Type.String({ minLength: 4, maxLength: 100, description: '公布文号' }) }, { additionalProperties: false });
export const ResolveObjectionBody = Type.Object(
  { status: Type.Enum(['upheld', 'dismissed']), outcome: Reason, removeFromList: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type ResolveObjectionBody = Static<typeof ResolveObjectionBody>;

// ---------------------------------------------------------------- public pages

export const PublicNotice = Type.Object({
  id: Uuid,
  callId: Type.String(),
  callTitle: Type.String(),
  issuerName: Type.String(),
  kind: Type.Enum(['public_notice', 'published']),
  title: Type.String(),
  text: Type.String(),
  noticeStartsAt: Nullable(DateTime),
  noticeEndsAt: Nullable(DateTime),
  documentNumber: Nullable(Type.String()),
  publishedAt: Nullable(DateTime),
  objectionsOpen: Type.Boolean(),
  items: Type.Array(Type.Object({ rank: Type.Integer(), projectName: Nullable(Type.String()), applicantName: Type.String(), recommenderName: Nullable(Type.String()), directionLabel: Nullable(Type.String()), outcomeLabel: Nullable(Type.String()), applicationId: Uuid })),
  demonstrationEndsOn: Nullable(Type.String()),
  /** The database clock, for the period's countdown. */
  now: DateTime,
});
export type PublicNotice = Static<typeof PublicNotice>;
export const PublicNoticeList = Type.Object({ items: Type.Array(Type.Omit(PublicNotice, ['items', 'text'])), now: DateTime });

export const ObjectionBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 50, description: '异议人姓名或单位名称' }),
    phone: Type.String({ pattern: '^[0-9+\\-() ]{7,20}$', description: '联系电话' }),
    email: Type.Optional(Type.String({ format: 'email' })),
    applicationId: Type.Optional(Uuid),
    content: Type.String({ minLength: 10, maxLength: 5000, description: '异议内容及理由' }),
    evidence: Type.Optional(
      Type.Array(Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), contentBase64: Type.String({ minLength: 4, maxLength: 7_000_000 }) }, { additionalProperties: false }), { maxItems: 3 }),
    ),
  },
  { additionalProperties: false },
);
export type ObjectionBody = Static<typeof ObjectionBody>;
export const ObjectionReceipt = Type.Object({ id: Uuid, lodgedAt: DateTime });
