import { ArrowLeftOutlined } from '@ant-design/icons';
import type { PublicNotice } from '@shenbao/contracts';
import { Alert, Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatCalendarDate, formatDate } from '../../../ui/format.ts';
import { useServerClockOffset, useServerNow } from '../../../ui/server-clock.ts';
import { ErrorView, PageLoading } from '../../../ui/status-views.tsx';
import { NoticePeriod } from '../../selection/components/notice-period.tsx';
import { getNotice } from '../api.ts';
import { NoticeKindTag } from '../components/notice-kind-tag.tsx';
import { ObjectionForm } from '../components/objection-form.tsx';
import { DirectionCell } from '../../selection/components/direction-cell.tsx';

type Item = PublicNotice['items'][number];

/** /notices/:id (public): the notice or the published list, its period by the server's clock, and 提出异议 while it is open. */
export function NoticePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const loaded = useRequest((signal) => getNotice(id, signal), [id]);
  const serverTime = loaded.data?.serverTime;
  const now = useServerNow(useServerClockOffset(serverTime), 5000);

  if (loaded.error !== undefined) return <ErrorView error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data || loaded.data.notice.id !== id) return <PageLoading />;
  const notice = loaded.data.notice;
  const published = notice.kind === 'published';
  const showOutcome = notice.items.some((i) => i.outcomeLabel);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="notice-page" data-kind={notice.kind}>
      <Card>
        <Link to="/notices">
          <Button icon={<ArrowLeftOutlined />} style={{ marginBottom: 12 }} data-testid="notice-back">
            {t('notices.back')}
          </Button>
        </Link>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }} data-testid="notice-title">
          {notice.title}
        </Typography.Title>
        {published && notice.documentNumber && (
          <Typography.Paragraph style={{ textAlign: 'center' }} data-testid="notice-document-number">
            {notice.documentNumber}
          </Typography.Paragraph>
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'state', label: t('notices.state'), children: <NoticeKindTag kind={notice.kind} startsAt={notice.noticeStartsAt} endsAt={notice.noticeEndsAt} now={now} /> },
            { key: 'issuer', label: t('notices.issuer'), children: notice.issuerName },
            { key: 'call', label: t('notices.call'), children: notice.callTitle },
            ...(notice.noticeStartsAt ? [{ key: 'period', label: t('notices.periodLabel'), children: <NoticePeriod startsAt={notice.noticeStartsAt} endsAt={notice.noticeEndsAt} serverNow={serverTime ?? new Date().toISOString()} /> }] : []),
            ...(published ? [{ key: 'published', label: t('notices.publishedAt'), children: formatDate(notice.publishedAt) }] : []),
            ...(notice.demonstrationEndsOn ? [{ key: 'demo', label: t('notices.demonstrationEndsOn'), children: formatCalendarDate(notice.demonstrationEndsOn) }] : []),
          ]}
        />
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', textIndent: '2em', lineHeight: 1.9 }} data-testid="notice-text">
          {notice.text}
        </Typography.Paragraph>
        <Table<Item>
          rowKey="applicationId"
          size="middle"
          bordered
          dataSource={[...notice.items].sort((a, b) => a.rank - b.rank)}
          pagination={false}
          scroll={{ x: 900 }}
          data-testid="notice-list"
          columns={[
            { title: t('sel.col.seq'), dataIndex: 'rank', width: 64, align: 'center' },
            { title: t('applications.projectName'), key: 'project', width: 280, render: (_v, i) => <span data-testid="notice-project">{i.projectName ?? t('common.empty')}</span> },
            { title: t('notices.applicant'), dataIndex: 'applicantName', width: 240 },
            { title: t('sel.col.recommender'), key: 'recommender', width: 200, render: (_v, i) => i.recommenderName ?? t('common.empty') },
            { title: t('sel.col.direction'), key: 'direction', width: 180, render: (_v, i) => <DirectionCell label={i.directionLabel} /> },
            ...(showOutcome ? [{ title: t('sel.decision.outcome'), key: 'outcome', width: 220, render: (_v: unknown, i: Item) => i.outcomeLabel ?? t('common.empty') }] : []),
          ]}
        />
      </Card>
      {notice.kind === 'public_notice' &&
        (notice.objectionsOpen ? (
          <Card title={t('notices.objection.title')} data-testid="objection-card">
            <ObjectionForm notice={notice} />
          </Card>
        ) : (
          <Alert type="info" showIcon message={t('notices.objection.closed')} data-testid="objections-closed" />
        ))}
    </Space>
  );
}
