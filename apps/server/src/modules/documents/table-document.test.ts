import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../platform/config.ts';
import { loadPack } from '../programs/index.ts';
import { summaryTableDocument, tableDocumentPdf, tableDocumentXlsx, type SummaryEntry, type TableDocument } from './index.ts';
import { parseSummaryNote } from './summary.ts';

function pdfTool(tool: 'pdftotext' | 'pdfinfo', pdf: Uint8Array, args: string[] = []): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'table-doc-')), 'x.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8');
}
const compact = (s: string) => s.replace(/\s+/g, '');

async function readXlsx(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}
const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

const doc: TableDocument = {
  title: '河北省工业互联网创新发展试点项目推荐表',
  subtitle: { left: '推荐单位（市局签章）：石家庄市工业和信息化局', right: '填表日期：2023年5月20日' },
  columns: [
    { header: '序号', width: 6, format: 'integer' },
    { header: '项目名称', width: 30 },
    { header: '企业名称', width: 28 },
    { header: '申报方向', width: 22 },
    { header: '项目投资额（万元）', width: 14, format: 'amount' },
    { header: '联系人', width: 10 },
  ],
  groups: [
    { label: '一、模式应用类', rows: [[1, '优先项目', '甲公司', '智能化制造', 860.5, '李明'], [2, '其次项目 #*_$x$ <a> @b "引号"', '乙公司', '数字化管理', 600, '王芳']] },
    { label: '二、行业/区域级平台类', rows: [[1, '平台项目', '丙公司', '通用设备', 1200, '张伟']] },
  ],
  note: '推荐申报信息按优先级先后顺序排列',
  signature: ['签发人：张处长', '出具日期：2023年5月20日'],
};

describe('表格文书（汇总表）', () => {
  it('writes Excel with the title, the header line, the column headers, group rows and rows in order', async () => {
    const sheet = await readXlsx(await tableDocumentXlsx(doc));
    expect(sheet.getCell(1, 1).value).toBe(doc.title);
    expect(sheet.getCell(1, 1).isMerged).toBe(true);
    expect(String(sheet.getCell(2, 1).value)).toMatch(/^推荐单位（市局签章）：石家庄市工业和信息化局\s+填表日期：2023年5月20日$/);
    expect(rowValues(sheet, 3)).toEqual(['序号', '项目名称', '企业名称', '申报方向', '项目投资额（万元）', '联系人']);
    expect(sheet.getCell(4, 1).value).toBe('一、模式应用类');
    expect(rowValues(sheet, 5)).toEqual([1, '优先项目', '甲公司', '智能化制造', 860.5, '李明']);
    expect(rowValues(sheet, 6)).toEqual([2, '其次项目 #*_$x$ <a> @b "引号"', '乙公司', '数字化管理', 600, '王芳']);
    expect(sheet.getCell(6, 5).numFmt).toBe('0.00');
    expect(sheet.getCell(7, 1).value).toBe('二、行业/区域级平台类');
    expect(rowValues(sheet, 8)).toEqual([1, '平台项目', '丙公司', '通用设备', 1200, '张伟']);
    expect(sheet.getCell(9, 1).value).toBe('注：推荐申报信息按优先级先后顺序排列');
    expect(sheet.getCell(10, 1).value).toBe('签发人：张处长');
    expect(sheet.getCell(11, 1).value).toBe('出具日期：2023年5月20日');
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.printTitlesRow).toBe('3:3');
  });

  it('prints the same table as PDF: A4 landscape when wide, amounts with two decimals, user text shown as typed', async () => {
    const pdf = await tableDocumentPdf(doc);
    const info = pdfTool('pdfinfo', pdf);
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.276? pts \(A4\)/);
    const text = compact(pdfTool('pdftotext', pdf, ['-layout']));
    for (const s of [doc.title, '推荐单位（市局签章）：石家庄市工业和信息化局', '填表日期：2023年5月20日', '序号', '项目名称', '企业名称', '联系人', '注：推荐申报信息按优先级先后顺序排列', '签发人：张处长']) {
      expect(text).toContain(s);
    }
    // Order: group one with its two rows, then group two.
    const at = (s: string) => text.indexOf(s);
    expect(at('一、模式应用类')).toBeLessThan(at('优先项目'));
    expect(at('优先项目')).toBeLessThan(at('其次项目'));
    expect(at('其次项目')).toBeLessThan(at('二、行业/区域级平台类'));
    expect(at('二、行业/区域级平台类')).toBeLessThan(at('平台项目'));
    expect(text).toContain('860.50');
    expect(text).toContain('1200.00');
    expect(text).toContain('#*_$x$<a>@b"引号"');
  });

  it('prints a narrow table on portrait A4', async () => {
    const narrow: TableDocument = { title: '名单', columns: [{ header: '序号', width: 6 }, { header: '单位', width: 30 }], groups: [{ label: null, rows: [[1, '甲公司']] }] };
    expect(pdfTool('pdfinfo', await tableDocumentPdf(narrow))).toMatch(/Page size:\s+595\.276? x 841\.89 pts \(A4\)/);
    expect((await readXlsx(await tableDocumentXlsx(narrow))).pageSetup.orientation).toBe('portrait');
  });

  it('repeats the column headers on every page of a long table', async () => {
    const long: TableDocument = { ...doc, groups: [{ label: null, rows: Array.from({ length: 80 }, (_, i) => [i + 1, `项目${i + 1}`, '公司', '方向', 100, '李明']) }] };
    const pages = pdfTool('pdftotext', await tableDocumentPdf(long), ['-layout']).split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(compact(page)).toContain('项目名称企业名称');
    expect(compact(pages.at(-1)!)).toMatch(/第\d+页，共\d+页/);
  });
});

