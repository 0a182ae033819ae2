// Persons (guests): codes, create and update with duplicate detection, consents, the person page and
// the audited reveal of a restricted person's names. The register search lives in person-search.ts.
import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { duplicateSchema, PersonDetail, personFieldsSchema } from '../../shared/channels/people';
import { DomainError } from '../../shared/errors';
import { normaliseText } from '../../shared/text-normalise';
import type { Db } from '../db/connection';
import { auditEvents, consents, nameReveals, persons, placements, places, rooms, stayExtensions, stays, structures, users } from '../db/schema';
import { write, type Ctx } from './context';
import { householdIdOfPerson, householdOf } from './households';
import { referralsOf } from './referrals';
import { guestRuleProblem } from './guest-rules';
import { birthDateInFuture } from '../../shared/guest-rules';
import { shownName } from './person-label';
import { toAuditRow } from '../audit';

/** A birth date (or estimated year) after today is a typing mistake: refused next to the field. */
function refuseFutureBirth(fields: PersonInput, today: string): void {
  if (birthDateInFuture(fields.birthDate, today)) throw new DomainError('BIRTH_DATE_IN_FUTURE', { birthDate: ['errors.BIRTH_DATE_IN_FUTURE'] });
  if (fields.birthYear !== null && fields.birthYear > Number(today.slice(0, 4))) throw new DomainError('BIRTH_DATE_IN_FUTURE', { birthYear: ['errors.BIRTH_DATE_IN_FUTURE'] });
}

export type PersonInput = z.output<typeof personFieldsSchema>;
type PersonRecord = typeof persons.$inferSelect;
type Duplicate = z.infer<typeof duplicateSchema>;
type Reader = Pick<Db, 'select'>;

const CODE_PREFIX = 'AP';

/** The next code of the year: `AP-2026-0001`, four digits at least, more once a year passes 9999. */
export function nextPersonCode(tx: Reader, year: number): string {
  const prefix = `${CODE_PREFIX}-${year}-`;
  // A range on the unique index rather than LIKE (which the index cannot serve: LIKE ignores case).
  const top = tx
    .select({ n: sql<number | null>`max(cast(substr(${persons.code}, ${prefix.length + 1}) as integer))` })
    .from(persons)
    .where(and(sql`${persons.code} >= ${prefix}`, sql`${persons.code} < ${`${CODE_PREFIX}-${year}.`}`))
    .get();
  return `${prefix}${String((top?.n ?? 0) + 1).padStart(4, '0')}`;
}

/** What the register search matches: the display name first (the name sort orders by it), then the
 * legal names, the code and the fiscal code, all normalised. */
export function searchTextOf(fields: Pick<PersonInput, 'displayName' | 'givenNames' | 'familyNames' | 'fiscalCode'>, code: string): string {
  return [fields.displayName, fields.givenNames, fields.familyNames, code, fields.fiscalCode].map(normaliseText).filter(Boolean).join(' ');
}

/** The name duplicates are compared on: the legal names when both are known, else the display name. */
export function nameKeyOf(fields: { displayName?: string | null; givenNames?: string | null; familyNames?: string | null }): string {
  if (fields.givenNames && fields.familyNames) return normaliseText(`${fields.givenNames} ${fields.familyNames}`);
  return normaliseText(fields.displayName);
}

export interface DuplicateQuery {
  excludeId?: number;
  fiscalCode?: string | null;
  displayName?: string | null;
  givenNames?: string | null;
  familyNames?: string | null;
  birthDate?: string | null;
}

/** Same fiscal code, or same name key and birth date. Restricted persons come back without a name. */
export function findDuplicates(db: Reader, query: DuplicateQuery): Duplicate[] {
  const fiscalCode = query.fiscalCode?.trim().toUpperCase() || null;
  const nameKey = nameKeyOf(query);
  const birthDate = query.birthDate || null;
  const byFiscal = fiscalCode ? eq(persons.fiscalCode, fiscalCode) : undefined;
  const byName = nameKey && birthDate ? and(eq(persons.nameKey, nameKey), eq(persons.birthDate, birthDate)) : undefined;
  if (!byFiscal && !byName) return [];
  const found = db
    .select({ id: persons.id, code: persons.code, displayName: persons.displayName, restricted: persons.restricted, fiscalCode: persons.fiscalCode })
    .from(persons)
    .where(and(or(byFiscal, byName), query.excludeId ? ne(persons.id, query.excludeId) : undefined))
    .orderBy(persons.id)
    .limit(20)
    .all();
  return found.map((p) => ({
    id: p.id,
    code: p.code,
    displayName: shownName(p),
    reason: fiscalCode && p.fiscalCode === fiscalCode ? 'fiscal_code' : 'name_birth_date',
  }));
}

