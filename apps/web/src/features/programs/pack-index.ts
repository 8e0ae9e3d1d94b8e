import { LIFECYCLE_STAGES, type LifecycleStage, type PackCategory, type PackField } from '@shenbao/contracts';
import type { Translate } from '../../app/i18n/i18n-provider.tsx';
import type { CallPack } from './api.ts';

/** Names for the ids a pack uses in many places (categories, channels, forms, stages, fields). */
export interface PackIndex {
  category: (id: string) => string;
  channel: (id: string) => string;
  form: (id: string) => string;
  stage: (id: string) => string;
  field: (id: string) => string;
}

function isLifecycleStage(id: string): id is LifecycleStage {
  return (LIFECYCLE_STAGES as readonly string[]).includes(id);
}

function walk(nodes: readonly PackCategory[], into: Map<string, string>): void {
  for (const node of nodes) {
    into.set(node.id, node.label);
    if (node.children) walk(node.children, into);
  }
}

function collectFields(fields: readonly PackField[], into: Map<string, string>): void {
  for (const field of fields) {
    if (!into.has(field.id)) into.set(field.id, field.label);
    if (field.type === 'table') collectFields(field.columns, into);
  }
}

export function indexPack({ program, forms }: CallPack, t: Translate): PackIndex {
  const categories = new Map<string, string>();
  walk(program.categories, categories);
  const channels = new Map(program.channels.map((c) => [c.id, c.label]));
  const formTitles = new Map(forms.map((f) => [f.id, f.title]));
  const stages = new Map<string, string>(program.stages.map((s) => [s.id, s.label]));
  const fields = new Map<string, string>();
  for (const form of forms) for (const section of form.sections) collectFields(section.fields, fields);
  return {
    category: (id) => categories.get(id) ?? id,
    channel: (id) => channels.get(id) ?? id,
    form: (id) => formTitles.get(id) ?? id,
    // The pack's own words first; stages it does not list by the lifecycle's generic names.
    stage: (id) => stages.get(id) ?? (isLifecycleStage(id) ? t(`lifecycle.${id}`) : id),
    field: (id) => fields.get(id) ?? id,
  };
}

/** Leaves of the category tree: the directions an application picks. */
export function countDirections(nodes: readonly PackCategory[]): number {
  return nodes.reduce((n, node) => n + (node.children?.length ? countDirections(node.children) : 1), 0);
}

/** What every tab of the call page receives. */
export interface CallTabProps {
  pack: CallPack;
  index: PackIndex;
  /** Server time minus browser time. */
  offsetMs: number;
}
