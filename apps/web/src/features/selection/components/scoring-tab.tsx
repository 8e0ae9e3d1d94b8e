import { BellOutlined, CheckCircleFilled, CloseOutlined, FlagFilled, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { AssignResult, ReviewOverview, ReviewRow } from '@shenbao/contracts';
import { Alert, App, Button, Popconfirm, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../api/client.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Mono } from '../../../ui/mono.tsx';
import { ReasonModal } from '../../../ui/reason-modal.tsx';
import { ErrorView, PageLoading } from '../../../ui/status-views.tsx';
import { addAssignment, assignExperts, closeReview, remindExperts, removeAssignment } from '../api.ts';
import { formatScore } from '../scores.ts';
import { ManualAssignmentModal } from './manual-assignment-modal.tsx';

type Assignment = ReviewRow['assignments'][number];

interface ScoringTabProps {
  callId: string;
  overview: ReviewOverview | undefined;
  error: unknown;
  reload: () => void;
}

/** What the last 一键分配 said: the numbers, or why no assignment satisfies the constraints. */
type AssignOutcome = { ok: true; result: AssignResult } | { ok: false; message: string; details: string[] };

function AssignmentTag({ assignment, canRemove, onRemove }: { assignment: Assignment; canRemove: boolean; onRemove: () => void }) {
  const { t } = useI18n();
  const submitted = assignment.submittedAt !== null;
  const tip = [
    t(assignment.matched ? 'sel.scoring.matched' : 'sel.scoring.unmatched'),
    t(assignment.source === 'auto' ? 'sel.scoring.sourceAuto' : 'sel.scoring.sourceManual'),
    submitted ? t('sel.scoring.submittedAt', { time: formatDateTime(assignment.submittedAt) }) : t('sel.scoring.notSubmitted'),
    assignment.remindedAt ? t('sel.scoring.remindedAt', { time: formatDateTime(assignment.remindedAt) }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Tooltip title={tip}>
      <Tag
        color={assignment.matched ? 'green' : 'orange'}
        closable={canRemove && !submitted}
        closeIcon={<CloseOutlined data-testid={`assignment-remove-${assignment.id}`} />}
        onClose={(event) => {
          event.preventDefault();
          onRemove();
        }}
        style={{ marginBottom: 4 }}
        data-testid="assignment-tag"
        data-expert={assignment.expertName}
        data-submitted={submitted}
        data-matched={assignment.matched}
      >
        {submitted && <CheckCircleFilled style={{ marginRight: 4 }} />}
        {assignment.expertName}
        {assignment.total !== null && <span style={{ marginLeft: 4, fontWeight: 600 }}>{formatScore(assignment.total)}</span>}
        {!assignment.matched && <span style={{ marginLeft: 4 }}>{t('sel.scoring.unmatchedShort')}</span>}
      </Tag>
    </Tooltip>
  );
}

/**
 * 分配与评分: 一键分配 (or why it cannot be done), progress per application, the experts with their expertise match,
 * manual changes with a reason, reminders, and the scores (mean, median, spread, normalised) with divergent rows flagged.
 */
export function ScoringTab({ callId, overview, error, reload }: ScoringTabProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [outcome, setOutcome] = useState<AssignOutcome | null>(null);
  const [busy, setBusy] = useState<'assign' | 'remind' | 'close' | null>(null);
  const [removing, setRemoving] = useState<Assignment | null>(null);
  const [addingTo, setAddingTo] = useState<ReviewRow | null>(null);

  if (error !== undefined) return <ErrorView error={error} onRetry={reload} />;
  if (!overview) return <PageLoading />;

  const closed = overview.status === 'closed';
  const { done, total } = overview.progress;
  const scale = overview.rubric ? `${overview.rubric.scaleMin}–${overview.rubric.scaleMax}` : '—';
  const divergent = overview.rows.filter((r) => r.stats?.divergent).length;

  const run = async (what: 'assign' | 'remind' | 'close') => {
    setBusy(what);
    try {
      if (what === 'assign') {
        const result = await assignExperts(callId);
        setOutcome({ ok: true, result });
      } else if (what === 'remind') {
        const result = await remindExperts(callId);
        message.success(t('sel.scoring.reminded', { n: result.reminded }));
      } else {
        await closeReview(callId);
        message.success(t('sel.scoring.closedDone'));
      }
    } catch (cause) {
      if (what === 'assign' && isApiError(cause)) {
        // The fields list each reason; those the message already says are not repeated.
        setOutcome({ ok: false, message: cause.message, details: cause.fields.map((f) => f.message).filter((m) => !cause.message.includes(m)) });
      } else {
        message.error(cause instanceof Error ? cause.message : String(cause));
      }
    } finally {
      setBusy(null);
      reload();
    }
  };

  return (
    <div data-testid="scoring-tab">
      <Space wrap align="center" style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Space align="center" size={16}>
          <Progress type="circle" size={56} percent={total === 0 ? 0 : Math.round((done / total) * 100)} />
          <div>
            <Typography.Text strong data-testid="scoring-progress">
              {t('sel.scoring.progress', { done, total })}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {t('sel.scoring.settingsLine', { k: overview.settings.reviewsPerApplication, n: overview.rows.length, experts: overview.experts.length, scale })}
              </Typography.Text>
            </div>
          </div>
        </Space>
        <Space wrap>
          <Popconfirm title={t('sel.scoring.assignConfirm')} description={t('sel.scoring.assignConfirmDetail')} onConfirm={() => run('assign')} disabled={closed}>
            <Button type="primary" icon={<ThunderboltOutlined />} loading={busy === 'assign'} disabled={closed} data-testid="scoring-assign">
              {t('sel.scoring.assign')}
            </Button>
          </Popconfirm>
          <Button icon={<BellOutlined />} onClick={() => void run('remind')} loading={busy === 'remind'} disabled={closed || done === total} data-testid="scoring-remind">
            {t('sel.scoring.remind')}
          </Button>
          <Popconfirm
            title={t('sel.scoring.closeConfirm')}
            description={done < total ? t('sel.scoring.closeIncomplete', { left: total - done }) : t('sel.scoring.closeDetail')}
            onConfirm={() => run('close')}
            disabled={closed}
          >
            <Button danger loading={busy === 'close'} disabled={closed} data-testid="scoring-close">
              {t('sel.scoring.close')}
            </Button>
          </Popconfirm>
        </Space>
      </Space>

      {outcome?.ok && (
        <Alert
          type={outcome.result.unmatched > 0 ? 'warning' : 'success'}
          showIcon
          closable
          onClose={() => setOutcome(null)}
          style={{ marginBottom: 12 }}
          message={t('sel.scoring.assignDone', { assigned: outcome.result.assigned, kept: outcome.result.kept, unmatched: outcome.result.unmatched })}
          description={t('sel.scoring.assignCost', { cost: outcome.result.cost })}
          data-testid="assign-result"
        />
      )}
      {outcome && !outcome.ok && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setOutcome(null)}
          style={{ marginBottom: 12 }}
          message={t('sel.scoring.assignInfeasible')}
          description={
            <>
              <div>{outcome.message}</div>
              {outcome.details.length > 0 && (
                <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                  {outcome.details.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              )}
            </>
          }
          data-testid="assign-infeasible"
        />
      )}

      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={t('sel.scoring.methodTitle')}
        description={
          <>
            <Typography.Paragraph style={{ marginBottom: 4, whiteSpace: 'pre-wrap' }} data-testid="normalisation-method">
              {overview.normalisationMethod}
            </Typography.Paragraph>
            <Typography.Text type="secondary">{t('sel.scoring.divergenceRule', { percent: Math.round(overview.settings.divergenceThreshold * 100), scale })}</Typography.Text>
          </>
        }
      />
      {divergent > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('sel.scoring.divergentCount', { n: divergent })} />}

      <style>{'.row-divergent > td { background: #fff7e6 !important; }'}</style>
      <Table<ReviewRow>
        rowKey="applicationId"
        size="middle"
        dataSource={overview.rows}
        pagination={overview.rows.length > 30 ? { pageSize: 30 } : false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('sel.scoring.empty') }}
        rowClassName={(row) => (row.stats?.divergent ? 'row-divergent' : '')}
        data-testid="scoring-table"
        columns={[
          { title: t('applications.number'), key: 'number', width: 130, render: (_v, r) => <Mono>{r.number ?? t('common.empty')}</Mono> },
          {
            title: t('applications.projectName'),
            key: 'project',
            width: 240,
            render: (_v, r) => (
              <>
                <div>{r.projectName ?? t('applications.untitled')}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.applicantName}
                  {r.directionLabel ? ` · ${r.directionLabel}` : ''}
                </Typography.Text>
                {r.stats?.divergent && (
                  <div>
                    <Tag color="warning" icon={<FlagFilled />} data-testid="divergent-flag">
                      {t('sel.scoring.divergent')}
                    </Tag>
                  </div>
                )}
              </>
            ),
          },
          {
            title: t('sel.scoring.progressCol'),
            key: 'progress',
            width: 90,
            render: (_v, r) => (
              <Typography.Text type={r.done >= r.required && r.required > 0 ? 'success' : undefined} data-testid={`row-progress-${r.applicationId}`}>
                {t('sel.scoring.rowProgress', { done: r.done, required: r.required })}
              </Typography.Text>
            ),
          },
          {
            title: t('sel.scoring.experts'),
            key: 'experts',
            width: 280,
            render: (_v, r) => (
              <div data-testid={`row-experts-${r.applicationId}`}>
                {r.assignments.map((a) => (
                  <AssignmentTag key={a.id} assignment={a} canRemove={!closed} onRemove={() => setRemoving(a)} />
                ))}
                {!closed && (
                  <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => setAddingTo(r)} data-testid={`assignment-add-${r.applicationId}`}>
                    {t('sel.scoring.addExpert')}
                  </Button>
                )}
              </div>
            ),
          },
          { title: t('sel.scoring.mean'), key: 'mean', width: 80, align: 'right', render: (_v, r) => <span data-testid="stat-mean">{formatScore(r.stats?.mean)}</span> },
          { title: t('sel.scoring.median'), key: 'median', width: 80, align: 'right', render: (_v, r) => <span data-testid="stat-median">{formatScore(r.stats?.median)}</span> },
          { title: t('sel.scoring.spread'), key: 'spread', width: 70, align: 'right', render: (_v, r) => <span data-testid="stat-spread">{formatScore(r.stats?.spread)}</span> },
          {
            title: <Tooltip title={t('sel.scoring.normalizedHint')}>{t('sel.scoring.normalized')}</Tooltip>,
            key: 'normalized',
            width: 100,
            align: 'right',
            render: (_v, r) => (
              <Typography.Text strong data-testid="stat-normalized">
                {formatScore(r.stats?.normalized)}
              </Typography.Text>
            ),
          },
        ]}
      />

      <ReasonModal
        open={removing !== null}
        title={t('sel.scoring.removeTitle', { expert: removing?.expertName ?? '' })}
        intro={t('sel.scoring.removeIntro')}
        reasonLabel={t('sel.reason')}
        reasonLengthMessage={t('sel.reasonLength')}
        maxLength={2000}
        okText={t('sel.scoring.remove')}
        testId="assignment-remove"
        onClose={() => setRemoving(null)}
        onSubmit={async (reason) => {
          if (!removing) return;
          await removeAssignment(removing.id, reason);
          message.success(t('sel.scoring.removedDone'));
          setRemoving(null);
          reload();
        }}
      />
      <ManualAssignmentModal
        row={addingTo}
        experts={overview.experts}
        onClose={() => setAddingTo(null)}
        onSubmit={async (expertUserId, reason) => {
          if (!addingTo) return;
          await addAssignment(callId, { applicationId: addingTo.applicationId, expertUserId, reason });
          message.success(t('sel.scoring.addedDone'));
          setAddingTo(null);
          reload();
        }}
      />
    </div>
  );
}
