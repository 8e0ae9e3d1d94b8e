// npm run pack:check [programs/<id> …] — validate program packs (all under programs/ when none is named).
import path from 'node:path';
import { REPO_ROOT } from '../platform/config.ts';
import { loadAllPacks, loadPack, PackError } from '../modules/programs/loader.ts';
import { directionIds } from '@shenbao/rules';

const dirs = process.argv.slice(2);
try {
  const packs = dirs.length ? await Promise.all(dirs.map((d) => loadPack(path.resolve(d), process.cwd()))) : await loadAllPacks(path.join(REPO_ROOT, 'programs'));
  for (const { program, forms, hash } of packs) {
    const fields = forms.reduce((n, f) => n + f.sections.reduce((m, s) => m + s.fields.length, 0), 0);
    const rules = forms.reduce((n, f) => n + (f.rules?.length ?? 0), 0) + (program.eligibility.rules?.length ?? 0);
    console.log(
      `✓ ${program.id}  ${program.title}（${program.documentNumber ?? '无文号'}）\n` +
        `  表单 ${forms.length}（${forms.map((f) => f.id).join('、')}），字段 ${fields}，规则 ${rules}，申报方向 ${directionIds(program.categories).length}，` +
        `阶段 ${program.stages.length}，限额 ${program.quotas?.length ?? 0}，版本哈希 ${hash.slice(0, 12)}`,
    );
  }
} catch (error) {
  if (!(error instanceof PackError)) throw error;
  console.error(`配置包校验失败（${error.problems.length} 处）：`);
  for (const p of error.problems) console.error(`  ${p.file}  ${p.path || '/'}  ${p.message}`);
  process.exit(1);
}
