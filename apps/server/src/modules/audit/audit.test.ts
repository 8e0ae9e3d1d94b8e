import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from '../../platform/schema.ts';
import { buildOrganisation, buildUser, getTestApp, signIn, type TestApp } from '../../testing/app.ts';
import { verifyAuditChain } from './service.ts';
import { canonicalJson } from './hash.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(() => t.close());

describe('审计日志', () => {
  it('chains every event to the previous one and verifies the whole chain', async () => {
    const org = await buildOrganisation(t.database, { kind: 'ministry', divisionCode: '110000' });
    const admin = await signIn(t.app, (await buildUser(t.database, org, ['platform_admin'])).username);
    const res = await admin.request({ method: 'GET', url: '/api/audit/verify' });
    expect(res.statusCode).toBe(200);
    expect(res.json().ok).toBe(true);
    expect(res.json().checked).toBeGreaterThan(0);
    const rows = (await t.database.pool.query('SELECT id, prev_hash, hash FROM audit_events ORDER BY id')).rows;
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
  });

  it('refuses UPDATE and DELETE on the log', async () => {
    await expect(t.database.pool.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.database.pool.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
  });

  it('finds the first tampered event when someone with superuser rights bypasses the trigger', async () => {
    const client = await t.database.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      const { rows } = await client.query(`UPDATE audit_events SET details = '{"forged":true}' WHERE id = (SELECT min(id) + 1 FROM audit_events) RETURNING id`);
      const result = await verifyAuditChain(drizzle(client, { schema }) as never);
      expect(result.ok).toBe(false);
      expect(result.firstBrokenId).toBe(rows[0].id);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('lists and filters events; an officer sees only what its own subtree did', async () => {
    const ministry = await buildOrganisation(t.database, { kind: 'ministry', divisionCode: '110000' });
    const hebei = await buildOrganisation(t.database, { kind: 'provincial_department', parent: ministry, divisionCode: '130000' });
    const hunan = await buildOrganisation(t.database, { kind: 'provincial_department', parent: ministry, divisionCode: '430000' });
    const hebeiOfficer = await buildUser(t.database, hebei, ['program_officer']);
    const hunanOfficer = await buildUser(t.database, hunan, ['program_officer']);
    const hebeiSession = await signIn(t.app, hebeiOfficer.username);
    await signIn(t.app, hunanOfficer.username);
    const mine = await hebeiSession.request({ method: 'GET', url: `/api/audit?action=auth.login&actorUserId=${hebeiOfficer.id}` });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toHaveLength(1);
    expect(mine.json().items[0]).toMatchObject({ action: 'auth.login', actorUsername: hebeiOfficer.username, actorOrganisationName: hebei.name });
    const theirs = await hebeiSession.request({ method: 'GET', url: `/api/audit?actorUserId=${hunanOfficer.id}` });
    expect(theirs.json().total).toBe(0);
  });

  it('hashes jsonb details independently of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":2,"f":1}]},"b":1}');
  });
});
