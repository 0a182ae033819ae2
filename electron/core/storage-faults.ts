// Which failures of the disk under the register a user can act on: full (or over its size limit) and
// read-only. SQLite reports them in its own codes; Node's file calls in errno codes; drizzle wraps both.

export type StorageFault = 'DISK_FULL' | 'READ_ONLY';

// Write-side I/O errors only: a failed read is not something freeing space would fix.
const SQLITE_FULL = /^SQLITE_(FULL|IOERR|IOERR_(WRITE|FSYNC|DIR_FSYNC|TRUNCATE|SHMSIZE|SHMMAP|SHMOPEN|SEEK))$/;
const SQLITE_READ_ONLY = /^SQLITE_(READONLY|CANTOPEN|PERM)(_[A-Z]+)?$/;
const ERRNO_FULL = new Set(['ENOSPC', 'EFBIG', 'EDQUOT']);
const ERRNO_READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM']);

/**
 * The fault behind an error, following `cause` (drizzle's DrizzleQueryError wraps the driver's error).
 * SQLite turns ENOSPC into SQLITE_FULL but EFBIG (a file size limit) and failing writes into
 * SQLITE_IOERR_*: both mean the change could not be written, and both were rolled back.
 * SQLITE_CANTOPEN on a register that exists means its WAL could not be created beside it.
 */
export function storageFault(error: unknown): StorageFault | null {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (SQLITE_FULL.test(code) || ERRNO_FULL.has(code)) return 'DISK_FULL';
    if (SQLITE_READ_ONLY.test(code) || ERRNO_READ_ONLY.has(code)) return 'READ_ONLY';
  }
  return null;
}
