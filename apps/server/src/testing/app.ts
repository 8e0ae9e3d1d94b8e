import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { OrganisationKind, RegionClass, Role } from '@shenbao/contracts';
import { creditCodeCheckChar, organisationCodeCheckChar } from '@shenbao/contracts';
import { readConfig, type Config } from '../platform/config.ts';
import { connect, tempDir, type Database } from '../platform/database.ts';
import { checkSystemPackages } from '../platform/system-packages.ts';
import { buildApp } from '../platform/http.ts';
import { hashPassword, identityStore } from '../modules/identity/index.ts';

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  database: Database;
  close(): Promise<void>;
}

/** The real server on the run's test database (see global-setup.ts), driven through `app.inject`. */
export async function getTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = connect(inject('databaseUrl'), false);
  const dataDir = await tempDir('shenbao-test-data-');
  const config = { ...readConfig({}), secureCookies: false, webDistDir: '/nonexistent', blobDir: `${dataDir}/blobs`, uploadDir: `${dataDir}/uploads`, exportDir: `${dataDir}/exports`, ...overrides };
  const app = await buildApp({ database, config, systemPackages: await checkSystemPackages() });
  await app.ready();
  return {
    app,
    config,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export const uniqueSuffix = () => randomBytes(4).toString('hex');

/** A made-up 统一社会信用代码 with correct GB 11714 (positions 9–17) and GB 32100 check characters. */
export function makeCreditCode(divisionCode = '130100'): string {
  let body = '';
  for (let i = 0; i < 8; i++) body += String(Math.floor(Math.random() * 10));
  const first17 = `91${divisionCode}${body}${organisationCodeCheckChar(body)}`;
  return first17 + creditCodeCheckChar(first17);
}

export interface BuiltOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  ancestorIds: string[];
}

export async function buildOrganisation(
  database: Database,
  opts: { kind: OrganisationKind; parent?: BuiltOrganisation | null; name?: string; divisionCode?: string; regionClass?: RegionClass },
): Promise<BuiltOrganisation> {
  const divisionCode = opts.divisionCode ?? '130100';
  const legal = ['enterprise', 'central_enterprise', 'university', 'park_operator'].includes(opts.kind);
  const row = await identityStore.insertOrganisation(database.db, {
    name: opts.name ?? `测试${opts.kind}-${uniqueSuffix()}`,
    kind: opts.kind,
    parentId: opts.parent?.id ?? null,
    ancestorIds: opts.parent ? [...opts.parent.ancestorIds, opts.parent.id] : [],
    divisionCode,
    regionClass: opts.regionClass ?? null,
    creditCode: legal ? makeCreditCode(divisionCode) : null,
  });
  return { id: row.id, name: row.name, kind: row.kind, ancestorIds: row.ancestorIds };
}

export const TEST_PASSWORD = 'Test-password-2026';
let testPasswordHash: Promise<string> | null = null;

export async function buildUser(database: Database, organisation: BuiltOrganisation, roles: Role[], username = `u${uniqueSuffix()}`) {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  return identityStore.insertUser(database.db, {
    organisationId: organisation.id,
    username,
    displayName: `测试用户${username}`,
    roles,
    passwordHash: await testPasswordHash,
    status: 'active',
  });
}

/** A signed-in client: carries the session and CSRF cookies and the CSRF header on writes. */
export interface Session {
  cookies: Record<string, string>;
  csrfToken: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
  const cookies = Object.fromEntries(response.cookies.map((c) => [c.name, c.value]));
  const session: Session = {
    cookies,
    csrfToken: response.json().csrfToken,
    request: (opts) =>
      app.inject({
        ...opts,
        cookies: { ...session.cookies, ...(opts.cookies ?? {}) },
        headers: { 'x-csrf-token': session.csrfToken, ...(opts.headers ?? {}) },
      }),
  };
  return session;
}
