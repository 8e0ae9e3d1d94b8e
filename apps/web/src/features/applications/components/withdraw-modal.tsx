import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { withdrawApplication } from '../api.ts';

interface WithdrawModalProps {
  open: boolean;
  applicationId: string;
  onClose: () => void;
  onWithdrawn: () => void;
}

/** 撤回: before the recommender acts, with a reason kept in the history. */
export function WithdrawModal({ open, applicationId, onClose, onWithdrawn }: WithdrawModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    let values: { reason: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await withdrawApplication(applicationId, values.reason.trim());
      onWithdrawn();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('withdraw.title')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="withdraw" type="primary" danger loading={saving} onClick={() => void submit()} data-testid="withdraw-confirm">
          {t('withdraw.ok')}
        </Button>,
      ]}
      destroyOnHidden
    >
      <Alert type="warning" showIcon message={t('withdraw.intro')} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('withdraw.reason')}
          rules={[
            { required: true, whitespace: true, message: t('common.enter', { field: t('withdraw.reason') }) },
            { min: 2, max: 500, message: t('withdraw.reasonLength') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="withdraw-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
