import { CheckCircleOutlined, CloseCircleOutlined, RollbackOutlined } from '@ant-design/icons';
import type { ApplicationSummary, InboxItem, PackForm } from '@shenbao/contracts';
import { Alert, Button, Card, Checkbox, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../api/client.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { reviewApplication } from '../api.ts';
import { ReturnModal } from './return-modal.tsx';

export type DecisionOutcome = 'passed' | 'rejected' | 'returned';

interface DecisionPanelProps {
  application: ApplicationSummary;
  decision: InboxItem['decision'];
  checklist: readonly { id: string; label: string }[];
  form: PackForm;
  /** 退回修改 is the application's own recommender's, and only while it waits for a first decision. */
  canReturn: boolean;
  onDone: (outcome: DecisionOutcome) => void;
}

interface PanelErrors {
  message: string | null;
  checklist: Record<string, string>;
  opinion: string | null;
}

const NO_ERRORS: PanelErrors = { message: null, checklist: {}, opinion: null };

/** Field errors of a review answer: '/body/checklist/<id>' and '/body/opinion'; the rest stays in the message. */
function panelErrors(cause: unknown): PanelErrors {
  if (!isApiError(cause)) return { ...NO_ERRORS, message: cause instanceof Error ? cause.message : String(cause) };
  const out: PanelErrors = { message: cause.message, checklist: {}, opinion: null };
  for (const field of cause.fields) {
    const checklist = /^\/body\/checklist\/(.+)$/.exec(field.path);
    if (checklist?.[1]) out.checklist[checklist[1]] = field.message;
    else if (field.path === '/body/opinion') out.opinion = field.message;
  }
  return out;
}

/** 审核: the formal checklist (形式审查), the opinion, and 审核通过 / 退回修改 / 不予推荐. */
export function DecisionPanel({ application, decision, checklist, form, canReturn, onDone }: DecisionPanelProps) {
  const { t } = useI18n();
  const [checked, setChecked] = useState<Record<string, boolean>>(() => ({ ...(decision?.checklist ?? {}) }));
  const [opinion, setOpinion] = useState(decision?.opinion ?? '');
  const [errors, setErrors] = useState<PanelErrors>(NO_ERRORS);
  const [busy, setBusy] = useState<'passed' | 'rejected' | null>(null);
  const [returnOpen, setReturnOpen] = useState(false);
  const closed = ['draft', 'withdrawn', 'returned'].includes(application.status);

  const decide = async (kind: 'passed' | 'rejected') => {
    // The same checks as the server's, before asking it.
    if (kind === 'passed') {
      const missing = checklist.filter((c) => checked[c.id] !== true);
      if (missing.length > 0) {
        setErrors({ message: t('rec.decision.checklistIncomplete'), checklist: Object.fromEntries(missing.map((c) => [c.id, t('rec.decision.confirm', { label: c.label })])), opinion: null });
        return;
      }
    } else if (opinion.trim().length < 2) {
      setErrors({ ...NO_ERRORS, message: t('rec.decision.opinionRequired'), opinion: t('rec.decision.opinionRequiredField') });
      return;
    }
    setBusy(kind);
    setErrors(NO_ERRORS);
    try {
      const list = Object.fromEntries(checklist.map((c) => [c.id, checked[c.id] === true]));
      await reviewApplication(application.id, { decision: kind, opinion: opinion.trim(), checklist: list });
      onDone(kind);
    } catch (cause) {
      setErrors(panelErrors(cause));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card size="small" title={t('rec.decision.title')} data-testid="decision-panel">
      {decision && (
        <Alert
          type={decision.decision === 'passed' ? 'success' : 'error'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="decision-current"
          message={t('rec.decision.current', { time: formatDateTime(decision.decidedAt), decision: t(decision.decision === 'passed' ? 'rec.decision.passed' : 'rec.decision.rejected') })}
          description={decision.opinion ? t('history.opinion', { opinion: decision.opinion }) : undefined}
        />
      )}
      {closed ? (
        <Alert type="info" showIcon message={t('rec.decision.closed', { status: application.statusLabel })} data-testid="decision-closed" />
      ) : (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <div>
            <Typography.Text strong>{t('rec.decision.checklist')}</Typography.Text>
            <Space direction="vertical" size={4} style={{ display: 'flex', marginTop: 8 }}>
              {checklist.map((item) => (
                <div key={item.id}>
                  <Checkbox
                    checked={checked[item.id] === true}
                    onChange={(e) => setChecked((current) => ({ ...current, [item.id]: e.target.checked }))}
                    data-testid={`checklist-${item.id}`}
                  >
                    {item.label}
                  </Checkbox>
                  {errors.checklist[item.id] && (
                    <div>
                      <Typography.Text type="danger" style={{ fontSize: 12 }}>
                        {errors.checklist[item.id]}
                      </Typography.Text>
                    </div>
                  )}
                </div>
              ))}
            </Space>
          </div>
          {/* Room below the textarea for its character count. */}
          <div style={{ paddingBottom: 12 }}>
            <Typography.Text strong>{t('rec.decision.opinion')}</Typography.Text>
            <Input.TextArea
              rows={4}
              maxLength={2000}
              showCount
              value={opinion}
              status={errors.opinion ? 'error' : undefined}
              onChange={(e) => setOpinion(e.target.value)}
              placeholder={t('rec.decision.opinionPlaceholder')}
              style={{ marginTop: 8 }}
              data-testid="decision-opinion"
            />
            {errors.opinion && (
              <Typography.Text type="danger" style={{ fontSize: 12, display: 'block', marginTop: 16 }}>
                {errors.opinion}
              </Typography.Text>
            )}
          </div>
          {errors.message && <Alert type="error" showIcon message={errors.message} data-testid="decision-error" />}
          <Space wrap>
            <Button type="primary" icon={<CheckCircleOutlined />} loading={busy === 'passed'} disabled={busy !== null} onClick={() => void decide('passed')} data-testid="decision-pass">
              {t('rec.decision.pass')}
            </Button>
            {canReturn && (
              <Button icon={<RollbackOutlined />} disabled={busy !== null} onClick={() => setReturnOpen(true)} data-testid="decision-return">
                {t('rec.decision.return')}
              </Button>
            )}
            <Button danger icon={<CloseCircleOutlined />} loading={busy === 'rejected'} disabled={busy !== null} onClick={() => void decide('rejected')} data-testid="decision-reject">
              {t('rec.decision.reject')}
            </Button>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('rec.decision.hint')}
          </Typography.Text>
        </Space>
      )}
      <ReturnModal
        open={returnOpen}
        applicationId={application.id}
        form={form}
        initialOpinion={opinion}
        onClose={() => setReturnOpen(false)}
        onReturned={() => {
          setReturnOpen(false);
          onDone('returned');
        }}
      />
    </Card>
  );
}
