// Anonymisation of persons (retention review) and erasure on request: identifying fields are cleared in
// place, what the monthly figures count is kept, and no copy of the cleared values stays in the file.
import { and, eq, inArray, isNotNull, isNull, ne, or } from 'drizzle-orm';
import { DomainError } from '../../shared/errors';
import type { Db } from '../db/connection';
import {
  caseNotes, dateCorrections, householdMembers, interventions, nameReveals, personAnonymisations, persons, placementAgreements, placements, planGoals,
  planReviews, plans, referrals, stays,
} from '../db/schema';
import { nameKeyOf, searchTextOf } from '../services/persons';
import { write, type Ctx } from '../services/context';
import { anonymiseContributionsOf } from '../services/contributions';
import type { AuditInput } from '../audit';
import { log } from '../log';
import { dueRows, retentionCutoff, retentionYears } from './retention';

type Audit = (event: Omit<AuditInput, 'userId'>) => void;
type Kind = (typeof personAnonymisations.$inferInsert)['kind'];

/**
 * Person columns that identify someone and are not counted by any figure. The birth date goes (its year
 * stays, for the age bands); gender, nationality, languages, permit type, referral source, vulnerability
 * flags and the restricted flag stay: the figures break persons down by them and none names anyone alone.
 */
const CLEARED_PERSON_COLUMNS = ['givenNames', 'familyNames', 'birthDate', 'fiscalCode', 'permitNumber', 'permitExpiry', 'notes'] as const;

function refuseOpenStays(tx: Pick<Db, 'select'>, personIds: number[]): void {
  const open = tx.select({ id: stays.id }).from(stays).where(and(inArray(stays.personId, personIds), isNull(stays.exitDate))).limit(1).get();
  if (open) throw new DomainError('PERSON_STAY_OPEN', { personId: ['errors.PERSON_STAY_OPEN'] });
}

function requirePersons(tx: Pick<Db, 'select'>, personIds: number[]): void {
  const found = tx.select({ id: persons.id }).from(persons).where(inArray(persons.id, personIds)).all();
  if (found.length !== new Set(personIds).size) throw new DomainError('NOT_FOUND', { personId: ['errors.NOT_FOUND'] });
}

/**
 * The referrals with notes about each person: their own, and their household's — a household's referral
 * describes every member, so its notes go with any of them (its structured needs stay). One pass over
 * the referrals for the whole request.
 */
function referralsWithNotes(tx: Pick<Db, 'select'>, personIds: number[]): Map<number, number[]> {
  const households = tx.select({ personId: householdMembers.personId, householdId: householdMembers.householdId })
    .from(householdMembers).where(inArray(householdMembers.personId, personIds)).all();
  const householdIds = [...new Set(households.map((h) => h.householdId))];
  const rows = tx.select({ id: referrals.id, personId: referrals.personId, householdId: referrals.householdId }).from(referrals)
    .where(and(isNotNull(referrals.notes), or(inArray(referrals.personId, personIds), householdIds.length ? inArray(referrals.householdId, householdIds) : undefined)))
    .all();
  return new Map(personIds.map((personId) => {
    const own = households.find((h) => h.personId === personId)?.householdId ?? null;
    return [personId, rows.filter((r) => r.personId === personId || (own !== null && r.householdId === own)).map((r) => r.id)];
  }));
}

/**
 * Clears one person's identifying data inside the caller's transaction and records it: the display name
 * becomes the person's code, search keys are rebuilt from what remains, and free texts written about the
 * person go (their stays' destinations, the notes of their own and their household's referrals, the
 * reasons given for revealing their names or correcting their dates). The audit event lists the names of
 * the fields cleared — never their values.
 */
function anonymiseOne(tx: Db, ctx: Ctx, audit: Audit, personId: number, kind: Kind, reason: string | null, referralIds: number[]): void {
  const person = tx.select().from(persons).where(eq(persons.id, personId)).get()!;
  const cleared: string[] = CLEARED_PERSON_COLUMNS.filter((column) => person[column] !== null);
  if (person.displayName !== person.code) cleared.push('displayName');
  const remaining = { displayName: person.code, givenNames: null, familyNames: null, fiscalCode: null };
  tx.update(persons)
    .set({
      ...Object.fromEntries(CLEARED_PERSON_COLUMNS.map((column) => [column, null])),
      displayName: person.code,
      birthYear: person.birthYear ?? (person.birthDate ? Number(person.birthDate.slice(0, 4)) : null),
      searchText: searchTextOf(remaining, person.code),
      nameKey: nameKeyOf(remaining),
    })
    .where(eq(persons.id, personId))
    .run();

  const stayIds = tx.select({ id: stays.id }).from(stays).where(eq(stays.personId, personId)).all().map((s) => s.id);
  const placementIds = tx.select({ id: placements.id }).from(placements).where(eq(placements.personId, personId)).all().map((p) => p.id);

  const changes = (result: { changes: number }) => result.changes > 0;
  if (changes(tx.update(stays).set({ destination: null }).where(and(eq(stays.personId, personId), isNotNull(stays.destination))).run()))
    cleared.push('stays.destination');
  if (referralIds.length && changes(tx.update(referrals).set({ notes: null }).where(and(inArray(referrals.id, referralIds), isNotNull(referrals.notes))).run()))
    cleared.push('referrals.notes');
  // The rows stay (who looked, who corrected what date, and when); only the free-text reasons go.
  if (changes(tx.update(nameReveals).set({ reason: '' }).where(and(eq(nameReveals.personId, personId), ne(nameReveals.reason, ''))).run()))
    cleared.push('nameReveals.reason');
  const correctionOf = or(
    stayIds.length ? and(eq(dateCorrections.entity, 'stay'), inArray(dateCorrections.recordId, stayIds)) : undefined,
    placementIds.length ? and(eq(dateCorrections.entity, 'placement'), inArray(dateCorrections.recordId, placementIds)) : undefined,
  );
  if (correctionOf && changes(tx.update(dateCorrections).set({ reason: '' }).where(and(correctionOf, ne(dateCorrections.reason, ''))).run()))
    cleared.push('dateCorrections.reason');

  cleared.push(...anonymiseContributionsOf(tx, personId));
  clearPathway(tx, personId, cleared);

  tx.insert(personAnonymisations).values({ personId, kind, reason, userId: ctx.user.id, at: ctx.now.toISOString() }).run();
  audit({ action: kind === 'erasure' ? 'person.erase' : 'person.anonymise', entity: 'person', recordId: personId, fields: cleared });
}

