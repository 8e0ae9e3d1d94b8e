import { AuditOutlined, CheckCircleOutlined, CloseCircleOutlined, RollbackOutlined, SendOutlined, StopOutlined, TeamOutlined } from '@ant-design/icons';
import type { AcceptanceRound, Ledger, PackForm, PackSection, ProjectDetail, ProjectFile } from '@shenbao/contracts';
import { ledgerTableRows } from '@shenbao/contracts';
import { Alert, App, Button, Card, Checkbox, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Popconfirm, Radio, Select, Space, Steps, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { isApiError } from '../../../api/client.ts';
import { useRequest } from '../../../api/use-request.ts';
import { useMe } from '../../../app/auth/auth-provider.tsx';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { applyServerErrors } from '../../../ui/form-errors.ts';
import { formatCalendarDate, formatDateTime } from '../../../ui/format.ts';
import { Mono } from '../../../ui/mono.tsx';
import { ReasonModal } from '../../../ui/reason-modal.tsx';
import { Section } from '../../../ui/section.tsx';
import { ErrorView, PageLoading } from '../../../ui/status-views.tsx';
import { getApplication } from '../../applications/api.ts';
import type { CallPack } from '../../programs/api.ts';
import { applyForAcceptance, decideAcceptance, formPanel, getLedger, getPanelCandidates, preReview, reviewAcceptance } from '../api.ts';
import { projectViewOf } from '../roles.ts';
import { ruleContext } from '../rule-context.ts';
import { AcceptanceStatusTag, wan } from '../status.tsx';
import { PackFormView, ReadOnlyPackForm, usePackForm } from './pack-form.tsx';
import { inOutlineOrder } from './plan-tab.tsx';
import { ProjectFileList, ProjectFilesField } from './project-files.tsx';

interface TabProps {
  detail: ProjectDetail;
  reload: () => void;
  pack: CallPack | undefined;
  packError: unknown;
}

/** The ledger as rows of the acceptance form's table, by the same function the server fills it in with. */
function ledgerRows(form: PackForm, fieldId: string, ledger: Ledger): Record<string, unknown>[] {
  const field = form.sections.flatMap((s) => s.fields).find((f) => f.id === fieldId);
  return field?.type === 'table' ? ledgerTableRows(field, ledger.items) : [];
}

/** The ledger as it will go with the application (read-only; it is kept on the 投资台账 tab). */
function LedgerPreview({ ledger, errors }: { ledger: Ledger; errors: string[] }) {
  const { t } = useI18n();
  const problems = ledger.findings.filter((f) => f.severity === 'error' && f.check !== 'invoice_reused');
  return (
    <div style={{ marginBottom: 16 }} data-testid="acceptance-ledger">
      <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('proj.acceptance.ledgerFromTab', { n: ledger.items.length, actual: wan(ledger.countedTotal) })} />
      {(problems.length > 0 || errors.length > 0) && (
        <Alert type="error" showIcon style={{ marginBottom: 8 }} message={t('proj.acceptance.ledgerProblems')} description={[...new Set([...errors, ...problems.map((p) => p.message)])].join('；')} data-testid="acceptance-ledger-error" />
      )}
      <Table
        size="small"
        bordered
        rowKey="id"
        pagination={false}
        dataSource={ledger.items}
        scroll={{ x: 1100 }}
        columns={[
          { title: t('proj.ledger.category'), dataIndex: 'categoryLabel', width: 150 },
          { title: t('proj.ledger.seq'), dataIndex: 'seq', width: 56, align: 'center' },
          { title: t('proj.ledger.equipment'), dataIndex: 'item' },
          { title: t('proj.ledger.supplier'), dataIndex: 'supplier', render: (v: string | null) => v ?? '—' },
          { title: t('proj.ledger.invoiceNo'), dataIndex: 'invoiceNo', render: (v: string | null) => v ?? '—' },
          { title: t('proj.ledger.invoiceAmount'), dataIndex: 'invoiceAmount', align: 'right', render: (v: number | null) => wan(v) },
          { title: t('proj.ledger.invoiceDate'), dataIndex: 'invoiceDate', render: (v: string | null) => (v ? formatCalendarDate(v) : '—') },
          { title: t('proj.ledger.paymentAmount'), dataIndex: 'paymentAmount', align: 'right', render: (v: number | null) => wan(v) },
        ]}
      />
    </div>
  );
}

interface ApplyValues {
  report?: Record<string, string>;
  performanceReport?: Record<string, string>;
}

