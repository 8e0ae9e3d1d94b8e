import { CheckCircleFilled, ClockCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { CONFLICT_KIND_LABELS, type ConflictEntry, type ExpertSummary, type ReviewOverview } from '@shenbao/contracts';
import { App, Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { ReasonModal } from '../../../ui/reason-modal.tsx';
import { Section } from '../../../ui/section.tsx';
import { ErrorView, PageLoading } from '../../../ui/status-views.tsx';
import { getCandidates, getConflicts, recordConflict } from '../api.ts';
import { ConflictModal } from './conflict-modal.tsx';
import { ReviewSettingsForm } from './review-settings-form.tsx';

interface ExpertsTabProps {
  callId: string;
  overview: ReviewOverview | undefined;
  error: unknown;
  reload: () => void;
}

function StatementMark({ signed, label }: { signed: boolean; label: string }) {
  return (
    <Tooltip title={label}>
      {signed ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <ClockCircleOutlined style={{ color: 'rgba(0,0,0,0.25)' }} />}
    </Tooltip>
  );
}

/** 专家与回避: the review settings, the experts of the chosen pools, and every conflict (detected or recorded). */
export function ExpertsTab({ callId, overview, error, reload }: ExpertsTabProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const conflicts = useRequest((signal) => getConflicts(callId, signal), [callId]);
  const candidates = useRequest((signal) => getCandidates(callId, signal), [callId]);
  const [lifting, setLifting] = useState<ConflictEntry | null>(null);
  const [adding, setAdding] = useState<Partial<ConflictEntry> | null>(null);

  if (error !== undefined) return <ErrorView error={error} onRetry={reload} />;
  if (!overview) return <PageLoading />;

  const applicants = new Map<string, string>();
  for (const c of candidates.data?.items ?? []) applicants.set(c.applicantOrganisationId, c.applicantName);
  const conflictItems = conflicts.data?.items ?? [];

  return (
    <div data-testid="experts-tab">
      <Section title={t('sel.settings.title')}>
        <ReviewSettingsForm
          key={callId}
          callId={callId}
          overview={overview}
          onSaved={() => {
            // Other pools, other experts: their conflicts change too.
            reload();
            conflicts.reload();
          }}
        />
      </Section>

      <Section title={t('sel.experts.title', { n: overview.experts.length })}>
        <Table<ExpertSummary>
          rowKey="userId"
          size="small"
          dataSource={overview.experts}
          pagination={overview.experts.length > 20 ? { pageSize: 20 } : false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('sel.experts.empty') }}
          data-testid="experts-table"
          columns={[
            {
              title: t('sel.experts.name'),
              key: 'name',
              width: 160,
              render: (_v, e) => (
                <>
                  <div>{e.name}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {e.title}
                  </Typography.Text>
                </>
              ),
            },
            { title: t('sel.experts.employer'), dataIndex: 'employerName', width: 200 },
            { title: t('sel.experts.pool'), dataIndex: 'poolName', width: 200 },
            {
              title: t('sel.experts.expertise'),
              key: 'expertise',
              width: 260,
              render: (_v, e) => (
                <Space size={[0, 4]} wrap>
                  {e.expertise.map((tag) => (
                    <Tag key={tag} color="blue">
                      {tag}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            { title: t('sel.experts.load'), key: 'load', width: 110, render: (_v, e) => t('sel.experts.loadValue', { submitted: e.submitted, load: e.load }) },
            {
              title: t('sel.experts.statements'),
              key: 'statements',
              width: 110,
              render: (_v, e) => (
                <Space data-testid={`expert-statements-${e.userId}`}>
                  <StatementMark signed={e.signedBefore} label={t(e.signedBefore ? 'sel.experts.signedBefore' : 'sel.experts.unsignedBefore')} />
                  <StatementMark signed={e.signedAfter} label={t(e.signedAfter ? 'sel.experts.signedAfter' : 'sel.experts.unsignedAfter')} />
                </Space>
              ),
            },
            {
              title: t('sel.col.actions'),
              key: 'actions',
              width: 110,
              render: (_v, e) => (
                <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => setAdding({ expertUserId: e.userId })} data-testid={`conflict-add-${e.userId}`}>
                  {t('sel.conflicts.pin')}
                </Button>
              ),
            },
          ]}
        />
      </Section>

      <Section
        title={t('sel.conflicts.title', { n: conflictItems.filter((c) => c.state === 'active').length })}
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setAdding({})} data-testid="conflict-add">
            {t('sel.conflicts.add')}
          </Button>
        }
      >
        {conflicts.error !== undefined ? (
          <ErrorView error={conflicts.error} onRetry={conflicts.reload} />
        ) : (
          <Table<ConflictEntry>
            rowKey={(c) => `${c.expertUserId}:${c.applicantOrganisationId}:${c.kind}`}
            size="small"
            loading={conflicts.loading}
            dataSource={conflictItems}
            pagination={conflictItems.length > 20 ? { pageSize: 20 } : false}
            locale={{ emptyText: t('sel.conflicts.empty') }}
            data-testid="conflicts-table"
            rowClassName={(c) => (c.state === 'lifted' ? 'conflict-lifted' : '')}
            columns={[
              { title: t('sel.conflicts.expert'), dataIndex: 'expertName', width: 120 },
              { title: t('sel.conflicts.applicant'), dataIndex: 'applicantName', width: 220 },
              { title: t('sel.conflicts.kind'), key: 'kind', width: 150, render: (_v, c) => <Tag color="volcano">{c.kindLabel || CONFLICT_KIND_LABELS[c.kind]}</Tag> },
              {
                title: t('sel.conflicts.source'),
                key: 'source',
                width: 100,
                render: (_v, c) => <Tag color={c.source === 'detected' ? 'geekblue' : 'gold'}>{t(c.source === 'detected' ? 'sel.conflicts.detected' : 'sel.conflicts.recorded')}</Tag>,
              },
              {
                title: t('sel.conflicts.state'),
                key: 'state',
                width: 90,
                render: (_v, c) => (
                  <Tag color={c.state === 'active' ? 'error' : 'default'} data-testid="conflict-state" data-state={c.state}>
                    {t(c.state === 'active' ? 'sel.conflicts.active' : 'sel.conflicts.lifted')}
                  </Tag>
                ),
              },
              { title: t('sel.conflicts.reason'), dataIndex: 'reason' },
              {
                title: t('sel.col.actions'),
                key: 'actions',
                width: 110,
                render: (_v, c) =>
                  c.state === 'active' ? (
                    <Button size="small" type="link" danger onClick={() => setLifting(c)} data-testid="conflict-lift">
                      {t('sel.conflicts.lift')}
                    </Button>
                  ) : (
                    <Button size="small" type="link" onClick={() => setAdding(c)} data-testid="conflict-repin">
                      {t('sel.conflicts.repin')}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </Section>

      <ReasonModal
        open={lifting !== null}
        title={t('sel.conflicts.liftTitle', { expert: lifting?.expertName ?? '', applicant: lifting?.applicantName ?? '' })}
        intro={t('sel.conflicts.liftIntro')}
        reasonLabel={t('sel.conflicts.reason')}
        reasonLengthMessage={t('sel.reasonLength')}
        maxLength={2000}
        okText={t('sel.conflicts.lift')}
        testId="conflict-lift"
        onClose={() => setLifting(null)}
        onSubmit={async (reason) => {
          if (!lifting) return;
          await recordConflict(callId, { expertUserId: lifting.expertUserId, applicantOrganisationId: lifting.applicantOrganisationId, kind: lifting.kind, state: 'lifted', reason });
          message.success(t('sel.conflicts.liftedDone'));
          setLifting(null);
          conflicts.reload();
          reload();
        }}
      />
      <ConflictModal
        open={adding !== null}
        initial={adding ?? {}}
        experts={overview.experts}
        applicants={[...applicants].map(([id, name]) => ({ id, name }))}
        onClose={() => setAdding(null)}
        onSubmit={async (body) => {
          await recordConflict(callId, { ...body, state: 'pinned' });
          message.success(t('sel.conflicts.pinnedDone'));
          setAdding(null);
          conflicts.reload();
          reload();
        }}
      />
    </div>
  );
}
