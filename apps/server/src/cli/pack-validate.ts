// npm run pack:validate -- <pack-id> <form-id> answers.json
// answers.json is either the answers object, or { "answers": {…}, "context": { "org": {…}, "lists": {…}, "applications": […] } }.
// Prints each violation with its path and message; exit code 1 when there is an error.
import fs from 'node:fs/promises';
import path from 'node:path';
import { validateAnswers, type RuleContext } from '@shenbao/rules';
import { REPO_ROOT } from '../platform/config.ts';
import { loadPack, PackError } from '../modules/programs/loader.ts';

const [packId, formId, file] = process.argv.slice(2);
if (!packId || !formId || !file) {
  console.error('用法：npm run pack:validate -- <pack-id> <form-id> <answers.json>');
  process.exit(2);
}
try {
  const pack = await loadPack(path.join(REPO_ROOT, 'programs', packId), path.join(REPO_ROOT, 'programs'));
  const form = pack.forms.find((f) => f.id === formId);
  if (!form) {
    console.error(`配置包 ${packId} 没有表单 ${formId}（有：${pack.forms.map((f) => f.id).join('、')}）`);
    process.exit(2);
  }
  const raw = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
  const wrapped = 'answers' in raw && typeof raw.answers === 'object';
  const answers = (wrapped ? raw.answers : raw) as Record<string, unknown>;
  const context = (wrapped ? raw.context : {}) as RuleContext;
  const { violations } = await validateAnswers({ program: pack.program, form, answers, context });
  const errors = violations.filter((v) => v.severity === 'error');
  for (const v of violations) console.log(`${v.severity === 'error' ? '错误' : '提示'}  ${v.path}  ${v.message}  [${v.ruleId}]`);
  console.log(violations.length === 0 ? `✓ 符合「${form.title}」的全部规则` : `共 ${errors.length} 个错误，${violations.length - errors.length} 个提示`);
  process.exitCode = errors.length ? 1 : 0;
} catch (error) {
  if (error instanceof PackError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
