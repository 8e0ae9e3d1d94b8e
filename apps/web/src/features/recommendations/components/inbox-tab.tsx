import type { Inbox } from '@shenbao/contracts';
import { Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../../app/auth/auth-provider.tsx';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { ErrorView } from '../../../ui/status-views.tsx';
import { decisionOf, EMPTY_FILTER, matchesFilter, type InboxFilter } from '../inbox-filter.ts';
import { InboxFilters } from './inbox-filters.tsx';
import { InboxTable } from './inbox-table.tsx';

interface InboxTabProps {
  inbox: Inbox | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** 待审申报: counts by conclusion, the filters and the table. */
export function InboxTab({ inbox, error, loading, reload }: InboxTabProps) {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<InboxFilter>(EMPTY_FILTER);
  if (error !== undefined) return <ErrorView error={error} onRetry={reload} />;
  const items = inbox?.items ?? [];
  const shown = items.filter((item) => matchesFilter(item, filter));
  const count = (d: ReturnType<typeof decisionOf>) => items.filter((item) => decisionOf(item) === d).length;
  // The province round: projects its cities recommended, each under the city that sent it.
  const fromBelow = items.some((item) => item.application.recommenderOrganisationId !== me.organisation.id);
  return (
    <>
      <Space size={24} wrap style={{ marginBottom: 12 }} data-testid="inbox-counts">
        <Typography.Text>{t('rec.inbox.total', { n: items.length })}</Typography.Text>
        <Typography.Text>{t('rec.inbox.pendingCount', { n: count('pending') })}</Typography.Text>
        <Typography.Text type="success">{t('rec.inbox.passedCount', { n: count('passed') })}</Typography.Text>
        <Typography.Text type="danger">{t('rec.inbox.rejectedCount', { n: count('rejected') })}</Typography.Text>
        <Typography.Text type="warning">{t('rec.inbox.returnedCount', { n: count('returned') })}</Typography.Text>
      </Space>
      <InboxFilters items={items} value={filter} onChange={setFilter} />
      <InboxTable items={shown} loading={loading} onOpen={(item) => navigate(`/review/applications/${item.application.id}`)} showRecommender={fromBelow} />
    </>
  );
}
