import { CheckCircleOutlined, EditOutlined, RollbackOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { ProjectDetail, ProjectFile } from '@shenbao/contracts';
import { Alert, App, Button, Checkbox, Collapse, Descriptions, Empty, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/auth/auth-provider.tsx';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { applyServerErrors } from '../../../ui/form-errors.ts';
import { formatDateTime } from '../../../ui/format.ts';
import { Mono } from '../../../ui/mono.tsx';
import { ReasonModal } from '../../../ui/reason-modal.tsx';
import { Section } from '../../../ui/section.tsx';
import { decidePlan, prepareAgreement, signAgreement, submitPlan } from '../api.ts';
import { ProjectFileList, ProjectFilesField } from './project-files.tsx';

interface TabProps {
  detail: ProjectDetail;
  reload: () => void;
}

type PlanVersion = ProjectDetail['plan']['versions'][number];
type Agreement = NonNullable<ProjectDetail['agreement']>;

const PLAN_STATUS_COLOURS: Record<PlanVersion['status'], string> = { submitted: 'processing', approved: 'success', returned: 'warning' };

/** The headings the plan is written under: the pack's outline, or one 实施方案 text (as the server expects). */
function headingsOf(detail: ProjectDetail): string[] {
  return detail.plan.outline.length ? detail.plan.outline : ['实施方案'];
}

/** Texts per heading in the outline's order (the database keeps JSON keys in its own order). */
export function inOutlineOrder(sections: Record<string, string>, outline: readonly string[]): [string, string][] {
  const known = outline.filter((h) => h in sections).map((h): [string, string] => [h, sections[h]!]);
  return [...known, ...Object.entries(sections).filter(([h]) => !outline.includes(h))];
}

function PlanVersions({ detail }: { detail: ProjectDetail }) {
  const { t } = useI18n();
  const versions = [...detail.plan.versions].reverse();
  if (versions.length === 0) return <Empty description={t('proj.plan.none')} />;
  return (
    <Collapse
      defaultActiveKey={[String(versions[0]!.seq)]}
      data-testid="plan-versions"
      items={versions.map((v) => ({
        key: String(v.seq),
        label: (
          <Space wrap data-testid={`plan-version-${v.seq}`}>
            <span>{t('proj.plan.version', { n: v.seq })}</span>
            <Tag color={PLAN_STATUS_COLOURS[v.status]} data-testid="plan-status" data-status={v.status}>
              {t(`proj.plan.status.${v.status}`)}
            </Tag>
            <Typography.Text type="secondary">{t('proj.plan.submittedAt', { time: formatDateTime(v.submittedAt) })}</Typography.Text>
          </Space>
        ),
        children: (
          <>
            {v.opinion && (
              <Alert
                type={v.status === 'returned' ? 'warning' : 'success'}
                showIcon
                style={{ marginBottom: 12 }}
                message={t(v.status === 'returned' ? 'proj.plan.returnedOpinion' : 'proj.plan.approvedOpinion', { time: formatDateTime(v.decidedAt) })}
                description={v.opinion}
                data-testid="plan-opinion"
              />
            )}
            <Descriptions
              size="small"
              bordered
              column={1}
              items={[
                ...inOutlineOrder(v.sections, detail.plan.outline).map(([heading, text]) => ({ key: heading, label: heading, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{text}</Typography.Paragraph> })),
                { key: 'files', label: t('proj.files'), children: v.files.length ? <ProjectFileList projectId={detail.project.id} files={v.files} testId="plan-files" /> : t('common.empty') },
                { key: 'hash', label: 'SHA-256', children: <Mono>{v.sha256}</Mono> },
              ]}
            />
          </>
        ),
      }))}
    />
  );
}

/** 提交实施方案: a text under every heading of the outline (no blank: “无” where nothing applies), with attachments. */
function PlanForm({ detail, reload }: TabProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const headings = headingsOf(detail);
  const last = detail.plan.versions.at(-1);
  const [form] = Form.useForm<Record<string, string>>();
  const [files, setFiles] = useState<ProjectFile[]>(last?.files ?? []);
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    let values: Record<string, string>;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setErrors([]);
    try {
      await submitPlan(detail.project.id, { sections: Object.fromEntries(headings.map((h) => [h, (values[h] ?? '').trim()])), fileIds: files.map((f) => f.fileId) });
      message.success(t('proj.plan.submitted'));
      reload();
    } catch (cause) {
      setErrors(applyServerErrors(form, cause, headings));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div data-testid="plan-form">
      {last?.status === 'returned' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('proj.plan.revise')} />}
      {errors.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errors.join('；')} data-testid="plan-error" />}
      <Form form={form} layout="vertical" initialValues={last?.sections ?? {}}>
        {headings.map((h, i) => (
          <Form.Item key={h} name={h} label={h} rules={[{ required: true, whitespace: true, message: t('proj.plan.headingRequired') }]}>
            <Input.TextArea rows={3} maxLength={10000} showCount data-testid={`plan-section-${i}`} />
          </Form.Item>
        ))}
        <Form.Item label={t('proj.plan.files')}>
          <ProjectFilesField projectId={detail.project.id} purpose="plan" files={files} onChange={setFiles} testId="plan-files-input" />
        </Form.Item>
        <Popconfirm title={t('proj.plan.submitConfirm')} onConfirm={() => void submit()}>
          <Button type="primary" loading={saving} data-testid="plan-submit">
            {t('proj.plan.submit')}
          </Button>
        </Popconfirm>
      </Form>
    </div>
  );
}

