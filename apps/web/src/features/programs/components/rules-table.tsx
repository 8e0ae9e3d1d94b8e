import type { PackRule } from '@shenbao/contracts';
import { Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { Mono } from '../../../ui/mono.tsx';

/** Cross-field rules: what is checked (JSONata), where the message shows, and whether it blocks submission. */
export function RulesTable({ rules, testId }: { rules: readonly PackRule[]; testId?: string }) {
  const { t } = useI18n();
  return (
    <Table<PackRule>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...rules]}
      scroll={{ x: 1000 }}
      data-testid={testId}
      columns={[
        {
          title: t('forms.rule'),
          dataIndex: 'id',
          width: 220,
          render: (_v, rule) => (
            <>
              <div>{rule.description ?? rule.id}</div>
              {rule.description && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {rule.id}
                </Typography.Text>
              )}
            </>
          ),
        },
        {
          title: t('forms.severity'),
          dataIndex: 'severity',
          width: 90,
          render: (_v, rule) => <Tag color={rule.severity === 'error' ? 'red' : 'orange'}>{t(`severity.${rule.severity}`)}</Tag>,
        },
        { title: t('forms.path'), dataIndex: 'path', width: 150, render: (_v, rule) => <Mono>{rule.path}</Mono> },
        {
          title: t('forms.expression'),
          dataIndex: 'assert',
          width: 330,
          render: (_v, rule) => (
            <>
              {rule.when && (
                <div style={{ marginBottom: 4 }}>
                  <Typography.Text type="secondary">{t('forms.when')}</Typography.Text>
                  <Mono>{rule.when}</Mono>
                </div>
              )}
              <Mono>{rule.assert}</Mono>
            </>
          ),
        },
        { title: t('forms.message'), dataIndex: 'message' },
      ]}
    />
  );
}
