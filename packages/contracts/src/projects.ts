import { Type, type Static } from 'typebox';

/**
 * 项目管理 (#7): a selected project from its implementation plan to the last subsidy payment.
 * Money is in 万元 as a JSON number with at most two decimals (unit prices: four); the server computes in integer
 * hundredths of 万元 and stores numeric(14,2) — results are rounded half-up to 0.01万元.
 * Dates are `YYYY-MM-DD` (Asia/Shanghai), times ISO 8601.
 */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const IsoDate = Type.String({ format: 'date' });
const DateTime = Type.String({ format: 'date-time' });
const Wan = Type.Number({ minimum: 0, maximum: 99_999_999, description: '万元，至多两位小数' });
const LongText = Type.String({ maxLength: 10_000 });

export const PROJECT_STATUSES = ['implementing', 'rectifying', 'accepted', 'failed', 'revoked'] as const;
export type ProjectStatusName = (typeof PROJECT_STATUSES)[number];
export const PROJECT_STATUS_LABELS: Record<ProjectStatusName, string> = {
  implementing: '实施中',
  rectifying: '限期整改',
  accepted: '已通过验收',
  failed: '未通过验收（已终止）',
  revoked: '已撤销（弄虚作假处理）',
};

/** A file of a project as the API returns it (upload with POST /api/projects/:id/files). */
export const ProjectFile = Type.Object({ fileId: Uuid, name: Type.String(), size: Type.Integer(), sha256: Type.String(), mime: Type.String() });
export type ProjectFile = Static<typeof ProjectFile>;
export const FILE_PURPOSES = ['plan', 'agreement', 'report', 'ledger', 'acceptance', 'payment', 'sanction'] as const;
export const FileUploadQuery = Type.Object(
  { purpose: Type.Enum(FILE_PURPOSES), name: Type.String({ minLength: 1, maxLength: 200, description: '文件名（含扩展名）' }) },
  { additionalProperties: false },
);

const FileIds = Type.Array(Uuid, { maxItems: 50 });

// ---------------------------------------------------------------- risk, reports

export const RiskFlag = Type.Object({ flagged: Type.Boolean(), reasons: Type.Array(Type.String()) });

export const REPORT_STATES = ['upcoming', 'open', 'submitted', 'late', 'missing'] as const;
export const REPORT_STATE_LABELS: Record<(typeof REPORT_STATES)[number], string> = {
  upcoming: '未到期',
  open: '待报送',
  submitted: '已按时报送',
  late: '逾期报送',
  missing: '逾期未报',
};
export const ReportSlot = Type.Object({
  year: Type.Integer(),
  quarter: Type.Integer({ minimum: 1, maximum: 4 }),
  label: Type.String(), // 2016年第四季度
  dueOn: IsoDate,
  state: Type.Enum(REPORT_STATES),
  submittedAt: Nullable(DateTime),
  reportId: Nullable(Uuid),
});
export type ReportSlot = Static<typeof ReportSlot>;

export const ReportBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    quarter: Type.Integer({ minimum: 1, maximum: 4 }),
    /** The pack's quarterly-report form answers; without a form: { progressSummary, problems?, nextQuarterPlan?, cumulativeInvestment? }. */
    answers: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
);
export type ReportBody = Static<typeof ReportBody>;

export const Report = Type.Object({
  id: Uuid,
  year: Type.Integer(),
  quarter: Type.Integer(),
  dueOn: IsoDate,
  late: Type.Boolean(),
  answers: Type.Record(Type.String(), Type.Unknown()),
  sha256: Type.String(),
  submittedAt: DateTime,
  submittedBy: Type.String(),
});

// ---------------------------------------------------------------- summary and list

