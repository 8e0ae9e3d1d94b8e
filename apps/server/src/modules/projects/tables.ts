import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

export type ProjectStatus = 'implementing' | 'rectifying' | 'accepted' | 'failed' | 'revoked';

/** 项目: a selected application after the final list is published (公布) — the subject of the lifecycle (#7). */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: text('call_id').notNull(),
    applicationId: uuid('application_id').notNull().unique(),
    applicantOrganisationId: uuid('applicant_organisation_id').notNull(),
    recommenderOrganisationId: uuid('recommender_organisation_id'),
    name: text('name').notNull(),
    /** 入选结果 as the pack names it, e.g. 001 重点培育平台 / 项目库; null where the pack has one outcome. */
    outcome: text('outcome'),
    status: text('status').$type<ProjectStatus>().notNull().default('implementing'),
    selectedAt: timestamp('selected_at', { withTimezone: true }).notNull(),
    /** 公布文号 of the list that selected it. */
    documentNumber: text('document_number').notNull(),
    /** 示范期 (004: two years from publication). */
    demonstrationEndsOn: date('demonstration_ends_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** 荣誉称号 granted on acceptance (003 第十一条), and when; revoked by a sanction (第十七条). */
    title: text('title'),
    titleGrantedAt: timestamp('title_granted_at', { withTimezone: true }),
    titleRevokedAt: timestamp('title_revoked_at', { withTimezone: true }),
    /** 验收认定的实际投资额（万元）: the basis of the final subsidy. */
    acceptedInvestmentWan: numeric('accepted_investment_wan', { precision: 14, scale: 2 }),
    /** 限期整改: the deadline a failed first acceptance sets for the second. */
    rectificationDeadline: date('rectification_deadline'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('projects_call_idx').on(t.callId), index('projects_applicant_idx').on(t.applicantOrganisationId)],
);

/** A file of a project (plan, agreement, ledger scans, reports, acceptance material), content in the blob store. */
export const projectFiles = pgTable(
  'project_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    purpose: text('purpose').$type<'plan' | 'agreement' | 'report' | 'ledger' | 'acceptance' | 'payment' | 'sanction'>().notNull(),
    name: text('name').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    mime: text('mime').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedByOrganisationId: uuid('uploaded_by_organisation_id').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_files_project_idx').on(t.projectId)],
);

export interface StoredFileRef {
  fileId: string;
  name: string;
  size: number;
  sha256: string;
  mime: string;
}

/** 实施方案: every version the applicant filed, with the owner's approval or return. */
export const projectPlans = pgTable(
  'project_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    seq: integer('seq').notNull(),
    /** Text per heading of the pack's outline. */
    sections: jsonb('sections').$type<Record<string, string>>().notNull(),
    files: jsonb('files').$type<StoredFileRef[]>().notNull().default(sql`'[]'::jsonb`),
    sha256: text('sha256').notNull(),
    status: text('status').$type<'submitted' | 'approved' | 'returned'>().notNull(),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    opinion: text('opinion'),
  },
  (t) => [unique('project_plans_seq_unique').on(t.projectId, t.seq)],
);

/** 实施协议: the agreed document (its SHA-256 is what both sides sign). */
export const projectAgreements = pgTable('project_agreements', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => projects.id),
  agreementNo: text('agreement_no').notNull(),
  /** The canonical document: parties, project, period, approved plan hash, terms, attached files. */
  document: jsonb('document').$type<Record<string, unknown>>().notNull(),
  sha256: text('sha256').notNull(),
  preparedBy: uuid('prepared_by').notNull(),
  preparedAt: timestamp('prepared_at', { withTimezone: true }).notNull().defaultNow(),
  /** Both parties signed this document hash. */
  effectiveAt: timestamp('effective_at', { withTimezone: true }),
});

/** 签署: a named signer of one party signs one document hash. */
export const projectSignatures = pgTable(
  'project_signatures',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    party: text('party').$type<'applicant' | 'owner'>().notNull(),
    sha256: text('sha256').notNull(),
    signerName: text('signer_name').notNull(),
    signedBy: uuid('signed_by').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.party, t.sha256] })],
);

/** 季度进展报告: one per quarter of the project period. */
export const projectReports = pgTable(
  'project_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    dueOn: date('due_on').notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    sha256: text('sha256').notNull(),
    late: boolean('late').notNull(),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('project_reports_quarter_unique').on(t.projectId, t.year, t.quarter)],
);

/** Reminders already sent (one per project, report and offset), so the hourly sweep never repeats one. */
export const projectReminders = pgTable(
  'project_reminders',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    key: text('key').notNull(), // e.g. 2016Q4:before:7
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.key] })],
);

