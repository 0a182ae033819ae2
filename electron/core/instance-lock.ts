// One process at a time per register folder: the exclusive lock file `approdo.lock` beside the register.
// Two processes writing one SQLite file is safe for SQLite, but not for the app: each caches sessions,
// runs its own idle lock and backups, and a restore in one would pull the file from under the other.
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

export const LOCK_FILE = 'approdo.lock';

/** What the lock file holds: enough to tell a live holder from one that died, rebooted away, or was copied. */
export interface LockRecord {
  pid: number;
  token: string;
  host: string;
  /** Identity (device:inode) of the folder the lock was made in: a copied folder carries a lock that is not its own. */
  folder: string;
  /** When the machine booted, in ms since the epoch: after a reboot every pid is someone else's. */
  bootedAt: number;
  at: string;
}

export type LockState = { held: true } | { held: false; holder: LockRecord | null };

/** Locks this process holds, by lock path → token: released at exit, and how a second core in the same process is told apart from a copy. */
const heldHere = new Map<string, string>();
let exitHookInstalled = false;

const bootTime = () => Date.now() - uptime() * 1000;
// After a power cut the dead app's pid is soon someone else's: a lock from an earlier boot is stale even if
// its pid runs. A clock stepped by more than this while the holder runs would look like a reboot too; the
// worst that does is let a second process in, which only the development host could be (Electron's own
// single-instance lock keeps a second app out), whereas a live-looking lock after every power cut would
// lock the desk out of its register.
const BOOT_TOLERANCE_MS = 60_000;
// A lock file with no readable record yet is one being written right now, unless it is older than this.
const UNREADABLE_GRACE_MS = 10_000;

const folderIdentity = (dir: string) => {
  const st = statSync(dir, { bigint: true });
  return `${st.dev}:${st.ino}`;
};

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readRecord(path: string): LockRecord | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockRecord>;
    if (typeof parsed.pid !== 'number' || typeof parsed.token !== 'string') return null;
    return parsed as LockRecord;
  } catch {
    return null;
  }
}

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

export class InstanceLock {
  readonly path: string;
  private token: string | null = null;

  constructor(readonly dir: string) {
    this.path = resolve(join(dir, LOCK_FILE));
  }

  /**
   * Takes the lock, or reports who holds it. Cheap when already held, so callers may ask before every
   * request: a second instance gets the register as soon as the first one quits. File system errors
   * (a read-only folder, a full disk) are thrown for the caller to translate.
   */
  acquire(): LockState {
    if (this.token !== null) {
      const current = readRecord(this.path);
      if (current?.token === this.token) return { held: true };
      // Our file was removed or replaced behind our back: forget it and compete again like anyone else.
      this.forget(this.token);
    }
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if (this.create()) return { held: true };
      const holder = readRecord(this.path);
      if (this.isLive(holder)) return { held: false, holder };
      this.setAside(holder);
    }
    return { held: false, holder: readRecord(this.path) };
  }

  /** Removes the lock file if it is still ours. Safe to call more than once. */
  release(): void {
    const token = this.token;
    if (token === null) return;
    this.forget(token);
    if (readRecord(this.path)?.token !== token) return;
    try {
      unlinkSync(this.path);
    } catch {
      // Already gone, or the folder turned read-only: a lock left by a dead process is taken over later.
    }
  }

  private forget(token: string): void {
    this.token = null;
    // Another core of this process may hold this path by now: its entry stays.
    if (heldHere.get(this.path) === token) heldHere.delete(this.path);
  }

  /** O_EXCL creation: of two processes racing, exactly one creates the file. */
  private create(): boolean {
    const token = randomBytes(16).toString('hex');
    let fd: number;
    try {
      fd = openSync(this.path, 'wx', 0o600);
    } catch (error) {
      if (code(error) === 'EEXIST') return false;
      throw error;
    }
    try {
      const record: LockRecord = {
        pid: process.pid, token, host: hostname(), folder: folderIdentity(this.dir), bootedAt: bootTime(), at: new Date().toISOString(),
      };
      writeSync(fd, JSON.stringify(record));
      fsyncSync(fd);
    } catch (error) {
      closeSync(fd);
      unlinkSync(this.path);
      throw error;
    }
    closeSync(fd);
    this.token = token;
    heldHere.set(this.path, token);
    installExitHook();
    return true;
  }

  private isLive(holder: LockRecord | null): boolean {
    if (!holder) {
      try {
        return Date.now() - statSync(this.path).mtimeMs < UNREADABLE_GRACE_MS;
      } catch {
        return false; // gone meanwhile: try again
      }
    }
    // On another machine (a shared folder) we cannot tell whether it still runs: assume it does.
    if (holder.host !== hostname()) return true;
    if (holder.folder !== folderIdentity(this.dir)) return false;
    if (Math.abs((holder.bootedAt ?? 0) - bootTime()) > BOOT_TOLERANCE_MS) return false;
    if (holder.pid === process.pid) return heldHere.get(this.path) === holder.token;
    return processAlive(holder.pid);
  }

  /**
   * Takes a stale lock out of the way by renaming it aside first, so that of two processes taking over
   * the same stale lock only one removes it; the other finds it gone, or finds the winner's fresh lock
   * and puts it back.
   */
  private setAside(stale: LockRecord | null): void {
    const aside = `${this.path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      renameSync(this.path, aside);
    } catch (error) {
      if (code(error) === 'ENOENT') return;
      throw error;
    }
    const moved = readRecord(aside);
    if (moved && moved.token !== stale?.token) {
      // We moved a lock other than the one judged stale (a fresh one): give it back, unless yet another
      // appeared meanwhile (link, unlike rename, never replaces an existing file).
      try {
        linkSync(aside, this.path);
      } catch {
        // the newer lock stays; ours is dropped below
      }
    }
    try {
      unlinkSync(aside);
    } catch {
      // nothing more to do
    }
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Synchronous work only at 'exit'. A process killed outright leaves its lock: the next start takes it over.
  process.on('exit', () => {
    for (const [path, token] of heldHere) {
      if (readRecord(path)?.token !== token) continue;
      try {
        unlinkSync(path);
      } catch {
        // read-only by now: taken over as stale next time
      }
    }
    heldHere.clear();
  });
}
