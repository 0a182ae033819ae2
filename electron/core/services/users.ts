// Users and their key slots: create, change role, disable (and rekey, so the disabled user's old slot opens
// nothing current), reset or change a passphrase. Each write that changes a slot: slow key derivation first
// (outside any transaction, queued one at a time), then one synchronous transaction that updates the
// database, appends the audit event and, last, replaces the slot file atomically (writeWithSlots).
import { and, eq, ne, sql } from 'drizzle-orm';
import { DomainError } from '../../shared/errors';
import type { Role, UserRow } from '../../shared/contract';
import { users } from '../db/schema';
import type { Db } from '../db/connection';
import { makeSlot, openSlot, userSlot, withSlot, withoutUser, type SlotFile } from '../keys/slots';
import { putSetting } from '../settings';
import { RECOVERY_CONFIRMED } from '../register';
import { keyCtxOf, write, writeWithSlots, type Ctx, type KeyCtx } from './context';
import { rotateDataKey } from './register';
import { afterRekey } from '../backup/service';

type UserRecord = typeof users.$inferSelect;

function toRow(user: UserRecord, slots: SlotFile): UserRow {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    status: user.status,
    mustChangePassphrase: user.mustChangePassphrase,
    hasKeySlot: hasSlot(slots, user.id),
    createdAt: user.createdAt,
  };
}

function findUser(db: Pick<Db, 'select'>, id: number): UserRecord {
  const user = db.select().from(users).where(eq(users.id, id)).get();
  if (!user) throw new DomainError('USER_NOT_FOUND');
  return user;
}

/** Other admins who can actually unlock (active, with a key slot): admins without a slot do not count. */
function otherUsableAdmins(ctx: KeyCtx, exceptId: number): number {
  return ctx.db.select({ id: users.id }).from(users)
    .where(and(eq(users.role, 'admin'), eq(users.status, 'active'), ne(users.id, exceptId))).all()
    .filter((u) => hasSlot(ctx.open.slots, u.id)).length;
}

const hasSlot = (slots: SlotFile, userId: number) => slots.slots.some((s) => s.kind === 'user' && s.userId === userId);

export function listUsers(ctx: KeyCtx): UserRow[] {
  return ctx.db.select().from(users).orderBy(users.displayName).all().map((u) => toRow(u, ctx.open.slots));
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  passphrase: string;
}

/** Runs slot work queued behind other key work, in a context rebuilt once its turn has come. */
const queued = <T>(ctx: KeyCtx, work: (ctx: KeyCtx) => Promise<T>): Promise<T> =>
  ctx.session.exclusive(ctx.open, async (open) => work(keyCtxOf(ctx.session, open, ctx.now)));

export function createUser(context: KeyCtx, input: NewUser): Promise<UserRow> {
  return queued(context, async (ctx) => {
    const taken = () => ctx.db.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get();
    if (taken()) throw new DomainError('USERNAME_TAKEN', { username: ['validation.usernameTaken'] });
    const nextId = (ctx.db.select({ max: sql<number | null>`max(${users.id})` }).from(users).get()?.max ?? 0) + 1;
    const slot = await makeSlot(ctx.open.slots, 'user', nextId, input.username, input.passphrase, ctx.open.dataKey);
    ctx.session.still(ctx.open);
    writeWithSlots(ctx, withSlot(ctx.open.slots, slot), (tx, audit) => {
      tx.insert(users).values({
        id: nextId, username: input.username, displayName: input.displayName, role: input.role,
        mustChangePassphrase: true, createdAt: ctx.now.toISOString(),
      }).run();
      audit({ action: 'user.create', entity: 'user', recordId: nextId, fields: ['username', 'displayName', 'role', 'passphrase'] });
    });
    return toRow(findUser(ctx.db, nextId), ctx.open.slots);
  });
}

export function setRole(ctx: KeyCtx, userId: number, role: Role): UserRow {
  const user = findUser(ctx.db, userId);
  if (user.role === role) return toRow(user, ctx.open.slots);
  if (user.role === 'admin' && otherUsableAdmins(ctx, userId) === 0) throw new DomainError('LAST_ADMIN', { role: ['errors.LAST_ADMIN'] });
  write(ctx, (tx, audit) => {
    tx.update(users).set({ role }).where(eq(users.id, userId)).run();
    audit({ action: 'user.role', entity: 'user', recordId: userId, fields: ['role'] });
  });
  if (userId === ctx.open.user.id) ctx.open.user.role = role;
  return toRow(findUser(ctx.db, userId), ctx.open.slots);
}

export interface DisableOptions {
  /** Replace the data key now, so the user's old slot (in a backup, a copy) opens nothing current. */
  rekey: boolean;
  /** After the rekey: delete the automatic backups made before it (they still open with the old key). */
  deleteOldBackups: boolean;
}

export interface Disabled {
  user: UserRow;
  rekeyed: boolean;
  deletedBackups: number;
}

