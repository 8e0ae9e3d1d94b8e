import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../platform/config.ts';
import { loadAllPacks } from '../programs/index.ts';
import { applyRate, divideHalfUp, fromDb, lineTotal, parseWan, toDb, toWan } from './money.ts';
import { payableNow, subsidyAmount, subsidyPlan, type FundingPolicy } from './subsidy.ts';
import { quarterSchedule, slotState } from './schedule.ts';
import { checkLedger, invoiceKey, supplierKey, type LedgerRowFacts } from './ledger-checks.ts';
import { packProblems } from './pack-config.ts';

const HEBEI: FundingPolicy = {
  subsidyRate: 0.2,
  capWan: 100,
  tranches: [
    { label: '确定为试点项目后给予部分资金补助', stage: 'publication' },
    { label: '验收合格后拨付剩余补助资金', stage: 'acceptance' },
  ],
};

describe('金额（万元，两位小数）', () => {
  it('parses amounts exactly and refuses a third decimal with the field path', () => {
    expect(parseWan(1280.5, '/body/x')).toBe(128050);
    expect(parseWan(0.07, '/body/x')).toBe(7);
    expect(parseWan(310.25, '/body/x')).toBe(31025);
    expect(() => parseWan(1.005, '/body/invoiceAmount')).toThrow(/至多保留2位小数/);
    try {
      parseWan(1.234, '/body/invoiceAmount');
    } catch (e) {
      expect((e as { fields: unknown[] }).fields).toEqual([{ path: '/body/invoiceAmount', message: '至多2位小数' }]);
    }
  });

  it('reads and writes PostgreSQL numeric text digit by digit', () => {
    expect(fromDb('1280.50')).toBe(128050);
    expect(fromDb('0.1')).toBe(10);
    expect(fromDb('7')).toBe(700);
    expect(fromDb('-3.10')).toBe(-310);
    expect(fromDb('2.345')).toBe(235); // half-up at the third decimal
    expect(toDb(128050)).toBe('1280.50');
    expect(toDb(5)).toBe('0.05');
    expect(toDb(-310)).toBe('-3.10');
    expect(toWan(31025)).toBe(310.25);
  });

  it('adds cents as integers: 0.1 + 0.2 is 0.30, not 0.30000000000000004', () => {
    expect(toWan(parseWan(0.1, '/a') + parseWan(0.2, '/b'))).toBe(0.3);
  });

  it('rounds half-up at 0.01万元', () => {
    expect(divideHalfUp(5n, 10n)).toBe(1n);
    expect(divideHalfUp(4n, 10n)).toBe(0n);
    expect(divideHalfUp(-5n, 10n)).toBe(-1n);
    expect(applyRate(2, 0.25)).toBe(1); // 0.02 × 25 % = 0.005 → 0.01
    expect(applyRate(1, 0.25)).toBe(0); // 0.0025 → 0.00
    expect(applyRate(12347, 0.2)).toBe(2469); // 123.47 × 20 % = 24.694 → 24.69
    expect(applyRate(12348, 0.2)).toBe(2470); // 24.696 → 24.70
  });

  it('computes 002 line totals (数量 × 单价) half-up', () => {
    expect(lineTotal(300, 12345)).toBe(370); // 3 × 1.2345 = 3.7035 → 3.70
    expect(lineTotal(250, 1)).toBe(0); // 2.5 × 0.0001 = 0.00025 → 0.00
    expect(lineTotal(150, 3333)).toBe(50); // 1.5 × 0.3333 = 0.49995 → 0.50
  });
});

describe('补助金额（003 第十三条：实际投资额的20%，不超过100万）', () => {
  it('below the cap: 20 % of the accepted investment, rounded to 0.01万元', () => {
    expect(subsidyAmount(HEBEI, parseWan(400, '/'))).toEqual({ amount: 8000, capApplied: false });
    expect(subsidyAmount(HEBEI, parseWan(123.47, '/'))).toEqual({ amount: 2469, capApplied: false });
    expect(subsidyAmount(HEBEI, parseWan(499.99, '/'))).toEqual({ amount: 10000, capApplied: false }); // 99.998 → 100.00, not above the cap
  });

  it('at and above the cap: at most 100万', () => {
    expect(subsidyAmount(HEBEI, parseWan(500, '/'))).toEqual({ amount: 10000, capApplied: false });
    expect(subsidyAmount(HEBEI, parseWan(500.05, '/'))).toEqual({ amount: 10000, capApplied: true });
    expect(subsidyAmount(HEBEI, parseWan(1210.5, '/'))).toEqual({ amount: 10000, capApplied: true });
  });
});

