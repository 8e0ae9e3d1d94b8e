import path from 'node:path';
import { readConfig, REPO_ROOT } from './platform/config.ts';
import { openDatabase, runMigrations } from './platform/database.ts';
import { buildApp } from './platform/http.ts';
import { checkSystemPackages } from './platform/system-packages.ts';
import { ensureDivisions } from './modules/identity/index.ts';
import { loadAllPacks, PackError, syncPacks } from './modules/programs/index.ts';
import { DEMO_PASSWORD, seedDemoData } from './demo/seed.ts';
import { openDemoCalls } from './demo/calls.ts';
import { seedDemoSelection } from './demo/selection.ts';
import { ensureWebBuilt } from './platform/web-build.ts';
import { ROLE_LABELS } from '@shenbao/contracts';

/** npm start: database (embedded unless DATABASE_URL), migrations, reference and demo data, HTTP with the web app. */
async function main(): Promise<void> {
  const config = readConfig();
  // A broken pack stops the start with the file, the path and the reason — before anything else is touched.
  const packs = await loadAllPacks(path.join(REPO_ROOT, 'programs')).catch((error) => {
    if (error instanceof PackError) {
      console.error(`配置包校验失败，平台未启动：\n${error.problems.map((p) => `  ${p.file}  ${p.path || '/'}  ${p.message}`).join('\n')}`);
      process.exit(1);
    }
    throw error;
  });
  const [systemPackages] = await Promise.all([checkSystemPackages(), ensureWebBuilt(config.webDistDir)]);
  console.log(config.databaseUrl ? '使用外部 PostgreSQL（DATABASE_URL）…' : `启动嵌入式 PostgreSQL（数据目录 ${config.dataDir}/pg）…`);
  const database = await openDatabase(config);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n收到 ${signal}，正在停止…`);
    await server?.close().catch(() => {});
    await database.close().catch((e) => console.error(e));
    console.log('已停止' + (database.embedded ? '（嵌入式 PostgreSQL 已正常关闭）' : ''));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await runMigrations(database);
  await ensureDivisions(database.db);
  const demo = config.loadDemoData ? await seedDemoData(database.db) : null;
  const synced = await syncPacks(database.db, packs);
  const opened = demo ? await openDemoCalls(database.db) : [];
  const selecting = demo ? await seedDemoSelection(database.db) : null;
  server = await buildApp({ database, config, systemPackages });
  await server.listen({ port: config.port, host: config.host });

  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    '申报 Shenbao · 工业互联网试点示范项目申报管理平台',
    `  地址      ${url}`,
    `  接口文档  ${url}/api/openapi.json`,
    `  数据库    ${database.embedded ? `嵌入式 PostgreSQL，数据在 ${config.dataDir}/pg` : '外部 PostgreSQL（DATABASE_URL）'}`,
  ];
  lines.push(`  申报通知  ${packs.length} 个配置包（${packs.map((p) => p.program.id).join('、')}）${synced.created.length + synced.updated.length ? `，本次载入/更新 ${synced.created.length + synced.updated.length} 个` : ''}`);
  for (const p of systemPackages.filter((p) => !p.present)) lines.push(`  ⚠ 缺少系统软件包 ${p.name}：${p.feature} 不可用（apt-get install ${p.name}）`);
  if (demo) {
    lines.push(`  演示数据  ${demo.loaded ? '已载入' : '已存在'}；以下演示账户仅存在于演示数据中，密码均为 ${DEMO_PASSWORD}`);
    const shown = ['admin', 'miit.officer', 'hebei.officer', 'guangdong.officer', 'sjz.reviewer', 'shenzhen.reviewer', 'gdca.reviewer', 'zhizao.admin', 'zhizao.filler'];
    for (const a of demo.accounts.filter((a) => shown.includes(a.username))) lines.push(`    ${a.username.padEnd(20)} ${ROLE_LABELS[a.role]} · ${a.organisation}`);
    lines.push('    专家账户：expert.wangjianguo 等（见 apps/server/src/demo/experts.yaml）');
    if (opened.length) lines.push(`  演示申报期 已为 ${opened.join('、')} 开放申报（自今日起，见 apps/server/src/demo/calls.yaml）`);
    if (selecting) lines.push(`  演示遴选   ${selecting} 已完成各市推荐，hebei.officer 可在“遴选评审”中开始政策性审查（见 apps/server/src/demo/selection.yaml）`);
  }
  lines.push('  按 Ctrl-C 停止', '');
  console.log(lines.join('\n'));
}

let server: Awaited<ReturnType<typeof buildApp>> | undefined;
main().catch((error) => {
  console.error('启动失败：', error instanceof Error ? error.message : error);
  process.exit(1);
});
