import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import { parse, YAMLParseError } from 'yaml';
import { PackForm, ProgramPack, type LoadedPack, type PackCategory, type PackField } from '@shenbao/contracts';
import { checkExpression } from '@shenbao/rules';
import { canonicalJson } from '../audit/index.ts';

/** One reason a pack cannot be loaded: the file, the path inside it, and what is wrong. */
export interface PackProblem {
  file: string;
  path: string;
  message: string;
}

export class PackError extends Error {
  constructor(readonly problems: PackProblem[]) {
    super(problems.map((p) => `${p.file}: ${p.path || '/'}: ${p.message}`).join('\n'));
  }
}

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateProgram = ajv.compile(ProgramPack);
const validateForm = ajv.compile(PackForm);

function schemaProblems(file: string, errors: ErrorObject[] | null | undefined): PackProblem[] {
  if (!errors?.length) return [];
  // A field is a union over its `type`: drop the branches whose `type` did not match, keep the one the author meant.
  const branchOf = (schemaPath: string) => schemaPath.slice(0, schemaPath.lastIndexOf('/properties/type'));
  const wrongBranches = errors.filter((e) => e.keyword === 'const' && e.instancePath.endsWith('/type')).map((e) => branchOf(e.schemaPath) + '/');
  const kept = errors.filter((e) => !wrongBranches.some((b) => e.schemaPath.startsWith(b)));
  if (kept.length) errors = kept;
  localizeZh(errors);
  // A union reports one error per branch; the deepest path is the one the author needs.
  const deepest = Math.max(...errors.map((e) => e.instancePath.split('/').length));
  const chosen = errors.filter((e) => e.instancePath.split('/').length >= deepest - 1 && e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
  const seen = new Set<string>();
  return (chosen.length ? chosen : errors)
    .map((e) => ({
      file,
      path: e.instancePath + (e.keyword === 'required' ? `/${String(e.params.missingProperty)}` : e.keyword === 'additionalProperties' ? `/${String(e.params.additionalProperty)}` : ''),
      message: e.keyword === 'additionalProperties' ? '不允许的字段' : e.keyword === 'required' ? '缺少必填项' : (e.message ?? '不符合格式'),
    }))
    .filter((p) => {
      const key = `${p.path}|${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, 20);
}

async function readYaml(file: string, display: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new PackError([{ file: display, path: '', message: '文件不存在' }]);
  }
  try {
    return parse(text, { uniqueKeys: true });
  } catch (error) {
    const e = error as YAMLParseError;
    throw new PackError([{ file: display, path: e.linePos ? `第${e.linePos[0].line}行` : '', message: `YAML 语法错误：${e.message}` }]);
  }
}

function walkCategories(nodes: PackCategory[], visit: (n: PackCategory, p: string) => void, base = '/categories') {
  nodes.forEach((n, i) => {
    visit(n, `${base}/${i}`);
    if (n.children) walkCategories(n.children, visit, `${base}/${i}/children`);
  });
}

/** The cross-references JSON Schema cannot check: ids exist and are unique, expressions parse, paths point at fields. */
function semanticProblems(dir: string, program: ProgramPack, forms: PackForm[]): PackProblem[] {
  const problems: PackProblem[] = [];
  const programFile = `${dir}/program.yaml`;
  const add = (file: string, p: string, message: string) => problems.push({ file, path: p, message });
  const expr = (file: string, p: string, e: string | undefined) => {
    if (!e) return;
    const err = checkExpression(e);
    if (err) add(file, p, `表达式无效：${err}`);
  };

  if (path.basename(dir) !== program.id) add(programFile, '/id', `包标识“${program.id}”须与目录名“${path.basename(dir)}”一致`);
  const categoryIds = new Set<string>();
  const channelIds = new Set(program.channels.map((c) => c.id));
  const formIds = new Set(forms.map((f) => f.id));
  walkCategories(program.categories, (n, p) => {
    if (categoryIds.has(n.id)) add(programFile, `${p}/id`, `类别/方向标识“${n.id}”重复`);
    categoryIds.add(n.id);
    if (n.form && !formIds.has(n.form)) add(programFile, `${p}/form`, `表单“${n.form}”未在 forms 中声明`);
    for (const c of n.channels ?? []) if (!channelIds.has(c)) add(programFile, `${p}/channels`, `渠道“${c}”不存在`);
  });
  program.channels.forEach((c, i) => c.exclusiveWith?.forEach((x) => channelIds.has(x) || add(programFile, `/channels/${i}/exclusiveWith`, `渠道“${x}”不存在`)));
  program.quotas?.forEach((q, i) => {
    if (q.channel && !channelIds.has(q.channel)) add(programFile, `/quotas/${i}/channel`, `渠道“${q.channel}”不存在`);
    q.categories?.forEach((c) => categoryIds.has(c) || add(programFile, `/quotas/${i}/categories`, `类别“${c}”不存在`));
  });
  program.summaryTable.groups?.forEach((g, i) => g.categories.forEach((c) => categoryIds.has(c) || add(programFile, `/summaryTable/groups/${i}`, `类别“${c}”不存在`)));
  program.summaryTable.columns.forEach((c, i) => expr(programFile, `/summaryTable/columns/${i}/value`, c.value));
  program.priorityFlags?.forEach((f, i) => expr(programFile, `/priorityFlags/${i}/when`, f.when));
  program.eligibility.rules?.forEach((r, i) => {
    expr(programFile, `/eligibility/rules/${i}/assert`, r.assert);
    expr(programFile, `/eligibility/rules/${i}/when`, r.when);
  });
  program.stages.forEach((s, i) => {
    if (s.opens && s.closes && Date.parse(s.opens) >= Date.parse(s.closes)) add(programFile, `/stages/${i}`, '开始时间须早于截止时间');
    if (s.extension && s.closes && Date.parse(s.extension.until) <= Date.parse(s.closes)) add(programFile, `/stages/${i}/extension`, '延期截止须晚于原截止时间');
  });
  const stageIds = program.stages.map((s) => s.id);
  if (new Set(stageIds).size !== stageIds.length) add(programFile, '/stages', '阶段重复');

  for (const form of forms) {
    const file = `${dir}/forms/${form.id}.yaml`;
    const ids = new Map<string, PackField>();
    form.sections.forEach((s, si) =>
      s.fields.forEach((f, fi) => {
        const p = `/sections/${si}/fields/${fi}`;
        if (ids.has(f.id)) add(file, `${p}/id`, `字段标识“${f.id}”重复`);
        ids.set(f.id, f);
        expr(file, `${p}/visibleWhen`, f.visibleWhen);
        expr(file, `${p}/requiredWhen`, f.requiredWhen);
        if (f.type === 'computed') expr(file, `${p}/expression`, f.expression);
        if (f.type === 'direction') f.categories?.forEach((c) => categoryIds.has(c) || add(file, `${p}/categories`, `类别“${c}”不存在`));
        if (f.type === 'table') {
          const cols = new Set<string>();
          f.columns.forEach((c, ci) => {
            if (cols.has(c.id)) add(file, `${p}/columns/${ci}/id`, `列标识“${c.id}”重复`);
            cols.add(c.id);
            if (c.type === 'computed') expr(file, `${p}/columns/${ci}/expression`, c.expression);
            expr(file, `${p}/columns/${ci}/visibleWhen`, c.visibleWhen);
            expr(file, `${p}/columns/${ci}/requiredWhen`, c.requiredWhen);
          });
        }
      }),
    );
    form.rules?.forEach((r, i) => {
      expr(file, `/rules/${i}/assert`, r.assert);
      expr(file, `/rules/${i}/when`, r.when);
      const top = r.path.split('/')[1] ?? '';
      if (top && !ids.has(top)) add(file, `/rules/${i}/path`, `路径 ${r.path} 指向不存在的字段“${top}”`);
    });
  }
  for (const id of program.forms) if (!forms.some((f) => f.id === id)) add(programFile, '/forms', `表单“${id}”缺少文件 forms/${id}.yaml`);
  return problems;
}

/** Load and check one pack folder; throws PackError listing every problem found. */
export async function loadPack(dir: string, displayRoot = path.dirname(dir)): Promise<LoadedPack> {
  const display = path.relative(displayRoot, dir) || dir;
  const rel = (p: string) => path.join(display, p);
  const rawProgram = await readYaml(path.join(dir, 'program.yaml'), rel('program.yaml'));
  if (!validateProgram(rawProgram)) throw new PackError(schemaProblems(rel('program.yaml'), validateProgram.errors));
  const program = rawProgram as ProgramPack;
  const problems: PackProblem[] = [];
  const forms: PackForm[] = [];
  for (const id of program.forms) {
    const file = rel(`forms/${id}.yaml`);
    try {
      const raw = await readYaml(path.join(dir, 'forms', `${id}.yaml`), file);
      if (!validateForm(raw)) problems.push(...schemaProblems(file, validateForm.errors));
      else if ((raw as PackForm).id !== id) problems.push({ file, path: '/id', message: `表单标识须为“${id}”（与文件名一致）` });
      else forms.push(raw as PackForm);
    } catch (error) {
      if (error instanceof PackError) problems.push(...error.problems);
      else throw error;
    }
  }
  if (problems.length) throw new PackError(problems);
  const semantic = semanticProblems(display, program, forms);
  if (semantic.length) throw new PackError(semantic);
  const hash = createHash('sha256').update(canonicalJson({ program, forms })).digest('hex');
  return { program, forms, hash };
}

/** Every pack under `programs/`; all problems of all packs are reported together. */
export async function loadAllPacks(root: string): Promise<LoadedPack[]> {
  const entries = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
  const packs: LoadedPack[] = [];
  const problems: PackProblem[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    try {
      packs.push(await loadPack(path.join(root, entry.name), path.dirname(root)));
    } catch (error) {
      if (error instanceof PackError) problems.push(...error.problems);
      else throw error;
    }
  }
  if (problems.length) throw new PackError(problems);
  return packs;
}
