import type { ApplicationDetail } from '@shenbao/contracts';
import { Descriptions, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateMinute, formatDateTime } from '../../../ui/format.ts';
import { Mono } from '../../../ui/mono.tsx';
import { DeadlineCountdown } from '../../programs/components/deadline-countdown.tsx';
import { StatusTag } from './status-tag.tsx';

interface ApplicationSummaryProps {
  detail: ApplicationDetail;
  /** The project name as typed (the server's summary lags until the save). */
  projectName: string | null;
  offsetMs: number;
  fillersExtra?: ReactNode;
}

/** The application's particulars above the form: number, call, direction, parties, deadline. */
export function ApplicationSummary({ detail, projectName, offsetMs, fillersExtra }: ApplicationSummaryProps) {
  const { t } = useI18n();
  const a = detail.application;
  return (
    <>
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="application-title">
          {projectName || t('applications.untitled')}
        </Typography.Title>
        <StatusTag application={a} />
      </Space>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xxl: 3 }} styles={{ label: { whiteSpace: 'nowrap' } }} data-testid="application-summary">
        <Descriptions.Item label={t('applications.number')}>
          {a.number ? <Mono>{a.number}</Mono> : <Typography.Text type="secondary">{t('applications.noNumber')}</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label={t('applications.call')}>{a.callTitle}</Descriptions.Item>
        <Descriptions.Item label={t('applications.form')}>{a.formTitle}</Descriptions.Item>
        <Descriptions.Item label={t('applications.direction')}>{a.directionLabel ?? t('common.empty')}</Descriptions.Item>
        <Descriptions.Item label={t('applications.applicant')}>{a.applicantName}</Descriptions.Item>
        <Descriptions.Item label={t('applications.recommender')}>{a.recommenderName ?? t('common.empty')}</Descriptions.Item>
        <Descriptions.Item label={t('applications.deadline')}>
          {a.deadline ? (
            <Space size={8} wrap>
              <span>{formatDateMinute(a.deadline)}</span>
              {detail.editable && <DeadlineCountdown closes={a.deadline} offsetMs={offsetMs} />}
            </Space>
          ) : (
            t('common.empty')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('applications.submittedAt')}>{formatDateTime(a.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('applications.fillers')}>
          <Space size={8} wrap>
            <span data-testid="application-fillers">{detail.fillers.length > 0 ? detail.fillers.map((f) => f.displayName).join('、') : t('applications.noFillers')}</span>
            {fillersExtra}
          </Space>
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
