import type { PackField, PackForm, ProgramPack, Violation } from '@shenbao/contracts';
import { evaluate, ruleBindings, validateAnswers, type RuleContext } from '@shenbao/rules';
import { useEffect, useRef, useState } from 'react';
import type { Answers } from './form-model.ts';

/** How long typing must pause before the engine runs again. */
export const EVALUATION_DELAY_MS = 300;

export interface FormEvaluation {
  /** The engine's findings for the answers as they are in the browser. */
  violations: Violation[];
  /** The answers with computed fields filled in. */
  computed: Answers;
  /** Fields whose visibleWhen is false (hidden, not checked). */
  hidden: ReadonlySet<string>;
  /** Fields required now (required, or requiredWhen true). */
  required: ReadonlySet<string>;
  /** False until the first run finished. */
  ready: boolean;
}

async function holds(expression: string, answers: Answers, bindings: Record<string, unknown>): Promise<boolean> {
  try {
    return (await evaluate(expression, answers, bindings)) === true;
  } catch {
    return false;
  }
}

async function fieldStates(fields: readonly PackField[], answers: Answers, bindings: Record<string, unknown>) {
  const hidden = new Set<string>();
  const required = new Set<string>();
  for (const field of fields) {
    if (field.visibleWhen && !(await holds(field.visibleWhen, answers, bindings))) hidden.add(field.id);
    const isRequired = field.requiredWhen
      ? await holds(field.requiredWhen, answers, bindings)
      : field.required !== false && field.type !== 'computed';
    if (isRequired) required.add(field.id);
  }
  return { hidden, required };
}

const EMPTY: FormEvaluation = { violations: [], computed: {}, hidden: new Set(), required: new Set(), ready: false };

/**
 * Runs the pack's rule engine in the browser on every change (debounced): the same `validateAnswers` the server runs
 * at save, check and submission, so warnings and errors show while typing. A newer run always wins over an older one.
 */
export function useFormEvaluation(input: {
  program: ProgramPack;
  form: PackForm;
  answers: Answers;
  context: RuleContext;
  enabled: boolean;
}): FormEvaluation {
  const { program, form, answers, context, enabled } = input;
  const [result, setResult] = useState<FormEvaluation>(EMPTY);
  const generation = useRef(0);
  const contextRef = useRef(context);
  contextRef.current = context;

  useEffect(() => {
    if (!enabled) return;
    const mine = ++generation.current;
    const timer = setTimeout(() => {
      const fields = form.sections.flatMap((s) => s.fields);
      const bindings = ruleBindings(contextRef.current);
      void (async () => {
        try {
          const validation = await validateAnswers({ program, form, answers, context: contextRef.current });
          const states = await fieldStates(fields, validation.answers, bindings);
          if (mine !== generation.current) return;
          setResult({ violations: validation.violations, computed: validation.answers, ...states, ready: true });
        } catch {
          // An expression the engine cannot run is the server's to report (as a rule finding); keep the last result.
        }
      })();
    }, EVALUATION_DELAY_MS);
    return () => clearTimeout(timer);
  }, [program, form, answers, enabled]);

  return result;
}
