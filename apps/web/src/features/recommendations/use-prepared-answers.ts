import type { PackForm } from '@shenbao/contracts';
import { computeFields, evaluate, ruleBindings } from '@shenbao/rules';
import { useEffect, useState } from 'react';
import type { Answers } from '../../forms/form-model.ts';

export interface PreparedAnswers {
  /** The answers with computed fields filled, as the engine fills them. */
  answers: Answers;
  /** Fields whose visibleWhen is false: not part of what the applicant declared. */
  hidden: ReadonlySet<string>;
}

async function prepare(form: PackForm, raw: Answers): Promise<PreparedAnswers> {
  const bindings = ruleBindings({});
  const answers = await computeFields(form, raw, bindings).catch(() => raw);
  const hidden = new Set<string>();
  for (const field of form.sections.flatMap((s) => s.fields)) {
    if (!field.visibleWhen) continue;
    const shown = await evaluate(field.visibleWhen, answers, bindings).catch(() => true);
    if (shown !== true) hidden.add(field.id);
  }
  return { answers, hidden };
}

/** The application as the reviewer reads it: computed fields filled, hidden fields known; null until ready. */
export function usePreparedAnswers(form: PackForm | undefined, raw: Answers | undefined): PreparedAnswers | null {
  const [prepared, setPrepared] = useState<PreparedAnswers | null>(null);
  useEffect(() => {
    if (!form || !raw) return;
    let live = true;
    void prepare(form, raw).then((p) => {
      if (live) setPrepared(p);
    });
    return () => {
      live = false;
    };
  }, [form, raw]);
  return prepared;
}
