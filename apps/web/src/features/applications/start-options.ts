import type { PackCategory } from '@shenbao/contracts';
import type { CallPack } from '../programs/api.ts';

/** A branch of the category tree that names its form: what 开始申报 offers first. */
export interface FormCategory {
  category: PackCategory;
  formId: string;
  formTitle: string;
  channels: string[];
}

/** The categories that say which application-stage form they use (the tree's `form`), outermost first. */
export function formCategories(pack: CallPack): FormCategory[] {
  const applicationForms = new Map(pack.forms.filter((f) => (f.stage ?? 'application') === 'application').map((f) => [f.id, f.title]));
  const found: FormCategory[] = [];
  const walk = (nodes: readonly PackCategory[], channels: string[]) => {
    for (const node of nodes) {
      const here = node.channels ?? channels;
      const title = node.form ? applicationForms.get(node.form) : undefined;
      if (node.form && title) found.push({ category: node, formId: node.form, formTitle: title, channels: here });
      else if (node.children) walk(node.children, here);
    }
  };
  walk(pack.program.categories, []);
  if (found.length === 0 && applicationForms.size > 0) {
    // A pack whose tree names no form: every direction uses its one application form.
    const [formId, formTitle] = [...applicationForms][0]!;
    for (const node of pack.program.categories) found.push({ category: node, formId, formTitle, channels: node.channels ?? [] });
  }
  return found;
}
