import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { sql } from 'drizzle-orm';
import type { OrganisationKind, RegionClass, Role } from '@shenbao/contracts';
import type { Db } from '../platform/database.ts';
import type { RequestContext } from '../platform/context.ts';
import { hashPassword, identityStore } from '../modules/identity/index.ts';
import { recordEvent } from '../modules/audit/index.ts';

/** The one password of every demo account; the start-up banner prints it, real deployments load no demo data. */
export const DEMO_PASSWORD = 'Shenbao@2026';

interface DemoOrganisation {
  key: string;
  name: string;
  kind: OrganisationKind;
  parent?: string;
  divisionCode: string;
  regionClass?: RegionClass;
  creditCode?: string;
  users?: { username: string; displayName: string; roles: Role[] }[];
}

interface DemoExpert {
  username: string;
  name: string;
  pool: string;
  organisationKey?: string;
  organisationName?: string;
  title: string;
  expertise: string[];
  formerEmployers?: { organisationKey?: string; organisationName?: string; until: number }[];
}

async function readYaml<T>(file: string): Promise<T> {
  return parse(await fs.readFile(path.join(import.meta.dirname, file), 'utf8')) as T;
}

/** Load the demo organisations, accounts and expert pool once; a second start finds them and does nothing. */
export async function seedDemoData(db: Db): Promise<{ loaded: boolean; accounts: { username: string; role: Role; organisation: string }[] }> {
  const { organisations } = await readYaml<{ organisations: DemoOrganisation[] }>('organisations.yaml');
  const { experts } = await readYaml<{ experts: DemoExpert[] }>('experts.yaml');
  const accounts = organisations.flatMap((o) => (o.users ?? []).map((u) => ({ username: u.username, role: u.roles[0]!, organisation: o.name })));
  const existing = await identityStore.findUserByUsername(db, 'admin');
  if (existing) return { loaded: false, accounts };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ctx: RequestContext = { actor: null, requestId: 'demo-seed', ip: null };
  let loaded = true;
  await db.transaction(async (tx) => {
    // Two processes starting on one fresh database: the second waits here, then finds the data and stops.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('demo-seed'))`);
    if (await identityStore.findUserByUsername(tx, 'admin')) {
      loaded = false;
      return;
    }
    const ids = new Map<string, { id: string; ancestorIds: string[] }>();
    for (const o of sortParentsFirst(organisations)) {
      const parent = o.parent ? ids.get(o.parent) : undefined;
      if (o.parent && !parent) throw new Error(`demo organisation ${o.key}: unknown parent ${o.parent}`);
      const row = await identityStore.insertOrganisation(tx, {
        name: o.name,
        kind: o.kind,
        parentId: parent?.id ?? null,
        ancestorIds: parent ? [...parent.ancestorIds, parent.id] : [],
        divisionCode: o.divisionCode,
        regionClass: o.regionClass ?? null,
        creditCode: o.creditCode ?? null,
        demoKey: o.key,
      });
      ids.set(o.key, { id: row.id, ancestorIds: row.ancestorIds });
      for (const u of o.users ?? []) {
        await identityStore.insertUser(tx, { organisationId: row.id, username: u.username, displayName: u.displayName, roles: u.roles, passwordHash, status: 'active' });
      }
    }
    for (const e of experts) {
      const pool = ids.get(e.pool);
      if (!pool) throw new Error(`demo expert ${e.username}: unknown pool ${e.pool}`);
      const user = await identityStore.insertUser(tx, { organisationId: pool.id, username: e.username, displayName: e.name, roles: ['expert'], passwordHash, status: 'active' });
      const employer = e.organisationKey ? organisations.find((o) => o.key === e.organisationKey) : undefined;
      await identityStore.insertExpertProfile(tx, {
        userId: user.id,
        title: e.title,
        expertise: e.expertise,
        employerOrganisationId: e.organisationKey ? (ids.get(e.organisationKey)?.id ?? null) : null,
        employerName: employer?.name ?? e.organisationName ?? '',
        formerEmployers: (e.formerEmployers ?? []).map((f) => ({
          organisationId: f.organisationKey ? (ids.get(f.organisationKey)?.id ?? null) : null,
          name: f.organisationKey ? (organisations.find((o) => o.key === f.organisationKey)?.name ?? '') : (f.organisationName ?? ''),
          until: f.until,
        })),
      });
    }
    await recordEvent(tx, ctx, {
      action: 'demo.seed',
      resourceType: 'platform',
      resourceId: null,
      details: { organisations: organisations.length, experts: experts.length },
    });
  });
  return { loaded, accounts };
}

function sortParentsFirst(list: DemoOrganisation[]): DemoOrganisation[] {
  const byKey = new Map(list.map((o) => [o.key, o]));
  const depth = (o: DemoOrganisation): number => (o.parent ? 1 + depth(byKey.get(o.parent)!) : 0);
  return [...list].sort((a, b) => depth(a) - depth(b));
}
