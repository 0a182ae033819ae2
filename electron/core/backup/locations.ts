// Where the safety net keeps things, all beside the register folder (same parent, hence the same disk, so
// every move is an atomic rename). With the Electron shell's `<userData>/register` that is:
//   <userData>/register-backups/             automatic backups (rotated)
//   <userData>/register-quarantine/<time>/   a damaged register, moved there whole (never deleted)
//   <userData>/register-replaced-<time>/     the register a restore replaced (never deleted)
//   <userData>/register-restoring-<time>/    a restore being verified (removed if it fails)
// The folder-name prefix keeps the real register's, the demo's and a test's folders apart.
import type { RegisterPaths } from '../register';

export const backupsDirOf = (paths: RegisterPaths) => `${paths.dir}-backups`;
export const quarantineDirOf = (paths: RegisterPaths) => `${paths.dir}-quarantine`;
export const replacedDirOf = (paths: RegisterPaths, now: Date) => `${paths.dir}-replaced-${timeStamp(now)}`;
export const restoringDirOf = (paths: RegisterPaths, now: Date) => `${paths.dir}-restoring-${timeStamp(now)}`;

/** A UTC instant usable in a file name on every system, sorting like the instant: 2026-05-01T10-22-33-123Z. */
export function timeStamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** The inverse of timeStamp, or null for a name that is not one. */
export function fromTimeStamp(stamp: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(stamp);
  if (!match) return null;
  const date = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A local time usable in a file name, as the user reads the computer's clock: 2026-05-01_12-22-33. Names
 * only; the exact instant is in the backup's header. */
export function localStamp(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}_${pad(now.getHours())}-${pad(now.getMinutes())}-${pad(now.getSeconds())}`;
}

/** The inverse of localStamp (or of timeStamp, for names written before), or null. */
export function fromLocalStamp(stamp: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})_(\d{2})-(\d{2})-(\d{2})$/.exec(stamp);
  if (!match) return fromTimeStamp(stamp);
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const date = new Date(y!, mo! - 1, d!, h!, mi!, s!);
  return Number.isNaN(date.getTime()) ? null : date;
}