/**
 * 申请验收: the completion report and the performance report (the pack's outlines), the pack's acceptance form (the
 * ledger filled in by the platform), other material. A first application, a corrected one, or the second acceptance.
 */
function ApplyForm({ detail, pack, reload }: { detail: ProjectDetail; pack: CallPack; reload: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const projectId = detail.project.id;
  const a = detail.acceptance;
  const ledger = useRequest((signal) => getLedger(projectId, signal), [projectId]);
  const application = useRequest((signal) => getApplication(detail.project.applicationId, signal).catch(() => null), [detail.project.applicationId]);
  if (ledger.error !== undefined) return <ErrorView error={ledger.error} onRetry={ledger.reload} />;
  if (!ledger.data || application.loading) return <PageLoading />;
  const form = a.form ? pack.forms.find((f) => f.id === a.form!.id) : undefined;
  if (a.form && !form) return <Alert type="error" showIcon message={t('proj.formMissing', { form: a.form.id })} />;
  const context = ruleContext(me, detail, pack);
  return <ApplyFormBody detail={detail} pack={pack} form={form} ledger={ledger.data} direction={application.data?.answers.direction} context={context} reload={reload} onDone={() => message.success(t('proj.acceptance.applied'))} />;
}

function ApplyFormBody({
  detail,
  pack,
  form,
  ledger,
  direction,
  context,
  reload,
  onDone,
}: {
  detail: ProjectDetail;
  pack: CallPack;
  form: PackForm | undefined;
  ledger: Ledger;
  direction: unknown;
  context: ReturnType<typeof ruleContext>;
  reload: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const projectId = detail.project.id;
  const a = detail.acceptance;
  const last = a.rounds.at(-1);
  const second = detail.project.status === 'rectifying';
  const completion = a.completionOutline.length ? a.completionOutline : form ? [] : ['竣工总结报告'];
  const ledgerField = a.form?.ledgerField ?? null;
  const initial = useMemo(() => {
    const fields = new Set(form?.sections.flatMap((s) => s.fields.map((f) => f.id)) ?? []);
    const previous = last?.answers ?? {};
    const prefill: Record<string, unknown> = {
      ...previous,
      companyName: previous.companyName ?? detail.project.applicantName,
      projectName: previous.projectName ?? detail.project.name,
      agreementNo: detail.agreement?.agreementNo,
      direction: previous.direction ?? direction,
      projectPeriod: previous.projectPeriod ?? detail.project.period ?? undefined,
      acceptanceRound: second ? 'second' : 'first',
      rectificationDeadline: second ? (a.rectificationDeadline ?? undefined) : undefined,
      firstTrancheReceived: detail.subsidy ? detail.subsidy.tranches[0]?.paid : undefined,
      cityMatchingReceived: detail.subsidy?.cityMatching ? detail.subsidy.cityMatchingPaid : undefined,
      ...(form && ledgerField ? { [ledgerField]: ledgerRows(form, ledgerField, ledger) } : {}),
    };
    return Object.fromEntries(Object.entries(prefill).filter(([k, v]) => fields.has(k) && v !== undefined && v !== null));
    // The form starts once, from what is known when it opens.
  }, []);
  const state = usePackForm({ program: pack.program, form: form ?? { id: '', title: '', sections: [] }, initial, context });
  const [texts] = Form.useForm<ApplyValues>();
  const [files, setFiles] = useState<ProjectFile[]>(last?.files ?? []);
  const [errors, setErrors] = useState<string[]>([]);
  const [ledgerErrors, setLedgerErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    let values: ApplyValues;
    try {
      values = await texts.validateFields();
    } catch {
      state.reveal();
      return;
    }
    setSaving(true);
    setErrors([]);
    setLedgerErrors([]);
    const trim = (record: Record<string, string> | undefined, headings: string[]) => (headings.length ? Object.fromEntries(headings.map((h) => [h, (record?.[h] ?? '').trim()])) : undefined);
    try {
      await applyForAcceptance(projectId, {
        report: trim(values.report, completion),
        performanceReport: trim(values.performanceReport, a.performanceOutline),
        ...(form ? { answers: state.answers } : {}),
        fileIds: files.map((f) => f.fileId),
      });
      onDone();
      reload();
    } catch (cause) {
      if (!isApiError(cause)) {
        setErrors([cause instanceof Error ? cause.message : String(cause)]);
        return;
      }
      const textFields: { name: [string, string]; errors: string[] }[] = [];
      const rest: string[] = [];
      const ledgerMessages: string[] = [];
      for (const f of cause.fields) {
        const m = /^\/body\/(report|performanceReport)\/(.+)$/.exec(f.path);
        if (m) textFields.push({ name: [m[1]!, m[2]!], errors: [f.message] });
        else if (f.path.startsWith('/ledger')) ledgerMessages.push(f.message);
        else if (!f.path.startsWith('/body/answers/')) rest.push(f.message);
      }
      texts.setFields(textFields as never);
      state.showServerErrors(cause);
      setLedgerErrors(ledgerMessages);
      setErrors([cause.message, ...rest]);
    } finally {
      setSaving(false);
    }
  };

  const ledgerSection = (section: PackSection) => (ledgerField && section.fields.some((f) => f.id === ledgerField) ? <LedgerPreview ledger={ledger} errors={ledgerErrors} /> : null);
  return (
    <div data-testid="acceptance-apply">
      {second && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('proj.acceptance.secondIntro', { date: formatCalendarDate(a.rectificationDeadline) })} />}
      {last?.status === 'returned' && last.pre && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('proj.acceptance.returnedIntro')} description={last.pre.opinion} />}
      <Form form={texts} layout="vertical" initialValues={{ report: last?.report ?? {}, performanceReport: last?.performanceReport ?? {} }}>
        {completion.length > 0 && (
          <Card size="small" title={t('proj.acceptance.completionReport')} style={{ marginBottom: 16 }}>
            {completion.map((h, i) => (
              <Form.Item key={h} name={['report', h]} label={h} rules={[{ required: true, whitespace: true, message: t('proj.plan.headingRequired') }]}>
                <Input.TextArea rows={3} maxLength={10000} showCount data-testid={`acceptance-report-${i}`} />
              </Form.Item>
            ))}
          </Card>
        )}
        {a.performanceOutline.length > 0 && (
          <Card size="small" title={t('proj.acceptance.performanceReport')} style={{ marginBottom: 16 }}>
            {a.performanceOutline.map((h, i) => (
              <Form.Item key={h} name={['performanceReport', h]} label={h} rules={[{ required: true, whitespace: true, message: t('proj.plan.headingRequired') }]}>
                <Input.TextArea rows={3} maxLength={10000} showCount data-testid={`acceptance-performance-${i}`} />
              </Form.Item>
            ))}
          </Card>
        )}
      </Form>
      {form ? <PackFormView state={state} projectId={projectId} readOnly={false} purpose="acceptance" omit={ledgerField ? [ledgerField] : []} replaced={ledgerSection} /> : <LedgerPreview ledger={ledger} errors={ledgerErrors} />}
      {/* A pack form has its own attachment slots; without one, the material goes as files of the application. */}
      {(!form || files.length > 0) && (
        <Card size="small" title={t('proj.acceptance.otherFiles')} style={{ marginBottom: 16 }}>
          <ProjectFilesField projectId={projectId} purpose="acceptance" files={files} onChange={setFiles} testId="acceptance-files" />
        </Card>
      )}
      {errors.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errors.join('；')} data-testid="acceptance-error" />}
      <Popconfirm title={t(second ? 'proj.acceptance.applySecondConfirm' : 'proj.acceptance.applyConfirm')} onConfirm={() => void submit()}>
        <Button type="primary" icon={<SendOutlined />} loading={saving} data-testid="acceptance-submit">
          {t(second ? 'proj.acceptance.applySecond' : 'proj.acceptance.apply')}
        </Button>
      </Popconfirm>
    </div>
  );
}

