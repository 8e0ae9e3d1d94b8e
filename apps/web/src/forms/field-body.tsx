import type { PackField, Violation } from '@shenbao/contracts';
import { useFormRenderer } from './form-context.tsx';
import { FieldValue } from './field-value.tsx';
import { AttachmentInput } from './inputs/attachment-input.tsx';
import { ScalarInput } from './inputs/scalar-input.tsx';
import { TableInput } from './inputs/table-input.tsx';
import { fileList } from './value-format.ts';

interface FieldBodyProps {
  field: PackField;
  status: 'error' | 'warning' | undefined;
  /** All findings of the field (table cells pick theirs by path). */
  issues: Violation[];
  testId: string;
}

/** What sits under a field's label: the answer read-only, or the input for its type. */
export function FieldBody({ field, status, issues, testId }: FieldBodyProps) {
  const ctx = useFormRenderer();
  const value = field.type === 'computed' ? ctx.computed[field.id] : ctx.answers[field.id];
  const onChange = (next: unknown) => {
    ctx.setField(field.id, next);
    ctx.touch(field.id);
  };
  const onBlur = () => ctx.touch(field.id);
  const adapter = ctx.attachments;

  if (ctx.readOnly || (field.type === 'attachment' && !adapter)) {
    return <FieldValue program={ctx.program} field={field} value={value} fileUrl={adapter?.fileUrl} testId={testId} />;
  }
  if (field.type === 'table') {
    return (
      <TableInput
        program={ctx.program}
        field={field}
        value={value}
        computedRows={ctx.computed[field.id]}
        onChange={onChange}
        onBlur={onBlur}
        issues={issues}
        readOnly={false}
        attachments={adapter}
        testId={testId}
      />
    );
  }
  if (field.type === 'attachment' && adapter) {
    return (
      <AttachmentInput
        field={field}
        slotId={field.id}
        applicationId={adapter.applicationId}
        files={fileList(value)}
        fileUrl={adapter.fileUrl}
        onUploaded={() => adapter.onUploaded(field.id)}
        onRemove={(fileId) => adapter.onRemove(field.id, fileId)}
        testId={testId}
      />
    );
  }
  if (field.type === 'attachment') return null;
  return <ScalarInput program={ctx.program} field={field} value={value} onChange={onChange} onBlur={onBlur} status={status} testId={testId} />;
}
