import ExcelJS from 'exceljs';
import { compileTypstPdf, typstFontList, typstString } from './typst.ts';

/**
 * A table document (汇总表, 名单, 台账): a title, header lines, grouped rows, a note and a seal line — written
 * once, printed as Excel (exceljs) and as PDF (Typst) with the same columns, groups and order.
 */
export type TableCell = string | number | null;

export interface TableColumn {
  header: string;
  /** Width in Excel character units; the PDF shares the page width in the same proportions. */
  width?: number;
  /** amount: 万元 with two decimals; integer: 序号 and counts; text: as given. */
  format?: 'text' | 'amount' | 'integer';
  align?: 'left' | 'center' | 'right';
}

/** A block of rows under a heading row such as 一、模式应用类 (no heading when the label is null). */
export interface TableGroup {
  label: string | null;
  rows: TableCell[][];
}

export interface TableDocument {
  title: string;
  /** The line between title and table: left (推荐单位（盖章）：…) and right (填表日期：…). */
  subtitle?: { left?: string; right?: string } | null;
  columns: TableColumn[];
  groups: TableGroup[];
  /** 注：… under the table. */
  note?: string | null;
  /** Lines at the bottom right: who signs and seals, and when. */
  signature?: string[] | null;
  /** Excel sheet name (at most 31 characters; defaults to the title). */
  sheetName?: string;
  /** Default: landscape when the columns are wider than a portrait A4 page holds. */
  orientation?: 'portrait' | 'landscape';
}

const DEFAULT_WIDTH = 16;
/** Sum of column widths (Excel characters) that still fits a portrait A4 page at 10.5 pt. */
const PORTRAIT_MAX_WIDTH = 95;

export function orientationOf(doc: TableDocument): 'portrait' | 'landscape' {
  if (doc.orientation) return doc.orientation;
  const total = doc.columns.reduce((sum, c) => sum + (c.width ?? DEFAULT_WIDTH), 0);
  return total > PORTRAIT_MAX_WIDTH ? 'landscape' : 'portrait';
}

/** 600 → "600.00" for 万元 columns; text as it is. */
export function formatCell(value: TableCell, column: TableColumn): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (column.format === 'amount') return value.toFixed(2);
    if (column.format === 'integer') return String(Math.round(value));
    return String(value);
  }
  return value;
}

const alignOf = (c: TableColumn) => c.align ?? (c.format === 'amount' ? 'right' : c.format === 'integer' ? 'center' : 'left');

// ---------------------------------------------------------------- Excel

const SONG = '宋体';
const HEI = '黑体';
const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * Row 1 title, row 2 the header line, row 3 the column headers (the layout the recommendation tests read),
 * then per group a merged heading row and its rows; the note and the seal lines after the table.
 */
export async function tableDocumentXlsx(doc: TableDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '申报 Shenbao';
  workbook.created = new Date();
  const orientation = orientationOf(doc);
  const sheet = workbook.addWorksheet(sheetName(doc.sheetName ?? doc.title), {
    pageSetup: {
      paperSize: 9, // A4
      orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
      printTitlesRow: '3:3',
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  const width = doc.columns.length;
  doc.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width ?? DEFAULT_WIDTH));

  const merged = (text: string, font: Partial<ExcelJS.Font>, alignment: Partial<ExcelJS.Alignment>, height?: number) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, width);
    const cell = row.getCell(1);
    cell.font = { name: SONG, size: 11, ...font };
    cell.alignment = { vertical: 'middle', wrapText: true, ...alignment };
    if (height) row.height = height;
    return row;
  };

  merged(doc.title, { name: HEI, size: 16, bold: true }, { horizontal: 'center' }, 30);
  const { left = '', right = '' } = doc.subtitle ?? {};
  merged([left, right].filter(Boolean).join('        '), {}, { horizontal: 'left' }, 22);

  const header = sheet.addRow(doc.columns.map((c) => c.header));
  header.height = 30;
  header.eachCell((cell) => {
    cell.font = { name: HEI, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
  });

  for (const group of doc.groups) {
    if (group.label) {
      const g = merged(group.label, { bold: true }, { horizontal: 'left' });
      g.getCell(1).border = border;
    }
    for (const values of group.rows) {
      const row = sheet.addRow(doc.columns.map((_, i) => values[i] ?? null));
      doc.columns.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        cell.font = { name: SONG, size: 11 };
        cell.alignment = { horizontal: alignOf(c), vertical: 'middle', wrapText: true };
        cell.border = border;
        if (c.format === 'amount' && typeof values[i] === 'number') cell.numFmt = '0.00';
      });
    }
  }

  if (doc.note) merged(`注：${doc.note}`, { size: 10 }, { horizontal: 'left' });
  for (const line of doc.signature ?? []) merged(line, {}, { horizontal: 'right' });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '').slice(0, 31) || 'Sheet1';
}