/** 初验: 报请验收 (forward to the owner) or 退回 (back to the applicant), always with an opinion. */
function PreReviewForm({ detail, reload }: { detail: ProjectDetail; reload: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ opinion: string }>();
  const [returning, setReturning] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const forward = async () => {
    let values: { opinion: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setErrors([]);
    try {
      await preReview(detail.project.id, { decision: 'forwarded', opinion: values.opinion.trim() });
      message.success(t('proj.acceptance.forwarded'));
      reload();
    } catch (cause) {
      setErrors(applyServerErrors(form, cause, ['opinion']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title={t('proj.acceptance.preTitle')} style={{ marginBottom: 16 }} data-testid="acceptance-pre">
      {errors.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errors.join('；')} data-testid="pre-error" />}
      <Form form={form} layout="vertical">
        <Form.Item name="opinion" label={t('proj.acceptance.preOpinion')} rules={[{ required: true, whitespace: true, min: 2, max: 2000, message: t('proj.reasonLength', { n: 2000 }) }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="pre-opinion" />
        </Form.Item>
      </Form>
      <Space>
        <Popconfirm title={t('proj.acceptance.forwardConfirm')} onConfirm={() => void forward()}>
          <Button type="primary" icon={<SendOutlined />} loading={saving} data-testid="pre-forward">
            {t('proj.acceptance.forward')}
          </Button>
        </Popconfirm>
        <Button icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="pre-return">
          {t('proj.acceptance.return')}
        </Button>
      </Space>
      <ReasonModal
        open={returning}
        title={t('proj.acceptance.returnTitle')}
        intro={t('proj.acceptance.returnIntro')}
        reasonLabel={t('proj.acceptance.returnReason')}
        reasonLengthMessage={t('proj.reasonLength', { n: 2000 })}
        maxLength={2000}
        okText={t('proj.acceptance.return')}
        testId="pre-return"
        onClose={() => setReturning(false)}
        onSubmit={async (reason) => {
          await preReview(detail.project.id, { decision: 'returned', opinion: reason });
          setReturning(false);
          message.success(t('proj.acceptance.returnedDone'));
          reload();
        }}
      />
    </Card>
  );
}

/** 组织验收专家组: experts of the pools the owner may use, those who must stay out shown disabled with the reason. */
function PanelForm({ detail, round, reload }: { detail: ProjectDetail; round: AcceptanceRound; reload: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const review = useRequest((signal) => getPanelCandidates(detail.project.id, signal), [detail.project.id]);
  const [chosen, setChosen] = useState<string[]>(round.panel.map((p) => p.expertUserId));
  const [meetingAt, setMeetingAt] = useState<Dayjs | null>(round.meetingAt ? dayjs(round.meetingAt) : null);
  const [fieldErrors, setFieldErrors] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const experts = review.data?.items ?? [];
  const name = (id: string) => experts.find((e) => e.userId === id)?.name ?? round.panel.find((p) => p.expertUserId === id)?.name ?? id;
  const submit = async () => {
    setSaving(true);
    setError(null);
    setFieldErrors([]);
    try {
      await formPanel(detail.project.id, { expertUserIds: chosen, ...(meetingAt ? { meetingAt: meetingAt.toISOString() } : {}) });
      message.success(t('proj.acceptance.panelFormed'));
      reload();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
      if (isApiError(cause)) {
        setFieldErrors(
          cause.fields.map((f) => {
            const m = /^\/body\/expertUserIds\/(\d+)$/.exec(f.path);
            return m ? `${name(chosen[Number(m[1])] ?? '')}：${f.message}` : f.message;
          }),
        );
      }
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title={t('proj.acceptance.panelTitle')} style={{ marginBottom: 16 }} data-testid="acceptance-panel-form">
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={error} data-testid="panel-error" />}
      {review.error !== undefined && <ErrorView error={review.error} onRetry={review.reload} />}
      <Form layout="vertical">
        <Form.Item
          label={t('proj.acceptance.panelExperts', { n: detail.acceptance.minPanelSize })}
          validateStatus={fieldErrors.length ? 'error' : undefined}
          help={fieldErrors.length ? <span data-testid="panel-field-error">{fieldErrors.join('；')}</span> : undefined}
        >
          <Select<string[]>
            mode="multiple"
            value={chosen}
            onChange={(v) => {
              setChosen(v);
              setFieldErrors([]);
            }}
            loading={review.loading}
            optionFilterProp="label"
            data-testid="panel-experts"
            options={experts.map((e) => ({ value: e.userId, disabled: e.conflict !== null, label: `${e.name}（${e.title}，${e.employerName}）${e.conflict ? `——须回避：${e.conflict}` : ''}` }))}
            optionRender={(option) => <span data-testid={`panel-option-${String(option.value)}`}>{option.label}</span>}
          />
        </Form.Item>
        <Form.Item label={t('proj.acceptance.meetingAt')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={meetingAt} onChange={setMeetingAt} data-testid="panel-meeting" />
        </Form.Item>
      </Form>
      <Button type="primary" icon={<TeamOutlined />} loading={saving} onClick={() => void submit()} disabled={chosen.length === 0} data-testid="panel-submit">
        {t(round.panel.length ? 'proj.acceptance.panelUpdate' : 'proj.acceptance.panelForm')}
      </Button>
    </Card>
  );
}

interface ReviewValues {
  scores?: Record<string, number | null>;
  comments?: Record<string, string>;
  recommendation?: 'pass' | 'fail';
  opinion?: string;
}

/** 专家验收意见: the pack's acceptance rubric (if any), 建议通过/不通过 and the opinion; or 声明回避. */
function ExpertReviewForm({ detail, round, reload }: { detail: ProjectDetail; round: AcceptanceRound; reload: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const rubric = detail.acceptance.rubric;
  const mine = round.panel.find((p) => p.expertUserId === me.user.id)?.review;
  const [form] = Form.useForm<ReviewValues>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [declaring, setDeclaring] = useState(false);
  const submit = async () => {
    let values: ReviewValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setErrors([]);
    try {
      const scores = Object.fromEntries(Object.entries(values.scores ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number'));
      const comments = Object.fromEntries(Object.entries(values.comments ?? {}).filter(([, v]) => typeof v === 'string' && v.trim() !== '').map(([k, v]) => [k, v.trim()]));
      await reviewAcceptance(detail.project.id, { ...(rubric ? { scores, comments } : {}), recommendation: values.recommendation, opinion: values.opinion?.trim() });
      message.success(t('proj.acceptance.reviewSubmitted'));
      reload();
    } catch (cause) {
      if (isApiError(cause)) {
        const named: { name: (string | number)[]; errors: string[] }[] = [];
        const rest: string[] = [];
        for (const f of cause.fields) {
          const m = /^\/body\/(scores|comments)\/(.+)$/.exec(f.path);
          if (m) named.push({ name: [m[1]!, m[2]!], errors: [f.message] });
          else if (f.path === '/body/recommendation' || f.path === '/body/opinion') named.push({ name: [f.path.slice(6)], errors: [f.message] });
          else rest.push(f.message);
        }
        form.setFields(named as never);
        setErrors([cause.message, ...rest]);
      } else setErrors([cause instanceof Error ? cause.message : String(cause)]);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title={t('proj.acceptance.reviewTitle', { round: round.round })} style={{ marginBottom: 16 }} data-testid="acceptance-review-form">
      {mine && <Alert type="success" showIcon style={{ marginBottom: 12 }} message={t('proj.acceptance.reviewSaved', { time: formatDateTime(mine.submittedAt) })} />}
      {errors.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errors.join('；')} data-testid="review-error" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ scores: mine?.scores ?? {}, comments: mine?.comments ?? {}, recommendation: mine?.recommendation ?? undefined, opinion: mine?.opinion ?? '' }}
      >
        {rubric && (
          <Table
            size="small"
            bordered
            rowKey="id"
            pagination={false}
            style={{ marginBottom: 16 }}
            dataSource={rubric.criteria}
            columns={[
              { title: t('proj.acceptance.criterion'), dataIndex: 'label', width: 220, render: (v: string, c) => <>{v}{c.description && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.description}</Typography.Text></div>}</> },
              {
                title: t('proj.acceptance.score', { min: rubric.scale.min, max: rubric.scale.max }),
                key: 'score',
                width: 160,
                render: (_v, c) => (
                  <Form.Item name={['scores', c.id]} style={{ margin: 0 }} rules={[{ required: true, message: t('proj.acceptance.scoreRequired') }]}>
                    <InputNumber<number> min={rubric.scale.min} max={rubric.scale.max} precision={1} data-testid={`review-score-${c.id}`} />
                  </Form.Item>
                ),
              },
              {
                title: t('proj.acceptance.comment'),
                key: 'comment',
                render: (_v, c) => (
                  <Form.Item name={['comments', c.id]} style={{ margin: 0 }} rules={c.commentRequired ? [{ required: true, whitespace: true, message: t('proj.acceptance.commentRequired') }] : []}>
                    <Input maxLength={2000} placeholder={c.commentRequired ? t('proj.acceptance.commentRequired') : undefined} data-testid={`review-comment-${c.id}`} />
                  </Form.Item>
                ),
              },
            ]}
          />
        )}
        <Form.Item name="recommendation" label={t('proj.acceptance.recommendation')} rules={[{ required: true, message: t('proj.acceptance.recommendationRequired') }]}>
          <Radio.Group data-testid="review-recommendation">
            <Radio value="pass" data-testid="review-pass">
              {t('proj.acceptance.recommendPass')}
            </Radio>
            <Radio value="fail" data-testid="review-fail">
              {t('proj.acceptance.recommendFail')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="opinion" label={t('proj.acceptance.expertOpinion')} rules={[{ required: true, whitespace: true, message: t('common.enter', { field: t('proj.acceptance.expertOpinion') }) }]}>
          <Input.TextArea rows={3} maxLength={5000} showCount data-testid="review-opinion" />
        </Form.Item>
      </Form>
      <Space>
        <Popconfirm title={t('proj.acceptance.reviewConfirm')} onConfirm={() => void submit()}>
          <Button type="primary" icon={<AuditOutlined />} loading={saving} data-testid="review-submit">
            {t('proj.acceptance.reviewSubmit')}
          </Button>
        </Popconfirm>
        <Button icon={<StopOutlined />} onClick={() => setDeclaring(true)} data-testid="review-conflict">
          {t('proj.acceptance.declareConflict')}
        </Button>
      </Space>
      <ReasonModal
        open={declaring}
        title={t('proj.acceptance.declareConflict')}
        intro={t('proj.acceptance.conflictIntro')}
        reasonLabel={t('proj.acceptance.conflictReason')}
        reasonLengthMessage={t('proj.reasonLength', { n: 500 })}
        maxLength={500}
        okText={t('proj.acceptance.declareConflict')}
        testId="review-conflict"
        onClose={() => setDeclaring(false)}
        onSubmit={async (reason) => {
          await reviewAcceptance(detail.project.id, { conflict: reason });
          setDeclaring(false);
          message.success(t('proj.acceptance.conflictDeclared'));
          reload();
        }}
      />
    </Card>
  );
}

interface DecisionValues {
  decision: 'passed' | 'failed';
  opinion: string;
  acceptedInvestment?: number | null;
  replicableModel?: boolean;
  rectificationDeadline?: Dayjs | null;
}

/** 验收结论: 通过 (认定实际投资额, 可推广模式 → 称号) or 不通过 (first time: 整改期限; second time: the project ends). */
function DecisionForm({ detail, round, reload }: { detail: ProjectDetail; round: AcceptanceRound; reload: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecisionValues>();
  const decision = Form.useWatch('decision', form);
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    let values: DecisionValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setErrors([]);
    try {
      await decideAcceptance(detail.project.id, {
        decision: values.decision,
        opinion: values.opinion.trim(),
        ...(values.decision === 'passed'
          ? { ...(typeof values.acceptedInvestment === 'number' ? { acceptedInvestment: values.acceptedInvestment } : {}), replicableModel: values.replicableModel === true }
          : values.rectificationDeadline
            ? { rectificationDeadline: values.rectificationDeadline.format('YYYY-MM-DD') }
            : {}),
      });
      message.success(t(values.decision === 'passed' ? 'proj.acceptance.passedDone' : 'proj.acceptance.failedDone'));
      reload();
    } catch (cause) {
      setErrors(applyServerErrors(form, cause, ['decision', 'opinion', 'acceptedInvestment', 'replicableModel', 'rectificationDeadline']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title={t('proj.acceptance.decisionTitle', { round: round.round })} style={{ marginBottom: 16 }} data-testid="acceptance-decision-form">
      {errors.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errors.join('；')} data-testid="decision-error" />}
      <Form form={form} layout="vertical" initialValues={{ decision: undefined, opinion: '', replicableModel: false }}>
        <Form.Item name="decision" label={t('proj.acceptance.conclusion')} rules={[{ required: true, message: t('common.choose', { field: t('proj.acceptance.conclusion') }) }]}>
          <Radio.Group data-testid="decision-choice">
            <Radio value="passed" data-testid="decision-passed">
              {t('proj.acceptance.pass')}
            </Radio>
            <Radio value="failed" data-testid="decision-failed">
              {t('proj.acceptance.fail')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="opinion" label={t('proj.acceptance.evaluationOpinion')} rules={[{ required: true, whitespace: true, min: 2, max: 5000, message: t('proj.reasonLength', { n: 5000 }) }]}>
          <Input.TextArea rows={4} maxLength={5000} showCount data-testid="decision-opinion" />
        </Form.Item>
        {decision === 'passed' && (
          <>
            <Form.Item name="acceptedInvestment" label={t('proj.acceptance.acceptedInvestment')} extra={t('proj.acceptance.acceptedInvestmentHint', { actual: wan(round.actualInvestment) })}>
              <InputNumber<number> min={0} precision={2} addonAfter="万元" placeholder={String(round.actualInvestment)} style={{ width: 240 }} data-testid="decision-investment" />
            </Form.Item>
            <Form.Item name="replicableModel" valuePropName="checked">
              <Checkbox data-testid="decision-replicable">{t('proj.acceptance.replicableModel')}</Checkbox>
            </Form.Item>
          </>
        )}
        {decision === 'failed' && round.round === 1 && (
          <Form.Item name="rectificationDeadline" label={t('proj.acceptance.rectificationDeadline')} extra={t('proj.acceptance.rectificationHint')}>
            <DatePicker format="YYYY-MM-DD" data-testid="decision-deadline" />
          </Form.Item>
        )}
        {decision === 'failed' && round.round > 1 && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('proj.acceptance.secondFailWarning')} />}
      </Form>
      <Popconfirm title={t('proj.acceptance.decisionConfirm')} onConfirm={() => void submit()}>
        <Button type="primary" icon={decision === 'failed' ? <CloseCircleOutlined /> : <CheckCircleOutlined />} loading={saving} data-testid="decision-submit">
          {t('proj.acceptance.decide')}
        </Button>
      </Popconfirm>
    </Card>
  );
}

function RoundView({ detail, pack, round, form }: { detail: ProjectDetail; pack: CallPack | undefined; round: AcceptanceRound; form: PackForm | undefined }) {
  const { t } = useI18n();
  const [showMaterial, setShowMaterial] = useState(false);
  const view = projectViewOf(useMe());
  // Scores and opinions are the owner's and each expert's own; the applicant and the city see the panel only.
  const seesReviews = view === 'owner' || view === 'expert';
  type Member = AcceptanceRound['panel'][number];
  const panelColumns: TableColumnsType<Member> = [
    { title: t('proj.acceptance.expert'), dataIndex: 'name', width: 120 },
    ...(seesReviews
      ? [
          {
            title: t('proj.acceptance.reviewState'),
            key: 'state',
            width: 140,
            render: (_v: unknown, m: Member) =>
              m.review?.conflict ? (
                <Tag color="default">{t('proj.acceptance.conflicted')}</Tag>
              ) : m.review?.recommendation ? (
                <Tag color={m.review.recommendation === 'pass' ? 'success' : 'error'}>{t(m.review.recommendation === 'pass' ? 'proj.acceptance.recommendPass' : 'proj.acceptance.recommendFail')}</Tag>
              ) : (
                <Tag>{t('proj.acceptance.notVisible')}</Tag>
              ),
          },
          { title: t('proj.acceptance.total'), key: 'total', width: 90, align: 'right' as const, render: (_v: unknown, m: Member) => m.review?.total ?? '—' },
          { title: t('proj.acceptance.expertOpinion'), key: 'opinion', render: (_v: unknown, m: Member) => m.review?.conflict ?? m.review?.opinion ?? '—' },
        ]
      : [{ title: t('proj.acceptance.reviewState'), key: 'hidden', render: () => <Typography.Text type="secondary">{t('proj.acceptance.reviewsHidden')}</Typography.Text> }]),
  ];
  const projectId = detail.project.id;
  const texts = [...inOutlineOrder(round.report, detail.acceptance.completionOutline), ...inOutlineOrder(round.performanceReport, detail.acceptance.performanceOutline)];
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid={`acceptance-round-${round.round}`}
      title={
        <Space wrap>
          <span>{t(round.round === 1 ? 'proj.acceptance.round1' : 'proj.acceptance.round2')}</span>
          <AcceptanceStatusTag status={round.status} label={round.statusLabel} />
        </Space>
      }
      extra={<Button size="small" onClick={() => setShowMaterial((v) => !v)} data-testid={`acceptance-material-toggle-${round.round}`}>{t(showMaterial ? 'proj.acceptance.hideMaterial' : 'proj.acceptance.showMaterial')}</Button>}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'at', label: t('proj.acceptance.submittedAt'), children: `${formatDateTime(round.submittedAt)}${round.submissions > 1 ? t('proj.acceptance.submissions', { n: round.submissions }) : ''}` },
          { key: 'actual', label: t('proj.ledger.actual'), children: <span data-testid="round-actual">{wan(round.actualInvestment)}</span> },
          { key: 'hash', label: 'SHA-256', children: <Mono>{round.sha256}</Mono> },
          ...(round.meetingAt ? [{ key: 'meeting', label: t('proj.acceptance.meetingAt'), children: formatDateTime(round.meetingAt) }] : []),
        ]}
      />
      {round.pre && (
        <Alert
          type={round.pre.decision === 'forwarded' ? 'success' : 'warning'}
          showIcon
          style={{ marginTop: 12 }}
          message={t(round.pre.decision === 'forwarded' ? 'proj.acceptance.preForwarded' : 'proj.acceptance.preReturned', { by: round.pre.by, time: formatDateTime(round.pre.at) })}
          description={round.pre.opinion}
          data-testid="round-pre"
        />
      )}
      {round.panel.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('proj.acceptance.panel')}
            {round.averageScore !== null && <Typography.Text type="secondary" style={{ fontSize: 14, marginInlineStart: 12 }}>{t('proj.acceptance.average', { score: round.averageScore })}</Typography.Text>}
          </Typography.Title>
          <Table
            size="small"
            rowKey="expertUserId"
            pagination={false}
            dataSource={round.panel}
            data-testid="round-panel"
            columns={panelColumns}
          />
        </>
      )}
      {round.decision && (
        <Alert
          type={round.decision.decision === 'passed' ? 'success' : 'error'}
          showIcon
          style={{ marginTop: 12 }}
          data-testid="round-decision"
          message={
            round.decision.decision === 'passed'
              ? t('proj.acceptance.decisionPassed', { time: formatDateTime(round.decision.at), investment: wan(round.decision.acceptedInvestment) })
              : round.decision.rectificationDeadline
                ? t('proj.acceptance.decisionFailedRectify', { time: formatDateTime(round.decision.at), date: formatCalendarDate(round.decision.rectificationDeadline) })
                : t('proj.acceptance.decisionFailed', { time: formatDateTime(round.decision.at) })
          }
          description={round.decision.opinion}
        />
      )}
      {showMaterial && (
        <div style={{ marginTop: 16 }} data-testid={`acceptance-material-${round.round}`}>
          {texts.length > 0 && (
            <Descriptions size="small" bordered column={1} style={{ marginBottom: 12 }} items={texts.map(([h, v]) => ({ key: h, label: h, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{v}</Typography.Paragraph> }))} />
          )}
          {form && pack && <ReadOnlyPackForm detail={detail} pack={pack} form={form} answers={round.answers} />}
          {round.files.length > 0 && <ProjectFileList projectId={projectId} files={round.files} testId={`round-files-${round.round}`} />}
        </div>
      )}
    </Card>
  );
}

/** 验收: apply, 初验, the expert panel and its opinions, the conclusion; a failed first round leads to 整改 and a second. */
export function AcceptanceTab({ detail, reload, pack, packError }: TabProps) {
  const { t } = useI18n();
  const a = detail.acceptance;
  const can = detail.permissions;
  if (!detail.steps.acceptance) return <Empty description={t('proj.acceptance.noStep')} />;
  if (packError !== undefined) return <ErrorView error={packError} />;
  const current = a.rounds.at(-1);
  const form = a.form && pack ? pack.forms.find((f) => f.id === a.form!.id) : undefined;
  const stepIndex = !current ? 0 : current.status === 'applied' || current.status === 'returned' ? 1 : current.status === 'forwarded' || current.status === 'panel' ? 2 : 3;
  return (
    <div data-testid="acceptance-tab">
      <Steps
        size="small"
        current={stepIndex}
        style={{ marginBottom: 16 }}
        items={[
          { title: t('proj.acceptance.stepApply') },
          ...(a.preAcceptance ? [{ title: t('proj.acceptance.stepPre') }] : []),
          { title: t('proj.acceptance.stepExperts') },
          { title: t('proj.acceptance.stepDecision') },
        ].map((s, i, all) => ({ ...s, status: i === all.length - 1 && current?.status === 'failed' && i <= stepIndex ? ('error' as const) : undefined }))}
      />
      {detail.project.status === 'rectifying' && a.rectificationDeadline && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('proj.acceptance.rectifying', { date: formatCalendarDate(a.rectificationDeadline) })} data-testid="rectification-alert" />
      )}
      {can.applyAcceptance && (
        <Section title={t(detail.project.status === 'rectifying' ? 'proj.acceptance.applySecondTitle' : 'proj.acceptance.applyTitle')}>
          {pack ? <ApplyForm detail={detail} pack={pack} reload={reload} /> : <PageLoading />}
        </Section>
      )}
      {current && can.preReview && <PreReviewForm detail={detail} reload={reload} />}
      {current && can.formPanel && <PanelForm detail={detail} round={current} reload={reload} />}
      {current && can.reviewAcceptance && <ExpertReviewForm detail={detail} round={current} reload={reload} />}
      {current && can.decideAcceptance && <DecisionForm detail={detail} round={current} reload={reload} />}
      <Section title={t('proj.acceptance.roundsTitle')}>
        {a.rounds.length === 0 ? <Empty description={t('proj.acceptance.none')} /> : [...a.rounds].reverse().map((r) => <RoundView key={r.id} detail={detail} pack={pack} round={r} form={form} />)}
      </Section>
    </div>
  );
}
