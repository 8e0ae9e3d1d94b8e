import { Card, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useRequest } from '../../../api/use-request.ts';
import { useMe } from '../../../app/auth/auth-provider.tsx';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { AUDIT_VERIFY_ROLES, hasAnyRole } from '../../../app/navigation.ts';
import { ErrorView } from '../../../ui/status-views.tsx';
import { listAuditEvents } from '../api.ts';
import { AuditFilters, type AuditFilterValues } from '../components/audit-filters.tsx';
import { AuditTable } from '../components/audit-table.tsx';
import { VerificationAlert, VerifyChainButton, useChainVerification } from '../components/verify-chain.tsx';

const DEFAULT_PAGE_SIZE = 50;
const FILTER_KEYS = ['action', 'resourceType', 'resourceId', 'from', 'to'] as const;

function positive(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * 审计日志: every recorded action, newest first, with the hash-chain check for admins. Officers see their own
 * subtree's events (the server scopes the list). Filters live in the URL.
 */
export function AuditPage() {
  const { t } = useI18n();
  const me = useMe();
  const canVerify = hasAnyRole(me.user.roles, AUDIT_VERIFY_ROLES);
  const [params, setParams] = useSearchParams();
  const verification = useChainVerification();
  const key = params.toString();

  const filters = useMemo<AuditFilterValues>(() => {
    const current = new URLSearchParams(key);
    const values: AuditFilterValues = {};
    for (const name of FILTER_KEYS) values[name] = current.get(name) || undefined;
    return values;
  }, [key]);
  const page = positive(params.get('page'), 1);
  const pageSize = positive(params.get('pageSize'), DEFAULT_PAGE_SIZE);

  const { data, error, loading, reload } = useRequest(
    (signal) => listAuditEvents({ ...filters, page, pageSize }, signal),
    [filters, page, pageSize],
  );

  const navigate = (next: AuditFilterValues, nextPage = 1, nextSize = pageSize) => {
    const search = new URLSearchParams();
    for (const name of FILTER_KEYS) {
      const value = next[name];
      if (value) search.set(name, value);
    }
    if (nextPage > 1) search.set('page', String(nextPage));
    if (nextSize !== DEFAULT_PAGE_SIZE) search.set('pageSize', String(nextSize));
    setParams(search);
  };

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('audit.title')}</Typography.Title>}
      extra={canVerify && <VerifyChainButton running={verification.running} onClick={() => void verification.run()} />}
    >
      <VerificationAlert result={verification.result} error={verification.error} onClose={verification.clear} />
      <AuditFilters value={filters} onChange={(next) => navigate(next)} />
      {error !== undefined ? (
        <ErrorView error={error} onRetry={reload} />
      ) : (
        <AuditTable
          items={data?.items ?? []}
          total={data?.total ?? 0}
          page={page}
          pageSize={pageSize}
          loading={loading}
          onPageChange={(nextPage, nextSize) => navigate(filters, nextSize === pageSize ? nextPage : 1, nextSize)}
        />
      )}
    </Card>
  );
}
