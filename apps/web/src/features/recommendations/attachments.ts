import type { FileRef, PackForm } from '@shenbao/contracts';
import type { Answers } from '../../forms/form-model.ts';
import { fileList } from '../../forms/value-format.ts';

export interface AttachedFile {
  /** 材料: the slot's label, with the table row for files in a table column. */
  slot: string;
  file: FileRef;
}

/** Every file the application carries: attachment fields, then attachment columns of tables (row by row). */
export function attachedFiles(form: PackForm, answers: Answers, hidden: ReadonlySet<string>): AttachedFile[] {
  const out: AttachedFile[] = [];
  for (const field of form.sections.flatMap((s) => s.fields)) {
    if (hidden.has(field.id)) continue;
    if (field.type === 'attachment') {
      for (const file of fileList(answers[field.id])) out.push({ slot: field.label, file });
    } else if (field.type === 'table') {
      const rows = Array.isArray(answers[field.id]) ? (answers[field.id] as Answers[]) : [];
      for (const column of field.columns.filter((c) => c.type === 'attachment')) {
        rows.forEach((row, i) => {
          for (const file of fileList(row[column.id])) out.push({ slot: `${field.label} 第${i + 1}${field.rowLabel ?? '行'} ${column.label}`, file });
        });
      }
    }
  }
  return out;
}
