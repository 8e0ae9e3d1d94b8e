import type { ProgramPack } from '@shenbao/contracts';
import { Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { Section } from '../../../ui/section.tsx';
import type { CallTabProps } from '../pack-index.ts';

type Channel = ProgramPack['channels'][number];
type Quota = NonNullable<ProgramPack['quotas']>[number];

const SEP = '、';

/** 推荐渠道与限额: who recommends to whom, and how many each may recommend. */
export function ChannelsTab({ pack, index }: CallTabProps) {
  const { t, labels } = useI18n();
  const { program } = pack;
  const empty = <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
  const quotas = program.quotas ?? [];

  return (
    <div data-testid="call-channels">
      <Section title={t('channels.title')}>
        <Table<Channel>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={program.channels}
          scroll={{ x: 900 }}
          data-testid="channels-table"
          columns={[
            { title: t('channels.label'), dataIndex: 'label', width: 300 },
            {
              title: t('channels.recommenderKinds'),
              dataIndex: 'recommenderKinds',
              width: 160,
              render: (_v, c) => (
                <Space wrap size={[4, 4]}>
                  {c.recommenderKinds.map((k) => (
                    <Tag key={k}>{labels.kind(k)}</Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t('channels.via'),
              dataIndex: 'via',
              width: 170,
              render: (_v, c) => (c.direct ? t('channels.direct') : c.via ? labels.kind(c.via) : t('channels.toIssuer')),
            },
            {
              title: t('channels.usesLocalQuota'),
              dataIndex: 'usesLocalQuota',
              width: 110,
              render: (_v, c) => (c.usesLocalQuota === undefined ? empty : t(c.usesLocalQuota ? 'call.yes' : 'call.no')),
            },
            {
              title: t('channels.exclusiveWith'),
              dataIndex: 'exclusiveWith',
              render: (_v, c) => (c.exclusiveWith?.length ? c.exclusiveWith.map(index.channel).join(SEP) : empty),
            },
          ]}
        />
      </Section>
      <Section title={t('quotas.title')}>
        {quotas.length === 0 ? (
          <Typography.Text type="secondary">{t('quotas.none')}</Typography.Text>
        ) : (
          <Table<Quota>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={quotas}
            scroll={{ x: 1100 }}
            data-testid="quotas-table"
            columns={[
              { title: t('quotas.label'), dataIndex: 'label', width: 240 },
              { title: t('quotas.scope'), dataIndex: 'scope', width: 120, render: (_v, q) => t(`scope.${q.scope}`) },
              { title: t('quotas.limit'), dataIndex: 'limit', width: 70, align: 'right' },
              {
                title: t('quotas.channel'),
                dataIndex: 'channel',
                render: (_v, q) => {
                  const parts = [q.channel && index.channel(q.channel), q.recommenderKinds?.map((k) => labels.kind(k)).join(SEP)];
                  const text = parts.filter(Boolean).join('；');
                  return text || empty;
                },
              },
              { title: t('quotas.regionClass'), dataIndex: 'regionClass', width: 90, render: (_v, q) => (q.regionClass ? labels.region(q.regionClass) : empty) },
              {
                title: t('quotas.categories'),
                dataIndex: 'categories',
                width: 150,
                render: (_v, q) => (q.categories?.length ? q.categories.map(index.category).join(SEP) : empty),
              },
              {
                title: t('quotas.answer'),
                dataIndex: 'answer',
                width: 170,
                render: (_v, q) => (q.answer ? t('common.labelled', { label: index.field(q.answer.field), value: q.answer.values.join(SEP) }) : empty),
              },
            ]}
          />
        )}
      </Section>
    </div>
  );
}
