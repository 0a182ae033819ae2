// Restoring a backup file: on a fresh installation, after a damaged register was quarantined, or over the
// current register (admin). The backup is verified in full before anything is switched; the register it
// replaces is kept aside, never deleted; the session ends locked on the restored register.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, isAbsolute } from 'node:path';
import { eq } from 'drizzle-orm';
import { DomainError, type ErrorCode } from '../../shared/errors';
import { appendAudit } from '../audit';
import { openRegisterDb } from '../db/connection';
import { migrate } from '../db/migrate';
import { users } from '../db/schema';
import { normaliseRecoveryKey } from '../keys/recovery';
import { decoyAttempt, fsyncDir, openSlot, pendingPath, readSlotFile, recoverySlot, userSlot, writeFileAtomic } from '../keys/slots';
import { log } from '../log';
import { registerPaths } from '../register';
import { defaultFailureDelay, type Session } from '../session';
import { extractDatabase, readContainer, verifyContainer } from './container';
import { clearDamage } from './damage';
import { replacedDirOf, restoringDirOf } from './locations';
import { mayRestore } from './service';
import { CopyRefused, verifyDatabaseCopy } from './verify';

export type RestoreCredential = { kind: 'passphrase'; username: string; secret: string } | { kind: 'recovery'; secret: string };

/** Failed restore attempts in a row, per session (in memory, like the unlock throttle): each backup file is a
 * way to try passphrases. */
const failuresOf = new WeakMap<Session, number>();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const wrongCredentials = (credential: RestoreCredential) =>
  new DomainError('WRONG_CREDENTIALS', credential.kind === 'recovery' ? { recoveryKey: ['errors.WRONG_CREDENTIALS'] } : { passphrase: ['errors.WRONG_CREDENTIALS'] });

function failure(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof CopyRefused) return new DomainError('BACKUP_INVALID', { file: ['errors.BACKUP_INVALID'] });
  const code = (error as { code?: string }).code ?? '';
  let mapped: ErrorCode = 'RESTORE_FAILED';
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') mapped = 'BACKUP_NO_SPACE';
  return new DomainError(mapped);
}

/**
 * Checks the backup in a staging folder beside the register (same disk): the container whole (SHA-256, then
 * the HMAC under the key the slot gave), the database extracted — still encrypted — and checked page by page
 * and with integrity_check, migrations brought up to date (a backup from a newer app is refused), the
 * restoring user still active, and the restore recorded in its audit log. Returns the staging folder.
 */
async function stageBackup(session: Session, file: string, credential: RestoreCredential, now: Date): Promise<string> {
  const parsed = readContainer(file);
  const staging = restoringDirOf(session.options.paths, now);
  mkdirSync(staging, { mode: 0o700 });
  try {
    const paths = registerPaths(staging);
    writeFileAtomic(paths.slots, parsed.slots);
    let slots;
    try {
      slots = readSlotFile(paths.slots);
    } catch {
      throw new DomainError('BACKUP_INVALID', { file: ['errors.BACKUP_INVALID'] });
    }
    const secret = credential.kind === 'recovery' ? normaliseRecoveryKey(credential.secret) : credential.secret;
    const slot = credential.kind === 'recovery' ? recoverySlot(slots) : userSlot(slots, credential.username);
    if (!slot) {
      await decoyAttempt(slots, secret);
      throw wrongCredentials(credential);
    }
    const dataKey = await openSlot(slots, slot, secret);
    if (!dataKey) throw wrongCredentials(credential);
    try {
      verifyContainer(file, parsed, dataKey);
      extractDatabase(file, parsed, paths.db);
      verifyDatabaseCopy(paths.db, dataKey);
      const conn = openRegisterDb(paths.db, dataKey);
      try {
        migrate(conn.sqlite, session.options.migrationsFolder);
        if (slot.kind === 'user') {
          const user = conn.db.select().from(users).where(eq(users.id, slot.userId ?? -1)).get();
          if (!user || user.status !== 'active') throw wrongCredentials(credential);
        }
        conn.db.transaction((tx) => {
          appendAudit(tx, { userId: slot.kind === 'user' ? slot.userId : null, action: 'register.restore', entity: 'register', recordId: slots.registerId, fields: [] }, now);
        });
      } finally {
        conn.sqlite.close();
      }
    } finally {
      dataKey.fill(0);
    }
    fsyncDir(staging);
    return staging;
  } catch (error) {
    // The staging folder holds only what this attempt wrote (encrypted copy, wrapped keys).
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Puts the staged register in place. A folder holding a register (or any of its files) is renamed aside
 * whole, then the staged folder renamed in: each step one atomic rename. A folder holding none (a fresh
 * installation, or after a quarantine: at most the instance lock is there) stays, and the staged files move
 * into it, the key slots first, so an interruption never leaves a database without its slots.
 */
function switchTo(session: Session, staging: string, now: Date): string | null {
  const paths = session.options.paths;
  const parent = dirname(paths.dir);
  if (!existsSync(paths.dir)) {
    renameSync(staging, paths.dir);
    fsyncDir(parent);
    return null;
  }
  const registerFiles = [paths.db, `${paths.db}-wal`, `${paths.db}-shm`, paths.slots, pendingPath(paths.slots)];
  if (!registerFiles.some((file) => existsSync(file))) {
    const staged = registerPaths(staging);
    renameSync(staged.slots, paths.slots);
    renameSync(staged.db, paths.db);
    fsyncDir(paths.dir);
    rmSync(staging, { recursive: true, force: true });
    return null;
  }
  const aside = replacedDirOf(paths, now);
  renameSync(paths.dir, aside);
  try {
    renameSync(staging, paths.dir);
  } catch (error) {
    renameSync(aside, paths.dir);
    throw error;
  }
  fsyncDir(parent);
  return aside;
}

/** Returns whether a register was kept aside. */
export function restoreBackup(session: Session, file: string, credential: RestoreCredential, now = new Date()): Promise<boolean> {
  return session.serial(async () => {
    if (!mayRestore(session)) throw new DomainError('FORBIDDEN');
    if (!isAbsolute(file)) throw new DomainError('BACKUP_NOT_FOUND', { file: ['errors.BACKUP_NOT_FOUND'] });
    const failures = failuresOf.get(session) ?? 0;
    await sleep((session.options.failureDelayMs ?? defaultFailureDelay)(failures));
    let staging: string;
    try {
      staging = await stageBackup(session, file, credential, now);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'WRONG_CREDENTIALS') failuresOf.set(session, failures + 1);
      log.warn('backup', `restore refused before any switch (${error instanceof DomainError ? error.code : 'error'})`);
      throw failure(error);
    }
    failuresOf.delete(session);
    // The session may have changed while the keys were derived: decide again, then lock (the current
    // register is backed up on the way, if it is open) and switch.
    if (!mayRestore(session)) {
      rmSync(staging, { recursive: true, force: true });
      throw new DomainError('FORBIDDEN');
    }
    session.switchRegister('real');
    let aside: string | null;
    try {
      aside = switchTo(session, staging, now);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      log.error('backup', 'restore verified but the switch failed; the current register is where it was');
      throw failure(error);
    }
    clearDamage(session.options.paths);
    log.info('backup', aside ? `register restored; the previous one is kept as ${basename(aside)}` : 'register restored');
    return aside !== null;
  });
}
