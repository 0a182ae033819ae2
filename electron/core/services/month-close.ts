// Month close and amendments (docs/summary.md › Month close and amendments). A coordinator closes a month:
// its summary is stored as canonical JSON with its SHA-256, who closed it and when, in month_closures
// (append-only by trigger), in one transaction with its audit event. A closed snapshot never changes: when
// later edits change the month's figures, the month is `amended` and lists the figures that differ; closing
// it again adds the next version.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { asc, desc, eq, like, sql } from 'drizzle-orm';
import type { Closure, MonthState, MonthStatus, MonthSummary } from '../../shared/channels/summary';
import { monthRange } from '../../shared/dates';
import { DomainError } from '../../shared/errors';
import { diffSummaries } from '../../shared/summary-paths';
import type { Db } from '../db/connection';
import { auditEvents, monthClosures, users } from '../db/schema';
import { write, type Ctx } from './context';
import { monthSummary } from './summary';

/** The figures of a month (services/summary.ts); a parameter so the tests can count how often it runs. */
export type ComputeSummary = (db: Db, month: string) => MonthSummary;

/** JSON with every object's keys sorted and no whitespace: the same figures always give the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError('canonicalJson: a value JSON cannot hold');
    return text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

// ——— The hash of a month's current figures, cached per session.
//
// The status of a closed month compares the hash of its current figures with its last version's. Computing
// a month's figures takes a few hundred milliseconds on a large register, and the month picker asks for
// twelve months at once, again each time it opens. The figures are a function of the register's rows only
// (never of the clock), and every write to the register appends an audit event in the same transaction
// (services/context.ts › write), so while the newest audit event id is unchanged no figure can have changed:
// the hash computed then still holds. The cache is keyed by the connection, so it lives as long as the
// session (a lock, a restore or a migration opens a new connection and starts afresh), and each entry
// remembers the audit id it was computed at. Reads that audit (a name shown) only cost a recomputation.
interface Cached {
  auditId: number;
  sha256: string;
  summary: MonthSummary | null;
}
const caches = new WeakMap<Database.Database, Map<string, Cached>>();

function cacheOf(sqlite: Database.Database): Map<string, Cached> {
  let cache = caches.get(sqlite);
  if (!cache) {
    cache = new Map();
    caches.set(sqlite, cache);
  }
  return cache;
}

const newestAuditId = (db: Pick<Db, 'select'>): number =>
  db.select({ id: sql<number>`coalesce(max(${auditEvents.id}), 0)` }).from(auditEvents).get()?.id ?? 0;

/** The month's current figures' hash (and, when computed now, the figures), from the cache while no write happened. */
function currentHash(ctx: Ctx, month: string, compute: ComputeSummary): Cached {
  const cache = cacheOf(ctx.sqlite);
  const auditId = newestAuditId(ctx.db);
  const hit = cache.get(month);
  if (hit && hit.auditId === auditId) return hit;
  const summary = compute(ctx.db, month);
  const entry: Cached = { auditId, sha256: sha256Hex(canonicalJson(summary)), summary };
  // Keep only the hash: the figures are recomputed when an amended month's differences are asked for.
  cache.set(month, { ...entry, summary: null });
  return entry;
}

// ——— Versions

interface VersionRow extends Closure {
  snapshot: string;
}

function versionsOf(db: Pick<Db, 'select'>, month: string): VersionRow[] {
  return db
    .select({
      month: monthClosures.month, version: monthClosures.version, sha256: monthClosures.sha256, closedAt: monthClosures.closedAt,
      closedByName: users.displayName, snapshot: monthClosures.snapshot,
    })
    .from(monthClosures)
    .leftJoin(users, eq(users.id, monthClosures.closedBy))
    .where(eq(monthClosures.month, month))
    .orderBy(asc(monthClosures.version))
    .all();
}

const closure = ({ snapshot: _snapshot, ...row }: VersionRow): Closure => row;

