import type { ApplicationStatus, PackField, PackForm, ProgramPack } from '@shenbao/contracts';
import { categoryPath, computeFields, ruleBindings } from '@shenbao/rules';
import type { Db, DbOrTx } from '../../platform/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { applicationRows, applicationSummaries, getApplication, latestSubmission, type ApplicationRow } from '../applications/index.ts';
import { findCallRecord } from '../programs/index.ts';

/**
 * The printed application (申报书) as a neutral document model: the PDF (Typst) and the Word (DOCX) renderers both
 * read this, so the two documents say the same thing in the same order. Built from the pack (program + form), the
 * answers (the submitted snapshot, or the draft), the applicant, the recommender and the call.
 */

/** Every blank field prints this, as the notices require (无内容时请填写“无”). */
export const BLANK = '无';

export interface FontSpec {
  /** Official face name: SimSun, SimHei, KaiTi, FangSong. */
  font: string;
  sizePt: number;
}

export interface DocumentLayout {
  paper: 'A4';
  body: FontSpec;
  lineSpacingPt: number;
  heading1: FontSpec;
  heading2: FontSpec;
  /** Table of contents depth; null: the notice asks for none. */
  tocDepth: number | null;
}

export interface CoverRow {
  label: string;
  value: string;
}

export interface FileEntry {
  name: string;
  size: number;
  sha256: string;
}

/** A heading in the body; levels 1–3 also make the table of contents. */
export interface Heading {
  level: 1 | 2 | 3;
  text: string;
}

export type DocBlock =
  /** Short answers as a two-column table (label | value). */
  | { kind: 'fields'; rows: CoverRow[] }
  /** A long text (multiline field): heading 2, the notice's instruction, then paragraphs. */
  | { kind: 'longText'; heading: Heading; hint: string | null; paragraphs: string[] }
  /** A table field whose columns are short: heading 2 and a grid. */
  | { kind: 'grid'; heading: Heading; hint: string | null; columns: string[]; rows: string[][] }
  /** A table field with long columns: heading 2, then each row as heading 3 with its cells. */
  | { kind: 'records'; heading: Heading; hint: string | null; records: { heading: Heading; fields: CoverRow[]; texts: { label: string; paragraphs: string[] }[] }[] };

export interface DocSection {
  id: string;
  heading: Heading;
  hint: string | null;
  blocks: DocBlock[];
}

export interface EvidenceGroup {
  /** The attachment slot, e.g. 附件1：企业法人营业执照…, or 平台典型应用企业名称 第2行 证明材料. */
  heading: Heading;
  files: (FileEntry & { no: number; heading: Heading })[];
}

export interface ApplicationDocument {
  title: string;
  /** The call (申报通知) and its document number. */
  callTitle: string;
  documentNumber: string | null;
  issuer: string;
  draft: boolean;
  layout: DocumentLayout;
  /** `note`: how a reader checks this copy (submitted) or why it is no application document (draft). */
  cover: { title: string; subtitle: string | null; rows: CoverRow[]; seals: string[]; date: string; note: string };
  instructions: string[];
  sections: DocSection[];
  commitment: { heading: Heading; paragraphs: string[]; signatures: CoverRow[] };
  evidence: { heading: Heading; groups: EvidenceGroup[]; count: number };
  footer: { number: string | null; sha256: string | null; seq: number | null; label: string };
  metadata: { applicant: string; subject: string };
}

export interface ApplicationDocumentInput {
  program: ProgramPack;
  form: PackForm;
  /** The answers printed: the snapshot's (computed fields included) or the draft's. */
  answers: Record<string, unknown>;
  applicantName: string;
  recommenderName: string | null;
  callTitle: string;
  /** 申报编号 and the snapshot: null for a draft never submitted. */
  number: string | null;
  seq: number | null;
  sha256: string | null;
  /** When submitted (ISO); for a draft, when printed. */
  date: string;
  draft: boolean;
  commitment?: string;
  /** The application's project name, when the form has no name field of its own. */
  projectName?: string | null;
}