export const ProjectSummary = Type.Object({
  id: Uuid,
  callId: Type.String(),
  callTitle: Type.String(),
  applicationId: Uuid,
  name: Type.String(),
  applicantOrganisationId: Uuid,
  applicantName: Type.String(),
  recommenderOrganisationId: Nullable(Uuid),
  recommenderName: Nullable(Type.String()),
  status: Type.Enum(PROJECT_STATUSES),
  statusLabel: Type.String(),
  /** 当前环节, e.g. 待提交实施方案, 待签订实施协议, 实施中, 待初验, 专家验收中. */
  stage: Type.String(),
  outcome: Nullable(Type.String()),
  selectedAt: DateTime,
  documentNumber: Type.String(),
  period: Nullable(Type.Object({ from: Type.String(), to: Type.String() })),
  title: Nullable(Type.String()),
  demonstrationEndsOn: Nullable(IsoDate),
  reports: Type.Object({ due: Type.Integer(), submitted: Type.Integer(), late: Type.Integer(), missing: Type.Integer(), nextDueOn: Nullable(IsoDate) }),
  risk: RiskFlag,
});
export type ProjectSummary = Static<typeof ProjectSummary>;

export const ProjectQuery = Type.Object(
  {
    callId: Type.Optional(Type.String({ maxLength: 100 })),
    status: Type.Optional(Type.Enum(PROJECT_STATUSES)),
    risk: Type.Optional(Type.Boolean({ description: '只看有风险提示的项目' })),
  },
  { additionalProperties: false },
);
export const ProjectList = Type.Object({ items: Type.Array(ProjectSummary) });
export type ProjectList = Static<typeof ProjectList>;

/** 逾期与未报的季度报告: the recommender's jurisdiction, or all of the owner's calls. */
export const OverdueReports = Type.Object({
  items: Type.Array(
    Type.Object({
      projectId: Uuid,
      projectName: Type.String(),
      applicantName: Type.String(),
      recommenderName: Nullable(Type.String()),
      callId: Type.String(),
      year: Type.Integer(),
      quarter: Type.Integer(),
      label: Type.String(),
      dueOn: IsoDate,
      state: Type.Enum(['late', 'missing']),
      daysOverdue: Type.Integer(),
      submittedAt: Nullable(DateTime),
    }),
  ),
});
export type OverdueReports = Static<typeof OverdueReports>;

// ---------------------------------------------------------------- plan and agreement

export const PlanBody = Type.Object(
  {
    /** Text per heading of the pack's outline (implementation.planDocument); without an outline: { 实施方案: text }. */
    sections: Type.Record(Type.String({ maxLength: 100 }), LongText),
    fileIds: Type.Optional(FileIds),
  },
  { additionalProperties: false },
);
export type PlanBody = Static<typeof PlanBody>;

export const DecisionOpinionBody = Type.Object(
  { decision: Type.Enum(['approved', 'returned']), opinion: Type.String({ maxLength: 2000 }) },
  { additionalProperties: false },
);
export type DecisionOpinionBody = Static<typeof DecisionOpinionBody>;

export const PlanVersion = Type.Object({
  seq: Type.Integer(),
  status: Type.Enum(['submitted', 'approved', 'returned']),
  sections: Type.Record(Type.String(), Type.String()),
  files: Type.Array(ProjectFile),
  sha256: Type.String(),
  submittedAt: DateTime,
  opinion: Nullable(Type.String()),
  decidedAt: Nullable(DateTime),
});

export const AgreementBody = Type.Object(
  {
    agreementNo: Type.String({ minLength: 1, maxLength: 60, description: '实施协议编号' }),
    /** 协议条款（双方权利义务、建设内容与目标、资金拨付、验收、违约处理） */
    terms: Type.String({ minLength: 1, maxLength: 20_000 }),
    fileIds: Type.Optional(FileIds),
  },
  { additionalProperties: false },
);
export type AgreementBody = Static<typeof AgreementBody>;

export const SignBody = Type.Object(
  {
    signerName: Type.String({ minLength: 2, maxLength: 50, description: '签署人姓名' }),
    /** The SHA-256 of the document the signer read: a changed document cannot be signed unread. */
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  },
  { additionalProperties: false },
);
export type SignBody = Static<typeof SignBody>;

export const Agreement = Type.Object({
  agreementNo: Type.String(),
  title: Type.String(),
  document: Type.Record(Type.String(), Type.Unknown()),
  sha256: Type.String(),
  preparedAt: DateTime,
  signatures: Type.Array(Type.Object({ party: Type.Enum(['applicant', 'owner']), signerName: Type.String(), signedAt: DateTime, sha256: Type.String() })),
  effectiveAt: Nullable(DateTime),
});

// ---------------------------------------------------------------- ledger

