import { FileTextOutlined, SendOutlined } from '@ant-design/icons';
import type { PackForm, ProjectDetail, ReportSlot } from '@shenbao/contracts';
import { Alert, App, Button, Descriptions, Drawer, Empty, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useMe } from '../../../app/auth/auth-provider.tsx';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import type { MessageKey } from '../../../app/i18n/messages.ts';
import { applyServerErrors } from '../../../ui/form-errors.ts';
import { formatCalendarDate, formatDateTime } from '../../../ui/format.ts';
import { Mono } from '../../../ui/mono.tsx';
import { Section } from '../../../ui/section.tsx';
import { ErrorView, PageLoading } from '../../../ui/status-views.tsx';
import type { CallPack } from '../../programs/api.ts';
import { submitReport } from '../api.ts';
import { ruleContext } from '../rule-context.ts';
import { ReportStateTag } from '../status.tsx';
import { PackFormView, ReadOnlyPackForm, usePackForm } from './pack-form.tsx';

interface TabProps {
  detail: ProjectDetail;
  reload: () => void;
  pack: CallPack | undefined;
  packError: unknown;
}

type Report = ProjectDetail['reports']['items'][number];

const PLAIN_LABELS: Record<string, MessageKey> = { progressSummary: 'proj.reports.progress', problems: 'proj.reports.problems', nextQuarterPlan: 'proj.reports.nextPlan' };

/** The pack's quarterly-report form for one quarter: what the platform knows is filled in; the server checks the rest. */
function PackReportForm({ detail, pack, form, slot, onDone }: { detail: ProjectDetail; pack: CallPack; form: PackForm; slot: ReportSlot; onDone: () => void }) {
  const me = useMe();
  const { t } = useI18n();
  const { message } = App.useApp();
  const context = useMemo(() => ruleContext(me, detail, pack), [me, detail, pack]);
  const fields = new Set(form.sections.flatMap((s) => s.fields.map((f) => f.id)));
  const initial: Record<string, unknown> = {};
  const prefill: Record<string, unknown> = {
    companyName: detail.project.applicantName,
    projectName: detail.project.name,
    agreementNo: detail.agreement?.agreementNo,
    reportYear: slot.year,
    reportQuarter: `Q${slot.quarter}`,
    plannedInvestment: detail.ledgerSummary.plannedTotal ?? undefined,
  };
  for (const [k, v] of Object.entries(prefill)) if (fields.has(k) && v !== undefined) initial[k] = v;
  const state = usePackForm({ program: pack.program, form, initial, context });
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    state.reveal();
    setSaving(true);
    setErrors([]);
    try {
      await submitReport(detail.project.id, { year: slot.year, quarter: slot.quarter, answers: state.answers });
      message.success(t('proj.reports.submitted', { label: slot.label }));
      onDone();
    } catch (cause) {
      setErrors(state.showServerErrors(cause));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div data-testid="report-form">
      {errors.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errors.join('；')} data-testid="report-error" />}
      <PackFormView state={state} projectId={detail.project.id} readOnly={false} purpose="report" />
      <Popconfirm title={t('proj.reports.submitConfirm', { label: slot.label })} onConfirm={() => void submit()}>
        <Button type="primary" icon={<SendOutlined />} loading={saving} data-testid="report-submit">
          {t('proj.reports.submit')}
        </Button>
      </Popconfirm>
    </div>
  );
}

/** Without a pack form: 本季度进展情况 (required), 存在的问题, 下季度计划. */
function PlainReportForm({ detail, slot, onDone }: { detail: ProjectDetail; slot: ReportSlot; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ progressSummary: string; problems?: string; nextQuarterPlan?: string }>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    let values: { progressSummary: string; problems?: string; nextQuarterPlan?: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setErrors([]);
    try {
      await submitReport(detail.project.id, { year: slot.year, quarter: slot.quarter, answers: values });
      message.success(t('proj.reports.submitted', { label: slot.label }));
      onDone();
    } catch (cause) {
      setErrors(applyServerErrors(form, cause, ['progressSummary', 'problems', 'nextQuarterPlan']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div data-testid="report-form">
      {errors.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errors.join('；')} data-testid="report-error" />}
      <Form form={form} layout="vertical">
        <Form.Item name="progressSummary" label={t('proj.reports.progress')} rules={[{ required: true, whitespace: true, message: t('common.enter', { field: t('proj.reports.progress') }) }]}>
          <Input.TextArea rows={4} maxLength={10000} data-testid="report-progress" />
        </Form.Item>
        <Form.Item name="problems" label={t('proj.reports.problems')}>
          <Input.TextArea rows={2} maxLength={10000} />
        </Form.Item>
        <Form.Item name="nextQuarterPlan" label={t('proj.reports.nextPlan')}>
          <Input.TextArea rows={2} maxLength={10000} />
        </Form.Item>
      </Form>
      <Button type="primary" icon={<SendOutlined />} loading={saving} onClick={() => void submit()} data-testid="report-submit">
        {t('proj.reports.submit')}
      </Button>
    </div>
  );
}

function ReportView({ detail, pack, form, report }: { detail: ProjectDetail; pack: CallPack | undefined; form: PackForm | undefined; report: Report }) {
  const { t } = useI18n();
  return (
    <div data-testid="report-view">
      <Descriptions
        size="small"
        bordered
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'due', label: t('proj.reports.dueOn'), children: formatCalendarDate(report.dueOn) },
          { key: 'at', label: t('proj.reports.submittedAt'), children: <>{formatDateTime(report.submittedAt)} {report.late && <Tag color="warning">{t('proj.reports.late')}</Tag>}</> },
          { key: 'by', label: t('proj.reports.submittedBy'), children: report.submittedBy },
          { key: 'hash', label: 'SHA-256', children: <Mono>{report.sha256}</Mono> },
        ]}
      />
      {form && pack ? (
        <ReadOnlyPackForm detail={detail} pack={pack} form={form} answers={report.answers} />
      ) : (
        <Descriptions
          size="small"
          bordered
          column={1}
          items={Object.entries(report.answers).map(([k, v]) => ({ key: k, label: PLAIN_LABELS[k] ? t(PLAIN_LABELS[k]!) : k, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{v === null || v === undefined ? '—' : String(v)}</Typography.Paragraph> }))}
        />
      )}
    </div>
  );
}

