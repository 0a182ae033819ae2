// Referrals (requests for a place): receipt, the waiting queue, and their outcome — declined or withdrawn
// here, placed by the admission (markReferralPlaced, inside the stays service's transaction).
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import type { Referral, referralNeedsSchema } from '../../shared/channels/people';
import type { DECLINE_REASONS, REFERRAL_SOURCES, URGENCIES } from '../../shared/domain';
import { romeInstant } from '../../shared/dates';
import { DomainError } from '../../shared/errors';
import type { AuditInput } from '../audit';
import type { Db } from '../db/connection';
import { households, persons, referrals } from '../db/schema';
import { write, type Ctx } from './context';

type Reader = Pick<Db, 'select'>;
export type ReferralNeeds = z.output<typeof referralNeedsSchema>;
type ReferralRecord = typeof referrals.$inferSelect;

const URGENCY_RANK = sql`case ${referrals.urgency} when 'immediate' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`;

/**
 * The queue's order, the only one: pending first, most urgent then longest waiting; closed ones after, latest
 * outcome first. Applied in SQL, before any limit, and the screens show rows in the order they arrive.
 * (Instants are stored as UTC ISO strings, so their text order is their time order.)
 */
export const REFERRAL_QUEUE_ORDER = [
  sql`${referrals.outcome} <> 'pending'`, sql`case when ${referrals.outcome} = 'pending' then ${URGENCY_RANK} end`,
  sql`case when ${referrals.outcome} = 'pending' then ${referrals.receivedAt} end`, sql`${referrals.outcomeAt} desc`, referrals.id,
];

/** Hours waited from receipt to the outcome (or `now`), to a tenth; never negative. */
export function waitingHours(receivedAt: string, until: string | null, now: Date): number {
  const from = romeInstant(receivedAt)?.getTime() ?? now.getTime();
  const to = (until ? romeInstant(until)?.getTime() : null) ?? now.getTime();
  return Math.max(0, Math.round((to - from) / 360_000) / 10);
}
const referralPerson = alias(persons, 'referral_person');
const householdHead = alias(persons, 'household_head');

function referralRows(db: Reader, where: SQL | undefined, limit = 1000) {
  return db
    .select({ referral: referrals, personCode: referralPerson.code, headCode: householdHead.code })
    .from(referrals)
    .leftJoin(referralPerson, eq(referralPerson.id, referrals.personId))
    .leftJoin(households, eq(households.id, referrals.householdId))
    .leftJoin(householdHead, eq(householdHead.id, households.headPersonId))
    .where(where)
    .orderBy(...REFERRAL_QUEUE_ORDER)
    .limit(limit)
    .all();
}

function toReferral(row: { referral: ReferralRecord; personCode: string | null; headCode: string | null }, now: Date): Referral {
  const r = row.referral;
  return {
    id: r.id, receivedAt: r.receivedAt, source: r.source, people: r.people, childrenAges: JSON.parse(r.childrenAges) as number[],
    womenOnly: r.womenOnly, accessibility: r.accessibility, lgbtSafe: r.lgbtSafe, language: r.language, urgency: r.urgency,
    notes: r.notes, householdId: r.householdId, personId: r.personId,
    // The household's head stands for a referral made for the household as a whole.
    personCode: row.personCode ?? row.headCode,
    outcome: r.outcome, outcomeAt: r.outcomeAt, declineReason: r.declineReason,
    waitingHours: waitingHours(r.receivedAt, r.outcomeAt, now),
  };
}

/** Referrals of a person or of their household (the person page). */
export function referralsOf(db: Reader, who: { personId: number; householdId: number | null }, now: Date): Referral[] {
  const where = or(eq(referrals.personId, who.personId), who.householdId === null ? undefined : eq(referrals.householdId, who.householdId));
  return referralRows(db, where).map((row) => toReferral(row, now));
}

export function listReferrals(ctx: Ctx, status: 'pending' | 'all', limit: number): Referral[] {
  return referralRows(ctx.db, status === 'pending' ? eq(referrals.outcome, 'pending') : undefined, limit).map((row) => toReferral(row, ctx.now));
}

export function getReferral(ctx: Ctx, id: number): Referral {
  const row = referralRows(ctx.db, eq(referrals.id, id), 1)[0];
  if (!row) throw new DomainError('NOT_FOUND', { id: ['errors.NOT_FOUND'] });
  return toReferral(row, ctx.now);
}

export interface NewReferral {
  receivedAt: string;
  source: (typeof REFERRAL_SOURCES)[number];
  needs: ReferralNeeds;
  urgency: (typeof URGENCIES)[number];
  notes: string | null;
  personId?: number | null;
  householdId?: number | null;
}

