import { PlusOutlined } from '@ant-design/icons';
import type { DefenceOverview, ReviewOverview } from '@shenbao/contracts';
import { App, Button, Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Mono } from '../../../ui/mono.tsx';
import { Section } from '../../../ui/section.tsx';
import { ErrorView, PageLoading } from '../../../ui/status-views.tsx';
import { getDefence, saveShortlist } from '../api.ts';
import { formatScore } from '../scores.ts';
import { DefenceSessionModal } from './defence-session-modal.tsx';
import { PanelResultModal } from './panel-result-modal.tsx';

type Session = DefenceOverview['sessions'][number];
type Slot = Session['slots'][number];

/** 现场答辩: the shortlist (入围) from the review's scores, sessions with room, time, panel and slots, and the panel's results. */
export function DefenceTab({ callId, overview }: { callId: string; overview: ReviewOverview | undefined }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const defence = useRequest((signal) => getDefence(callId, signal), [callId]);
  const [shortlist, setShortlist] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [creating, setCreating] = useState(false);
  const [recording, setRecording] = useState<{ session: Session; slot: Slot } | null>(null);

  useEffect(() => {
    if (defence.data) setShortlist(defence.data.shortlist.map((s) => s.applicationId));
  }, [defence.data]);

  if (defence.error !== undefined) return <ErrorView error={defence.error} onRetry={defence.reload} />;
  if (!defence.data || !overview) return <PageLoading />;
  const data = defence.data;
  const rows = [...overview.rows].sort((a, b) => (b.stats?.normalized ?? b.stats?.mean ?? -1) - (a.stats?.normalized ?? a.stats?.mean ?? -1));
  const unscheduled = data.shortlist.filter((s) => !s.scheduled);

  const save = async () => {
    setSaving(true);
    try {
      await saveShortlist(callId, { applicationIds: shortlist });
      message.success(t('sel.defence.shortlistSaved', { n: shortlist.length }));
      defence.reload();
    } catch (cause) {
      message.error(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div data-testid="defence-tab">
      <Section
        title={t('sel.defence.shortlist', { n: shortlist.length })}
        extra={
          <Button type="primary" onClick={() => void save()} loading={saving} data-testid="defence-shortlist-save">
            {t('sel.defence.saveShortlist')}
          </Button>
        }
      >
        <Table
          rowKey="applicationId"
          size="small"
          dataSource={rows}
          pagination={false}
          rowSelection={{ selectedRowKeys: shortlist, onChange: (keys) => setShortlist(keys.map(String)) }}
          data-testid="defence-shortlist"
          columns={[
            { title: t('applications.number'), key: 'number', width: 140, render: (_v, r) => <Mono>{r.number ?? t('common.empty')}</Mono> },
            { title: t('applications.projectName'), key: 'project', render: (_v, r) => r.projectName ?? t('applications.untitled') },
            { title: t('sel.col.enterprise'), dataIndex: 'applicantName', width: 220 },
            { title: t('sel.scoring.mean'), key: 'mean', width: 90, align: 'right', render: (_v, r) => formatScore(r.stats?.mean) },
            { title: t('sel.scoring.normalized'), key: 'normalized', width: 110, align: 'right', render: (_v, r) => formatScore(r.stats?.normalized) },
            {
              title: t('sel.defence.scheduled'),
              key: 'scheduled',
              width: 100,
              render: (_v, r) => {
                const entry = data.shortlist.find((s) => s.applicationId === r.applicationId);
                if (!entry) return null;
                return <Tag color={entry.scheduled ? 'success' : 'default'}>{t(entry.scheduled ? 'sel.defence.isScheduled' : 'sel.defence.notScheduled')}</Tag>;
              },
            },
          ]}
        />
      </Section>

      <Section
        title={t('sel.defence.sessions', { n: data.sessions.length })}
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={unscheduled.length === 0} data-testid="defence-session-add">
            {t('sel.defence.addSession')}
          </Button>
        }
      >
        {data.sessions.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sel.defence.noSessions')} />
        ) : (
          data.sessions.map((session) => (
            <Card key={session.id} size="small" style={{ marginBottom: 12 }} data-testid={`defence-session-${session.id}`}>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 3 }}
                items={[
                  { key: 'room', label: t('sel.defence.room'), children: session.room },
                  { key: 'time', label: t('sel.defence.time'), children: `${formatDateTime(session.startsAt)} — ${formatDateTime(session.endsAt)}` },
                  { key: 'panel', label: t('sel.defence.panel'), children: session.panel.map((p) => p.name).join('、') },
                ]}
              />
              <Table<Slot>
                rowKey="applicationId"
                size="small"
                dataSource={session.slots}
                pagination={false}
                columns={[
                  { title: t('sel.defence.slot'), key: 'slot', width: 200, render: (_v, s) => `${formatDateTime(s.startsAt).slice(11, 16)} — ${formatDateTime(s.endsAt).slice(11, 16)}` },
                  { title: t('applications.projectName'), key: 'project', render: (_v, s) => `${s.projectName ?? t('applications.untitled')}（${s.applicantName}）` },
                  { title: t('sel.defence.panelMean'), key: 'mean', width: 100, align: 'right', render: (_v, s) => formatScore(s.panelMean) },
                  {
                    title: t('sel.defence.recommendation'),
                    key: 'rec',
                    width: 110,
                    render: (_v, s) =>
                      s.panelRecommendation ? (
                        <Tag color={s.panelRecommendation === 'recommend' ? 'success' : 'error'}>{t(s.panelRecommendation === 'recommend' ? 'sel.defence.recommend' : 'sel.defence.notRecommend')}</Tag>
                      ) : (
                        <Typography.Text type="secondary">{t('sel.defence.pending')}</Typography.Text>
                      ),
                  },
                  { title: t('sel.defence.opinion'), key: 'opinion', render: (_v, s) => s.panelOpinion ?? '' },
                  {
                    title: t('sel.col.actions'),
                    key: 'actions',
                    width: 110,
                    render: (_v, s) => (
                      <Button size="small" type="link" onClick={() => setRecording({ session, slot: s })} data-testid={`defence-record-${s.applicationId}`}>
                        {t('sel.defence.record')}
                      </Button>
                    ),
                  },
                ]}
              />
            </Card>
          ))
        )}
      </Section>
      <Space />
      <DefenceSessionModal
        open={creating}
        callId={callId}
        candidates={unscheduled}
        experts={overview.experts}
        onClose={() => setCreating(false)}
        onCreated={() => {
          message.success(t('sel.defence.sessionCreated'));
          setCreating(false);
          defence.reload();
        }}
      />
      <PanelResultModal
        target={recording}
        scaleMax={overview.rubric?.scaleMax ?? 100}
        scaleMin={overview.rubric?.scaleMin ?? 0}
        onClose={() => setRecording(null)}
        onSaved={() => {
          message.success(t('sel.defence.recorded'));
          setRecording(null);
          defence.reload();
        }}
      />
    </div>
  );
}
