import { ArrowLeftOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { Static } from 'typebox';
import type { ExpertAssignment } from '@shenbao/contracts';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Mono } from '../../../ui/mono.tsx';
import { ErrorView, NotFoundResult, PageLoading } from '../../../ui/status-views.tsx';
import { listAssignments, listExpertCalls } from '../api.ts';
import { ExpertCallStatusTag } from '../components/expert-call-status-tag.tsx';
import { StatementModal } from '../components/statement-modal.tsx';

type Assignment = Static<typeof ExpertAssignment>;

/** The expert's assignments of one call, shown only once the statement is signed; it may sign the closing one at the end. */
function Assignments({ callId, signedAfter, statementText, callTitle, onSigned }: { callId: string; signedAfter: string | null; statementText: string; callTitle: string; onSigned: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const list = useRequest((signal) => listAssignments(callId, signal), [callId]);
  const [signing, setSigning] = useState(false);
  if (list.error !== undefined) return <ErrorView error={list.error} onRetry={list.reload} />;
  if (!list.data) return <PageLoading />;
  const items = list.data.items;
  const allDone = items.length > 0 && items.every((a) => a.submittedAt !== null);
  return (
    <Card>
      {allDone && !signedAfter && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('expert.allDone')}
          action={
            <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={() => setSigning(true)} data-testid="statement-after-open">
              {t('expert.signAfter')}
            </Button>
          }
          data-testid="expert-all-done"
        />
      )}
      {signedAfter && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('expert.signedAfterAt', { time: formatDateTime(signedAfter) })} data-testid="expert-signed-after" />}
      {list.data.status === 'closed' && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('expert.closedHint')} />}
      <Table<Assignment>
        rowKey="id"
        size="middle"
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('expert.noAssignments') }}
        onRow={(a) => ({ onClick: () => navigate(`/expert/assignments/${a.id}`), style: { cursor: 'pointer' } })}
        data-testid="expert-assignments"
        columns={[
          { title: t('applications.number'), key: 'number', width: 140, render: (_v, a) => <Mono>{a.number ?? t('common.empty')}</Mono> },
          {
            title: t('applications.projectName'),
            key: 'project',
            render: (_v, a) => <Typography.Link data-testid={`expert-assignment-open-${a.id}`}>{a.projectName ?? t('applications.untitled')}</Typography.Link>,
          },
          { title: t('sel.col.enterprise'), dataIndex: 'applicantName', width: 220 },
          { title: t('sel.col.direction'), key: 'direction', width: 180, render: (_v, a) => a.directionLabel ?? t('common.empty') },
          {
            title: t('expert.state'),
            key: 'state',
            width: 170,
            render: (_v, a) =>
              a.submittedAt ? (
                <Tag color="success" data-testid="assignment-state" data-state="submitted">
                  {t('expert.submitted')} {formatDateTime(a.submittedAt).slice(5, 16)}
                </Tag>
              ) : (
                <Tag data-testid="assignment-state" data-state="open">
                  {t('expert.notSubmitted')}
                </Tag>
              ),
          },
          { title: t('expert.total'), key: 'total', width: 90, align: 'right', render: (_v, a) => (a.total === null ? t('common.empty') : a.total.toFixed(2)) },
        ]}
      />
      {signing && (
        <StatementModal
          open
          callId={callId}
          callTitle={callTitle}
          phase="after"
          text={statementText}
          onCancel={() => setSigning(false)}
          onSigned={() => {
            setSigning(false);
            onSigned();
          }}
        />
      )}
    </Card>
  );
}

/** /expert/calls/:callId: the statement first (before anything is shown), then the assignments. */
export function ExpertCallPage() {
  const { callId = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const calls = useRequest((signal) => listExpertCalls(signal), []);
  if (calls.error !== undefined) return <ErrorView error={calls.error} onRetry={calls.reload} />;
  if (!calls.data) return <PageLoading />;
  const call = calls.data.items.find((c) => c.callId === callId);
  if (!call) return <NotFoundResult detail={t('expert.callNotFound')} />;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space style={{ marginBottom: 8 }}>
          <Link to="/expert">
            <Button icon={<ArrowLeftOutlined />} data-testid="expert-back">
              {t('expert.back')}
            </Button>
          </Link>
        </Space>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="expert-call-title">
          {call.callTitle} <ExpertCallStatusTag status={call.status} />
        </Typography.Title>
        <Typography.Text type="secondary">{t('expert.progress', { submitted: call.submitted, assigned: call.assigned })}</Typography.Text>
      </Card>
      {call.signedBefore ? (
        <Assignments callId={callId} signedAfter={call.signedAfter} statementText={call.statementText} callTitle={call.callTitle} onSigned={calls.reload} />
      ) : (
        <>
          <Card>
            <Alert type="warning" showIcon message={t('expert.mustSign')} />
          </Card>
          <StatementModal open callId={callId} callTitle={call.callTitle} phase="before" text={call.statementText} onCancel={() => navigate('/expert')} onSigned={calls.reload} />
        </>
      )}
    </Space>
  );
}
