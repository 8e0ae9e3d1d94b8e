import type { ApplicationStatus, InboxItem } from '@shenbao/contracts';
import { APPLICATION_STATUS_LABELS } from '@shenbao/contracts';
import { Button, Checkbox, Input, Select, Space } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { directionLeaf, distinct, EMPTY_FILTER, type DecisionFilter, type InboxFilter } from '../inbox-filter.ts';

interface InboxFiltersProps {
  items: InboxItem[];
  value: InboxFilter;
  onChange: (next: InboxFilter) => void;
}

/** 筛选: 类别, 方向 (within the chosen 类别), 状态, 审核结论, keyword, and the two hint switches. */
export function InboxFilters({ items, value, onChange }: InboxFiltersProps) {
  const { t } = useI18n();
  const set = (patch: Partial<InboxFilter>) => onChange({ ...value, ...patch });
  const categories = distinct(items.map((i) => i.categoryLabel));
  const directions = distinct(items.filter((i) => !value.category || i.categoryLabel === value.category).map((i) => directionLeaf(i.application.directionLabel)));
  const statuses = distinct<ApplicationStatus>(items.map((i) => i.application.status));
  const decisions: { value: DecisionFilter; label: string }[] = [
    { value: 'pending', label: t('rec.decision.pending') },
    { value: 'returned', label: t('rec.decision.returned') },
    { value: 'passed', label: t('rec.decision.passed') },
    { value: 'rejected', label: t('rec.decision.rejected') },
  ];
  return (
    <Space wrap style={{ marginBottom: 16 }} data-testid="inbox-filters">
      <Select<string>
        allowClear
        placeholder={t('rec.inbox.category')}
        value={value.category}
        onChange={(category) => set({ category, direction: undefined })}
        options={categories.map((c) => ({ value: c, label: c }))}
        style={{ width: 140 }}
        popupMatchSelectWidth={false}
        data-testid="filter-category"
      />
      <Select<string>
        allowClear
        showSearch
        placeholder={t('rec.inbox.direction')}
        value={value.direction}
        onChange={(direction) => set({ direction })}
        options={directions.map((d) => ({ value: d, label: d }))}
        style={{ width: 160 }}
        popupMatchSelectWidth={false}
        data-testid="filter-direction"
      />
      <Select<ApplicationStatus>
        allowClear
        placeholder={t('rec.inbox.status')}
        value={value.status}
        onChange={(status) => set({ status })}
        options={statuses.map((s) => ({ value: s, label: APPLICATION_STATUS_LABELS[s] }))}
        style={{ width: 150 }}
        popupMatchSelectWidth={false}
        data-testid="filter-status"
      />
      <Select<DecisionFilter>
        allowClear
        placeholder={t('rec.inbox.decision')}
        value={value.decision}
        onChange={(decision) => set({ decision })}
        options={decisions}
        style={{ width: 120 }}
        data-testid="filter-decision"
      />
      <Input.Search
        allowClear
        placeholder={t('rec.inbox.keyword')}
        value={value.keyword}
        onChange={(e) => set({ keyword: e.target.value })}
        style={{ width: 220 }}
        data-testid="filter-keyword"
      />
      <Checkbox checked={value.withWarnings} onChange={(e) => set({ withWarnings: e.target.checked })} data-testid="filter-warnings">
        {t('rec.inbox.withWarnings')}
      </Checkbox>
      <Checkbox checked={value.duplicates} onChange={(e) => set({ duplicates: e.target.checked })} data-testid="filter-duplicates">
        {t('rec.inbox.duplicates')}
      </Checkbox>
      <Button type="link" onClick={() => onChange(EMPTY_FILTER)} data-testid="filter-reset">
        {t('common.reset')}
      </Button>
    </Space>
  );
}
