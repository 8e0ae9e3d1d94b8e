import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './config.ts';

/** `npm start` must work before the web app was ever built: build it once, here, if its index.html is missing. */
export async function ensureWebBuilt(distDir: string): Promise<void> {
  if (fs.existsSync(path.join(distDir, 'index.html'))) return;
  console.log('首次启动：正在构建 Web 前端（vite build）…');
  await new Promise<void>((resolve, reject) => {
    const child = spawn('npx', ['vite', 'build', '--config', 'apps/web/vite.config.ts'], { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Web 前端构建失败（exit ${code}）`))));
  });
}