export function createReferral(ctx: Ctx, input: NewReferral): Referral {
  const received = romeInstant(input.receivedAt);
  if (!received) throw new DomainError('INVALID_INPUT', { receivedAt: ['validation.dateTime'] });
  const id = write(ctx, (tx, audit) => {
    if (input.personId && !tx.select({ id: persons.id }).from(persons).where(eq(persons.id, input.personId)).get())
      throw new DomainError('NOT_FOUND', { personId: ['errors.NOT_FOUND'] });
    if (input.householdId && !tx.select({ id: households.id }).from(households).where(eq(households.id, input.householdId)).get())
      throw new DomainError('NOT_FOUND', { householdId: ['errors.NOT_FOUND'] });
    const { needs } = input;
    const row = tx
      .insert(referrals)
      .values({
        // Stored as a UTC instant, so the queue orders correctly whatever zone the form sent.
        receivedAt: received.toISOString(), source: input.source, people: needs.people, childrenAges: JSON.stringify(needs.childrenAges),
        womenOnly: needs.womenOnly, accessibility: needs.accessibility, lgbtSafe: needs.lgbtSafe, language: needs.language,
        urgency: input.urgency, notes: input.notes, personId: input.personId ?? null, householdId: input.householdId ?? null,
      })
      .returning({ id: referrals.id })
      .get();
    const given = ['receivedAt', 'source', 'people', 'childrenAges', 'womenOnly', 'accessibility', 'lgbtSafe', 'language', 'urgency', 'notes', 'personId', 'householdId'];
    audit({ action: 'referral.create', entity: 'referral', recordId: row.id, fields: given });
    return row.id;
  });
  return getReferral(ctx, id);
}

function pendingReferral(tx: Reader, id: number): ReferralRecord {
  const referral = tx.select().from(referrals).where(eq(referrals.id, id)).get();
  if (!referral) throw new DomainError('NOT_FOUND', { referralId: ['errors.NOT_FOUND'] });
  if (referral.outcome !== 'pending') throw new DomainError('REFERRAL_CLOSED', { referralId: ['errors.REFERRAL_CLOSED'] });
  return referral;
}

export interface ReferralClosing {
  id: number;
  outcome: 'declined' | 'withdrawn';
  declineReason?: (typeof DECLINE_REASONS)[number] | null;
  declineNote?: string | null;
}

/** Declined (a reason is required) or withdrawn. The decline note has no column of its own: it is added to the notes. */
export function closeReferral(ctx: Ctx, input: ReferralClosing): Referral {
  write(ctx, (tx, audit) => {
    const referral = pendingReferral(tx, input.id);
    const declined = input.outcome === 'declined';
    if (declined && !input.declineReason) throw new DomainError('INVALID_INPUT', { declineReason: ['validation.required'] });
    const note = declined ? input.declineNote : null;
    const notes = note ? [referral.notes, note].filter(Boolean).join('\n') : referral.notes;
    tx.update(referrals)
      .set({ outcome: input.outcome, outcomeAt: ctx.now.toISOString(), declineReason: declined ? input.declineReason! : null, notes })
      .where(eq(referrals.id, input.id))
      .run();
    const fields = ['outcome', 'outcomeAt', ...(declined ? ['declineReason'] : []), ...(note ? ['notes'] : [])];
    audit({ action: `referral.${input.outcome}`, entity: 'referral', recordId: input.id, fields });
  });
  return getReferral(ctx, input.id);
}

/**
 * Marks a pending referral as placed. Called by the admission inside its own write transaction, so the
 * referral and the stays commit or fail together: NOT_FOUND, or REFERRAL_CLOSED when it is not pending.
 * `at` is the admission's instant (ISO date-time, or a date for Rome midnight). Pass the transaction's
 * `audit` to record the event here; otherwise the caller records it (entity 'referral', fields
 * ['outcome', 'outcomeAt']).
 */
export function markReferralPlaced(tx: Db, referralId: number, at: string, audit?: (event: Omit<AuditInput, 'userId'>) => void): void {
  pendingReferral(tx, referralId);
  const instant = romeInstant(at);
  if (!instant) throw new DomainError('INVALID_INPUT', { referralId: ['validation.dateTime'] });
  tx.update(referrals).set({ outcome: 'placed', outcomeAt: instant.toISOString(), declineReason: null }).where(and(eq(referrals.id, referralId), eq(referrals.outcome, 'pending'))).run();
  audit?.({ action: 'referral.placed', entity: 'referral', recordId: referralId, fields: ['outcome', 'outcomeAt'] });
}

/** The needs a referral was made with, for matching. */
export function referralNeeds(db: Reader, id: number): { needs: ReferralNeeds; personId: number | null; householdId: number | null } {
  const r = db.select().from(referrals).where(eq(referrals.id, id)).get();
  if (!r) throw new DomainError('NOT_FOUND', { referralId: ['errors.NOT_FOUND'] });
  return {
    needs: {
      people: r.people, childrenAges: JSON.parse(r.childrenAges) as number[], womenOnly: r.womenOnly,
      accessibility: r.accessibility, lgbtSafe: r.lgbtSafe, language: r.language,
    },
    personId: r.personId,
    householdId: r.householdId,
  };
}
