import type { Recommendation } from '@shenbao/contracts';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { applyServerErrors } from '../../../ui/form-errors.ts';
import { reopenRecommendation } from '../api.ts';

interface ReopenModalProps {
  open: boolean;
  recommendation: Recommendation;
  onClose: () => void;
  onReopened: (reopened: Recommendation) => void;
}

/** 同意重新开启: the issuing department consents, with a reason; the recommender is told and may rank and issue again. */
export function ReopenModal({ open, recommendation, onClose, onReopened }: ReopenModalProps) {
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
      onReopened(await reopenRecommendation(recommendation.id, values.reason.trim()));
    } catch (cause) {
      setErrors(applyServerErrors(form, cause, ['reason']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('rec.reopen.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="reopen" type="primary" danger loading={saving} onClick={() => void submit()} data-testid="reopen-confirm">
          {t('rec.reopen.ok')}
        </Button>,
      ]}
    >
      <Alert type="warning" showIcon message={t('rec.reopen.intro', { recommender: recommendation.recommenderName })} style={{ marginBottom: 16 }} />
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 16 }} data-testid="reopen-error" />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('rec.reopen.reason')}
          rules={[
            { required: true, whitespace: true, message: t('common.enter', { field: t('rec.reopen.reason') }) },
            { min: 2, max: 1000, message: t('rec.reopen.reasonLength') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="reopen-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
