import type { PackField, PackForm, PackSection, ProgramPack, ProjectDetail, ProjectFile, Violation } from '@shenbao/contracts';
import type { RuleContext } from '@shenbao/rules';
import { Form, Typography } from 'antd';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { isApiError } from '../../../api/client.ts';
import { useMe } from '../../../app/auth/auth-provider.tsx';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';
import { FormRendererProvider, type FormRendererValue } from '../../../forms/form-context.tsx';
import { serverOnlyRuleIds, violationsByField, type Answers } from '../../../forms/form-model.ts';
import { FormRenderer } from '../../../forms/form-renderer.tsx';
import { useFormEvaluation } from '../../../forms/use-form-evaluation.ts';
import { fileList } from '../../../forms/value-format.ts';
import type { CallPack } from '../../programs/api.ts';
import { fileUrl, type FilePurpose } from '../api.ts';
import { ruleContext } from '../rule-context.ts';
import { PROJECT_FILE_EXTENSIONS, ProjectFilesField } from './project-files.tsx';

// A pack form (季度进展报告, 验收申请) filled for a project: the forms renderer with the pack's rule engine running in
// the browser, the server's refusals shown at their fields, and attachments uploaded as project files.

export interface PackFormState {
  answers: Answers;
  setField: (fieldId: string, value: unknown) => void;
  /** The server's refusal: field errors under `prefix` go to their fields; the rest is returned for the page. */
  showServerErrors: (cause: unknown, prefix?: string) => string[];
  /** Errors of the engine now (the page may refuse to send while there are any). */
  localErrors: Violation[];
  reveal: () => void;
  /** Findings of untouched fields are shown (after a refused submission). */
  revealed: boolean;
  value: (opts: { readOnly: boolean; projectId: string }) => FormRendererValue;
}

export function usePackForm(input: { program: ProgramPack; form: PackForm; initial: Answers; context: RuleContext }): PackFormState {
  const { program, form, initial, context } = input;
  const [answers, setAnswers] = useState<Answers>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [revealAll, setRevealAll] = useState(false);
  const [server, setServer] = useState<Violation[]>([]);
  const evaluation = useFormEvaluation({ program, form, answers, context, enabled: true });
  const serverOnly = useMemo(() => serverOnlyRuleIds([...(form.rules ?? []), ...(program.eligibility.rules ?? [])]), [form, program]);
  const local = useMemo(() => (evaluation.ready ? evaluation.violations.filter((v) => !serverOnly.has(v.ruleId)) : []), [evaluation, serverOnly]);

  const setField = useCallback((fieldId: string, value: unknown) => {
    setAnswers((current) => ({ ...current, [fieldId]: value }));
    // The server's word on a field stands until the field changes.
    setServer((current) => current.filter((v) => !v.path.startsWith(`/${fieldId}`)));
  }, []);
  const touch = useCallback((fieldId: string) => setTouched((s) => (s.has(fieldId) ? s : new Set(s).add(fieldId))), []);

  const showServerErrors = useCallback((cause: unknown, prefix = '/body/answers') => {
    setRevealAll(true);
    if (!isApiError(cause)) return [cause instanceof Error ? cause.message : String(cause)];
    const mine = cause.fields.filter((f) => f.path.startsWith(`${prefix}/`));
    setServer(mine.map((f) => ({ ruleId: 'server', path: f.path.slice(prefix.length), message: f.message, severity: 'error' as const })));
    const rest = cause.fields.filter((f) => !f.path.startsWith(`${prefix}/`)).map((f) => f.message);
    return [cause.message, ...rest];
  }, []);

  // The server says again what the engine already shows: once is enough.
  const violations = useMemo(() => [...local, ...server.filter((v) => !local.some((l) => l.path === v.path && l.message === v.message))], [local, server]);
  const issues = useMemo(() => violationsByField(violations), [violations]);

  const value = ({ readOnly, projectId }: { readOnly: boolean; projectId: string }): FormRendererValue => ({
    program,
    form,
    answers,
    computed: { ...answers, ...(evaluation.ready ? evaluation.computed : {}) },
    readOnly,
    hidden: evaluation.hidden,
    required: evaluation.ready ? evaluation.required : new Set(),
    issues: readOnly ? new Map() : issues,
    revealAll,
    touched,
    opinionFields: new Set(),
    opinion: null,
    setField: (fieldId, v) => setField(fieldId, v),
    touch,
    // Read-only views link the files; uploads go through the project's own files (see PackFormView).
    attachments: { applicationId: '', fileUrl: (fileId) => fileUrl(projectId, fileId), onUploaded: () => undefined, onRemove: () => undefined },
  });

  return { answers, setField, showServerErrors, localErrors: local.filter((v) => v.severity === 'error'), reveal: () => setRevealAll(true), revealed: revealAll, value };
}