/**
 * The accompaniment's free texts about the person go: her case notes are deleted (the fact of them stays
 * in the audit log), goal descriptions and drop reasons, review summaries, intervention outcomes and the
 * conditions of her placement agreements are cleared. What the figures count stays: goals' areas, dates
 * and statuses, interventions' dates, areas, types, minutes and structures.
 */
function clearPathway(tx: Db, personId: number, cleared: string[]): void {
  const changes = (result: { changes: number }) => result.changes > 0;
  if (changes(tx.delete(caseNotes).where(eq(caseNotes.personId, personId)).run())) cleared.push('caseNotes');
  const planIds = tx.select({ id: plans.id }).from(plans).where(eq(plans.personId, personId)).all().map((p) => p.id);
  if (planIds.length) {
    if (changes(tx.update(planGoals).set({ description: '', dropReason: null })
      .where(and(inArray(planGoals.planId, planIds), or(ne(planGoals.description, ''), isNotNull(planGoals.dropReason)))).run())) cleared.push('planGoals.description');
    if (changes(tx.update(planReviews).set({ summary: null }).where(and(inArray(planReviews.planId, planIds), isNotNull(planReviews.summary))).run()))
      cleared.push('planReviews.summary');
  }
  if (changes(tx.update(interventions).set({ outcome: null }).where(and(eq(interventions.personId, personId), isNotNull(interventions.outcome))).run()))
    cleared.push('interventions.outcome');
  if (changes(tx.update(placementAgreements).set({ conditions: null }).where(and(eq(placementAgreements.personId, personId), isNotNull(placementAgreements.conditions))).run()))
    cleared.push('placementAgreements.conditions');
}

/**
 * With secure_delete the cleared cells and freed pages are overwritten, but in WAL mode the previous
 * versions of the changed pages can still sit in older WAL frames: a truncating checkpoint copies the
 * new pages into the database file and empties the WAL, so no old copy survives in either file.
 */
function flushOldPages(ctx: Ctx): void {
  const [result] = ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  // Another reader (a backup in progress) can hold the WAL: its frames then go at the next checkpoint.
  if (result?.busy) log.warn('privacy', 'checkpoint after anonymisation incomplete: a reader holds the WAL');
}

/** Anonymises persons due under the retention setting, all in one transaction. */
export function anonymiseDue(ctx: Ctx, personIds: number[]): { anonymised: number } {
  const ids = [...new Set(personIds)];
  write(ctx, (tx, audit) => {
    requirePersons(tx, ids);
    refuseOpenStays(tx, ids);
    const due = new Set(dueRows(tx, retentionCutoff(ctx.today, retentionYears(tx)), ids).map((r) => r.id));
    if (ids.some((id) => !due.has(id))) throw new DomainError('RETENTION_NOT_DUE', { personIds: ['errors.RETENTION_NOT_DUE'] });
    const notes = referralsWithNotes(tx, ids);
    for (const id of ids) anonymiseOne(tx, ctx, audit, id, 'retention', null, notes.get(id)!);
  });
  flushOldPages(ctx);
  return { anonymised: ids.length };
}

/** Erasure on request: the same anonymisation at once, for a person without an open stay. */
export function erasePerson(ctx: Ctx, personId: number, reason: string): { code: string } {
  const code = write(ctx, (tx, audit) => {
    requirePersons(tx, [personId]);
    refuseOpenStays(tx, [personId]);
    anonymiseOne(tx, ctx, audit, personId, 'erasure', reason, referralsWithNotes(tx, [personId]).get(personId)!);
    return tx.select({ code: persons.code }).from(persons).where(eq(persons.id, personId)).get()!.code;
  });
  flushOldPages(ctx);
  return { code };
}
