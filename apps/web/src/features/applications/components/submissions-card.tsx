import { DiffOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { ApplicationDetail, ProgramPack, PackForm } from '@shenbao/contracts';
import { Button, Card, Modal, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { Mono } from '../../../ui/mono.tsx';
import { verifySubmission, type Verification } from '../api.ts';
import { DiffTable } from './diff-table.tsx';

type Submission = ApplicationDetail['submissions'][number];

interface SubmissionsCardProps {
  applicationId: string;
  submissions: Submission[];
  program: ProgramPack;
  form: PackForm;
}

function VerifyCell({ applicationId, seq }: { applicationId: string; seq: number }) {
  const { t } = useI18n();
  const [result, setResult] = useState<Verification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      setResult(await verifySubmission(applicationId, seq));
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setRunning(false);
    }
  };
  return (
    <Space>
      <Button size="small" icon={<SafetyCertificateOutlined />} loading={running} onClick={() => void run()} data-testid={`verify-${seq}`}>
        {t('submissions.verify')}
      </Button>
      {result && (
        <Tooltip title={<Mono>{result.recomputed}</Mono>}>
          <Tag color={result.ok ? 'success' : 'error'} data-testid={`verify-result-${seq}`}>
            {t(result.ok ? 'submissions.verifyOk' : 'submissions.verifyBroken')}
          </Tag>
        </Tooltip>
      )}
      {error && <Tag color="error">{error}</Tag>}
    </Space>
  );
}

/** 提交记录: each submission's hashed snapshot, its verification and, from the second one on, the changes. */
export function SubmissionsCard({ applicationId, submissions, program, form }: SubmissionsCardProps) {
  const { t } = useI18n();
  const seqs = submissions.map((s) => s.seq);
  const [diffOpen, setDiffOpen] = useState(false);
  const [from, setFrom] = useState<number | undefined>(seqs[seqs.length - 2]);
  const [to, setTo] = useState<number | undefined>(seqs[seqs.length - 1]);
  const choices = seqs.map((seq) => ({ value: seq, label: t('submissions.seqLabel', { n: seq }) }));
  return (
    <Card
      title={t('submissions.title')}
      style={{ marginBottom: 16 }}
      data-testid="submissions"
      extra={
        submissions.length >= 2 ? (
          <Button icon={<DiffOutlined />} onClick={() => setDiffOpen(true)} data-testid="diff-open">
            {t('submissions.diff')}
          </Button>
        ) : undefined
      }
    >
      <Table<Submission>
        rowKey="seq"
        size="small"
        pagination={false}
        dataSource={submissions}
        columns={[
          { title: t('submissions.seq'), dataIndex: 'seq', width: 90, render: (seq: number) => t('submissions.seqLabel', { n: seq }) },
          { title: t('submissions.submittedAt'), dataIndex: 'submittedAt', width: 180, render: (at: string) => formatDateTime(at) },
          { title: 'SHA-256', dataIndex: 'sha256', render: (sha: string) => <Mono>{sha}</Mono> },
          { title: t('submissions.verifyCol'), key: 'verify', width: 200, render: (_v, s) => <VerifyCell applicationId={applicationId} seq={s.seq} /> },
        ]}
      />
      <Modal open={diffOpen} onCancel={() => setDiffOpen(false)} footer={null} width={960} title={t('submissions.diff')} destroyOnHidden>
        <Space style={{ marginBottom: 16 }}>
          <Select<number> value={from} options={choices} onChange={setFrom} style={{ width: 140 }} data-testid="diff-from" />
          <span>→</span>
          <Select<number> value={to} options={choices} onChange={setTo} style={{ width: 140 }} data-testid="diff-to" />
        </Space>
        {from !== undefined && to !== undefined && <DiffTable applicationId={applicationId} from={from} to={to} program={program} form={form} />}
      </Modal>
    </Card>
  );
}
