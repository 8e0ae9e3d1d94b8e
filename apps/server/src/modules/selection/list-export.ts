import type { Db } from '../../platform/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { tableDocumentPdf, tableDocumentXlsx, type TableDocument } from '../documents/index.ts';
import { selectedList } from './decision.ts';

/** 入选名单 as a table document: the same columns in Excel and in PDF. */
async function listDocument(db: Db, ctx: RequestContext, callId: string): Promise<{ doc: TableDocument; fileBase: string }> {
  const { call, selection, items } = await selectedList(db, ctx, callId);
  const status = selection.status === 'published' ? `公布文号：${selection.documentNumber}` : selection.status === 'public_notice' ? '公示名单' : '拟入选名单（未公布）';
  const withOutcome = (call.program.selection?.outcomes?.length ?? 0) > 1;
  const doc: TableDocument = {
    title: `${call.title}入选名单`,
    subtitle: { left: `发文单位：${call.program.issuer.name}`, right: status },
    columns: [
      { header: '序号', width: 6, format: 'integer', align: 'center' },
      { header: '项目名称', width: 34 },
      { header: '申报单位', width: 28 },
      { header: '推荐单位', width: 20 },
      { header: '申报方向', width: 22 },
      ...(withOutcome ? [{ header: '入选结果', width: 24 }] : []),
    ],
    groups: [
      {
        label: null,
        rows: items.map((i) => [i.rank, i.projectName, i.applicantName, i.recommenderName, i.directionLabel, ...(withOutcome ? [i.outcomeLabel] : [])]),
      },
    ],
    note: call.program.honours?.demonstrationYears ? `入选项目示范期为${call.program.honours.demonstrationYears}年。` : null,
    sheetName: '入选名单',
  };
  return { doc, fileBase: `${call.title}入选名单` };
}

export async function selectedListXlsx(db: Db, ctx: RequestContext, callId: string) {
  const { doc, fileBase } = await listDocument(db, ctx, callId);
  return { fileName: `${fileBase}.xlsx`, buffer: Buffer.from(await tableDocumentXlsx(doc)) };
}

export async function selectedListPdf(db: Db, ctx: RequestContext, callId: string) {
  const { doc, fileBase } = await listDocument(db, ctx, callId);
  return { fileName: `${fileBase}.pdf`, buffer: Buffer.from(await tableDocumentPdf(doc)) };
}
