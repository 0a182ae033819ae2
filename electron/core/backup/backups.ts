// Making one verified backup file of the open register into a folder, and listing the backups a folder holds.
// The copy is made with `VACUUM INTO`, which in SQLite3 Multiple Ciphers writes the copy with the same cipher
// and data key (checked by the tests: the copy opens with the key only, and no clear text is in it). Every
// file is written under a temporary name in the target folder and renamed only once verified.
import { closeSync, existsSync, openSync, readdirSync, renameSync, rmSync, statSync, accessSync, constants } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { isAbsolute, join, resolve } from 'node:path';
import { DomainError } from '../../shared/errors';
import { schemaVersion } from '../db/migrate';
import { fsyncDir } from '../keys/slots';
import { log } from '../log';
import type { OpenSession } from '../open-session';
import { storageFault } from '../storage-faults';
import { BACKUP_EXTENSION, readContainer, verifyContainerSync, writeContainer } from './container';
import { fromLocalStamp, localStamp } from './locations';
import { CopyRefused, tableCounts, verifyDatabaseCopy } from './verify';

export interface BackupEntry {
  file: string;
  name: string;
  createdAt: string;
  size: number;
  /** Passed verification when written (only verified files get a backup's name); its container still reads whole. */
  verified: boolean;
}

const TEMP_PREFIX = '.approdo-backup-';
const TEMP_SUFFIX = '.tmp';
const NAME = new RegExp(`^approdo-(.+?)(?:-\\d+)?${BACKUP_EXTENSION.replace('.', '\\.')}$`);

/** Test seam: runs after the temporary file is written and verified, just before it is renamed into place. */
export const backupFaults: { beforeRename: ((tempPath: string) => void) | null } = { beforeRename: null };

/** A name that does not exist yet: a backup never replaces another file. */
function freshName(dir: string, now: Date): string {
  // Local time, as the person picking a file on a USB drive reads a clock; the header holds the exact instant.
  const base = `approdo-${localStamp(now)}`;
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? `${base}${BACKUP_EXTENSION}` : `${base}-${n}${BACKUP_EXTENSION}`;
    if (!existsSync(join(dir, name))) return name;
  }
}

/** Temporary files a killed process may have left behind in this folder (ours only, by their prefix). */
function removeLeftovers(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (name.startsWith(TEMP_PREFIX) && name.includes(TEMP_SUFFIX)) rmSync(join(dir, name), { force: true });
  }
}

/**
 * The refusal a failed backup or restore gives: a full disk or a read-only folder (whatever layer reported it,
 * storage-faults.ts) in backup words, any other failure as `fallback`.
 */
export function backupFailure(error: unknown, fallback: 'BACKUP_FAILED' | 'RESTORE_FAILED'): DomainError {
  if (error instanceof DomainError) return error;
  const fault = storageFault(error);
  if (fault === 'DISK_FULL') return new DomainError('BACKUP_NO_SPACE');
  if (fault === 'READ_ONLY') return new DomainError('BACKUP_FOLDER_NOT_WRITABLE');
  return new DomainError(fallback);
}

/**
 * Writes a verified backup of the open register into `dir`: the database copy (VACUUM INTO a temporary file),
 * checked (page authentication, integrity_check, row counts of every table against the source), packed with
 * the key slots into a temporary container, which is fsynced, read back and checked (SHA-256 and HMAC of
 * every byte, database part identical to the verified copy), and only then renamed to its final name; the
 * folder is fsynced. Any failure removes every temporary file and leaves the folder's backups as they were.
 * Synchronous: nothing can write to the register between the counts and the copy.
 */
export function writeBackup(open: OpenSession, dir: string, now = new Date()): BackupEntry {
  const token = randomBytes(6).toString('hex');
  const dbTemp = join(dir, `${TEMP_PREFIX}${token}.db${TEMP_SUFFIX}`);
  const containerTemp = join(dir, `${TEMP_PREFIX}${token}${TEMP_SUFFIX}`);
  const temps = [dbTemp, `${dbTemp}-journal`, `${dbTemp}-wal`, `${dbTemp}-shm`, containerTemp];
  try {
    removeLeftovers(dir);
    const { sqlite } = open.conn;
    const expected = tableCounts(sqlite);
    // Created empty first, exclusively and readable by this user only; VACUUM INTO accepts an empty file.
    closeSync(openSync(dbTemp, 'wx', 0o600));
    sqlite.prepare('VACUUM INTO ?').run(dbTemp);
    verifyDatabaseCopy(dbTemp, open.dataKey, expected);
    writeContainer(containerTemp, {
      createdAt: now, registerId: open.slots.registerId, schemaVersion: schemaVersion(sqlite),
      slots: Buffer.from(JSON.stringify(open.slots, null, 2), 'utf8'), dbPath: dbTemp,
    }, open.dataKey);
    // Read back what is on disk: the header's SHA-256 of the database part is the verified copy's.
    verifyContainerSync(containerTemp, readContainer(containerTemp), open.dataKey);
    rmSync(dbTemp, { force: true });
    backupFaults.beforeRename?.(containerTemp);
    const name = freshName(dir, now);
    renameSync(containerTemp, join(dir, name));
    fsyncDir(dir);
    return { file: join(dir, name), name, createdAt: now.toISOString(), size: statSync(join(dir, name)).size, verified: true };
  } catch (error) {
    for (const temp of temps) rmSync(temp, { force: true });
    const reason = error instanceof CopyRefused ? error.reason : error instanceof DomainError ? error.code : ((error as { code?: string }).code ?? 'error');
    log.error('backup', `backup not written (${reason}); previous backups untouched`);
    throw backupFailure(error, 'BACKUP_FAILED');
  }
}

/**
 * The backups in a folder, newest first. Reads only headers: cheap enough for every listing. With a register
 * id, a backup whose header names another register is left out: it is not a backup of this one, and must not
 * count as its latest (nor be rotated away). A file whose header no longer reads is listed as not verified.
 */
export function listBackups(dir: string, registerId: string | null = null): BackupEntry[] {
  if (!existsSync(dir)) return [];
  const entries: BackupEntry[] = [];
  for (const name of readdirSync(dir)) {
    const match = NAME.exec(name);
    if (!match) continue;
    const file = join(dir, name);
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) continue;
      size = stat.size;
    } catch {
      continue;
    }
    let createdAt = fromLocalStamp(match[1]!)?.toISOString() ?? null;
    let verified = false;
    try {
      const { header } = readContainer(file);
      if (registerId !== null && header.registerId !== registerId) continue;
      createdAt = header.createdAt;
      verified = true;
    } catch {
      // listed as not verified: its header no longer reads
    }
    if (createdAt) entries.push({ file, name, createdAt, size, verified });
  }
  return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** A folder typed or picked for a manual backup: absolute, existing, a folder, writable. */
export function checkTargetFolder(folder: string): string {
  const invalid = () => new DomainError('BACKUP_FOLDER_INVALID', { folder: ['errors.BACKUP_FOLDER_INVALID'] });
  if (!isAbsolute(folder)) throw invalid();
  const dir = resolve(folder);
  try {
    if (!statSync(dir).isDirectory()) throw invalid();
  } catch {
    throw invalid();
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new DomainError('BACKUP_FOLDER_NOT_WRITABLE', { folder: ['errors.BACKUP_FOLDER_NOT_WRITABLE'] });
  }
  return dir;
}
