import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { parse } from 'yaml';
import { sql } from 'drizzle-orm';
import type { PackCase } from '@shenbao/rules';
import type { Db } from '../platform/database.ts';
import type { RequestContext } from '../platform/context.ts';
import { REPO_ROOT } from '../platform/config.ts';
import { recordEvent } from '../modules/audit/index.ts';
import { snapshotHash } from '../modules/applications/index.ts';

interface DemoSelection {
  call: string;
  applications: { applicant: string; recommender: string; direction: string; projectName: string; contact: string }[];
}

/**
 * Demo only: a call that has passed application and recommendation, so the owner's selection can be tried at once.
 * Written once, when the call has no schedule yet (an officer's later changes are left alone).
 */
export async function seedDemoSelection(db: Db): Promise<string | null> {
  const demo = parse(await fs.readFile(path.join(import.meta.dirname, 'selection.yaml'), 'utf8')) as DemoSelection;
  const { cases } = (await import(path.join(REPO_ROOT, 'programs', demo.call, 'cases.ts'))) as { cases: PackCase[] };
  const example = cases.find((c) => c.form === 'application' && c.expect.length === 0)!.answers;
  const ctx: RequestContext = { actor: null, requestId: 'demo-selection', ip: null };
  return db.transaction(async (tx) => {
    const day = (offset: number) => sql`to_char(date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') + make_interval(days => ${offset}) - interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"')`;
    const updated = await tx.execute<{ id: string }>(sql`
      UPDATE calls SET schedule = jsonb_build_object(
          'application', jsonb_build_object('opens', ${day(-40)}, 'closes', ${day(-20)}),
          'recommendation', jsonb_build_object('closes', ${day(-5)}))
      WHERE id = ${demo.call} AND schedule = '{}'::jsonb RETURNING id`);
    if (!updated.rows.length) return null;
    const org = async (key: string) => (await tx.execute<{ id: string; name: string; credit_code: string | null }>(sql`SELECT id, name, credit_code FROM organisations WHERE demo_key = ${key}`)).rows[0]!;
    const ranks = new Map<string, number>();
    for (const [i, a] of demo.applications.entries()) {
      const applicant = await org(a.applicant);
      const recommender = await org(a.recommender);
      const answers = { ...example, companyName: applicant.name, creditCode: applicant.credit_code ?? example.creditCode, projectName: a.projectName, direction: a.direction, contactName: a.contact };
      const number = `HIPP2026-${String(i + 1).padStart(5, '0')}`;
      const snapshot = { answers, files: [] };
      const app = await tx.execute<{ id: string }>(sql`
        INSERT INTO applications (call_id, pack_version, form_id, channel_id, applicant_organisation_id, recommender_organisation_id, status, answers, project_name, direction_id, created_by, number, submitted_at)
        SELECT ${demo.call}, version, 'application', 'city', ${applicant.id}, ${recommender.id}, 'recommended', ${JSON.stringify(answers)}::jsonb, ${a.projectName}, ${a.direction}, u.id, ${number}, now() - interval '25 days'
        FROM calls, users u WHERE calls.id = ${demo.call} AND u.username = 'admin' RETURNING applications.id`);
      const id = app.rows[0]!.id;
      await tx.execute(sql`
        INSERT INTO application_submissions (application_id, seq, snapshot, sha256, idempotency_key, submitted_by, submitted_at)
        SELECT ${id}, 1, ${JSON.stringify(snapshot)}::jsonb, ${snapshotHash(snapshot)}, ${randomUUID()}, u.id, now() - interval '25 days' FROM users u WHERE u.username = 'admin'`);
      const rec = await tx.execute<{ id: string }>(sql`
        INSERT INTO recommendations (call_id, channel_id, recommender_organisation_id, status, opinion, signer_name, issued_at, sha256)
        VALUES (${demo.call}, 'city', ${recommender.id}, 'issued', '经审核，同意推荐。', '市工业和信息化局', now() - interval '6 days', ${snapshotHash({ number })})
        ON CONFLICT (call_id, channel_id, recommender_organisation_id) DO UPDATE SET status = 'issued' RETURNING id`);
      const rank = (ranks.get(recommender.id) ?? 0) + 1;
      ranks.set(recommender.id, rank);
      await tx.execute(sql`INSERT INTO recommendation_items (recommendation_id, application_id, rank) VALUES (${rec.rows[0]!.id}, ${id}, ${rank})`);
    }
    await recordEvent(tx, ctx, { action: 'demo.selection', resourceType: 'call', resourceId: demo.call, details: { applications: demo.applications.length } });
    return demo.call;
  });
}
