import type { ProgramPack } from '@shenbao/contracts';
import { categoryPath, evaluate } from '@shenbao/rules';
import type { TableCell, TableColumn, TableDocument, TableGroup } from './table-document.ts';

/**
 * 推荐汇总表 (附件2 of each notice): the pack's `summaryTable` — title, columns as JSONata over the submitted answers,
 * groups by category (一、模式应用类 / 二、…), rows in priority order with 序号 counted per group.
 */

/** One application as the summary table reads it; entries come in priority order. */
export interface SummaryEntry {
  answers: Record<string, unknown>;
  directionId: string | null;
  /** The applicant's organisation facts ($org in expressions: name, creditCode, divisionCode …). */
  org: Record<string, unknown> | null;
  /** Rank in the recommendation (推荐优先顺序), when it has one. */
  priority: number | null;
  number: string | null;
}

export interface SummaryHeader {
  /** 推荐单位: named on the seal line. */
  recommenderName: string | null;
  /** 填表日期: the issue date of the recommendation (today for a draft). */
  date: Date;
  /** Not yet issued: the header line says so. */
  draft?: boolean;
  /** Who signed the issued recommendation. */
  signerName?: string | null;
}

/** Columns added after the pack's own (the bulk export adds 申报编号 so each row finds its folder). */
export interface ExtraColumn {
  column: TableColumn;
  value: (entry: SummaryEntry) => TableCell;
}

/**
 * The pack's `note` describes the paper form: the seal line (推荐单位（盖章） / （市局签章）), whether it asks for a
 * 填表日期 or 联系人及电话 above the table, and a 注 under it. Parts that name a header field go to the header line.
 */
export function parseSummaryNote(note: string | undefined): { sealLabel: string; date: boolean; contact: boolean; remark: string | null } {
  const text = (note ?? '').trim();
  const noteAt = text.indexOf('注：');
  const head = noteAt >= 0 ? text.slice(0, noteAt) : text;
  let remark = noteAt >= 0 ? text.slice(noteAt + 2).trim() : '';
  let sealLabel = '推荐单位（盖章）';
  let date = false;
  let contact = false;
  const rest: string[] = [];
  for (const raw of head.split(/[；;。]/)) {
    const part = raw.trim();
    if (!part) continue;
    if (/^推荐单位（[^）]*(盖章|签章)）$/.test(part)) sealLabel = part;
    else if (part === '填表日期') date = true;
    else if (part === '联系人及电话') contact = true;
    else rest.push(part);
  }
  if (rest.length) remark = [rest.join('；'), remark].filter(Boolean).join('；');
  return { sealLabel, date, contact, remark: remark.replace(/[。；;]+$/, '') || null };
}

export const chineseDate = (d: Date) => d.toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });

/** A pack column's print format: 序号 as an integer, 万元 amounts with two decimals, the rest as text. */
function columnOf(c: ProgramPack['summaryTable']['columns'][number]): TableColumn {
  const format = c.value.trim() === 'seq' ? 'integer' : /万元/.test(c.header) ? 'amount' : 'text';
  return { header: c.header, ...(c.width ? { width: c.width } : {}), format };
}

export function cellValue(v: unknown): TableCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.map((x) => cellValue(x)).filter((x) => x !== null).join('、');
  if (typeof v === 'object' && 'other' in (v as object)) return `其他：${String((v as { other: unknown }).other)}`;
  return JSON.stringify(v);
}

/** The groups of the pack with the entries of each (in the given order); entries of no group close the table under 其他. */
export function groupEntries<E extends { directionId: string | null }>(program: ProgramPack, entries: E[]): { label: string | null; entries: E[] }[] {
  const groups = program.summaryTable.groups ?? [];
  if (!groups.length) return [{ label: null, entries }];
  const taken = new Set<E>();
  const out = groups.map((g) => {
    const inGroup = entries.filter((e) => {
      if (taken.has(e)) return false;
      const path = e.directionId ? (categoryPath(program.categories, e.directionId) ?? []) : [];
      return path.some((n) => g.categories.includes(n.id));
    });
    for (const e of inGroup) taken.add(e);
    return { label: g.label, entries: inGroup };
  });
  const rest = entries.filter((e) => !taken.has(e));
  if (rest.length) out.push({ label: `${'一二三四五六七八九十'[groups.length] ?? groups.length + 1}、其他`, entries: rest });
  return out;
}

/** The cells of one entry: every column's expression over the entry, 序号 as given. */
export async function summaryCells(program: ProgramPack, entry: SummaryEntry, seq: number): Promise<TableCell[]> {
  const path = entry.directionId ? (categoryPath(program.categories, entry.directionId) ?? []) : [];
  const input = {
    seq,
    answers: entry.answers,
    direction: path.at(-1)?.label ?? null,
    directionId: entry.directionId,
    category: path[0]?.label ?? null,
    org: entry.org,
    priority: entry.priority,
    number: entry.number,
  };
  const cells: TableCell[] = [];
  for (const c of program.summaryTable.columns) cells.push(cellValue(await evaluate(c.value, input, { org: entry.org ?? {} }).catch(() => null)));
  return cells;
}

/** The header line, the note and the seal line of the table as the notice's form has them. */
export function summaryFrame(program: ProgramPack, header: SummaryHeader): Pick<TableDocument, 'title' | 'subtitle' | 'note' | 'signature' | 'sheetName'> {
  const note = parseSummaryNote(program.summaryTable.note);
  const draft = header.draft ? '（草稿，尚未出具）' : '';
  const right = [note.date ? `填表日期：${chineseDate(header.date)}` : '', note.contact ? '联系人及电话：' : ''].filter(Boolean).join('    ');
  return {
    title: program.summaryTable.title,
    sheetName: '推荐汇总表',
    subtitle: { left: `${note.sealLabel}：${header.recommenderName ?? ''}${right ? '' : draft}`, right: right ? `${right}${draft}` : '' },
    note: note.remark,
    signature: header.signerName ? [`签发人：${header.signerName}`, `出具日期：${chineseDate(header.date)}`] : null,
  };
}

/** One row whose cells are already computed (序号 is renumbered per group when the document is made). */
export interface SummaryRow {
  directionId: string | null;
  cells: TableCell[];
}

/** Rows in their final order → the table document: grouped as the pack says, 序号 counted per group. */
export function summaryDocumentOf(program: ProgramPack, rows: SummaryRow[], header: SummaryHeader, extraColumns: TableColumn[] = []): TableDocument {
  const seqColumns = program.summaryTable.columns.flatMap((c, i) => (c.value.trim() === 'seq' ? [i] : []));
  const groups: TableGroup[] = groupEntries(program, rows).map((g) => ({
    label: g.label,
    rows: g.entries.map((row, i) => row.cells.map((cell, col) => (seqColumns.includes(col) ? i + 1 : cell))),
  }));
  return { ...summaryFrame(program, header), columns: [...program.summaryTable.columns.map(columnOf), ...extraColumns], groups };
}

/** 推荐汇总表 of one recommendation (or any ordered set of applications) as a table document. */
export async function summaryTableDocument(program: ProgramPack, entries: SummaryEntry[], header: SummaryHeader, extra: ExtraColumn[] = []): Promise<TableDocument> {
  const rows: SummaryRow[] = [];
  for (const g of groupEntries(program, entries)) {
    for (const [i, entry] of g.entries.entries()) rows.push({ directionId: entry.directionId, cells: [...(await summaryCells(program, entry, i + 1)), ...extra.map((x) => x.value(entry))] });
  }
  return summaryDocumentOf(program, rows, header, extra.map((x) => x.column));
}
