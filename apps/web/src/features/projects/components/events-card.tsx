import type { ProjectDetail } from '@shenbao/contracts';
import { Button, Card, Empty, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import type { MessageKey } from '../../../app/i18n/messages.ts';
import { formatDateTime } from '../../../ui/format.ts';

/** Events the server records without a note (the ledger's rows): named here. */
const UNNOTED: Record<string, MessageKey> = {
  ledger_add: 'proj.events.ledgerAdd',
  ledger_update: 'proj.events.ledgerUpdate',
  ledger_delete: 'proj.events.ledgerDelete',
};

const SHOWN = 8;

/** 办理记录: every act on the project as the server recorded it (the audit log has the same events, hashed). */
export function EventsCard({ events }: { events: ProjectDetail['events'] }) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const newestFirst = [...events].reverse();
  const shown = all ? newestFirst : newestFirst.slice(0, SHOWN);
  return (
    <Card title={t('proj.events.title')} data-testid="project-events">
      {events.length === 0 ? (
        <Empty description={t('proj.events.empty')} />
      ) : (
        <Timeline
          items={shown.map((e) => ({
            key: e.id,
            children: (
              <div data-testid="project-event" data-type={e.type}>
                <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>{' '}
                {[e.organisationName, e.actorName].filter(Boolean).join(' · ')}
                <div>{e.note ?? (UNNOTED[e.type] ? t(UNNOTED[e.type]!) : e.type)}</div>
              </div>
            ),
          }))}
        />
      )}
      {!all && events.length > SHOWN && (
        <Button type="link" onClick={() => setAll(true)} style={{ paddingInline: 0 }} data-testid="project-events-all">
          {t('proj.events.all', { n: events.length })}
        </Button>
      )}
    </Card>
  );
}
