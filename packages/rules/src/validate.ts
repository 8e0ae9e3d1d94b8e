import type { PackField, PackForm, PackRule, ProgramPack, Violation, PackCategory } from '@shenbao/contracts';
import { STRING_FORMATS, FORMAT_LABELS } from '@shenbao/contracts';
import { countChars, evaluate } from './expressions.ts';

export type Answers = Record<string, unknown>;

/** What rules may read besides the answers: bound as $org, $lists, $applications, $call, $now. */
export interface RuleContext {
  org?: Record<string, unknown> | null;
  lists?: Record<string, Record<string, unknown>[]>;
  /** The applicant's other applications (not this one): { id, callId, packId, categoryId, directionId, projectName, status }. */
  applications?: Record<string, unknown>[];
  call?: Record<string, unknown>;
  now?: string;
}

export interface ValidationResult {
  violations: Violation[];
  /** The answers with every computed field filled in. */
  answers: Answers;
}

export interface AttachmentAnswer {
  name: string;
  size: number;
  sha256?: string;
  mime?: string;
  durationSeconds?: number;
}

type ScalarField = Exclude<PackField, { type: 'table' }>;

const isBlank = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0);

const optionValues = (field: { options: (string | { value: string })[] }) => field.options.map((o) => (typeof o === 'string' ? o : o.value));

/** All leaf directions under the given categories (or the whole tree). */
export function directionIds(categories: PackCategory[], under?: string[]): string[] {
  const out: string[] = [];
  const walk = (nodes: PackCategory[], inside: boolean) => {
    for (const n of nodes) {
      const here = inside || !under || under.includes(n.id);
      if (n.children?.length) walk(n.children, here);
      else if (here) out.push(n.id);
    }
  };
  walk(categories, false);
  return out;
}

/** The path of category ids from the root to a node, or null. */
export function categoryPath(categories: PackCategory[], id: string): PackCategory[] | null {
  for (const n of categories) {
    if (n.id === id) return [n];
    const below = n.children ? categoryPath(n.children, id) : null;
    if (below) return [n, ...below];
  }
  return null;
}

class Checker {
  readonly violations: Violation[] = [];
  constructor(
    private readonly program: ProgramPack,
    private readonly form: PackForm,
    private readonly bindings: Record<string, unknown>,
  ) {}

  add(ruleId: string, path: string, message: string, severity: 'error' | 'warning' = 'error') {
    this.violations.push({ ruleId, path, message, severity });
  }

  async truthy(expression: string, input: unknown, extra: Record<string, unknown> = {}): Promise<boolean> {
    return (await evaluate(expression, input, { ...this.bindings, ...extra })) === true;
  }

  async isRequired(field: PackField, input: unknown, extra: Record<string, unknown>): Promise<boolean> {
    if (field.requiredWhen) return this.truthy(field.requiredWhen, input, extra);
    return field.required !== false && field.type !== 'computed';
  }

  async isVisible(field: PackField, input: unknown, extra: Record<string, unknown>): Promise<boolean> {
    return field.visibleWhen ? this.truthy(field.visibleWhen, input, extra) : true;
  }

  requiredMessage(label: string): string {
    return `请填写「${label}」${this.form.blankHint ? `（${this.form.blankHint}）` : ''}`;
  }

