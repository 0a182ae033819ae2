// The audit log: every write appends one event in the same transaction. Rows are hash-chained: each
// row's hash covers its own content and the previous row's hash, so an edited, removed or inserted row
// breaks the chain from that point on.
import type { AuditAction } from '../shared/audit-actions';
import { createHash } from 'node:crypto';
import { desc } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { Db } from './db/connection';
import { auditEvents } from './db/schema';
import type { AuditRow } from '../shared/audit-schema';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  userId: number | null;
  /** One of the listed actions (electron/shared/audit-actions.ts), each with its labels. */
  action: AuditAction;
  entity: string;
  recordId: string | number | null;
  /** Names of the changed fields — never their values. */
  fields?: string[];
}

interface ChainRow {
  id: number;
  at: string;
  userId: number | null;
  action: string;
  entity: string;
  recordId: string | null;
  fields: string;
  prevHash: string;
}

export function rowHash(row: ChainRow): string {
  const body = JSON.stringify([row.id, row.at, row.userId, row.action, row.entity, row.recordId, row.fields, row.prevHash]);
  return createHash('sha256').update(body).digest('hex');
}

/** Call inside the write's transaction. */
export function appendAudit(tx: Pick<Db, 'select' | 'insert'>, input: AuditInput, now = new Date()): void {
  const last = tx.select({ id: auditEvents.id, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).get();
  const row: ChainRow = {
    id: (last?.id ?? 0) + 1,
    at: now.toISOString(),
    userId: input.userId,
    action: input.action,
    entity: input.entity,
    recordId: input.recordId === null ? null : String(input.recordId),
    fields: JSON.stringify([...(input.fields ?? [])].sort()),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  tx.insert(auditEvents).values({ ...row, hash: rowHash(row) }).run();
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  /** Id of the first event whose hash or link does not verify. */
  brokenAt: number | null;
}

/** Streams the whole log (raw statement iteration: the log can be long, and no row needs to stay in memory). */
export function verifyAuditChain(sqlite: Database.Database): ChainVerdict {
  let prev = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  const rows = sqlite
    .prepare('SELECT id, at, user_id AS userId, action, entity, record_id AS recordId, fields, prev_hash AS prevHash, hash FROM audit_events ORDER BY id')
    .iterate() as IterableIterator<ChainRow & { hash: string }>;
  for (const row of rows) {
    const { hash, ...rest } = row;
    if (row.id !== expectedId || row.prevHash !== prev || rowHash(rest) !== hash) {
      return { ok: false, checked, brokenAt: row.id };
    }
    prev = hash;
    expectedId += 1;
    checked += 1;
  }
  return { ok: true, checked, brokenAt: null };
}

/** An audit event's field list as stored (a JSON array of field names, never values). */
export const auditFields = (stored: string): string[] => JSON.parse(stored) as string[];

/** An audit event as the screens show it (the activity log, a person's trail), with the acting user's name. */
export function toAuditRow({ event, userName }: { event: typeof auditEvents.$inferSelect; userName: string | null }): AuditRow {
  return {
    id: event.id, at: event.at, userId: event.userId, userName: userName ?? null, action: event.action,
    entity: event.entity, recordId: event.recordId, fields: auditFields(event.fields),
  };
}
