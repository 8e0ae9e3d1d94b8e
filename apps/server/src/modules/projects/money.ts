import { invalid } from '../../platform/errors.ts';

/**
 * Money in 万元 with two decimals, held as an integer count of hundredths of 万元 (百元) — never a float sum.
 * PostgreSQL keeps numeric(14,2) and returns it as a string, which is parsed here digit by digit.
 */
export type Hundredths = number;

/** A JSON number of 万元 with at most `decimals` decimals, as an integer count of 10^-decimals 万元; else a field error. */
export function parseAmount(value: number, path: string, decimals = 2): number {
  const scale = 10 ** decimals;
  const scaled = Math.round(value * scale);
  if (!Number.isFinite(value) || value < 0) throw invalid('金额不能为负数', [{ path, message: '金额不能为负数' }]);
  if (Math.abs(value * scale - scaled) > 1e-6 * Math.max(1, Math.abs(value))) {
    throw invalid(`金额以万元为单位，至多保留${decimals}位小数`, [{ path, message: `至多${decimals}位小数` }]);
  }
  if (!Number.isSafeInteger(scaled)) throw invalid('金额过大', [{ path, message: '金额过大' }]);
  return scaled;
}

export const parseWan = (value: number, path: string): Hundredths => parseAmount(value, path, 2);

/** numeric text from PostgreSQL ("1280.50", "-3.1", "7") as hundredths; other scales rounded half-up. */
export function fromDb(text: string | null | undefined): Hundredths | null {
  if (text === null || text === undefined) return null;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) throw new Error(`not a numeric: ${text}`);
  const [, sign, whole, frac = ''] = m;
  const cents = Number(whole) * 100 + Number((frac + '00').slice(0, 2));
  const rest = frac.slice(2);
  const up = rest.length > 0 && Number(rest[0]) >= 5 ? 1 : 0;
  return (sign ? -1 : 1) * (cents + up);
}

/** Hundredths as numeric text for PostgreSQL. */
export function toDb(h: Hundredths): string {
  const sign = h < 0 ? '-' : '';
  const abs = Math.abs(h);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Hundredths as the JSON number of 万元 (exact to two decimals). */
export const toWan = (h: Hundredths): number => Number(toDb(h));

/** `n / d` rounded half-up (away from zero at .5), in integers. */
export function divideHalfUp(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const a = n < 0n ? -n : n;
  const b = d < 0n ? -d : d;
  const q = (2n * a + b) / (2n * b);
  return negative ? -q : q;
}

/** A pack's rate (e.g. 0.2) or share as basis points (1/10000); the pack contract allows at most four decimals. */
export function basisPoints(rate: number): bigint {
  const bp = Math.round(rate * 10_000);
  if (Math.abs(rate * 10_000 - bp) > 1e-6) throw new Error(`rate ${rate} has more than four decimals`);
  return BigInt(bp);
}

/** `amount × rate`, rounded half-up to 0.01万元. */
export function applyRate(h: Hundredths, rate: number): Hundredths {
  return Number(divideHalfUp(BigInt(h) * basisPoints(rate), 10_000n));
}

/** 数量 × 单价: quantity in hundredths of a unit, unit price in 1/10000 万元 → hundredths of 万元, half-up. */
export function lineTotal(quantityHundredths: number, unitPrice10k: number): Hundredths {
  return Number(divideHalfUp(BigInt(quantityHundredths) * BigInt(unitPrice10k), 10_000n));
}

export const sum = (values: Hundredths[]): Hundredths => values.reduce((a, b) => a + b, 0);

/** 1234.5 → "1,234.50万元" for messages. */
export function formatWan(h: Hundredths): string {
  const [whole, frac] = toDb(h).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}万元`;
}
