import type { ReviewOverview, ReviewSettings } from '@shenbao/contracts';
import { Alert, App, Button, Col, Form, InputNumber, Row, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { applyServerErrors } from '../../../ui/form-errors.ts';
import { saveReviewSettings } from '../api.ts';

interface Values {
  reviewsPerApplication: number;
  minLoad: number;
  maxLoad: number;
  poolOrganisationIds: string[];
  /** Shown in per cent, sent as a fraction of the scale. */
  divergencePercent: number;
}

const FIELDS = ['reviewsPerApplication', 'minLoad', 'maxLoad', 'poolOrganisationIds', 'divergencePercent'] as const;

/** 评审设置: k experts per application, the load per expert, the pools taking part, and when scores diverge. */
export function ReviewSettingsForm({ callId, overview, onSaved }: { callId: string; overview: ReviewOverview; onSaved: (next: ReviewOverview) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const s = overview.settings;
  const locked = overview.status === 'closed';

  const submit = async (values: Values) => {
    const body: ReviewSettings = {
      reviewsPerApplication: values.reviewsPerApplication,
      minLoad: values.minLoad,
      maxLoad: values.maxLoad,
      poolOrganisationIds: values.poolOrganisationIds,
      divergenceThreshold: Math.round(values.divergencePercent) / 100,
    };
    setSaving(true);
    setErrors([]);
    try {
      const next = await saveReviewSettings(callId, body);
      message.success(t('sel.settings.saved'));
      onSaved(next);
    } catch (cause) {
      // The server names the contract's fields; the threshold is shown under its per-cent twin.
      const mapped = applyServerErrors(form, cause, [...FIELDS]);
      setErrors(mapped);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      disabled={locked}
      initialValues={{
        reviewsPerApplication: s.reviewsPerApplication,
        minLoad: s.minLoad,
        maxLoad: s.maxLoad,
        poolOrganisationIds: s.poolOrganisationIds,
        divergencePercent: Math.round(s.divergenceThreshold * 100),
      }}
      onFinish={(values) => void submit(values)}
      data-testid="review-settings"
    >
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 12 }} data-testid="settings-error" />}
      <Row gutter={16}>
        <Col xs={12} md={4}>
          <Form.Item name="reviewsPerApplication" label={t('sel.settings.k')} tooltip={t('sel.settings.kHint')} rules={[{ required: true }]}>
            <InputNumber min={1} max={15} precision={0} style={{ width: '100%' }} data-testid="settings-k" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="minLoad" label={t('sel.settings.minLoad')} rules={[{ required: true }]}>
            <InputNumber min={0} max={500} precision={0} style={{ width: '100%' }} data-testid="settings-min" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item
            name="maxLoad"
            label={t('sel.settings.maxLoad')}
            dependencies={['minLoad']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_rule, value: number | null) =>
                  value === null || value === undefined || value >= Number(getFieldValue('minLoad') ?? 0) ? Promise.resolve() : Promise.reject(new Error(t('sel.settings.maxBelowMin'))),
              }),
            ]}
          >
            <InputNumber min={1} max={500} precision={0} style={{ width: '100%' }} data-testid="settings-max" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="divergencePercent" label={t('sel.settings.threshold')} tooltip={t('sel.settings.thresholdHint')} rules={[{ required: true }]}>
            <InputNumber min={5} max={100} precision={0} addonAfter="%" style={{ width: '100%' }} data-testid="settings-threshold" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="poolOrganisationIds" label={t('sel.settings.pools')} rules={[{ required: true, message: t('common.choose', { field: t('sel.settings.pools') }) }]}>
            <Select mode="multiple" optionFilterProp="label" options={overview.pools.map((p) => ({ value: p.id, label: p.name }))} data-testid="settings-pools" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="settings-save">
        {t('sel.settings.save')}
      </Button>
    </Form>
  );
}