/**
 * The duplicate check as the form calls it. A match with a restricted person is never answered: telling the
 * desk "she is here" (even by code) confirms to whoever typed her names and birth date that she is in the
 * register, and an insider may be the one she hides from. The answer is the same as for no match; the match
 * itself is written to the audit log (who asked, which record), so an admin can find and reconcile a second
 * registration. See docs/privacy.md.
 */
export function checkDuplicates(ctx: Ctx, query: DuplicateQuery): Duplicate[] {
  const found = findDuplicates(ctx.db, query);
  auditRestrictedMatches(ctx, found);
  return found.filter((d) => d.displayName !== null);
}

/** Writes one audit event per restricted person matched (in its own transaction: it must outlive a refusal). */
function auditRestrictedMatches(ctx: Ctx, found: Duplicate[]): void {
  const restricted = found.filter((d) => d.displayName === null);
  if (restricted.length === 0) return;
  write(ctx, (_tx, audit) => {
    for (const d of restricted) audit({ action: 'person.duplicateMatch', entity: 'person', recordId: d.id, fields: [d.reason] });
  });
}

/** Stored columns of the form's fields (birth year follows the birth date when only the date is given). */
function columnsOf(fields: PersonInput) {
  return {
    displayName: fields.displayName,
    givenNames: fields.givenNames,
    familyNames: fields.familyNames,
    gender: fields.gender,
    birthDate: fields.birthDate,
    birthYear: fields.birthYear ?? (fields.birthDate ? Number(fields.birthDate.slice(0, 4)) : null),
    nationality: fields.nationality,
    languages: JSON.stringify(fields.languages),
    permitType: fields.permitType,
    permitNumber: fields.permitNumber,
    permitExpiry: fields.permitExpiry,
    fiscalCode: fields.fiscalCode,
    referralSource: fields.referralSource,
    vulnerabilities: JSON.stringify(fields.vulnerabilities),
    restricted: fields.restricted,
    notes: fields.notes,
  };
}
type PersonColumns = ReturnType<typeof columnsOf>;

function findPerson(db: Reader, id: number): PersonRecord {
  const person = db.select().from(persons).where(eq(persons.id, id)).get();
  if (!person) throw new DomainError('NOT_FOUND', { id: ['errors.NOT_FOUND'] });
  return person;
}

export function createPerson(ctx: Ctx, fields: PersonInput, acknowledgeDuplicates: boolean): { id: number; code: string } {
  refuseFutureBirth(fields, ctx.today);
  // Restricted matches are audited and then ignored (see checkDuplicates): the refusal names only others.
  auditRestrictedMatches(ctx, findDuplicates(ctx.db, fields));
  return write(ctx, (tx, audit) => {
    const duplicates = findDuplicates(tx, fields).filter((d) => d.displayName !== null);
    if (duplicates.length > 0 && !acknowledgeDuplicates) {
      const field = duplicates.some((d) => d.reason === 'fiscal_code') ? 'fiscalCode' : 'displayName';
      throw new DomainError('POSSIBLE_DUPLICATE', { [field]: ['errors.POSSIBLE_DUPLICATE'] });
    }
    const code = nextPersonCode(tx, Number(ctx.today.slice(0, 4)));
    const columns = columnsOf(fields);
    const { id } = tx
      .insert(persons)
      .values({ ...columns, code, searchText: searchTextOf(fields, code), nameKey: nameKeyOf(fields), createdAt: ctx.now.toISOString() })
      .returning({ id: persons.id })
      .get();
    const given = (Object.keys(columns) as (keyof PersonColumns)[]).filter((k) => !isBlank(columns[k]));
    audit({ action: 'person.create', entity: 'person', recordId: id, fields: given });
    return { id, code };
  });
}

const isBlank = (value: unknown) => value === null || value === false || value === '[]';

const REVEAL_VALID_MS = 30 * 60_000;

/** Whether this user showed the person's names (with a reason) within the last half hour. */
export function recentlyRevealed(ctx: Ctx, personId: number): boolean {
  const since = new Date(ctx.now.getTime() - REVEAL_VALID_MS).toISOString();
  return ctx.db.select({ id: nameReveals.id }).from(nameReveals)
    .where(and(eq(nameReveals.personId, personId), eq(nameReveals.userId, ctx.user.id), sql`${nameReveals.at} >= ${since}`)).get() !== undefined;
}

