import type { PackForm } from '@shenbao/contracts';
import { Alert, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { Section } from '../../../ui/section.tsx';
import type { PackIndex } from '../pack-index.ts';
import { FieldTable } from './field-table.tsx';
import { RulesTable } from './rules-table.tsx';

/** One form: its instructions, sections of fields, and rules. */
export function FormPanel({ form, index }: { form: PackForm; index: PackIndex }) {
  const { t } = useI18n();
  const rules = form.rules ?? [];
  return (
    <div data-testid={`form-${form.id}`}>
      {form.instructions && form.instructions.length > 0 && (
        <Section title={t('forms.instructions')}>
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {form.instructions.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ol>
          {form.blankHint && (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {t('common.labelled', { label: t('forms.blankHint'), value: form.blankHint })}
            </Typography.Paragraph>
          )}
        </Section>
      )}
      {form.commitment && (
        <Alert type="info" showIcon style={{ marginBottom: 24 }} message={t('forms.commitment')} description={form.commitment} />
      )}
      {form.sections.map((section, i) => (
        <Section key={section.id} title={`${i + 1}. ${section.title}`}>
          {section.hint && <Typography.Paragraph type="secondary">{section.hint}</Typography.Paragraph>}
          <FieldTable fields={section.fields} index={index} />
        </Section>
      ))}
      <Section title={t('forms.rules')}>
        {rules.length > 0 ? (
          <RulesTable rules={rules} testId={`rules-${form.id}`} />
        ) : (
          <Typography.Text type="secondary">{t('forms.noRules')}</Typography.Text>
        )}
      </Section>
    </div>
  );
}
