import { Badge, Card, Empty, Space, Tabs, Typography } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { useServerClockOffset } from '../../../ui/server-clock.ts';
import { ErrorView, PageLoading } from '../../../ui/status-views.tsx';
import { getInbox } from '../api.ts';
import { CallPicker } from '../components/call-picker.tsx';
import { InboxTab } from '../components/inbox-tab.tsx';
import { RankingTab } from '../components/ranking-tab.tsx';
import { useCallChoices } from '../use-call-choices.ts';
import { BulkExportButton } from '../../exports/components/bulk-export-button.tsx';

type TabKey = 'inbox' | 'ranking';

/** /review (审核推荐): choose a call, then 待审申报 and 推荐排序. The call and the tab live in the URL. */
export function ReviewPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const calls = useCallChoices();
  const offsetMs = useServerClockOffset(calls.serverTime);
  const callId = params.get('callId') ?? calls.defaultCall?.id;
  const tab: TabKey = params.get('tab') === 'ranking' ? 'ranking' : 'inbox';
  const inbox = useRequest((signal) => (callId ? getInbox(callId, signal) : Promise.resolve(undefined)), [callId]);
  // Waiting for this organisation: submitted to it, or (the province round) recommended by one of its cities.
  const pending = inbox.data?.items.filter((item) => !item.decision && ['submitted', 'recommended'].includes(item.application.status)).length ?? 0;

  // The default call goes into the URL too, so the address always names the call on screen.
  const defaultId = calls.defaultCall?.id;
  useEffect(() => {
    if (!params.has('callId') && defaultId) setParams((current) => ({ ...Object.fromEntries(current), callId: defaultId }), { replace: true });
  }, [params, defaultId, setParams]);

  const choose = (next: { callId?: string; tab?: TabKey }) => {
    const chosen = { callId: next.callId ?? callId ?? '', tab: next.tab ?? tab };
    setParams(chosen.tab === 'inbox' ? { callId: chosen.callId } : { callId: chosen.callId, tab: chosen.tab }, { replace: true });
  };

  if (calls.error !== undefined) return <ErrorView error={calls.error} onRetry={calls.reload} />;
  if (!calls.choices) return <PageLoading />;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="review-title">
          {t('rec.review.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('rec.review.intro')}</Typography.Paragraph>
        <CallPicker choices={calls.choices} value={callId} onChange={(id) => choose({ callId: id, tab: 'inbox' })} relatedLabel="rec.call.withApplications" loading={calls.loading} />
      </Card>
      {!callId ? (
        <Card>
          <Empty description={t('rec.call.none')} />
        </Card>
      ) : (
        <Card>
          <Tabs
            activeKey={tab}
            onChange={(key) => choose({ tab: key === 'ranking' ? 'ranking' : 'inbox' })}
            destroyOnHidden
            tabBarExtraContent={<BulkExportButton callId={callId} scopes={[{ label: t('export.scope.own') }]} />}
            items={[
              {
                key: 'inbox',
                label: (
                  <span data-testid="review-tab-inbox">
                    {t('rec.tab.inbox')}
                    <Badge count={pending} size="small" offset={[6, -2]} />
                  </span>
                ),
                children: <InboxTab inbox={inbox.data} error={inbox.error} loading={inbox.loading} reload={inbox.reload} />,
              },
              {
                key: 'ranking',
                label: <span data-testid="review-tab-ranking">{t('rec.tab.ranking')}</span>,
                children: <RankingTab callId={callId} offsetMs={offsetMs} />,
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
