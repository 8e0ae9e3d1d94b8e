import type { ProjectSummary } from '@shenbao/contracts';
import { Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { formatCalendarDate, formatDate } from '../../../ui/format.ts';
import { ProjectStatusTag, RiskTag } from '../status.tsx';

/** The projects the server lets this person see, newest selection first, with stage, reports and risk. */
export function ProjectsTable({ items, loading, showApplicant }: { items: ProjectSummary[]; loading: boolean; showApplicant: boolean }) {
  const { t } = useI18n();
  return (
    <Table<ProjectSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20, showTotal: (total) => t('common.total', { total }) } : false}
      scroll={{ x: 1300 }}
      locale={{ emptyText: t('proj.list.empty') }}
      data-testid="projects-table"
      columns={[
        {
          title: t('proj.name'),
          dataIndex: 'name',
          width: 300,
          render: (_v, p) => (
            <>
              <Link to={`/projects/${p.id}`} data-testid="project-link">
                {p.name}
              </Link>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.callTitle}
                </Typography.Text>
              </div>
            </>
          ),
        },
        ...(showApplicant
          ? [
              {
                title: t('proj.applicant'),
                dataIndex: 'applicantName',
                width: 200,
                render: (_v: unknown, p: ProjectSummary) => (
                  <>
                    {p.applicantName}
                    {p.recommenderName && (
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {p.recommenderName}
                        </Typography.Text>
                      </div>
                    )}
                  </>
                ),
              },
            ]
          : []),
        {
          title: t('proj.status'),
          dataIndex: 'status',
          width: 200,
          render: (_v, p) => (
            <Space direction="vertical" size={2}>
              <Space size={4} wrap>
                <ProjectStatusTag status={p.status} label={p.statusLabel} />
                <RiskTag risk={p.risk} label={t('proj.risk')} />
              </Space>
              {p.stage !== p.statusLabel && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="project-stage">
                  {p.stage}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        {
          title: t('proj.reports.column'),
          key: 'reports',
          width: 190,
          render: (_v, p) => (
            <Space direction="vertical" size={2}>
              <span>{t('proj.reports.counts', { submitted: p.reports.submitted, due: p.reports.due })}</span>
              <Space size={4} wrap>
                {p.reports.late > 0 && <Tag color="warning">{t('proj.reports.lateN', { n: p.reports.late })}</Tag>}
                {p.reports.missing > 0 && <Tag color="error">{t('proj.reports.missingN', { n: p.reports.missing })}</Tag>}
              </Space>
              {p.reports.nextDueOn && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('proj.reports.nextDue', { date: formatCalendarDate(p.reports.nextDueOn) })}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        {
          title: t('proj.period'),
          key: 'period',
          width: 180,
          render: (_v, p) => (p.period ? t('proj.periodRange', { from: p.period.from, to: p.period.to }) : t('common.empty')),
        },
        {
          title: t('proj.selected'),
          key: 'selected',
          width: 200,
          render: (_v, p) => (
            <>
              {formatDate(p.selectedAt)}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.documentNumber}
                </Typography.Text>
              </div>
            </>
          ),
        },
        {
          title: t('proj.title'),
          key: 'title',
          width: 180,
          render: (_v, p) => (p.title ? <Tag color="gold">{p.title}</Tag> : t('common.empty')),
        },
      ]}
    />
  );
}
