import { TeamOutlined } from '@ant-design/icons';
import type { ApplicationDetail, PackForm, PackSection, SubmitResult, Violation } from '@shenbao/contracts';
import { Alert, App, Button, Card, Col, Row } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useMe } from '../../../app/auth/auth-provider.tsx';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { FormRendererProvider, type AttachmentAdapter, type FormRendererValue } from '../../../forms/form-context.tsx';
import { fieldAnchor } from '../../../forms/field-item.tsx';
import { errorCountBySection, fieldIdOfPath, serverOnlyRuleIds, violationsByField } from '../../../forms/form-model.ts';
import { FormRenderer } from '../../../forms/form-renderer.tsx';
import { SectionNavigator } from '../../../forms/section-navigator.tsx';
import { useFormEvaluation } from '../../../forms/use-form-evaluation.ts';
import { useServerClockOffset } from '../../../ui/server-clock.ts';
import { useLeaveGuard } from '../../../ui/use-leave-guard.tsx';
import type { CallPack } from '../../programs/api.ts';
import { checkApplication, fileUrl } from '../api.ts';
import { useSectionSaves } from '../use-section-saves.ts';
import { useSubmission } from '../use-submission.ts';
import { ApplicationSummary } from './application-summary.tsx';
import { EditorToolbar } from './editor-toolbar.tsx';
import { FillersModal } from './fillers-modal.tsx';
import { HistoryCard } from './history-card.tsx';
import { InstructionsCard } from './instructions-card.tsx';
import { IssuesDrawer } from './issues-drawer.tsx';
import { ReturnOpinionAlert } from './return-opinion-alert.tsx';
import { SaveStatus } from './save-status.tsx';
import { SectionConflict } from './section-conflict.tsx';
import { SubmissionsCard } from './submissions-card.tsx';
import { SubmitModal } from './submit-modal.tsx';
import { WithdrawModal } from './withdraw-modal.tsx';

interface ApplicationWorkspaceProps {
  detail: ApplicationDetail;
  pack: CallPack;
  form: PackForm;
  /** Load the application again and hand it to the page (which remounts this workspace when the status changes). */
  reload: () => Promise<ApplicationDetail>;
  onSubmitted: (result: SubmitResult) => void;
}

function focusField(fieldId: string): void {
  const element = document.getElementById(fieldAnchor(fieldId));
  if (!element) return;
  element.scrollIntoView({ behavior: 'smooth', block: 'center' });
  const input = element.querySelector<HTMLElement>('input:not([type=hidden]):not([disabled]), textarea, [tabindex="0"]');
  setTimeout(() => input?.focus({ preventScroll: true }), 350);
}

