import { StopOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDate } from '../../../ui/format.ts';
import { listBans } from '../api.ts';

/**
 * 禁止申报: why this organisation cannot apply now (003 第十七条) — the reason, the project and the end of the ban,
 * as the server records them. Nothing when there is no active ban.
 */
export function BanNotice({ organisationId }: { organisationId?: string }) {
  const { t } = useI18n();
  const bans = useRequest((signal) => listBans(signal), []);
  const active = (bans.data?.items ?? []).filter((b) => b.active && (!organisationId || b.organisationId === organisationId));
  if (active.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      icon={<StopOutlined />}
      data-testid="ban-notice"
      message={t('proj.ban.title')}
      description={
        <ul style={{ paddingInlineStart: 20, margin: 0 }}>
          {active.map((b) => (
            <li key={b.id} data-testid="ban-item">
              {t('proj.ban.line', { org: b.organisationName, reason: b.reason, until: formatDate(b.endsAt) })}
            </li>
          ))}
        </ul>
      }
    />
  );
}
