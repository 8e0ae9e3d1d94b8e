import { OrderedListOutlined, SaveOutlined, SignatureOutlined, UndoOutlined } from '@ant-design/icons';
import type { Recommendation } from '@shenbao/contracts';
import { Alert, App, Button, Card, Col, Row, Space, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { isApiError } from '../../../api/client.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateMinute } from '../../../ui/format.ts';
import { DeadlineCountdown } from '../../programs/components/deadline-countdown.tsx';
import { getRecommendation, saveRanking } from '../api.ts';
import { moveItem, sameOrder, suggestByPriority } from '../ranking.ts';
import { IssueModal } from './issue-modal.tsx';
import { IssuedInfo } from './issued-info.tsx';
import { QuotaPanel } from './quota-panel.tsx';
import { RankingTable } from './ranking-table.tsx';
import { RecommendationStatusTag } from './recommendation-status-tag.tsx';
import { SummaryDownload } from './summary-download.tsx';

const idsOf = (rec: Recommendation) => rec.items.map((item) => item.application.id);

/** Deadline of the round, by the server's clock. */
function DeadlineLine({ deadline, offsetMs, countdown }: { deadline: string | null; offsetMs: number; countdown: boolean }) {
  const { t } = useI18n();
  if (!deadline) return <Typography.Text type="secondary">{t('rec.ranking.noDeadline')}</Typography.Text>;
  return (
    <Space size={8} wrap data-testid="ranking-deadline">
      <Typography.Text>{t('rec.ranking.deadline', { time: formatDateMinute(deadline) })}</Typography.Text>
      {countdown && <DeadlineCountdown closes={deadline} offsetMs={offsetMs} />}
    </Space>
  );
}

interface RankingCardProps {
  initial: Recommendation;
  offsetMs: number;
}

/**
 * One recommendation of this organisation (one channel): the ranked projects, reordered by dragging or 上移/下移 and
 * saved as a whole with the version seen; the quotas it uses; 出具推荐意见; afterwards the signature, read-only.
 */
export function RankingCard({ initial, offsetMs }: RankingCardProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [rec, setRec] = useState(initial);
  const [order, setOrder] = useState(() => idsOf(initial));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issueOpen, setIssueOpen] = useState(false);

  useEffect(() => setOrder(idsOf(rec)), [rec]);

  const rows = useMemo(() => {
    const byId = new Map(rec.items.map((item) => [item.application.id, item]));
    return order.flatMap((id) => byId.get(id) ?? []);
  }, [rec, order]);
  const dirty = !sameOrder(order, idsOf(rec));
  const editable = rec.status === 'draft';
  const testId = `recommendation-${rec.channelId}`;

  const reload = async () => {
    try {
      setRec(await getRecommendation(rec.id));
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  };

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      setRec(await saveRanking(rec.id, { order, version: rec.version }));
      message.success(t('rec.ranking.saved'));
    } catch (cause) {
      const text = cause instanceof Error ? cause.message : String(cause);
      if (isApiError(cause) && cause.code === 'edit_conflict') {
        setError(t('rec.ranking.conflict', { message: text }));
        await reload();
      } else {
        setError(text);
      }
    } finally {
      setSaving(false);
    }
  };

  const suggest = () => {
    setOrder(suggestByPriority(rows).map((item) => item.application.id));
    message.info(t('rec.ranking.suggested'));
  };

  return (
    <Card
      data-testid={testId}
      data-status={rec.status}
      style={{ marginBottom: 16 }}
      title={
        <Space wrap>
          <span>{rec.channelLabel}</span>
          <RecommendationStatusTag status={rec.status} />
        </Space>
      }
      extra={<SummaryDownload recommendationId={rec.id} testId={`${testId}-summary`} />}
    >
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={15}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <DeadlineLine deadline={rec.deadline} offsetMs={offsetMs} countdown={editable} />
            <Typography.Text strong data-testid={`${testId}-count`}>
              {t('rec.ranking.count', { n: rec.items.length })}
            </Typography.Text>
            {editable && rec.items.length > 1 && <Typography.Text type="secondary">{t('rec.ranking.hint')}</Typography.Text>}
            {rec.status === 'issued' && <Alert type="success" showIcon message={t('rec.issued.frozen')} data-testid={`${testId}-issued`} />}
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <QuotaPanel quotas={rec.quotas} />
        </Col>
      </Row>
      {rec.status === 'issued' && <IssuedInfo recommendation={rec} />}
      {error && <Alert type="error" showIcon closable onClose={() => setError(null)} message={error} style={{ marginBottom: 16 }} data-testid={`${testId}-error`} />}
      <RankingTable
        items={rows}
        editable={editable}
        onMove={(from, to) => setOrder((current) => moveItem(current, from, to))}
        linkToReview
        testId={`${testId}-table`}
      />
      {editable && (
        <Space wrap style={{ marginTop: 16 }}>
          <Tooltip title={t('rec.ranking.suggestHint')}>
            <Button icon={<OrderedListOutlined />} disabled={rows.length < 2} onClick={suggest} data-testid={`${testId}-suggest`}>
              {t('rec.ranking.suggest')}
            </Button>
          </Tooltip>
          <Button icon={<UndoOutlined />} disabled={!dirty} onClick={() => setOrder(idsOf(rec))} data-testid={`${testId}-undo`}>
            {t('rec.ranking.undo')}
          </Button>
          <Button type={dirty ? 'primary' : 'default'} icon={<SaveOutlined />} disabled={!dirty} loading={saving} onClick={() => void save()} data-testid={`${testId}-save`}>
            {t('rec.ranking.save')}
          </Button>
          <Tooltip title={dirty ? t('rec.ranking.saveFirst') : rows.length === 0 ? t('rec.ranking.nothingToIssue') : undefined}>
            <Button
              type={dirty ? 'default' : 'primary'}
              icon={<SignatureOutlined />}
              disabled={dirty || rows.length === 0}
              onClick={() => setIssueOpen(true)}
              data-testid={`${testId}-issue`}
            >
              {t('rec.issue.open')}
            </Button>
          </Tooltip>
          {dirty && (
            <Typography.Text type="warning" data-testid={`${testId}-unsaved`}>
              {t('rec.ranking.unsaved')}
            </Typography.Text>
          )}
        </Space>
      )}
      <IssueModal
        open={issueOpen}
        recommendation={rec}
        onClose={() => setIssueOpen(false)}
        onConflict={() => void reload()}
        onIssued={(issued) => {
          setIssueOpen(false);
          setRec(issued);
          message.success(t('rec.issue.done'));
        }}
      />
    </Card>
  );
}