export const LedgerItemBody = Type.Object(
  {
    /** The pack's ledger category id (implementation.ledger.categories). */
    category: Type.String({ minLength: 1, maxLength: 50 }),
    /** 设备（软件、服务）名称 */
    item: Type.String({ minLength: 1, maxLength: 200 }),
    supplier: Type.Optional(Type.String({ maxLength: 200 })),
    /** 合同名称或编号 */
    contract: Type.Optional(Type.String({ maxLength: 200 })),
    contractAmount: Type.Optional(Wan),
    invoiceNo: Type.Optional(Type.String({ maxLength: 60 })),
    invoiceAmount: Type.Optional(Wan),
    invoiceDate: Type.Optional(IsoDate),
    paymentVoucherNo: Type.Optional(Type.String({ maxLength: 60 })),
    paymentAmount: Type.Optional(Wan),
    /** 002: 生产厂商, 数量, 单价（万元，至多四位小数）. */
    maker: Type.Optional(Type.String({ maxLength: 200 })),
    quantity: Type.Optional(Type.Number({ minimum: 0, maximum: 99_999_999 })),
    unitPrice: Type.Optional(Type.Number({ minimum: 0, maximum: 99_999_999 })),
    /** 合同、发票、付款凭证扫描件 (files uploaded with purpose=ledger). */
    contractFileIds: Type.Optional(FileIds),
    invoiceFileIds: Type.Optional(FileIds),
    paymentFileIds: Type.Optional(FileIds),
    /** On update: the version read (optimistic lock). */
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type LedgerItemBody = Static<typeof LedgerItemBody>;

export const LedgerItem = Type.Object({
  id: Uuid,
  category: Type.String(),
  categoryLabel: Type.String(),
  /** 序号 within its category, in entry order. */
  seq: Type.Integer(),
  item: Type.String(),
  supplier: Nullable(Type.String()),
  contract: Nullable(Type.String()),
  contractAmount: Nullable(Type.Number()),
  invoiceNo: Nullable(Type.String()),
  invoiceAmount: Nullable(Type.Number()),
  invoiceDate: Nullable(IsoDate),
  paymentVoucherNo: Nullable(Type.String()),
  paymentAmount: Nullable(Type.Number()),
  maker: Nullable(Type.String()),
  quantity: Nullable(Type.Number()),
  unitPrice: Nullable(Type.Number()),
  /** What the row adds: invoice amount, or quantity × unit price. */
  amount: Type.Number(),
  files: Type.Object({ contract: Type.Array(ProjectFile), invoice: Type.Array(ProjectFile), payment: Type.Array(ProjectFile) }),
  version: Type.Integer(),
  updatedAt: DateTime,
});
export type LedgerItem = Static<typeof LedgerItem>;

export const LEDGER_CHECKS = [
  'invoice_outside_period', // 发票时间不在项目期内
  'invoice_outside_window', // 不在近N年（含项目完成年度）内
  'invoice_above_contract', // 发票金额大于合同金额
  'payment_above_invoice', // 付款金额大于发票金额
  'missing_fields', // 缺少合同/发票/付款的必要栏目
  'missing_scans', // 缺少合同、发票、付款凭证扫描件
  'duplicate_invoice', // 同一项目内同一供应商的发票号重复
  'category_above_plan', // 类别合计超出申报计划
  'category_not_counted', // 不计入实际投资额的类别
  'invoice_reused', // 同一供应商的同一发票号已用于平台上其他受资助项目（仅主管部门可见）
] as const;
export const LedgerFinding = Type.Object({
  check: Type.Enum(LEDGER_CHECKS),
  severity: Type.Enum(['error', 'warning']),
  itemId: Nullable(Uuid),
  category: Nullable(Type.String()),
  path: Type.String(),
  message: Type.String(),
  /** invoice_reused: the other project (owner only). */
  other: Type.Optional(
    Type.Object({ projectId: Uuid, projectName: Type.String(), callId: Type.String(), callTitle: Type.String(), applicantName: Type.String(), itemId: Uuid, invoiceNo: Type.String(), supplier: Type.String(), invoiceAmount: Nullable(Type.Number()) }),
  ),
});
export type LedgerFinding = Static<typeof LedgerFinding>;

export const CategoryTotal = Type.Object({
  category: Type.String(),
  label: Type.String(),
  counted: Type.Boolean(),
  /** 申报计划（万元）, from the application's answers. */
  planned: Nullable(Type.Number()),
  amount: Type.Number(),
  paid: Type.Number(),
  rows: Type.Integer(),
});

export const Ledger = Type.Object({
  layout: Type.Enum(['contract-invoice', 'itemised']),
  categories: Type.Array(Type.Object({ id: Type.String(), label: Type.String(), counted: Type.Boolean() })),
  period: Nullable(Type.Object({ from: Type.String(), to: Type.String() })),
  /** Invoice years accepted: 近N年（含项目完成年度）. */
  window: Nullable(Type.Object({ fromYear: Type.Integer(), toYear: Type.Integer() })),
  items: Type.Array(LedgerItem),
  totals: Type.Array(CategoryTotal),
  /** 实际投资额: counted categories only. */
  countedTotal: Type.Number(),
  total: Type.Number(),
  plannedTotal: Nullable(Type.Number()),
  findings: Type.Array(LedgerFinding),
  /** The ledger cannot change while an acceptance application is under way or after it passed. */
  editable: Type.Boolean(),
});
export type Ledger = Static<typeof Ledger>;

// ---------------------------------------------------------------- acceptance

export const AcceptanceApplyBody = Type.Object(
  {
    /** 竣工总结报告: text per heading of the outline (implementation.acceptance.completionReport). */
    report: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), LongText)),
    /** 绩效评估和补助资金使用情况分析专题报告 (003 §16): text per heading. */
    performanceReport: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), LongText)),
    /** The pack's acceptance form; its ledger table is filled by the server from the ledger. */
    answers: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    fileIds: Type.Optional(FileIds),
  },
  { additionalProperties: false },
);
export type AcceptanceApplyBody = Static<typeof AcceptanceApplyBody>;

