// Register-wide operations: overview, settings, the audit log view, the recovery key, and the rekey that
// replaces the data key (after a suspected leak, or when a user is disabled).
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { desc, eq, sql } from 'drizzle-orm';
import { DomainError } from '../../shared/errors';
import type { AuditRow, ChainReport } from '../../shared/contract';
import { auditEvents, users } from '../db/schema';
import { toAuditRow, verifyAuditChain } from '../audit';
import { openRegisterDb, withRawKey, type Connection } from '../db/connection';
import { getSetting, putSetting, SETTING } from '../settings';
import { keyCtxOf, write, writeWithSlots, type Ctx, type KeyCtx } from './context';
import { recordPublicKeys, vouchedFor } from '../keys/public-keys';
import { log } from '../log';
import { schemaVersion } from '../db/migrate';
import { fsyncDir, makeSlot, openSlot, pendingPath, resealSlot, userSlot, withSlot, writeSlotFile, type SlotFile } from '../keys/slots';
import { newRecoveryKey } from '../keys/recovery';
import { RECOVERY_CONFIRMED } from '../register';

export function overview(ctx: Ctx) {
  const count = (n: { n: number } | undefined) => n?.n ?? 0;
  return {
    createdAt: getSetting(ctx.db, SETTING.createdAt) ?? '',
    activeUsers: count(ctx.db.select({ n: sql<number>`count(*)` }).from(users).where(eq(users.status, 'active')).get()),
    auditEvents: count(ctx.db.select({ n: sql<number>`count(*)` }).from(auditEvents).get()),
    lastAuditAt: ctx.db.select({ at: auditEvents.at }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).get()?.at ?? null,
    schemaVersion: schemaVersion(ctx.sqlite),
  };
}

/** The caller re-arms the idle lock with the new value (Session.touch). */
export function setAutoLockMinutes(ctx: Ctx, minutes: number): { autoLockMinutes: number } {
  write(ctx, (tx, audit) => {
    putSetting(tx, SETTING.autoLockMinutes, String(minutes));
    audit({ action: 'settings.update', entity: 'settings', recordId: SETTING.autoLockMinutes, fields: [SETTING.autoLockMinutes] });
  });
  return { autoLockMinutes: minutes };
}

/** 24 June as a holiday (or not) for the summary's timeliness. */
export function setSaintJohnHoliday(ctx: Ctx, holiday: boolean): { saintJohnHoliday: boolean } {
  write(ctx, (tx, audit) => {
    putSetting(tx, SETTING.saintJohnHoliday, holiday ? 'yes' : 'no');
    audit({ action: 'settings.update', entity: 'settings', recordId: SETTING.saintJohnHoliday, fields: [SETTING.saintJohnHoliday] });
  });
  return { saintJohnHoliday: holiday };
}

