// The backup area's operations behind the channels: list, back up now, back up to a chosen folder, the
// status the Today page shows, and what the setup and login screens offer after a damaged register.
import { registerExists, type RegisterPaths } from '../register';
import { appendAudit } from '../audit';
import { getSetting, putSetting } from '../settings';
import type { Session } from '../session';
import { automaticBackup, latestAutomaticBackup } from './automatic';
import { checkTargetFolder, listBackups, writeBackup, type BackupEntry } from './backups';
import { damageOf, latestQuarantine } from './damage';
import { backupsDirOf } from './locations';

/** Inside the register: when the last manual backup to a chosen folder was verified (ISO instant). */
const LAST_MANUAL_BACKUP = 'last_manual_backup_at';
const STALE_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

export function backupsOverview(session: Session): { folder: string; backups: BackupEntry[] } {
  session.open();
  const folder = backupsDirOf(session.paths);
  return { folder, backups: listBackups(folder) };
}

/** "Back up now": a backup into the automatic folder, made between other work, never during it. */
export function backUpNow(session: Session): Promise<BackupEntry> {
  return session.exclusive(session.open(), async (open) => automaticBackup(session, open));
}

/** A manual backup to a folder the user chose (a USB drive). Audited: a copy of the register leaves the computer. */
export function backUpToFolder(session: Session, folder: string): Promise<BackupEntry> {
  return session.exclusive(session.open(), async (open) => {
    const dir = checkTargetFolder(folder);
    const now = new Date();
    const entry = writeBackup(open, dir, now);
    open.conn.db.transaction((tx) => {
      putSetting(tx, LAST_MANUAL_BACKUP, now.toISOString());
      // The file name only: the folder's path may name a person or a device.
      appendAudit(tx, { userId: open.user.id, action: 'backup.export', entity: 'register', recordId: entry.name, fields: [] }, now);
    });
    return entry;
  });
}

export function backupStatus(session: Session, now = new Date()): { lastVerifiedAt: string | null; stale: boolean } {
  const open = session.open();
  const candidates = [latestAutomaticBackup(session)?.createdAt, getSetting(open.conn.db, LAST_MANUAL_BACKUP)].filter((t): t is string => Boolean(t));
  const lastVerifiedAt = candidates.sort().at(-1) ?? null;
  return { lastVerifiedAt, stale: lastVerifiedAt === null || now.getTime() - Date.parse(lastVerifiedAt) > STALE_AFTER_MS };
}

/** Restoring without a session is open only while the real register is missing or known to be damaged: the
 * backup's own passphrase or recovery key is then the only proof asked. Otherwise a signed-in admin of the real register. */
export function mayRestore(session: Session): boolean {
  const paths = session.options.paths;
  if (!registerExists(paths) || damageOf(paths)) return true;
  const open = session.current;
  return open !== null && session.registerKind === 'real' && open.user.role === 'admin' && !open.mustChangePassphrase && !open.pendingRecovery;
}

function restoreWithoutSession(paths: RegisterPaths): boolean {
  return !registerExists(paths) || damageOf(paths) !== null;
}

/** What the setup and login screens show: whether the register was found damaged, and the backups to restore from. */
export function recoveryOffer(session: Session) {
  const paths = session.options.paths;
  const damage = damageOf(paths);
  const quarantinedAt = damage?.quarantinedTo ? damage.detectedAt : registerExists(paths) ? null : latestQuarantine(paths);
  const open = restoreWithoutSession(paths);
  return {
    damaged: damage !== null || quarantinedAt !== null,
    quarantinedAt,
    restoreOpen: open,
    backups: open ? listBackups(backupsDirOf(paths)).filter((entry) => entry.verified) : [],
  };
}
