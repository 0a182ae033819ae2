// What a domain service works with: the open register, who is acting, and "today" in Rome.
import type Database from 'better-sqlite3';
import type { SessionUser } from '../../shared/contract';
import { todayInRome } from '../../shared/dates';
import type { Db } from '../db/connection';
import { appendAudit, type AuditInput } from '../audit';
import type { Session } from '../session';

export interface Ctx {
  db: Db;
  sqlite: Database.Database;
  user: SessionUser;
  now: Date;
  today: string;
}

/** The acting context, or LOCKED. Services take a Ctx so tests can pin `now`. */
export function ctxOf(session: Session, now = new Date()): Ctx {
  const open = session.open();
  return { db: open.conn.db, sqlite: open.conn.sqlite, user: open.user, now, today: todayInRome(now) };
}

/**
 * Runs one write: every check and every change inside one synchronous transaction, with its audit
 * event(s). Throw a DomainError before changing anything; any throw rolls everything back.
 * Never pass an async function: better-sqlite3 would commit at its first await.
 */
export function write<T>(ctx: Ctx, work: (tx: Db, audit: (event: Omit<AuditInput, 'userId'>) => void) => T): T {
  return ctx.db.transaction((tx) => {
    const db = tx as unknown as Db;
    return work(db, (event) => appendAudit(db, { ...event, userId: ctx.user.id }, ctx.now));
  });
}
