// The one session of this process: which register is open, for whom, and when it locks itself.
// Locking closes the database and wipes the data key; nothing of the register stays in memory here.
import { eq } from 'drizzle-orm';
import { DomainError } from '../shared/errors';
import type { SessionState, SessionUser } from '../shared/contract';
import type { Connection } from './db/connection';
import { users } from './db/schema';
import { SETTING, getSetting } from './settings';
import { createRegister, DEFAULT_AUTO_LOCK_MINUTES, registerExists, type Credential, type NewAdmin, type OpenedRegister, type RegisterPaths } from './register';
import { openChecked } from './backup/damage';
import { normaliseRecoveryKey, groupsOf } from './keys/recovery';
import type { SlotFile } from './keys/slots';
import { randomInt } from 'node:crypto';
import { log } from './log';
import type { OpenSession } from './open-session';
import { defaultFailureDelay, GLOBAL, globalFailureDelay, Throttle } from './throttle';

export type { OpenSession, PendingRecovery } from './open-session';
export { defaultFailureDelay } from './throttle';

export type RegisterKind = 'real' | 'demo';

export interface SessionOptions {
  paths: RegisterPaths;
  /** The separate demo register (generated example data), never mixed into the real one. */
  demoPaths?: RegisterPaths;
  /** Fills a freshly created demo register (runs inside creation: a failure removes the demo register). */
  populateDemo?: (conn: Connection, today: Date) => void;
  migrationsFolder: string;
  /** Test hook of the browser host: idle timeout in milliseconds instead of the register's minutes. */
  idleMsOverride?: number;
  /** Slow-down after failed unlocks in a row for one name (throttle.ts); tests may shorten it. */
  failureDelayMs?: (failures: number) => number;
  /** Slow-down after failed unlocks in a row over all names together. */
  globalFailureDelayMs?: (failures: number) => number;
  /** The clock every service reads (ctxOf), the slow-down and the backups: tests pin it. */
  clock?: () => Date;
}

/** Refusals that cost the attacker a try: they count towards the slow-down. */
const FAILED_ATTEMPT = new Set(['WRONG_CREDENTIALS', 'WRONG_RECOVERY_KEY', 'REGISTER_DAMAGED', 'KEY_SLOTS_MISMATCH']);

export class Session {
  current: OpenSession | null = null;
  private lastUsername: string | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  /** Failed unlocks in a row, per username (and one count for the recovery key, one for restores), and over
   * all of them together: another user's success does not reset one name's count. */
  readonly throttle: Throttle;
  /** Counts locks, so an unlock that was in flight when the user pressed Lock does not open the register afterwards. */
  private epoch = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly lockListeners = new Set<() => void>();
  private readonly openListeners = new Set<(open: OpenSession) => void>();
  private readonly closeListeners = new Set<(open: OpenSession) => void>();

  constructor(readonly options: SessionOptions) {
    const perName = options.failureDelayMs ?? defaultFailureDelay;
    const global = options.globalFailureDelayMs ?? globalFailureDelay;
    this.throttle = new Throttle((key, n) => (key === GLOBAL ? global(n) : perName(n)), () => this.now().getTime());
  }

  /** The clock: services read the time only through here (ctxOf), so tests can pin it. */
  now(): Date {
    return this.options.clock?.() ?? new Date();
  }

  /** Which register the login screen and every call address: the real one unless the demo was chosen. */
  private kind: RegisterKind = 'real';

  get paths(): RegisterPaths {
    return this.kind === 'demo' && this.options.demoPaths ? this.options.demoPaths : this.options.paths;
  }

  get registerKind(): RegisterKind {
    return this.kind;
  }

  /** Switches between the real and the demo register; locks first, so nothing of one stays open while the other is shown. */
  switchRegister(kind: RegisterKind): void {
    if (kind === 'demo' && !this.options.demoPaths) throw new DomainError('REGISTER_ABSENT');
    this.lock();
    this.kind = kind;
    this.lastUsername = null;
  }

