import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Upload } from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, getTestApp, signIn, uniqueSuffix, type Session, type TestApp } from '../../testing/app.ts';
import { buildOpenCall } from '../../testing/calls.ts';
import { sweepAbandonedUploads } from './uploads.ts';

// Resumable uploads over real HTTP with the tus client: content checks, hashing, video length by ffprobe, resume.

let t: TestApp;
let base: string;
let admin: Session;
let miitApp: string;
let hebeiApp: string;
let platformApp: string;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shenbao-upload-test-'));

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function video(seconds: number): Buffer {
  const file = path.join(tmp, `v${seconds}-${uniqueSuffix()}.mp4`);
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=2', '-t', String(seconds), '-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '45', file]);
  return fs.readFileSync(file);
}

function tus(applicationId: string, fieldId: string, filename: string, data: Buffer, opts: { chunkSize?: number; onChunk?: (u: Upload) => void; url?: string; base?: string } = {}) {
  return new Promise<{ url: string; error?: string }>((resolve) => {
    const upload: Upload = new Upload(data, {
      endpoint: `${opts.base ?? base}/api/uploads`,
      uploadUrl: opts.url,
      metadata: { applicationId, fieldId, filename },
      headers: { cookie: Object.entries(admin.cookies).map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': admin.csrfToken },
      chunkSize: opts.chunkSize ?? 10 * 1024 * 1024,
      retryDelays: [],
      onChunkComplete: () => opts.onChunk?.(upload),
      onSuccess: () => resolve({ url: upload.url! }),
      onError: (error) => {
        const body = (error as { originalResponse?: { getBody(): string } }).originalResponse?.getBody() ?? '';
        let message = String(error);
        try {
          message = JSON.parse(body).error.message;
        } catch {
          /* not our JSON */
        }
        resolve({ url: upload.url ?? '', error: message });
      },
    });
    upload.start();
  });
}

const detail = async (id: string) => (await admin.request({ method: 'GET', url: `/api/applications/${id}` })).json();

beforeAll(async () => {
  t = await getTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  const province = await buildOrganisation(t.database, { kind: 'provincial_department', divisionCode: '440000' });
  const city = await buildOrganisation(t.database, { kind: 'city_bureau', parent: province, divisionCode: '440100', regionClass: 'pearl_river_delta' });
  const enterprise = await buildOrganisation(t.database, { kind: 'enterprise', parent: city, divisionCode: '440100' });
  admin = await signIn(t.app, (await buildUser(t.database, enterprise, ['applicant_admin'])).username);
  const miit = await buildOpenCall(t.database, 'miit-2023-pilot-demo', { issuer: province });
  const hebei = await buildOpenCall(t.database, 'hebei-2023-innovation-pilot', { issuer: province });
  const create = async (callId: string, formId: string) => (await admin.request({ method: 'POST', url: '/api/applications', payload: { callId, formId } })).json().application.id as string;
  miitApp = await create(miit, 'application');
  // The Hebei call expects Hebei applicants; for upload mechanics any draft of the form will do.
  await t.database.pool.query(`UPDATE calls SET program = jsonb_set(program, '{applicantKinds}', '["enterprise"]') WHERE id = $1`, [hebei]);
  hebeiApp = await create(hebei, 'mode-application');
  platformApp = await create(await buildOpenCall(t.database, 'hebei-2022-platform-cultivation', { issuer: province }), 'application');
}, 120_000);
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await t.close();
});

