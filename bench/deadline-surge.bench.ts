// Deadline surge (截止前集中提交): N applicants save a realistic ~20 KB draft of the 001 platform application section
// by section and then all submit at once, over real HTTP. Baseline: a bare parameterised INSERT of the same JSON into
// PostgreSQL through the same driver from the same process, at the same concurrency.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { PackForm } from '@shenbao/contracts';
import { creditCodeCheckChar, organisationCodeCheckChar } from '@shenbao/contracts';
import { readConfig } from '../apps/server/src/platform/config.ts';
import { tempDir } from '../apps/server/src/platform/database.ts';
import { buildApp } from '../apps/server/src/platform/http.ts';
import { hashPassword, identityStore } from '../apps/server/src/modules/identity/index.ts';
import { loadPack, syncPacks } from '../apps/server/src/modules/programs/index.ts';
import { cases } from '../programs/hebei-2022-platform-cultivation/cases.ts';
import { benchDatabase, report } from './lib.ts';
import path from 'node:path';

const APPLICANTS = Number(process.env.BENCH_APPLICANTS ?? 40);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3); // each applicant saves every section this many times

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}

async function timed<T>(latencies: number[], fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await fn();
  latencies.push(performance.now() - start);
  return result;
}

export async function run(): Promise<void> {
  const { database, dispose } = await benchDatabase();
  const dataDir = await tempDir('shenbao-bench-data-');
  try {
    const root = path.resolve(import.meta.dirname, '..');
    const pack = await loadPack(path.join(root, 'programs/hebei-2022-platform-cultivation'));
    await syncPacks(database.db, [pack]);
    const callId = pack.program.id;
    await database.pool.query(`UPDATE calls SET schedule = jsonb_build_object('application', jsonb_build_object('opens', now() - interval '1 day', 'closes', now() + interval '1 day')) WHERE id = $1`, [callId]);
    const form = pack.forms.find((f) => f.id === 'application') as PackForm;
    const valid = cases.find((c) => c.form === 'application' && c.expect.length === 0)!;

    // Organisations: a province, a city, N enterprises with one admin each (all named as the case's applicant).
    const province = await identityStore.insertOrganisation(database.db, { name: '河北省工业和信息化厅', kind: 'provincial_department', divisionCode: '130000' });
    const city = await identityStore.insertOrganisation(database.db, { name: '保定市工业和信息化局', kind: 'city_bureau', parentId: province.id, ancestorIds: [province.id], divisionCode: '130600' });
    const passwordHash = await hashPassword('Bench-password-1');
    const applicants: { username: string; creditCode: string }[] = [];
    for (let i = 0; i < APPLICANTS; i++) {
      const body = String(10_000_000 + i);
      const first17 = `91130600${body.slice(0, 8)}${organisationCodeCheckChar(body.slice(0, 8))}`;
      const creditCode = first17 + creditCodeCheckChar(first17);
      const org = await identityStore.insertOrganisation(database.db, { name: String(valid.context.org!.name), kind: 'enterprise', parentId: city.id, ancestorIds: [province.id, city.id], divisionCode: '130600', creditCode });
      const username = `surge${i}`;
      await identityStore.insertUser(database.db, { organisationId: org.id, username, displayName: `申报人${i}`, roles: ['applicant_admin'], passwordHash, status: 'active' });
      applicants.push({ username, creditCode });
    }

    const config = { ...readConfig({}), webDistDir: '/nonexistent', blobDir: `${dataDir}/blobs`, uploadDir: `${dataDir}/uploads`, loginRateLimitPerMinute: 100_000 };
    const app = await buildApp({ database, config, systemPackages: [] });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

    // Each applicant: sign in, create the draft, register its evidence files (uploads are measured elsewhere).
    const sessions = await Promise.all(
      applicants.map(async (a) => {
        const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: a.username, password: 'Bench-password-1' }) });
        const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
        const { csrfToken } = (await login.json()) as { csrfToken: string };
        const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
        const created = await fetch(`${base}/api/applications`, { method: 'POST', headers, body: JSON.stringify({ callId, formId: 'application' }) });
        const { application } = (await created.json()) as { application: { id: string } };
        return { headers, id: application.id, creditCode: a.creditCode };
      }),
    );
    const answersFor = async (s: (typeof sessions)[number]) => {
      const answers = structuredClone(valid.answers) as Record<string, unknown>;
      answers.organisationCode = s.creditCode.slice(8, 17);
      // A realistic draft (≈ 20 KB): narrative fields written out (the two profile parts share one 1500-character
      // limit), and solution descriptions of a few hundred characters each.
      if (Array.isArray(answers.solutionDetails)) {
        answers.solutionDetails = (answers.solutionDetails as Record<string, unknown>[]).map((row) => ({
          ...row,
          painPoints: '中小企业设备种类多、协议不统一、数据难以采集，生产过程不透明，质量问题追溯困难。'.repeat(6),
          deployment: '采用边缘网关接入设备，云端部署工业互联网平台，按需订阅设备管理、质量追溯与能耗分析应用。'.repeat(6),
          benefits: '预计服务企业设备综合效率提升百分之十五，质量追溯时间缩短百分之六十，能耗降低百分之八。'.repeat(6),
        }));
      }
      for (const field of form.sections.flatMap((x) => x.fields)) {
        if (field.type === 'text' && field.multiline && field.maxLength && field.maxLength >= 300 && typeof answers[field.id] === 'string') {
          answers[field.id] = '平台面向装备制造行业提供设备联网、数据采集、工艺优化与协同制造服务。'.repeat(Math.ceil(field.maxLength / 34)).slice(0, Math.floor(field.maxLength * 0.48));
        }
      }
      for (const [key, value] of Object.entries(answers)) {
        const files = Array.isArray(value) && value.length && typeof value[0] === 'object' && value[0] && 'sha256' in value[0] ? (value as { name: string; size: number; sha256: string }[]) : null;
        if (files) {
          answers[key] = await Promise.all(
            files.map(async (f) => {
              const { rows } = await database.pool.query(
                `INSERT INTO application_files (application_id, field_id, name, sha256, size, mime, uploaded_by) VALUES ($1, $2, $3, $4, $5, 'application/pdf', gen_random_uuid()) RETURNING id`,
                [s.id, key, f.name, f.sha256, f.size],
              );
              return { fileId: rows[0].id };
            }),
          );
        }
        if (key === 'typicalCustomers' && Array.isArray(value)) {
          answers[key] = await Promise.all(
            (value as Record<string, unknown>[]).map(async (row) => {
              const ev = (row.evidence as { name: string; size: number; sha256: string }[] | undefined) ?? [];
              const refs = await Promise.all(
                ev.map(async (f) => (await database.pool.query(`INSERT INTO application_files (application_id, field_id, name, sha256, size, mime, uploaded_by) VALUES ($1, 'typicalCustomers.evidence', $2, $3, $4, 'application/pdf', gen_random_uuid()) RETURNING id`, [s.id, f.name, f.sha256, f.size])).rows[0].id),
              );
              return { ...row, evidence: refs.map((fileId) => ({ fileId })) };
            }),
          );
        }
      }
      return answers;
    };
    const drafts = await Promise.all(sessions.map(answersFor));
    const draftBytes = Buffer.byteLength(JSON.stringify(drafts[0]));

    // Phase 1: saves. Every applicant saves every section, ROUNDS times, all applicants at once.
    const saveLatencies: number[] = [];
    const versions = sessions.map(() => new Map<string, number>());
    const saveStart = performance.now();
    await Promise.all(
      sessions.map(async (s, i) => {
        for (let round = 0; round < ROUNDS; round++) {
          for (const section of form.sections) {
            const answers = Object.fromEntries(section.fields.filter((f) => f.type !== 'computed' && drafts[i]![f.id] !== undefined).map((f) => [f.id, drafts[i]![f.id]]));
            if (Object.keys(answers).length === 0) continue;
            const res = await timed(saveLatencies, () =>
              fetch(`${base}/api/applications/${s.id}/sections/${section.id}`, { method: 'PUT', headers: s.headers, body: JSON.stringify({ answers, baseVersion: versions[i]!.get(section.id) ?? 0 }) }),
            );
            if (res.status !== 200) throw new Error(`save ${section.id}: ${res.status} ${await res.text()}`);
            versions[i]!.set(section.id, ((await res.json()) as { sectionVersion: number }).sectionVersion);
          }
        }
      }),
    );
    const saveSeconds = (performance.now() - saveStart) / 1000;

    // Phase 2: everyone submits at the same moment.
    const submitLatencies: number[] = [];
    const submitStart = performance.now();
    await Promise.all(
      sessions.map(async (s) => {
        const res = await timed(submitLatencies, () =>
          fetch(`${base}/api/applications/${s.id}/submit`, { method: 'POST', headers: s.headers, body: JSON.stringify({ idempotencyKey: randomUUID(), commitmentAccepted: true }) }),
        );
        if (res.status !== 200) throw new Error(`submit: ${res.status} ${await res.text()}`);
      }),
    );
    const submitSeconds = (performance.now() - submitStart) / 1000;
    await app.close();

    // Baseline: the same JSON, inserted bare, the same number of writes at the same concurrency.
    await database.pool.query('CREATE TABLE bench_drafts (id uuid PRIMARY KEY, doc jsonb NOT NULL)');
    const insertLatencies: number[] = [];
    const writesPerApplicant = saveLatencies.length / APPLICANTS;
    const insertStart = performance.now();
    await Promise.all(
      drafts.map(async (doc) => {
        const json = JSON.stringify(doc);
        for (let k = 0; k < writesPerApplicant; k++) await timed(insertLatencies, () => database.pool.query('INSERT INTO bench_drafts (id, doc) VALUES ($1, $2)', [randomUUID(), json]));
      }),
    );
    const insertSeconds = (performance.now() - insertStart) / 1000;
    const insertsPerSecond = Math.round(insertLatencies.length / insertSeconds);

    console.error(`applicants ${APPLICANTS}, draft ${Math.round(draftBytes / 1024)} KB, ${saveLatencies.length} saves, ${submitLatencies.length} submits`);
    report({ bench: 'deadline-surge', metric: 'saves_per_second', value: Math.round(saveLatencies.length / saveSeconds), baseline: insertsPerSecond, unit: 'req/s' });
    report({ bench: 'deadline-surge', metric: 'save_latency_p99', value: percentile(saveLatencies, 99), baseline: percentile(insertLatencies, 99), unit: 'ms' });
    report({ bench: 'deadline-surge', metric: 'submits_per_second', value: Math.round(submitLatencies.length / submitSeconds), baseline: insertsPerSecond, unit: 'req/s' });
    report({ bench: 'deadline-surge', metric: 'submit_latency_p99', value: percentile(submitLatencies, 99), baseline: percentile(insertLatencies, 99), unit: 'ms' });
  } finally {
    await dispose();
  }
}