  checkScalar(field: ScalarField, value: unknown, path: string): void {
    const label = field.label;
    const fail = (message: string) => this.add(`field:${field.type}`, path, message);
    switch (field.type) {
      case 'text': {
        if (typeof value !== 'string') return fail(`「${label}」应为文字`);
        const n = countChars(value);
        if (field.maxLength !== undefined && n > field.maxLength) fail(`「${label}」不得超过${field.maxLength}字（当前${n}字）`);
        if (field.minLength !== undefined && n < field.minLength) fail(`「${label}」不得少于${field.minLength}字（当前${n}字）`);
        if (field.format === 'phone' && !/^[0-9+\-（）()\s/转]{7,30}$/.test(value)) fail(`「${label}」不是有效的电话号码`);
        else if (field.format === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) fail(`「${label}」不是有效的电子邮箱`);
        else if (field.format === 'url' && !/^https?:\/\/\S+$/.test(value)) fail(`「${label}」不是有效的网址`);
        else if (field.format && STRING_FORMATS[field.format] && !STRING_FORMATS[field.format]!(value.trim())) {
          fail(`「${label}」不是有效的${FORMAT_LABELS[field.format] ?? field.format}`);
        }
        if (field.pattern && !new RegExp(field.pattern).test(value)) fail(field.patternMessage ?? `「${label}」格式不正确`);
        return;
      }
      case 'integer':
        if (typeof value !== 'number' || !Number.isInteger(value)) return fail(`「${label}」应为整数`);
        return this.range(label, value, field.min, field.max, field.unit, fail);
      case 'decimal':
      case 'money': {
        if (typeof value !== 'number' || !Number.isFinite(value)) return fail(`「${label}」应为数字`);
        const decimals = field.type === 'money' ? 2 : (field.decimals ?? 2);
        if (Math.abs(value * 10 ** decimals - Math.round(value * 10 ** decimals)) > 1e-6) fail(`「${label}」最多保留${decimals}位小数`);
        const unit = field.type === 'money' ? '万元' : field.unit;
        const min = field.min ?? (field.type === 'money' ? 0 : undefined);
        return this.range(label, value, min, field.max, unit, fail);
      }
      case 'date':
        if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) return fail(`「${label}」应为日期（年-月-日）`);
        if (field.min && value < field.min) fail(`「${label}」不得早于${field.min}`);
        if (field.max && value > field.max) fail(`「${label}」不得晚于${field.max}`);
        return;
      case 'yearMonthRange': {
        const v = value as { from?: unknown; to?: unknown };
        const ym = /^\d{4}-(0[1-9]|1[0-2])$/;
        if (typeof v !== 'object' || typeof v.from !== 'string' || typeof v.to !== 'string' || !ym.test(v.from) || !ym.test(v.to)) {
          return fail(`「${label}」应填写开始和结束年月`);
        }
        if (v.from > v.to) fail(`「${label}」的开始年月不得晚于结束年月`);
        return;
      }
      case 'choice': {
        if (typeof value === 'object' && value !== null && 'other' in value) {
          if (!field.other) return fail(`「${label}」没有“其他”选项`);
          if (isBlank((value as { other: unknown }).other)) fail(`「${label}」选择“其他”时请注明`);
          return;
        }
        if (typeof value !== 'string' || !optionValues(field).includes(value)) fail(`「${label}」的选项无效`);
        return;
      }
      case 'multiChoice': {
        if (!Array.isArray(value)) return fail(`「${label}」应为多选`);
        const allowed = optionValues(field);
        for (const item of value) {
          if (typeof item === 'object' && item !== null && 'other' in item) {
            if (!field.other) fail(`「${label}」没有“其他”选项`);
            else if (isBlank((item as { other: unknown }).other)) fail(`「${label}」选择“其他”时请注明`);
          } else if (typeof item !== 'string' || !allowed.includes(item)) fail(`「${label}」含无效选项：${String(item)}`);
        }
        if (new Set(value.map((x) => JSON.stringify(x))).size !== value.length) fail(`「${label}」有重复选项`);
        if (field.minItems !== undefined && value.length < field.minItems) fail(`「${label}」至少选择${field.minItems}项`);
        if (field.maxItems !== undefined && value.length > field.maxItems) fail(`「${label}」最多选择${field.maxItems}项`);
        return;
      }
      case 'yesNo':
        if (typeof value !== 'boolean') fail(`「${label}」请选择是或否`);
        return;
      case 'yesNoYear': {
        const v = value as { value?: unknown; year?: unknown };
        if (typeof v !== 'object' || typeof v.value !== 'boolean') return fail(`「${label}」请选择是或否`);
        if (v.value) {
          const year = v.year;
          if (typeof year !== 'number' || !Number.isInteger(year) || year < 1949 || year > 2100) fail(`「${label}」选择“是”时请填写${field.yearLabel ?? '年份'}`);
        }
        return;
      }
      case 'direction': {
        const allowed = directionIds(this.program.categories, field.categories);
        if (typeof value !== 'string' || !allowed.includes(value)) fail(`「${label}」请从本通知的申报方向中选择一个`);
        return;
      }
      case 'attachment':
        return this.checkAttachments(field, value, path);
      case 'computed':
        return;
    }
  }

  range(label: string, value: number, min: number | undefined, max: number | undefined, unit: string | undefined, fail: (m: string) => void) {
    const u = unit ?? '';
    if (min !== undefined && value < min) fail(`「${label}」不得小于${min}${u}`);
    if (max !== undefined && value > max) fail(`「${label}」不得大于${max}${u}`);
  }

  checkAttachments(field: Extract<PackField, { type: 'attachment' }>, value: unknown, path: string) {
    const label = field.label;
    if (!Array.isArray(value)) return this.add('field:attachment', path, `「${label}」附件格式无效`);
    const files = value as AttachmentAnswer[];
    const min = field.minCount ?? 1;
    if (files.length < min) this.add('field:attachment', path, `「${label}」至少上传${min}个文件`);
    if (field.maxCount !== undefined && files.length > field.maxCount) this.add('field:attachment', path, `「${label}」最多上传${field.maxCount}个文件`);
    files.forEach((file, i) => {
      const p = `${path}/${i}`;
      const ext = (/\.[^.]+$/.exec(file?.name ?? '')?.[0] ?? '').toLowerCase();
      if (!field.accept.includes(ext)) this.add('field:attachment', p, `「${label}」只接受 ${field.accept.join('、')} 文件（${file?.name ?? ''}）`);
      if (typeof file?.size !== 'number' || file.size > field.maxSizeMB * 1024 * 1024) this.add('field:attachment', p, `「${label}」单个文件不得超过${field.maxSizeMB}MB（${file?.name ?? ''}）`);
      if (field.video) {
        const d = file?.durationSeconds;
        const minutes = (s: number) => (s % 60 === 0 ? `${s / 60}分钟` : `${s}秒`);
        if (typeof d !== 'number') this.add('field:attachment', p, `「${label}」未能读取视频时长，请上传可播放的视频文件`);
        else if (d < field.video.minSeconds || d > field.video.maxSeconds) {
          this.add('field:attachment', p, `「${label}」视频时长应为${minutes(field.video.minSeconds)}至${minutes(field.video.maxSeconds)}（当前${Math.round(d)}秒）`);
        }
      }
    });
  }

  async checkField(field: PackField, answers: Answers): Promise<void> {
    const path = `/${field.id}`;
    if (!(await this.isVisible(field, answers, {}))) return;
    const value = answers[field.id];
    if (isBlank(value) && !(field.type === 'yesNo' && value === false)) {
      if (await this.isRequired(field, answers, {})) this.add('field:required', path, this.requiredMessage(field.label));
      if (field.type !== 'table') return;
    }
    if (field.type !== 'table') return this.checkScalar(field, value, path);
    const rows = (value ?? []) as Answers[];
    if (!Array.isArray(rows)) return this.add('field:table', path, `「${field.label}」应为表格`);
    const min = field.minRows ?? 0;
    if (rows.length < min) this.add('field:table', path, `「${field.label}」至少填写${min}${field.rowLabel ?? '行'}（当前${rows.length}）`);
    if (field.maxRows !== undefined && rows.length > field.maxRows) this.add('field:table', path, `「${field.label}」最多填写${field.maxRows}${field.rowLabel ?? '行'}`);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] ?? {};
      for (const col of field.columns) {
        const colPath = `${path}/${i}/${col.id}`;
        const extra = { root: answers, row: i };
        if (!(await this.isVisible(col, row, extra))) continue;
        const v = row[col.id];
        if (isBlank(v)) {
          if (await this.isRequired(col, row, extra)) this.add('field:required', colPath, `「${field.label}」第${i + 1}${field.rowLabel ?? '行'}：${this.requiredMessage(col.label)}`);
          continue;
        }
        this.checkScalar(col, v, colPath);
      }
    }
  }

  async checkRule(rule: PackRule, answers: Answers): Promise<void> {
    try {
      if (rule.when && !(await this.truthy(rule.when, answers))) return;
      if (!(await this.truthy(rule.assert, answers))) this.add(rule.id, rule.path, rule.message, rule.severity);
    } catch (error) {
      this.add(rule.id, rule.path, `规则「${rule.id}」无法计算（${(error as Error).message}），请检查填写内容`, 'error');
    }
  }
}

