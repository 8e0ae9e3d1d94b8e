// npm run bench [-- <name>]: run every bench/*.bench.ts (or the named one); each prints JSON result lines.
import fs from 'node:fs';
import path from 'node:path';

const only = process.argv[2];
const names = fs
  .readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .filter((n) => !only || n === only);
if (names.length === 0) {
  console.error(`没有名为 ${only} 的基准测试`);
  process.exit(1);
}
for (const name of names) {
  console.error(`== bench ${name}`);
  const mod = (await import(path.join(import.meta.dirname, `${name}.bench.ts`))) as { run(): Promise<void> };
  await mod.run();
}
process.exit(0);
