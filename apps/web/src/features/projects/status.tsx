import type { ACCEPTANCE_STATUSES, ProjectStatusName, ReportSlot } from '@shenbao/contracts';
import { REPORT_STATE_LABELS } from '@shenbao/contracts';
import { Tag, Tooltip } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { formatNumber } from '../../forms/value-format.ts';

// How the project screens show the server's states and amounts. Amounts are the server's (万元, two decimals): the
// browser only formats them.

export const PROJECT_STATUS_COLOURS: Record<ProjectStatusName, string> = {
  implementing: 'processing',
  rectifying: 'warning',
  accepted: 'success',
  failed: 'error',
  revoked: 'error',
};

const REPORT_STATE_COLOURS: Record<ReportSlot['state'], string> = {
  upcoming: 'default',
  open: 'processing',
  submitted: 'success',
  late: 'warning',
  missing: 'error',
};

const ACCEPTANCE_COLOURS: Record<(typeof ACCEPTANCE_STATUSES)[number], string> = {
  applied: 'processing',
  returned: 'warning',
  forwarded: 'cyan',
  panel: 'purple',
  passed: 'success',
  failed: 'error',
};

/** 1234.5 → "1,234.50 万元"; null → "—". */
export function wan(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${formatNumber(value, 2)} 万元`;
}

export function ProjectStatusTag({ status, label }: { status: ProjectStatusName; label: string }) {
  return (
    <Tag color={PROJECT_STATUS_COLOURS[status]} data-testid="project-status" data-status={status}>
      {label}
    </Tag>
  );
}

export function ReportStateTag({ state }: { state: ReportSlot['state'] }) {
  return (
    <Tag color={REPORT_STATE_COLOURS[state]} data-testid="report-state" data-state={state}>
      {REPORT_STATE_LABELS[state]}
    </Tag>
  );
}

export function AcceptanceStatusTag({ status, label }: { status: (typeof ACCEPTANCE_STATUSES)[number]; label: string }) {
  return (
    <Tag color={ACCEPTANCE_COLOURS[status]} data-testid="acceptance-status" data-status={status}>
      {label}
    </Tag>
  );
}

/** 风险提示: the server's reasons in a tooltip. */
export function RiskTag({ risk, label }: { risk: { flagged: boolean; reasons: string[] }; label: string }) {
  if (!risk.flagged) return null;
  return (
    <Tooltip title={risk.reasons.join('；')}>
      <Tag color="red" icon={<WarningOutlined />} data-testid="risk-flag">
        {label}
      </Tag>
    </Tooltip>
  );
}
