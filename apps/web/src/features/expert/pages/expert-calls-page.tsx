import { CheckCircleFilled } from '@ant-design/icons';
import type { ExpertCall } from '@shenbao/contracts';
import { Button, Card, Empty, List, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { ErrorView, PageLoading } from '../../../ui/status-views.tsx';
import { listExpertCalls } from '../api.ts';
import { ExpertCallStatusTag } from '../components/expert-call-status-tag.tsx';
import { StatementModal } from '../components/statement-modal.tsx';

/** /expert (评审任务): the calls this expert reviews; the first visit to one asks for the signed statement. */
export function ExpertCallsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const calls = useRequest((signal) => listExpertCalls(signal), []);
  const [signing, setSigning] = useState<ExpertCall | null>(null);

  if (calls.error !== undefined) return <ErrorView error={calls.error} onRetry={calls.reload} />;
  if (!calls.data) return <PageLoading />;
  const open = (call: ExpertCall) => (call.signedBefore ? navigate(`/expert/calls/${encodeURIComponent(call.callId)}`) : setSigning(call));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="expert-title">
          {t('expert.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('expert.intro')}
        </Typography.Paragraph>
      </Card>
      <Card>
        {calls.data.items.length === 0 ? (
          <Empty description={t('expert.none')} />
        ) : (
          <List
            itemLayout="horizontal"
            dataSource={calls.data.items}
            data-testid="expert-calls"
            renderItem={(call) => (
              <List.Item
                data-testid={`expert-call-${call.callId}`}
                actions={[
                  <Button key="open" type="primary" onClick={() => open(call)} data-testid={`expert-call-open-${call.callId}`}>
                    {t(call.signedBefore ? 'expert.open' : 'expert.signAndOpen')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <span>{call.callTitle}</span>
                      <ExpertCallStatusTag status={call.status} />
                    </Space>
                  }
                  description={
                    <Space direction="vertical" size={2}>
                      <Space>
                        <Progress percent={call.assigned === 0 ? 0 : Math.round((call.submitted / call.assigned) * 100)} size="small" style={{ width: 160, margin: 0 }} showInfo={false} />
                        <Typography.Text data-testid="expert-call-progress">{t('expert.progress', { submitted: call.submitted, assigned: call.assigned })}</Typography.Text>
                      </Space>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {call.signedBefore ? (
                          <>
                            <CheckCircleFilled style={{ color: '#52c41a' }} /> {t('expert.signedBeforeAt', { time: formatDateTime(call.signedBefore) })}
                          </>
                        ) : (
                          t('expert.unsignedBefore')
                        )}
                        {call.signedAfter && ` · ${t('expert.signedAfterAt', { time: formatDateTime(call.signedAfter) })}`}
                      </Typography.Text>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      {signing && (
        <StatementModal
          open
          callId={signing.callId}
          callTitle={signing.callTitle}
          phase="before"
          text={signing.statementText}
          onCancel={() => setSigning(null)}
          onSigned={() => navigate(`/expert/calls/${encodeURIComponent(signing.callId)}`)}
        />
      )}
    </Space>
  );
}