// ---------------------------------------------------------------- PDF

// 宋体 for the body, 黑体 for the title and the column headers.
const SERIF = typstFontList('宋体');
const SANS = typstFontList('黑体');

/** The Typst source of a table document: A4 (landscape when wide), header row repeated on every page, page x of y. */
export function tableDocumentTypst(doc: TableDocument): string {
  const flipped = orientationOf(doc) === 'landscape';
  const n = doc.columns.length;
  // At least 7 characters wide on paper, so a two-character header such as 序号 stays on one line.
  const fractions = doc.columns.map((c) => `${Math.max(7, c.width ?? DEFAULT_WIDTH)}fr`).join(', ');
  const aligns = doc.columns.map((c) => `${alignOf(c)} + horizon`).join(', ');
  const cells: string[] = [];
  for (const group of doc.groups) {
    if (group.label) cells.push(`table.cell(colspan: ${n}, align: left + horizon, text(weight: "bold", ${typstString(group.label)}))`);
    for (const row of group.rows) for (const [i, c] of doc.columns.entries()) cells.push(typstString(formatCell(row[i] ?? null, c)));
  }
  const { left = '', right = '' } = doc.subtitle ?? {};
  const lines = [
    `#set document(title: ${typstString(doc.title)})`,
    `#set page(paper: "a4", flipped: ${flipped}, margin: (x: 1.8cm, top: 2cm, bottom: 2cm),`,
    `  footer: context align(center, text(size: 9pt)[第 #counter(page).display() 页，共 #counter(page).final().first() 页]))`,
    `#set text(font: ${SERIF}, size: 10.5pt, lang: "zh", region: "cn")`,
    `#set par(leading: 0.65em)`,
    `#align(center, text(font: ${SANS}, size: 16pt, weight: "bold", ${typstString(doc.title)}))`,
    `#v(0.4em)`,
    `#grid(columns: (1fr, auto), ${typstString(left)}, ${typstString(right)})`,
    `#v(0.2em)`,
    `#show table.cell.where(y: 0): set text(font: ${SANS}, weight: "bold")`,
    `#table(`,
    `  columns: (${fractions}),`,
    `  align: (${aligns}),`,
    `  stroke: 0.5pt, inset: (x: 4pt, y: 6pt),`,
    `  table.header(${doc.columns.map((c) => `table.cell(align: center + horizon, ${typstString(c.header)})`).join(', ')}),`,
    ...cells.map((c) => `  ${c},`),
    `)`,
  ];
  if (doc.note) lines.push(`#v(0.3em)`, `#text(size: 9.5pt, ${typstString(`注：${doc.note}`)})`);
  if (doc.signature?.length) {
    lines.push(`#v(1.5em)`, `#align(right, stack(spacing: 0.9em, ${doc.signature.map((l) => typstString(l)).join(', ')}))`);
  }
  return lines.join('\n') + '\n';
}

export async function tableDocumentPdf(doc: TableDocument): Promise<Buffer> {
  return Buffer.from(await compileTypstPdf(tableDocumentTypst(doc)));
}
