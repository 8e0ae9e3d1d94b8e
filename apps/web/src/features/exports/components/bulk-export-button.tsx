import { ExportOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../api/client.ts';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { Section } from '../../../ui/section.tsx';
import { createExport } from '../api.ts';
import { useExportJob } from '../use-export-job.ts';
import { ExportJobsTable } from './export-jobs-table.tsx';
import { ExportProgress } from './export-progress.tsx';

export interface ExportScopeChoice {
  /** The recommender to narrow to; undefined: everything the requester may export. */
  recommenderOrganisationId?: string;
  label: string;
}

/**
 * 批量导出 on a call's page: choose the scope (the owner may narrow to one recommender), start the job, follow its
 * progress bar; 取消 while it runs and 下载 when it is done. The job runs on the server whether the panel stays open or not.
 */
export function BulkExportButton({ callId, scopes }: { callId: string; scopes: ExportScopeChoice[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState(0);
  const [starting, setStarting] = useState(false);
  const [job, setJob] = useExportJob(null);
  const [refreshKey, setRefreshKey] = useState(0);

  const start = async () => {
    setStarting(true);
    try {
      const chosen = scopes[scope];
      const created = await createExport({ callId, ...(chosen?.recommenderOrganisationId ? { recommenderOrganisationId: chosen.recommenderOrganisationId } : {}) });
      setJob(created);
      setRefreshKey((k) => k + 1);
      message.success(t('export.started'));
    } catch (error) {
      message.error(isApiError(error) ? error.message : String(error));
    } finally {
      setStarting(false);
    }
  };

  return (
    <>
      <Button icon={<ExportOutlined />} onClick={() => setOpen(true)} data-testid="bulk-export">
        {t('export.button')}
      </Button>
      <Drawer title={t('export.drawer.title')} open={open} onClose={() => setOpen(false)} width={720} destroyOnHidden data-testid="export-drawer">
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('export.drawer.intro')}
          </Typography.Paragraph>
          <Space wrap>
            <Typography.Text strong>{t('export.scope')}</Typography.Text>
            <Select<number>
              value={scope}
              onChange={setScope}
              options={scopes.map((s, i) => ({ value: i, label: s.label }))}
              style={{ minWidth: 280 }}
              disabled={scopes.length < 2}
              data-testid="export-scope"
            />
            <Button type="primary" onClick={() => void start()} loading={starting} data-testid="export-start">
              {t('export.start')}
            </Button>
          </Space>
          {job && <ExportProgress job={job} onChange={setJob} />}
          <Section title={t('export.mine')} testId="export-mine">
            <ExportJobsTable callId={callId} refreshKey={refreshKey} />
          </Section>
        </Space>
      </Drawer>
    </>
  );
}
