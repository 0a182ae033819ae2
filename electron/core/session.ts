// The one session of this process: which register is open, for whom, and when it locks itself.
// Locking closes the database and wipes the data key; nothing of the register stays in memory here.
import { eq } from 'drizzle-orm';
import { DomainError } from '../shared/errors';
import type { SessionState, SessionUser } from '../shared/contract';
import type { Connection } from './db/connection';
import { settings, users } from './db/schema';
import { createRegister, openRegister, registerExists, type Credential, type NewAdmin, type OpenedRegister, type RegisterPaths } from './register';
import { normaliseRecoveryKey, groupsOf } from './keys/recovery';
import type { SlotFile } from './keys/slots';
import { randomInt } from 'node:crypto';
import { log } from './log';

export interface PendingRecovery {
  key: string;
  confirmGroup: number;
}

export interface OpenSession {
  conn: Connection;
  dataKey: Buffer;
  slots: SlotFile;
  user: SessionUser;
  mustChangePassphrase: boolean;
  recoveredWithKey: boolean;
  pendingRecovery: PendingRecovery | null;
}

export interface SessionOptions {
  paths: RegisterPaths;
  migrationsFolder: string;
  /** Test hook of the browser host: idle timeout in milliseconds instead of the register's minutes. */
  idleMsOverride?: number;
  /** Throttle of failed unlocks; tests may shorten it. */
  failureDelayMs?: (failures: number) => number;
}

/** No delay for the first three failures, then 1 s, 2 s, 4 s … up to 30 s. In memory only: a failed attempt writes nothing. */
export const defaultFailureDelay = (failures: number) => (failures < 3 ? 0 : Math.min(30_000, 1000 * 2 ** (failures - 3)));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Session {
  current: OpenSession | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly lockListeners = new Set<() => void>();

  constructor(readonly options: SessionOptions) {}

  get paths() {
    return this.options.paths;
  }

  /** Runs slot-changing and unlocking work one at a time, so two calls never interleave around a key derivation. */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The open session, or LOCKED. After any await, call again: the register may have been locked meanwhile. */
  open(): OpenSession {
    if (!this.current) throw new DomainError('LOCKED');
    return this.current;
  }

  /** Throws LOCKED when the session that started a slow operation is no longer the open one. */
  still(session: OpenSession): OpenSession {
    if (this.current !== session) throw new DomainError('LOCKED');
    return session;
  }

  state(): SessionState {
    const open = this.current;
    return {
      register: registerExists(this.paths) ? 'present' : 'absent',
      state: open ? 'unlocked' : 'locked',
      user: open ? { ...open.user } : null,
      mustChangePassphrase: open?.mustChangePassphrase ?? false,
      recoveredWithKey: open?.recoveredWithKey ?? false,
      recoveryKeyPending: open?.pendingRecovery !== null && open?.pendingRecovery !== undefined,
      autoLockMinutes: open ? this.autoLockMinutes() : null,
    };
  }

  onLock(listener: () => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  async create(admin: NewAdmin): Promise<void> {
    return this.serial(async () => {
      if (this.current) throw new DomainError('REGISTER_EXISTS');
      const opened = await createRegister(this.paths, this.options.migrationsFolder, admin);
      this.begin(opened, { recoveredWithKey: false });
      this.showRecoveryKey(opened.recoveryKey);
    });
  }

  async unlock(credential: Credential): Promise<SessionState> {
    return this.serial(async () => {
      await sleep((this.options.failureDelayMs ?? defaultFailureDelay)(this.failures));
      if (this.current) this.lock();
      const secret = credential.kind === 'recovery' ? normaliseRecoveryKey(credential.secret) : credential.secret;
      let opened: OpenedRegister;
      try {
        opened = await openRegister(this.paths, this.options.migrationsFolder, { ...credential, secret });
      } catch (error) {
        if (error instanceof DomainError && error.code === 'WRONG_CREDENTIALS') {
          this.failures += 1;
          log.warn('session', `failed unlock attempt (${this.failures} in a row)`);
        }
        throw error;
      }
      this.failures = 0;
      this.begin(opened, { recoveredWithKey: credential.kind === 'recovery' });
      log.info('session', 'unlocked');
      return this.state();
    });
  }

  private begin(opened: OpenedRegister, flags: { recoveredWithKey: boolean }): void {
    const row = opened.conn.db.select().from(users).where(eq(users.id, opened.userId)).get();
    if (!row) throw new DomainError('USER_NOT_FOUND');
    this.current = {
      conn: opened.conn,
      dataKey: opened.dataKey,
      slots: opened.slots,
      user: { id: row.id, username: row.username, displayName: row.displayName, role: row.role, locale: row.locale },
      mustChangePassphrase: row.mustChangePassphrase || flags.recoveredWithKey,
      recoveredWithKey: flags.recoveredWithKey,
      pendingRecovery: null,
    };
    this.touch();
  }

  /** Keeps a freshly made recovery key in memory (only) until the user confirms it was written down. */
  showRecoveryKey(key: string): void {
    this.open().pendingRecovery = { key, confirmGroup: randomInt(1, groupsOf(key).length + 1) };
  }

  /** The unconfirmed key, to show (again, if the window was reloaded) with the group to retype. */
  pendingRecoveryKey(): { groups: string[]; confirmGroup: number } {
    const pending = this.open().pendingRecovery;
    if (!pending) throw new DomainError('RECOVERY_NOT_PENDING');
    return { groups: groupsOf(pending.key), confirmGroup: pending.confirmGroup };
  }

  /** Checks the retyped group against the unconfirmed key; the caller records the confirmation. */
  checkRecoveryGroup(group: number, value: string): void {
    const pending = this.open().pendingRecovery;
    if (!pending) throw new DomainError('RECOVERY_NOT_PENDING');
    const expected = groupsOf(pending.key)[group - 1];
    if (group !== pending.confirmGroup || expected === undefined || normaliseRecoveryKey(value) !== expected) {
      throw new DomainError('RECOVERY_GROUP_MISMATCH', { value: ['errors.RECOVERY_GROUP_MISMATCH'] });
    }
  }

  autoLockMinutes(): number {
    const open = this.open();
    const row = open.conn.db.select().from(settings).where(eq(settings.key, 'auto_lock_minutes')).get();
    return Number(row?.value ?? 10);
  }

  /** User activity: re-arms the idle lock. */
  touch(): void {
    if (!this.current) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const ms = this.options.idleMsOverride ?? this.autoLockMinutes() * 60_000;
    this.idleTimer = setTimeout(() => {
      log.info('session', 'locked after inactivity');
      this.lock();
    }, ms);
    this.idleTimer.unref?.();
  }

  lock(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const open = this.current;
    this.current = null;
    if (!open) return;
    try {
      open.conn.sqlite.close();
    } finally {
      open.dataKey.fill(0);
      open.pendingRecovery = null;
      for (const listener of this.lockListeners) listener();
    }
  }

  /** Replaces the open connection and key after a rekey, keeping the user signed in. */
  replaceKey(conn: Connection, dataKey: Buffer, slots: SlotFile): void {
    const open = this.open();
    open.dataKey.fill(0);
    open.conn = conn;
    open.dataKey = dataKey;
    open.slots = slots;
  }
}
