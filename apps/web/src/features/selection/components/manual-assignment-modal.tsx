import type { ExpertSummary, ReviewRow } from '@shenbao/contracts';
import { Alert, Form, Input, Modal, Select, Space, Tag } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { applyServerErrors } from '../../../ui/form-errors.ts';

interface Values {
  expertUserId: string;
  reason: string;
}

interface ManualAssignmentModalProps {
  row: ReviewRow | null;
  experts: readonly ExpertSummary[];
  onSubmit: (expertUserId: string, reason: string) => Promise<void>;
  onClose: () => void;
}

/** 手动指派: one more expert for one application, with the reason (the server still refuses a conflicted expert). */
export function ManualAssignmentModal({ row, experts, onSubmit, onClose }: ManualAssignmentModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const taken = new Set(row?.assignments.map((a) => a.expertUserId) ?? []);
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
      await onSubmit(values.expertUserId, values.reason.trim());
    } catch (cause) {
      setErrors(applyServerErrors(form, cause, ['expertUserId', 'reason']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={row !== null}
      title={t('sel.scoring.addTitle', { project: row?.projectName ?? '' })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('sel.scoring.addExpert')}
      okButtonProps={{ loading: saving, 'data-testid': 'assignment-add-confirm' } as ButtonProps}
      destroyOnHidden
    >
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 12 }} data-testid="assignment-add-error" />}
      <Form<Values> form={form} layout="vertical" preserve={false}>
        <Form.Item name="expertUserId" label={t('sel.conflicts.expert')} rules={[{ required: true, message: t('common.choose', { field: t('sel.conflicts.expert') }) }]}>
          <Select
            showSearch
            optionFilterProp="label"
            data-testid="assignment-add-expert"
            options={experts
              .filter((e) => !taken.has(e.userId))
              .map((e) => ({
                value: e.userId,
                label: `${e.name} ${e.employerName}`,
                expert: e,
              }))}
            optionRender={(option) => {
              const e = (option.data as { expert: ExpertSummary }).expert;
              return (
                <Space direction="vertical" size={0}>
                  <span>
                    {e.name}（{e.employerName}）· {t('sel.experts.loadValue', { submitted: e.submitted, load: e.load })}
                  </span>
                  <Space size={[0, 2]} wrap>
                    {e.expertise.map((tag) => (
                      <Tag key={tag} color="blue" style={{ fontSize: 11 }}>
                        {tag}
                      </Tag>
                    ))}
                  </Space>
                </Space>
              );
            }}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('sel.reason')}
          rules={[
            { required: true, whitespace: true, message: t('common.enter', { field: t('sel.reason') }) },
            { min: 2, max: 2000, message: t('sel.reasonLength') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="assignment-add-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
