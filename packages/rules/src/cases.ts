import type { Answers, RuleContext } from './validate.ts';

/**
 * A worked example of a pack: one form's answers and what the engine must say about them.
 * `expect: []` means a complete, valid application (no errors and no warnings).
 * Otherwise the findings must be exactly these (path, message, severity), no more and no fewer.
 */
export interface PackCase {
  name: string;
  form: string;
  answers: Answers;
  context: RuleContext;
  expect: { path: string; message: string; severity: 'error' | 'warning' }[];
}

/** A copy of `base` with some top-level answers replaced (`undefined` removes one), for one-violation cases. */
export function variant(
  base: PackCase,
  name: string,
  changes: Answers,
  expect: PackCase['expect'],
  context?: Partial<RuleContext>,
): PackCase {
  const answers: Answers = structuredClone(base.answers);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete answers[key];
    else answers[key] = structuredClone(value);
  }
  return { name, form: base.form, answers, context: { ...structuredClone(base.context), ...(context ?? {}) }, expect };
}

/** A string of `n` Chinese characters, for text-limit cases. */
export const chars = (n: number, ch = '字') => ch.repeat(n);