export function auditPage(ctx: Ctx, page: number, pageSize: number): { rows: AuditRow[]; total: number; chain: ChainReport } {
  const rows = ctx.db
    .select({ event: auditEvents, userName: users.username })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .orderBy(desc(auditEvents.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  const total = ctx.db.select({ n: sql<number>`count(*)` }).from(auditEvents).get()?.n ?? 0;
  return {
    rows: rows.map(toAuditRow),
    total,
    chain: verifyAuditChain(ctx.sqlite),
  };
}

export interface Rotation {
  /** Replace the recovery key too (a suspected leak; a disabled admin may have seen it). */
  newRecoveryKey: boolean;
}

/**
 * Replaces the data key: a new random key re-encrypts every page and is sealed to the public key of every
 * active user's slot (and of the recovery slot, unless the recovery key is replaced), so everyone keeps
 * their passphrase and nothing made before opens the register any more. A slot whose public key is not the
 * one the register recorded for it (the slot file was altered on disk) gets nothing: the new key is sealed
 * only to keys the encrypted register vouches for. Runs inside Session.exclusive; returns the context on the
 * reopened register.
 *
 * Crash safety: the new slot file is staged as `.next` before the database is rekeyed and renamed into place
 * after; unlocking tries `.next` when the current slots no longer open the database. The audit event and the
 * flags are written only once the register has reopened under the new key. If the rekey fails, the staged
 * file is removed, the new key wiped and the session locked (the register stays under its old key).
 */
export async function rotateDataKey(ctx: KeyCtx, rotation: Rotation): Promise<KeyCtx> {
  const { session, open } = ctx;
  const active = new Set(ctx.db.select({ id: users.id }).from(users).where(eq(users.status, 'active')).all().map((u) => u.id));
  const dataKey = randomBytes(32);
  let slots: SlotFile = { ...open.slots, slots: [] };
  let recoveryKey: string | null = rotation.newRecoveryKey ? newRecoveryKey() : null;
  try {
    for (const slot of open.slots.slots) {
      if (slot.kind === 'recovery' && recoveryKey) continue;
      if (slot.kind === 'user' && (slot.userId === null || !active.has(slot.userId))) continue;
      if (!vouchedFor(ctx.db, slot)) {
        log.warn('register', `rekey: a ${slot.kind} slot's public key is not the one the register recorded; it gets no new key`);
        continue;
      }
      slots = withSlot(slots, resealSlot(slots, slot, dataKey));
    }
    if (!slots.slots.some((s) => s.kind === 'user' && s.userId === open.user.id)) throw new DomainError('KEY_SLOTS_INVALID');
    // No usable recovery slot left: a new recovery key, so the register never stays without one.
    if (!slots.slots.some((s) => s.kind === 'recovery')) recoveryKey ??= newRecoveryKey();
    if (recoveryKey) slots = withSlot(slots, await makeSlot(slots, 'recovery', null, null, recoveryKey, dataKey));
    session.still(open);
  } catch (error) {
    dataKey.fill(0);
    throw error;
  }

  const staged = pendingPath(ctx.paths.slots);
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
    conn = openRegisterDb(ctx.paths.db, dataKey);
  } catch (error) {
    // Before the pages were rekeyed the old slots still open the register: drop the staged ones. After, the
    // staged slots are the only way in: keep them for the next unlock.
    if (!rekeyed) rmSync(staged, { force: true });
    dataKey.fill(0);
    log.error('register', rekeyed ? 'rekey done but reopening failed; the register is locked' : 'rekey failed; the register is locked and keeps its previous key');
    session.lock();
    throw error;
  }
  renameSync(staged, ctx.paths.slots);
  fsyncDir(dirname(ctx.paths.slots));
  session.replaceKey(conn, dataKey, slots);
  const after = keyCtxOf(session, open, ctx.now);
  write(after, (tx, audit) => {
    if (recoveryKey) putSetting(tx, RECOVERY_CONFIRMED, 'no');
    recordPublicKeys(tx, slots);
    audit({ action: 'register.rekey', entity: 'register', recordId: slots.registerId, fields: recoveryKey ? ['dataKey', 'keySlots', 'recoveryKey'] : ['dataKey', 'keySlots'] });
  });
  if (recoveryKey) session.showRecoveryKey(recoveryKey);
  return after;
}

/** "Replace the register's key" after a suspected leak: the admin confirms with her passphrase; the data key
 * and the recovery key are replaced, every user keeps her passphrase. */
export function rekey(ctx: KeyCtx, adminPassphrase: string): Promise<KeyCtx> {
  return ctx.session.exclusive(ctx.open, async (open) => {
    const own = userSlot(open.slots, open.user.username);
    const check = own ? await openSlot(open.slots, own, adminPassphrase) : null;
    if (!check) throw new DomainError('WRONG_CREDENTIALS', { passphrase: ['errors.WRONG_CREDENTIALS'] });
    check.fill(0);
    return rotateDataKey(keyCtxOf(ctx.session, open, ctx.now), { newRecoveryKey: true });
  });
}

/** Records that the shown recovery key was retyped correctly; from now on it is never shown again. */
export function confirmRecoveryKey(ctx: KeyCtx, group: number, value: string): void {
  ctx.session.checkRecoveryGroup(group, value);
  write(ctx, (tx, audit) => {
    putSetting(tx, RECOVERY_CONFIRMED, 'yes');
    audit({ action: 'recoveryKey.confirm', entity: 'register', recordId: ctx.open.slots.registerId, fields: [RECOVERY_CONFIRMED] });
  });
  ctx.open.pendingRecovery = null;
}

/**
 * A recovery key that was shown but never confirmed (the window closed, the app crashed, the register was
 * locked), or that has been used to unlock, may not be safe: when an admin next unlocks, it is replaced by a
 * new one, shown and confirmed like the first. Other roles are not shown recovery keys.
 */
export async function replaceUnconfirmedRecoveryKey(context: KeyCtx): Promise<void> {
  await context.session.exclusive(context.open, async (open) => {
    const ctx = keyCtxOf(context.session, open, context.now);
    if (open.user.role !== 'admin' || getSetting(ctx.db, RECOVERY_CONFIRMED) !== 'no' || open.pendingRecovery) return;
    const recoveryKey = newRecoveryKey();
    const slot = await makeSlot(open.slots, 'recovery', null, null, recoveryKey, open.dataKey);
    ctx.session.still(open);
    writeWithSlots(ctx, withSlot(open.slots, slot), (_tx, audit) => {
      audit({ action: 'recoveryKey.replace', entity: 'register', recordId: open.slots.registerId, fields: ['recoveryKey'] });
    });
    ctx.session.showRecoveryKey(recoveryKey);
  });
}