interface PackFormViewProps {
  state: PackFormState;
  projectId: string;
  readOnly: boolean;
  /** Where uploads of this form's attachment fields go. */
  purpose: FilePurpose;
  /** Fields the platform fills (the acceptance form's ledger table): not rendered; `replaced` shows what stands in. */
  omit?: readonly string[];
  replaced?: (section: PackSection) => ReactNode;
}

function AttachmentField({ field, state, projectId, purpose, hidden, issues }: { field: Extract<PackField, { type: 'attachment' }>; state: PackFormState; projectId: string; purpose: FilePurpose; hidden: boolean; issues: Violation[] }) {
  const { t } = useI18n();
  if (hidden) return null;
  const files = fileList(state.answers[field.id]) as ProjectFile[];
  // Like the renderer: an untouched, empty slot waits for the first submission before it turns red.
  const errors = state.revealed || files.length > 0 ? issues.filter((v) => v.severity === 'error') : [];
  return (
    <Form.Item
      label={field.label}
      required={field.required !== false}
      validateStatus={errors.length ? 'error' : undefined}
      help={errors.length ? <span data-testid={`input-${field.id}-issues`}>{[...new Set(errors.map((e) => e.message))].join('；')}</span> : undefined}
      extra={field.hint ?? t('proj.file.limits', { list: field.accept.join('、'), n: field.maxSizeMB })}
      data-testid={`field-${field.id}`}
    >
      <ProjectFilesField
        projectId={projectId}
        purpose={purpose}
        files={files}
        accept={field.accept.filter((a) => PROJECT_FILE_EXTENSIONS.includes(a))}
        maxCount={field.maxCount}
        label={t('proj.file.uploadFor', { label: field.label })}
        onChange={(next) => state.setField(field.id, next)}
        testId={`input-${field.id}`}
      />
    </Form.Item>
  );
}

/**
 * The form as the pack defines it. While editable, attachment fields are shown at the top of their section with
 * their own upload (project files, not application uploads); fields in `omit` are left to the server.
 */
export function PackFormView({ state, projectId, readOnly, purpose, omit = [], replaced }: PackFormViewProps) {
  const base = state.value({ readOnly, projectId });
  const skip = (f: PackField) => omit.includes(f.id) || (!readOnly && f.type === 'attachment');
  const rendered: PackForm = { ...base.form, sections: base.form.sections.map((s) => ({ ...s, fields: s.fields.filter((f) => !skip(f)) })) };
  const issues = base.issues;
  const sectionExtra = (section: PackSection) => {
    const original = base.form.sections.find((s) => s.id === section.id);
    const attachments = readOnly ? [] : (original?.fields ?? []).filter((f): f is Extract<PackField, { type: 'attachment' }> => f.type === 'attachment' && !omit.includes(f.id));
    const extra = original ? replaced?.(original) : null;
    if (!attachments.length && !extra) return null;
    return (
      <>
        {extra}
        {attachments.length > 0 && (
          <Form layout="vertical" component="div">
            {attachments.map((f) => (
              <AttachmentField key={f.id} field={f} state={state} projectId={projectId} purpose={purpose} hidden={base.hidden.has(f.id)} issues={issues.get(f.id) ?? []} />
            ))}
          </Form>
        )}
      </>
    );
  };
  return (
    <FormRendererProvider value={{ ...base, form: rendered }}>
      {base.form.instructions && base.form.instructions.length > 0 && !readOnly && (
        <Typography.Paragraph type="secondary">
          <ul style={{ paddingInlineStart: 20, margin: 0 }}>
            {base.form.instructions.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Typography.Paragraph>
      )}
      <FormRenderer sectionExtra={sectionExtra} />
    </FormRendererProvider>
  );
}

/** Answers as submitted, in the pack's form, read-only (a report, an acceptance application). */
export function ReadOnlyPackForm({ detail, pack, form, answers }: { detail: ProjectDetail; pack: CallPack; form: PackForm; answers: Answers }) {
  const me = useMe();
  const context = useMemo(() => ruleContext(me, detail, pack), [me, detail, pack]);
  const state = usePackForm({ program: pack.program, form, initial: answers, context });
  return <PackFormView state={state} projectId={detail.project.id} readOnly purpose="report" />;
}