/** 季度报告: the schedule with each quarter's state (server clock), 报送 for the applicant, the reports read-only. */
export function ReportsTab({ detail, reload, pack, packError }: TabProps) {
  const { t } = useI18n();
  const [filing, setFiling] = useState<ReportSlot | null>(null);
  const [viewing, setViewing] = useState<Report | null>(null);
  const { reports, permissions: can } = detail;
  if (!detail.steps.quarterlyReports) return <Empty description={t('proj.reports.noStep')} />;
  if (packError !== undefined) return <ErrorView error={packError} />;
  const formRef = reports.form;
  const form = formRef ? pack?.forms.find((f) => f.id === formRef.id) : undefined;
  const p = detail.project;
  return (
    <div data-testid="reports-tab">
      <Section title={formRef?.title ?? t('proj.reports.title')}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Tag>{t('proj.reports.counts', { submitted: p.reports.submitted, due: p.reports.due })}</Tag>
          {p.reports.late > 0 && <Tag color="warning">{t('proj.reports.lateN', { n: p.reports.late })}</Tag>}
          {p.reports.missing > 0 && <Tag color="error">{t('proj.reports.missingN', { n: p.reports.missing })}</Tag>}
          {p.reports.nextDueOn && <Typography.Text type="secondary">{t('proj.reports.nextDue', { date: formatCalendarDate(p.reports.nextDueOn) })}</Typography.Text>}
        </Space>
        {!p.period && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('proj.reports.noPeriod')} />}
        <Table<ReportSlot>
          rowKey={(s) => `${s.year}Q${s.quarter}`}
          size="small"
          dataSource={reports.schedule}
          pagination={false}
          locale={{ emptyText: t('proj.reports.empty') }}
          data-testid="report-schedule"
          columns={[
            { title: t('proj.reports.quarter'), dataIndex: 'label', width: 180 },
            { title: t('proj.reports.dueOn'), dataIndex: 'dueOn', width: 150, render: (v: string) => formatCalendarDate(v) },
            { title: t('proj.reports.state'), dataIndex: 'state', width: 120, render: (_v, s) => <ReportStateTag state={s.state} /> },
            { title: t('proj.reports.submittedAt'), dataIndex: 'submittedAt', width: 180, render: (v: string | null) => formatDateTime(v) },
            {
              title: t('proj.actions'),
              key: 'actions',
              render: (_v, s) => {
                const report = s.reportId ? reports.items.find((r) => r.id === s.reportId) : undefined;
                return (
                  <Space>
                    {report && (
                      <Button size="small" icon={<FileTextOutlined />} onClick={() => setViewing(report)} data-testid={`report-view-${s.year}Q${s.quarter}`}>
                        {t('proj.reports.view')}
                      </Button>
                    )}
                    {!report && can.submitReport && (s.state === 'open' || s.state === 'missing') && (
                      <Button size="small" type="primary" icon={<SendOutlined />} onClick={() => setFiling(s)} data-testid={`report-file-${s.year}Q${s.quarter}`}>
                        {t(s.state === 'missing' ? 'proj.reports.fileLate' : 'proj.reports.file')}
                      </Button>
                    )}
                  </Space>
                );
              },
            },
          ]}
        />
      </Section>
      <Drawer
        open={filing !== null}
        width={960}
        title={filing ? t('proj.reports.fileTitle', { label: filing.label }) : ''}
        onClose={() => setFiling(null)}
        destroyOnHidden
      >
        {filing &&
          (formRef ? (
            !pack ? (
              <PageLoading />
            ) : form ? (
              <PackReportForm
                detail={detail}
                pack={pack}
                form={form}
                slot={filing}
                onDone={() => {
                  setFiling(null);
                  reload();
                }}
              />
            ) : (
              <Alert type="error" showIcon message={t('proj.formMissing', { form: formRef.id })} />
            )
          ) : (
            <PlainReportForm
              detail={detail}
              slot={filing}
              onDone={() => {
                setFiling(null);
                reload();
              }}
            />
          ))}
      </Drawer>
      <Drawer open={viewing !== null} width={960} title={viewing ? `${t('proj.reports.viewTitle')} · ${reports.schedule.find((s) => s.reportId === viewing.id)?.label ?? ''}` : ''} onClose={() => setViewing(null)} destroyOnHidden>
        {viewing && <ReportView detail={detail} pack={pack} form={form} report={viewing} />}
      </Drawer>
    </div>
  );
}
