import { Collapse, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import type { CallTabProps } from '../pack-index.ts';
import { FormPanel } from './form-panel.tsx';

/** 表单: every form of the call, the first one open. */
export function FormsTab({ pack, index }: CallTabProps) {
  const { t } = useI18n();
  const first = pack.forms[0]?.id;
  return (
    <Collapse
      defaultActiveKey={first ? [first] : []}
      data-testid="call-forms"
      items={pack.forms.map((form) => ({
        key: form.id,
        label: (
          <Space wrap size={[8, 4]}>
            <Typography.Text strong>{form.title}</Typography.Text>
            {form.description && <Typography.Text type="secondary">{form.description}</Typography.Text>}
            <Tag>{t('common.labelled', { label: t('forms.stage'), value: index.stage(form.stage ?? 'application') })}</Tag>
          </Space>
        ),
        children: <FormPanel form={form} index={index} />,
      }))}
    />
  );
}
