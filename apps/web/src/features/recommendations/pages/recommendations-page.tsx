import type { Recommendation } from '@shenbao/contracts';
import { App, Card, Col, Empty, Row, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useRequest } from '../../../api/use-request.ts';
import { useMe } from '../../../app/auth/auth-provider.tsx';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { Section } from '../../../ui/section.tsx';
import { ErrorView, PageLoading } from '../../../ui/status-views.tsx';
import { getCall } from '../../programs/api.ts';
import { listRecommendations } from '../api.ts';
import { CallPicker } from '../components/call-picker.tsx';
import { IssuedRecommendationCard } from '../components/issued-recommendation-card.tsx';
import { useCallChoices } from '../use-call-choices.ts';
import { BulkExportButton } from '../../exports/components/bulk-export-button.tsx';

interface ChannelGroup {
  id: string;
  label: string;
  items: Recommendation[];
}

/** Every channel of the notice, in its order, with the recommendations issued through it. */
function groupByChannel(channels: readonly { id: string; label: string }[], recommendations: readonly Recommendation[]): ChannelGroup[] {
  const groups: ChannelGroup[] = channels.map((c) => ({ id: c.id, label: c.label, items: [] }));
  for (const rec of recommendations) {
    let group = groups.find((g) => g.id === rec.channelId);
    if (!group) {
      group = { id: rec.channelId, label: rec.channelLabel, items: [] };
      groups.push(group);
    }
    group.items.push(rec);
  }
  return groups;
}

function CallRecommendations({ callId }: { callId: string }) {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const recs = useRequest((signal) => listRecommendations(callId, signal), [callId]);
  const pack = useRequest((signal) => getCall(callId, signal), [callId]);
  const failed = recs.error ?? pack.error;
  if (failed !== undefined) {
    return (
      <ErrorView
        error={failed}
        onRetry={() => {
          recs.reload();
          pack.reload();
        }}
      />
    );
  }
  if (!recs.data || !pack.data || pack.data.call.id !== callId) return <PageLoading />;
  const groups = groupByChannel(pack.data.program.channels, recs.data.items);
  // Distinct projects: in the province round a project is in its city's set and again in the province's.
  const projects = new Set(recs.data.items.flatMap((rec) => rec.items.map((item) => item.application.id))).size;
  const canReopen = me.user.roles.includes('program_officer');
  return (
    <Card>
      <div style={{ display: 'flex', gap: 12, alignItems: 'baseline', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Paragraph data-testid="oversight-totals">{t('rec.oversight.totals', { n: recs.data.items.length, projects })}</Typography.Paragraph>
        {/* 批量导出: the whole call, or one recommender whose recommendation is in. */}
        <BulkExportButton
          callId={callId}
          scopes={[
            { label: t('export.scope.all') },
            ...[...new Map(recs.data.items.map((rec) => [rec.recommenderOrganisationId, rec.recommenderName])).entries()].map(([id, name]) => ({ recommenderOrganisationId: id, label: name })),
          ]}
        />
      </div>
      {groups.map((group) => (
        <Section key={group.id} title={`${group.label}（${t('rec.oversight.channelCount', { n: group.items.length })}）`} testId={`channel-${group.id}`}>
          {group.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rec.oversight.noneInChannel')} />
          ) : (
            <Row gutter={[16, 16]}>
              {group.items.map((rec) => (
                <Col key={rec.id} xs={24} lg={12} xxl={8}>
                  <IssuedRecommendationCard
                    recommendation={rec}
                    canReopen={canReopen}
                    onReopened={(reopened) => {
                      message.success(t('rec.reopen.done', { recommender: reopened.recommenderName }));
                      recs.reload();
                    }}
                  />
                </Col>
              ))}
            </Row>
          )}
        </Section>
      ))}
    </Card>
  );
}

/** /recommendations (推荐情况): the issuing department sees every issued recommendation of a call, side by side. */
export function RecommendationsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const calls = useCallChoices();
  const callId = params.get('callId') ?? calls.defaultCall?.id;
  const defaultId = calls.defaultCall?.id;
  useEffect(() => {
    if (!params.has('callId') && defaultId) setParams({ callId: defaultId }, { replace: true });
  }, [params, defaultId, setParams]);
  if (calls.error !== undefined) return <ErrorView error={calls.error} onRetry={calls.reload} />;
  if (!calls.choices) return <PageLoading />;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="oversight-title">
          {t('rec.oversight.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('rec.oversight.intro')}</Typography.Paragraph>
        <CallPicker choices={calls.choices} value={callId} onChange={(id) => setParams({ callId: id }, { replace: true })} relatedLabel="rec.call.ownCalls" loading={calls.loading} />
      </Card>
      {callId ? (
        <CallRecommendations key={callId} callId={callId} />
      ) : (
        <Card>
          <Empty description={t('rec.call.none')} />
        </Card>
      )}
    </Space>
  );
}
