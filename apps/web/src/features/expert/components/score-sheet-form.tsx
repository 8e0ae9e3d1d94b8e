import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import type { ExpertAssignmentDetail } from '@shenbao/contracts';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Popconfirm, Space, Statistic, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../api/client.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { saveScores } from '../api.ts';
import { fieldNameOf, sheetBody, weightShare, weightedTotal, type Rubric, type SheetValues } from '../score-sheet.ts';

interface ScoreSheetFormProps {
  detail: ExpertAssignmentDetail;
  rubric: Rubric;
  onSaved: (next: ExpertAssignmentDetail) => void;
}

/** 评分表: each criterion with its weight, a score within the scale and a comment (required where the rubric says), the overall opinion. */
export function ScoreSheetForm({ detail, rubric, onSaved }: ScoreSheetFormProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<SheetValues>();
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const values = Form.useWatch([], form) as SheetValues | undefined;
  const submitted = detail.assignment.submittedAt !== null;
  const readOnly = submitted || detail.callStatus !== 'scoring';
  const total = weightedTotal(rubric, values?.scores ?? detail.sheet.scores);
  const scale = `${rubric.scaleMin}–${rubric.scaleMax}`;

  const save = async (submit: boolean) => {
    setErrors([]);
    let v: SheetValues;
    if (submit) {
      try {
        v = await form.validateFields();
      } catch {
        setErrors([t('expert.sheet.incomplete')]);
        return;
      }
    } else {
      v = form.getFieldsValue(true);
    }
    setBusy(submit ? 'submit' : 'draft');
    try {
      const next = await saveScores(detail.assignment.id, sheetBody(v, submit));
      message.success(t(submit ? 'expert.sheet.submittedDone' : 'expert.sheet.savedDone'));
      onSaved(next);
    } catch (cause) {
      if (isApiError(cause) && cause.fields.length > 0) {
        const unmatched: string[] = [];
        const placed: { name: (string | number)[]; errors: string[] }[] = [];
        for (const field of cause.fields) {
          const name = fieldNameOf(field.path);
          if (name) placed.push({ name, errors: [field.message] });
          else unmatched.push(field.message);
        }
        form.setFields(placed as never);
        setErrors([cause.message, ...unmatched]);
      } else {
        setErrors([cause instanceof Error ? cause.message : String(cause)]);
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card
      title={t('expert.sheet.title')}
      extra={<Typography.Text type="secondary">{t('expert.sheet.scale', { scale })}</Typography.Text>}
      data-testid="score-sheet"
      data-submitted={submitted}
    >
      {rubric.note && <Alert type="info" showIcon message={rubric.note} style={{ marginBottom: 12 }} />}
      {submitted && (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} message={t('expert.sheet.submittedAt', { time: formatDateTime(detail.assignment.submittedAt) })} data-testid="sheet-submitted" />
      )}
      {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 12 }} data-testid="sheet-error" />}
      <Form<SheetValues>
        form={form}
        layout="vertical"
        disabled={readOnly}
        initialValues={{ scores: detail.sheet.scores, comments: detail.sheet.comments, opinion: detail.sheet.opinion }}
      >
        {rubric.criteria.map((c) => (
          <div key={c.id} style={{ borderBottom: '1px solid #f0f0f0', marginBottom: 12 }} data-testid={`criterion-${c.id}`}>
            <Space align="baseline" style={{ marginBottom: 4 }} wrap>
              <Typography.Text strong>{c.label}</Typography.Text>
              <Typography.Text type="secondary">{t('expert.sheet.weight', { share: weightShare(rubric, c.weight) })}</Typography.Text>
            </Space>
            {c.description && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
                {c.description}
              </Typography.Paragraph>
            )}
            <Form.Item
              name={['scores', c.id]}
              label={t('expert.sheet.score')}
              rules={[{ required: true, message: t('expert.sheet.scoreRequired', { label: c.label }) }]}
            >
              <InputNumber min={rubric.scaleMin} max={rubric.scaleMax} step={rubric.scaleMax - rubric.scaleMin > 20 ? 1 : 0.5} addonAfter={scale} style={{ width: 200 }} data-testid={`score-${c.id}`} />
            </Form.Item>
            <Form.Item
              name={['comments', c.id]}
              label={t('expert.sheet.comment')}
              rules={c.commentRequired ? [{ required: true, whitespace: true, message: t('expert.sheet.commentRequired', { label: c.label }) }] : []}
            >
              <Input.TextArea rows={2} maxLength={2000} showCount placeholder={c.commentRequired ? t('expert.sheet.commentRequiredHint') : undefined} data-testid={`comment-${c.id}`} />
            </Form.Item>
          </div>
        ))}
        <Form.Item name="opinion" label={t('expert.sheet.opinion')} rules={[{ required: true, whitespace: true, message: t('expert.sheet.opinionRequired') }]}>
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="sheet-opinion" />
        </Form.Item>
      </Form>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="end" wrap>
        <Statistic title={t('expert.sheet.total')} value={total ?? '—'} precision={total === null ? undefined : 2} valueStyle={{ fontSize: 22 }} data-testid="sheet-total" />
        {!readOnly && (
          <Space>
            <Button icon={<SaveOutlined />} onClick={() => void save(false)} loading={busy === 'draft'} data-testid="sheet-save">
              {t('expert.sheet.saveDraft')}
            </Button>
            <Popconfirm title={t('expert.sheet.submitConfirm')} description={t('expert.sheet.submitConfirmDetail')} onConfirm={() => save(true)} okButtonProps={{ 'data-testid': 'sheet-submit-confirm' } as ButtonProps}>
              <Button type="primary" icon={<SendOutlined />} loading={busy === 'submit'} data-testid="sheet-submit">
                {t('expert.sheet.submit')}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </Space>
      {detail.others && (
        <Descriptions
          size="small"
          bordered
          column={1}
          title={t('expert.sheet.others')}
          style={{ marginTop: 16 }}
          data-testid="sheet-others"
          items={detail.others.map((o, i) => ({
            key: `${o.label}-${i}`,
            label: o.label,
            children: o.submitted && o.total !== null ? o.total.toFixed(2) : t('expert.sheet.otherPending'),
          }))}
        />
      )}
    </Card>
  );
}
