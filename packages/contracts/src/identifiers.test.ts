import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { creditCodeCheckChar, isMobileNumber, isValidCreditCode, isValidOrganisationCode, isWellFormedDivisionCode } from './identifiers.ts';

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts the standard example and rejects a wrong check character', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
  });
  it('rejects characters outside the charset (I, O, S, V, Z) and wrong lengths', () => {
    expect(isValidCreditCode('91350100M000100YI3')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100m000100y43')).toBe(false);
  });
  it('computes the check character so that every computed code validates', () => {
    const first17 = '91130100123456789';
    expect(isValidCreditCode(first17 + creditCodeCheckChar(first17))).toBe(true);
  });
  it('holds for every credit code in the demo data', () => {
    const file = path.resolve(import.meta.dirname, '../../../apps/server/src/demo/organisations.yaml');
    const { organisations } = parse(fs.readFileSync(file, 'utf8')) as { organisations: { creditCode?: string }[] };
    const codes = organisations.map((o) => o.creditCode).filter((c): c is string => Boolean(c));
    expect(codes.length).toBeGreaterThan(20);
    expect(codes.filter((c) => !isValidCreditCode(c))).toEqual([]);
  });
});

describe('组织机构代码 (GB 11714), 区划代码, 手机号', () => {
  it('checks the organisation code check digit', () => {
    expect(isValidOrganisationCode('D2143569-X')).toBe(true);
    expect(isValidOrganisationCode('D21435691')).toBe(false);
  });
  it('checks division codes and mobile numbers', () => {
    expect(isWellFormedDivisionCode('130100')).toBe(true);
    expect(isWellFormedDivisionCode('100000')).toBe(false);
    expect(isWellFormedDivisionCode('13010')).toBe(false);
    expect(isMobileNumber('13812345678')).toBe(true);
    expect(isMobileNumber('12812345678')).toBe(false);
  });
});