/**
 * A restricted person is edited only by someone who has just shown her names (with a reason, audited): the
 * renderer offers the edit only then. Without a reveal every update is refused the same way, before any
 * field is compared, so guessed names get no answer; the refused attempt is audited.
 */
export function refuseWithoutReveal(ctx: Ctx, person: PersonRecord, action: 'person.updateRefused' | 'person.subjectAccessRefused'): void {
  if (!person.restricted || recentlyRevealed(ctx, person.id)) return;
  write(ctx, (_tx, audit) => audit({ action, entity: 'person', recordId: person.id, fields: ['names'] }));
  throw new DomainError('FORBIDDEN', { displayName: ['errors.FORBIDDEN'] });
}

export function updatePerson(ctx: Ctx, id: number, fields: PersonInput): { id: number; code: string } {
  refuseWithoutReveal(ctx, findPerson(ctx.db, id), 'person.updateRefused');
  refuseFutureBirth(fields, ctx.today);
  return write(ctx, (tx, audit) => {
    const before = findPerson(tx, id);
    const columns = columnsOf(fields);
    const changed = (Object.keys(columns) as (keyof PersonColumns)[]).filter((k) => columns[k] !== before[k]);
    if (changed.length === 0) return { id, code: before.code };
    // The renderer is untrusted: lifting the restriction is for admins and coordinators.
    if (before.restricted && !columns.restricted && ctx.user.role === 'operator') throw new DomainError('FORBIDDEN', { restricted: ['errors.FORBIDDEN'] });
    if (changed.some((k) => k === 'gender' || k === 'birthDate' || k === 'birthYear')) {
      const problem = guestRuleProblem(tx, ctx.today, { personId: id, person: { gender: columns.gender, birthDate: columns.birthDate, birthYear: columns.birthYear } });
      if (problem) throw new DomainError(problem, { gender: [`errors.${problem}`] });
    }
    tx.update(persons)
      .set({ ...columns, searchText: searchTextOf(fields, before.code), nameKey: nameKeyOf(fields) })
      .where(eq(persons.id, id))
      .run();
    audit({ action: 'person.update', entity: 'person', recordId: id, fields: changed });
    return { id, code: before.code };
  });
}

type ConsentRecord = typeof consents.$inferSelect;

export function addConsent(ctx: Ctx, input: { personId: number; givenAt: string; textVersion: string; scope: string }): ConsentRecord {
  return write(ctx, (tx, audit) => {
    findPerson(tx, input.personId);
    const row = tx.insert(consents).values({ ...input, withdrawnAt: null }).returning().get();
    audit({ action: 'consent.add', entity: 'consent', recordId: row.id, fields: ['personId', 'givenAt', 'textVersion', 'scope'] });
    return row;
  });
}

export function withdrawConsent(ctx: Ctx, id: number, withdrawnAt: string): ConsentRecord {
  return write(ctx, (tx, audit) => {
    const consent = tx.select().from(consents).where(eq(consents.id, id)).get();
    if (!consent) throw new DomainError('NOT_FOUND', { id: ['errors.NOT_FOUND'] });
    if (withdrawnAt < consent.givenAt) throw new DomainError('INVALID_PERIOD', { withdrawnAt: ['errors.INVALID_PERIOD'] });
    if (consent.withdrawnAt === withdrawnAt) return consent;
    tx.update(consents).set({ withdrawnAt }).where(eq(consents.id, id)).run();
    audit({ action: 'consent.withdraw', entity: 'consent', recordId: id, fields: ['withdrawnAt'] });
    return { ...consent, withdrawnAt };
  });
}

/** The person page. Names of a restricted person stay hidden unless `showNames` (see revealNames); the
 * fiscal code is hidden with them, since its first six letters spell the names' consonants. */
