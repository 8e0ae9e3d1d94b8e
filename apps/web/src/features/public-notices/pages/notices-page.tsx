import { Card, Empty, List, Skeleton, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDate, formatDateTime } from '../../../ui/format.ts';
import { ErrorView } from '../../../ui/status-views.tsx';
import { listNotices } from '../api.ts';
import { NoticeKindTag } from '../components/notice-kind-tag.tsx';

/** 公示公告 (public): the public notices (公示) and the published lists (公布) of every call, newest first. */
export function NoticesPage() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useRequest((signal) => listNotices(signal), []);
  // The browser's clock only orders the tags; each notice's detail page counts down by the server's clock.
  const now = Date.now();
  return (
    <div data-testid="notices">
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="notices-title">
          {t('notices.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('notices.intro')}
        </Typography.Paragraph>
      </Card>
      {error !== undefined ? (
        <ErrorView error={error} onRetry={reload} />
      ) : loading && !data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : !data || data.items.length === 0 ? (
        <Card>
          <Empty description={t('notices.none')} />
        </Card>
      ) : (
        <Card>
          <List
            dataSource={data.items}
            data-testid="notices-list"
            renderItem={(n) => (
              <List.Item data-testid={`notice-${n.id}`} data-kind={n.kind}>
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <NoticeKindTag kind={n.kind} startsAt={n.noticeStartsAt} endsAt={n.noticeEndsAt} now={now} />
                      <Link to={`/notices/${n.id}`} data-testid={`notice-open-${n.id}`}>
                        {n.title}
                      </Link>
                    </Space>
                  }
                  description={
                    <Space split="·" wrap>
                      <span>{n.issuerName}</span>
                      <span>{n.callTitle}</span>
                      {n.kind === 'published' ? (
                        <span>
                          {n.documentNumber} {formatDate(n.publishedAt)}
                        </span>
                      ) : (
                        <span>{t('notices.period', { from: formatDateTime(n.noticeStartsAt), to: formatDateTime(n.noticeEndsAt) })}</span>
                      )}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </div>
  );
}
