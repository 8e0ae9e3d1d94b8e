// npm run audit:verify — recompute the audit hash chain of the configured database; exit 1 when it is broken.
import { readConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/database.ts';
import { verifyAuditChain } from '../modules/audit/index.ts';

const database = await openDatabase(readConfig());
try {
  const result = await verifyAuditChain(database.db);
  if (result.ok) console.log(`审计哈希链完整：已校验 ${result.checked} 条事件`);
  else console.error(`审计哈希链断裂：第一条不符的事件 id=${result.firstBrokenId}（此前 ${result.checked} 条完好）`);
  process.exitCode = result.ok ? 0 : 1;
} finally {
  await database.close();
}