/** 投资台账 / 投资清单: one row per contract-invoice-payment (000) or per item (002). Money in 万元, two decimals. */
export const ledgerItems = pgTable(
  'ledger_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    category: text('category').notNull(),
    item: text('item').notNull(),
    supplier: text('supplier'),
    contract: text('contract'),
    contractAmountWan: numeric('contract_amount_wan', { precision: 14, scale: 2 }),
    invoiceNo: text('invoice_no'),
    invoiceAmountWan: numeric('invoice_amount_wan', { precision: 14, scale: 2 }),
    invoiceDate: date('invoice_date'),
    paymentVoucherNo: text('payment_voucher_no'),
    paymentAmountWan: numeric('payment_amount_wan', { precision: 14, scale: 2 }),
    /** 002: 生产厂商, 数量, 单价（万元，四位小数）. */
    maker: text('maker'),
    quantity: numeric('quantity', { precision: 14, scale: 2 }),
    unitPriceWan: numeric('unit_price_wan', { precision: 16, scale: 4 }),
    /** What the row adds to the investment: the invoice amount (000) or quantity × unit price (002). */
    amountWan: numeric('amount_wan', { precision: 14, scale: 2 }).notNull(),
    files: jsonb('files').$type<{ contract: StoredFileRef[]; invoice: StoredFileRef[]; payment: StoredFileRef[] }>().notNull(),
    /** Normalised invoice number and supplier name: the reuse check across projects. */
    invoiceKey: text('invoice_key'),
    supplierKey: text('supplier_key'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ledger_items_project_idx').on(t.projectId), index('ledger_items_invoice_idx').on(t.invoiceKey, t.supplierKey)],
);

export type AcceptanceStatus = 'applied' | 'returned' | 'forwarded' | 'panel' | 'passed' | 'failed';

/** 验收: one round (1 = first, 2 = after rectification), its material, the 初验, the panel and the decision. */
export const acceptances = pgTable(
  'acceptances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    round: integer('round').notNull(),
    status: text('status').$type<AcceptanceStatus>().notNull(),
    /** 竣工总结报告 and 绩效评估专题报告: text per heading of the pack's outlines. */
    report: jsonb('report').$type<Record<string, string>>().notNull(),
    performanceReport: jsonb('performance_report').$type<Record<string, string>>().notNull(),
    /** The pack's acceptance form, its ledger table filled from the ledger. */
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    files: jsonb('files').$type<StoredFileRef[]>().notNull().default(sql`'[]'::jsonb`),
    ledgerSnapshot: jsonb('ledger_snapshot').$type<Record<string, unknown>[]>().notNull(),
    /** 实际投资额 from the ledger's counted categories when applied. */
    actualInvestmentWan: numeric('actual_investment_wan', { precision: 14, scale: 2 }).notNull(),
    sha256: text('sha256').notNull(),
    submissions: integer('submissions').notNull().default(1),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    preDecision: text('pre_decision').$type<'forwarded' | 'returned'>(),
    preOpinion: text('pre_opinion'),
    preBy: uuid('pre_by'),
    preAt: timestamp('pre_at', { withTimezone: true }),
    panelExpertIds: uuid('panel_expert_ids').array().notNull().default(sql`'{}'::uuid[]`),
    panelFormedBy: uuid('panel_formed_by'),
    panelFormedAt: timestamp('panel_formed_at', { withTimezone: true }),
    meetingAt: timestamp('meeting_at', { withTimezone: true }),
    decision: text('decision').$type<'passed' | 'failed'>(),
    /** 评价意见 */
    opinion: text('opinion'),
    acceptedInvestmentWan: numeric('accepted_investment_wan', { precision: 14, scale: 2 }),
    replicableModel: boolean('replicable_model'),
    rectificationDeadline: date('rectification_deadline'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [unique('acceptances_round_unique').on(t.projectId, t.round)],
);

/** 验收专家意见: one panel expert's scores, opinion and recommendation (or a declared conflict). */
export const acceptanceReviews = pgTable(
  'acceptance_reviews',
  {
    acceptanceId: uuid('acceptance_id')
      .notNull()
      .references(() => acceptances.id),
    expertUserId: uuid('expert_user_id').notNull(),
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    comments: jsonb('comments').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    total: numeric('total', { precision: 8, scale: 2 }),
    recommendation: text('recommendation').$type<'pass' | 'fail'>(),
    opinion: text('opinion'),
    conflictDeclared: text('conflict_declared'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.acceptanceId, t.expertUserId] })],
);

export type PaymentKind = 'provincial' | 'city_matching' | 'recovery';

/** 资金拨付: a subsidy tranche paid, city matching funds, or money recovered after a sanction. */
export const subsidyPayments = pgTable(
  'subsidy_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    kind: text('kind').$type<PaymentKind>().notNull(),
    /** Index into the pack's funding.tranches (provincial payments). */
    tranche: integer('tranche'),
    amountWan: numeric('amount_wan', { precision: 14, scale: 2 }).notNull(),
    paidOn: date('paid_on').notNull(),
    voucherNo: text('voucher_no').notNull(),
    note: text('note'),
    payerOrganisationId: uuid('payer_organisation_id').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('subsidy_payments_project_idx').on(t.projectId)],
);

/** 处理: fraud found at some stage (003 第十七条) — title revoked, money to recover, applications banned. */
export const projectSanctions = pgTable('project_sanctions', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: uuid('project_id')
    .notNull()
    .references(() => projects.id),
  stage: text('stage').$type<'application' | 'implementation' | 'acceptance'>().notNull(),
  ground: text('ground').notNull(),
  findings: text('findings').notNull(),
  documentNumber: text('document_number'),
  titleRevoked: boolean('title_revoked').notNull(),
  recoverWan: numeric('recover_wan', { precision: 14, scale: 2 }).notNull(),
  banEndsAt: timestamp('ban_ends_at', { withTimezone: true }),
  decidedBy: uuid('decided_by').notNull(),
  decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 禁止申报: an organisation may not apply to any call until `endsAt` (every call's eligibility sees it). */
export const organisationBans = pgTable(
  'organisation_bans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    sanctionId: uuid('sanction_id').references(() => projectSanctions.id),
    reason: text('reason').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisation_bans_organisation_idx').on(t.organisationId)],
);

/** The history a project's page shows (the audit log keeps the full record). */
export const projectEvents = pgTable(
  'project_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    type: text('type').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorOrganisationId: uuid('actor_organisation_id'),
    note: text('note'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index('project_events_project_idx').on(t.projectId)],
);
