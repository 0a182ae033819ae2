// What a service works with: the open register, who is acting, and "now" (from the session's clock) with
// "today" in Rome. Every service takes a Ctx (or a KeyCtx, when it also changes key slots) and writes
// through write() / writeWithSlots(): one synchronous transaction with its audit event(s).
import { renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import type { SessionUser } from '../../shared/contract';
import { todayInRome } from '../../shared/dates';
import type { Db } from '../db/connection';
import { appendAudit, type AuditInput } from '../audit';
import { fsyncDir, pendingPath, writeSlotFile, type SlotFile } from '../keys/slots';
import { recordPublicKeys } from '../keys/public-keys';
import type { OpenSession } from '../open-session';
import type { Session } from '../session';
import type { RegisterPaths } from '../register';

export interface Ctx {
  db: Db;
  sqlite: Database.Database;
  user: SessionUser;
  now: Date;
  today: string;
}

/** The acting context, or LOCKED. `now` comes from the session's clock, which tests pin. */
export function ctxOf(session: Session, now = session.now()): Ctx {
  const open = session.open();
  return { db: open.conn.db, sqlite: open.conn.sqlite, user: open.user, now, today: todayInRome(now) };
}

type Audit = (event: Omit<AuditInput, 'userId'>) => void;

/**
 * Runs one write: every check and every change inside one synchronous transaction, with its audit
 * event(s). Throw a DomainError before changing anything; any throw rolls everything back.
 * Never pass an async function: better-sqlite3 would commit at its first await.
 */
export function write<T>(ctx: Ctx, work: (tx: Db, audit: Audit) => T): T {
  return ctx.db.transaction((tx) => {
    const db = tx as unknown as Db;
    return work(db, (event) => appendAudit(db, { ...event, userId: ctx.user.id }, ctx.now));
  });
}

/** The context of the services that also change the key slots (users, rekey, recovery key): the session, to
 * queue their slow key derivations one at a time (Session.exclusive) and check it is still theirs after. */
export interface KeyCtx extends Ctx {
  session: Session;
  open: OpenSession;
  paths: RegisterPaths;
}

export function keyCtxOf(session: Session, open = session.open(), now = session.now()): KeyCtx {
  session.still(open);
  return { ...ctxOf(session, now), session, open, paths: session.paths };
}

/**
 * write(), together with a new slot file. The slot file is staged (`.next`, fsynced) before the
 * transaction, the transaction commits, and only then is the staged file renamed into place: if the commit
 * fails (disk full, I/O error) the staged file is removed and the old slots stay in force. A crash between
 * commit and rename leaves the staged file, which unlocking uses when the old slots do not open the register
 * for that user (see openRegister).
 */
export function writeWithSlots<T>(ctx: KeyCtx, nextSlots: SlotFile | null, work: (tx: Db, audit: Audit) => T): T {
  const staged = pendingPath(ctx.paths.slots);
  if (nextSlots) writeSlotFile(staged, nextSlots);
  let result: T;
  try {
    result = write(ctx, (tx, audit) => {
      const value = work(tx, audit);
      if (nextSlots) recordPublicKeys(tx, nextSlots);
      return value;
    });
  } catch (error) {
    if (nextSlots) rmSync(staged, { force: true });
    throw error;
  }
  if (nextSlots) {
    renameSync(staged, ctx.paths.slots);
    fsyncDir(dirname(ctx.paths.slots));
    ctx.open.slots = nextSlots;
  }
  return result;
}
