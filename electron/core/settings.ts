// Register-wide settings, stored as key/value rows inside the encrypted database.
import { eq } from 'drizzle-orm';
import type { Db } from './db/connection';
import { settings } from './db/schema';

/** Every register-wide setting, by name: the one list of the keys stored (docs/domain.md › settings). */
export const SETTING = {
  /** When the register was created (ISO instant). */
  createdAt: 'created_at',
  /** The register's random id, also in the key-slot file. */
  registerId: 'register_id',
  /** Minutes of inactivity before the register locks itself. */
  autoLockMinutes: 'auto_lock_minutes',
  /** 'no' until an admin has confirmed the current recovery key. */
  recoveryConfirmed: 'recovery_key_confirmed',
  /** 'yes' in the demo register (generated data). */
  demo: 'demo',
  /** Years identifying data are kept after the last exit. */
  retentionYears: 'retention_years',
  /** The last manual backup (ISO instant), for the "backed up" status. */
  lastManualBackupAt: 'last_manual_backup_at',
} as const;
/** The named settings, and each key slot's public key (`slot_public_key:<kind>:<user id>`, keys/public-keys.ts). */
export type SettingKey = (typeof SETTING)[keyof typeof SETTING] | `slot_public_key:${string}`;

export function getSetting(db: Pick<Db, 'select'>, key: SettingKey): string | undefined {
  return db.select().from(settings).where(eq(settings.key, key)).get()?.value;
}

/** Call inside the write's transaction. */
export function putSetting(tx: Pick<Db, 'insert'>, key: SettingKey, value: string): void {
  tx.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}
