import { Descriptions, Tooltip, Typography, type DescriptionsProps } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatCalendarDate } from '../../../ui/format.ts';
import { Mono } from '../../../ui/mono.tsx';
import type { CallPack } from '../api.ts';
import { CurrentStageTag, NextDeadline } from './call-stage-cells.tsx';

type Items = NonNullable<DescriptionsProps['items']>;

function ContactLines({ pack }: { pack: CallPack }) {
  const { t } = useI18n();
  const c = pack.program.contact;
  if (!c) return <>{t('common.empty')}</>;
  const lines = [
    c.name,
    c.phone && t('common.labelled', { label: t('call.contactPhone'), value: c.phone }),
    c.email && t('common.labelled', { label: t('call.contactEmail'), value: c.email }),
    c.address &&
      t('common.labelled', {
        label: t('call.contactAddress'),
        value: `${c.address}${c.postcode ? `（${t('call.contactPostcode')} ${c.postcode}）` : ''}`,
      }),
  ].filter((line): line is string => Boolean(line));
  return (
    <>
      {lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </>
  );
}

/** The notice as printed on its first page: 文号, 发文单位, date, contact, the call it belongs to. */
export function CallHeader({ pack, offsetMs }: { pack: CallPack; offsetMs: number }) {
  const { t } = useI18n();
  const { call, program } = pack;
  const items: Items = [
    { key: 'documentNumber', label: t('calls.documentNumber'), children: call.documentNumber ?? t('common.empty') },
    { key: 'issuer', label: t('calls.issuer'), children: call.issuerName },
    { key: 'issueDate', label: t('call.issueDate'), children: formatCalendarDate(call.issueDate) },
    { key: 'year', label: t('calls.year'), children: call.year },
    { key: 'currentStage', label: t('calls.currentStage'), children: <CurrentStageTag call={call} /> },
    { key: 'nextDeadline', label: t('calls.nextDeadline'), children: <NextDeadline call={call} offsetMs={offsetMs} /> },
    { key: 'contact', label: t('call.contact'), children: <ContactLines pack={pack} /> },
    {
      key: 'version',
      label: t('calls.version'),
      children: (
        <Tooltip title={t('call.hash')}>
          <span>
            {t('calls.versionValue', { n: call.version })} <Mono>{call.hash.slice(0, 12)}</Mono>
          </span>
        </Tooltip>
      ),
    },
  ];
  if (program.parent) {
    const p = program.parent;
    items.push({
      key: 'parent',
      label: t('call.parent'),
      span: 2,
      children: (
        <>
          {p.title}
          {p.documentNumber && <Typography.Text type="secondary">（{p.documentNumber}）</Typography.Text>}
          <div>
            <Typography.Text type="secondary">{p.issuer}</Typography.Text>
          </div>
        </>
      ),
    });
  }
  return <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} size="small" bordered items={items} data-testid="call-header" />;
}
