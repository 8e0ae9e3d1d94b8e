import { CONFLICT_KINDS, CONFLICT_KIND_LABELS, type ConflictBody, type ConflictEntry, type ExpertSummary } from '@shenbao/contracts';
import { Alert, Form, Input, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { applyServerErrors } from '../../../ui/form-errors.ts';

type Values = Omit<ConflictBody, 'state'>;
const FIELDS = ['expertUserId', 'applicantOrganisationId', 'kind', 'reason'] as const;

interface ConflictModalProps {
  open: boolean;
  /** Prefilled from the row the officer started from. */
  initial: Partial<ConflictEntry>;
  experts: readonly ExpertSummary[];
  applicants: readonly { id: string; name: string }[];
  onSubmit: (body: Values) => Promise<void>;
  onClose: () => void;
}

/** 指定回避: an expert must not review an applicant (a relation the organisations do not show), with the reason. */
export function ConflictModal({ open, initial, experts, applicants, onSubmit, onClose }: ConflictModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setErrors([]);
    try {
      await onSubmit({ ...values, reason: values.reason.trim() });
    } catch (cause) {
      setErrors(applyServerErrors(form, cause, [...FIELDS]));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('sel.conflicts.pinTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('sel.conflicts.pin')}
      okButtonProps={{ loading: saving, 'data-testid': 'conflict-confirm' } as ButtonProps}
      destroyOnHidden
    >
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ expertUserId: initial.expertUserId, applicantOrganisationId: initial.applicantOrganisationId, kind: initial.kind ?? 'officer' }}
      >
        <Form.Item name="expertUserId" label={t('sel.conflicts.expert')} rules={[{ required: true, message: t('common.choose', { field: t('sel.conflicts.expert') }) }]}>
          <Select showSearch optionFilterProp="label" options={experts.map((e) => ({ value: e.userId, label: `${e.name}（${e.employerName}）` }))} data-testid="conflict-expert" />
        </Form.Item>
        <Form.Item name="applicantOrganisationId" label={t('sel.conflicts.applicant')} rules={[{ required: true, message: t('common.choose', { field: t('sel.conflicts.applicant') }) }]}>
          <Select showSearch optionFilterProp="label" options={applicants.map((a) => ({ value: a.id, label: a.name }))} data-testid="conflict-applicant" />
        </Form.Item>
        <Form.Item name="kind" label={t('sel.conflicts.kind')} rules={[{ required: true }]}>
          <Select options={CONFLICT_KINDS.filter((k) => k !== 'declared').map((k) => ({ value: k, label: CONFLICT_KIND_LABELS[k] }))} data-testid="conflict-kind" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('sel.conflicts.reason')}
          rules={[
            { required: true, whitespace: true, message: t('common.enter', { field: t('sel.conflicts.reason') }) },
            { min: 2, max: 2000, message: t('sel.reasonLength') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="conflict-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
