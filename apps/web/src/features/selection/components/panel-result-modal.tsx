import type { DefenceOverview, PanelResultBody } from '@shenbao/contracts';
import { Alert, Form, Input, InputNumber, Modal, Radio } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { applyServerErrors } from '../../../ui/form-errors.ts';
import { savePanelResult } from '../api.ts';

type Session = DefenceOverview['sessions'][number];
type Slot = Session['slots'][number];

interface Values {
  scores: Record<string, number>;
  panelRecommendation: PanelResultBody['panelRecommendation'];
  panelOpinion: string;
}

interface PanelResultModalProps {
  target: { session: Session; slot: Slot } | null;
  scaleMin: number;
  scaleMax: number;
  onSaved: () => void;
  onClose: () => void;
}

/** 答辩结果: each panelist's score, the panel's recommendation and opinion. */
export function PanelResultModal({ target, scaleMin, scaleMax, onSaved, onClose }: PanelResultModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    if (!target) return;
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setErrors([]);
    try {
      await savePanelResult(target.session.id, target.slot.applicationId, { panelScores: v.scores, panelRecommendation: v.panelRecommendation, panelOpinion: v.panelOpinion.trim() });
      onSaved();
    } catch (cause) {
      setErrors(applyServerErrors(form, cause, ['panelRecommendation', 'panelOpinion']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={target !== null}
      title={t('sel.defence.recordTitle', { project: target?.slot.projectName ?? '' })}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ loading: saving, 'data-testid': 'defence-record-confirm' } as ButtonProps}
      destroyOnHidden
    >
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 12 }} />}
      {target && (
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ scores: target.slot.panelScores, panelRecommendation: target.slot.panelRecommendation ?? undefined, panelOpinion: target.slot.panelOpinion ?? '' }}
        >
          {target.session.panel.map((p) => (
            <Form.Item key={p.userId} name={['scores', p.userId]} label={p.name} rules={[{ required: true, message: t('sel.defence.scoreRequired') }]}>
              <InputNumber min={scaleMin} max={scaleMax} step={0.5} style={{ width: 160 }} addonAfter={`${scaleMin}–${scaleMax}`} />
            </Form.Item>
          ))}
          <Form.Item name="panelRecommendation" label={t('sel.defence.recommendation')} rules={[{ required: true, message: t('common.choose', { field: t('sel.defence.recommendation') }) }]}>
            <Radio.Group
              options={[
                { value: 'recommend', label: t('sel.defence.recommend') },
                { value: 'not_recommend', label: t('sel.defence.notRecommend') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="panelOpinion"
            label={t('sel.defence.opinion')}
            rules={[
              { required: true, whitespace: true, message: t('common.enter', { field: t('sel.defence.opinion') }) },
              { min: 2, max: 4000, message: t('sel.reasonLength') },
            ]}
          >
            <Input.TextArea rows={3} maxLength={4000} showCount />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
