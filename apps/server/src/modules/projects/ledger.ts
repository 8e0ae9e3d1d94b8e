import type { Ledger, LedgerFinding, LedgerItem, LedgerItemBody } from '@shenbao/contracts';
import type { Db, DbOrTx } from '../../platform/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { organisationNames, requireActor } from '../identity/index.ts';
import { applicationAnswers, fileView, loadCall, loadForWrite, loadProject, periodOf, plannedInvestment, projectFiles, recordProjectEvent, requireActive, type LoadedProject } from './access.ts';
import { checkLedger, invoiceKey, invoiceWindow, supplierKey, type LedgerRowFacts } from './ledger-checks.ts';
import { fromDb, lineTotal, parseAmount, parseWan, toDb, toWan } from './money.ts';
import * as store from './store.ts';

/** While an acceptance application is under way, or after it passed, the ledger is what was submitted. */
export async function ledgerLocked(db: DbOrTx, project: store.ProjectRow): Promise<string | null> {
  if (project.status === 'accepted') return '项目已通过验收，投资台账不能再修改';
  if (project.status === 'revoked' || project.status === 'failed') return '项目已终止，投资台账不能再修改';
  const rounds = await store.acceptancesOf(db, [project.id]);
  const current = rounds.at(-1);
  if (current && ['applied', 'forwarded', 'panel'].includes(current.status)) return '验收申请办理中，投资台账已随申请提交，不能修改';
  return null;
}

export function rowFacts(r: store.LedgerRow): LedgerRowFacts {
  return {
    id: r.id,
    category: r.category,
    item: r.item,
    supplier: r.supplier,
    contract: r.contract,
    contractAmount: fromDb(r.contractAmountWan),
    invoiceNo: r.invoiceNo,
    invoiceAmount: fromDb(r.invoiceAmountWan),
    invoiceDate: r.invoiceDate,
    paymentVoucherNo: r.paymentVoucherNo,
    paymentAmount: fromDb(r.paymentAmountWan),
    amount: fromDb(r.amountWan)!,
    files: r.files,
  };
}

