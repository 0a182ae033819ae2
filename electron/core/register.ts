// The register on disk: where its files are, creating it, and opening it with a passphrase or the
// recovery key. Nothing here keeps state between calls; the Session owns what is open.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DomainError } from '../shared/errors';
import { openRegisterDb, type Connection } from './db/connection';
import { migrate } from './db/migrate';
import { settings, users } from './db/schema';
import { appendAudit } from './audit';
import { SETTING, putSetting } from './settings';
import { recordPublicKeys } from './keys/public-keys';
import {
  decoyAttempt, fsyncDir, makeSlot, newSlotFile, openSlot, pendingPath, readSlotFile, recoverySlot, userSlot,
  withSlot, writeSlotFile, type SlotFile,
} from './keys/slots';
import { newRecoveryKey } from './keys/recovery';
import { calibratedParams } from './keys/kdf';

export interface RegisterPaths {
  dir: string;
  db: string;
  slots: string;
}

export function registerPaths(dir: string): RegisterPaths {
  return { dir, db: join(dir, 'approdo.register'), slots: join(dir, 'approdo.keys.json') };
}

export const registerExists = (paths: RegisterPaths) => existsSync(paths.db);

export interface OpenedRegister {
  conn: Connection;
  dataKey: Buffer;
  slots: SlotFile;
  userId: number;
}

export const DEFAULT_AUTO_LOCK_MINUTES = 10;
/** Setting that says whether the current recovery key was confirmed as written down ('yes' / 'no'). */
export const RECOVERY_CONFIRMED = SETTING.recoveryConfirmed;

export interface NewAdmin {
  username: string;
  displayName: string;
  passphrase: string;
}

/** Creates the database, the first admin and the recovery key. Returns the open register and the key to show once. */
export async function createRegister(
  paths: RegisterPaths,
  migrationsFolder: string,
  admin: NewAdmin,
  now = new Date(),
  populate?: (conn: Connection, now: Date) => void,
): Promise<OpenedRegister & { recoveryKey: string }> {
  if (registerExists(paths) || existsSync(paths.slots)) throw new DomainError('REGISTER_EXISTS');
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  const dataKey = randomBytes(32);
  const recoveryKey = newRecoveryKey();
  const params = await calibratedParams();
  let slots = newSlotFile();
  const adminId = 1;
  slots = withSlot(slots, await makeSlot(slots, 'user', adminId, admin.username, admin.passphrase, dataKey, params));
  slots = withSlot(slots, await makeSlot(slots, 'recovery', null, null, recoveryKey, dataKey, { ...params, salt: randomBytes(16).toString('base64') }));
  // Re-check after the slow key derivations: another call may have created the register meanwhile.
  if (registerExists(paths)) throw new DomainError('REGISTER_EXISTS');

  let conn: Connection | null = null;
  try {
    conn = openRegisterDb(paths.db, dataKey, { create: true });
    migrate(conn.sqlite, migrationsFolder);
    const at = now.toISOString();
    const { db } = conn;
    db.transaction((tx) => {
      tx.insert(settings).values([
        { key: SETTING.createdAt, value: at },
        { key: SETTING.registerId, value: slots.registerId },
        { key: SETTING.autoLockMinutes, value: String(DEFAULT_AUTO_LOCK_MINUTES) },
        { key: RECOVERY_CONFIRMED, value: 'no' },
      ]).run();
      tx.insert(users).values({ id: adminId, username: admin.username, displayName: admin.displayName, role: 'admin', createdAt: at }).run();
      appendAudit(tx, { userId: adminId, action: 'register.create', entity: 'register', recordId: slots.registerId }, now);
      appendAudit(tx, { userId: adminId, action: 'user.create', entity: 'user', recordId: adminId, fields: ['username', 'displayName', 'role'] }, now);
      recordPublicKeys(tx as unknown as Connection['db'], slots);
      writeSlotFile(paths.slots, slots);
    });
    if (populate) {
      db.transaction((tx) => putSetting(tx, SETTING.demo, 'yes'));
      populate(conn, now);
    }
    return { conn, dataKey, slots, userId: adminId, recoveryKey };
  } catch (error) {
    // A register that failed half-way through creation holds nothing yet: remove it so setup can start again.
    conn?.sqlite.close();
    dataKey.fill(0);
    for (const file of [paths.db, `${paths.db}-wal`, `${paths.db}-shm`, paths.slots]) rmSync(file, { force: true });
    throw error;
  }
}

export type Credential = { kind: 'passphrase'; username: string; secret: string } | { kind: 'recovery'; username: string; secret: string };

/**
 * Opens the register with a user's passphrase or the recovery key. A wrong secret returns WRONG_CREDENTIALS
 * without touching any file: the slot is checked before the database is opened.
 * If a rekey was interrupted after the database was rekeyed but before its new slot file replaced the old
 * one, the staged `.next` slot file is the one that opens the database; it is then put in place.
 */
export async function openRegister(paths: RegisterPaths, migrationsFolder: string, credential: Credential): Promise<OpenedRegister> {
  if (!registerExists(paths)) throw new DomainError('REGISTER_ABSENT');
  const candidates = [paths.slots, pendingPath(paths.slots)].filter((p) => existsSync(p));
  let damaged = false;
  for (const slotPath of candidates) {
    const slots = readSlotFile(slotPath);
    const slot = credential.kind === 'recovery' ? recoverySlot(slots) : userSlot(slots, credential.username);
    if (!slot) {
      await decoyAttempt(slots, credential.secret);
      continue;
    }
    const dataKey = await openSlot(slots, slot, credential.secret);
    if (!dataKey) continue;
    let conn: Connection;
    try {
      conn = openRegisterDb(paths.db, dataKey);
    } catch (error) {
      dataKey.fill(0);
      if (error instanceof DomainError && error.code === 'REGISTER_DAMAGED') {
        damaged = true;
        continue;
      }
      throw error;
    }
    try {
      migrate(conn.sqlite, migrationsFolder);
      const user = credential.kind === 'recovery'
        ? conn.db.select().from(users).where(eq(users.username, credential.username)).get()
        : conn.db.select().from(users).where(eq(users.id, slot.userId ?? -1)).get();
      if (!user || user.status !== 'active') throw new DomainError('WRONG_CREDENTIALS');
      if (slotPath !== paths.slots) {
        renameSync(slotPath, paths.slots);
        fsyncDir(paths.dir);
      }
      return { conn, dataKey, slots, userId: user.id };
    } catch (error) {
      conn.sqlite.close();
      dataKey.fill(0);
      throw error;
    }
  }
  if (damaged) throw new DomainError('REGISTER_DAMAGED');
  throw credential.kind === 'recovery'
    ? new DomainError('WRONG_RECOVERY_KEY', { recoveryKey: ['errors.WRONG_RECOVERY_KEY'] })
    : new DomainError('WRONG_CREDENTIALS');
}
