import { ArrowLeftOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useRequest } from '../../../api/use-request.ts';
import { useMe } from '../../../app/auth/auth-provider.tsx';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { useServerClockOffset } from '../../../ui/server-clock.ts';
import { ErrorView, PageLoading } from '../../../ui/status-views.tsx';
import { listCalls } from '../../programs/api.ts';
import { getRecommendation } from '../api.ts';
import { IssuedRecommendationCard } from '../components/issued-recommendation-card.tsx';
import { RankingCard } from '../components/ranking-card.tsx';

/**
 * /recommendations/:id, where the notices (收到推荐意见 / 推荐已重新开启) point: the recommender's own reviewer gets
 * the ranking card, the issuing department the issued set.
 */
export function RecommendationPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const rec = useRequest((signal) => getRecommendation(id, signal), [id]);
  const calls = useRequest((signal) => listCalls(signal), []);
  const offsetMs = useServerClockOffset(calls.data?.items[0]?.serverTime);
  if (rec.error !== undefined) return <ErrorView error={rec.error} onRetry={rec.reload} />;
  if (!rec.data || rec.data.id !== id) return <PageLoading />;
  const own = me.user.roles.includes('recommender_reviewer') && rec.data.recommenderOrganisationId === me.organisation.id;
  const back = own ? `/review?callId=${encodeURIComponent(rec.data.callId)}&tab=ranking` : `/recommendations?callId=${encodeURIComponent(rec.data.callId)}`;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space align="start" size={12}>
        <Link to={back} aria-label={t('rec.review.back')} style={{ lineHeight: '32px' }}>
          <ArrowLeftOutlined />
        </Link>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {rec.data.callTitle}
          </Typography.Title>
          <Typography.Text type="secondary">{rec.data.recommenderName}</Typography.Text>
        </div>
      </Space>
      {own ? (
        <RankingCard key={`${rec.data.id}:${rec.data.version}`} initial={rec.data} offsetMs={offsetMs} />
      ) : (
        <IssuedRecommendationCard recommendation={rec.data} canReopen={me.user.roles.includes('program_officer')} onReopened={rec.reload} />
      )}
    </Space>
  );
}
