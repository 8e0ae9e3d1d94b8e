import { PROJECT_STATUSES, PROJECT_STATUS_LABELS, type ProjectStatusName } from '@shenbao/contracts';
import { Card, Checkbox, Select, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useRequest } from '../../../api/use-request.ts';
import { useMe } from '../../../app/auth/auth-provider.tsx';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { ErrorView } from '../../../ui/status-views.tsx';
import { listProjects } from '../api.ts';
import { BanNotice } from '../components/ban-notice.tsx';
import { OverdueReportsCard } from '../components/overdue-reports-card.tsx';
import { ProjectsTable } from '../components/projects-table.tsx';
import { PROJECTS_TITLE, projectViewOf } from '../roles.ts';

const isStatus = (v: string | null): v is ProjectStatusName => PROJECT_STATUSES.some((s) => s === v);

/**
 * /projects: 我的项目 (applicant), 项目监管 (recommender: its jurisdiction), 项目管理 (owner: its calls), 验收任务
 * (expert: the panels it sits on). Filters live in the URL; late and missing reports are listed for the authorities.
 */
export function ProjectsPage() {
  const me = useMe();
  const { t } = useI18n();
  const view = projectViewOf(me);
  const [params, setParams] = useSearchParams();
  const callId = params.get('callId') ?? undefined;
  const status = isStatus(params.get('status')) ? (params.get('status') as ProjectStatusName) : undefined;
  const risk = params.get('risk') === '1';
  // The call filter offers the calls of the projects this person sees at all.
  const all = useRequest((signal) => listProjects({}, signal), []);
  const list = useRequest((signal) => listProjects({ callId, status, risk }, signal), [callId, status, risk]);
  const calls = [...new Map((all.data?.items ?? []).map((p) => [p.callId, p.callTitle])).entries()];

  const set = (key: string, value: string | undefined) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {view === 'applicant' && <BanNotice organisationId={me.organisation.id} />}
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="projects-title">
          {t(PROJECTS_TITLE[view])}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t(`proj.list.intro.${view}`)}</Typography.Paragraph>
        <Space wrap size={16} style={{ marginBottom: 16 }}>
          <Select<string>
            allowClear
            placeholder={t('proj.filter.call')}
            value={callId}
            onChange={(v) => set('callId', v)}
            options={calls.map(([id, title]) => ({ value: id, label: title }))}
            style={{ width: 360 }}
            data-testid="projects-call-filter"
          />
          <Select<string>
            allowClear
            placeholder={t('proj.filter.status')}
            value={status}
            onChange={(v) => set('status', v)}
            options={PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABELS[s] }))}
            style={{ width: 220 }}
            data-testid="projects-status-filter"
          />
          {view !== 'applicant' && view !== 'expert' && (
            <Checkbox checked={risk} onChange={(e) => set('risk', e.target.checked ? '1' : undefined)} data-testid="projects-risk-filter">
              {t('proj.filter.risk')}
            </Checkbox>
          )}
        </Space>
        {list.error !== undefined ? (
          <ErrorView error={list.error} onRetry={list.reload} />
        ) : (
          <ProjectsTable items={list.data?.items ?? []} loading={list.loading} showApplicant={view !== 'applicant'} />
        )}
      </Card>
      {(view === 'owner' || view === 'recommender') && <OverdueReportsCard callId={callId} />}
    </Space>
  );
}