export function itemView(loaded: LoadedProject, rows: store.LedgerRow[]): LedgerItem[] {
  const labels = new Map(loaded.config.ledger.categories.map((c) => [c.id, c.label]));
  const seqs = new Map<string, number>();
  const w = (t: string | null) => (t === null ? null : toWan(fromDb(t)!));
  return rows.map((r) => {
    const seq = (seqs.get(r.category) ?? 0) + 1;
    seqs.set(r.category, seq);
    return {
      id: r.id,
      category: r.category,
      categoryLabel: labels.get(r.category) ?? r.category,
      seq,
      item: r.item,
      supplier: r.supplier,
      contract: r.contract,
      contractAmount: w(r.contractAmountWan),
      invoiceNo: r.invoiceNo,
      invoiceAmount: w(r.invoiceAmountWan),
      invoiceDate: r.invoiceDate,
      paymentVoucherNo: r.paymentVoucherNo,
      paymentAmount: w(r.paymentAmountWan),
      maker: r.maker,
      quantity: r.quantity === null ? null : Number(r.quantity),
      unitPrice: r.unitPriceWan === null ? null : Number(r.unitPriceWan),
      amount: toWan(fromDb(r.amountWan)!),
      files: { contract: r.files.contract.map(fileView), invoice: r.files.invoice.map(fileView), payment: r.files.payment.map(fileView) },
      version: r.version,
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

/** The checks of one project's ledger; with `reuse`, also the invoices used in other projects (the owner's view). */
export async function evaluateLedger(db: DbOrTx, loaded: LoadedProject, rows: store.LedgerRow[], reuse: boolean) {
  const answers = await applicationAnswers(db, loaded.project);
  const period = periodOf(loaded.config, answers);
  const plan = plannedInvestment(loaded.config, answers);
  const result = checkLedger({ policy: loaded.config.ledger, period, planned: plan.byCategory, rows: rows.map(rowFacts) });
  const findings: LedgerFinding[] = [...result.findings];
  if (reuse) findings.push(...(await reuseFindings(db, loaded.project.id, rows)));
  return { ...result, findings, period, plan };
}

/** 发票查重: the same invoice number of the same supplier in any other funded project on the platform. */
async function reuseFindings(db: DbOrTx, projectId: string, rows: store.LedgerRow[]): Promise<LedgerFinding[]> {
  const hits = await store.reusedInvoices(db, projectId);
  if (!hits.length) return [];
  const names = await organisationNames(db, hits.map((h) => h.other_applicant_id));
  const titles = new Map<string, string>();
  for (const callId of new Set(hits.map((h) => h.other_call_id))) titles.set(callId, (await loadCall(db, callId)).title);
  return hits.map((h) => {
    const row = rows.find((r) => r.id === h.item_id)!;
    const applicant = names.get(h.other_applicant_id) ?? '';
    const callTitle = titles.get(h.other_call_id) ?? h.other_call_id;
    return {
      check: 'invoice_reused' as const,
      severity: 'error' as const,
      itemId: h.item_id,
      category: row.category,
      path: `/items/${h.item_id}/invoiceNo`,
      message: `「${row.item}」的发票（${row.supplier}，${row.invoiceNo}）已用于${applicant}的受资助项目「${h.other_project_name}」（${callTitle}）`,
      other: {
        projectId: h.other_project_id,
        projectName: h.other_project_name,
        callId: h.other_call_id,
        callTitle,
        applicantName: applicant,
        itemId: h.other_item_id,
        invoiceNo: h.other_invoice_no,
        supplier: h.other_supplier,
        invoiceAmount: h.other_invoice_amount_wan === null ? null : toWan(fromDb(h.other_invoice_amount_wan)!),
      },
    };
  });
}

/** 投资台账 with its checks; the owner (and the platform admin) also sees invoices reused in other projects. */
export async function getLedger(db: Db, ctx: RequestContext, projectId: string): Promise<Ledger> {
  const actor = requireActor(ctx);
  const loaded = await loadProject(db, actor, projectId);
  const rows = await store.ledgerOf(db, projectId);
  const seesReuse = loaded.resource.ownsCall || actor.roles.includes('platform_admin');
  const r = await evaluateLedger(db, loaded, rows, seesReuse);
  return {
    layout: loaded.config.ledger.layout,
    categories: loaded.config.ledger.categories.map((c) => ({ id: c.id, label: c.label, counted: c.counted })),
    period: r.period,
    window: invoiceWindow(loaded.config.ledger, r.period),
    items: itemView(loaded, rows),
    totals: r.totals.map((t) => ({ category: t.category, label: t.label, counted: t.counted, planned: t.planned === null ? null : toWan(t.planned), amount: toWan(t.amount), paid: toWan(t.paid), rows: t.rows })),
    countedTotal: toWan(r.countedTotal),
    total: toWan(r.total),
    plannedTotal: r.plan.total === null ? null : toWan(r.plan.total),
    findings: r.findings,
    editable: (await ledgerLocked(db, loaded.project)) === null,
  };
}

/** The row's columns from the request, money parsed to hundredths; 002's total is 数量 × 单价. */
async function rowValues(tx: DbOrTx, loaded: LoadedProject, body: LedgerItemBody) {
  const policy = loaded.config.ledger;
  if (!policy.categories.some((c) => c.id === body.category)) {
    throw invalid('投资类别不存在', [{ path: '/body/category', message: `应为：${policy.categories.map((c) => `${c.id}（${c.label}）`).join('、')}` }]);
  }
  const money = (v: number | undefined, field: string) => (v === undefined ? null : toDb(parseWan(v, `/body/${field}`)));
  const files = {
    contract: await projectFiles(tx, loaded.project.id, body.contractFileIds, ['ledger'], '/body/contractFileIds'),
    invoice: await projectFiles(tx, loaded.project.id, body.invoiceFileIds, ['ledger'], '/body/invoiceFileIds'),
    payment: await projectFiles(tx, loaded.project.id, body.paymentFileIds, ['ledger'], '/body/paymentFileIds'),
  };
  let amountWan: string;
  let quantity: string | null = null;
  let unitPriceWan: string | null = null;
  if (policy.layout === 'itemised') {
    if (body.quantity === undefined || body.unitPrice === undefined) {
      throw invalid('投资清单须填写数量和单价', [...(body.quantity === undefined ? [{ path: '/body/quantity', message: '必填' }] : []), ...(body.unitPrice === undefined ? [{ path: '/body/unitPrice', message: '必填' }] : [])]);
    }
    const q = parseAmount(body.quantity, '/body/quantity', 2);
    const p = parseAmount(body.unitPrice, '/body/unitPrice', 4);
    amountWan = toDb(lineTotal(q, p));
    quantity = (q / 100).toFixed(2);
    unitPriceWan = (p / 10_000).toFixed(4);
  } else {
    if (body.invoiceAmount === undefined) throw invalid('须填写发票金额', [{ path: '/body/invoiceAmount', message: '必填' }]);
    amountWan = money(body.invoiceAmount, 'invoiceAmount')!;
  }
  const text = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());
  return {
    category: body.category,
    item: body.item.trim(),
    supplier: text(body.supplier),
    contract: text(body.contract),
    contractAmountWan: money(body.contractAmount, 'contractAmount'),
    invoiceNo: text(body.invoiceNo),
    invoiceAmountWan: money(body.invoiceAmount, 'invoiceAmount'),
    invoiceDate: body.invoiceDate ?? null,
    paymentVoucherNo: text(body.paymentVoucherNo),
    paymentAmountWan: money(body.paymentAmount, 'paymentAmount'),
    maker: text(body.maker),
    quantity,
    unitPriceWan,
    amountWan,
    files,
    invoiceKey: invoiceKey(body.invoiceNo),
    supplierKey: supplierKey(body.supplier),
  };
}

async function loadLedgerWrite(tx: DbOrTx, ctx: RequestContext, projectId: string) {
  const actor = requireActor(ctx);
  const loaded = await loadForWrite(tx, actor, projectId, 'project.fill', '只有项目单位的管理员和填报人可以维护投资台账');
  requireActive(loaded.project);
  const locked = await ledgerLocked(tx, loaded.project);
  if (locked) throw conflict(locked);
  return { actor, loaded };
}

export async function addLedgerItem(db: Db, ctx: RequestContext, projectId: string, body: LedgerItemBody): Promise<LedgerItem> {
  const id = await db.transaction(async (tx) => {
    const { actor, loaded } = await loadLedgerWrite(tx, ctx, projectId);
    const row = await store.insertLedgerItem(tx, { projectId, ...(await rowValues(tx, loaded, body)), createdBy: actor.userId, updatedBy: actor.userId });
    await recordProjectEvent(tx, ctx, projectId, 'project.ledger_add', null, { itemId: row.id, item: row.item, category: row.category, amountWan: row.amountWan });
    return row.id;
  });
  return itemOf(db, ctx, projectId, id);
}

export async function updateLedgerItem(db: Db, ctx: RequestContext, projectId: string, itemId: string, body: LedgerItemBody): Promise<LedgerItem> {
  await db.transaction(async (tx) => {
    const { actor, loaded } = await loadLedgerWrite(tx, ctx, projectId);
    const current = await store.findLedgerItem(tx, projectId, itemId);
    if (!current) throw notFound('台账条目');
    if (body.version === undefined) throw invalid('修改台账条目须带上读取时的版本号', [{ path: '/body/version', message: '必填' }]);
    const updated = await store.updateLedgerItem(tx, itemId, body.version, { ...(await rowValues(tx, loaded, body)), updatedBy: actor.userId });
    if (!updated) throw new AppError(409, 'edit_conflict', `「${current.item}」已被他人修改，请刷新后再改`, [{ path: '/body/version', message: `当前版本 ${current.version}` }]);
    await recordProjectEvent(tx, ctx, projectId, 'project.ledger_update', null, { itemId, before: { item: current.item, amountWan: current.amountWan, invoiceNo: current.invoiceNo }, after: { item: updated.item, amountWan: updated.amountWan, invoiceNo: updated.invoiceNo } });
  });
  return itemOf(db, ctx, projectId, itemId);
}

export async function deleteLedgerItem(db: Db, ctx: RequestContext, projectId: string, itemId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await loadLedgerWrite(tx, ctx, projectId);
    const current = await store.findLedgerItem(tx, projectId, itemId);
    if (!current) throw notFound('台账条目');
    await store.deleteLedgerItem(tx, itemId);
    await recordProjectEvent(tx, ctx, projectId, 'project.ledger_delete', null, { itemId, item: current.item, amountWan: current.amountWan, invoiceNo: current.invoiceNo });
  });
}

async function itemOf(db: Db, ctx: RequestContext, projectId: string, itemId: string): Promise<LedgerItem> {
  const loaded = await loadProject(db, requireActor(ctx), projectId);
  const rows = await store.ledgerOf(db, projectId);
  return itemView(loaded, rows).find((i) => i.id === itemId)!;
}
