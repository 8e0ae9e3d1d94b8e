import type { ProgramPack } from '@shenbao/contracts';
import { Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { Mono } from '../../../ui/mono.tsx';
import { Section } from '../../../ui/section.tsx';
import type { CallTabProps } from '../pack-index.ts';
import { RulesTable } from './rules-table.tsx';
import { SupportSections } from './support-sections.tsx';

type Question = ProgramPack['eligibility']['questions'][number];
type PriorityFlag = NonNullable<ProgramPack['priorityFlags']>[number];

function EligibilityTable({ questions }: { questions: Question[] }) {
  const { t } = useI18n();
  return (
    <Table<Question>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={questions}
      data-testid="eligibility-table"
      columns={[
        { title: t('overview.question'), dataIndex: 'question', width: '38%' },
        {
          title: t('overview.expected'),
          dataIndex: 'expected',
          width: 80,
          align: 'center',
          render: (_v, q) => <Tag color={q.expected ? 'green' : 'volcano'}>{t(q.expected ? 'call.yes' : 'call.no')}</Tag>,
        },
        { title: t('overview.explanation'), dataIndex: 'explanation' },
      ]}
    />
  );
}

function PriorityFlagsTable({ flags }: { flags: PriorityFlag[] }) {
  const { t } = useI18n();
  return (
    <Table<PriorityFlag>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={flags}
      columns={[
        { title: t('overview.priorityLabel'), dataIndex: 'label', width: '45%' },
        { title: t('overview.condition'), dataIndex: 'when', render: (_v, f) => <Mono>{f.when}</Mono> },
      ]}
    />
  );
}

/** 概况: what the call is about, who may apply, the self-check, the commitment, support and sanctions. */
export function OverviewTab({ pack, index }: CallTabProps) {
  const { t, labels } = useI18n();
  const { program } = pack;
  return (
    <div data-testid="call-overview">
      {program.summary && (
        <Section title={t('overview.summary')}>
          <Typography.Paragraph style={{ marginBottom: 0 }}>{program.summary}</Typography.Paragraph>
        </Section>
      )}
      <Section title={t('overview.applicantKinds')}>
        <Space wrap size={[4, 4]}>
          {program.applicantKinds.map((kind) => (
            <Tag key={kind} color="blue">
              {labels.kind(kind)}
            </Tag>
          ))}
        </Space>
      </Section>
      <Section title={t('overview.eligibility')}>
        <EligibilityTable questions={program.eligibility.questions} />
      </Section>
      {program.eligibility.rules && program.eligibility.rules.length > 0 && (
        <Section title={t('overview.eligibilityRules')}>
          <RulesTable rules={program.eligibility.rules} />
        </Section>
      )}
      <Section title={program.commitment.title ?? t('overview.commitment')}>
        <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-line' }}>{program.commitment.text}</Typography.Paragraph>
      </Section>
      <SupportSections program={program} index={index} />
      {program.priorityFlags && program.priorityFlags.length > 0 && (
        <Section title={t('overview.priorityFlags')}>
          <PriorityFlagsTable flags={program.priorityFlags} />
        </Section>
      )}
    </div>
  );
}