describe('分次拨付', () => {
  it('003: the first tranche is the owner’s choice within the estimate; the rest after acceptance is final − paid', () => {
    const before = subsidyPlan(HEBEI, { plannedBasis: parseWan(1210.5, '/'), acceptedBasis: null, paidByTranche: [], accepted: false, active: true });
    expect(before.estimate).toBe(10000);
    expect(before.tranches.map((t) => [t.planned, t.open])).toEqual([
      [null, true],
      [null, false],
    ]);
    expect(payableNow(before, 0)).toBe(10000);
    expect(payableNow(before, 1)).toBeNull();

    const paidFirst = subsidyPlan(HEBEI, { plannedBasis: parseWan(1210.5, '/'), acceptedBasis: null, paidByTranche: [5000], accepted: false, active: true });
    expect(payableNow(paidFirst, 0)).toBe(5000);

    // Accepted at 400万: final 80万, 50万 paid → 30万 remain.
    const after = subsidyPlan(HEBEI, { plannedBasis: parseWan(1210.5, '/'), acceptedBasis: parseWan(400, '/'), paidByTranche: [5000], accepted: true, active: true });
    expect(after.final).toBe(8000);
    expect(after.tranches[1]).toMatchObject({ planned: 3000, paid: 0, open: true, remaining: 3000 });
    expect(payableNow(after, 1)).toBe(3000);
    expect(after.overpaid).toBe(0);

    // Accepted at 200万: final 40万 < 50万 paid → nothing more, 10万 overpaid.
    const low = subsidyPlan(HEBEI, { plannedBasis: parseWan(1210.5, '/'), acceptedBasis: parseWan(200, '/'), paidByTranche: [5000], accepted: true, active: true });
    expect(low.tranches[1]!.planned).toBe(0);
    expect(low.overpaid).toBe(1000);
    expect(payableNow(low, 1)).toBe(0);
  });

  it('a pack with shares: share × estimate first, the remainder of the final after acceptance', () => {
    const policy: FundingPolicy = { subsidyRate: 0.2, capWan: 100, tranches: [{ label: '40%', stage: 'publication', share: 0.4 }, { label: '余额', stage: 'acceptance', share: 0.6 }] };
    const first = subsidyPlan(policy, { plannedBasis: parseWan(600, '/'), acceptedBasis: null, paidByTranche: [], accepted: false, active: true });
    expect(first.tranches[0]!.planned).toBe(4000);
    expect(payableNow(first, 0)).toBe(4000);
    const second = subsidyPlan(policy, { plannedBasis: parseWan(600, '/'), acceptedBasis: parseWan(333.33, '/'), paidByTranche: [4000], accepted: true, active: true });
    expect(second.final).toBe(6667); // 66.666 → 66.67
    expect(second.tranches[1]!.planned).toBe(2667);
  });

  it('a revoked project has no open tranche', () => {
    const plan = subsidyPlan(HEBEI, { plannedBasis: 100000, acceptedBasis: null, paidByTranche: [], accepted: false, active: false });
    expect(plan.tranches.every((t) => !t.open)).toBe(true);
  });
});

describe('季度报告时间表（季度末）', () => {
  it('one report per quarter end from selection to the end of the project period', () => {
    const slots = quarterSchedule({ from: '2016-03', to: '2017-10' }, '2016-06-10', 0);
    expect(slots.map((s) => `${s.year}Q${s.quarter}:${s.dueOn}`)).toEqual([
      '2016Q2:2016-06-30',
      '2016Q3:2016-09-30',
      '2016Q4:2016-12-31',
      '2017Q1:2017-03-31',
      '2017Q2:2017-06-30',
      '2017Q3:2017-09-30',
      '2017Q4:2017-12-31',
    ]);
    expect(quarterSchedule({ from: '2017-02', to: '2017-05' }, '2016-12-01', 10).map((s) => s.dueOn)).toEqual(['2017-04-10', '2017-07-10']);
  });

  it('says upcoming, open (last month of the quarter), missing and late', () => {
    const [q] = quarterSchedule({ from: '2016-01', to: '2016-03' }, '2016-01-01', 0);
    expect(slotState(q!, '2016-02-10', null)).toBe('upcoming');
    expect(slotState(q!, '2016-03-05', null)).toBe('open');
    expect(slotState(q!, '2016-03-31', null)).toBe('open');
    expect(slotState(q!, '2016-04-01', null)).toBe('missing');
    expect(slotState(q!, '2016-04-01', { late: true })).toBe('late');
    expect(slotState(q!, '2016-04-01', { late: false })).toBe('submitted');
  });
});

