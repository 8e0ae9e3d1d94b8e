import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import type { ExpertAssignmentDetail } from '@shenbao/contracts';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Popconfirm, Row, Space, Statistic, Typography } from 'antd';
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

/** Other experts' totals, anonymous, once this expert's own sheet is in. */
function OthersTotals({ others }: { others: NonNullable<ExpertAssignmentDetail['others']> }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      title={t('expert.sheet.others')}
      style={{ marginTop: 16 }}
      data-testid="sheet-others"
      items={others.map((o, i) => ({
        key: `${o.label}-${i}`,
        label: o.label,
        children: o.submitted && o.total !== null ? o.total.toFixed(2) : t('expert.sheet.otherPending'),
      }))}
    />
  );
}

/** The sheet as submitted (or as it stood when the review closed): scores, comments, opinion and the total. */
function SheetView({ detail, rubric }: { detail: ExpertAssignmentDetail; rubric: Rubric }) {
  const { t } = useI18n();
  const { sheet } = detail;
  const total = detail.assignment.total ?? weightedTotal(rubric, sheet.scores);
  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={1}
        styles={{ label: { width: 130, verticalAlign: 'top' } }}
        data-testid="sheet-view"
        items={[
          ...rubric.criteria.map((c) => ({
            key: c.id,
            label: (
              <>
                <div>{c.label}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('expert.sheet.weight', { share: weightShare(rubric, c.weight) })}
                </Typography.Text>
              </>
            ),
            children: (
              <>
                <Typography.Text strong data-testid={`sheet-view-score-${c.id}`}>
                  {sheet.scores[c.id] ?? '—'}
                </Typography.Text>
                {sheet.comments[c.id] && <div style={{ whiteSpace: 'pre-wrap' }}>{sheet.comments[c.id]}</div>}
              </>
            ),
          })),
          { key: 'opinion', label: t('expert.sheet.opinion'), children: <div style={{ whiteSpace: 'pre-wrap' }}>{sheet.opinion || '—'}</div> },
          { key: 'total', label: t('expert.sheet.total'), children: <Typography.Text strong data-testid="sheet-total">{total === null ? '—' : total.toFixed(2)}</Typography.Text> },
        ]}
      />
      {detail.others && <OthersTotals others={detail.others} />}
    </>
  );
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
      {readOnly ? (
        <SheetView detail={detail} rubric={rubric} />
      ) : (
        <>
          {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 12 }} data-testid="sheet-error" />}
          <Form<SheetValues> form={form} layout="vertical" initialValues={{ scores: detail.sheet.scores, comments: detail.sheet.comments, opinion: detail.sheet.opinion }}>
            {rubric.criteria.map((c) => (
              <div key={c.id} style={{ borderBottom: '1px solid #f0f0f0', marginBottom: 12 }} data-testid={`criterion-${c.id}`}>
                <Space align="baseline" size={8} wrap style={{ marginBottom: 4 }}>
                  <Typography.Text strong>
                    <span style={{ color: '#ff4d4f', marginRight: 4 }}>*</span>
                    {c.label}
                  </Typography.Text>
                  <Typography.Text type="secondary">{t('expert.sheet.weight', { share: weightShare(rubric, c.weight) })}</Typography.Text>
                  {c.description && c.description !== c.label && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.description}
                    </Typography.Text>
                  )}
                </Space>
                <Row gutter={8}>
                  <Col flex="150px">
                    <Form.Item name={['scores', c.id]} rules={[{ required: true, message: t('expert.sheet.scoreRequired', { label: c.label }) }]}>
                      <InputNumber
                        min={rubric.scaleMin}
                        max={rubric.scaleMax}
                        step={rubric.scaleMax - rubric.scaleMin > 20 ? 1 : 0.5}
                        placeholder={scale}
                        aria-label={`${c.label}${t('expert.sheet.score')}`}
                        style={{ width: '100%' }}
                        data-testid={`score-${c.id}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex="auto">
                    <Form.Item
                      name={['comments', c.id]}
                      rules={c.commentRequired ? [{ required: true, whitespace: true, message: t('expert.sheet.commentRequired', { label: c.label }) }] : []}
                    >
                      <Input.TextArea
                        autoSize={{ minRows: 1, maxRows: 5 }}
                        maxLength={2000}
                        placeholder={c.commentRequired ? t('expert.sheet.commentRequiredHint') : t('expert.sheet.comment')}
                        aria-label={`${c.label}${t('expert.sheet.comment')}`}
                        data-testid={`comment-${c.id}`}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              </div>
            ))}
            <Form.Item name="opinion" label={t('expert.sheet.opinion')} rules={[{ required: true, whitespace: true, message: t('expert.sheet.opinionRequired') }]}>
              <Input.TextArea rows={3} maxLength={4000} showCount data-testid="sheet-opinion" />
            </Form.Item>
          </Form>
          <Space style={{ width: '100%', justifyContent: 'space-between' }} align="end" wrap>
            <Statistic title={t('expert.sheet.total')} value={total ?? '—'} precision={total === null ? undefined : 2} valueStyle={{ fontSize: 22 }} data-testid="sheet-total" />
            <Space>
              <Button icon={<SaveOutlined />} onClick={() => void save(false)} loading={busy === 'draft'} data-testid="sheet-save">
                {t('expert.sheet.saveDraft')}
              </Button>
              <Popconfirm
                title={t('expert.sheet.submitConfirm')}
                description={t('expert.sheet.submitConfirmDetail')}
                onConfirm={() => save(true)}
                okButtonProps={{ 'data-testid': 'sheet-submit-confirm' } as ButtonProps}
              >
                <Button type="primary" icon={<SendOutlined />} loading={busy === 'submit'} data-testid="sheet-submit">
                  {t('expert.sheet.submit')}
                </Button>
              </Popconfirm>
            </Space>
          </Space>
        </>
      )}
    </Card>
  );
}
