import jsonata from 'jsonata';
import { isValidCreditCode, isValidOrganisationCode, isMobileNumber } from '@shenbao/contracts';

type Compiled = ReturnType<typeof jsonata>;
const cache = new Map<string, Compiled>();

/** Count characters as the notices do (字数): Unicode code points, line breaks not counted. */
export function countChars(value: unknown): number {
  return typeof value === 'string' ? Array.from(value.replace(/[\r\n]/g, '')).length : 0;
}

function compile(expression: string): Compiled {
  let compiled = cache.get(expression);
  if (!compiled) {
    compiled = jsonata(expression);
    // Functions every pack may use besides JSONata's own.
    compiled.registerFunction('chars', (s: unknown) => countChars(s), '<x:n>');
    compiled.registerFunction('isCreditCode', (s: unknown) => typeof s === 'string' && isValidCreditCode(s), '<x:b>');
    compiled.registerFunction('isOrganisationCode', (s: unknown) => typeof s === 'string' && isValidOrganisationCode(s), '<x:b>');
    compiled.registerFunction('isMobile', (s: unknown) => typeof s === 'string' && isMobileNumber(s), '<x:b>');
    // Normalise a name for comparison: no spaces, full-width brackets as half-width.
    compiled.registerFunction('normName', (s: unknown) => (typeof s === 'string' ? s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')') : s), '<x:x>');
    cache.set(expression, compiled);
  }
  return compiled;
}

/** Parse an expression; returns the parser's message when it is not valid JSONata. */
export function checkExpression(expression: string): string | null {
  try {
    compile(expression);
    return null;
  } catch (error) {
    return (error as { message?: string }).message ?? String(error);
  }
}

export async function evaluate(expression: string, input: unknown, bindings: Record<string, unknown>): Promise<unknown> {
  return compile(expression).evaluate(input, bindings);
}