function roundTo(value: unknown, decimals: number): unknown {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 10 ** decimals) / 10 ** decimals : value;
}

/** Fill computed fields (in table rows first, then top level), in declaration order. */
export async function computeFields(form: PackForm, answers: Answers, bindings: Record<string, unknown>): Promise<Answers> {
  const data: Answers = structuredClone(answers);
  const decimalsOf = (f: { format: string; decimals?: number }) => f.decimals ?? (f.format === 'integer' ? 0 : 2);
  for (const section of form.sections) {
    for (const field of section.fields) {
      if (field.type === 'table' && Array.isArray(data[field.id])) {
        for (const [i, row] of (data[field.id] as Answers[]).entries()) {
          for (const col of field.columns) {
            if (col.type !== 'computed') continue;
            const value = await evaluate(col.expression, row, { ...bindings, root: data, row: i }).catch(() => undefined);
            row[col.id] = roundTo(value, decimalsOf(col)) ?? null;
          }
        }
      }
    }
  }
  for (const section of form.sections) {
    for (const field of section.fields) {
      if (field.type !== 'computed') continue;
      const value = await evaluate(field.expression, data, bindings).catch(() => undefined);
      data[field.id] = roundTo(value, decimalsOf(field)) ?? null;
    }
  }
  return data;
}