export const PreAcceptanceBody = Type.Object(
  { decision: Type.Enum(['forwarded', 'returned']), opinion: Type.String({ minLength: 2, maxLength: 2000 }) },
  { additionalProperties: false },
);
export type PreAcceptanceBody = Static<typeof PreAcceptanceBody>;

export const PanelBody = Type.Object(
  { expertUserIds: Type.Array(Uuid, { minItems: 1, maxItems: 15 }), meetingAt: Type.Optional(DateTime) },
  { additionalProperties: false },
);
export type PanelBody = Static<typeof PanelBody>;

export const AcceptanceReviewBody = Type.Object(
  {
    /** Per rubric criterion; omitted when the pack has no acceptance rubric or the expert declares a conflict. */
    scores: Type.Optional(Type.Record(Type.String(), Type.Number())),
    comments: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 2000 }))),
    recommendation: Type.Optional(Type.Enum(['pass', 'fail'])),
    opinion: Type.Optional(Type.String({ maxLength: 5000 })),
    /** 声明回避: the expert has a conflict of interest and does not review. */
    conflict: Type.Optional(Type.String({ minLength: 2, maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type AcceptanceReviewBody = Static<typeof AcceptanceReviewBody>;

export const AcceptanceDecisionBody = Type.Object(
  {
    decision: Type.Enum(['passed', 'failed']),
    /** 评价意见 */
    opinion: Type.String({ minLength: 2, maxLength: 5000 }),
    /** 认定的实际投资额（万元）; default: the ledger's counted total. */
    acceptedInvestment: Type.Optional(Wan),
    /** 形成可推广模式 (003 第十一条: the title needs it). */
    replicableModel: Type.Optional(Type.Boolean()),
    /** 整改期限: required when a first acceptance fails. */
    rectificationDeadline: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type AcceptanceDecisionBody = Static<typeof AcceptanceDecisionBody>;

export const ACCEPTANCE_STATUSES = ['applied', 'returned', 'forwarded', 'panel', 'passed', 'failed'] as const;
export const ACCEPTANCE_STATUS_LABELS: Record<(typeof ACCEPTANCE_STATUSES)[number], string> = {
  applied: '已申请，待初验',
  returned: '初验退回',
  forwarded: '初验通过，待组织专家验收',
  panel: '专家验收中',
  passed: '通过验收',
  failed: '未通过验收',
};

export const AcceptanceRound = Type.Object({
  id: Uuid,
  round: Type.Integer(),
  status: Type.Enum(ACCEPTANCE_STATUSES),
  statusLabel: Type.String(),
  report: Type.Record(Type.String(), Type.String()),
  performanceReport: Type.Record(Type.String(), Type.String()),
  answers: Type.Record(Type.String(), Type.Unknown()),
  files: Type.Array(ProjectFile),
  ledgerSnapshot: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  actualInvestment: Type.Number(),
  sha256: Type.String(),
  submittedAt: DateTime,
  submissions: Type.Integer(),
  pre: Nullable(Type.Object({ decision: Type.Enum(['forwarded', 'returned']), opinion: Type.String(), at: DateTime, by: Type.String() })),
  panel: Type.Array(
    Type.Object({
      expertUserId: Uuid,
      name: Type.String(),
      /** Visible to the owner and the expert themself. */
      review: Nullable(
        Type.Object({ scores: Type.Record(Type.String(), Type.Number()), comments: Type.Record(Type.String(), Type.String()), total: Nullable(Type.Number()), recommendation: Nullable(Type.Enum(['pass', 'fail'])), opinion: Nullable(Type.String()), conflict: Nullable(Type.String()), submittedAt: DateTime }),
      ),
    }),
  ),
  meetingAt: Nullable(DateTime),
  /** Mean of the submitted totals (rubric scale). */
  averageScore: Nullable(Type.Number()),
  decision: Nullable(Type.Object({ decision: Type.Enum(['passed', 'failed']), opinion: Type.String(), acceptedInvestment: Nullable(Type.Number()), replicableModel: Nullable(Type.Boolean()), rectificationDeadline: Nullable(IsoDate), at: DateTime })),
});
export type AcceptanceRound = Static<typeof AcceptanceRound>;

// ---------------------------------------------------------------- subsidy

export const PAYMENT_KINDS = ['provincial', 'city_matching', 'recovery'] as const;
export const PAYMENT_KIND_LABELS: Record<(typeof PAYMENT_KINDS)[number], string> = { provincial: '省级补助资金', city_matching: '市级配套资金', recovery: '收回补助资金' };

export const PaymentBody = Type.Object(
  {
    kind: Type.Enum(PAYMENT_KINDS),
    /** Index into the pack's funding.tranches (provincial payments). */
    tranche: Type.Optional(Type.Integer({ minimum: 0, maximum: 9 })),
    amount: Type.Number({ exclusiveMinimum: 0, maximum: 99_999_999, description: '万元，至多两位小数' }),
    paidOn: IsoDate,
    voucherNo: Type.String({ minLength: 1, maxLength: 60, description: '拨付（收回）凭证号' }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type PaymentBody = Static<typeof PaymentBody>;

export const Payment = Type.Object({
  id: Uuid,
  kind: Type.Enum(PAYMENT_KINDS),
  kindLabel: Type.String(),
  tranche: Nullable(Type.Integer()),
  amount: Type.Number(),
  paidOn: IsoDate,
  voucherNo: Type.String(),
  note: Nullable(Type.String()),
  payerName: Type.String(),
  recordedAt: DateTime,
});

export const SubsidyPlan = Type.Object({
  rate: Type.Number(),
  capWan: Type.Number(),
  basis: Type.String(),
  /** From the application's planned investment (counted categories): what the first tranche is measured on. */
  estimate: Nullable(Type.Number()),
  /** From the investment accepted at acceptance. */
  final: Nullable(Type.Number()),
  capApplied: Type.Boolean(),
  tranches: Type.Array(
    Type.Object({
      index: Type.Integer(),
      label: Type.String(),
      stage: Type.String(),
      share: Nullable(Type.Number()),
      /** null: the pack sets no share — the owner decides the amount (at most what remains of the estimate). */
      planned: Nullable(Type.Number()),
      paid: Type.Number(),
      /** Payable now (selection made / acceptance passed, project not revoked). */
      open: Type.Boolean(),
      remaining: Nullable(Type.Number()),
    }),
  ),
  paid: Type.Number(),
  /** Paid beyond the final subsidy: to be deducted or recovered. */
  overpaid: Type.Number(),
  cityMatching: Type.Boolean(),
  cityMatchingPaid: Type.Number(),
  /** After a sanction: money to recover, and what has come back. */
  toRecover: Type.Number(),
  recovered: Type.Number(),
  payments: Type.Array(Payment),
});
export type SubsidyPlan = Static<typeof SubsidyPlan>;

export const SubsidySummaryQuery = Type.Object(
  { callId: Type.Optional(Type.String({ maxLength: 100 })), year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
  { additionalProperties: false },
);
/** 资金汇总: per call, city (the recommender) and year of payment. */
export const SubsidySummary = Type.Object({
  rows: Type.Array(
    Type.Object({
      callId: Type.String(),
      callTitle: Type.String(),
      recommenderOrganisationId: Nullable(Uuid),
      cityName: Type.String(),
      year: Type.Integer(),
      projects: Type.Integer(),
      provincial: Type.Number(),
      cityMatching: Type.Number(),
      recovered: Type.Number(),
    }),
  ),
  totals: Type.Object({ provincial: Type.Number(), cityMatching: Type.Number(), recovered: Type.Number() }),
});
export type SubsidySummary = Static<typeof SubsidySummary>;

// ---------------------------------------------------------------- honours and sanctions

export const SanctionBody = Type.Object(
  {
    stage: Type.Enum(['application', 'implementation', 'acceptance']),
    /** One of the pack's sanctions.grounds (or the owner's wording). */
    ground: Type.String({ minLength: 2, maxLength: 500 }),
    /** 查实的事实 */
    findings: Type.String({ minLength: 2, maxLength: 5000 }),
    /** 处理文件文号 */
    documentNumber: Type.Optional(Type.String({ maxLength: 100 })),
    /** 应收回金额（万元）; default: all provincial subsidy paid. */
    recoverAmount: Type.Optional(Wan),
  },
  { additionalProperties: false },
);
export type SanctionBody = Static<typeof SanctionBody>;

export const Sanction = Type.Object({
  id: Uuid,
  stage: Type.Enum(['application', 'implementation', 'acceptance']),
  ground: Type.String(),
  findings: Type.String(),
  documentNumber: Nullable(Type.String()),
  titleRevoked: Type.Boolean(),
  recoverAmount: Type.Number(),
  banEndsAt: Nullable(DateTime),
  decidedAt: DateTime,
});

export const Ban = Type.Object({
  id: Uuid,
  organisationId: Uuid,
  organisationName: Type.String(),
  reason: Type.String(),
  startsAt: DateTime,
  endsAt: DateTime,
  active: Type.Boolean(),
  projectId: Nullable(Uuid),
  projectName: Nullable(Type.String()),
});
export const BanList = Type.Object({ items: Type.Array(Ban) });
export type BanList = Static<typeof BanList>;

// ---------------------------------------------------------------- detail

export const ProjectEvent = Type.Object({ id: Type.Integer(), at: DateTime, type: Type.String(), actorName: Nullable(Type.String()), organisationName: Nullable(Type.String()), note: Nullable(Type.String()) });

/** What the signed-in person may do now (the screens show the buttons these allow). */
export const ProjectPermissions = Type.Object({
  submitPlan: Type.Boolean(),
  decidePlan: Type.Boolean(),
  prepareAgreement: Type.Boolean(),
  signAgreement: Type.Boolean(),
  submitReport: Type.Boolean(),
  editLedger: Type.Boolean(),
  applyAcceptance: Type.Boolean(),
  preReview: Type.Boolean(),
  formPanel: Type.Boolean(),
  reviewAcceptance: Type.Boolean(),
  decideAcceptance: Type.Boolean(),
  recordPayment: Type.Boolean(),
  recordCityMatching: Type.Boolean(),
  sanction: Type.Boolean(),
  uploadFiles: Type.Boolean(),
});

export const ProjectDetail = Type.Object({
  project: ProjectSummary,
  /** The lifecycle steps this call's pack has. */
  steps: Type.Object({ plan: Type.Boolean(), agreement: Type.Boolean(), quarterlyReports: Type.Boolean(), acceptance: Type.Boolean(), subsidy: Type.Boolean() }),
  plan: Type.Object({ outline: Type.Array(Type.String()), title: Type.String(), versions: Type.Array(PlanVersion), approved: Type.Boolean() }),
  agreement: Nullable(Agreement),
  reports: Type.Object({ form: Nullable(Type.Object({ id: Type.String(), title: Type.String() })), schedule: Type.Array(ReportSlot), items: Type.Array(Report) }),
  ledgerSummary: Type.Object({ countedTotal: Type.Number(), total: Type.Number(), plannedTotal: Nullable(Type.Number()), rows: Type.Integer(), errors: Type.Integer(), warnings: Type.Integer() }),
  acceptance: Type.Object({
    completionOutline: Type.Array(Type.String()),
    performanceOutline: Type.Array(Type.String()),
    form: Nullable(Type.Object({ id: Type.String(), title: Type.String(), ledgerField: Nullable(Type.String()) })),
    rubric: Nullable(Type.Object({ scale: Type.Object({ min: Type.Number(), max: Type.Number() }), criteria: Type.Array(Type.Object({ id: Type.String(), label: Type.String(), weight: Type.Optional(Type.Number()), description: Type.Optional(Type.String()), commentRequired: Type.Optional(Type.Boolean()) })) })),
    preAcceptance: Type.Boolean(),
    minPanelSize: Type.Integer(),
    rounds: Type.Array(AcceptanceRound),
    rectificationDeadline: Nullable(IsoDate),
  }),
  subsidy: Nullable(SubsidyPlan),
  honours: Nullable(Type.Object({ title: Type.String(), grantedAt: Nullable(DateTime), revokedAt: Nullable(DateTime), demonstrationEndsOn: Nullable(IsoDate) })),
  sanctions: Type.Array(Sanction),
  sanctionGrounds: Type.Array(Type.String()),
  events: Type.Array(ProjectEvent),
  permissions: ProjectPermissions,
  serverTime: DateTime,
});
export type ProjectDetail = Static<typeof ProjectDetail>;

/** 验收专家候选: the experts of the pools the owner may draw on, each with the reason it must stay out, if any. */
export const AcceptanceExperts = Type.Object({
  items: Type.Array(
    Type.Object({
      userId: Type.String({ format: 'uuid' }),
      name: Type.String(),
      title: Type.String(),
      employerName: Type.String(),
      expertise: Type.Array(Type.String()),
      poolName: Type.String(),
      /** 须回避 and why (same or recent former employer, or declared on this acceptance); null when free. */
      conflict: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
export type AcceptanceExperts = Static<typeof AcceptanceExperts>;

/**
 * The ledger as rows of an acceptance form's table (the columns it has, e.g. 003's items, 000's 附表). One function for
 * the server, which fills the submitted form with it, and the browser, which shows the same rows before submission.
 */
export function ledgerTableRows(field: { columns: { id: string; type: string; options?: unknown[]; other?: boolean }[] }, items: LedgerItem[]): Record<string, unknown>[] {
  const columns = new Map(field.columns.map((c) => [c.id, c]));
  const categoryColumn = columns.get('category');
  return items.map((i) => {
    let category: unknown = i.categoryLabel;
    if (categoryColumn?.type === 'choice') {
      const values = (categoryColumn.options ?? []).map((o) => (typeof o === 'string' ? o : (o as { value: string }).value));
      if (!values.includes(i.categoryLabel) && categoryColumn.other) category = { other: i.categoryLabel };
    }
    const candidate: Record<string, unknown> = {
      category,
      seq: i.seq,
      equipment: i.item,
      item: i.item,
      supplier: i.supplier,
      contract: i.contract,
      contractAmount: i.contractAmount,
      invoiceNo: i.invoiceNo,
      invoiceAmount: i.invoiceAmount,
      invoiceDate: i.invoiceDate,
      paymentVoucherNo: i.paymentVoucherNo,
      paymentAmount: i.paymentAmount,
      maker: i.maker,
      quantity: i.quantity,
      unitPrice: i.unitPrice,
      total: i.amount,
    };
    return Object.fromEntries(Object.entries(candidate).filter(([k, v]) => columns.has(k) && v !== null && v !== undefined));
  });
}
