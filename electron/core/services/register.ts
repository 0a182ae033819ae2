// Register-wide operations: overview, settings, the audit log view, and the full rekey of the data key.
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { desc, eq, sql } from 'drizzle-orm';
import { DomainError } from '../../shared/errors';
import type { AuditRow, ChainReport } from '../../shared/contract';
import { auditEvents, users } from '../db/schema';
import { appendAudit, verifyAuditChain } from '../audit';
import { openRegisterDb, withRawKey, type Connection } from '../db/connection';
import { getSetting, putSetting } from '../settings';
import { commitWithSlots } from './commit';
import { log } from '../log';
import { schemaVersion } from '../db/migrate';
import { fsyncDir, makeSlot, newSlotFile, openSlot, pendingPath, userSlot, withSlot, writeSlotFile } from '../keys/slots';
import { newRecoveryKey } from '../keys/recovery';
import { calibratedParams } from '../keys/kdf';
import { RECOVERY_CONFIRMED } from '../register';
import type { Session } from '../session';

export function overview(session: Session) {
  const { conn } = session.open();
  const setting = (key: string) => getSetting(conn.db, key);
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
 * after; unlocking tries `.next` when the current slots no longer open the database. The audit event and the
 * flags are written only once the register has reopened under the new key. If the rekey fails, the staged
 * file is removed, the new key wiped and the session locked (the register stays under its old key).
 */
export function rekey(session: Session, adminPassphrase: string): Promise<void> {
  return session.exclusive(session.open(), async (open) => {
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

    const staged = pendingPath(session.paths.slots);
    let conn: Connection;
    let rekeyed = false;
    try {
      writeSlotFile(staged, slots);
      const { sqlite } = open.conn;
      // SQLite3 Multiple Ciphers rekeys only outside WAL mode.
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.pragma('journal_mode = DELETE');
      withRawKey(dataKey, (raw) => sqlite.rekey(raw));
      rekeyed = true;
      sqlite.close();
      // Reopen with the new key (back in WAL mode): proves the rekey took before the old slots are dropped.
      conn = openRegisterDb(session.paths.db, dataKey);
    } catch (error) {
      // Before the pages were rekeyed the old slots still open the register: drop the staged ones. After, the
      // staged slots are the only way in: keep them for the next unlock.
      if (!rekeyed) rmSync(staged, { force: true });
      dataKey.fill(0);
      log.error('register', rekeyed ? 'rekey done but reopening failed; the register is locked' : 'rekey failed; the register is locked and keeps its previous key');
      session.lock();
      throw error;
    }
    renameSync(staged, session.paths.slots);
    fsyncDir(dirname(session.paths.slots));
    session.replaceKey(conn, dataKey, slots);
    conn.db.transaction((tx) => {
      putSetting(tx, RECOVERY_CONFIRMED, 'no');
      tx.update(users).set({ mustChangePassphrase: true }).where(sql`${users.id} <> ${open.user.id} AND ${users.status} = 'active'`).run();
      appendAudit(tx, { userId: open.user.id, action: 'register.rekey', entity: 'register', recordId: slots.registerId, fields: ['dataKey', 'recoveryKey', 'keySlots'] });
    });
    session.showRecoveryKey(recoveryKey);
  });
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
 * locked), or that has been used to unlock, may not be safe: when an admin next unlocks, it is replaced by a
 * new one, shown and confirmed like the first. Other roles are not shown recovery keys.
 */
export async function replaceUnconfirmedRecoveryKey(session: Session): Promise<void> {
  await session.exclusive(session.open(), async (open) => {
    if (open.user.role !== 'admin' || getSetting(open.conn.db, RECOVERY_CONFIRMED) !== 'no' || open.pendingRecovery) return;
    const recoveryKey = newRecoveryKey();
    const slot = await makeSlot(open.slots, 'recovery', null, null, recoveryKey, open.dataKey);
    session.still(open);
    commitWithSlots(open, session.paths.slots, withSlot(open.slots, slot), (tx) => {
      appendAudit(tx, { userId: open.user.id, action: 'recoveryKey.replace', entity: 'register', recordId: open.slots.registerId, fields: ['recoveryKey'] });
    });
    session.showRecoveryKey(recoveryKey);
  });
}
