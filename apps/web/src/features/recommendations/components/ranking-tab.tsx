import { Empty } from 'antd';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { ErrorView, PageLoading } from '../../../ui/status-views.tsx';
import { listRecommendations } from '../api.ts';
import { RankingCard } from './ranking-card.tsx';

/** 推荐排序: a card per channel this organisation recommends through in the call. */
export function RankingTab({ callId, offsetMs }: { callId: string; offsetMs: number }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useRequest((signal) => listRecommendations(callId, signal), [callId]);
  if (error !== undefined) return <ErrorView error={error} onRetry={reload} />;
  if (!data || loading) return <PageLoading />;
  if (data.items.length === 0) return <Empty description={t('rec.ranking.noChannel')} data-testid="ranking-none" />;
  return (
    <>
      {data.items.map((rec) => (
        <RankingCard key={`${rec.id}:${rec.version}:${rec.status}`} initial={rec} offsetMs={offsetMs} />
      ))}
    </>
  );
}
