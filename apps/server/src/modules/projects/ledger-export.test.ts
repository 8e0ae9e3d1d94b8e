import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, uniqueSuffix, type Session, type TestApp } from '../../testing/app.ts';
import { buildProject, buildProjectWorld, sessionOf, type BuiltProject } from '../../testing/project-fixture.ts';

let t: TestApp;
let project: BuiltProject;
let admin: Session;

beforeAll(async () => {
  t = await getTestApp();
  const world = await buildProjectWorld(t.database, 'hebei-internet-plus-pilot');
  project = await buildProject(t.database, world);
  admin = await sessionOf(t, project.applicant, ['applicant_admin']);
  const rows = [
    { category: 'automation', item: '轧线自动化控制系统改造', contractAmount: 620, invoiceAmount: 600, paymentAmount: 580 },
    { category: 'automation', item: '智能仓储AGV', contractAmount: 120.5, invoiceAmount: 120.5, paymentAmount: 120.5 },
    { category: 'development', item: '生产执行系统定制开发', contractAmount: 300, invoiceAmount: 280.25, paymentAmount: 200 },
  ];
  for (const r of rows) {
    const res = await admin.request({
      method: 'POST',
      url: `/api/projects/${project.id}/ledger`,
      payload: { ...r, supplier: '某自动化工程有限公司', contract: `HT-${uniqueSuffix()}`, invoiceNo: `13${uniqueSuffix()}`, invoiceDate: '2016-09-20', paymentVoucherNo: 'FK-160925' },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => t?.close());

describe('项目已完成的投资清单（导出）', () => {
  it('prints 000’s 附表 columns, one block per category in the pack’s order, subtotals and the total, as Excel', async () => {
    const res = await admin.request({ method: 'GET', url: `/api/projects/${project.id}/ledger.xlsx` });
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const values = sheet.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v))));
    expect(values[0]![0]).toBe('项目已完成的投资清单');
    const header = values.find((r) => r[0] === '类别')!;
    expect(header).toEqual(['类别', '序号', '设备名称', '供应商', '合同名称或编号', '合同金额（万元）', '发票金额（万元）', '发票时间', '付款凭证号', '付款金额（万元）']);
    const body = values.slice(values.indexOf(header) + 1);
    const firstColumn = body.map((r) => r[0]).filter((v) => v && v !== '');
    expect(firstColumn.slice(0, 4)).toEqual(['自动化设备购置与改造', '信息化软硬件购置', '系统开发与服务', '其他']);
    // Amounts are numbers in 万元 (shown with two decimals by the cell format).
    const subtotals = body.filter((r) => r[2] === '小计').map((r) => [Number(r[6]), Number(r[9])]);
    expect(subtotals).toEqual([[720.5, 700.5], [0, 0], [280.25, 200], [0, 0]]);
    const total = body.find((r) => r[0] === '合计')!;
    expect([Number(total[6]), Number(total[9])]).toEqual([1000.75, 900.5]);
  });

  it('prints the same list as a PDF that reads back', async () => {
    const res = await admin.request({ method: 'GET', url: `/api/projects/${project.id}/ledger.pdf` });
    expect(res.statusCode).toBe(200);
    // Narrow cells wrap long names over lines: compare without whitespace.
    const text = execFileSync('pdftotext', ['-raw', '-', '-'], { input: res.rawPayload }).toString().replace(/\s+/g, '');
    // Page 1 as a picture for a person to look at.
    fs.mkdirSync('test-output', { recursive: true });
    fs.writeFileSync('test-output/ledger.pdf', res.rawPayload);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', 'test-output/ledger.pdf', 'test-output/ledger-p1']);
    for (const s of ['项目已完成的投资清单', '轧线自动化控制系统改造', '生产执行系统定制开发', '合同名称或编号', '1000.75']) expect(text).toContain(s);
  });

  it('keeps other organisations out (404)', async () => {
    const world = await buildProjectWorld(t.database, 'hebei-internet-plus-pilot');
    const other = await buildProject(t.database, world);
    const stranger = await sessionOf(t, other.applicant, ['applicant_admin']);
    expect((await stranger.request({ method: 'GET', url: `/api/projects/${project.id}/ledger.xlsx` })).statusCode).toBe(404);
  });
});
