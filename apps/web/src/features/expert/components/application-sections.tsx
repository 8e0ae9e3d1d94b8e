import type { PackForm, ProgramPack } from '@shenbao/contracts';
import { Card, Descriptions } from 'antd';
import type { Answers } from '../../../forms/form-model.ts';
import { FieldValue } from '../../../forms/field-value.tsx';
import { assignmentFileUrl } from '../api.ts';

interface ApplicationSectionsProps {
  assignmentId: string;
  program: ProgramPack;
  form: PackForm;
  answers: Answers;
  hidden: ReadonlySet<string>;
}

// As on the recommender's review page: fixed label widths so a wide answer table scrolls inside its cell.
const SECTION_STYLE = '.expert-section .ant-descriptions.ant-descriptions-bordered > .ant-descriptions-view > table { table-layout: fixed; }';

/**
 * The assigned application read-only, section by section in the pack's words; its files are opened through the
 * expert's own assignment (the expert has no access to the application itself).
 */
export function ApplicationSections({ assignmentId, program, form, answers, hidden }: ApplicationSectionsProps) {
  return (
    <>
      <style>{SECTION_STYLE}</style>
      {form.sections.map((section, index) => {
        const fields = section.fields.filter((f) => !hidden.has(f.id));
        if (fields.length === 0) return null;
        return (
          <Card key={section.id} size="small" title={`${index + 1}. ${section.title}`} className="expert-section" style={{ marginBottom: 16 }} data-testid={`review-section-${section.id}`}>
            <Descriptions
              bordered
              size="small"
              column={1}
              styles={{ label: { width: 200, verticalAlign: 'top' } }}
              items={fields.map((field) => ({
                key: field.id,
                label: field.label,
                children: <FieldValue program={program} field={field} value={answers[field.id]} fileUrl={(fileId) => assignmentFileUrl(assignmentId, fileId)} testId={`value-${field.id}`} />,
              }))}
            />
          </Card>
        );
      })}
    </>
  );
}
