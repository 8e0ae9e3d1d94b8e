// Identifier checks shared by the server, the browser and the pack forms.
// 统一社会信用代码 (GB 32100-2015), 组织机构代码 (GB 11714-1997), 行政区划代码 (GB/T 2260), mobile numbers.

const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The GB 32100 check character for the first 17 characters, or null if one is not in the charset. */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * CREDIT_CODE_WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** 统一社会信用代码: 18 characters, valid charset, correct check character (GB 32100). */
export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/** The GB 11714 check character of an 8-character organisation code body. */
export function organisationCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8[i]!;
    const value = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55; // A=10 … Z=35
    sum += value * ORG_CODE_WEIGHTS[i]!;
  }
  const c9 = 11 - (sum % 11);
  return c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9);
}

/** 组织机构代码 (8 characters + check digit, GB 11714), as found in positions 9–17 of a credit code. */
export function isValidOrganisationCode(code: string): boolean {
  const body = code.replace('-', '');
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(body)) return false;
  return body[8] === organisationCodeCheckChar(body.slice(0, 8));
}

/** 行政区划代码: six digits, province part 11–82 (GB/T 2260). Existence is checked against the divisions table. */
export function isWellFormedDivisionCode(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const province = Number(code.slice(0, 2));
  return province >= 11 && province <= 82;
}

export function isMobileNumber(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}

/** Chinese names of the custom string formats, used in validation messages. */
export const FORMAT_LABELS: Record<string, string> = {
  'credit-code': '统一社会信用代码（18位，校验位须正确）',
  'organisation-code': '组织机构代码',
  'division-code': '6位行政区划代码',
  'mobile-cn': '11位手机号码',
  email: '电子邮箱',
  uuid: 'UUID',
  'date-time': '日期时间',
  date: '日期（YYYY-MM-DD）',
};

export const STRING_FORMATS: Record<string, (value: string) => boolean> = {
  'credit-code': isValidCreditCode,
  'organisation-code': isValidOrganisationCode,
  'division-code': isWellFormedDivisionCode,
  'mobile-cn': isMobileNumber,
};
