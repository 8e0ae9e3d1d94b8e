import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tabs, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useRequest } from '../../../api/use-request.ts';
import { useMe } from '../../../app/auth/auth-provider.tsx';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatCalendarDate, formatDate } from '../../../ui/format.ts';
import { ErrorView, PageLoading } from '../../../ui/status-views.tsx';
import { getCall } from '../../programs/api.ts';
import { getProject } from '../api.ts';
import { AcceptanceTab } from '../components/acceptance-tab.tsx';
import { EventsCard } from '../components/events-card.tsx';
import { FundingTab } from '../components/funding-tab.tsx';
import { HonoursTab } from '../components/honours-tab.tsx';
import { LedgerTab } from '../components/ledger-tab.tsx';
import { PlanTab } from '../components/plan-tab.tsx';
import { ReportsTab } from '../components/reports-tab.tsx';
import { PROJECTS_TITLE, projectViewOf } from '../roles.ts';
import { ProjectStatusTag, RiskTag, wan } from '../status.tsx';

const TABS = ['plan', 'reports', 'ledger', 'acceptance', 'funding', 'honours'] as const;
type TabKey = (typeof TABS)[number];

/**
 * /projects/:id: one project with the tabs 实施方案与协议 / 季度报告 / 投资台账 / 验收 / 资金 / 称号与处理. What a tab
 * offers to do is what the server's `permissions` allow this person now; the tab lives in the URL.
 */
export function ProjectPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const detail = useRequest((signal) => getProject(id, signal), [id]);
  const callId = detail.data?.project.callId;
  const pack = useRequest((signal) => (callId ? getCall(callId, signal) : Promise.resolve(undefined)), [callId]);

  if (detail.error !== undefined) return <ErrorView error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <PageLoading />;
  const d = detail.data;
  const p = d.project;
  const view = projectViewOf(me);
  const requested = params.get('tab');
  const tab: TabKey = TABS.find((k) => k === requested) ?? 'plan';
  const reload = detail.reload;
  const common = { detail: d, reload };

  const items = [
    { key: 'plan', label: t('proj.tab.plan'), children: <PlanTab {...common} /> },
    { key: 'reports', label: t('proj.tab.reports'), children: <ReportsTab {...common} pack={pack.data} packError={pack.error} /> },
    { key: 'ledger', label: t('proj.tab.ledger'), children: <LedgerTab {...common} /> },
    { key: 'acceptance', label: t('proj.tab.acceptance'), children: <AcceptanceTab {...common} pack={pack.data} packError={pack.error} /> },
    { key: 'funding', label: t('proj.tab.funding'), children: <FundingTab {...common} /> },
    { key: 'honours', label: t('proj.tab.honours'), children: <HonoursTab {...common} /> },
  ].map((item) => ({ ...item, label: <span data-testid={`project-tab-${item.key}`}>{item.label}</span> }));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <div style={{ marginBottom: 4 }}>
          <Link to="/projects">
            <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
              {t(PROJECTS_TITLE[view])}
            </Button>
          </Link>
        </div>
        <Space align="center" wrap style={{ marginBottom: 12 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="project-name">
            {p.name}
          </Typography.Title>
          <ProjectStatusTag status={p.status} label={p.statusLabel} />
          {/* 当前环节, unless it only repeats the state (实施中). */}
          <Tag data-testid="project-stage-tag" style={p.stage === p.statusLabel ? { display: 'none' } : undefined}>
            {p.stage}
          </Tag>
          <RiskTag risk={p.risk} label={t('proj.risk')} />
          {p.title && <Tag color="gold">{p.title}</Tag>}
        </Space>
        {p.risk.flagged && (
          <Typography.Paragraph type="danger" data-testid="risk-reasons">
            {t('proj.riskReasons', { reasons: p.risk.reasons.join('；') })}
          </Typography.Paragraph>
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'call', label: t('proj.call'), children: p.callTitle },
            { key: 'applicant', label: t('proj.applicant'), children: p.applicantName },
            { key: 'recommender', label: t('proj.recommender'), children: p.recommenderName ?? t('common.empty') },
            { key: 'doc', label: t('proj.documentNumber'), children: `${p.documentNumber}（${formatDate(p.selectedAt)}）` },
            { key: 'period', label: t('proj.period'), children: p.period ? t('proj.periodRange', { from: p.period.from, to: p.period.to }) : t('common.empty') },
            { key: 'reports', label: t('proj.reports.column'), children: t('proj.reports.summary', { submitted: p.reports.submitted, due: p.reports.due, late: p.reports.late, missing: p.reports.missing }) },
            { key: 'ledger', label: t('proj.ledger.actual'), children: <span data-testid="header-actual">{wan(d.ledgerSummary.countedTotal)}</span> },
            ...(d.subsidy ? [{ key: 'paid', label: t('proj.funding.paid'), children: <span data-testid="header-paid">{wan(d.subsidy.paid)}</span> }] : []),
            ...(p.demonstrationEndsOn ? [{ key: 'demo', label: t('proj.honours.demoEnds'), children: formatCalendarDate(p.demonstrationEndsOn) }] : []),
          ]}
        />
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) =>
            setParams(
              (current) => {
                const next = new URLSearchParams(current);
                next.set('tab', key);
                return next;
              },
              { replace: true },
            )
          }
          destroyOnHidden
          items={items}
        />
      </Card>
      <EventsCard events={d.events} />
    </Space>
  );
}
