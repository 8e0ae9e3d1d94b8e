import { PlusOutlined } from '@ant-design/icons';
import { ORGANISATION_KINDS, type OrganisationKind } from '@shenbao/contracts';
import { Button, Card, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useRequest } from '../../../api/use-request.ts';
import { useMe } from '../../../app/auth/auth-provider.tsx';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { ORGANISATION_CREATE_ROLES, hasAnyRole } from '../../../app/navigation.ts';
import { ErrorView } from '../../../ui/status-views.tsx';
import { listOrganisations } from '../api.ts';
import { OrganisationFormModal } from '../components/organisation-form-modal.tsx';
import { OrganisationTable } from '../components/organisation-table.tsx';

const DEFAULT_PAGE_SIZE = 20;

function isKind(value: string | null): value is OrganisationKind {
  return value !== null && (ORGANISATION_KINDS as readonly string[]).includes(value);
}

function positive(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** 组织机构 / 本辖区单位: the organisations the server lets this user see. Filters live in the URL. */
export function OrganisationListPage() {
  const me = useMe();
  const { t, labels } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);

  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : undefined;
  const q = params.get('q') ?? '';
  const page = positive(params.get('page'), 1);
  const pageSize = positive(params.get('pageSize'), DEFAULT_PAGE_SIZE);
  const canCreate = hasAnyRole(me.user.roles, ORGANISATION_CREATE_ROLES);
  const title = t(canCreate ? 'org.title' : 'org.jurisdictionTitle');

  const { data, error, loading, reload } = useRequest(
    (signal) => listOrganisations({ kind, q: q || undefined, page, pageSize }, signal),
    [kind, q, page, pageSize],
  );

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{title}</Typography.Title>}
      extra={
        canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-organisation">
            {t('org.create')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<OrganisationKind>
          allowClear
          style={{ width: 200 }}
          placeholder={t('org.allKinds')}
          value={kind}
          onChange={(value) => update({ kind: value, page: undefined })}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
          data-testid="filter-kind"
        />
        <Input.Search
          key={q}
          allowClear
          defaultValue={q}
          style={{ width: 300 }}
          placeholder={t('org.keyword')}
          enterButton={t('common.search')}
          onSearch={(value) => update({ q: value.trim() || undefined, page: undefined })}
          data-testid="filter-keyword"
        />
      </Space>
      {error !== undefined ? (
        <ErrorView error={error} onRetry={reload} />
      ) : (
        <OrganisationTable
          items={data?.items ?? []}
          total={data?.total ?? 0}
          page={page}
          pageSize={pageSize}
          loading={loading}
          onPageChange={(nextPage, nextSize) =>
            update({ page: String(nextPage), pageSize: nextSize === DEFAULT_PAGE_SIZE ? undefined : String(nextSize) })
          }
          onOpen={(o) => navigate(`/organisations/${o.id}`)}
        />
      )}
      {canCreate && (
        <OrganisationFormModal
          mode="create"
          open={creating}
          defaultParentId={me.organisation.id}
          onClose={() => setCreating(false)}
          onSaved={(created) => {
            setCreating(false);
            navigate(`/organisations/${created.id}`);
          }}
        />
      )}
    </Card>
  );
}
