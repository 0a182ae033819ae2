// The safety net attached to a session: a verified backup on lock and on quit (just before the database
// closes), another at least daily while unlocked, both into the automatic backups folder with rotation; and
// the background page check right after each unlock. The demo register gets no backups (generated data).
import { mkdirSync } from 'node:fs';
import type { Connection } from '../db/connection';
import { log } from '../log';
import type { OpenSession } from '../open-session';
import type { Session } from '../session';
import { listBackups, writeBackup, type BackupEntry } from './backups';
import { damageOf, watchPages } from './damage';
import { backupsDirOf } from './locations';
import { rotateBackups } from './rotation';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/** The connection's `total_changes()` when it was last backed up: a lock after no change makes no new backup. */
const changesAtBackup = new WeakMap<Connection, number>();
const changesOf = (conn: Connection) => conn.sqlite.prepare('SELECT total_changes()').pluck().get() as number;

/** The newest verified automatic backup of the open register (same register id), if any. */
export function latestAutomaticBackup(session: Session, open: OpenSession): BackupEntry | null {
  return listBackups(backupsDirOf(session.paths), open.slots.registerId).find((entry) => entry.verified) ?? null;
}

/** Writes a backup into the automatic folder (made readable by this user only), then rotates the folder. */
export function automaticBackup(session: Session, open: OpenSession, now: Date): BackupEntry {
  const dir = backupsDirOf(session.paths);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const entry = writeBackup(open, dir, now);
  changesAtBackup.set(open.conn, changesOf(open.conn));
  rotateBackups(listBackups(dir, open.slots.registerId));
  log.info('backup', 'automatic backup written and verified');
  return entry;
}

function olderThanADay(session: Session, open: OpenSession, now: Date): boolean {
  const latest = latestAutomaticBackup(session, open);
  return !latest || now.getTime() - Date.parse(latest.createdAt) >= DAY_MS;
}

/** The real register, not known damaged: the demo register gets no backups (generated data). */
export const wantsBackups = (session: Session) => session.registerKind === 'real' && !damageOf(session.paths);

/** On lock and on quit: when anything changed since this connection's last backup, or none is a day old. */
function backupOnClose(session: Session, open: OpenSession): void {
  if (!wantsBackups(session)) return;
  const now = session.now();
  if (changesOf(open.conn) === (changesAtBackup.get(open.conn) ?? 0) && !olderThanADay(session, open, now)) return;
  automaticBackup(session, open, now);
}

const equipped = new WeakSet<Session>();

/** Attaches the safety net to a session, once however often it is called; returns what detaches it. */
export function installSafetyNet(session: Session, checkEveryMs = HOUR_MS): () => void {
  if (equipped.has(session)) return () => undefined;
  equipped.add(session);
  const offClose = session.beforeClose((open) => backupOnClose(session, open));
  const offOpen = session.onOpen((open) => void watchPages(session, open));
  const timer = setInterval(() => {
    const open = session.current;
    if (!open || !wantsBackups(session) || !olderThanADay(session, open, session.now())) return;
    session
      .exclusive(open, async (still) => void automaticBackup(session, still, session.now()))
      .catch(() => log.warn('backup', 'the daily automatic backup did not run'));
  }, checkEveryMs);
  timer.unref?.();
  return () => {
    offClose();
    offOpen();
    clearInterval(timer);
    equipped.delete(session);
  };
}
