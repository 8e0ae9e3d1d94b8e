import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/database.ts';
import type { RequestContext } from '../platform/context.ts';
import { recordEvent } from '../modules/audit/index.ts';

interface DemoCalls {
  open: { call: string; days: number }[];
  lists: Record<string, Record<string, Record<string, string>[]>>;
}

/**
 * Demo only: open the application window of some calls from today and import their lists, once
 * (a call whose schedule was already set, by this or by an officer, is left alone).
 */
export async function openDemoCalls(db: Db): Promise<string[]> {
  const demo = parse(await fs.readFile(path.join(import.meta.dirname, 'calls.yaml'), 'utf8')) as DemoCalls;
  const opened: string[] = [];
  const ctx: RequestContext = { actor: null, requestId: 'demo-calls', ip: null };
  for (const { call, days } of demo.open) {
    await db.transaction(async (tx) => {
      // Applications for `days`, then 15 more days for the cities' recommendation and 10 for the province round.
      const at = (offsetDays: number) => sql`to_char(date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') + make_interval(days => ${offsetDays}) - interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"')`;
      const result = await tx.execute<{ id: string }>(sql`
        UPDATE calls SET schedule = jsonb_build_object(
            'application', jsonb_build_object('opens', to_char(date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"'), 'closes', ${at(days)}),
            'recommendation', jsonb_build_object('closes', ${at(days + 15)}),
            'provincial_recommendation', jsonb_build_object('closes', ${at(days + 25)}))
        WHERE id = ${call} AND schedule = '{}'::jsonb RETURNING id`);
      if (result.rows.length === 0) return;
      for (const [listId, rows] of Object.entries(demo.lists[call] ?? {})) {
        await tx.execute(sql`
          INSERT INTO call_lists (call_id, list_id, rows, row_count, file_name, sha256, imported_by)
          SELECT ${call}, ${listId}, ${JSON.stringify(rows)}::jsonb, ${rows.length}, '演示数据', 'demo', id FROM users WHERE username = 'admin'
          ON CONFLICT DO NOTHING`);
      }
      await recordEvent(tx, ctx, { action: 'demo.open_call', resourceType: 'call', resourceId: call, details: { days } });
      opened.push(call);
    });
  }
  return opened;
}
