import type { PackForm } from '@shenbao/contracts';
import { Card, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';

/** 填表说明: the notice's instructions, printed before the form. */
export function InstructionsCard({ form }: { form: PackForm }) {
  const { t } = useI18n();
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="form-instructions">
      <Typography.Title level={5} style={{ marginTop: 0, textAlign: 'center' }}>
        {form.title}
      </Typography.Title>
      {form.description && (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {form.description}
        </Typography.Paragraph>
      )}
      {form.instructions && form.instructions.length > 0 && (
        <>
          <Typography.Text strong>{t('forms.instructions')}</Typography.Text>
          <ol style={{ margin: '8px 0 0', paddingInlineStart: 24 }}>
            {form.instructions.map((line) => (
              <li key={line}>
                <Typography.Text>{line}</Typography.Text>
              </li>
            ))}
          </ol>
        </>
      )}
      {form.blankHint && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('editor.blankHint', { hint: form.blankHint })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
