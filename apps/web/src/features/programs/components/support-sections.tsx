import type { ProgramPack } from '@shenbao/contracts';
import { Descriptions, type DescriptionsProps } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { Section } from '../../../ui/section.tsx';
import type { PackIndex } from '../pack-index.ts';

type Items = NonNullable<DescriptionsProps['items']>;

const DESCRIPTIONS: DescriptionsProps = { size: 'small', bordered: true, column: 1, styles: { label: { width: 160 } } };

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** 资金支持, 称号 and 违规处理, each only when the notice says something about it. */
export function SupportSections({ program, index }: { program: ProgramPack; index: PackIndex }) {
  const { t } = useI18n();
  const { funding, honours, sanctions } = program;
  const yesNo = (value: boolean) => t(value ? 'call.yes' : 'call.no');

  const fundingItems: Items = funding
    ? [
        { key: 'rate', label: t('overview.subsidyRate'), children: percent(funding.subsidyRate) },
        { key: 'cap', label: t('overview.cap'), children: t('overview.wan', { n: funding.capWan }) },
        { key: 'basis', label: t('overview.basis'), children: funding.basis },
        {
          key: 'tranches',
          label: t('overview.tranches'),
          children: funding.tranches.map((tranche, i) => (
            <div key={`${tranche.stage}-${i}`}>
              {i + 1}. {tranche.label}（{index.stage(tranche.stage)}
              {tranche.share !== undefined && `，${percent(tranche.share)}`}）
            </div>
          )),
        },
        ...(funding.cityMatching !== undefined ? [{ key: 'city', label: t('overview.cityMatching'), children: yesNo(funding.cityMatching) }] : []),
      ]
    : [];

  const honourItems: Items = honours
    ? [
        { key: 'title', label: t('overview.honours'), children: honours.title },
        ...(honours.demonstrationYears
          ? [{ key: 'years', label: t('overview.demonstrationYears'), children: t('overview.years', { n: honours.demonstrationYears }) }]
          : []),
      ]
    : [];

  const sanctionItems: Items = sanctions
    ? [
        { key: 'ban', label: t('overview.banYears'), children: t('overview.years', { n: sanctions.banYears }) },
        { key: 'revoke', label: t('overview.revokeTitle'), children: yesNo(sanctions.revokeTitle) },
        { key: 'recover', label: t('overview.recoverFunds'), children: yesNo(sanctions.recoverFunds) },
        {
          key: 'grounds',
          label: t('overview.grounds'),
          children: sanctions.grounds.map((g) => <div key={g}>{g}</div>),
        },
      ]
    : [];

  return (
    <>
      {funding && (
        <Section title={t('overview.funding')}>
          <Descriptions {...DESCRIPTIONS} items={fundingItems} />
        </Section>
      )}
      {honours && (
        <Section title={t('overview.honours')}>
          <Descriptions {...DESCRIPTIONS} items={honourItems} />
        </Section>
      )}
      {sanctions && (
        <Section title={t('overview.sanctions')}>
          <Descriptions {...DESCRIPTIONS} items={sanctionItems} />
        </Section>
      )}
    </>
  );
}
