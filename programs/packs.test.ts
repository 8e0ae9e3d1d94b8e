import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateAnswers, type PackCase } from '@shenbao/rules';
import { loadPack, PackError } from '../apps/server/src/modules/programs/loader.ts';
import type { LoadedPack } from '@shenbao/contracts';

/**
 * Every pack under programs/ loads, and every case in its cases.ts gives exactly the findings it expects.
 * Every rule of every pack must fire in at least one case, so no rule goes untested.
 */
const root = import.meta.dirname;
const dirs = fs.readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const loaded = new Map<string, LoadedPack | PackError>();
for (const dir of dirs) {
  try {
    loaded.set(dir, await loadPack(path.join(root, dir), root));
  } catch (error) {
    if (!(error instanceof PackError)) throw error;
    loaded.set(dir, error);
  }
}
const packs = [...loaded.values()].filter((p): p is LoadedPack => !(p instanceof PackError));

describe.each(dirs)('配置包目录 %s', (dir) => {
  it('loads without problems', () => {
    const result = loaded.get(dir);
    expect(result instanceof PackError ? result.message : null).toBeNull();
  });
});

const sortFindings = (list: PackCase['expect']) => [...list].sort((a, b) => (a.path + a.message).localeCompare(b.path + b.message));

const casesOf = new Map<string, PackCase[]>();
for (const p of packs) {
  const file = path.join(root, p.program.id, 'cases.ts');
  casesOf.set(p.program.id, fs.existsSync(file) ? ((await import(file)) as { cases: PackCase[] }).cases : []);
}

describe.each(packs.map((p) => [p.program.id, p] as const))('配置包 %s', (id, pack) => {
  const cases = casesOf.get(id)!;
  const fired = new Set<string>();

  it('has worked cases (cases.ts) for every form', () => {
    expect(pack.forms.map((f) => f.id).filter((f) => !cases.some((c) => c.form === f && c.expect.length === 0))).toEqual([]);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const form = pack.forms.find((f) => f.id === c.form);
    expect(form, `form ${c.form}`).toBeDefined();
    const { violations } = await validateAnswers({ program: pack.program, form: form!, answers: c.answers, context: c.context });
    violations.forEach((v) => fired.add(v.ruleId));
    const actual = sortFindings(violations.map(({ path: p, message, severity }) => ({ path: p, message, severity })));
    expect(actual).toEqual(sortFindings(c.expect));
  });

  it('fires every rule of the pack in some case', () => {
    const ruleIds = [...pack.forms.flatMap((f) => (f.rules ?? []).map((r) => r.id)), ...(pack.program.eligibility.rules ?? []).map((r) => r.id)];
    expect(ruleIds.filter((r) => !fired.has(r))).toEqual([]);
  });
});
