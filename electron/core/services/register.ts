// Register-wide operations: overview, settings, the audit log view, and the full rekey of the data key.
import { randomBytes } from 'node:crypto';
import { renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { desc, eq, sql } from 'drizzle-orm';
import { DomainError } from '../../shared/errors';
import type { AuditRow, ChainReport } from '../../shared/contract';
import { auditEvents, settings, users } from '../db/schema';
import { appendAudit, verifyAuditChain } from '../audit';
import { openRegisterDb, type Db } from '../db/connection';
import { schemaVersion } from '../db/migrate';
import { fsyncDir, makeSlot, newSlotFile, openSlot, pendingPath, userSlot, withSlot, writeSlotFile } from '../keys/slots';
import { newRecoveryKey } from '../keys/recovery';
import { calibratedParams } from '../keys/kdf';
import { RECOVERY_CONFIRMED } from '../register';
import type { Session } from '../session';

export function overview(session: Session) {
  const { conn } = session.open();
  const setting = (key: string) => conn.db.select().from(settings).where(eq(settings.key, key)).get()?.value;
  const count = (n: { n: number } | undefined) => n?.n ?? 0;
  return {
    createdAt: setting('created_at') ?? '',
    activeUsers: count(conn.db.select({ n: sql<number>`count(*)` }).from(users).where(eq(users.status, 'active')).get()),
    auditEvents: count(conn.db.select({ n: sql<number>`count(*)` }).from(auditEvents).get()),
    lastAuditAt: conn.db.select({ at: auditEvents.at }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).get()?.at ?? null,
    schemaVersion: schemaVersion(conn.sqlite),
  };
}

export function setAutoLockMinutes(session: Session, minutes: number): { autoLockMinutes: number } {
  const open = session.open();
  open.conn.db.transaction((tx) => {
    putSetting(tx, 'auto_lock_minutes', String(minutes));
    appendAudit(tx, { userId: open.user.id, action: 'settings.update', entity: 'settings', recordId: 'auto_lock_minutes', fields: ['auto_lock_minutes'] });
  });
  session.touch();
  return { autoLockMinutes: minutes };
}

export function auditPage(session: Session, page: number, pageSize: number): { rows: AuditRow[]; total: number; chain: ChainReport } {
  const { conn } = session.open();
  const rows = conn.db
    .select({ event: auditEvents, userName: users.username })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .orderBy(desc(auditEvents.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  const total = conn.db.select({ n: sql<number>`count(*)` }).from(auditEvents).get()?.n ?? 0;
  return {
    rows: rows.map(({ event, userName }) => ({
      id: event.id, at: event.at, userId: event.userId, userName: userName ?? null, action: event.action,
      entity: event.entity, recordId: event.recordId, fields: JSON.parse(event.fields) as string[],
    })),
    total,
    chain: verifyAuditChain(conn.sqlite),
  };
}

/**
 * Full rekey after a suspected compromise: a new random data key re-encrypts every page, a new recovery key
 * is made, and the new slot file holds only the admin's slot and the recovery slot. Other users' slots were
 * wrapped under passphrases we never hold, and wrapping the new key for them would defeat the purpose, so
 * the admin gives each of them a new first passphrase afterwards.
 * Crash safety: the new slot file is staged as `.next` before the database is rekeyed and renamed into place
 * after; unlocking tries `.next` when the current slots no longer open the database.
 */
export function rekey(session: Session, adminPassphrase: string): Promise<void> {
  return session.serial(async () => {
    const open = session.open();
    const own = userSlot(open.slots, open.user.username);
    const check = own ? await openSlot(open.slots, own, adminPassphrase) : null;
    if (!check) throw new DomainError('WRONG_CREDENTIALS', { passphrase: ['errors.WRONG_CREDENTIALS'] });
    check.fill(0);
    const dataKey = randomBytes(32);
    const recoveryKey = newRecoveryKey();
    const params = await calibratedParams();
    let slots = { ...newSlotFile(), registerId: open.slots.registerId };
    slots = withSlot(slots, await makeSlot(slots, 'user', open.user.id, open.user.username, adminPassphrase, dataKey, params));
    slots = withSlot(slots, await makeSlot(slots, 'recovery', null, null, recoveryKey, dataKey, { ...params, salt: randomBytes(16).toString('base64') }));
    session.still(open);

    const { sqlite, db } = open.conn;
    db.transaction((tx) => {
      putSetting(tx, RECOVERY_CONFIRMED, 'no');
      tx.update(users).set({ mustChangePassphrase: true }).where(sql`${users.id} <> ${open.user.id} AND ${users.status} = 'active'`).run();
      appendAudit(tx, { userId: open.user.id, action: 'register.rekey', entity: 'register', recordId: slots.registerId, fields: ['dataKey', 'recoveryKey', 'keySlots'] });
    });
    const staged = pendingPath(session.paths.slots);
    writeSlotFile(staged, slots);
    // SQLite3 Multiple Ciphers rekeys reliably only outside WAL mode.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma(`rekey="x'${dataKey.toString('hex')}'"`);
    sqlite.close();
    // Reopen with the new key: proves the rekey took before the old slots are dropped.
    const conn = openRegisterDb(session.paths.db, dataKey);
    renameSync(staged, session.paths.slots);
    fsyncDir(dirname(session.paths.slots));
    session.replaceKey(conn, dataKey, slots);
    session.showRecoveryKey(recoveryKey);
  });
}

function putSetting(tx: Pick<Db, 'insert'>, key: string, value: string): void {
  tx.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

/** Records that the shown recovery key was retyped correctly; from now on it is never shown again. */
export function confirmRecoveryKey(session: Session, group: number, value: string): void {
  const open = session.open();
  session.checkRecoveryGroup(group, value);
  open.conn.db.transaction((tx) => {
    putSetting(tx, RECOVERY_CONFIRMED, 'yes');
    appendAudit(tx, { userId: open.user.id, action: 'recoveryKey.confirm', entity: 'register', recordId: open.slots.registerId, fields: [RECOVERY_CONFIRMED] });
  });
  open.pendingRecovery = null;
}

/**
 * A recovery key that was shown but never confirmed (the window closed, the app crashed, the register was
 * locked) may not have been written down: when an admin next unlocks, it is replaced by a new one, shown
 * and confirmed like the first. Other roles are not shown recovery keys.
 */
export async function replaceUnconfirmedRecoveryKey(session: Session): Promise<void> {
  await session.serial(async () => {
    const open = session.open();
    const confirmed = open.conn.db.select().from(settings).where(eq(settings.key, RECOVERY_CONFIRMED)).get()?.value;
    if (open.user.role !== 'admin' || confirmed !== 'no' || open.pendingRecovery) return;
    const recoveryKey = newRecoveryKey();
    const slot = await makeSlot(open.slots, 'recovery', null, null, recoveryKey, open.dataKey);
    session.still(open);
    const next = withSlot(open.slots, slot);
    open.conn.db.transaction((tx) => {
      appendAudit(tx, { userId: open.user.id, action: 'recoveryKey.replace', entity: 'register', recordId: open.slots.registerId, fields: ['recoveryKey'] });
      writeSlotFile(session.paths.slots, next);
    });
    open.slots = next;
    session.showRecoveryKey(recoveryKey);
  });
}
