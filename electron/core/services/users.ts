// Users and their key slots: create, change role, disable, reset or change a passphrase.
// Each write: slow key derivation first (outside any transaction), then one synchronous transaction that
// updates the database, appends the audit event and, last, replaces the slot file atomically.
import { and, eq, ne, sql } from 'drizzle-orm';
import { DomainError } from '../../shared/errors';
import type { Role, UserRow } from '../../shared/contract';
import { users } from '../db/schema';
import { appendAudit } from '../audit';
import type { Db } from '../db/connection';
import { makeSlot, openSlot, userSlot, withSlot, withoutUser, type SlotFile } from '../keys/slots';
import { putSetting } from '../settings';
import { RECOVERY_CONFIRMED } from '../register';
import { commitWithSlots } from './commit';
import type { Session, OpenSession } from '../session';

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

/** Other admins who can actually unlock (active, with a key slot): after a rekey, admins without a slot do not count. */
function otherUsableAdmins(open: OpenSession, exceptId: number): number {
  return open.conn.db.select({ id: users.id }).from(users)
    .where(and(eq(users.role, 'admin'), eq(users.status, 'active'), ne(users.id, exceptId))).all()
    .filter((u) => hasSlot(open.slots, u.id)).length;
}

const hasSlot = (slots: SlotFile, userId: number) => slots.slots.some((s) => s.kind === 'user' && s.userId === userId);

export function listUsers(session: Session): UserRow[] {
  const open = session.open();
  return open.conn.db.select().from(users).orderBy(users.displayName).all().map((u) => toRow(u, open.slots));
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  passphrase: string;
}

export function createUser(session: Session, input: NewUser): Promise<UserRow> {
  return session.exclusive(session.open(), async (open) => {
    const taken = () => open.conn.db.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get();
    if (taken()) throw new DomainError('USERNAME_TAKEN', { username: ['validation.usernameTaken'] });
    const nextId = (open.conn.db.select({ max: sql<number | null>`max(${users.id})` }).from(users).get()?.max ?? 0) + 1;
    const slot = await makeSlot(open.slots, 'user', nextId, input.username, input.passphrase, open.dataKey);
    session.still(open);
    const at = new Date().toISOString();
    commitWithSlots(open, session.paths.slots, withSlot(open.slots, slot), (tx) => {
      tx.insert(users).values({
        id: nextId, username: input.username, displayName: input.displayName, role: input.role,
        mustChangePassphrase: true, createdAt: at,
      }).run();
      appendAudit(tx, { userId: open.user.id, action: 'user.create', entity: 'user', recordId: nextId, fields: ['username', 'displayName', 'role', 'passphrase'] });
    });
    return toRow(findUser(open.conn.db, nextId), open.slots);
  });
}

export function setRole(session: Session, userId: number, role: Role): UserRow {
  const open = session.open();
  const user = findUser(open.conn.db, userId);
  if (user.role === role) return toRow(user, open.slots);
  if (user.role === 'admin' && otherUsableAdmins(open, userId) === 0) throw new DomainError('LAST_ADMIN', { role: ['errors.LAST_ADMIN'] });
  commitWithSlots(open, session.paths.slots, null, (tx) => {
    tx.update(users).set({ role }).where(eq(users.id, userId)).run();
    appendAudit(tx, { userId: open.user.id, action: 'user.role', entity: 'user', recordId: userId, fields: ['role'] });
  });
  if (userId === open.user.id) open.user.role = role;
  return toRow(findUser(open.conn.db, userId), open.slots);
}

export function disableUser(session: Session, userId: number): Promise<UserRow> {
  return session.exclusive(session.open(), async (open) => {
    if (userId === open.user.id) throw new DomainError('CANNOT_DISABLE_SELF');
    const user = findUser(open.conn.db, userId);
    if (user.role === 'admin' && user.status === 'active' && otherUsableAdmins(open, userId) === 0) throw new DomainError('LAST_ADMIN');
    commitWithSlots(open, session.paths.slots, withoutUser(open.slots, userId), (tx) => {
      tx.update(users).set({ status: 'disabled', disabledAt: new Date().toISOString() }).where(eq(users.id, userId)).run();
      appendAudit(tx, { userId: open.user.id, action: 'user.disable', entity: 'user', recordId: userId, fields: ['status', 'passphrase'] });
    });
    return toRow(findUser(open.conn.db, userId), open.slots);
  });
}

/** An admin gives a user a new first passphrase (after a forgotten passphrase, a rekey, or to re-enable them).
 * Not for oneself: an unattended admin screen must not let anyone take the account over without its passphrase. */
export function resetPassphrase(session: Session, userId: number, passphrase: string): Promise<UserRow> {
  return session.exclusive(session.open(), async (open) => {
    if (userId === open.user.id) throw new DomainError('CANNOT_RESET_SELF');
    const user = findUser(open.conn.db, userId);
    const slot = await makeSlot(open.slots, 'user', userId, user.username, passphrase, open.dataKey);
    session.still(open);
    commitWithSlots(open, session.paths.slots, withSlot(open.slots, slot), (tx) => {
      tx.update(users).set({ status: 'active', disabledAt: null, mustChangePassphrase: true }).where(eq(users.id, userId)).run();
      appendAudit(tx, { userId: open.user.id, action: 'user.passphrase.reset', entity: 'user', recordId: userId, fields: user.status === 'active' ? ['passphrase'] : ['passphrase', 'status'] });
    });
    return toRow(findUser(open.conn.db, userId), open.slots);
  });
}

/** The signed-in user changes their own passphrase: only their slot is rewrapped. After a recovery-key
 * unlock the current passphrase is not asked (that is what the recovery key is for). */
export function changeOwnPassphrase(session: Session, current: string, next: string): Promise<void> {
  return session.exclusive(session.open(), async (open) => {
    if (!open.recoveredWithKey) {
      const own = userSlot(open.slots, open.user.username);
      const key = own ? await openSlot(open.slots, own, current) : null;
      if (!key) throw new DomainError('WRONG_CREDENTIALS', { current: ['errors.WRONG_CREDENTIALS'] });
      key.fill(0);
      if (current === next) throw new DomainError('PASSPHRASE_REUSED', { passphrase: ['errors.PASSPHRASE_REUSED'] });
    }
    const slot = await makeSlot(open.slots, 'user', open.user.id, open.user.username, next, open.dataKey);
    session.still(open);
    commitWithSlots(open, session.paths.slots, withSlot(open.slots, slot), (tx) => {
      tx.update(users).set({ mustChangePassphrase: false }).where(eq(users.id, open.user.id)).run();
      // A recovery key that has been used may have been seen by others: an admin gets a new one to write down.
      if (open.recoveredWithKey) putSetting(tx, RECOVERY_CONFIRMED, 'no');
      appendAudit(tx, { userId: open.user.id, action: open.recoveredWithKey ? 'user.passphrase.recover' : 'user.passphrase.change', entity: 'user', recordId: open.user.id, fields: ['passphrase'] });
    });
    open.mustChangePassphrase = false;
    open.recoveredWithKey = false;
  });
}

export function setLocale(session: Session, locale: 'it' | 'en'): void {
  const open = session.open();
  commitWithSlots(open, session.paths.slots, null, (tx) => {
    tx.update(users).set({ locale }).where(eq(users.id, open.user.id)).run();
    appendAudit(tx, { userId: open.user.id, action: 'user.locale', entity: 'user', recordId: open.user.id, fields: ['locale'] });
  });
  open.user.locale = locale;
}
