import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportJob } from '@shenbao/contracts';
import { BlobStore } from '../../platform/blob-store.ts';
import { tempDir } from '../../platform/database.ts';
import { buildOrganisation, buildUser, getTestApp, signIn, uniqueSuffix, type BuiltOrganisation, type Session, type TestApp } from '../../testing/app.ts';
import { buildOpenCall } from '../../testing/calls.ts';
import { cases } from '../../../../../programs/hebei-2023-innovation-pilot/cases.ts';
import { ExportRunner } from './export-runner.ts';

let t: TestApp;
let province: BuiltOrganisation;
let city: BuiltOrganisation;
let otherCity: BuiltOrganisation;
let officer: Session;
let reviewer: Session;
let otherReviewer: Session;
let applicant: Session;
let blobs: BlobStore;

const example = cases.find((c) => c.form === 'mode-application' && c.expect.length === 0)!.answers;

async function putBlob(content: string | Buffer): Promise<{ sha256: string; size: number }> {
  const tmp = path.join(os.tmpdir(), `export-blob-${uniqueSuffix()}`);
  await fs.writeFile(tmp, content);
  return blobs.putFile(tmp);
}

/** A submitted 1-1 application with its snapshot and two uploaded files (written directly: the applicant side has its own tests). */
async function submitted(callId: string, recommender: BuiltOrganisation, opts: { direction?: string; projectName?: string; status?: string } = {}) {
  const enterprise = await buildOrganisation(t.database, { kind: 'enterprise', parent: recommender, name: `导出测试企业${uniqueSuffix()}有限公司` });
  const projectName = opts.projectName ?? `导出测试项目${uniqueSuffix()}`;
  const number = `EXP2023-${uniqueSuffix()}`;
  const answers = { ...example, companyName: enterprise.name, projectName, direction: opts.direction ?? 'smart-manufacturing' };
  const { rows } = await t.database.pool.query(
    `INSERT INTO applications (call_id, pack_version, form_id, channel_id, applicant_organisation_id, recommender_organisation_id, status, answers, project_name, direction_id, created_by, number, submitted_at)
     VALUES ($1, 1, 'mode-application', 'city', $2, $3, $4, $5, $6, $7, gen_random_uuid(), $8, now()) RETURNING id`,
    [callId, enterprise.id, recommender.id, opts.status ?? 'submitted', JSON.stringify(answers), projectName, opts.direction ?? 'smart-manufacturing', number],
  );
  const id = rows[0].id as string;
  const files = [];
  for (const f of [
    { field: 'sealedApplication', name: '申报材料盖章版.pdf', content: `%PDF-1.4 ${projectName} 盖章版` },
    { field: 'achievementEvidence', name: '两化融合评定证书.pdf', content: `%PDF-1.4 ${projectName} 证书` },
  ]) {
    const { sha256, size } = await putBlob(f.content);
    const inserted = await t.database.pool.query(
      `INSERT INTO application_files (application_id, field_id, name, sha256, size, mime, uploaded_by) VALUES ($1, $2, $3, $4, $5, 'application/pdf', gen_random_uuid()) RETURNING id`,
      [id, f.field, f.name, sha256, size],
    );
    files.push({ fileId: inserted.rows[0].id as string, name: f.name, size, sha256, mime: 'application/pdf' });
  }
  const snapshot = { applicationId: id, number, seq: 1, answers: { ...answers, sealedApplication: files.slice(0, 1), achievementEvidence: files.slice(1) }, files, commitment: { text: '本单位承诺所填内容真实。' } };
  await t.database.pool.query(
    `INSERT INTO application_submissions (application_id, seq, snapshot, sha256, idempotency_key, submitted_by, submitted_at) VALUES ($1, 1, $2, $3, $4, gen_random_uuid(), now())`,
    [id, JSON.stringify(snapshot), 'c'.repeat(64), uniqueSuffix()],
  );
  return { id, number, projectName, files };
}

