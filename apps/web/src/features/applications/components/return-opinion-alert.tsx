import type { ApplicationDetail, PackForm } from '@shenbao/contracts';
import { Alert, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { fieldIdOfPath, findField } from '../../../forms/form-model.ts';
import { formatDateMinute, formatDateTime } from '../../../ui/format.ts';

interface ReturnOpinionAlertProps {
  opinion: NonNullable<ApplicationDetail['returnOpinion']>;
  form: PackForm;
  onJump: (fieldId: string) => void;
}

/** 退回意见 at the top of the editor: the opinion, the fields it names (click to go there), the revision deadline. */
export function ReturnOpinionAlert({ opinion, form, onJump }: ReturnOpinionAlertProps) {
  const { t } = useI18n();
  const fields = opinion.fields
    .map((path) => fieldIdOfPath(path))
    .filter((id): id is string => id !== null)
    .map((id) => ({ id, label: findField(form, id)?.label ?? id }));
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="return-opinion"
      message={t('opinion.title', { time: formatDateTime(opinion.at) })}
      description={
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{opinion.opinion}</Typography.Text>
          {fields.length > 0 && (
            <div>
              <Typography.Text type="secondary">{t('opinion.fields')}</Typography.Text>
              {fields.map((f) => (
                <Tag key={f.id} color="orange" style={{ cursor: 'pointer' }} onClick={() => onJump(f.id)} data-testid={`opinion-jump-${f.id}`}>
                  {f.label}
                </Tag>
              ))}
            </div>
          )}
          {opinion.revisionDeadline && (
            <Typography.Text strong data-testid="revision-deadline">
              {t('opinion.deadline', { time: formatDateMinute(opinion.revisionDeadline) })}
            </Typography.Text>
          )}
        </Space>
      }
    />
  );
}