/**
 * Disables a user: her slot leaves the slot file and her unlock is refused. With `rekey` (the screen's
 * default) the data key is replaced at once and sealed to every remaining user's public key: the others
 * keep their passphrases, and a copy of her old slot no longer opens the register. If she was an admin (who
 * may have seen the recovery key), the recovery key is replaced too and shown. A rekey cannot reach copies
 * made before it: the backups still open with the old key until rotation retires them or they are deleted.
 */
export function disableUser(context: KeyCtx, userId: number, options: DisableOptions): Promise<Disabled> {
  return queued(context, async (ctx) => {
    if (userId === ctx.open.user.id) throw new DomainError('CANNOT_DISABLE_SELF');
    const user = findUser(ctx.db, userId);
    if (user.role === 'admin' && user.status === 'active' && otherUsableAdmins(ctx, userId) === 0) throw new DomainError('LAST_ADMIN');
    writeWithSlots(ctx, withoutUser(ctx.open.slots, userId), (tx, audit) => {
      tx.update(users).set({ status: 'disabled', disabledAt: ctx.now.toISOString() }).where(eq(users.id, userId)).run();
      audit({ action: 'user.disable', entity: 'user', recordId: userId, fields: ['status', 'passphrase'] });
    });
    let deletedBackups = 0;
    if (options.rekey) {
      const rekeyed = await rotateDataKey(ctx, { newRecoveryKey: user.role === 'admin' });
      deletedBackups = afterRekey(rekeyed, options.deleteOldBackups);
    }
    const after = keyCtxOf(ctx.session, ctx.session.open(), ctx.now);
    return { user: toRow(findUser(after.db, userId), after.open.slots), rekeyed: options.rekey, deletedBackups };
  });
}

/** An admin gives a user a new first passphrase (after a forgotten passphrase, or to re-enable them).
 * Not for oneself: an unattended admin screen must not let anyone take the account over without its passphrase. */
export function resetPassphrase(context: KeyCtx, userId: number, passphrase: string): Promise<UserRow> {
  return queued(context, async (ctx) => {
    if (userId === ctx.open.user.id) throw new DomainError('CANNOT_RESET_SELF');
    const user = findUser(ctx.db, userId);
    const slot = await makeSlot(ctx.open.slots, 'user', userId, user.username, passphrase, ctx.open.dataKey);
    ctx.session.still(ctx.open);
    writeWithSlots(ctx, withSlot(ctx.open.slots, slot), (tx, audit) => {
      tx.update(users).set({ status: 'active', disabledAt: null, mustChangePassphrase: true }).where(eq(users.id, userId)).run();
      audit({ action: 'user.passphrase.reset', entity: 'user', recordId: userId, fields: user.status === 'active' ? ['passphrase'] : ['passphrase', 'status'] });
    });
    return toRow(findUser(ctx.db, userId), ctx.open.slots);
  });
}

/** The signed-in user changes their own passphrase: only their slot is remade. After a recovery-key
 * unlock the current passphrase is not asked (that is what the recovery key is for). */
export function changeOwnPassphrase(context: KeyCtx, current: string, next: string): Promise<void> {
  return queued(context, async (ctx) => {
    const { open } = ctx;
    if (!open.recoveredWithKey) {
      const own = userSlot(open.slots, open.user.username);
      const key = own ? await openSlot(open.slots, own, current) : null;
      if (!key) throw new DomainError('WRONG_CREDENTIALS', { current: ['errors.WRONG_CREDENTIALS'] });
      key.fill(0);
      if (current === next) throw new DomainError('PASSPHRASE_REUSED', { passphrase: ['errors.PASSPHRASE_REUSED'] });
    }
    const slot = await makeSlot(open.slots, 'user', open.user.id, open.user.username, next, open.dataKey);
    ctx.session.still(open);
    writeWithSlots(ctx, withSlot(open.slots, slot), (tx, audit) => {
      tx.update(users).set({ mustChangePassphrase: false }).where(eq(users.id, open.user.id)).run();
      // A recovery key that has been used may have been seen by others: an admin gets a new one to write down.
      if (open.recoveredWithKey) putSetting(tx, RECOVERY_CONFIRMED, 'no');
      audit({ action: open.recoveredWithKey ? 'user.passphrase.recover' : 'user.passphrase.change', entity: 'user', recordId: open.user.id, fields: ['passphrase'] });
    });
    open.mustChangePassphrase = false;
    open.recoveredWithKey = false;
  });
}

export function setLocale(ctx: Ctx & { open: KeyCtx['open'] }, locale: 'it' | 'en'): void {
  write(ctx, (tx, audit) => {
    tx.update(users).set({ locale }).where(eq(users.id, ctx.user.id)).run();
    audit({ action: 'user.locale', entity: 'user', recordId: ctx.user.id, fields: ['locale'] });
  });
  ctx.open.user.locale = locale;
}