describe('附件上传（tus 断点续传）', () => {
  it('stores a PDF by content hash and attaches it to the application', async () => {
    const result = await tus(hebeiApp, 'sealedApplication', '申报材料（盖章）.pdf', PDF);
    expect(result.error).toBeUndefined();
    const files = (await detail(hebeiApp)).answers.sealedApplication;
    expect(files).toEqual([expect.objectContaining({ name: '申报材料（盖章）.pdf', size: PDF.length, sha256: sha(PDF), mime: 'application/pdf' })]);
    const download = await admin.request({ method: 'GET', url: `/api/applications/${hebeiApp}/files/${files[0].fileId}` });
    expect(download.statusCode).toBe(200);
    expect(sha(download.rawPayload)).toBe(sha(PDF));
    expect(fs.existsSync(path.join(t.config.blobDir, sha(PDF).slice(0, 2), sha(PDF).slice(2, 4), sha(PDF)))).toBe(true);
  });

  it('checks the content, not the name: a PNG called .pdf is refused and nothing is attached', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
    const before = (await detail(hebeiApp)).answers.achievementEvidence ?? [];
    const result = await tus(hebeiApp, 'achievementEvidence', '证书.pdf', png);
    expect(result.error).toBe('文件内容与扩展名不符：证书.pdf 不是有效的 .pdf 文件');
    expect((await detail(hebeiApp)).answers.achievementEvidence ?? []).toEqual(before);
  });

  it('refuses a file type the slot does not accept, and a declared size over the limit, before any byte is sent', async () => {
    expect((await tus(hebeiApp, 'sealedApplication', '申报材料.docx', PDF)).error).toBe('「加盖申报单位公章的申报材料扫描件」只接受 .pdf 文件');
    const res = await admin.request({
      method: 'POST',
      url: '/api/uploads',
      headers: {
        'tus-resumable': '1.0.0',
        'upload-length': String(60 * 1024 * 1024),
        'upload-metadata': `applicationId ${Buffer.from(hebeiApp).toString('base64')},fieldId ${Buffer.from('achievementEvidence').toString('base64')},filename ${Buffer.from('big.pdf').toString('base64')}`,
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('「企业成就证明材料」单个文件不得超过20MB');
  });

  it('resumes on another app process: sessions, upload records and locks live in PostgreSQL', async () => {
    const other = await getTestApp({ uploadDir: t.config.uploadDir, blobDir: t.config.blobDir });
    try {
      await other.app.listen({ port: 0, host: '127.0.0.1' });
      const otherBase = `http://127.0.0.1:${(other.app.server.address() as { port: number }).port}`;
      const data = Buffer.concat([PDF, Buffer.alloc(64 * 1024, 0x20)]);
      const chunk = Math.ceil(data.length / 3);
      const started = await new Promise<string>((resolve) => {
        void tus(hebeiApp, 'achievementEvidence', '跨进程续传.pdf', data, { chunkSize: chunk, onChunk: (u) => void u.abort().then(() => resolve(u.url!)) });
      });
      const path = new URL(started).pathname;
      const finished = await tus(hebeiApp, 'achievementEvidence', '跨进程续传.pdf', data, { chunkSize: chunk, url: `${otherBase}${path}`, base: otherBase });
      expect(finished.error).toBeUndefined();
      const files = (await detail(hebeiApp)).answers.achievementEvidence;
      expect(files.at(-1)).toMatchObject({ name: '跨进程续传.pdf', sha256: sha(data), size: data.length });
    } finally {
      await other.close();
    }
  });

  it('sweeps uploads abandoned for a week: their records and bytes go, recent ones stay', async () => {
    const stale = await new Promise<string>((resolve) => {
      void tus(hebeiApp, 'achievementEvidence', '放弃的上传.pdf', Buffer.concat([PDF, Buffer.alloc(32 * 1024, 0x20)]), { chunkSize: 8 * 1024, onChunk: (u) => void u.abort().then(() => resolve(u.url!)) });
    });
    const staleId = new URL(stale).pathname.split('/').pop()!;
    const fresh = await new Promise<string>((resolve) => {
      void tus(hebeiApp, 'achievementEvidence', '进行中的上传.pdf', Buffer.concat([PDF, Buffer.alloc(32 * 1024, 0x20)]), { chunkSize: 8 * 1024, onChunk: (u) => void u.abort().then(() => resolve(u.url!)) });
    });
    const freshId = new URL(fresh).pathname.split('/').pop()!;
    await t.database.pool.query(`UPDATE pending_uploads SET created_at = now() - interval '8 days' WHERE id = $1`, [staleId]);
    expect(fs.existsSync(path.join(t.config.uploadDir, staleId))).toBe(true);
    expect(await sweepAbandonedUploads(t.database.db, t.config.uploadDir)).toBe(1);
    expect(fs.existsSync(path.join(t.config.uploadDir, staleId))).toBe(false);
    expect(fs.existsSync(path.join(t.config.uploadDir, freshId))).toBe(true);
    const rows = (await t.database.pool.query('SELECT id FROM pending_uploads WHERE id = ANY($1)', [[staleId, freshId]])).rows.map((r) => r.id);
    expect(rows).toEqual([freshId]);
  });

  it('keeps files of a table column (a customer\'s evidence) in their own slot until a row holds them', async () => {
    const result = await tus(platformApp, 'typicalCustomers.evidence', '用户证明.pdf', PDF);
    expect(result.error).toBeUndefined();
    const [file] = (await t.database.pool.query(`SELECT id FROM application_files WHERE application_id = $1 AND field_id = 'typicalCustomers.evidence'`, [platformApp])).rows;
    const d = await detail(platformApp);
    const section = (await t.database.pool.query(`SELECT program, forms FROM calls WHERE id = (SELECT call_id FROM applications WHERE id = $1)`, [platformApp])).rows[0].forms
      .find((f: { id: string }) => f.id === 'application')
      .sections.find((x: { fields: { id: string }[] }) => x.fields.some((fld) => fld.id === 'typicalCustomers')).id;
    const save = (rows: unknown[]) =>
      admin.request({ method: 'PUT', url: `/api/applications/${platformApp}/sections/${section}`, payload: { answers: { typicalCustomers: rows }, baseVersion: d.sectionVersions[section] ?? 0 } });
    const spoofed = await save([{ name: '某用户企业', evidence: [{ fileId: '00000000-0000-4000-8000-000000000000' }] }]);
    expect(spoofed.statusCode).toBe(400);
    expect(spoofed.json().error.fields[0].path).toBe('/body/answers/typicalCustomers/0/evidence');
    const saved = await save([{ name: '某用户企业', evidence: [{ fileId: file.id }] }]);
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await detail(platformApp)).answers.typicalCustomers[0].evidence).toEqual([expect.objectContaining({ fileId: file.id, sha256: sha(PDF), size: PDF.length })]);
  });

  it('reads a video length with ffprobe and refuses a 4-minute video for the 5–10 minute slot', async () => {
    const result = await tus(miitApp, 'video', '项目介绍.mp4', video(240));
    expect(result.error).toBe('「项目相关视频证明材料（5~10分钟）」视频时长应为5分钟至10分钟（当前240秒）');
    expect((await detail(miitApp)).answers.video ?? []).toEqual([]);
  });

  it('resumes an interrupted upload where it stopped and accepts a 5.5-minute video', async () => {
    const data = video(330);
    const chunk = Math.ceil(data.length / 4);
    // First attempt: stop after the first chunk, as a dropped connection would.
    const first = await new Promise<string>((resolve) => {
      void tus(miitApp, 'video', '项目介绍.mp4', data, {
        chunkSize: chunk,
        onChunk: (u) => {
          void u.abort().then(() => resolve(u.url!));
        },
      });
    });
    const head = await admin.request({ method: 'HEAD', url: new URL(first).pathname, headers: { 'tus-resumable': '1.0.0' } });
    const offset = Number(head.headers['upload-offset']);
    expect(offset).toBe(chunk);
    // Second attempt: the client asks where it stopped and sends only the rest.
    const second = await tus(miitApp, 'video', '项目介绍.mp4', data, { chunkSize: chunk, url: first });
    expect(second.error).toBeUndefined();
    const files = (await detail(miitApp)).answers.video;
    expect(files).toHaveLength(1);
    expect(files[0].sha256).toBe(sha(data));
    expect(files[0].durationSeconds).toBeGreaterThan(329);
    expect(files[0].durationSeconds).toBeLessThan(331);
  });
});