const day = 86_400_000;
const newCall = () => buildOpenCall(t.database, 'hebei-2023-innovation-pilot', { issuer: province, schedule: { application: { opens: new Date(Date.now() - 2 * day).toISOString(), closes: new Date(Date.now() + 10 * day).toISOString() } } });

const start = (session: Session, payload: unknown) => session.request({ method: 'POST', url: '/api/exports', payload: payload as never });
const status = async (session: Session, id: string) => (await session.request({ method: 'GET', url: `/api/exports/${id}` })).json() as ExportJob;

async function waitFor(session: Session, id: string, until: (job: ExportJob) => boolean, timeoutMs = 60_000): Promise<ExportJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await status(session, id);
    if (until(job)) return job;
    if (Date.now() > deadline) throw new Error(`export ${id} stuck at ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Every entry of a ZIP with its bytes (yauzl: checks the central directory and each entry's CRC). */
function readZip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const exportFiles = async () => fs.readdir(t.config.exportDir).catch(() => [] as string[]);
const jobCount = async () => (await t.database.pool.query('SELECT count(*)::int AS n FROM export_jobs')).rows[0].n as number;

beforeAll(async () => {
  t = await getTestApp();
  blobs = new BlobStore(t.config.blobDir);
  province = await buildOrganisation(t.database, { kind: 'provincial_department', divisionCode: '130000' });
  city = await buildOrganisation(t.database, { kind: 'city_bureau', parent: province, name: `石家庄市工业和信息化局${uniqueSuffix()}` });
  otherCity = await buildOrganisation(t.database, { kind: 'city_bureau', parent: province, divisionCode: '130200', name: `唐山市工业和信息化局${uniqueSuffix()}` });
  officer = await signIn(t.app, (await buildUser(t.database, province, ['program_officer'])).username);
  reviewer = await signIn(t.app, (await buildUser(t.database, city, ['recommender_reviewer'])).username);
  otherReviewer = await signIn(t.app, (await buildUser(t.database, otherCity, ['recommender_reviewer'])).username);
  const enterprise = await buildOrganisation(t.database, { kind: 'enterprise', parent: city });
  applicant = await signIn(t.app, (await buildUser(t.database, enterprise, ['applicant_admin'])).username);
});
afterAll(() => t.close());

describe('批量导出', () => {
  it('exports a whole call as one ZIP: a folder per 申报编号 with the PDF and attachments, the summary table, a manifest whose hashes are the files’', async () => {
    const callId = await newCall();
    const a = await submitted(callId, city, { projectName: '甲市第一项目' });
    const b = await submitted(callId, city, { projectName: '甲市平台项目', direction: 'steel' });
    const c = await submitted(callId, otherCity, { projectName: '乙市项目' });
    await submitted(callId, city, { status: 'draft' }); // drafts are never exported

    const created = await start(officer, { callId });
    expect(created.statusCode, created.body).toBe(201);
    const job = created.json() as ExportJob;
    expect(job).toMatchObject({ callId, status: 'queued', total: 3, done: 0, scopeLabel: '全部申报' });
    expect(job.fileName).toMatch(/（全部申报）批量导出_\d{8}-\d{4}\.zip$/);

    const finished = await waitFor(officer, job.id, (j) => j.status === 'done' || j.status === 'failed');
    expect(finished).toMatchObject({ status: 'done', total: 3, done: 3, error: null });
    expect((await officer.request({ method: 'GET', url: '/api/exports' })).json().items.map((j: ExportJob) => j.id)).toContain(job.id);

    const download = await officer.request({ method: 'GET', url: `/api/exports/${job.id}/download` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    expect(String(download.headers['content-disposition'])).toContain(encodeURIComponent(finished.fileName));
    const zipBytes = download.rawPayload;
    expect(zipBytes.length).toBe(finished.fileSize);
    expect(sha(zipBytes)).toBe(finished.sha256);

    const entries = await readZip(zipBytes);
    for (const app of [a, b, c]) {
      const pdf = entries.get(`${app.number}/${app.number}-申报书.pdf`);
      expect(pdf, app.number).toBeDefined();
      expect(pdf!.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(pdf!).replace(/\s+/g, '');
      expect(text).toContain(app.projectName);
      expect(text).toContain(app.number);
      // Attachments: the blobs themselves, in a folder per attachment slot named by the form's label.
      expect(entries.get(`${app.number}/附件/加盖申报单位公章的申报材料扫描件/申报材料盖章版.pdf`)?.toString()).toBe(`%PDF-1.4 ${app.projectName} 盖章版`);
      expect(entries.get(`${app.number}/附件/企业成就证明材料/两化融合评定证书.pdf`)?.toString()).toBe(`%PDF-1.4 ${app.projectName} 证书`);
    }
    expect([...entries.keys()].filter((k) => k.includes('/') && ![a, b, c].some((x) => k.startsWith(`${x.number}/`)))).toEqual([]);

    // The manifest lists every other file with its real size and SHA-256.
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
    expect(manifest).toMatchObject({ format: 'shenbao-export/1', exportId: job.id, applications: 3, scope: '全部申报' });
    const listed = new Map<string, { size: number; sha256: string; kind: string }>(manifest.files.map((f: { path: string }) => [f.path, f]));
    expect(new Set([...entries.keys()].filter((k) => !k.startsWith('manifest.'))).size).toBe(listed.size);
    for (const [name, bytes] of entries) {
      if (name.startsWith('manifest.')) continue;
      expect(listed.get(name), name).toMatchObject({ size: bytes.length, sha256: sha(bytes) });
    }
    const csv = entries.get('manifest.csv')!.toString('utf8');
    expect(csv.startsWith('\ufeff路径,大小（字节）,SHA-256,类型,申报编号')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(listed.size + 1);

    // The summary table at the root: the notice's columns (+ 推荐单位 and 申报编号), groups, every application once.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(entries.get('河北省工业互联网创新发展试点项目推荐表.xlsx') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell(1, 1).value).toBe('河北省工业互联网创新发展试点项目推荐表');
    expect(String(sheet.getCell(2, 1).value)).toMatch(/^导出范围：全部申报（共 3 项）\s+填表日期：\d{4}年\d{1,2}月\d{1,2}日$/);
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(['序号', '项目名称', '企业名称', '申报方向', '项目投资额（万元）', '联系人', '联系方式', '推荐单位', '申报编号']);
    expect(sheet.getCell(4, 1).value).toBe('一、模式应用类');
    const rows = [5, 6].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
    // Grouped by recommender name (唐山 … sorts before 石家庄 … in pinyin), each with 序号 from 1.
    expect(rows.map((r) => r[1]).sort()).toEqual(['乙市项目', '甲市第一项目'].sort());
    expect(rows.map((r) => r[0])).toEqual([1, 2]);
    expect(sheet.getCell(7, 1).value).toBe('二、行业/区域级平台类');
    expect((sheet.getRow(8).values as unknown[]).slice(1)).toEqual([1, '甲市平台项目', expect.any(String), expect.any(String), example.investmentTotal, '李明', example.contactMobile, city.name, b.number]);
    expect(pdfText(entries.get('河北省工业互联网创新发展试点项目推荐表.pdf')!).replace(/\s+/g, '')).toContain('甲市平台项目');

    // Created, downloaded: both in the audit log.
    const { rows: audit } = await t.database.pool.query(`SELECT action FROM audit_events WHERE resource_id = $1 ORDER BY id`, [job.id]);
    expect(audit.map((r) => r.action)).toEqual(['export.create', 'export.download']);
  });

  it('lets a city export its own applications only; another city’s are out of its scope', async () => {
    const callId = await newCall();
    const mine = await submitted(callId, city);
    const theirs = await submitted(callId, otherCity);
    const job = (await start(reviewer, { callId })).json() as ExportJob;
    expect(job).toMatchObject({ total: 1, scopeLabel: city.name });
    await waitFor(reviewer, job.id, (j) => j.status === 'done');
    const entries = await readZip((await reviewer.request({ method: 'GET', url: `/api/exports/${job.id}/download` })).rawPayload);
    expect([...entries.keys()].some((k) => k.startsWith(`${mine.number}/`))).toBe(true);
    expect([...entries.keys()].some((k) => k.startsWith(`${theirs.number}/`))).toBe(false);

    // Naming the other city, or a call with nothing of its own: 404; the other city's job is invisible to it.
    const before = await jobCount();
    expect((await start(reviewer, { callId, recommenderOrganisationId: otherCity.id })).statusCode).toBe(404);
    expect((await start(reviewer, { callId: await newCall() })).statusCode).toBe(404);
    const theirJob = (await start(otherReviewer, { callId })).json() as ExportJob;
    expect((await reviewer.request({ method: 'GET', url: `/api/exports/${theirJob.id}` })).statusCode).toBe(404);
    expect((await reviewer.request({ method: 'GET', url: `/api/exports/${theirJob.id}/download` })).statusCode).toBe(404);
    expect((await reviewer.request({ method: 'POST', url: `/api/exports/${theirJob.id}/cancel` })).statusCode).toBe(404);
    expect(await jobCount()).toBe(before + 1);

    // The owner may narrow the call to one city.
    const narrowed = (await start(officer, { callId, recommenderOrganisationId: otherCity.id })).json() as ExportJob;
    expect(narrowed).toMatchObject({ total: 1, scopeLabel: otherCity.name, recommenderOrganisationId: otherCity.id });
    await waitFor(officer, narrowed.id, (j) => j.status === 'done');
    await waitFor(otherReviewer, theirJob.id, (j) => j.status === 'done');
  });

  it('refuses bad input with a Chinese message and a field path, and changes nothing', async () => {
    const before = await jobCount();
    for (const payload of [{}, { callId: '' }, { callId: 'x', recommenderOrganisationId: 'not-a-uuid' }, { callId: 'x', extra: 1 }]) {
      const res = await start(officer, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      const error = res.json().error;
      expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(error.fields[0].path).toMatch(/^\/body/);
    }
    const empty = await start(officer, { callId: await newCall() });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({ message: '该范围内还没有已提交的申报，无可导出的内容', fields: [{ path: '/body/callId' }] });
    expect((await start(officer, { callId: 'no-such-call' })).statusCode).toBe(404);
    expect((await start(applicant, { callId: await newCall() })).statusCode).toBe(403);
    expect(await jobCount()).toBe(before);
  });

  it('cancels a running export promptly: status cancelled, no file left behind', async () => {
    const callId = await newCall();
    for (let i = 0; i < 30; i++) await submitted(callId, city);
    const job = (await start(officer, { callId })).json() as ExportJob;
    const running = await waitFor(officer, job.id, (j) => (j.status === 'running' && j.done >= 1) || j.status === 'done');
    expect(running.status).toBe('running');
    const cancel = await officer.request({ method: 'POST', url: `/api/exports/${job.id}/cancel` });
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json().cancelRequestedAt).not.toBeNull();
    const cancelled = await waitFor(officer, job.id, (j) => j.status !== 'running', 10_000);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.done).toBeLessThan(30);
    expect((await exportFiles()).filter((f) => f.startsWith(job.id))).toEqual([]);
    expect((await officer.request({ method: 'GET', url: `/api/exports/${job.id}/download` })).statusCode).toBe(409);
    expect((await officer.request({ method: 'POST', url: `/api/exports/${job.id}/cancel` })).statusCode).toBe(409);
    const { rows: audit } = await t.database.pool.query(`SELECT action FROM audit_events WHERE resource_id = $1 ORDER BY id`, [job.id]);
    expect(audit.map((r) => r.action)).toEqual(['export.create', 'export.cancel']);
  });

  it('fails with a Chinese reason when an attachment is missing from the file store, leaving no file', async () => {
    const callId = await newCall();
    const app = await submitted(callId, city);
    await fs.rm(blobs.pathOf(app.files[1]!.sha256));
    const job = (await start(officer, { callId })).json() as ExportJob;
    const failed = await waitFor(officer, job.id, (j) => j.status === 'failed' || j.status === 'done');
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe(`申报 ${app.number} 的附件「两化融合评定证书.pdf」在文件库中不存在，导出未完成`);
    expect((await exportFiles()).filter((f) => f.startsWith(job.id))).toEqual([]);
  });

  it('picks up the jobs of a process that stopped: queued ones, and running ones whose heartbeat went quiet', async () => {
    const callId = await newCall();
    await submitted(callId, city);
    const exportDir = await tempDir('shenbao-export-restart-');
    const user = (await buildUser(t.database, province, ['program_officer'])).id;
    const details = (heartbeatAt?: string) => JSON.stringify({ scope: { mode: 'call' }, exportDir, callTitle: '重启测试', scopeLabel: '全部申报', fileName: 'x.zip', ...(heartbeatAt ? { heartbeatAt } : {}) });
    const { rows } = await t.database.pool.query(
      `INSERT INTO export_jobs (call_id, requested_by, requested_by_organisation_id, status, total, details, started_at) VALUES
        ($1, $2, $3, 'queued', 1, $4, NULL), ($1, $2, $3, 'running', 1, $5, now() - interval '10 minutes'), ($1, $2, $3, 'running', 1, $6, now())
       RETURNING id`,
      [callId, user, province.id, details(), details(new Date(Date.now() - 600_000).toISOString()), details(new Date().toISOString())],
    );
    const [queued, orphan, alive] = rows.map((r) => r.id as string) as [string, string, string];
    // A "new process": its own runner on the same export directory.
    const runner = new ExportRunner({ db: t.database.db, exportDir, blobDir: t.config.blobDir, staleSeconds: 60, pollMs: 50 });
    runner.start();
    try {
      const deadline = Date.now() + 60_000;
      let states: Record<string, string> = {};
      while (Date.now() < deadline) {
        const { rows: now } = await t.database.pool.query('SELECT id, status FROM export_jobs WHERE id = ANY($1::uuid[])', [[queued, orphan, alive]]);
        states = Object.fromEntries(now.map((r) => [r.id, r.status]));
        if (states[queued] === 'done' && states[orphan] === 'done') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(states).toEqual({ [queued]: 'done', [orphan]: 'done', [alive]: 'running' });
      expect((await fs.readdir(exportDir)).sort()).toEqual([`${queued}.zip`, `${orphan}.zip`].sort());
    } finally {
      await runner.stop();
      await t.database.pool.query(`UPDATE export_jobs SET status = 'failed' WHERE id = $1`, [alive]);
    }
  });

  it('stops at the next file when the cancel is asked on another process', async () => {
    const callId = await newCall();
    for (let i = 0; i < 20; i++) await submitted(callId, city);
    const exportDir = await tempDir('shenbao-export-remote-cancel-');
    const user = (await buildUser(t.database, province, ['program_officer'])).id;
    const { rows } = await t.database.pool.query(
      `INSERT INTO export_jobs (call_id, requested_by, requested_by_organisation_id, status, total, details) VALUES ($1, $2, $3, 'queued', 20, $4) RETURNING id`,
      [callId, user, province.id, JSON.stringify({ scope: { mode: 'call' }, exportDir, callTitle: '跨进程取消', scopeLabel: '全部申报', fileName: 'x.zip' })],
    );
    const id = rows[0].id as string;
    const runner = new ExportRunner({ db: t.database.db, exportDir, blobDir: t.config.blobDir, pollMs: 50, checkpointMs: 0 });
    runner.start();
    try {
      const state = async () => (await t.database.pool.query('SELECT status, done FROM export_jobs WHERE id = $1', [id])).rows[0] as { status: string; done: number };
      for (let i = 0; i < 1200 && !((await state()).done >= 1); i++) await new Promise((r) => setTimeout(r, 25));
      // What POST /api/exports/:id/cancel writes, from "another process": only the mark in the database.
      await t.database.pool.query('UPDATE export_jobs SET cancel_requested_at = now() WHERE id = $1', [id]);
      const asked = Date.now();
      while ((await state()).status === 'running' && Date.now() - asked < 10_000) await new Promise((r) => setTimeout(r, 10));
      expect((await state()).status).toBe('cancelled');
      expect((await state()).done).toBeLessThan(20);
      expect(await fs.readdir(exportDir)).toEqual([]);
    } finally {
      await runner.stop();
    }
  });

  it('deletes finished ZIPs after the retention period; the job stays listed, its download answers 410', async () => {
    const callId = await newCall();
    await submitted(callId, city);
    const job = (await start(officer, { callId })).json() as ExportJob;
    expect((await waitFor(officer, job.id, (j) => j.status === 'done')).downloadable).toBe(true);
    await t.database.pool.query(`UPDATE export_jobs SET finished_at = now() - interval '8 days' WHERE id = $1`, [job.id]);
    const runner = new ExportRunner({ db: t.database.db, exportDir: t.config.exportDir, blobDir: t.config.blobDir, retentionDays: 7, pollMs: 60_000 });
    runner.start();
    try {
      await expect.poll(async () => (await exportFiles()).includes(`${job.id}.zip`), { timeout: 10_000 }).toBe(false);
    } finally {
      await runner.stop();
    }
    expect(await status(officer, job.id)).toMatchObject({ status: 'done', downloadable: false });
    const gone = await officer.request({ method: 'GET', url: `/api/exports/${job.id}/download` });
    expect(gone.statusCode).toBe(410);
    expect(gone.json().error.message).toBe('导出文件已过保留期限被删除，请重新发起导出');
  });

  it('hands the job in progress back to the queue when the process shuts down', async () => {
    const callId = await newCall();
    for (let i = 0; i < 20; i++) await submitted(callId, city);
    const exportDir = await tempDir('shenbao-export-shutdown-');
    const user = (await buildUser(t.database, province, ['program_officer'])).id;
    const { rows } = await t.database.pool.query(
      `INSERT INTO export_jobs (call_id, requested_by, requested_by_organisation_id, status, total, details) VALUES ($1, $2, $3, 'queued', 20, $4) RETURNING id`,
      [callId, user, province.id, JSON.stringify({ scope: { mode: 'call' }, exportDir, callTitle: '停机测试', scopeLabel: '全部申报', fileName: 'x.zip' })],
    );
    const id = rows[0].id as string;
    const runner = new ExportRunner({ db: t.database.db, exportDir, blobDir: t.config.blobDir, pollMs: 50, checkpointMs: 0 });
    runner.start();
    for (let i = 0; i < 1200; i++) {
      const { rows: now } = await t.database.pool.query('SELECT status, done FROM export_jobs WHERE id = $1', [id]);
      if (now[0].status === 'running' && now[0].done >= 1) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    await runner.stop();
    const { rows: after } = await t.database.pool.query('SELECT status, done, started_at FROM export_jobs WHERE id = $1', [id]);
    expect(after[0]).toMatchObject({ status: 'queued', done: 0, started_at: null });
    expect(await fs.readdir(exportDir)).toEqual([]);
    await t.database.pool.query(`UPDATE export_jobs SET status = 'cancelled' WHERE id = $1`, [id]);
  });
});

function pdfText(pdf: Buffer): string {
  const file = path.join(os.tmpdir(), `export-pdf-${uniqueSuffix()}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8');
}
