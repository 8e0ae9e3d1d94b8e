import type { Recommendation } from '@shenbao/contracts';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../api/client.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { applyServerErrors } from '../../../ui/form-errors.ts';
import { issueRecommendation } from '../api.ts';

interface IssueValues {
  opinion: string;
  signerName: string;
}

const FIELDS = ['opinion', 'signerName'] as const;

interface IssueModalProps {
  open: boolean;
  recommendation: Recommendation;
  onClose: () => void;
  onIssued: (issued: Recommendation) => void;
  /** Someone else changed the ranking: the card reloads it. */
  onConflict: () => void;
}

/** 出具推荐意见: the opinion and the signing official; the server checks the deadline, quotas and duplicates. */
export function IssueModal({ open, recommendation, onClose, onIssued, onConflict }: IssueModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<IssueValues>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    let values: IssueValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setErrors([]);
    try {
      onIssued(await issueRecommendation(recommendation.id, { opinion: values.opinion.trim(), signerName: values.signerName.trim(), version: recommendation.version }));
    } catch (cause) {
      // quota_exceeded names the quota, duplicate_recommendation the recommendation that holds the project:
      // the message says it all; quota paths name no form field.
      setErrors(isApiError(cause) && cause.code !== 'invalid_input' ? [cause.message] : applyServerErrors(form, cause, FIELDS));
      if (isApiError(cause) && cause.code === 'edit_conflict') onConflict();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('rec.issue.title')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="issue" type="primary" loading={saving} onClick={() => void submit()} data-testid="issue-confirm">
          {t('rec.issue.ok')}
        </Button>,
      ]}
      width={640}
      destroyOnHidden
    >
      <Alert type="warning" showIcon message={t('rec.issue.intro', { n: recommendation.items.length })} style={{ marginBottom: 16 }} />
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 16 }} data-testid="issue-error" />}
      <Typography.Paragraph type="secondary">{t('rec.issue.channel', { channel: recommendation.channelLabel, recommender: recommendation.recommenderName })}</Typography.Paragraph>
      <Form<IssueValues> form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="opinion"
          label={t('rec.issue.opinion')}
          rules={[
            { required: true, whitespace: true, message: t('common.enter', { field: t('rec.issue.opinion') }) },
            { min: 2, max: 5000, message: t('rec.issue.opinionLength') },
          ]}
        >
          <Input.TextArea rows={5} maxLength={5000} showCount placeholder={t('rec.issue.opinionPlaceholder')} data-testid="issue-opinion" />
        </Form.Item>
        <Form.Item
          name="signerName"
          label={t('rec.issue.signer')}
          extra={t('rec.issue.signerHint')}
          rules={[
            { required: true, whitespace: true, message: t('common.enter', { field: t('rec.issue.signer') }) },
            { min: 2, max: 50, message: t('rec.issue.signerLength') },
          ]}
        >
          <Input maxLength={50} autoComplete="off" data-testid="issue-signer" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
