import type { LifecycleStage, PackForm, PackImplementation, ProgramPack } from '@shenbao/contracts';
import type { FundingPolicy } from './subsidy.ts';
import type { LedgerPolicy } from './ledger-checks.ts';

/** What a call's pack says about its selected projects, resolved: the steps that apply and their data. */
export interface ProjectConfig {
  steps: { plan: boolean; agreement: boolean; quarterlyReports: boolean; acceptance: boolean; subsidy: boolean };
  periodField: string | null;
  plan: { title: string; outline: string[] };
  agreementTitle: string;
  reports: { form: PackForm | null; dueDays: number; remindBefore: number[]; remindAfter: number[]; cumulativeField: string | null };
  ledger: LedgerPolicy;
  acceptance: {
    completionOutline: string[];
    completionTitle: string;
    performanceOutline: string[];
    performanceTitle: string;
    form: PackForm | null;
    ledgerField: string | null;
    preAcceptance: boolean;
    rubric: ProgramPack['rubric'] | null;
    minPanelSize: number;
  };
  risk: { missedReports: number; investmentBehindRatio: number };
  funding: (FundingPolicy & { basis: string; cityMatching: boolean }) | null;
  honours: ProgramPack['honours'] | null;
  sanctions: ProgramPack['sanctions'] | null;
}

/** The platform's ledger when a pack names none: the three cost types of 000/003 plus 其他. */
const DEFAULT_LEDGER: LedgerPolicy = {
  layout: 'contract-invoice',
  categories: [
    { id: 'automation', label: '自动化设备购置与改造', counted: true },
    { id: 'it', label: '信息化软硬件购置', counted: true },
    { id: 'development', label: '系统开发与服务', counted: true },
    { id: 'other', label: '其他', counted: false },
  ],
};

export function projectConfig(program: ProgramPack, forms: PackForm[]): ProjectConfig {
  const impl: PackImplementation = program.implementation ?? {};
  const has = (s: LifecycleStage) => program.stages.some((x) => x.id === s);
  const doc = (id: string | undefined) => (id ? program.documents?.find((d) => d.id === id) : undefined);
  const form = (id: string | undefined) => (id ? (forms.find((f) => f.id === id) ?? null) : null);
  const planDoc = doc(impl.planDocument) ?? program.documents?.find((d) => d.stage === 'implementation_plan');
  const agreementDoc = doc(impl.agreementDocument) ?? program.documents?.find((d) => d.stage === 'agreement');
  const completion = doc(impl.acceptance?.completionReport);
  const performance = doc(impl.acceptance?.performanceReport);
  return {
    steps: {
      plan: has('implementation_plan'),
      agreement: has('agreement'),
      quarterlyReports: has('quarterly_report'),
      acceptance: has('acceptance'),
      subsidy: Boolean(program.funding),
    },
    periodField: impl.periodField ?? null,
    plan: { title: planDoc?.title ?? '项目实施方案', outline: planDoc?.outline ?? [] },
    agreementTitle: agreementDoc?.title ?? '项目实施协议',
    reports: {
      form: form(impl.quarterlyReports?.form),
      dueDays: impl.quarterlyReports?.dueDaysAfterQuarterEnd ?? 0,
      remindBefore: impl.quarterlyReports?.remindDaysBefore ?? [7],
      remindAfter: impl.quarterlyReports?.remindDaysAfter ?? [1],
      cumulativeField: impl.quarterlyReports?.cumulativeInvestmentField ?? null,
    },
    ledger: impl.ledger ?? DEFAULT_LEDGER,
    acceptance: {
      completionOutline: completion?.outline ?? [],
      completionTitle: completion?.title ?? '竣工总结报告',
      performanceOutline: performance?.outline ?? [],
      performanceTitle: performance?.title ?? '绩效评估和资金使用情况专题报告',
      form: form(impl.acceptance?.form),
      ledgerField: impl.acceptance?.ledgerField ?? null,
      preAcceptance: impl.acceptance?.preAcceptance ?? true,
      rubric: impl.acceptance?.rubric ?? null,
      minPanelSize: impl.acceptance?.minPanelSize ?? 1,
    },
    risk: { missedReports: impl.risk?.missedReports ?? 2, investmentBehindRatio: impl.risk?.investmentBehindRatio ?? 0.5 },
    funding: program.funding ? { subsidyRate: program.funding.subsidyRate, capWan: program.funding.capWan, tranches: program.funding.tranches, basis: program.funding.basis, cityMatching: program.funding.cityMatching ?? false } : null,
    honours: program.honours ?? null,
    sanctions: program.sanctions ?? null,
  };
}

