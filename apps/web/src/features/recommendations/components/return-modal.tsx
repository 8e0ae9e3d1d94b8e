import type { PackForm } from '@shenbao/contracts';
import { Alert, Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { applyServerErrors } from '../../../ui/form-errors.ts';
import { returnApplication } from '../api.ts';

interface ReturnValues {
  opinion: string;
  fields?: string[];
  revisionDeadline?: Dayjs;
}

const FIELDS = ['opinion', 'fields', 'revisionDeadline'] as const;

interface ReturnModalProps {
  open: boolean;
  applicationId: string;
  form: PackForm;
  /** What the reviewer already wrote in the decision panel. */
  initialOpinion: string;
  onClose: () => void;
  onReturned: () => void;
}

/** 退回修改: the opinion, the fields it concerns (the applicant sees them marked) and a revision deadline. */
export function ReturnModal({ open, applicationId, form: packForm, initialOpinion, onClose, onReturned }: ReturnModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<ReturnValues>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const fieldOptions = packForm.sections.map((section) => ({
    label: section.title,
    options: section.fields.map((field) => ({ value: `/${field.id}`, label: field.label })),
  }));

  const submit = async () => {
    let values: ReturnValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setErrors([]);
    try {
      await returnApplication(applicationId, {
        opinion: values.opinion.trim(),
        ...(values.fields?.length ? { fields: values.fields } : {}),
        ...(values.revisionDeadline ? { revisionDeadline: values.revisionDeadline.toISOString() } : {}),
      });
      onReturned();
    } catch (cause) {
      setErrors(applyServerErrors(form, cause, FIELDS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('rec.return.title')}
      onCancel={onClose}
      width={640}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="return" type="primary" loading={saving} onClick={() => void submit()} data-testid="return-confirm">
          {t('rec.return.ok')}
        </Button>,
      ]}
    >
      <Alert type="info" showIcon message={t('rec.return.intro')} style={{ marginBottom: 16 }} />
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 16 }} data-testid="return-error" />}
      <Form<ReturnValues> form={form} layout="vertical" preserve={false} initialValues={{ opinion: initialOpinion }}>
        <Form.Item
          name="opinion"
          label={t('rec.return.opinion')}
          rules={[
            { required: true, whitespace: true, message: t('common.enter', { field: t('rec.return.opinion') }) },
            { min: 2, max: 2000, message: t('rec.return.opinionLength') },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="return-opinion" />
        </Form.Item>
        <Form.Item name="fields" label={t('rec.return.fields')} extra={t('rec.return.fieldsHint')}>
          <Select<string[]>
            mode="multiple"
            allowClear
            showSearch
            optionFilterProp="label"
            options={fieldOptions}
            placeholder={t('rec.return.fieldsPlaceholder')}
            data-testid="return-fields"
          />
        </Form.Item>
        <Form.Item name="revisionDeadline" label={t('rec.return.deadline')} extra={t('rec.return.deadlineHint')}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            style={{ width: 240 }}
            data-testid="return-deadline"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
