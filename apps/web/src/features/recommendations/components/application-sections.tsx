import { ExclamationCircleOutlined, FlagOutlined } from '@ant-design/icons';
import type { PackField, PackForm, ProgramPack } from '@shenbao/contracts';
import { Card, Descriptions, Space, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { fieldIdOfPath, type Answers } from '../../../forms/form-model.ts';
import { FieldValue } from '../../../forms/field-value.tsx';
import { fileUrl } from '../../applications/api.ts';

interface ApplicationSectionsProps {
  applicationId: string;
  program: ProgramPack;
  form: PackForm;
  answers: Answers;
  hidden: ReadonlySet<string>;
  /** Rule warnings on the submitted answers, by path. */
  warnings: readonly { path: string; message: string }[];
  /** Fields named by the last 退回修改 opinion ('/fieldId'). */
  returnedFields: readonly string[];
}

function FieldLabel({ field, warnings, returned }: { field: PackField; warnings: string[]; returned: boolean }) {
  const marks: ReactNode[] = [];
  if (warnings.length > 0) {
    marks.push(
      <Tooltip key="warn" title={warnings.join('；')}>
        <ExclamationCircleOutlined style={{ color: '#faad14' }} data-testid={`warning-mark-${field.id}`} />
      </Tooltip>,
    );
  }
  if (returned) marks.push(<FlagOutlined key="returned" style={{ color: '#fa8c16' }} data-testid={`returned-mark-${field.id}`} />);
  return (
    <Space size={4} align="start">
      <span>{field.label}</span>
      {marks}
    </Space>
  );
}

// A bordered Descriptions lays its table out by content: a wide answer table (004's 材料分类及索引目录) would squeeze
// the labels to a few characters a line and push the card past its column. Fixed, the labels keep their width and
// the answer table scrolls inside its cell.
const SECTION_STYLE = '.review-section .ant-descriptions.ant-descriptions-bordered > .ant-descriptions-view > table { table-layout: fixed; }';

/** 申报内容 read-only: each section of the pack's form as a label/value table, in the notice's words and order. */
export function ApplicationSections({ applicationId, program, form, answers, hidden, warnings, returnedFields }: ApplicationSectionsProps) {
  const warningsByField = new Map<string, string[]>();
  for (const w of warnings) {
    const id = fieldIdOfPath(w.path);
    if (id) warningsByField.set(id, [...(warningsByField.get(id) ?? []), w.message]);
  }
  const returned = new Set(returnedFields.map((p) => fieldIdOfPath(p)));
  return (
    <>
      <style>{SECTION_STYLE}</style>
      {form.sections.map((section, index) => {
        const fields = section.fields.filter((f) => !hidden.has(f.id));
        if (fields.length === 0) return null;
        return (
          <Card
            key={section.id}
            size="small"
            title={`${index + 1}. ${section.title}`}
            className="review-section"
            style={{ marginBottom: 16 }}
            data-testid={`review-section-${section.id}`}
          >
            <Descriptions
              bordered
              size="small"
              column={1}
              styles={{ label: { width: 220, verticalAlign: 'top' } }}
              items={fields.map((field) => ({
                key: field.id,
                label: <FieldLabel field={field} warnings={warningsByField.get(field.id) ?? []} returned={returned.has(field.id)} />,
                children: (
                  <FieldValue
                    program={program}
                    field={field}
                    value={answers[field.id]}
                    fileUrl={(fileId) => fileUrl(applicationId, fileId)}
                    testId={`value-${field.id}`}
                  />
                ),
              }))}
            />
          </Card>
        );
      })}
    </>
  );
}
