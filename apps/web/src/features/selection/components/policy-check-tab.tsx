import { CheckOutlined, CloseOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Candidate } from '@shenbao/contracts';
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useRequest } from '../../../api/use-request.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Mono } from '../../../ui/mono.tsx';
import { ReasonModal } from '../../../ui/reason-modal.tsx';
import { ErrorView } from '../../../ui/status-views.tsx';
import { getCandidates, policyCheck } from '../api.ts';
import { DirectionCell } from './direction-cell.tsx';
import { FindingTags } from './finding-tags.tsx';

/** The standard wording of an admission; a rejection always needs the officer's own reason. */
const ADMIT_REASON = '经政策性审查，符合通知规定的申报条件，准予进入专家评审。';

function DecisionCell({ candidate }: { candidate: Candidate }) {
  const { t } = useI18n();
  const check = candidate.policyCheck;
  if (!check) {
    return (
      <Tag data-testid="policy-state" data-state="pending">
        {t('sel.policy.pending')}
      </Tag>
    );
  }
  const admitted = check.decision === 'admitted';
  return (
    <Tooltip title={`${check.decidedBy} · ${formatDateTime(check.decidedAt)} · ${check.reason}`}>
      <Space direction="vertical" size={0}>
        <Tag color={admitted ? 'success' : 'error'} data-testid="policy-state" data-state={check.decision}>
          {t(admitted ? 'sel.policy.admitted' : 'sel.policy.rejected')}
        </Tag>
        {!admitted && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: false }}>
            {check.reason}
          </Typography.Text>
        )}
      </Space>
    </Tooltip>
  );
}

/**
 * 政策性审查 (初审): every recommended application of the call with its channel and rank, the pack's rules re-run
 * on each, and 准予进入评审 / 不予通过 (with a reason the applicant and the recommender will read).
 */
export function PolicyCheckTab({ callId }: { callId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const list = useRequest((signal) => getCandidates(callId, signal), [callId]);
  const [selected, setSelected] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState<Candidate | null>(null);
  const [busy, setBusy] = useState(false);

  if (list.error !== undefined) return <ErrorView error={list.error} onRetry={list.reload} />;
  const items = list.data?.items ?? [];
  const counts = {
    total: items.length,
    admitted: items.filter((c) => c.policyCheck?.decision === 'admitted').length,
    rejected: items.filter((c) => c.policyCheck?.decision === 'rejected').length,
  };

  const admit = async (ids: readonly string[]) => {
    setBusy(true);
    try {
      // One request per application: each decision is its own audited event.
      for (const id of ids) await policyCheck(id, { decision: 'admitted', reason: ADMIT_REASON });
      message.success(t('sel.policy.admittedDone', { n: ids.length }));
      setSelected([]);
    } catch (cause) {
      message.error(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setBusy(false);
      list.reload();
    }
  };

  return (
    <div data-testid="policy-tab">
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text data-testid="policy-counts">
          {t('sel.policy.counts', { total: counts.total, admitted: counts.admitted, rejected: counts.rejected, pending: counts.total - counts.admitted - counts.rejected })}
        </Typography.Text>
        <Space wrap>
          <Button icon={<ReloadOutlined />} onClick={list.reload} loading={list.loading} data-testid="policy-rerun">
            {t('sel.policy.rerun')}
          </Button>
          <Popconfirm title={t('sel.policy.admitSelectedConfirm', { n: selected.length })} onConfirm={() => admit(selected)} disabled={selected.length === 0}>
            <Button type="primary" icon={<CheckOutlined />} disabled={selected.length === 0} loading={busy} data-testid="policy-admit-selected">
              {t('sel.policy.admitSelected', { n: selected.length })}
            </Button>
          </Popconfirm>
        </Space>
      </Space>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('sel.policy.hint')} />
      <Table<Candidate>
        rowKey="applicationId"
        size="middle"
        loading={list.loading}
        dataSource={items}
        // One page up to 100 rows, so 全选 takes every application of an ordinary call.
        pagination={items.length > 100 ? { pageSize: 100, showTotal: (total) => t('common.total', { total }) } : false}
        scroll={{ x: 1090 }}
        locale={{ emptyText: t('sel.policy.empty') }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)), getCheckboxProps: (c) => ({ disabled: c.policyCheck?.decision === 'admitted' }) }}
        data-testid="policy-table"
        columns={[
          { title: t('sel.col.seq'), key: 'seq', width: 52, render: (_v, _c, index) => index + 1 },
          {
            title: t('sel.col.recommenderChannel'),
            key: 'recommender',
            width: 150,
            render: (_v, c) => (
              <>
                <div>{c.recommenderName}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: c.channelLabel }}>
                  {c.channelLabel}
                </Typography.Text>
              </>
            ),
          },
          { title: t('sel.col.rank'), dataIndex: 'rank', width: 76, align: 'center' },
          {
            title: t('sel.col.projectNumber'),
            key: 'projectName',
            width: 210,
            render: (_v, c) => (
              <>
                <div data-testid="policy-project">{c.projectName ?? t('applications.untitled')}</div>
                <Mono>{c.number ?? t('common.empty')}</Mono>
              </>
            ),
          },
          { title: t('sel.col.enterprise'), dataIndex: 'applicantName', width: 150 },
          { title: t('sel.col.direction'), key: 'direction', width: 130, render: (_v, c) => <DirectionCell label={c.directionLabel} /> },
          { title: t('sel.col.findings'), key: 'findings', width: 170, render: (_v, c) => <FindingTags findings={c.findings} /> },
          {
            title: t('sel.col.stateActions'),
            key: 'state',
            width: 130,
            render: (_v, c) => (
              <Space direction="vertical" size={4}>
                <DecisionCell candidate={c} />
                <Space size={0} wrap>
                  {c.policyCheck?.decision !== 'admitted' && (
                    <Popconfirm title={t('sel.policy.admitConfirm')} description={ADMIT_REASON} onConfirm={() => admit([c.applicationId])}>
                      <Button size="small" type="link" icon={<CheckOutlined />} style={{ paddingInline: 0 }} data-testid={`policy-admit-${c.applicationId}`}>
                        {t('sel.policy.admit')}
                      </Button>
                    </Popconfirm>
                  )}
                  {c.policyCheck?.decision !== 'rejected' && (
                    <Button size="small" type="link" danger icon={<CloseOutlined />} style={{ paddingInline: 0 }} onClick={() => setRejecting(c)} data-testid={`policy-reject-${c.applicationId}`}>
                      {t('sel.policy.reject')}
                    </Button>
                  )}
                </Space>
              </Space>
            ),
          },
        ]}
      />
      <ReasonModal
        open={rejecting !== null}
        title={t('sel.policy.rejectTitle', { project: rejecting?.projectName ?? '' })}
        intro={t('sel.policy.rejectIntro')}
        reasonLabel={t('sel.policy.rejectReason')}
        reasonLengthMessage={t('sel.reasonLength')}
        maxLength={2000}
        okText={t('sel.policy.reject')}
        testId="policy-reject"
        onClose={() => setRejecting(null)}
        onSubmit={async (reason) => {
          if (!rejecting) return;
          await policyCheck(rejecting.applicationId, { decision: 'rejected', reason });
          message.success(t('sel.policy.rejectedDone'));
          setRejecting(null);
          list.reload();
        }}
      />
    </div>
  );
}