/** A month's status, its versions and, when amended, every figure that differs from the last version. */
export function monthState(ctx: Ctx, month: string, compute: ComputeSummary = monthSummary): MonthState {
  const versions = versionsOf(ctx.db, month);
  const last = versions.at(-1);
  if (!last) return { month, status: 'open', versions: [], amendments: [] };
  const current = currentHash(ctx, month, compute);
  if (current.sha256 === last.sha256) return { month, status: 'closed', versions: versions.map(closure), amendments: [] };
  const figures = current.summary ?? compute(ctx.db, month);
  return { month, status: 'amended', versions: versions.map(closure), amendments: diffSummaries(JSON.parse(last.snapshot) as MonthSummary, figures) };
}

/** The status of each month of a year: only closed months are computed, and only when the register changed. */
export function yearStatus(ctx: Ctx, year: number, compute: ComputeSummary = monthSummary): { month: string; status: MonthStatus; version: number | null }[] {
  // One row per month with its newest version; SQLite takes the bare sha256 from the row holding the max().
  const lastVersions = new Map(
    ctx.db
      .select({ month: monthClosures.month, version: sql<number>`max(${monthClosures.version})`, sha256: sql<string>`${monthClosures.sha256}` })
      .from(monthClosures)
      .where(like(monthClosures.month, `${year}-%`))
      .groupBy(monthClosures.month)
      .all()
      .map((r) => [r.month, r]),
  );
  return Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    const last = lastVersions.get(month);
    if (!last) return { month, status: 'open' as const, version: null };
    const status: MonthStatus = currentHash(ctx, month, compute).sha256 === last.sha256 ? 'closed' : 'amended';
    return { month, status, version: last.version };
  });
}

/** Every month with at least one version, oldest first: the forms warn when a date falls in one. */
export function closedMonths(db: Pick<Db, 'select'>): string[] {
  return db.select({ month: monthClosures.month }).from(monthClosures).groupBy(monthClosures.month).orderBy(asc(monthClosures.month)).all().map((r) => r.month);
}

/**
 * Closes a month (version 1) or closes it again (the next version). `expectedVersion` is the last version the
 * coordinator saw (0: none): when someone closed it meanwhile, MONTH_CLOSE_CONFLICT says so and nothing is
 * written. A month not yet over cannot be closed; nor can a closed month whose figures have not changed.
 */
export function closeMonth(ctx: Ctx, month: string, expectedVersion: number, compute: ComputeSummary = monthSummary): MonthState {
  const { to: lastDay } = monthRange(month);
  if (lastDay >= ctx.today) throw new DomainError('MONTH_NOT_OVER');
  const written = write(ctx, (tx, audit) => {
    const last = tx.select({ version: monthClosures.version, sha256: monthClosures.sha256 }).from(monthClosures)
      .where(eq(monthClosures.month, month)).orderBy(desc(monthClosures.version)).limit(1).get();
    const lastVersion = last?.version ?? 0;
    if (lastVersion !== expectedVersion) throw new DomainError('MONTH_CLOSE_CONFLICT', undefined, { version: lastVersion });
    // Computed inside the transaction (ctx.db is the same connection, so it reads what this transaction sees;
    // the summary wants the connection's db, not the transaction object): the snapshot is exactly the
    // register the close commits on.
    const snapshot = canonicalJson(compute(ctx.db, month));
    const sha256 = sha256Hex(snapshot);
    if (last && last.sha256 === sha256) throw new DomainError('MONTH_UNCHANGED');
    const version = lastVersion + 1;
    const id = tx.insert(monthClosures).values({ month, version, snapshot, sha256, closedBy: ctx.user.id, closedAt: ctx.now.toISOString() })
      .returning({ id: monthClosures.id }).get().id;
    audit({ action: 'month.close', entity: 'month_closure', recordId: id, fields: ['month', 'version', 'snapshot', 'sha256'] });
    return { sha256, auditId: newestAuditId(tx) };
  });
  // The figures just stored are the current ones, as of the close's own audit event.
  cacheOf(ctx.sqlite).set(month, { auditId: written.auditId, sha256: written.sha256, summary: null });
  return monthState(ctx, month, compute);
}
