import type { PackCategory, PackField, PackForm, PackSection, Violation } from '@shenbao/contracts';

// What the renderer needs to know about a pack form besides the field definitions themselves.

export type Answers = Record<string, unknown>;
export type ScalarField = Exclude<PackField, { type: 'table' }>;
export type FieldOfType<T extends PackField['type']> = Extract<PackField, { type: T }>;
export type ChoiceOption = FieldOfType<'choice'>['options'][number];

export function optionValue(option: ChoiceOption): string {
  return typeof option === 'string' ? option : option.value;
}

export function optionLabel(option: ChoiceOption): string {
  return typeof option === 'string' ? option : option.label;
}

/** `{ other: '…' }`: the 其他（请注明） answer of a choice or one item of a multi-choice. */
export function isOtherAnswer(value: unknown): value is { other: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'other' in value;
}

export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** The section each top-level field sits in. */
export function sectionIndex(form: PackForm): Map<string, PackSection> {
  const index = new Map<string, PackSection>();
  for (const section of form.sections) for (const field of section.fields) index.set(field.id, section);
  return index;
}

export function findField(form: PackForm, id: string): PackField | undefined {
  for (const section of form.sections) {
    const field = section.fields.find((f) => f.id === id);
    if (field) return field;
  }
  return undefined;
}

/** The answers a section save sends: every field the applicant fills (computed ones are the engine's). */
export function sectionPayload(section: PackSection, answers: Answers): Answers {
  const payload: Answers = {};
  // undefined would vanish from the JSON; null clears the answer on the server.
  for (const field of section.fields) if (field.type !== 'computed') payload[field.id] = answers[field.id] ?? null;
  return payload;
}

/** '/financials/0/revenue' → 'financials'; null for paths that name no field. */
export function fieldIdOfPath(path: string): string | null {
  const first = path.split('/').filter(Boolean)[0];
  return first ?? null;
}

/** Violations by the top-level field they are shown at. */
export function violationsByField(violations: readonly Violation[]): Map<string, Violation[]> {
  const byField = new Map<string, Violation[]>();
  for (const violation of violations) {
    const id = fieldIdOfPath(violation.path);
    if (!id) continue;
    byField.set(id, [...(byField.get(id) ?? []), violation]);
  }
  return byField;
}

/** Error counts per section (the navigator's badges); violations at unknown paths are left out. */
export function errorCountBySection(form: PackForm, violations: readonly Violation[]): Map<string, number> {
  const sections = sectionIndex(form);
  const counts = new Map<string, number>();
  for (const violation of violations) {
    if (violation.severity !== 'error') continue;
    const section = sections.get(fieldIdOfPath(violation.path) ?? '');
    if (section) counts.set(section.id, (counts.get(section.id) ?? 0) + 1);
  }
  return counts;
}

/** A form's category subtree as cascader options; `under` limits it to branches (a direction field's `categories`). */
export interface DirectionOption {
  value: string;
  label: string;
  children?: DirectionOption[];
}

export function directionOptions(categories: readonly PackCategory[], under?: readonly string[]): DirectionOption[] {
  const build = (nodes: readonly PackCategory[], inside: boolean): DirectionOption[] =>
    nodes.flatMap((node) => {
      const here = inside || !under || under.includes(node.id);
      if (!node.children?.length) return here ? [{ value: node.id, label: node.label }] : [];
      const children = build(node.children, here);
      return children.length > 0 ? [{ value: node.id, label: node.label, children }] : [];
    });
  return build(categories, false);
}

/** The labels from the root to a direction ('模式应用类 / 工业互联网新模式应用 / 智能化制造'), or null. */
export function directionPath(categories: readonly PackCategory[], id: string): PackCategory[] | null {
  for (const node of categories) {
    if (node.id === id) return [node];
    const below = node.children ? directionPath(node.children, id) : null;
    if (below) return [node, ...below];
  }
  return null;
}

/** The ids of a pack's rules whose verdict needs what only the server has: imported lists and other applications. */
export function serverOnlyRuleIds(rules: readonly { id: string; assert: string; when?: string }[]): Set<string> {
  const needsServer = (expression: string | undefined) => Boolean(expression && /\$(lists|applications)\b/.test(expression));
  return new Set(rules.filter((rule) => needsServer(rule.assert) || needsServer(rule.when)).map((rule) => rule.id));
}
