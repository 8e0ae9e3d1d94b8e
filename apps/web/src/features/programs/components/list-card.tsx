import { DownloadOutlined } from '@ant-design/icons';
import type { CallListInfo } from '@shenbao/contracts';
import { Alert, Button, Card, Descriptions, Space, Tag, Typography, type DescriptionsProps } from 'antd';
import { useState } from 'react';
import { useRequest } from '../../../api/use-request.ts';
import { useMe } from '../../../app/auth/auth-provider.tsx';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { CALL_LIST_IMPORT_ROLES, CALL_LIST_READ_ROLES, hasAnyRole } from '../../../app/navigation.ts';
import { formatDateTime } from '../../../ui/format.ts';
import { callListTemplateUrl, getCallList } from '../api.ts';
import { ImportErrorAlert, ListImportButton, useListImport } from './list-import-button.tsx';
import { ListRowsTable } from './list-rows-table.tsx';

type Items = NonNullable<DescriptionsProps['items']>;

/** One imported list (名单): what it holds, the template, the import, and its rows for those who may read them. */
export function ListCard({ callId, list: initial, description }: { callId: string; list: CallListInfo; description?: string }) {
  const me = useMe();
  const { t } = useI18n();
  const canRead = hasAnyRole(me.user.roles, CALL_LIST_READ_ROLES);
  // The server decides who imports (the issuing department's officers); others see its refusal.
  const canImport = hasAnyRole(me.user.roles, CALL_LIST_IMPORT_ROLES);
  const [imported, setImported] = useState<CallListInfo | null>(null);
  const rows = useRequest(
    (signal) => (canRead ? getCallList(callId, initial.id, signal) : Promise.resolve(null)),
    [callId, initial.id, canRead],
  );
  const upload = useListImport(callId, initial.id, (info) => {
    setImported(info);
    rows.reload();
  });
  const list = imported ?? rows.data?.list ?? initial;

  const items: Items = [
    {
      key: 'columns',
      label: t('lists.columns'),
      span: 2,
      children: (
        <Space wrap size={[4, 4]}>
          {list.columns.map((c) => (
            <Tag key={c.id}>{c.label}</Tag>
          ))}
        </Space>
      ),
    },
    { key: 'rowCount', label: t('lists.rowCount'), children: <span data-testid="list-row-count">{t('lists.rows', { n: list.rowCount })}</span> },
    {
      key: 'importedAt',
      label: t('lists.importedAt'),
      children: list.importedAt ? `${formatDateTime(list.importedAt)}　${list.fileName ?? ''}` : t('lists.notImported'),
    },
  ];
  if (description) items.unshift({ key: 'description', label: t('lists.description'), span: 2, children: description });

  return (
    <Card
      type="inner"
      title={<span style={{ whiteSpace: 'normal' }}>{list.label}</span>}
      data-testid={`list-${list.id}`}
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} href={callListTemplateUrl(callId, list.id)} data-testid="list-template">
            {t('lists.template')}
          </Button>
          {canImport && <ListImportButton importing={upload.importing} onFile={(file) => void upload.run(file)} />}
        </Space>
      }
    >
      {upload.error && <ImportErrorAlert error={upload.error} onClose={upload.clearError} />}
      <Descriptions size="small" bordered column={2} items={items} styles={{ label: { width: 120 } }} style={{ marginBottom: canImport || canRead ? 16 : 0 }} />
      {canImport && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t('lists.importHint')}
        </Typography.Paragraph>
      )}
      {canRead &&
        (rows.error !== undefined ? (
          <Alert type="warning" showIcon message={rows.error instanceof Error ? rows.error.message : String(rows.error)} />
        ) : (
          <>
            <Typography.Title level={5}>{t('lists.content')}</Typography.Title>
            <ListRowsTable list={list} rows={rows.data?.rows ?? []} loading={rows.loading} />
          </>
        ))}
    </Card>
  );
}
