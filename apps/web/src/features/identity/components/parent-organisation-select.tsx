import type { Organisation } from '@shenbao/contracts';
import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { getOrganisation, listOrganisations } from '../api.ts';

interface ParentOrganisationSelectProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  disabled?: boolean;
}

const SEARCH_DELAY_MS = 300;

/** Picks a parent organisation by searching /api/organisations?q= (already scoped by the server). */
export function ParentOrganisationSelect({ value, onChange, disabled }: ParentOrganisationSelectProps) {
  const { labels, t } = useI18n();
  const [keyword, setKeyword] = useState('');
  const [options, setOptions] = useState<Organisation[]>([]);
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState<Organisation | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setLoading(true);
      listOrganisations({ q: keyword || undefined, pageSize: 20 }, controller.signal)
        .then((list) => setOptions(list.items))
        .catch(() => setOptions([]))
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer.current);
      controller.abort();
    };
  }, [keyword]);

  // A preset value (the actor's own organisation) may not be among the first results.
  useEffect(() => {
    if (!value || selected?.id === value || options.some((o) => o.id === value)) return;
    const controller = new AbortController();
    getOrganisation(value, controller.signal)
      .then(setSelected)
      .catch(() => undefined);
    return () => controller.abort();
  }, [value, selected, options]);

  const merged = selected && !options.some((o) => o.id === selected.id) ? [selected, ...options] : options;

  return (
    <Select<string>
      showSearch
      allowClear
      value={value}
      disabled={disabled}
      placeholder={t('org.parentSearch')}
      filterOption={false}
      onSearch={setKeyword}
      onChange={(next) => {
        setSelected(merged.find((o) => o.id === next) ?? null);
        onChange?.(next);
      }}
      notFoundContent={loading ? <Spin size="small" /> : undefined}
      options={merged.map((o) => ({ value: o.id, label: `${o.name}（${labels.kind(o.kind)}）` }))}
      data-testid="parent-select"
    />
  );
}