/** 审核实施方案: 批准 (with an optional opinion) or 退回修改 (with the reasons). */
function PlanDecision({ detail, reload }: TabProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [opinion, setOpinion] = useState('');
  const [returning, setReturning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const approve = async () => {
    setSaving(true);
    setError(null);
    try {
      await decidePlan(detail.project.id, { decision: 'approved', opinion: opinion.trim() });
      message.success(t('proj.plan.approvedDone'));
      reload();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div data-testid="plan-decision">
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={error} />}
      <Form layout="vertical">
        <Form.Item label={t('proj.plan.approveOpinion')}>
          <Input.TextArea rows={2} maxLength={2000} value={opinion} onChange={(e) => setOpinion(e.target.value)} data-testid="plan-approve-opinion" />
        </Form.Item>
      </Form>
      <Space>
        <Popconfirm title={t('proj.plan.approveConfirm')} onConfirm={() => void approve()}>
          <Button type="primary" icon={<CheckCircleOutlined />} loading={saving} data-testid="plan-approve">
            {t('proj.plan.approve')}
          </Button>
        </Popconfirm>
        <Button icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="plan-return">
          {t('proj.plan.return')}
        </Button>
      </Space>
      <ReasonModal
        open={returning}
        title={t('proj.plan.returnTitle')}
        intro={t('proj.plan.returnIntro')}
        reasonLabel={t('proj.plan.returnReason')}
        reasonLengthMessage={t('proj.reasonLength', { n: 2000 })}
        maxLength={2000}
        okText={t('proj.plan.return')}
        testId="plan-return"
        onClose={() => setReturning(false)}
        onSubmit={async (reason) => {
          await decidePlan(detail.project.id, { decision: 'returned', opinion: reason });
          setReturning(false);
          message.success(t('proj.plan.returnedDone'));
          reload();
        }}
      />
    </div>
  );
}

function defaultTerms(detail: ProjectDetail): string {
  const p = detail.project;
  return [
    `一、项目名称：${p.name}；项目单位：${p.applicantName}；项目期：${p.period ? `${p.period.from}至${p.period.to}` : '按申报书'}。`,
    '二、建设内容与目标：按经批准的实施方案组织实施，完成实施方案确定的建设内容和目标。',
    '三、进度报告：项目单位每个季度末报送项目进展情况，接受所在市工业和信息化主管部门的协调调度和主管部门的现场指导。',
    '四、资金：补助资金按通知规定的比例和批次拨付，专款专用，接受财政、审计等部门的监督检查。',
    '五、验收：项目建设完成后提交验收申请和竣工材料，经初验后由主管部门组织专家验收；未通过验收的限期整改。',
    '六、违约处理：在项目申报、实施、验收中弄虚作假的，撤销项目、取消称号、收回补助资金，并按规定禁止申报。',
  ].join('\n');
}

/** 拟定实施协议 (the owner): number, terms, attachments; its SHA-256 is what both sides will sign. */
function AgreementForm({ detail, reload, onDone }: TabProps & { onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const current = detail.agreement;
  const [form] = Form.useForm<{ agreementNo: string; terms: string }>();
  const initialFiles = ((current?.document as { files?: ProjectFile[] } | undefined)?.files ?? []) as ProjectFile[];
  const [files, setFiles] = useState<ProjectFile[]>(initialFiles);
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    let values: { agreementNo: string; terms: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setErrors([]);
    try {
      await prepareAgreement(detail.project.id, { agreementNo: values.agreementNo.trim(), terms: values.terms.trim(), fileIds: files.map((f) => f.fileId) });
      message.success(t('proj.agreement.prepared'));
      onDone();
      reload();
    } catch (cause) {
      setErrors(applyServerErrors(form, cause, ['agreementNo', 'terms']));
    } finally {
      setSaving(false);
    }
  };
  const terms = typeof current?.document.terms === 'string' ? current.document.terms : defaultTerms(detail);
  return (
    <div data-testid="agreement-form">
      {current && current.signatures.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('proj.agreement.changeVoidsSignatures')} />}
      {errors.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errors.join('；')} data-testid="agreement-error" />}
      <Form form={form} layout="vertical" initialValues={{ agreementNo: current?.agreementNo ?? '', terms }}>
        <Form.Item name="agreementNo" label={t('proj.agreement.no')} rules={[{ required: true, whitespace: true, message: t('common.enter', { field: t('proj.agreement.no') }) }]}>
          <Input maxLength={60} style={{ maxWidth: 360 }} placeholder="冀工信互联网+试点协议〔2026〕001号" data-testid="agreement-no" />
        </Form.Item>
        <Form.Item name="terms" label={t('proj.agreement.terms')} extra={t('proj.agreement.termsHint')} rules={[{ required: true, whitespace: true, message: t('common.enter', { field: t('proj.agreement.terms') }) }]}>
          <Input.TextArea rows={8} maxLength={20000} showCount data-testid="agreement-terms" />
        </Form.Item>
        <Form.Item label={t('proj.agreement.files')}>
          <ProjectFilesField projectId={detail.project.id} purpose="agreement" files={files} onChange={setFiles} testId="agreement-files-input" />
        </Form.Item>
        <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="agreement-save">
          {t('proj.agreement.save')}
        </Button>
      </Form>
    </div>
  );
}

