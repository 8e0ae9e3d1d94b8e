import type { PackSection } from '@shenbao/contracts';
import { Alert, Card, Form, Row } from 'antd';
import type { ReactNode } from 'react';
import { useFormRenderer } from './form-context.tsx';
import { FieldItem } from './field-item.tsx';

export const sectionAnchor = (sectionId: string) => `section-${sectionId}`;

interface FormRendererProps {
  /** Above a section's fields: its save conflict, for instance. */
  sectionExtra?: (section: PackSection) => ReactNode;
  /** Focus entered a section (the editor saves the one it left). */
  onSectionFocus?: (sectionId: string) => void;
  /** Focus left a field of a section. */
  onSectionBlur?: (sectionId: string) => void;
}

/** Every section of a pack form as a card of fields, in the notice's order and with the notice's words. */
export function FormRenderer({ sectionExtra, onSectionFocus, onSectionBlur }: FormRendererProps) {
  const { form } = useFormRenderer();
  return (
    <Form layout="vertical" component="div" colon={false} requiredMark>
      {form.sections.map((section, index) => (
        <Card
          key={section.id}
          id={sectionAnchor(section.id)}
          title={`${index + 1}. ${section.title}`}
          style={{ marginBottom: 16, scrollMarginTop: 16 }}
          data-testid={`section-${section.id}`}
          onFocusCapture={() => onSectionFocus?.(section.id)}
          onBlurCapture={() => onSectionBlur?.(section.id)}
        >
          {sectionExtra?.(section)}
          {section.hint && <Alert type="info" message={section.hint} style={{ marginBottom: 16 }} />}
          <Row gutter={24}>
            {section.fields.map((field) => (
              <FieldItem key={field.id} field={field} sectionId={section.id} />
            ))}
          </Row>
        </Card>
      ))}
    </Form>
  );
}
