import type { Violation } from '@shenbao/contracts';
import { Space, Tag, Tooltip } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';

/** 规则检查: each finding of the pack's rules as a tag (errors red, warnings orange), or 通过 when there is none. */
export function FindingTags({ findings }: { findings: readonly Violation[] }) {
  const { t } = useI18n();
  if (findings.length === 0) {
    return (
      <Tag color="success" data-testid="findings-none">
        {t('sel.policy.noFindings')}
      </Tag>
    );
  }
  return (
    <Space size={[0, 4]} wrap>
      {findings.map((finding, index) => (
        <Tooltip key={`${finding.ruleId}-${finding.path}-${index}`} title={finding.path ? `${finding.message}（${finding.path}）` : finding.message}>
          <Tag color={finding.severity === 'error' ? 'error' : 'warning'} style={{ whiteSpace: 'normal' }} data-testid="finding" data-severity={finding.severity}>
            {finding.message}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}