describe('推荐汇总表：五个配置包', () => {
  it('reads the seal line, the date and the note from each pack', () => {
    expect(parseSummaryNote('推荐单位（市局签章）；填表日期')).toEqual({ sealLabel: '推荐单位（市局签章）', date: true, contact: false, remark: null });
    expect(parseSummaryNote('推荐单位（盖章）。注：1.推荐申报信息按优先级先后顺序排列；2.推荐数量不能超过规定的上限。')).toEqual({
      sealLabel: '推荐单位（盖章）',
      date: false,
      contact: false,
      remark: '1.推荐申报信息按优先级先后顺序排列；2.推荐数量不能超过规定的上限',
    });
    expect(parseSummaryNote('推荐单位（盖章）；联系人及电话')).toEqual({ sealLabel: '推荐单位（盖章）', date: false, contact: true, remark: null });
    expect(parseSummaryNote('推荐单位（盖章）；按推荐优先顺序填写；一式两份').remark).toBe('按推荐优先顺序填写；一式两份');
  });

  const PACKS = ['hebei-2023-innovation-pilot', 'hebei-2022-platform-cultivation', 'hunan-2023-platform-plan', 'hebei-internet-plus-pilot', 'miit-2023-pilot-demo'];
  for (const packId of PACKS) {
    it(`${packId}: the notice's columns, its groups in order, 序号 per group, as Excel and PDF`, async () => {
      const { program } = await loadPack(path.join(REPO_ROOT, 'programs', packId));
      const { cases } = (await import(path.join(REPO_ROOT, 'programs', packId, 'cases.ts'))) as { cases: { form: string; answers: Record<string, unknown>; expect: unknown[] }[] };
      const example = cases.find((c) => c.expect.length === 0)!.answers;
      // Two applications under each top-level category, in priority order: the first leaf of each category.
      const leaf = (c: (typeof program.categories)[number]): string => (c.children?.length ? leaf(c.children[0]!) : c.id);
      const entries: SummaryEntry[] = program.categories.flatMap((c, i) =>
        [1, 2].map((k) => ({
          answers: { ...example, projectName: `项目${i + 1}-${k}`, platformName: `项目${i + 1}-${k}`, contactName: '李明', contactMobile: '13800000000', contactEmail: 'a@b.cn', contactPhone: '0311-1234567' },
          directionId: leaf(c),
          org: { name: '测试企业' },
          priority: i * 2 + k,
          number: `N${i}${k}`,
        })),
      );
      const table = await summaryTableDocument(program, entries, { recommenderName: '某市工业和信息化局', date: new Date('2023-05-20T02:00:00Z') });
      expect(table.title).toBe(program.summaryTable.title);
      expect(table.columns.map((c) => c.header)).toEqual(program.summaryTable.columns.map((c) => c.header));
      const groups = program.summaryTable.groups ?? [];
      expect(table.groups.map((g) => g.label)).toEqual(groups.length ? groups.map((g) => g.label) : [null]);
      for (const g of table.groups) expect(g.rows.map((r) => r[0])).toEqual(g.rows.map((_, i) => i + 1));
      expect(table.groups.flatMap((g) => g.rows).length).toBe(entries.length);

      const sheet = await readXlsx(await tableDocumentXlsx(table));
      expect(sheet.getCell(1, 1).value).toBe(program.summaryTable.title);
      expect(String(sheet.getCell(2, 1).value)).toContain('某市工业和信息化局');
      expect(rowValues(sheet, 3)).toEqual(program.summaryTable.columns.map((c) => c.header));
      if (groups.length) expect(sheet.getCell(4, 1).value).toBe(groups[0]!.label);

      const text = compact(pdfTool('pdftotext', await tableDocumentPdf(table), ['-layout']));
      expect(text).toContain(compact(program.summaryTable.title));
      for (const g of groups) expect(text).toContain(g.label);
      for (const e of entries) expect(text).toContain(String(e.answers.projectName));
    });
  }
});
