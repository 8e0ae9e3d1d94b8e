import type { LedgerFinding, PackImplementation } from '@shenbao/contracts';
import { formatWan, sum, type Hundredths } from './money.ts';
import { periodEnd, periodStart, type Period } from './schedule.ts';

export type LedgerPolicy = NonNullable<PackImplementation['ledger']>;

/** One ledger row as the checks read it (money in hundredths of 万元). */
export interface LedgerRowFacts {
  id: string;
  category: string;
  item: string;
  supplier: string | null;
  contract: string | null;
  contractAmount: Hundredths | null;
  invoiceNo: string | null;
  invoiceAmount: Hundredths | null;
  invoiceDate: string | null;
  paymentVoucherNo: string | null;
  paymentAmount: Hundredths | null;
  amount: Hundredths;
  files: { contract: unknown[]; invoice: unknown[]; payment: unknown[] };
}

export interface CategoryTotalFacts {
  category: string;
  label: string;
  counted: boolean;
  planned: Hundredths | null;
  amount: Hundredths;
  paid: Hundredths;
  rows: number;
}

/** Full-width letters and digits to ASCII, spaces and punctuation out, upper case: 发票号 "No. 1300 1610" = "13001610". */
export function invoiceKey(invoiceNo: string | null | undefined): string | null {
  if (!invoiceNo) return null;
  const key = toHalfWidth(invoiceNo).toUpperCase().replace(/^NO\.?/, '').replace(/[\s\-_.·:：#№]/g, '');
  return key || null;
}

/** Company names compared without spaces, brackets' width or a trailing 公司 abbreviation difference in brackets. */
export function supplierKey(supplier: string | null | undefined): string | null {
  if (!supplier) return null;
  const key = toHalfWidth(supplier).replace(/\s+/g, '').replace(/[()]/g, '').toUpperCase();
  return key || null;
}

function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export interface LedgerCheckInput {
  policy: LedgerPolicy;
  period: Period | null;
  /** Planned amount per category (from the application's answers). */
  planned: Map<string, Hundredths | null>;
  rows: LedgerRowFacts[];
}

/** The window of invoice years: 近N年（含项目完成年度）, the completion year being the period's last. */
export function invoiceWindow(policy: LedgerPolicy, period: Period | null): { fromYear: number; toYear: number } | null {
  if (!policy.windowYears || !period) return null;
  const toYear = Number(period.to.slice(0, 4));
  return { fromYear: toYear - policy.windowYears + 1, toYear };
}

/**
 * Every check of the ledger that needs no other project: dates in the project period and the three-year window,
 * payment ≤ invoice ≤ contract, the fields and scans each row needs, duplicate invoices, category totals against plan.
 */
export function checkLedger(input: LedgerCheckInput): { findings: LedgerFinding[]; totals: CategoryTotalFacts[]; countedTotal: Hundredths; total: Hundredths } {
  const { policy, period, rows } = input;
  const findings: LedgerFinding[] = [];
  const add = (f: Omit<LedgerFinding, 'category'> & { category?: string | null }) => findings.push({ category: null, ...f });
  const labelOf = new Map(policy.categories.map((c) => [c.id, c.label]));
  const window = invoiceWindow(policy, period);
  const invoiceLayout = policy.layout === 'contract-invoice';
  const seenInvoice = new Map<string, LedgerRowFacts>();

  for (const row of rows) {
    const at = (field: string) => `/items/${row.id}/${field}`;
    const name = `「${row.item}」`;
    if (invoiceLayout) {
      const missing = [
        !row.supplier && '供应商',
        !row.contract && '合同名称或编号',
        row.contractAmount === null && '合同金额',
        !row.invoiceNo && '发票号码',
        row.invoiceAmount === null && '发票金额',
        !row.invoiceDate && '发票时间',
        !row.paymentVoucherNo && '付款凭证号',
        row.paymentAmount === null && '付款金额',
      ].filter((x): x is string => Boolean(x));
      if (missing.length) add({ check: 'missing_fields', severity: 'error', itemId: row.id, path: at(''), message: `${name}缺少${missing.join('、')}` });
      if (row.invoiceDate && period && (row.invoiceDate < periodStart(period) || row.invoiceDate > periodEnd(period))) {
        add({ check: 'invoice_outside_period', severity: 'error', itemId: row.id, path: at('invoiceDate'), message: `${name}的发票时间${row.invoiceDate}不在项目期（${period.from}至${period.to}）内` });
      }
      if (row.invoiceDate && window) {
        const year = Number(row.invoiceDate.slice(0, 4));
        if (year < window.fromYear || year > window.toYear) {
          add({ check: 'invoice_outside_window', severity: 'error', itemId: row.id, path: at('invoiceDate'), message: `${name}的发票时间${row.invoiceDate}不在近${policy.windowYears}年（含项目完成年度，${window.fromYear}—${window.toYear}年）内` });
        }
      }
      if (row.invoiceAmount !== null && row.contractAmount !== null && row.invoiceAmount > row.contractAmount) {
        add({ check: 'invoice_above_contract', severity: 'error', itemId: row.id, path: at('invoiceAmount'), message: `${name}的发票金额${formatWan(row.invoiceAmount)}大于合同金额${formatWan(row.contractAmount)}` });
      }
      if (row.paymentAmount !== null && row.invoiceAmount !== null && row.paymentAmount > row.invoiceAmount) {
        add({ check: 'payment_above_invoice', severity: 'error', itemId: row.id, path: at('paymentAmount'), message: `${name}的付款金额${formatWan(row.paymentAmount)}大于发票金额${formatWan(row.invoiceAmount)}` });
      }
      const key = invoiceKey(row.invoiceNo);
      const supplier = supplierKey(row.supplier);
      if (key && supplier) {
        const first = seenInvoice.get(`${supplier}|${key}`);
        if (first) add({ check: 'duplicate_invoice', severity: 'error', itemId: row.id, path: at('invoiceNo'), message: `${name}与「${first.item}」使用了同一供应商的同一发票号码${row.invoiceNo}` });
        else seenInvoice.set(`${supplier}|${key}`, row);
      }
    }
    const scans = [row.files.contract.length === 0 && '合同', invoiceLayout && row.files.invoice.length === 0 && '发票', row.files.payment.length === 0 && '付款凭证'].filter(
      (x): x is string => Boolean(x),
    );
    if (scans.length) add({ check: 'missing_scans', severity: 'error', itemId: row.id, path: at('files'), message: `${name}缺少${scans.join('、')}扫描件` });
  }

  const totals: CategoryTotalFacts[] = policy.categories.map((c) => {
    const of = rows.filter((r) => r.category === c.id);
    return { category: c.id, label: c.label, counted: c.counted, planned: input.planned.get(c.id) ?? null, amount: sum(of.map((r) => r.amount)), paid: sum(of.map((r) => r.paymentAmount ?? 0)), rows: of.length };
  });
  for (const t of totals) {
    if (t.rows === 0) continue;
    if (!t.counted) {
      add({ check: 'category_not_counted', severity: 'warning', itemId: null, category: t.category, path: `/totals/${t.category}`, message: `「${t.label}」类费用${formatWan(t.amount)}不计入实际投资额` });
    }
    if (t.planned !== null && t.amount > t.planned) {
      add({
        check: 'category_above_plan',
        severity: 'warning',
        itemId: null,
        category: t.category,
        path: `/totals/${t.category}`,
        message: t.planned === 0 ? `「${t.label}」类申报时未列计划投资，台账列入${formatWan(t.amount)}` : `「${t.label}」类合计${formatWan(t.amount)}，超出申报计划${formatWan(t.planned)}`,
      });
    }
  }
  for (const row of rows) if (!labelOf.has(row.category)) add({ check: 'missing_fields', severity: 'error', itemId: row.id, path: `/items/${row.id}/category`, message: `「${row.item}」的类别“${row.category}”不在本通知的投资类别中` });
  return { findings, totals, countedTotal: sum(totals.filter((t) => t.counted).map((t) => t.amount)), total: sum(totals.map((t) => t.amount)) };
}
