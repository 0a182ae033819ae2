// Register-wide settings, stored as key/value rows inside the encrypted database.
import { eq } from 'drizzle-orm';
import { DEFAULT_DISCLOSURE_K, MIN_DISCLOSURE_K } from '../shared/disclosure';
import { DEFAULT_WORKING_DAY_OPTIONS, type WorkingDayOptions } from '../shared/working-days';
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
  /** 'no' when 24 June (Saint John, Turin's patron saint) is a working day for the summary's timeliness;
   * absent or 'yes': a holiday (docs/summary.md › Timeliness). */
  saintJohnHoliday: 'saint_john_holiday',
  /** k of the aggregate exports' disclosure control (docs/disclosure.md): absent means 3; never below 3. */
  disclosureK: 'disclosure_k',
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

/** The working-day rules the register counts timeliness with (electron/shared/working-days.ts). */
export function workingDayOptions(db: Pick<Db, 'select'>): WorkingDayOptions {
  const value = getSetting(db, SETTING.saintJohnHoliday);
  return { saintJohn: value === undefined ? DEFAULT_WORKING_DAY_OPTIONS.saintJohn : value === 'yes' };
}

/** k of the aggregate exports: the register's setting, never below the minimum whatever is stored. */
export function disclosureK(db: Pick<Db, 'select'>): number {
  const stored = Number(getSetting(db, SETTING.disclosureK));
  return Number.isInteger(stored) && stored >= MIN_DISCLOSURE_K ? stored : DEFAULT_DISCLOSURE_K;
}
