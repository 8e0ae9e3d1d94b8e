import type { SelectionView } from '@shenbao/contracts';
import { Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';

type Ceiling = SelectionView['ceilings'][number];

/**
 * The ceilings with the list being edited, counted exactly: the server says which ceilings each application counts
 * toward (a call total such as Hunan's 30, or one limited to categories or answers), so the officer sees a limit before saving.
 */
export function liveCeilings(ceilings: readonly Ceiling[], draft: readonly { ceilingIds: readonly string[] }[]): Ceiling[] {
  return ceilings.map((c) => {
    const used = draft.filter((item) => item.ceilingIds.includes(c.id)).length;
    return { ...c, used, exceeded: used > c.limit };
  });
}

/** 入选限额: used / limit for each ceiling, red when exceeded. */
export function CeilingsPanel({ ceilings }: { ceilings: readonly Ceiling[] }) {
  const { t } = useI18n();
  if (ceilings.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="ceilings">
        {t('sel.decision.noCeilings')}
      </Typography.Text>
    );
  }
  return (
    <Space wrap data-testid="ceilings">
      <Typography.Text strong>{t('sel.decision.ceilings')}</Typography.Text>
      {ceilings.map((c) => (
        <Tag key={c.id} color={c.exceeded ? 'error' : 'blue'} data-testid={`ceiling-${c.id}`} data-exceeded={c.exceeded}>
          {t('sel.decision.ceilingValue', { label: c.label, used: c.used, limit: c.limit })}
          {c.exceeded && ` ${t('sel.decision.ceilingExceeded')}`}
        </Tag>
      ))}
    </Space>
  );
}
