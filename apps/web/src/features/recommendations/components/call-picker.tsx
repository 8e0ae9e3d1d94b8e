import type { CallSummary } from '@shenbao/contracts';
import { Select, Space, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import type { MessageKey } from '../../../app/i18n/messages.ts';
import type { CallChoices } from '../call-choices.ts';

interface CallPickerProps {
  choices: CallChoices;
  value: string | undefined;
  onChange: (callId: string) => void;
  /** The group of calls that concern this organisation: 有申报的通知 (reviewer) or 本单位的通知 (officer). */
  relatedLabel: MessageKey;
  loading?: boolean;
}

/** 选择申报通知: the calls that concern this organisation first, with how many applications reached it. */
export function CallPicker({ choices, value, onChange, relatedLabel, loading }: CallPickerProps) {
  const { t } = useI18n();
  const calls = new Map([...choices.related, ...choices.others].map((call) => [call.id, call]));
  const option = (call: CallSummary) => ({ value: call.id, label: call.title });
  const groups = [
    { label: t(relatedLabel), options: choices.related.map(option) },
    { label: t('rec.call.others'), options: choices.others.map(option) },
  ].filter((group) => group.options.length > 0);
  return (
    <Space wrap align="center">
      <Typography.Text strong>{t('rec.call.label')}</Typography.Text>
      <Select<string>
        value={value}
        onChange={onChange}
        options={groups}
        loading={loading}
        showSearch
        optionFilterProp="label"
        placeholder={t('rec.call.placeholder')}
        style={{ width: 'min(640px, 80vw)' }}
        popupMatchSelectWidth={false}
        // A handful of calls: every option in the page, so each can be found (and scrolled to) by its id.
        virtual={false}
        notFoundContent={t('rec.call.none')}
        data-testid="call-select"
        optionRender={(item) => {
          const id = String(item.value);
          const count = choices.counts.get(id) ?? 0;
          return (
            <div data-testid={`call-option-${id}`} style={{ display: 'flex', gap: 12, justifyContent: 'space-between' }}>
              <span style={{ whiteSpace: 'normal' }}>{item.label}</span>
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {count > 0 ? t('rec.call.count', { n: count }) : (calls.get(id)?.documentNumber ?? '')}
              </Typography.Text>
            </div>
          );
        }}
      />
    </Space>
  );
}
