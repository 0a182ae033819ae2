// Restoring a backup file: on a fresh installation, after a damaged register was quarantined, or over the
// current register (admin). The backup is verified in full before anything is switched; the register it
// replaces is kept aside, never deleted; the session ends locked on the restored register.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, isAbsolute } from 'node:path';
import { eq } from 'drizzle-orm';
import { DomainError } from '../../shared/errors';
import { appendAudit } from '../audit';
import { openRegisterDb } from '../db/connection';
import { migrate } from '../db/migrate';
import { users } from '../db/schema';
import { normaliseRecoveryKey } from '../keys/recovery';
import { decoyAttempt, fsyncDir, openSlot, parseSlotFile, pendingPath, recoverySlot, userSlot, writeFileAtomic } from '../keys/slots';
import { log } from '../log';
import { registerPaths } from '../register';
import type { Session } from '../session';
import { GLOBAL } from '../throttle';
import { checkRoomFor, extractDatabase, readContainer, verifyContainer } from './container';
import { backupFailure } from './backups';
import { clearDamage } from './damage';
import { replacedDirOf, restoringDirOf } from './locations';
import { mayRestore } from './service';
import { CopyRefused, verifyDatabaseCopyYielding } from './verify';

export type RestoreCredential = { kind: 'passphrase'; username: string; secret: string } | { kind: 'recovery'; secret: string };

/** Each backup file is a way to try passphrases: failed restores count in the session's slow-down, under
 * their own name and in the count over all names. */
const RESTORE_KEYS = ['restore', GLOBAL];

const wrongCredentials = (credential: RestoreCredential) =>
  credential.kind === 'recovery'
    ? new DomainError('WRONG_RECOVERY_KEY', { recoveryKey: ['errors.WRONG_RECOVERY_KEY'] })
    : new DomainError('WRONG_CREDENTIALS', { passphrase: ['errors.WRONG_CREDENTIALS'] });

function failure(error: unknown): DomainError {
  if (error instanceof CopyRefused) return new DomainError('BACKUP_INVALID', { file: ['errors.BACKUP_INVALID'] });
  return backupFailure(error, 'RESTORE_FAILED');
}

/**
 * Checks the backup in a staging folder beside the register (same disk): the container whole (SHA-256, then
 * the HMAC under the key the slot gave), the database extracted — still encrypted — and checked page by page
 * and with integrity_check, migrations brought up to date (a backup from a newer app is refused), the
 * restoring user still active, and the restore recorded in its audit log. Returns the staging folder.
 */
async function stageBackup(session: Session, file: string, credential: RestoreCredential, now: Date): Promise<string> {
  const parsed = readContainer(file);
  // Before anything is derived or written: a database part larger than the free space beside the register.
  checkRoomFor(parsed, dirname(session.options.paths.dir));
  const staging = restoringDirOf(session.options.paths, now);
  mkdirSync(staging, { mode: 0o700 });
  try {
    const paths = registerPaths(staging);
    writeFileAtomic(paths.slots, parsed.slots);
    let slots;
    try {
      slots = parseSlotFile(parsed.slots.toString('utf8'));
    } catch {
      throw new DomainError('BACKUP_INVALID', { file: ['errors.BACKUP_INVALID'] });
    }
    const secret = credential.kind === 'recovery' ? normaliseRecoveryKey(credential.secret) : credential.secret;
    const slot = credential.kind === 'recovery' ? recoverySlot(slots) : userSlot(slots, credential.username);
    if (!slot) {
      await decoyAttempt(slots, secret);
      throw wrongCredentials(credential);
    }
    // A slot asking for an excessive key-derivation cost is refused before any derivation (kdf.ts).
    const dataKey = await openSlot(slots, slot, secret).catch(() => {
      throw new DomainError('BACKUP_INVALID', { file: ['errors.BACKUP_INVALID'] });
    });
    if (!dataKey) throw wrongCredentials(credential);
    try {
      await verifyContainer(file, parsed, dataKey);
      await extractDatabase(file, parsed, paths.db);
      await verifyDatabaseCopyYielding(paths.db, dataKey);
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
export function restoreBackup(session: Session, file: string, credential: RestoreCredential, now = session.now()): Promise<boolean> {
  return session.serial(async () => {
    if (!mayRestore(session)) throw new DomainError('FORBIDDEN');
    if (!isAbsolute(file)) throw new DomainError('BACKUP_NOT_FOUND', { file: ['errors.BACKUP_NOT_FOUND'] });
    session.throttle.check(RESTORE_KEYS);
    let staging: string;
    try {
      staging = await stageBackup(session, file, credential, now);
    } catch (error) {
      if (error instanceof DomainError && (error.code === 'WRONG_CREDENTIALS' || error.code === 'WRONG_RECOVERY_KEY')) session.throttle.failed(RESTORE_KEYS);
      log.warn('backup', `restore refused before any switch (${error instanceof DomainError ? error.code : 'error'})`);
      throw failure(error);
    }
    session.throttle.succeeded(['restore']);
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
