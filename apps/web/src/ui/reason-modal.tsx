import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useI18n } from '../app/i18n/i18n-provider.tsx';
import { applyServerErrors } from './form-errors.ts';

interface ReasonModalProps {
  open: boolean;
  title: string;
  /** What the action does, shown as a warning above the reason. */
  intro: string;
  reasonLabel: string;
  reasonLengthMessage: string;
  maxLength: number;
  okText: string;
  /** Prefix of the data-testids: `<prefix>-reason`, `<prefix>-confirm`, `<prefix>-error`. */
  testId: string;
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
}

/** A consequential action that must give its reason (撤回, 同意重新开启…): the reason, then the server's word. */
export function ReasonModal({ open, title, intro, reasonLabel, reasonLengthMessage, maxLength, okText, testId, onSubmit, onClose }: ReasonModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    let values: { reason: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setErrors([]);
    try {
      await onSubmit(values.reason.trim());
    } catch (cause) {
      setErrors(applyServerErrors(form, cause, ['reason']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" type="primary" danger loading={saving} onClick={() => void submit()} data-testid={`${testId}-confirm`}>
          {okText}
        </Button>,
      ]}
    >
      <Alert type="warning" showIcon message={intro} style={{ marginBottom: 16 }} />
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 16 }} data-testid={`${testId}-error`} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={reasonLabel}
          rules={[
            { required: true, whitespace: true, message: t('common.enter', { field: reasonLabel }) },
            { min: 2, max: maxLength, message: reasonLengthMessage },
          ]}
        >
          <Input.TextArea rows={3} maxLength={maxLength} showCount data-testid={`${testId}-reason`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