/** The references of a pack's implementation block that JSON Schema cannot check (guarded by a test over programs/). */
export function packProblems(pack: { program: ProgramPack; forms: PackForm[] }): string[] {
  const { program, forms } = pack;
  const impl = program.implementation;
  const problems: string[] = [];
  const decimals4 = (n: number) => Math.abs(n * 10_000 - Math.round(n * 10_000)) < 1e-6;
  if (program.funding) {
    if (!decimals4(program.funding.subsidyRate)) problems.push('funding.subsidyRate 至多四位小数');
    const shares = program.funding.tranches.map((t) => t.share).filter((s): s is number => s !== undefined);
    if (shares.some((s) => s <= 0 || s > 1 || !decimals4(s))) problems.push('funding.tranches.share 须在 (0, 1] 内且至多四位小数');
    if (shares.reduce((a, b) => a + b, 0) > 1 + 1e-9) problems.push('funding.tranches 的 share 之和超过 1');
  }
  if (!impl) return problems;
  const docIds = new Set((program.documents ?? []).map((d) => d.id));
  const applicationForms = forms.filter((f) => (f.stage ?? 'application') === 'application');
  const fieldsOf = (f: PackForm) => f.sections.flatMap((s) => s.fields);
  const inApplication = (id: string, type: string[]) => applicationForms.some((f) => fieldsOf(f).some((x) => x.id === id && type.includes(x.type)));
  for (const [key, id] of [
    ['planDocument', impl.planDocument],
    ['agreementDocument', impl.agreementDocument],
    ['acceptance.completionReport', impl.acceptance?.completionReport],
    ['acceptance.performanceReport', impl.acceptance?.performanceReport],
  ] as const) {
    if (id && !docIds.has(id)) problems.push(`implementation.${key}：documents 中没有“${id}”`);
  }
  if (impl.periodField && !inApplication(impl.periodField, ['yearMonthRange'])) problems.push(`implementation.periodField：申报表单中没有年月区间字段“${impl.periodField}”`);
  for (const [key, id, stage] of [
    ['quarterlyReports.form', impl.quarterlyReports?.form, 'quarterly_report'],
    ['acceptance.form', impl.acceptance?.form, 'acceptance'],
  ] as const) {
    if (!id) continue;
    const f = forms.find((x) => x.id === id);
    if (!f) problems.push(`implementation.${key}：表单“${id}”不存在`);
    else if (f.stage !== stage) problems.push(`implementation.${key}：表单“${id}”的 stage 应为 ${stage}`);
  }
  const cumulative = impl.quarterlyReports?.cumulativeInvestmentField;
  const reportForm = forms.find((f) => f.id === impl.quarterlyReports?.form);
  if (cumulative && reportForm && !fieldsOf(reportForm).some((x) => x.id === cumulative)) problems.push(`implementation.quarterlyReports.cumulativeInvestmentField：表单中没有“${cumulative}”`);
  const ledgerField = impl.acceptance?.ledgerField;
  const acceptanceForm = forms.find((f) => f.id === impl.acceptance?.form);
  if (ledgerField && (!acceptanceForm || !fieldsOf(acceptanceForm).some((x) => x.id === ledgerField && x.type === 'table'))) problems.push(`implementation.acceptance.ledgerField：验收表单中没有表格字段“${ledgerField}”`);
  const categoryIds = new Set<string>();
  for (const c of impl.ledger?.categories ?? []) {
    if (categoryIds.has(c.id)) problems.push(`implementation.ledger.categories：类别“${c.id}”重复`);
    categoryIds.add(c.id);
    if (c.planField && !inApplication(c.planField, ['money', 'decimal', 'computed'])) problems.push(`implementation.ledger.categories.${c.id}.planField：申报表单中没有金额字段“${c.planField}”`);
  }
  const total = impl.ledger?.planTotalField;
  if (total && !inApplication(total, ['money', 'decimal', 'computed'])) problems.push(`implementation.ledger.planTotalField：申报表单中没有金额字段“${total}”`);
  if (impl.acceptance?.rubric && impl.acceptance.rubric.scale.min >= impl.acceptance.rubric.scale.max) problems.push('implementation.acceptance.rubric.scale：min 须小于 max');
  return problems;
}