export function ruleBindings(context: RuleContext): Record<string, unknown> {
  return {
    org: context.org ?? null,
    lists: context.lists ?? {},
    applications: context.applications ?? [],
    call: context.call ?? {},
    now: context.now ?? new Date().toISOString(),
  };
}

/**
 * Check one form's answers against its pack: every field (presence, type, limits), every form rule and every
 * eligibility rule. The same function runs on the server and in the browser, so both give the same verdicts.
 */
export async function validateAnswers(input: { program: ProgramPack; form: PackForm; answers: Answers; context?: RuleContext }): Promise<ValidationResult> {
  const bindings = ruleBindings(input.context ?? {});
  const answers = await computeFields(input.form, input.answers ?? {}, bindings);
  const checker = new Checker(input.program, input.form, bindings);
  const known = new Set(input.form.sections.flatMap((s) => s.fields.map((f) => f.id)));
  for (const key of Object.keys(input.answers ?? {})) {
    if (!known.has(key)) checker.add('field:unknown', `/${key}`, `表单「${input.form.title}」没有字段“${key}”`);
  }
  for (const section of input.form.sections) for (const field of section.fields) await checker.checkField(field, answers);
  for (const rule of input.form.rules ?? []) await checker.checkRule(rule, answers);
  // Eligibility is a condition of applying: it binds the application forms, not reports filed later.
  if ((input.form.stage ?? 'application') === 'application') {
    for (const rule of input.program.eligibility.rules ?? []) await checker.checkRule(rule, answers);
  }
  return { violations: checker.violations, answers };
}

/** Find a form field definition by its top-level id. */
export function findField(form: PackForm, id: string): PackField | undefined {
  for (const s of form.sections) for (const f of s.fields) if (f.id === id) return f;
  return undefined;
}
