import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Space, Tabs, Typography, type TabsProps } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import type { MessageKey } from '../../../app/i18n/messages.ts';
import { useServerClockOffset } from '../../../ui/server-clock.ts';
import { ErrorView, PageLoading } from '../../../ui/status-views.tsx';
import { getCall } from '../api.ts';
import { CallHeader } from '../components/call-header.tsx';
import { CategoriesTab } from '../components/categories-tab.tsx';
import { ChannelsTab } from '../components/channels-tab.tsx';
import { FormsTab } from '../components/forms-tab.tsx';
import { ListsTab } from '../components/lists-tab.tsx';
import { OverviewTab } from '../components/overview-tab.tsx';
import { ReviewTab } from '../components/review-tab.tsx';
import { StagesTab } from '../components/stages-tab.tsx';
import { indexPack, type CallTabProps } from '../pack-index.ts';

type TabKey = 'overview' | 'categories' | 'forms' | 'stages' | 'channels' | 'review' | 'lists';

const TABS: { key: TabKey; label: MessageKey; render: (p: CallTabProps) => ReactNode }[] = [
  { key: 'overview', label: 'call.tab.overview', render: (p) => <OverviewTab {...p} /> },
  { key: 'categories', label: 'call.tab.categories', render: (p) => <CategoriesTab {...p} /> },
  { key: 'forms', label: 'call.tab.forms', render: (p) => <FormsTab {...p} /> },
  { key: 'stages', label: 'call.tab.stages', render: (p) => <StagesTab {...p} /> },
  { key: 'channels', label: 'call.tab.channels', render: (p) => <ChannelsTab {...p} /> },
  { key: 'review', label: 'call.tab.review', render: (p) => <ReviewTab {...p} /> },
  { key: 'lists', label: 'call.tab.lists', render: (p) => <ListsTab {...p} /> },
];

/** /calls/:id: the call's pack as an official reads it, one tab per part. The open tab lives in the URL. */
export function CallDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const { data: pack, error, loading, reload } = useRequest((signal) => getCall(id, signal), [id]);
  const offsetMs = useServerClockOffset(pack?.call.serverTime);
  const index = useMemo(() => (pack ? indexPack(pack, t) : null), [pack, t]);

  if (error !== undefined) return <ErrorView error={error} onRetry={reload} />;
  if (!pack || !index || (loading && pack.call.id !== id)) return <PageLoading />;

  const tabs = TABS.filter((tab) => tab.key !== 'lists' || pack.call.lists.length > 0);
  const wanted = params.get('tab');
  const active = tabs.find((tab) => tab.key === wanted)?.key ?? 'overview';
  const items: TabsProps['items'] = tabs.map((tab) => ({
    key: tab.key,
    label: <span data-testid={`call-tab-${tab.key}`}>{t(tab.label)}</span>,
    children: tab.render({ pack, index, offsetMs }),
  }));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        {/* Not the Card title: that one is a single clipped line, and a notice's title must show in full. */}
        <div style={{ display: 'flex', alignItems: 'flex-start', gap: 12, marginBottom: 16 }}>
          <Link to="/calls" aria-label={t('call.back')} style={{ lineHeight: '32px' }}>
            <ArrowLeftOutlined />
          </Link>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="call-title">
              {pack.call.title}
            </Typography.Title>
            {pack.call.shortTitle && <Typography.Text type="secondary">{pack.call.shortTitle}</Typography.Text>}
          </div>
        </div>
        <CallHeader pack={pack} offsetMs={offsetMs} />
      </Card>
      <Card>
        <Tabs
          activeKey={active}
          items={items}
          onChange={(key) => setParams(key === 'overview' ? {} : { tab: key }, { replace: true })}
        />
      </Card>
    </Space>
  );
}
