import { AutoComplete, Button, DatePicker, Form, Input, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { KNOWN_ACTIONS, KNOWN_RESOURCE_TYPES, actionLabel, resourceTypeLabel } from '../action-labels.ts';

export interface AuditFilterValues {
  action?: string;
  resourceType?: string;
  resourceId?: string;
  from?: string;
  to?: string;
}

interface FormValues {
  action?: string;
  resourceType?: string;
  resourceId?: string;
  range?: [Dayjs | null, Dayjs | null];
}

function toForm(values: AuditFilterValues): FormValues {
  return {
    action: values.action,
    resourceType: values.resourceType,
    resourceId: values.resourceId,
    range: values.from || values.to ? [values.from ? dayjs(values.from) : null, values.to ? dayjs(values.to) : null] : undefined,
  };
}

function fromForm(values: FormValues): AuditFilterValues {
  const [start, end] = values.range ?? [null, null];
  return {
    action: values.action?.trim() || undefined,
    resourceType: values.resourceType?.trim() || undefined,
    resourceId: values.resourceId?.trim() || undefined,
    from: start ? start.toISOString() : undefined,
    to: end ? end.toISOString() : undefined,
  };
}

export function AuditFilters({ value, onChange }: { value: AuditFilterValues; onChange: (next: AuditFilterValues) => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<FormValues>();

  // The URL is the truth: show what it says after back/forward or a reset.
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toForm(value));
  }, [form, value]);

  const actionOptions = KNOWN_ACTIONS.map((a) => ({ value: a, label: `${a}　${actionLabel(a, locale) ?? ''}` }));
  const typeOptions = KNOWN_RESOURCE_TYPES.map((r) => ({ value: r, label: `${r}　${resourceTypeLabel(r, locale) ?? ''}` }));

  return (
    <Form<FormValues> form={form} layout="inline" onFinish={(v) => onChange(fromForm(v))} style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item name="action" label={t('audit.action')}>
        <AutoComplete allowClear options={actionOptions} style={{ width: 220 }} filterOption data-testid="audit-filter-action" />
      </Form.Item>
      <Form.Item name="resourceType" label={t('audit.resourceType')}>
        <AutoComplete allowClear options={typeOptions} style={{ width: 160 }} filterOption />
      </Form.Item>
      <Form.Item name="resourceId" label={t('audit.resourceId')}>
        <Input allowClear style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="range" label={t('audit.timeRange')}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onChange({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
