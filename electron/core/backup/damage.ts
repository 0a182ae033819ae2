// A register damaged on disk: detected at unlock by the cipher's page authentication, never read as wrong
// rows, and moved whole to quarantine (never overwritten or deleted) so the user can restore a backup.
// Only a key known to belong to the file may conclude "damaged": a wrong passphrase never gets this far (its
// slot does not open), and a key that authenticates no page at all (a stale slot file, another register's
// slot file) is a mismatched slot file, KEY_SLOTS_MISMATCH: not damage, every file stays where it is and no
// restore opens without a session.
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DomainError } from '../../shared/errors';
import { openRegister, type Credential, type OpenedRegister, type RegisterPaths } from '../register';
import { fsyncDir, openSlot, pendingPath, readSlotFile, recoverySlot, userSlot } from '../keys/slots';
import { log } from '../log';
import type { OpenSession } from '../open-session';
import { fromTimeStamp, quarantineDirOf, timeStamp } from './locations';
import { checkSamplePages, scanAllPages } from './pages';

export interface Damage {
  detectedAt: string;
  /** The quarantine folder the register was moved to, or null when it was left in place (see above). */
  quarantinedTo: string | null;
}

/** Damage found in this process, by register folder. The quarantine folder itself outlives a restart. */
const damageByDir = new Map<string, Damage>();

export const damageOf = (paths: RegisterPaths): Damage | null => damageByDir.get(paths.dir) ?? null;
export const clearDamage = (paths: RegisterPaths): void => void damageByDir.delete(paths.dir);

/** When the newest register moved to quarantine was moved (any process), or null. */
export function latestQuarantine(paths: RegisterPaths): string | null {
  const dir = quarantineDirOf(paths);
  if (!existsSync(dir)) return null;
  const times = readdirSync(dir).map((name) => fromTimeStamp(name)?.toISOString()).filter((t): t is string => Boolean(t));
  return times.sort().at(-1) ?? null;
}

export function isDamage(error: unknown): boolean {
  if (error instanceof DomainError) return error.code === 'REGISTER_DAMAGED';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'));
}

/**
 * Moves the register folder (database, -wal, -shm, key slots) to `<dir>-quarantine/<time>/` in one rename,
 * so its files are never separated. The caller has closed the database.
 */
export function quarantine(paths: RegisterPaths, now = new Date()): string {
  const parent = quarantineDirOf(paths);
  mkdirSync(parent, { recursive: true, mode: 0o700 });
  const target = join(parent, timeStamp(now));
  renameSync(paths.dir, target);
  fsyncDir(parent);
  fsyncDir(dirname(paths.dir));
  damageByDir.set(paths.dir, { detectedAt: now.toISOString(), quarantinedTo: target });
  log.error('register', `register pages failed authentication; the register was moved to quarantine (${basename(target)})`);
  return target;
}

function markDamaged(paths: RegisterPaths): void {
  damageByDir.set(paths.dir, { detectedAt: new Date().toISOString(), quarantinedTo: null });
  try {
    quarantine(paths);
  } catch {
    // Still refused as damaged; the files stay where they are and the restore sets them aside.
    log.error('register', 'the damaged register could not be moved to quarantine; it was left in place');
  }
}

/**
 * After SQLite refused the file: derives the key again (the failed open wiped it) and checks whether it
 * authenticates any page. If it does, the key is this file's and the file is damaged.
 */
async function keyBelongsToFile(paths: RegisterPaths, credential: Credential): Promise<boolean> {
  for (const slotPath of [paths.slots, pendingPath(paths.slots)]) {
    if (!existsSync(slotPath)) continue;
    const slots = readSlotFile(slotPath);
    const slot = credential.kind === 'recovery' ? recoverySlot(slots) : userSlot(slots, credential.username);
    if (!slot) continue;
    const key = await openSlot(slots, slot, credential.secret);
    if (!key) continue;
    try {
      // The quick sample is enough: one page that authenticates proves the key is this file's.
      if (checkSamplePages(paths.db, key).authenticated > 0) return true;
    } finally {
      key.fill(0);
    }
  }
  return false;
}

/**
 * openRegister, plus the damage checks of an unlock. Before the sample check the WAL is checkpointed, so the
 * pages on disk are the ones SQLite reads (a page torn by a power cut is rewritten from the WAL first).
 * Every damage ends as REGISTER_DAMAGED, with the register quarantined when the key is known to be its own.
 */
export async function openChecked(paths: RegisterPaths, migrationsFolder: string, credential: Credential): Promise<OpenedRegister> {
  let opened: OpenedRegister;
  try {
    opened = await openRegister(paths, migrationsFolder, credential);
  } catch (error) {
    if (!isDamage(error)) throw error;
    if (!(await keyBelongsToFile(paths, credential))) {
      log.error('register', 'the key a slot gave authenticates none of the register\'s pages: the slot file is not this register\'s; files left in place');
      throw new DomainError('KEY_SLOTS_MISMATCH');
    }
    markDamaged(paths);
    throw new DomainError('REGISTER_DAMAGED');
  }
  let sound = false;
  try {
    opened.conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sound = checkSamplePages(paths.db, opened.dataKey).failedCount === 0;
  } catch (error) {
    if (!isDamage(error)) {
      opened.conn.sqlite.close();
      opened.dataKey.fill(0);
      throw error;
    }
  }
  if (!sound) {
    opened.conn.sqlite.close();
    opened.dataKey.fill(0);
    markDamaged(paths);
    throw new DomainError('REGISTER_DAMAGED');
  }
  clearDamage(paths);
  return opened;
}

/** The full page check started at each unlock, by open session: tests wait for it. */
export const pageScans = new WeakMap<OpenSession, Promise<void>>();

/**
 * Checks every page in the background right after an unlock. On damage: the session is locked (no backup is
 * made of a damaged register) and the register quarantined; the login screen then offers a restore.
 */
/** What the background check needs of the session (not the Session itself: it imports this module). */
export interface Watched {
  readonly current: OpenSession | null;
  readonly paths: RegisterPaths;
  lock(): void;
}

export function watchPages(session: Watched, open: OpenSession): Promise<void> {
  const paths = session.paths;
  const key = open.dataKey;
  const still = () => session.current === open && open.dataKey === key && open.conn.sqlite.open;
  const scan = scanAllPages(paths.db, key, still).then((report) => {
    if (!report || report.failedCount === 0 || !still()) return;
    damageByDir.set(paths.dir, { detectedAt: new Date().toISOString(), quarantinedTo: null });
    session.lock();
    markDamaged(paths);
  }).catch(() => log.error('register', 'background page check could not run'));
  pageScans.set(open, scan);
  return scan;
}
