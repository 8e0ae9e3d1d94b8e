import type { ApplicationEvent, PackForm } from '@shenbao/contracts';
import { APPLICATION_STATUS_LABELS, type ApplicationStatus } from '@shenbao/contracts';
import { Card, Tag, Timeline, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { fieldIdOfPath, findField } from '../../../forms/form-model.ts';
import { formatDateTime } from '../../../ui/format.ts';
import { eventLabel } from '../status.ts';

const COLOURS: Record<string, string> = { created: 'gray', submitted: 'blue', resubmitted: 'blue', returned: 'orange', withdrawn: 'gray' };

function statusLabel(status: string | null): string | null {
  return status && status in APPLICATION_STATUS_LABELS ? APPLICATION_STATUS_LABELS[status as ApplicationStatus] : status;
}

/** 办理记录: every step of the application, newest last, with opinions and the fields they name. */
export function HistoryCard({ events, form }: { events: ApplicationEvent[]; form: PackForm }) {
  const { t } = useI18n();
  return (
    <Card title={t('history.title')} style={{ marginBottom: 16 }} data-testid="history">
      <Timeline
        items={events.map((event) => {
          const key = eventLabel(event.type);
          const to = statusLabel(event.toStatus);
          return {
            key: event.id,
            color: COLOURS[event.type] ?? 'blue',
            children: (
              <div data-testid="history-event" data-type={event.type}>
                <Typography.Text strong>{key ? t(key) : event.type}</Typography.Text>
                {to && <Tag style={{ marginInlineStart: 8 }}>{to}</Tag>}
                <div>
                  <Typography.Text type="secondary">
                    {formatDateTime(event.at)} · {event.actorName ?? t('audit.system')}
                    {event.organisationName ? `（${event.organisationName}）` : ''}
                  </Typography.Text>
                </div>
                {event.opinion && (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
                    {t('history.opinion', { opinion: event.opinion })}
                  </Typography.Paragraph>
                )}
                {event.fields.length > 0 && (
                  <div>
                    {event.fields.map((path) => (
                      <Tag key={path} color="orange">
                        {findField(form, fieldIdOfPath(path) ?? '')?.label ?? path}
                      </Tag>
                    ))}
                  </div>
                )}
              </div>
            ),
          };
        })}
      />
    </Card>
  );
}
