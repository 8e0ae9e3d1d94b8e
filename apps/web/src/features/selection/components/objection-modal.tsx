import type { Objection, ResolveObjectionBody } from '@shenbao/contracts';
import { Alert, Checkbox, Descriptions, Form, Input, Modal, Radio } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { applyServerErrors } from '../../../ui/form-errors.ts';
import { formatDateTime } from '../../../ui/format.ts';

interface ObjectionModalProps {
  objection: Objection | null;
  onSubmit: (body: ResolveObjectionBody) => Promise<void>;
  onClose: () => void;
}

/** 处理异议: 异议成立 (optionally removing the project from the list) or 异议不成立, with the recorded outcome. */
export function ObjectionModal({ objection, onSubmit, onClose }: ObjectionModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<ResolveObjectionBody>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const status = Form.useWatch('status', form);
  const submit = async () => {
    let values: ResolveObjectionBody;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setErrors([]);
    try {
      await onSubmit({ status: values.status, outcome: values.outcome.trim(), ...(values.status === 'upheld' && values.removeFromList ? { removeFromList: true } : {}) });
    } catch (cause) {
      setErrors(applyServerErrors(form, cause, ['status', 'outcome', 'removeFromList']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={objection !== null}
      width={640}
      title={t('sel.objections.resolveTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('sel.objections.resolve')}
      okButtonProps={{ loading: saving, 'data-testid': 'objection-confirm' } as ButtonProps}
      destroyOnHidden
    >
      {objection && (
        <Descriptions
          size="small"
          bordered
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'who', label: t('sel.objections.lodger'), children: `${objection.name} · ${objection.phone}${objection.email ? ` · ${objection.email}` : ''}` },
            { key: 'when', label: t('sel.objections.lodgedAt'), children: formatDateTime(objection.lodgedAt) },
            { key: 'project', label: t('applications.projectName'), children: objection.projectName ?? t('sel.objections.wholeList') },
            { key: 'content', label: t('sel.objections.content'), children: <div style={{ whiteSpace: 'pre-wrap' }}>{objection.content}</div> },
          ]}
        />
      )}
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 12 }} data-testid="objection-error" />}
      <Form<ResolveObjectionBody> form={form} layout="vertical" preserve={false}>
        <Form.Item name="status" label={t('sel.objections.conclusion')} rules={[{ required: true, message: t('common.choose', { field: t('sel.objections.conclusion') }) }]}>
          <Radio.Group
            data-testid="objection-status"
            options={[
              { value: 'dismissed', label: <span data-testid="objection-dismissed">{t('sel.objections.dismissed')}</span> },
              { value: 'upheld', label: <span data-testid="objection-upheld">{t('sel.objections.upheld')}</span> },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="outcome"
          label={t('sel.objections.outcome')}
          rules={[
            { required: true, whitespace: true, message: t('common.enter', { field: t('sel.objections.outcome') }) },
            { min: 2, max: 2000, message: t('sel.reasonLength') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="objection-outcome" />
        </Form.Item>
        {status === 'upheld' && objection?.applicationId && (
          <Form.Item name="removeFromList" valuePropName="checked">
            <Checkbox data-testid="objection-remove">{t('sel.objections.removeFromList', { project: objection.projectName ?? '' })}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
