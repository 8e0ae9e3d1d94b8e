import type { FormInstance } from 'antd';
import { isApiError } from '../api/client.ts';

/**
 * Puts the server's field errors on the matching form fields. Paths look like "/username"
 * or "/body/username"; the last segment that names a form field wins.
 * Returns the messages that matched no field (to show above the form), or the whole
 * error message when there were no field errors.
 */
export function applyServerErrors<Values extends object>(
  form: FormInstance<Values>,
  error: unknown,
  fieldNames: readonly (keyof Values & string)[],
): string[] {
  if (!isApiError(error)) return [error instanceof Error ? error.message : String(error)];
  const unmatched: string[] = [];
  const byField = new Map<string, string[]>();
  for (const field of error.fields) {
    const segments = field.path.split('/').filter(Boolean);
    const name = [...segments].reverse().find((segment) => fieldNames.includes(segment as keyof Values & string));
    if (name) byField.set(name, [...(byField.get(name) ?? []), field.message]);
    else unmatched.push(field.message);
  }
  if (byField.size > 0) {
    // `name as never`: antd's recursive NamePath<Values> cannot be resolved for a generic Values;
    // the names were checked against `fieldNames` above.
    form.setFields([...byField].map(([name, errors]) => ({ name: name as never, errors })));
  }
  if (error.fields.length === 0) return [error.message];
  return unmatched.length > 0 ? [error.message, ...unmatched] : [];
}
