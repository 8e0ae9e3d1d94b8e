import { Card, Empty, Space, Tabs, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { ErrorView, PageLoading } from '../../../ui/status-views.tsx';
import { CallPicker } from '../../recommendations/components/call-picker.tsx';
import { useCallChoices } from '../../recommendations/use-call-choices.ts';
import { getReview } from '../api.ts';
import { DecisionTab } from '../components/decision-tab.tsx';
import { DefenceTab } from '../components/defence-tab.tsx';
import { ExpertsTab } from '../components/experts-tab.tsx';
import { PolicyCheckTab } from '../components/policy-check-tab.tsx';
import { ReviewStatusTag } from '../components/review-status-tag.tsx';
import { ScoringTab } from '../components/scoring-tab.tsx';

const TABS = ['policy', 'experts', 'scoring', 'defence', 'decision'] as const;
type TabKey = (typeof TABS)[number];

function tabOf(value: string | null): TabKey {
  return TABS.find((tab) => tab === value) ?? 'policy';
}

/**
 * /selection (遴选评审): the program owner chooses one of its calls, then works through 政策性审查, 专家与回避,
 * 分配与评分, 现场答辩 (calls with a defence stage) and 审定与公示. The call and the tab live in the URL.
 */
export function SelectionPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const calls = useCallChoices();
  const callId = params.get('callId') ?? calls.defaultCall?.id;
  const tab = tabOf(params.get('tab'));
  // The review overview is shared by 专家与回避 and 分配与评分, and says whether the call has a defence stage.
  const review = useRequest((signal) => (callId ? getReview(callId, signal) : Promise.resolve(undefined)), [callId]);

  const defaultId = calls.defaultCall?.id;
  useEffect(() => {
    if (!params.has('callId') && defaultId) setParams((current) => ({ ...Object.fromEntries(current), callId: defaultId }), { replace: true });
  }, [params, defaultId, setParams]);

  const choose = (next: { callId?: string; tab?: TabKey }) => {
    const chosen = { callId: next.callId ?? callId ?? '', tab: next.tab ?? tab };
    // Another tab may have changed what the review shows (admissions, assignments): read it again.
    if (chosen.tab !== tab) review.reload();
    setParams(chosen.tab === 'policy' ? { callId: chosen.callId } : { callId: chosen.callId, tab: chosen.tab }, { replace: true });
  };

  if (calls.error !== undefined) return <ErrorView error={calls.error} onRetry={calls.reload} />;
  if (!calls.choices) return <PageLoading />;

  const overview = review.data && review.data.callId === callId ? review.data : undefined;
  const hasDefence = overview?.hasDefence ?? false;
  const items = [
    { key: 'policy', label: t('sel.tab.policy'), children: callId ? <PolicyCheckTab callId={callId} /> : null },
    {
      key: 'experts',
      label: t('sel.tab.experts'),
      children: callId ? <ExpertsTab callId={callId} overview={overview} error={review.error} reload={review.reload} /> : null,
    },
    {
      key: 'scoring',
      label: t('sel.tab.scoring'),
      children: callId ? <ScoringTab callId={callId} overview={overview} error={review.error} reload={review.reload} /> : null,
    },
    ...(hasDefence && callId ? [{ key: 'defence', label: t('sel.tab.defence'), children: <DefenceTab callId={callId} overview={overview} /> }] : []),
    { key: 'decision', label: t('sel.tab.decision'), children: callId ? <DecisionTab callId={callId} /> : null },
  ].map((item) => ({ ...item, label: <span data-testid={`selection-tab-${item.key}`}>{item.label}</span> }));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="selection-title">
          {t('sel.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('sel.intro')}</Typography.Paragraph>
        <Space wrap size={16}>
          <CallPicker choices={calls.choices} value={callId} onChange={(id) => choose({ callId: id, tab: 'policy' })} relatedLabel="rec.call.ownCalls" loading={calls.loading} />
          {overview && (
            <Space size={4}>
              <ReviewStatusTag status={overview.status} />
              {overview.hasDefence && <Tag color="purple">{t('sel.hasDefence')}</Tag>}
            </Space>
          )}
        </Space>
      </Card>
      {!callId ? (
        <Card>
          <Empty description={t('rec.call.none')} />
        </Card>
      ) : (
        <Card>
          <Tabs
            activeKey={tab === 'defence' && !hasDefence && overview ? 'policy' : tab}
            onChange={(key) => choose({ tab: tabOf(key) })}
            destroyOnHidden
            items={items}
          />
        </Card>
      )}
    </Space>
  );
}
