// Register-wide settings, stored as key/value rows inside the encrypted database.
import { eq } from 'drizzle-orm';
import type { Db } from './db/connection';
import { settings } from './db/schema';

export function getSetting(db: Pick<Db, 'select'>, key: string): string | undefined {
  return db.select().from(settings).where(eq(settings.key, key)).get()?.value;
}

/** Call inside the write's transaction. */
export function putSetting(tx: Pick<Db, 'insert'>, key: string, value: string): void {
  tx.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}
