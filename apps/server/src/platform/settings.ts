import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from './database.ts';
import { platformSettings } from './tables.ts';

/** Read a shared secret, creating it once; concurrent first starts agree because the insert is conflict-free. */
export async function sharedSecret(db: DbOrTx, key: string): Promise<string> {
  await db.insert(platformSettings).values({ key, value: randomBytes(32).toString('base64url') }).onConflictDoNothing();
  const [row] = await db.select().from(platformSettings).where(eq(platformSettings.key, key));
  return row!.value;
}