// ---------------------------------------------------------------- value formatting

const TZ = 'Asia/Shanghai';

/** 2023-05-20 or an ISO time → 2023年5月20日 (Beijing date). */
export function formatChineseDate(value: string): string {
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) return `${plain[1]}年${Number(plain[2])}月${Number(plain[3])}日`;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: TZ, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.year}年${parts.month}月${parts.day}日`;
}

function yearMonth(value: unknown): string {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})$/.exec(value) : null;
  return m ? `${m[1]}年${Number(m[2])}月` : typeof value === 'string' ? value : '';
}

const number = (value: number, decimals: number) => value.toLocaleString('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const isBlank = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0);

function isFile(value: unknown): value is FileEntry {
  return typeof value === 'object' && value !== null && typeof (value as FileEntry).name === 'string' && typeof (value as FileEntry).sha256 === 'string';
}

const filesOf = (value: unknown): FileEntry[] => (Array.isArray(value) ? value.filter(isFile).map((f) => ({ name: f.name, size: Number(f.size) || 0, sha256: f.sha256 })) : []);

type ScalarField = Exclude<PackField, { type: 'table' }>;

function optionText(field: Extract<PackField, { type: 'choice' | 'multiChoice' }>, value: unknown): string {
  if (typeof value === 'object' && value !== null && 'other' in value) return `其他（${String((value as { other: unknown }).other).trim() || BLANK}）`;
  const option = field.options.find((o) => (typeof o === 'string' ? o : o.value) === value);
  return option ? (typeof option === 'string' ? option : option.label) : String(value);
}

/** One answer as printed text; blank → 无. */
export function valueText(field: ScalarField, value: unknown, program: ProgramPack): string {
  if (isBlank(value)) return BLANK;
  switch (field.type) {
    case 'text':
      return String(value);
    case 'integer':
      return typeof value === 'number' ? `${value}${field.unit ? ` ${field.unit}` : ''}` : String(value);
    case 'decimal':
      return typeof value === 'number' ? `${number(value, field.decimals ?? 2)}${field.unit && !field.label.includes(field.unit) ? ` ${field.unit}` : ''}` : String(value);
    case 'money':
      return typeof value === 'number' ? `${number(value, 2)}${field.label.includes('万元') ? '' : ' 万元'}` : String(value);
    case 'date':
      return formatChineseDate(String(value));
    case 'yearMonthRange': {
      const range = value as { from?: string; to?: string };
      return `${yearMonth(range.from) || BLANK} 至 ${yearMonth(range.to) || BLANK}`;
    }
    case 'choice':
      return optionText(field, value);
    case 'multiChoice':
      return Array.isArray(value) ? value.map((v) => optionText(field, v)).join('、') : String(value);
    case 'yesNo':
      return value === true ? '是' : value === false ? '否' : String(value);
    case 'yesNoYear': {
      const answer = value as { value?: boolean; year?: number };
      if (answer.value === true) return answer.year ? `是（${field.yearLabel ?? '年份'}：${answer.year}年）` : '是';
      return answer.value === false ? '否' : BLANK;
    }
    case 'direction': {
      const path = categoryPath(program.categories, String(value));
      return path ? path.map((n) => n.label).join(' / ') : String(value);
    }
    case 'computed': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
      const decimals = field.decimals ?? (field.format === 'integer' ? 0 : 2);
      const unit = field.unit ?? (field.format === 'money' ? '万元' : field.format === 'percent' ? '%' : '');
      return `${number(value, decimals)}${unit && !field.label.includes(unit) ? (unit === '%' ? unit : ` ${unit}`) : ''}`;
    }
    case 'attachment': {
      const files = filesOf(value);
      return files.length ? `${files.map((f) => f.name).join('；')}（见证明材料目录）` : BLANK;
    }
  }
}

const paragraphsOf = (value: unknown): string[] => {
  if (isBlank(value)) return [BLANK];
  const lines = String(value)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length ? lines : [BLANK];
};

const isLongText = (f: PackField | ScalarField) => f.type === 'text' && f.multiline === true;

// ---------------------------------------------------------------- layout

const DEFAULT_LAYOUT: DocumentLayout = {
  paper: 'A4',
  body: { font: 'SimSun', sizePt: 14 },
  lineSpacingPt: 28,
  heading1: { font: 'SimHei', sizePt: 16 },
  heading2: { font: 'KaiTi', sizePt: 16 },
  tocDepth: null,
};

export function layoutOf(program: ProgramPack): DocumentLayout {
  const p = program.printLayout;
  if (!p) return DEFAULT_LAYOUT;
  return {
    paper: 'A4',
    body: p.body,
    lineSpacingPt: p.lineSpacingPt,
    heading1: p.heading1 ?? DEFAULT_LAYOUT.heading1,
    heading2: p.heading2 ?? DEFAULT_LAYOUT.heading2,
    // "粒度应至少达到三级": never fewer than three levels where a table of contents is asked for
    tocDepth: p.tocDepth ? Math.max(3, p.tocDepth) : null,
  };
}

// ---------------------------------------------------------------- the model

/** Field ids that name the project on the cover (申报项目 / 平台). */
const NAME_FIELDS = ['projectName', 'platformName'];
const APPLICANT_FIELDS = ['companyName', 'applicantName', 'organisationName'];

const cleanHint = (hint: string | undefined) => (hint && hint.trim() ? hint.trim() : null);
const sealed = (label: string, hint: string | undefined) => (/^（盖章）/.test(hint ?? '') && !label.includes('盖章') ? `${label}（盖章）` : label);

/** Answers with the computed fields filled in (a draft has none stored; a snapshot already has them). */
export async function withComputedFields(form: PackForm, answers: Record<string, unknown>): Promise<Record<string, unknown>> {
  return computeFields(form, answers, ruleBindings({})).catch(() => answers);
}

export function buildApplicationDocument(input: ApplicationDocumentInput): ApplicationDocument {
  const { program, form, answers } = input;
  const allFields = form.sections.flatMap((s) => s.fields);
  const coverSection = form.sections.find((s) => s.id === 'cover');
  const coverFields = coverSection?.fields ?? [];
  const inCover = (ids: string[]) => coverFields.some((f) => ids.includes(f.id));

  // ---- cover: the form's own cover fields (封面) where it has them, the application's facts for the rest
  const rows: CoverRow[] = [];
  if (!inCover(NAME_FIELDS)) {
    const nameField = allFields.find((f) => NAME_FIELDS.includes(f.id));
    const named = nameField ? valueText(nameField as ScalarField, answers[nameField.id], program) : BLANK;
    rows.push({ label: nameField?.label ?? '项目名称', value: named === BLANK && input.projectName ? input.projectName : named });
  }
  const direction = allFields.find((f) => f.type === 'direction');
  if (direction && !coverFields.includes(direction)) rows.push({ label: direction.label, value: valueText(direction as ScalarField, answers[direction.id], program) });
  if (!inCover(APPLICANT_FIELDS)) rows.push({ label: '申报单位（盖章）', value: input.applicantName || BLANK });
  for (const f of coverFields) {
    if (f.type === 'table') continue;
    let value = valueText(f, answers[f.id], program);
    if (f.id === 'recommender' && value === BLANK && input.recommenderName) value = input.recommenderName;
    rows.push({ label: sealed(f.label, f.hint), value });
  }
  if (!coverFields.some((f) => f.id === 'recommender')) rows.push({ label: '推荐单位（盖章）', value: input.recommenderName || BLANK });
  if (!coverFields.some((f) => f.type === 'date')) rows.push({ label: '申报日期', value: formatChineseDate(input.date) });
  rows.push({ label: '申报编号', value: input.number ?? '（草稿，提交后生成）' });

  // ---- body: every section but the cover, fields in form order
  const evidenceGroups: EvidenceGroup[] = [];
  let fileNo = 0;
  const addFiles = (label: string, value: unknown) => {
    const files = filesOf(value);
    if (!files.length) return;
    evidenceGroups.push({
      heading: { level: 2, text: label },
      files: files.map((f) => {
        fileNo += 1;
        return { ...f, no: fileNo, heading: { level: 3 as const, text: `${fileNo}. ${f.name}` } };
      }),
    });
  };

  const sections: DocSection[] = [];
  for (const section of form.sections) {
    if (section === coverSection) continue;
    const blocks: DocBlock[] = [];
    let short: CoverRow[] = [];
    const flush = () => {
      if (short.length) blocks.push({ kind: 'fields', rows: short });
      short = [];
    };
    for (const field of section.fields) {
      const value = answers[field.id];
      if (field.type === 'table') {
        flush();
        const rowsOf = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
        const heading: Heading = { level: 2, text: field.label };
        rowsOf.forEach((row, i) => {
          for (const col of field.columns) if (col.type === 'attachment') addFiles(`${field.label} 第${i + 1}${field.rowLabel ?? '行'} ${col.label}`, row?.[col.id]);
        });
        if (field.columns.some(isLongText)) {
          blocks.push({
            kind: 'records',
            heading,
            hint: cleanHint(field.hint),
            records: rowsOf.length
              ? rowsOf.map((row, i) => {
                  const first = field.columns[0]!;
                  const title = isLongText(first) ? `第${i + 1}${field.rowLabel ?? '项'}` : `（${i + 1}）${valueText(first, row?.[first.id], program)}`;
                  const rest = isLongText(first) ? field.columns : field.columns.slice(1);
                  return {
                    heading: { level: 3 as const, text: title },
                    fields: [
                      ...(isLongText(first) ? [] : [{ label: first.label, value: valueText(first, row?.[first.id], program) }]),
                      ...rest.filter((c) => !isLongText(c)).map((c) => ({ label: c.label, value: valueText(c, row?.[c.id], program) })),
                    ],
                    texts: rest.filter(isLongText).map((c) => ({ label: c.label, paragraphs: paragraphsOf(row?.[c.id]) })),
                  };
                })
              : [{ heading: { level: 3 as const, text: BLANK }, fields: field.columns.map((c) => ({ label: c.label, value: BLANK })), texts: [] }],
          });
        } else {
          blocks.push({
            kind: 'grid',
            heading,
            hint: cleanHint(field.hint),
            columns: ['序号', ...field.columns.map((c) => c.label)],
            rows: rowsOf.length ? rowsOf.map((row, i) => [String(i + 1), ...field.columns.map((c) => valueText(c, row?.[c.id], program))]) : [[BLANK, ...field.columns.map(() => BLANK)]],
          });
        }
      } else if (isLongText(field)) {
        flush();
        blocks.push({ kind: 'longText', heading: { level: 2, text: field.label }, hint: cleanHint(field.hint), paragraphs: paragraphsOf(value) });
      } else {
        if (field.type === 'attachment') addFiles(field.label, value);
        short.push({ label: field.label, value: valueText(field, value, program) });
      }
    }
    flush();
    sections.push({ id: section.id, heading: { level: 1, text: section.title }, hint: cleanHint(section.hint), blocks });
  }

  const commitmentText = input.commitment ?? form.commitment ?? program.commitment.text;
  const date = formatChineseDate(input.date);
  return {
    title: form.title,
    callTitle: input.callTitle,
    documentNumber: program.documentNumber ?? null,
    issuer: program.issuer.name,
    draft: input.draft,
    layout: layoutOf(program),
    cover: {
      title: form.title,
      subtitle: form.description ?? null,
      rows,
      seals: ['申报单位（盖章）', '推荐单位（盖章）'],
      date,
      note: input.draft
        ? '本件为填报中的草稿，未提交，不能作为申报材料。'
        : '本申报书每页页脚印有申报编号和快照哈希（SHA-256），可在平台“申报材料核验”页面核验与提交内容是否一致。',
    },
    instructions: form.instructions ?? [],
    sections,
    commitment: {
      heading: { level: 1, text: program.commitment.title ?? '承诺书' },
      paragraphs: paragraphsOf(commitmentText),
      signatures: [
        { label: '申报单位（盖章）', value: input.applicantName },
        { label: '法定代表人或授权代表（签字）', value: '' },
        { label: '日期', value: input.draft ? '    年    月    日' : date },
      ],
    },
    evidence: { heading: { level: 1, text: '证明材料目录' }, groups: evidenceGroups, count: fileNo },
    footer: {
      number: input.number,
      sha256: input.draft ? null : input.sha256,
      seq: input.draft ? null : input.seq,
      label: input.draft ? '草稿（未提交，无快照哈希，不能作为申报材料）' : `申报编号：${input.number ?? ''}`,
    },
    metadata: { applicant: input.applicantName, subject: input.callTitle },
  };
}

/** Every label a reader of the printed form must find: the cover's and every field's (table columns included). */
export function formLabels(form: PackForm): string[] {
  return form.sections.flatMap((s) => s.fields.flatMap((f) => (f.type === 'table' ? [f.label, ...f.columns.map((c) => c.label)] : [f.label])));
}

// ---------------------------------------------------------------- from the database

/** States in which an application is being (re)written: it prints as 草稿 from its current answers, without hash. */
const DRAFT_STATES: readonly ApplicationStatus[] = ['draft', 'returned', 'withdrawn'];

/**
 * The document of one application, without any permission check (callers decide who may have it: the routes below,
 * a bulk export for its requester). Submitted: the latest snapshot, its number and SHA-256. Being written: a draft.
 */
export async function applicationDocumentOf(db: DbOrTx, row: ApplicationRow, now = new Date()): Promise<ApplicationDocument> {
  const [summary] = await applicationSummaries(db, [row]);
  const call = await findCallRecord(db, row.callId);
  if (!call || !summary) throw notFound('申报通知');
  const form = call.forms.find((f) => f.id === row.formId);
  if (!form) throw notFound(`表单“${row.formId}”`);
  const submission = DRAFT_STATES.includes(row.status) ? null : await latestSubmission(db, row.id);
  const snapshot = (submission?.snapshot ?? {}) as {
    answers?: Record<string, unknown>;
    number?: string;
    applicant?: { name?: string };
    commitment?: { text?: string };
    submittedAt?: string;
  };
  const draft = !submission;
  const answers = draft ? await withComputedFields(form, row.answers) : (snapshot.answers ?? row.answers);
  return buildApplicationDocument({
    program: call.program,
    form,
    answers,
    applicantName: snapshot.applicant?.name ?? summary.applicantName,
    recommenderName: summary.recommenderName,
    callTitle: call.title,
    number: snapshot.number ?? row.number,
    seq: submission?.seq ?? null,
    sha256: submission?.sha256 ?? null,
    date: snapshot.submittedAt ?? submission?.submittedAt.toISOString() ?? now.toISOString(),
    draft,
    commitment: snapshot.commitment?.text,
    projectName: row.projectName,
  });
}

/** The document of an application the actor may read (as 申报详情 is authorised: outside its reach → 404). */
export async function readApplicationDocument(db: Db, ctx: RequestContext, id: string): Promise<{ doc: ApplicationDocument; fileName: string }> {
  const detail = await getApplication(db, ctx, id);
  const [row] = await applicationRows(db, [id]);
  if (!row) throw notFound('申报');
  const doc = await applicationDocumentOf(db, row);
  const name = detail.application.projectName ?? doc.title;
  const fileName = `${doc.draft ? '草稿-' : ''}${row.number ? `${row.number}-` : ''}${name}`.replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(0, 120);
  return { doc, fileName };
}