/** The editor of one application: form, autosave, checks, submission, withdrawal, history and versions. */
export function ApplicationWorkspace({ detail, pack, form, reload, onSubmitted }: ApplicationWorkspaceProps) {
  const me = useMe();
  const { t } = useI18n();
  const { message } = App.useApp();
  const { program } = pack;
  const application = detail.application;
  const applicationId = application.id;
  const editable = detail.editable;
  const saves = useSectionSaves(applicationId, form, detail);
  const offsetMs = useServerClockOffset(pack.call.serverTime);

  // What the engine binds in the browser: the applicant's own facts, the call, the server's clock.
  const ownOrganisation = me.organisation.id === application.applicantOrganisationId;
  const context = useMemo(
    () => ({
      org: ownOrganisation
        ? { name: me.organisation.name, kind: me.organisation.kind, creditCode: me.organisation.creditCode, divisionCode: me.organisation.divisionCode, regionClass: me.organisation.regionClass }
        : null,
      call: { id: pack.call.id, year: pack.call.year },
      now: new Date(Date.now() + offsetMs).toISOString(),
    }),
    [me.organisation, ownOrganisation, pack.call.id, pack.call.year, offsetMs],
  );
  // Always run: visibility and computed values matter read-only too; the findings are used only while editing.
  const evaluation = useFormEvaluation({ program, form, answers: saves.answers, context, enabled: true });
  const localFindings = editable && ownOrganisation && evaluation.ready;
  const serverOnly = useMemo(() => serverOnlyRuleIds([...(form.rules ?? []), ...(program.eligibility.rules ?? [])]), [form, program]);

  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [revealAll, setRevealAll] = useState(false);
  const [issuesOpen, setIssuesOpen] = useState(false);
  const [checking, setChecking] = useState(false);
  const [savingNow, setSavingNow] = useState(false);
  const [withdrawOpen, setWithdrawOpen] = useState(false);
  const [fillersOpen, setFillersOpen] = useState(false);
  const activeSection = useRef<string | null>(null);
  const { setServerViolations } = saves;
  const submission = useSubmission(applicationId, onSubmitted, () => {
    setRevealAll(true);
    setIssuesOpen(true);
  });
  const refusal = submission.refusal;

  // The rules only the server can run (imported lists, other applications) need one check to start with.
  useEffect(() => {
    if (!editable) return;
    void checkApplication(applicationId)
      .then((result) => setServerViolations(result.violations))
      .catch(() => undefined);
  }, [applicationId, editable, setServerViolations]);

  const violations = useMemo<Violation[]>(() => {
    if (refusal) return refusal.violations;
    const server = saves.serverViolations ?? [];
    if (!localFindings) return server;
    return [...evaluation.violations.filter((v) => !serverOnly.has(v.ruleId)), ...server.filter((v) => serverOnly.has(v.ruleId))];
  }, [localFindings, evaluation.violations, refusal, saves.serverViolations, serverOnly]);
  const issues = useMemo(() => violationsByField(violations), [violations]);
  const errorCounts = useMemo(() => errorCountBySection(form, violations), [form, violations]);
  const errorCount = violations.filter((v) => v.severity === 'error').length;

  const setField = useCallback(
    (fieldId: string, value: unknown) => {
      submission.clearRefusal();
      saves.setField(fieldId, value);
    },
    [saves, submission],
  );
  const touch = useCallback((fieldId: string) => setTouched((s) => (s.has(fieldId) ? s : new Set(s).add(fieldId))), []);

  const refresh = useCallback(async () => {
    try {
      return await reload();
    } catch (cause) {
      message.error(cause instanceof Error ? cause.message : String(cause));
      return null;
    }
  }, [message, reload]);

  const attachments = useMemo<AttachmentAdapter>(
    () => ({
      applicationId,
      fileUrl: (fileId) => fileUrl(applicationId, fileId),
      onUploaded: (fieldId) => {
        touch(fieldId);
        void refresh().then((fresh) => {
          if (fresh) saves.takeUpload(fieldId, fresh);
        });
        void checkApplication(applicationId)
          .then((result) => setServerViolations(result.violations))
          .catch(() => undefined);
      },
      onRemove: (fieldId, fileId) => {
        touch(fieldId);
        void saves.removeFile(fieldId, fileId);
      },
    }),
    [applicationId, refresh, saves, setServerViolations, touch],
  );

  const opinion = detail.returnOpinion;
  const rendererValue: FormRendererValue = {
    program,
    form,
    answers: saves.answers,
    computed: { ...detail.answers, ...saves.answers, ...saves.serverComputed, ...(evaluation.ready ? evaluation.computed : {}) },
    readOnly: !editable,
    hidden: evaluation.hidden,
    required: evaluation.ready ? evaluation.required : new Set(),
    issues,
    revealAll,
    touched,
    opinionFields: new Set((opinion?.fields ?? []).map((p) => fieldIdOfPath(p)).filter((id): id is string => id !== null)),
    opinion: opinion?.opinion ?? null,
    setField,
    touch,
    attachments: editable ? attachments : { ...attachments, onUploaded: () => undefined, onRemove: () => undefined },
  };

  useLeaveGuard(editable && saves.hasUnsaved, saves.saveAll, {
    title: t('leave.title'),
    content: t('leave.content'),
    saveAndLeave: t('leave.saveAndLeave'),
    discardAndLeave: t('leave.discardAndLeave'),
    stay: t('leave.stay'),
  });

  const jump = (fieldId: string) => {
    setIssuesOpen(false);
    focusField(fieldId);
  };

  const saveNow = async () => {
    setSavingNow(true);
    const ok = await saves.saveAll();
    setSavingNow(false);
    if (ok) message.success(t('save.done'));
  };

  const check = async () => {
    setChecking(true);
    submission.clearRefusal();
    try {
      if (editable && !(await saves.saveAll())) {
        message.error(t('save.beforeCheckFailed'));
        return;
      }
      const result = await checkApplication(applicationId);
      setServerViolations(result.violations);
      setRevealAll(true);
      setIssuesOpen(true);
    } catch (cause) {
      message.error(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setChecking(false);
    }
  };

  const openSubmit = async () => {
    if (!(await submission.start(saves.saveAll))) message.error(t('save.beforeSubmitFailed'));
  };

  const onSectionFocus = (sectionId: string) => {
    const left = activeSection.current;
    activeSection.current = sectionId;
    if (left && left !== sectionId && editable) void saves.save(left);
  };

  // Leaving a field saves its section at once (a clean section makes no request).
  const onSectionBlur = (sectionId: string) => {
    if (editable && saves.sections[sectionId]?.dirty) void saves.save(sectionId);
  };

  const sectionExtra = (section: PackSection) => {
    const state = saves.sections[section.id];
    if (!state?.conflict && !state?.error) return null;
    return (
      <SectionConflict
        conflict={state.conflict}
        error={state.error}
        onRefresh={async () => {
          const fresh = await refresh();
          if (fresh) saves.takeSection(section.id, fresh);
        }}
        onRetry={() => void saves.save(section.id)}
        testId={`section-${section.id}-conflict`}
      />
    );
  };

  const isAdmin = me.user.roles.includes('applicant_admin') && ownOrganisation;
  return (
    <FormRendererProvider value={rendererValue}>
      <Card style={{ marginBottom: 16 }}>
        <ApplicationSummary
          detail={detail}
          projectName={typeof saves.answers.projectName === 'string' ? saves.answers.projectName : application.projectName}
          offsetMs={offsetMs}
          fillersExtra={
            isAdmin && editable ? (
              <Button size="small" icon={<TeamOutlined />} onClick={() => setFillersOpen(true)} data-testid="fillers-edit">
                {t('fillers.title')}
              </Button>
            ) : undefined
          }
        />
      </Card>
      <EditorToolbar
        applicationId={applicationId}
        editable={editable}
        canSubmit={detail.canSubmit}
        canWithdraw={isAdmin && application.status === 'submitted'}
        saveStatus={<SaveStatus sections={saves.sections} savedAt={saves.savedAt} />}
        errorCount={errorCount}
        warningCount={violations.length - errorCount}
        saving={savingNow}
        checking={checking}
        onSave={() => void saveNow()}
        onCheck={() => void check()}
        onIssues={() => setIssuesOpen(true)}
        onSubmit={() => void openSubmit()}
        onWithdraw={() => setWithdrawOpen(true)}
      />
      {opinion && <ReturnOpinionAlert opinion={opinion} form={form} onJump={jump} />}
      {!editable && <Alert type="info" showIcon message={t('editor.readOnly', { status: application.statusLabel })} style={{ marginBottom: 16 }} data-testid="read-only" />}
      {editable && !detail.canSubmit && <Alert type="info" showIcon message={t('editor.fillerCannotSubmit')} style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        <Col xs={0} lg={5} xxl={4}>
          <SectionNavigator errorCounts={errorCounts} dirty={new Set(Object.entries(saves.sections).filter(([, s]) => s.dirty).map(([id]) => id))} onChange={onSectionFocus} offsetTop={72} />
        </Col>
        <Col xs={24} lg={19} xxl={20}>
          <InstructionsCard form={form} />
          <FormRenderer sectionExtra={sectionExtra} onSectionFocus={onSectionFocus} onSectionBlur={onSectionBlur} />
          {detail.submissions.length > 0 && <SubmissionsCard applicationId={applicationId} submissions={detail.submissions} program={program} form={form} />}
          <HistoryCard events={detail.events} form={form} />
        </Col>
      </Row>
      <IssuesDrawer
        open={issuesOpen}
        onClose={() => setIssuesOpen(false)}
        violations={violations}
        form={form}
        notice={refusal?.message ?? null}
        onJump={jump}
      />
      <SubmitModal
        open={submission.open}
        commitment={detail.commitment}
        submitting={submission.submitting}
        error={submission.error}
        onCancel={submission.cancel}
        onSubmit={() => void submission.confirm()}
      />
      <WithdrawModal
        open={withdrawOpen}
        applicationId={applicationId}
        onClose={() => setWithdrawOpen(false)}
        onWithdrawn={() => {
          setWithdrawOpen(false);
          message.success(t('withdraw.done'));
          void refresh();
        }}
      />
      {isAdmin && (
        <FillersModal
          open={fillersOpen}
          detail={detail}
          onClose={() => setFillersOpen(false)}
          onSaved={() => {
            setFillersOpen(false);
            void refresh();
          }}
        />
      )}
    </FormRendererProvider>
  );
}

