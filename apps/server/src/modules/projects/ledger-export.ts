import type { Ledger } from '@shenbao/contracts';
import type { Db } from '../../platform/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { requireActor, organisationNames } from '../identity/index.ts';
import { tableDocumentPdf, tableDocumentXlsx, type TableDocument } from '../documents/index.ts';
import { loadProject } from './access.ts';
import { getLedger } from './ledger.ts';

/**
 * 项目已完成的投资清单 as the notice prints it: 000's 附表 (类别, 序号, 设备名称, 供应商, 合同名称或编号, 合同金额,
 * 发票金额, 发票时间, 付款凭证号, 付款金额, in 万元) or 002's list (类别, 设备名称, 合同名称, 生产厂商, 数量, 单价,
 * 总价), one group per category in the pack's order, with the category totals and the project's total under it.
 */
export function ledgerDocument(ledger: Ledger, heading: { projectName: string; applicantName: string }): TableDocument {
  const byCategory = ledger.categories.map((c) => ({ category: c, items: ledger.items.filter((i) => i.category === c.id) }));
  const itemised = ledger.layout === 'itemised';
  const columns: TableDocument['columns'] = itemised
    ? [
        { header: '类别', width: 14 },
        { header: '设备名称', width: 26 },
        { header: '合同名称', width: 24 },
        { header: '生产厂商', width: 22 },
        { header: '数量', width: 8, align: 'right' },
        { header: '单价（万元）', width: 12, format: 'amount' },
        { header: '总价（万元）', width: 12, format: 'amount' },
      ]
    : [
        { header: '类别', width: 16 },
        { header: '序号', width: 6, format: 'integer', align: 'center' },
        { header: '设备名称', width: 22 },
        { header: '供应商', width: 20 },
        { header: '合同名称或编号', width: 22 },
        { header: '合同金额（万元）', width: 12, format: 'amount' },
        { header: '发票金额（万元）', width: 12, format: 'amount' },
        { header: '发票时间', width: 12 },
        { header: '付款凭证号', width: 14 },
        { header: '付款金额（万元）', width: 12, format: 'amount' },
      ];
  const groups = byCategory.map(({ category, items }) => ({
    label: null,
    rows: [
      ...items.map((i, n) =>
        itemised
          ? [n === 0 ? category.label : '', i.item, i.contract, i.maker, i.quantity, i.unitPrice, i.amount]
          : [n === 0 ? category.label : '', i.seq, i.item, i.supplier, i.contract, i.contractAmount, i.invoiceAmount, i.invoiceDate, i.paymentVoucherNo, i.paymentAmount],
      ),
      ...(items.length === 0 ? [itemised ? [category.label, '无', '', '', null, null, null] : [category.label, null, '无', '', '', null, null, '', '', null]] : []),
      subtotal(ledger, category.id, itemised),
    ],
  }));
  const total = itemised ? ['合计', '', '', '', null, null, ledger.total] : ['合计', null, '', '', '', null, ledger.total, '', '', sum(ledger.totals.map((t) => t.paid))];
  groups.push({ label: null, rows: [total] });
  return {
    title: '项目已完成的投资清单',
    subtitle: { left: `项目名称：${heading.projectName}`, right: `申报单位：${heading.applicantName}` },
    columns,
    groups,
    note: `实际投资额（计入类别）合计 ${ledger.countedTotal.toFixed(2)} 万元${ledger.period ? `；项目期 ${ledger.period.from} 至 ${ledger.period.to}` : ''}。${itemised ? '合同、发票与支付凭证按此顺序排列附后。' : ''}`,
    signature: ['申报单位（盖章）：', '年　　月　　日'],
    sheetName: '投资清单',
    orientation: 'landscape',
  };
}

const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;

function subtotal(ledger: Ledger, categoryId: string, itemised: boolean) {
  const t = ledger.totals.find((x) => x.category === categoryId);
  return itemised ? ['', '小计', '', '', null, null, t?.amount ?? 0] : ['', null, '小计', '', '', null, t?.amount ?? 0, '', '', t?.paid ?? 0];
}

async function documentOf(db: Db, ctx: RequestContext, projectId: string) {
  const actor = requireActor(ctx);
  const { project } = await loadProject(db, actor, projectId);
  const ledger = await getLedger(db, ctx, projectId);
  const applicantName = (await organisationNames(db, [project.applicantOrganisationId])).get(project.applicantOrganisationId) ?? '';
  return { doc: ledgerDocument(ledger, { projectName: project.name, applicantName }), fileBase: `${project.name}-投资清单` };
}

export async function ledgerXlsx(db: Db, ctx: RequestContext, projectId: string) {
  const { doc, fileBase } = await documentOf(db, ctx, projectId);
  return { fileName: `${fileBase}.xlsx`, buffer: Buffer.from(await tableDocumentXlsx(doc)) };
}

export async function ledgerPdf(db: Db, ctx: RequestContext, projectId: string) {
  const { doc, fileBase } = await documentOf(db, ctx, projectId);
  return { fileName: `${fileBase}.pdf`, buffer: Buffer.from(await tableDocumentPdf(doc)) };
}
