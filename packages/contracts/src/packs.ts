import { Type, type Static, type TSchema } from 'typebox';

/**
 * The program-pack format (申报通知配置包): everything that differs between two notices, as data.
 * `programs/<pack-id>/program.yaml` holds a `ProgramPack`; each `programs/<pack-id>/forms/<form-id>.yaml` a `PackForm`.
 * Expressions are JSONata (https://jsonata.org), evaluated by `packages/rules` on the server and in the browser.
 */

const Id = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]*$', description: '小写字母、数字、-、_' });
const FieldId = Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9_]*$', description: '字段标识：字母开头，字母、数字、_' });
const Expression = Type.String({ minLength: 1, description: 'JSONata 表达式' });
const DateTime = Type.String({ format: 'date-time', description: 'ISO 8601，带时区，如 2023-05-20T23:59:59+08:00' });
const IsoDate = Type.String({ format: 'date' });
const Text = Type.String({ minLength: 1 });

export const LIFECYCLE_STAGES = [
  'application', // 企业申报
  'recommendation', // 市级（推荐单位）审核推荐
  'provincial_recommendation', // 省级审核推荐（国家通知中的省内轮次）
  'policy_check', // 政策性审查/初审
  'expert_review', // 专家评审
  'defence', // 现场答辩
  'decision', // 审定
  'public_notice', // 公示
  'publication', // 正式公布
  'implementation_plan', // 实施方案
  'agreement', // 实施协议
  'quarterly_report', // 季度进展报告
  'acceptance', // 验收
  're_acceptance', // 整改后再次验收
  'subsidy', // 资金拨付
  'honours', // 授牌/示范期
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

const Severity = Type.Enum(['error', 'warning']);

/** A cross-field or eligibility rule: when `assert` is not true, `message` is shown at `path`. */
export const PackRule = Type.Object(
  {
    id: Id,
    description: Type.Optional(Type.String()),
    when: Type.Optional(Expression),
    assert: Expression,
    message: Text,
    path: Type.String({ pattern: '^/', description: '违反时提示所在的字段路径，如 /investmentTotal 或 /customers' }),
    severity: Severity,
  },
  { additionalProperties: false },
);
export type PackRule = Static<typeof PackRule>;

const Option = Type.Union([Text, Type.Object({ value: Text, label: Text }, { additionalProperties: false })]);

const fieldBase = {
  id: FieldId,
  label: Text,
  hint: Type.Optional(Type.String({ description: '通知原文的填写说明' })),
  required: Type.Optional(Type.Boolean({ description: '默认必填' })),
  requiredWhen: Type.Optional(Expression),
  visibleWhen: Type.Optional(Expression),
  prefill: Type.Optional(Type.String({ description: '新建时的预填表达式，如 $org.name' })),
};

const field = <K extends string, T extends Record<string, TSchema>>(type: K, props: T) =>
  Type.Object({ type: Type.Literal(type), ...fieldBase, ...props }, { additionalProperties: false });

const TextField = field('text', {
  multiline: Type.Optional(Type.Boolean()),
  minLength: Type.Optional(Type.Integer({ minimum: 0 })),
  maxLength: Type.Optional(Type.Integer({ minimum: 1, description: '字数上限（按字符计，不含换行）' })),
  format: Type.Optional(Type.Enum(['credit-code', 'organisation-code', 'mobile-cn', 'phone', 'email', 'url'])),
  pattern: Type.Optional(Type.String()),
  patternMessage: Type.Optional(Type.String()),
});
const IntegerField = field('integer', { min: Type.Optional(Type.Integer()), max: Type.Optional(Type.Integer()), unit: Type.Optional(Type.String()) });
const DecimalField = field('decimal', {
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  decimals: Type.Optional(Type.Integer({ minimum: 0, maximum: 6 })),
  unit: Type.Optional(Type.String()),
});
/** 金额（万元，两位小数）. */
const MoneyField = field('money', { min: Type.Optional(Type.Number()), max: Type.Optional(Type.Number()) });
const DateField = field('date', { min: Type.Optional(IsoDate), max: Type.Optional(IsoDate) });
/** 年月区间: { from: "YYYY-MM", to: "YYYY-MM" }. */
const YearMonthRangeField = field('yearMonthRange', {});
const ChoiceField = field('choice', { options: Type.Array(Option, { minItems: 1 }), other: Type.Optional(Type.Boolean({ description: '含“其他（请注明）”' })) });
const MultiChoiceField = field('multiChoice', {
  options: Type.Array(Option, { minItems: 1 }),
  other: Type.Optional(Type.Boolean()),
  minItems: Type.Optional(Type.Integer({ minimum: 0 })),
  maxItems: Type.Optional(Type.Integer({ minimum: 1 })),
});
const YesNoField = field('yesNo', {});
/** 是/否 + 年份 (the achievement flags): { value: true, year: 2021 } or { value: false }. */
const YesNoYearField = field('yesNoYear', { yearLabel: Type.Optional(Type.String()) });
/** The direction (申报方向) from the pack's category tree; `categories` limits it to branches. */
const DirectionField = field('direction', { categories: Type.Optional(Type.Array(Id)) });
const ComputedField = field('computed', {
  expression: Expression,
  format: Type.Enum(['money', 'percent', 'integer', 'decimal']),
  decimals: Type.Optional(Type.Integer({ minimum: 0, maximum: 6 })),
  unit: Type.Optional(Type.String()),
});
const AttachmentField = field('attachment', {
  accept: Type.Array(Type.String({ pattern: '^\\.[a-z0-9]+$' }), { minItems: 1, description: '扩展名，如 .pdf' }),
  maxSizeMB: Type.Number({ exclusiveMinimum: 0 }),
  minCount: Type.Optional(Type.Integer({ minimum: 0 })),
  maxCount: Type.Optional(Type.Integer({ minimum: 1 })),
  video: Type.Optional(Type.Object({ minSeconds: Type.Number({ minimum: 0 }), maxSeconds: Type.Number({ minimum: 1 }) }, { additionalProperties: false })),
});

const ScalarField = Type.Union([
  TextField,
  IntegerField,
  DecimalField,
  MoneyField,
  DateField,
  YearMonthRangeField,
  ChoiceField,
  MultiChoiceField,
  YesNoField,
  YesNoYearField,
  DirectionField,
  ComputedField,
  AttachmentField,
]);
/** 可重复表格 (investment ledger, honours, typical customers…): rows of scalar columns. */
const TableField = field('table', {
  columns: Type.Array(ScalarField, { minItems: 1 }),
  minRows: Type.Optional(Type.Integer({ minimum: 0 })),
  maxRows: Type.Optional(Type.Integer({ minimum: 1 })),
  rowLabel: Type.Optional(Type.String()),
});
export const PackField = Type.Union([ScalarField, TableField]);
export type PackField = Static<typeof PackField>;
export type PackFieldType = PackField['type'];

export const PackSection = Type.Object(
  { id: Id, title: Text, hint: Type.Optional(Type.String()), fields: Type.Array(PackField, { minItems: 1 }) },
  { additionalProperties: false },
);
export type PackSection = Static<typeof PackSection>;

export const PackForm = Type.Object(
  {
    id: Id,
    title: Text,
    description: Type.Optional(Type.String()),
    /** Instructions printed before the form (填表说明). */
    instructions: Type.Optional(Type.Array(Type.String())),
    /** The lifecycle stage the form is filled in (default: application). */
    stage: Type.Optional(Type.Enum(LIFECYCLE_STAGES)),
    /** The commitment (承诺) of this form when it differs from the program's. */
    commitment: Type.Optional(Text),
    /** Text appended to "required" messages, e.g. 无内容时请填写“无”. */
    blankHint: Type.Optional(Type.String()),
    sections: Type.Array(PackSection, { minItems: 1 }),
    rules: Type.Optional(Type.Array(PackRule)),
  },
  { additionalProperties: false },
);
export type PackForm = Static<typeof PackForm>;

export interface PackCategory {
  id: string;
  label: string;
  form?: string;
  channels?: string[];
  enteredByIssuer?: boolean;
  expertise?: string[];
  children?: PackCategory[];
}
export const PackCategory = Type.Cyclic(
  {
    PackCategory: Type.Object(
      {
        id: Id,
        label: Text,
        form: Type.Optional(Id),
        channels: Type.Optional(Type.Array(Id, { description: '负责推荐此分支的渠道' })),
        enteredByIssuer: Type.Optional(Type.Boolean({ description: '方向由发文单位在平台录入（通知附件未列出）' })),
        /** 评审专业领域: expert expertise tags that fit this branch (inherited by its children), for expert assignment. */
        expertise: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
        children: Type.Optional(Type.Array(Type.Ref('PackCategory'))),
      },
      { additionalProperties: false },
    ),
  },
  'PackCategory',
);

const OrganisationKindEnum = Type.Enum([
  'ministry',
  'provincial_department',
  'communications_administration',
  'city_bureau',
  'sub_provincial_city',
  'central_enterprise',
  'enterprise',
  'university',
  'park_operator',
]);

/** A recommendation channel (推荐渠道): who recommends, and to whom. */
export const PackChannel = Type.Object(
  {
    id: Id,
    label: Text,
    recommenderKinds: Type.Array(OrganisationKindEnum, { minItems: 1 }),
    /** The organisation kind the recommendation goes to next; absent = straight to the call's owner. */
    via: Type.Optional(OrganisationKindEnum),
    direct: Type.Optional(Type.Boolean({ description: '直报发文单位，不占地方名额' })),
    usesLocalQuota: Type.Optional(Type.Boolean()),
    exclusiveWith: Type.Optional(Type.Array(Id, { description: '同一项目不得再经这些渠道推荐' })),
  },
  { additionalProperties: false },
);

export const PackStage = Type.Object(
  {
    id: Type.Enum(LIFECYCLE_STAGES),
    label: Text,
    opens: Type.Optional(DateTime),
    closes: Type.Optional(DateTime),
    /** 延期: after `closes`, only applications already started may still be finished until `until`. */
    extension: Type.Optional(Type.Object({ until: DateTime, onlyStarted: Type.Literal(true) }, { additionalProperties: false })),
    deadlineRule: Type.Optional(Type.String({ description: '如：以送达时间为准' })),
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

/** 限额: how many recommendations a recommender (or class of them, a category, the whole call) may make. */
export const PackQuota = Type.Object(
  {
    id: Id,
    label: Text,
    scope: Type.Enum(['recommender', 'call']),
    limit: Type.Integer({ minimum: 1 }),
    channel: Type.Optional(Id),
    recommenderKinds: Type.Optional(Type.Array(OrganisationKindEnum)),
    regionClass: Type.Optional(Type.Enum(['pearl_river_delta', 'east', 'west', 'north'])),
    /** Only recommendations whose direction lies under these categories count. */
    categories: Type.Optional(Type.Array(Id)),
    /** Only applications whose answer at `field` is one of `values` count (e.g. platform type 双跨). */
    answer: Type.Optional(Type.Object({ field: FieldId, values: Type.Array(Type.String(), { minItems: 1 }) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

export const PackList = Type.Object(
  {
    id: Id,
    label: Text,
    description: Type.Optional(Type.String()),
    columns: Type.Array(Type.Object({ id: FieldId, label: Text }, { additionalProperties: false }), { minItems: 1 }),
  },
  { additionalProperties: false },
);

/** 评分细则: criteria on a scale, optionally weighted (expert review and acceptance panels). */
const Rubric = Type.Object(
  {
    scale: Type.Object({ min: Type.Number(), max: Type.Number() }, { additionalProperties: false }),
    criteria: Type.Array(
      Type.Object({ id: Id, label: Text, weight: Type.Optional(Type.Number({ exclusiveMinimum: 0 })), description: Type.Optional(Type.String()), commentRequired: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      { minItems: 1 },
    ),
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

/**
 * 项目实施、验收 (#7): what a selected project goes through, as far as it differs between notices.
 * Which steps apply follows the pack's stages (implementation_plan, agreement, quarterly_report, acceptance, subsidy);
 * this block gives their data: where the project period is, the report schedule, the ledger's categories, the acceptance material.
 */
export const PackImplementation = Type.Object(
  {
    /** 项目期: the application form's yearMonthRange field holding the project period (e.g. projectPeriod). */
    periodField: Type.Optional(FieldId),
    /** 实施方案: the documents[] entry whose outline the plan follows. */
    planDocument: Type.Optional(Id),
    /** 实施协议: the documents[] entry of the agreement (its title is the agreement's). */
    agreementDocument: Type.Optional(Id),
    /** 季度进展报告: due at each quarter end of the project period. */
    quarterlyReports: Type.Optional(
      Type.Object(
        {
          /** The pack form (stage quarterly_report) a report is filled in; without it a report is free text. */
          form: Type.Optional(Id),
          /** Days after the quarter's last day by which the report is due (0: on the quarter end, 季度末). */
          dueDaysAfterQuarterEnd: Type.Integer({ minimum: 0, maximum: 90 }),
          /** Reminders (站内通知) this many days before and after the due date. */
          remindDaysBefore: Type.Array(Type.Integer({ minimum: 1, maximum: 60 })),
          remindDaysAfter: Type.Array(Type.Integer({ minimum: 1, maximum: 180 })),
          /** The report form's field with the cumulative investment (万元), for the "far behind plan" risk flag. */
          cumulativeInvestmentField: Type.Optional(FieldId),
        },
        { additionalProperties: false },
      ),
    ),
    /** 投资台账 / 投资清单 kept by the applicant and submitted at acceptance. */
    ledger: Type.Optional(
      Type.Object(
        {
          /** contract-invoice: 000 附表 (合同、发票、付款); itemised: 002 (数量 × 单价). */
          layout: Type.Enum(['contract-invoice', 'itemised']),
          categories: Type.Array(
            Type.Object(
              {
                id: Id,
                label: Text,
                /** The application's money field with the planned amount of this category. */
                planField: Type.Optional(FieldId),
                /** Counts towards the actual investment (实际投资额) the subsidy is computed on. */
                counted: Type.Boolean(),
              },
              { additionalProperties: false },
            ),
            { minItems: 1 },
          ),
          /** The application's money field with the planned total investment. */
          planTotalField: Type.Optional(FieldId),
          /** 近N年（含项目完成年度）: invoices must fall in the completion year or the N−1 years before it. */
          windowYears: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
          note: Type.Optional(Type.String()),
        },
        { additionalProperties: false },
      ),
    ),
    acceptance: Type.Optional(
      Type.Object(
        {
          /** 竣工总结报告: the documents[] entry whose outline is the report's sections. */
          completionReport: Type.Optional(Id),
          /** 绩效评估和资金使用情况分析专题报告 (003 §16): another documents[] entry, part of the material. */
          performanceReport: Type.Optional(Id),
          /** The pack form (stage acceptance) filled with the application for acceptance. */
          form: Type.Optional(Id),
          /** That form's table field the platform fills from the ledger. */
          ledgerField: Type.Optional(FieldId),
          /** 初验 by the recommender before the owner's panel (default true). */
          preAcceptance: Type.Optional(Type.Boolean()),
          /** 验收评分: what each panel expert scores; without it experts give an opinion and a recommendation only. */
          rubric: Type.Optional(Rubric),
          /** Smallest panel (专家组) the owner may form. */
          minPanelSize: Type.Optional(Type.Integer({ minimum: 1 })),
        },
        { additionalProperties: false },
      ),
    ),
    /** 风险提示 for the owner. */
    risk: Type.Optional(
      Type.Object(
        {
          /** Reports not in by their due date (late or still missing) that flag a project. */
          missedReports: Type.Integer({ minimum: 1 }),
          /** Flag when the investment so far is below this share of the plan's pro-rata investment for the time elapsed. */
          investmentBehindRatio: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type PackImplementation = Static<typeof PackImplementation>;

const FontSpec = Type.Object({ font: Type.Enum(['SimSun', 'SimHei', 'KaiTi', 'FangSong']), sizePt: Type.Number({ minimum: 5 }) }, { additionalProperties: false });

export const ProgramPack = Type.Object(
  {
    id: Id,
    version: Type.Integer({ minimum: 1 }),
    title: Text,
    shortTitle: Type.Optional(Type.String()),
    documentNumber: Type.Optional(Type.String({ description: '文号，如 冀工信软件函〔2023〕206号' })),
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    issueDate: IsoDate,
    issuer: Type.Object({ name: Text, kind: OrganisationKindEnum, divisionCode: Type.String({ pattern: '^\\d{6}$' }) }, { additionalProperties: false }),
    contact: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Type.String()),
          phone: Type.Optional(Type.String()),
          email: Type.Optional(Type.String()),
          address: Type.Optional(Type.String()),
          postcode: Type.Optional(Type.String()),
        },
        { additionalProperties: false },
      ),
    ),
    parent: Type.Optional(Type.Object({ title: Text, documentNumber: Type.Optional(Type.String()), issuer: Text }, { additionalProperties: false })),
    summary: Type.Optional(Type.String()),
    source: Type.Optional(Type.String({ description: '原始通知文件' })),
    applicantKinds: Type.Array(OrganisationKindEnum, { minItems: 1 }),
    eligibility: Type.Object(
      {
        questions: Type.Array(
          Type.Object({ id: Id, question: Text, expected: Type.Boolean(), explanation: Text }, { additionalProperties: false }),
        ),
        /** Rules over $org, $applications and $lists, checked before and at submission. */
        rules: Type.Optional(Type.Array(PackRule)),
      },
      { additionalProperties: false },
    ),
    categories: Type.Array(PackCategory, { minItems: 1 }),
    forms: Type.Array(Id, { minItems: 1, description: 'forms/<id>.yaml' }),
    channels: Type.Array(PackChannel, { minItems: 1 }),
    stages: Type.Array(PackStage, { minItems: 1 }),
    quotas: Type.Optional(Type.Array(PackQuota)),
    lists: Type.Optional(Type.Array(PackList)),
    commitment: Type.Object({ title: Type.Optional(Type.String()), text: Text }, { additionalProperties: false }),
    rubric: Type.Optional(Rubric),
    priorityFlags: Type.Optional(Type.Array(Type.Object({ id: Id, label: Text, when: Expression }, { additionalProperties: false }), { description: '同等条件下优先' })),
    funding: Type.Optional(
      Type.Object(
        {
          subsidyRate: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
          capWan: Type.Number({ exclusiveMinimum: 0, description: '补助上限（万元）' }),
          basis: Type.String({ description: '实际投资的认定口径' }),
          tranches: Type.Array(Type.Object({ label: Text, stage: Type.Enum(LIFECYCLE_STAGES), share: Type.Optional(Type.Number()) }, { additionalProperties: false }), { minItems: 1 }),
          cityMatching: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
    /** 审定与公示: what a selection records and how long the public notice lasts. */
    selection: Type.Optional(
      Type.Object(
        {
          /** 入选结果, e.g. 001 重点培育平台并列入重点项目库; the first is the default. */
          outcomes: Type.Optional(Type.Array(Type.Object({ id: Id, label: Text }, { additionalProperties: false }), { minItems: 1 })),
          /** 公示期（天）, e.g. 003 公示七天. */
          publicNoticeDays: Type.Optional(Type.Integer({ minimum: 1 })),
          /** 每个申报的评审专家数 (k) proposed for the call. */
          reviewsPerApplication: Type.Optional(Type.Integer({ minimum: 1 })),
        },
        { additionalProperties: false },
      ),
    ),
    honours: Type.Optional(
      Type.Object(
        {
          title: Text,
          demonstrationYears: Type.Optional(Type.Integer({ minimum: 1 })),
          /** When the platform grants the title itself: on passing acceptance (003 第十一条). Absent: not granted by acceptance. */
          grantedAt: Type.Optional(Type.Enum(['publication', 'acceptance'])),
          /** Only projects that formed a replicable model (形成可推广模式) get it. */
          requiresReplicableModel: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
    sanctions: Type.Optional(
      Type.Object({ banYears: Type.Integer({ minimum: 1 }), revokeTitle: Type.Boolean(), recoverFunds: Type.Boolean(), grounds: Type.Array(Type.String()) }, { additionalProperties: false }),
    ),
    printLayout: Type.Optional(
      Type.Object(
        {
          paper: Type.Enum(['A4']),
          body: FontSpec,
          lineSpacingPt: Type.Number({ minimum: 5 }),
          heading1: Type.Optional(FontSpec),
          heading2: Type.Optional(FontSpec),
          tocDepth: Type.Optional(Type.Integer({ minimum: 1, maximum: 6 })),
        },
        { additionalProperties: false },
      ),
    ),
    summaryTable: Type.Object(
      {
        title: Text,
        groups: Type.Optional(Type.Array(Type.Object({ label: Text, categories: Type.Array(Id, { minItems: 1 }) }, { additionalProperties: false }))),
        columns: Type.Array(Type.Object({ header: Text, value: Expression, width: Type.Optional(Type.Number()) }, { additionalProperties: false }), { minItems: 1 }),
        orderBy: Type.Enum(['priority']),
        note: Type.Optional(Type.String()),
      },
      { additionalProperties: false },
    ),
    documents: Type.Optional(Type.Array(Type.Object({ id: Id, title: Text, stage: Type.Enum(LIFECYCLE_STAGES), outline: Type.Optional(Type.Array(Type.String())) }, { additionalProperties: false }))),
    implementation: Type.Optional(PackImplementation),
  },
  { additionalProperties: false },
);
export type ProgramPack = Omit<Static<typeof ProgramPack>, 'categories'> & { categories: PackCategory[] };

/** A loaded pack: the program with its forms resolved. */
export interface LoadedPack {
  program: ProgramPack;
  forms: PackForm[];
  /** SHA-256 of the canonical pack content: a changed pack is a new version. */
  hash: string;
}

/** One finding of the rule engine. */
export const Violation = Type.Object({
  ruleId: Type.String(),
  path: Type.String(),
  message: Type.String(),
  severity: Severity,
});
export type Violation = Static<typeof Violation>;