/** 签署: the signer's name and the hash of the text read; the server refuses a text that changed meanwhile. */
function SignForm({ detail, agreement, reload }: TabProps & { agreement: Agreement }) {
  const me = useMe();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ signerName: string; read: boolean }>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    let values: { signerName: string; read: boolean };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setErrors([]);
    try {
      await signAgreement(detail.project.id, { signerName: values.signerName.trim(), sha256: agreement.sha256 });
      message.success(t('proj.agreement.signed'));
      reload();
    } catch (cause) {
      setErrors(applyServerErrors(form, cause, ['signerName']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div data-testid="agreement-sign">
      {errors.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errors.join('；')} data-testid="sign-error" />}
      <Form form={form} layout="vertical" initialValues={{ signerName: me.user.displayName, read: false }}>
        <Form.Item name="signerName" label={t('proj.agreement.signerName')} rules={[{ required: true, whitespace: true, min: 2, max: 50, message: t('proj.agreement.signerLength') }]}>
          <Input maxLength={50} style={{ maxWidth: 240 }} data-testid="sign-name" />
        </Form.Item>
        <Form.Item name="read" valuePropName="checked" rules={[{ validator: (_r, v) => (v === true ? Promise.resolve() : Promise.reject(new Error(t('proj.agreement.readRequired')))) }]}>
          <Checkbox data-testid="sign-read">{t('proj.agreement.read', { hash: agreement.sha256.slice(0, 16) })}</Checkbox>
        </Form.Item>
        <Button type="primary" icon={<SafetyCertificateOutlined />} loading={saving} onClick={() => void submit()} data-testid="sign-submit">
          {t('proj.agreement.sign')}
        </Button>
      </Form>
    </div>
  );
}

