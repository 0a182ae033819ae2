// The backup area's operations behind the channels: list, back up now, back up to a chosen folder, the
// status the Today page shows, what follows a rekey, and what the setup and login screens offer after a
// damaged register. Services take a Ctx (the clock is the session's); only the two questions asked while
// locked (mayRestore, recoveryOffer) take the Session.
import { existsSync, realpathSync, rmSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';
import { DomainError } from '../../shared/errors';
import { RESTORE_ROLES } from '../../shared/channels/backup';
import { registerExists, type RegisterPaths } from '../register';
import { getSetting, putSetting, SETTING } from '../settings';
import { readSlotFile } from '../keys/slots';
import { write, type KeyCtx } from '../services/context';
import type { Session } from '../session';
import { automaticBackup, latestAutomaticBackup, wantsBackups } from './automatic';
import { checkTargetFolder, listBackups, writeBackup, type BackupEntry } from './backups';
import { damageOf, latestQuarantine } from './damage';
import { backupsDirOf, quarantineDirOf } from './locations';

/** Inside the register: when the last manual backup to a chosen folder was verified (ISO instant). */
const STALE_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

export function backupsOverview(ctx: KeyCtx): { folder: string; backups: BackupEntry[] } {
  const folder = backupsDirOf(ctx.paths);
  return { folder, backups: listBackups(folder, ctx.open.slots.registerId) };
}

/** "Back up now": a backup into the automatic folder, made between other work, never during it. */
export function backUpNow(ctx: KeyCtx): Promise<BackupEntry> {
  return ctx.session.exclusive(ctx.open, async (open) => automaticBackup(ctx.session, open, ctx.session.now()));
}

/** Folders a manual backup may not go to: the automatic backup folders and the registers' own folders
 * (real and demo). A copy there would be listed, rotated or restored as if the app had made it. */
function reservedFolders(session: Session): string[] {
  const registers = [session.options.paths, session.options.demoPaths].filter((p): p is RegisterPaths => Boolean(p));
  return registers.flatMap((paths) => [paths.dir, backupsDirOf(paths), quarantineDirOf(paths)]);
}

const inside = (folder: string, parent: string) => {
  const rel = relative(parent, folder);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** A manual backup to a folder the user chose (a USB drive). Audited: a copy of the register leaves the computer. */
export function backUpToFolder(ctx: KeyCtx, folder: string): Promise<BackupEntry> {
  return ctx.session.exclusive(ctx.open, async (open) => {
    const dir = checkTargetFolder(folder);
    const real = realpathSync(dir);
    const reserved = reservedFolders(ctx.session).filter((p) => existsSync(p)).map((p) => realpathSync(p));
    if (reserved.some((p) => inside(real, p))) throw new DomainError('BACKUP_FOLDER_RESERVED', { folder: ['errors.BACKUP_FOLDER_RESERVED'] });
    const now = ctx.session.now();
    const entry = writeBackup(open, dir, now);
    write({ ...ctx, now }, (tx, audit) => {
      putSetting(tx, SETTING.lastManualBackupAt, now.toISOString());
      // The file name only: the folder's path may name a person or a device.
      audit({ action: 'backup.export', entity: 'register', recordId: entry.name, fields: [] });
    });
    return entry;
  });
}

export function backupStatus(ctx: KeyCtx): { lastVerifiedAt: string | null; stale: boolean } {
  const candidates = [latestAutomaticBackup(ctx.session, ctx.open)?.createdAt, getSetting(ctx.db, SETTING.lastManualBackupAt)].filter((t): t is string => Boolean(t));
  const lastVerifiedAt = candidates.sort().at(-1) ?? null;
  return { lastVerifiedAt, stale: lastVerifiedAt === null || ctx.now.getTime() - Date.parse(lastVerifiedAt) > STALE_AFTER_MS };
}

/**
 * Right after a rekey (ctx is on the reopened register): a backup under the new key, so the register is
 * never left without one, then, if asked, the automatic backups made before it are deleted (they still open
 * with the old key and the old slots). Backups copied elsewhere by hand cannot be reached from here.
 * Returns how many were deleted; none when the new backup could not be written.
 */
export function afterRekey(ctx: KeyCtx, deleteOld: boolean): number {
  if (!wantsBackups(ctx.session)) return 0;
  const fresh = automaticBackup(ctx.session, ctx.open, ctx.session.now());
  if (!deleteOld) return 0;
  const older = listBackups(backupsDirOf(ctx.paths), ctx.open.slots.registerId).filter((b) => b.file !== fresh.file && b.createdAt <= fresh.createdAt);
  for (const entry of older) rmSync(entry.file, { force: true });
  if (older.length > 0) {
    // How many, not which: the names are times, and the log keeps field names only.
    write(ctx, (_tx, audit) => audit({ action: 'backup.deleteBeforeRekey', entity: 'register', recordId: String(older.length), fields: ['backups'] }));
  }
  return older.length;
}

/** Restoring without a session is open only while the real register is missing or known to be damaged: the
 * backup's own passphrase or recovery key is then the only proof asked. Otherwise a signed-in admin of the real register. */
export function mayRestore(session: Session): boolean {
  const paths = session.options.paths;
  if (!registerExists(paths) || damageOf(paths)) return true;
  const open = session.current;
  return open !== null && session.registerKind === 'real' && RESTORE_ROLES.includes(open.user.role) && !open.mustChangePassphrase && !open.pendingRecovery;
}

function restoreWithoutSession(paths: RegisterPaths): boolean {
  return !registerExists(paths) || damageOf(paths) !== null;
}

/** The register id the slot file beside the register names (readable without a key), or null. */
function registerIdOnDisk(paths: RegisterPaths): string | null {
  try {
    return existsSync(paths.slots) ? readSlotFile(paths.slots).registerId : null;
  } catch {
    return null;
  }
}

/** What the setup and login screens show: whether the register was found damaged, and the backups to restore
 * from (of this register, when its slot file still says which one it is). */
export function recoveryOffer(session: Session) {
  const paths = session.options.paths;
  const damage = damageOf(paths);
  const quarantinedAt = damage?.quarantinedTo ? damage.detectedAt : registerExists(paths) ? null : latestQuarantine(paths);
  const open = restoreWithoutSession(paths);
  return {
    damaged: damage !== null || quarantinedAt !== null,
    quarantinedAt,
    restoreOpen: open,
    backups: open ? listBackups(backupsDirOf(paths), registerIdOnDisk(paths)).filter((entry) => entry.verified) : [],
  };
}