  /** Runs slot-changing and unlocking work one at a time, so two calls never interleave around a key derivation. */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Queues work on behalf of the session that asked for it: if that session was locked or replaced by
   * another user's while the work waited its turn, it does not run. */
  exclusive<T>(open: OpenSession, work: (open: OpenSession) => Promise<T>): Promise<T> {
    return this.serial(async () => work(this.still(open)));
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
      registerKind: this.kind,
      demoExists: this.options.demoPaths ? registerExists(this.options.demoPaths) : false,
      state: open ? 'unlocked' : 'locked',
      user: open ? { ...open.user } : null,
      mustChangePassphrase: open?.mustChangePassphrase ?? false,
      recoveredWithKey: open?.recoveredWithKey ?? false,
      recoveryKeyPending: open?.pendingRecovery !== null && open?.pendingRecovery !== undefined,
      autoLockMinutes: open ? this.autoLockMinutes() : null,
      lastUsername: open ? null : this.lastUsername,
    };
  }

  onLock(listener: () => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  /** Runs once a register is open for a user (after creation or unlock). */
  onOpen(listener: (open: OpenSession) => void): () => void {
    this.openListeners.add(listener);
    return () => this.openListeners.delete(listener);
  }

  /** Runs while locking, just before the database closes (the key is still there): the backup on lock and quit.
   * Synchronous; a failing listener is logged and never stops the lock. */
  beforeClose(listener: (open: OpenSession) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  async create(admin: NewAdmin, kind: RegisterKind = 'real'): Promise<void> {
    return this.serial(async () => {
      if (this.current) throw new DomainError('REGISTER_EXISTS');
      if (kind === 'demo' && (!this.options.demoPaths || !this.options.populateDemo)) throw new DomainError('REGISTER_ABSENT');
      const paths = kind === 'demo' ? this.options.demoPaths! : this.options.paths;
      const populate = kind === 'demo' ? this.options.populateDemo : undefined;
      const opened = await createRegister(paths, this.options.migrationsFolder, admin, this.now(), populate);
      this.kind = kind;
      this.begin(opened, { recoveredWithKey: false });
      this.showRecoveryKey(opened.recoveryKey);
    });
  }

  async unlock(credential: Credential): Promise<void> {
    const keys = [credential.kind === 'recovery' ? 'recovery' : `user:${credential.username.toLowerCase()}`, GLOBAL];
    // Read when the user asked, not after the wait for its turn: a Lock pressed meanwhile wins.
    const asked = this.epoch;
    return this.serial(async () => {
      if (asked !== this.epoch) throw new DomainError('LOCKED');
      this.throttle.check(keys);
      if (this.current) this.lock();
      const epoch = this.epoch;
      const secret = credential.kind === 'recovery' ? normaliseRecoveryKey(credential.secret) : credential.secret;
      let opened: OpenedRegister;
      try {
        // Also checks the cipher's page authentication and quarantines a damaged register (backup/damage.ts).
        opened = await openChecked(this.paths, this.options.migrationsFolder, { ...credential, secret });
      } catch (error) {
        if (error instanceof DomainError && FAILED_ATTEMPT.has(error.code)) {
          this.throttle.failed(keys);
          log.warn('session', `failed unlock attempt (${this.throttle.count(keys[0]!)} in a row for this name, ${this.throttle.count(GLOBAL)} for all)`);
        }
        throw error;
      }
      if (epoch !== this.epoch) {
        opened.conn.sqlite.close();
        opened.dataKey.fill(0);
        throw new DomainError('LOCKED');
      }
      this.throttle.succeeded(keys);
      this.begin(opened, { recoveredWithKey: credential.kind === 'recovery' });
      log.info('session', 'unlocked');
    });
  }

  private begin(opened: OpenedRegister, flags: { recoveredWithKey: boolean }): void {
    const row = opened.conn.db.select().from(users).where(eq(users.id, opened.userId)).get();
    if (!row) {
      opened.conn.sqlite.close();
      opened.dataKey.fill(0);
      throw new DomainError('USER_NOT_FOUND');
    }
    const current: OpenSession = {
      conn: opened.conn,
      dataKey: opened.dataKey,
      slots: opened.slots,
      user: { id: row.id, username: row.username, displayName: row.displayName, role: row.role, locale: row.locale },
      mustChangePassphrase: row.mustChangePassphrase || flags.recoveredWithKey,
      recoveredWithKey: flags.recoveredWithKey,
      pendingRecovery: null,
    };
    this.current = current;
    this.lastUsername = row.username;
    this.touch();
    for (const listener of this.openListeners) {
      try {
        listener(current);
      } catch {
        log.error('session', 'an after-open task failed');
      }
    }
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
    return Number(getSetting(this.open().conn.db, SETTING.autoLockMinutes) ?? DEFAULT_AUTO_LOCK_MINUTES);
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
    this.epoch += 1;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const open = this.current;
    this.current = null;
    if (!open) return;
    for (const listener of this.closeListeners) {
      try {
        if (open.conn.sqlite.open) listener(open);
      } catch {
        log.error('session', 'a before-close task failed; locking anyway');
      }
    }
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