export function personDetail(ctx: Ctx, id: number, showNames = false): PersonDetail {
  const db = ctx.db;
  const person = findPerson(db, id);
  const namesShown = !person.restricted || showNames;
  const householdId = householdIdOfPerson(db, id);
  const personConsents = db.select().from(consents).where(eq(consents.personId, id)).orderBy(consents.givenAt, consents.id).all();
  const stays = staysOfPerson(db, id);
  const canSeeAudit = ctx.user.role === 'admin' || ctx.user.role === 'coordinator';
  return {
    id: person.id,
    code: person.code,
    namesShown,
    fields: {
      displayName: namesShown ? person.displayName : null,
      givenNames: namesShown ? person.givenNames : null,
      familyNames: namesShown ? person.familyNames : null,
      gender: person.gender,
      birthDate: person.birthDate,
      birthYear: person.birthYear,
      nationality: person.nationality,
      languages: JSON.parse(person.languages) as string[],
      permitType: person.permitType,
      permitNumber: person.permitNumber,
      permitExpiry: person.permitExpiry,
      fiscalCode: namesShown ? person.fiscalCode : null,
      referralSource: person.referralSource,
      vulnerabilities: JSON.parse(person.vulnerabilities) as string[],
      restricted: person.restricted,
      notes: person.notes,
    },
    createdAt: person.createdAt,
    household: householdId === null ? null : householdOf(db, householdId),
    stays,
    referrals: referralsOf(db, { personId: id, householdId }, ctx.now),
    consents: personConsents,
    audit: canSeeAudit
      ? personAuditTrail(db, {
          personId: id,
          stayIds: stays.map((s) => s.id),
          placementIds: stays.flatMap((s) => s.placements.map((p) => p.id)),
          extensionIds: stays.flatMap((s) => s.extensions.map((e) => e.id)),
          consentIds: personConsents.map((c) => c.id),
        })
      : null,
  };
}

/** Shows a restricted person's names: the reason goes to name_reveals, the fact to the audit log. */
export function revealNames(ctx: Ctx, id: number, reason: string): PersonDetail {
  const person = findPerson(ctx.db, id);
  if (!person.restricted) return personDetail(ctx, id);
  write(ctx, (tx, audit) => {
    tx.insert(nameReveals).values({ personId: id, userId: ctx.user.id, at: ctx.now.toISOString(), reason }).run();
    audit({ action: 'person.reveal', entity: 'person', recordId: id, fields: ['names'] });
  });
  return personDetail(ctx, id, true);
}

type Stay = PersonDetail['stays'][number];

/** The person's stays, oldest first, each with its extensions and placements (place, room, structure). */
function staysOfPerson(db: Reader, personId: number): Stay[] {
  const rows = db.select().from(stays).where(eq(stays.personId, personId)).orderBy(asc(stays.entryDate), asc(stays.id)).all();
  if (rows.length === 0) return [];
  const ids = rows.map((s) => s.id);
  const extensions = db.select().from(stayExtensions).where(inArray(stayExtensions.stayId, ids)).orderBy(asc(stayExtensions.grantedAt), asc(stayExtensions.id)).all();
  const stayPlacements = db
    .select({
      id: placements.id, stayId: placements.stayId, placeId: placements.placeId, placeLabel: places.label, roomName: rooms.name,
      structureId: structures.id, structureName: structures.name, startDate: placements.startDate, endDate: placements.endDate,
    })
    .from(placements)
    .innerJoin(places, eq(places.id, placements.placeId))
    .innerJoin(rooms, eq(rooms.id, places.roomId))
    .innerJoin(structures, eq(structures.id, rooms.structureId))
    .where(inArray(placements.stayId, ids))
    .orderBy(asc(placements.startDate), asc(placements.id))
    .all();
  return rows.map((s) => ({
    id: s.id, entryDate: s.entryDate, exitDate: s.exitDate, plannedEnd: s.plannedEnd, exitReason: s.exitReason,
    destination: s.destination, referralId: s.referralId,
    extensions: extensions.filter((e) => e.stayId === s.id).map(({ stayId: _, ...e }) => e),
    placements: stayPlacements.filter((p) => p.stayId === s.id).map(({ stayId: _, ...p }) => p),
  }));
}

/** Events on the person and on their stays, extensions, placements and consents, newest first. */
function personAuditTrail(db: Reader, ids: { personId: number; stayIds: number[]; placementIds: number[]; extensionIds: number[]; consentIds: number[] }) {
  const on = (entity: string, recordIds: number[]) =>
    recordIds.length ? and(eq(auditEvents.entity, entity), inArray(auditEvents.recordId, recordIds.map(String))) : undefined;
  const rows = db
    .select({ event: auditEvents, userName: users.username })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(or(on('person', [ids.personId]), on('stay', ids.stayIds), on('placement', ids.placementIds), on('stay_extension', ids.extensionIds), on('consent', ids.consentIds)))
    .orderBy(sql`${auditEvents.id} desc`)
    .limit(500)
    .all();
  return rows.map(toAuditRow);
}