const row = (over: Partial<LedgerRowFacts>): LedgerRowFacts => ({
  id: over.id ?? 'r1',
  category: 'automation',
  item: '轧线自动化控制系统改造',
  supplier: '某自动化工程有限公司',
  contract: 'GC-2016-031',
  contractAmount: 62000,
  invoiceNo: '13001610001',
  invoiceAmount: 62000,
  invoiceDate: '2016-09-20',
  paymentVoucherNo: 'FK-160925',
  paymentAmount: 62000,
  amount: over.invoiceAmount ?? 62000,
  files: { contract: [{}], invoice: [{}], payment: [{}] },
  ...over,
});
const LEDGER = {
  layout: 'contract-invoice' as const,
  windowYears: 3,
  categories: [
    { id: 'automation', label: '自动化设备购置与改造', planField: 'investAutomation', counted: true },
    { id: 'it', label: '信息化软硬件购置', planField: 'investIt', counted: true },
    { id: 'other', label: '其他', planField: 'investOther', counted: false },
  ],
};
const check = (rows: LedgerRowFacts[], period = { from: '2016-03', to: '2017-10' }) =>
  checkLedger({ policy: LEDGER, period, planned: new Map([['automation', 62000], ['it', 31025], ['other', 0]]), rows });

describe('投资台账检查', () => {
  it('a clean row raises nothing and counts towards the actual investment', () => {
    const r = check([row({})]);
    expect(r.findings).toEqual([]);
    expect(r.countedTotal).toBe(62000);
  });

  it('invoice date outside the project period', () => {
    const r = check([row({ invoiceDate: '2016-02-28' })]);
    expect(r.findings.map((f) => f.check)).toEqual(['invoice_outside_period']);
    expect(r.findings[0]!.message).toContain('不在项目期（2016-03至2017-10）内');
  });

  it('invoice date outside the three-year window (completion year and the two before)', () => {
    const r = check([row({ invoiceDate: '2014-12-31' })], { from: '2014-01', to: '2017-10' });
    expect(r.findings.map((f) => f.check)).toEqual(['invoice_outside_window']);
    expect(r.findings[0]!.message).toContain('2015—2017年');
    expect(check([row({ invoiceDate: '2015-01-01' })], { from: '2014-01', to: '2017-10' }).findings).toEqual([]);
  });

  it('invoice above contract, payment above invoice', () => {
    expect(check([row({ contractAmount: 61999 })]).findings.map((f) => f.check)).toEqual(['invoice_above_contract']);
    expect(check([row({ paymentAmount: 62001 })]).findings.map((f) => f.check)).toEqual(['payment_above_invoice']);
    expect(check([row({ paymentAmount: 30000 })]).findings).toEqual([]); // paid in part is fine
  });

  it('missing fields and missing scans', () => {
    expect(check([row({ invoiceNo: null, paymentAmount: null })]).findings.map((f) => [f.check, f.message])).toEqual([['missing_fields', '「轧线自动化控制系统改造」缺少发票号码、付款金额']]);
    expect(check([row({ files: { contract: [{}], invoice: [], payment: [] } })]).findings.map((f) => f.message)).toEqual(['「轧线自动化控制系统改造」缺少发票、付款凭证扫描件']);
  });

  it('the same invoice of the same supplier twice in one ledger, however it is written', () => {
    const r = check([row({ id: 'a', invoiceAmount: 30000, contractAmount: 62000, paymentAmount: 30000 }), row({ id: 'b', invoiceNo: ' １３００１６１０００１ ', supplier: '某自动化工程有限公司 ', invoiceAmount: 30000, paymentAmount: 30000 })]);
    expect(r.findings.map((f) => [f.check, f.itemId])).toEqual([['duplicate_invoice', 'b']]);
    expect(invoiceKey('No.1300-1610 001')).toBe('13001610001');
    expect(supplierKey('某（北京）科技 有限公司')).toBe(supplierKey('某(北京)科技有限公司'));
  });

  it('category totals against the application’s plan, and categories that do not count', () => {
    const r = check([row({}), row({ id: 'b', category: 'it', item: '服务器', invoiceNo: '2', invoiceAmount: 40000, contractAmount: 40000, paymentAmount: 40000 }), row({ id: 'c', category: 'other', item: '办公家具', invoiceNo: '3', invoiceAmount: 500, contractAmount: 500, paymentAmount: 500 })]);
    expect(r.findings.map((f) => [f.check, f.category, f.message])).toEqual([
      ['category_above_plan', 'it', '「信息化软硬件购置」类合计400.00万元，超出申报计划310.25万元'],
      ['category_not_counted', 'other', '「其他」类费用5.00万元不计入实际投资额'],
      ['category_above_plan', 'other', '「其他」类申报时未列计划投资，台账列入5.00万元'],
    ]);
    expect(r.countedTotal).toBe(102000);
    expect(r.total).toBe(102500);
  });
});

describe('配置包的项目管理配置', () => {
  it('every pack’s implementation block points at forms, documents and fields that exist', async () => {
    const packs = await loadAllPacks(path.join(REPO_ROOT, 'programs'));
    expect(packs.flatMap((p) => packProblems(p).map((m) => `${p.program.id}: ${m}`))).toEqual([]);
  });
});