function AgreementView({ detail, agreement }: { detail: ProjectDetail; agreement: Agreement }) {
  const { t } = useI18n();
  const doc = agreement.document as { parties?: { owner?: string | null; applicant?: string; applicantCreditCode?: string | null }; terms?: string; plan?: { seq: number; sha256: string } | null; files?: ProjectFile[] };
  const bySha = (party: 'owner' | 'applicant') => agreement.signatures.find((s) => s.party === party && s.sha256 === agreement.sha256);
  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={1}
        data-testid="agreement-view"
        items={[
          { key: 'title', label: t('proj.agreement.titleLabel'), children: agreement.title },
          { key: 'no', label: t('proj.agreement.no'), children: <span data-testid="agreement-no-view">{agreement.agreementNo}</span> },
          { key: 'owner', label: t('proj.agreement.partyOwner'), children: doc.parties?.owner ?? t('common.empty') },
          { key: 'applicant', label: t('proj.agreement.partyApplicant'), children: `${doc.parties?.applicant ?? ''}${doc.parties?.applicantCreditCode ? `（${doc.parties.applicantCreditCode}）` : ''}` },
          ...(doc.plan ? [{ key: 'plan', label: t('proj.agreement.plan'), children: <>{t('proj.plan.version', { n: doc.plan.seq })} <Mono>{doc.plan.sha256}</Mono></> }] : []),
          { key: 'terms', label: t('proj.agreement.terms'), children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{doc.terms ?? ''}</Typography.Paragraph> },
          ...(doc.files?.length ? [{ key: 'files', label: t('proj.agreement.files'), children: <ProjectFileList projectId={detail.project.id} files={doc.files} testId="agreement-files" /> }] : []),
          { key: 'prepared', label: t('proj.agreement.preparedAt'), children: formatDateTime(agreement.preparedAt) },
          { key: 'hash', label: t('proj.agreement.hash'), children: <span data-testid="agreement-hash"><Mono>{agreement.sha256}</Mono></span> },
          {
            key: 'effective',
            label: t('proj.agreement.state'),
            children: agreement.effectiveAt ? (
              <Tag color="success" data-testid="agreement-effective">
                {t('proj.agreement.effective', { time: formatDateTime(agreement.effectiveAt) })}
              </Tag>
            ) : (
              <Tag color="processing" data-testid="agreement-pending">
                {t('proj.agreement.pending', { owner: bySha('owner') ? '✓' : '—', applicant: bySha('applicant') ? '✓' : '—' })}
              </Tag>
            ),
          },
        ]}
      />
      <Table
        style={{ marginTop: 12 }}
        size="small"
        rowKey={(s) => `${s.party}:${s.sha256}`}
        dataSource={agreement.signatures}
        pagination={false}
        locale={{ emptyText: t('proj.agreement.noSignatures') }}
        data-testid="agreement-signatures"
        columns={[
          { title: t('proj.agreement.party'), dataIndex: 'party', width: 140, render: (v: 'owner' | 'applicant') => t(v === 'owner' ? 'proj.agreement.partyOwner' : 'proj.agreement.partyApplicant') },
          { title: t('proj.agreement.signerName'), dataIndex: 'signerName', width: 140 },
          { title: t('proj.agreement.signedAt'), dataIndex: 'signedAt', width: 180, render: (v: string) => formatDateTime(v) },
          {
            title: t('proj.agreement.signedHash'),
            dataIndex: 'sha256',
            render: (v: string) => (
              <Space>
                <Mono>{v}</Mono>
                {v === agreement.sha256 ? <Tag color="success">{t('proj.agreement.hashMatches')}</Tag> : <Tag color="error">{t('proj.agreement.hashOld')}</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

/** 实施方案与协议: the plan's versions and its review; the agreement, its hash and both signatures. */
export function PlanTab({ detail, reload }: TabProps) {
  const { t } = useI18n();
  const [editingAgreement, setEditingAgreement] = useState(false);
  const { permissions: can, steps, agreement } = detail;
  return (
    <div data-testid="plan-tab">
      {steps.plan && (
        <Section title={detail.plan.title} extra={detail.plan.approved ? <Tag color="success">{t('proj.plan.status.approved')}</Tag> : null}>
          <PlanVersions detail={detail} />
          {can.submitPlan && (
            <div style={{ marginTop: 16 }}>
              <Typography.Title level={5}>{t(detail.plan.versions.length ? 'proj.plan.resubmitTitle' : 'proj.plan.submitTitle')}</Typography.Title>
              <PlanForm detail={detail} reload={reload} />
            </div>
          )}
          {can.decidePlan && (
            <div style={{ marginTop: 16 }}>
              <Typography.Title level={5}>{t('proj.plan.decideTitle')}</Typography.Title>
              <PlanDecision detail={detail} reload={reload} />
            </div>
          )}
        </Section>
      )}
      {steps.agreement && (
        <Section
          title={agreement?.title ?? t('proj.agreement.title')}
          extra={
            can.prepareAgreement && agreement && !editingAgreement ? (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditingAgreement(true)} data-testid="agreement-edit">
                {t('proj.agreement.edit')}
              </Button>
            ) : null
          }
        >
          {!agreement && !can.prepareAgreement && <Empty description={t(steps.plan && !detail.plan.approved ? 'proj.agreement.afterPlan' : 'proj.agreement.none')} />}
          {agreement && !editingAgreement && <AgreementView detail={detail} agreement={agreement} />}
          {can.prepareAgreement && (!agreement || editingAgreement) && <AgreementForm detail={detail} reload={reload} onDone={() => setEditingAgreement(false)} />}
          {agreement && can.signAgreement && !editingAgreement && (
            <div style={{ marginTop: 16 }}>
              <Typography.Title level={5}>{t('proj.agreement.signTitle')}</Typography.Title>
              <SignForm detail={detail} agreement={agreement} reload={reload} />
            </div>
          )}
        </Section>
      )}
      {!steps.plan && !steps.agreement && <Empty description={t('proj.plan.noStep')} />}
    </div>
  );
}
