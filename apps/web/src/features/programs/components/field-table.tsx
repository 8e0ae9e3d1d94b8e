import type { PackField } from '@shenbao/contracts';
import { Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import type { PackIndex } from '../pack-index.ts';
import { FieldLimits } from './field-limits.tsx';

function RequiredCell({ field }: { field: PackField }) {
  const { t } = useI18n();
  if (field.type === 'computed') return <Typography.Text type="secondary">{t('forms.auto')}</Typography.Text>;
  if (field.requiredWhen) return <Tag color="gold">{t('forms.requiredWhen')}</Tag>;
  return field.required === false ? <span>{t('call.no')}</span> : <Tag color="red">{t('call.yes')}</Tag>;
}

/** The fields of a section (or the columns of a table field, nested under it). */
export function FieldTable({ fields, index, nested = false }: { fields: readonly PackField[]; index: PackIndex; nested?: boolean }) {
  const { t } = useI18n();
  const tables = fields.filter((f) => f.type === 'table').map((f) => f.id);
  return (
    <Table<PackField>
      rowKey="id"
      size="small"
      pagination={false}
      bordered={nested}
      dataSource={[...fields]}
      scroll={nested ? undefined : { x: 1000 }}
      data-testid={nested ? 'table-columns' : 'field-table'}
      expandable={{
        expandedRowKeys: tables,
        showExpandColumn: false,
        rowExpandable: (field) => field.type === 'table',
        expandedRowRender: (field) =>
          field.type === 'table' ? (
            <div style={{ paddingInlineStart: 24 }}>
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
                {t('forms.columns')}
              </Typography.Text>
              <FieldTable fields={field.columns} index={index} nested />
            </div>
          ) : null,
      }}
      columns={[
        {
          title: t('forms.field'),
          dataIndex: 'label',
          width: 230,
          render: (_v, field) => (
            <>
              <div>{field.label}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {field.id}
              </Typography.Text>
            </>
          ),
        },
        { title: t('forms.type'), dataIndex: 'type', width: 120, render: (_v, field) => t(`fieldType.${field.type}`) },
        { title: t('forms.required'), dataIndex: 'required', width: 90, render: (_v, field) => <RequiredCell field={field} /> },
        { title: t('forms.limits'), key: 'limits', width: 330, render: (_v, field) => <FieldLimits field={field} index={index} /> },
        {
          title: t('forms.hint'),
          dataIndex: 'hint',
          render: (_v, field) => field.hint ?? <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>,
        },
      ]}
    />
  );
}
