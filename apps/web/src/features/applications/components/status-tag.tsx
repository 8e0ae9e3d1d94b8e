import type { ApplicationSummary } from '@shenbao/contracts';
import { Tag } from 'antd';
import { STATUS_COLOURS } from '../status.ts';

/** 状态 as the server names it (statusLabel), in the state's colour. */
export function StatusTag({ application }: { application: Pick<ApplicationSummary, 'status' | 'statusLabel'> }) {
  return (
    <Tag color={STATUS_COLOURS[application.status]} data-testid="application-status" data-status={application.status}>
      {application.statusLabel}
    </Tag>
  );
}
