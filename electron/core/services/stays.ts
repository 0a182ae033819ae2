// Stays and placements: admission, transfer, extension, discharge and date correction. Each call is one
// synchronous transaction that checks every rule of docs/domain.md before it writes, with its audit events.
import { and, eq, gt, isNull, lt, lte, ne, notInArray, or, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import type { staysChannels } from '../../shared/channels/stays';
import { DomainError, type ErrorCode } from '../../shared/errors';
import type { Db } from '../db/connection';
import {
  dateCorrections, householdMembers, households, persons, placeOutOfService, placements, places, rooms,
  stayExtensions, stays, structures,
} from '../db/schema';
import { write, type Ctx } from './context';
import { markReferralPlaced } from './referrals';
import { clashWithin, lies, placementProblem, type Period, type PersonFacts, type PlaceFacts } from './placement-rules';

type In<C extends keyof typeof staysChannels> = z.output<(typeof staysChannels)[C]['input']>;
export interface StayResult {
  stayIds: number[];
  placementIds: number[];
}
type StayRow = typeof stays.$inferSelect;
type PlacementRow = typeof placements.$inferSelect;
type Audit = Parameters<Parameters<typeof write>[1]>[1];

const refuse = (code: ErrorCode, fields: string[]) =>
  new DomainError(code, Object.fromEntries(fields.map((field) => [field, [`errors.${code}`]])));

const stayPeriod = (stay: Pick<StayRow, 'entryDate' | 'exitDate'>): Period => ({ from: stay.entryDate, to: stay.exitDate });
const placementPeriod = (p: Pick<PlacementRow, 'startDate' | 'endDate'>): Period => ({ from: p.startDate, to: p.endDate });
const isEmpty = (period: Period) => period.to !== null && period.to <= period.from;

/** Rows whose [from, to) shares a night with `period` (which must not be empty). Rows with an empty
 * period share nothing. Bounded on `from` so the (owner, start) indexes do the work. */
function overlapping(fromCol: SQLiteColumn, toCol: SQLiteColumn, period: Period): SQL | undefined {
  return and(
    period.to === null ? undefined : lt(fromCol, period.to),
    or(isNull(toCol), and(gt(toCol, period.from), gt(toCol, fromCol))),
  );
}

// ——— Facts the rules need

function stayOf(tx: Db, id: number, fields: string[]): StayRow {
  const stay = tx.select().from(stays).where(eq(stays.id, id)).get();
  if (!stay) throw refuse('NOT_FOUND', fields);
  return stay;
}

function personOf(tx: Db, id: number, fields: string[]): PersonFacts {
  const person = tx.select({ gender: persons.gender, birthDate: persons.birthDate, birthYear: persons.birthYear })
    .from(persons).where(eq(persons.id, id)).get();
  if (!person) throw refuse('NOT_FOUND', fields);
  return person;
}

function placeOf(tx: Db, id: number, fields: string[]): PlaceFacts & { inService: boolean } {
  const place = tx.select({
    activeFrom: places.activeFrom, activeTo: places.activeTo, womenOnly: structures.womenOnly,
    childrenAllowed: structures.childrenAllowed, structureActive: structures.active, roomActive: rooms.active,
  }).from(places).innerJoin(rooms, eq(rooms.id, places.roomId)).innerJoin(structures, eq(structures.id, rooms.structureId))
    .where(eq(places.id, id)).get();
  if (!place) throw refuse('NOT_FOUND', fields);
  const { structureActive, roomActive, ...facts } = place;
  return { ...facts, inService: structureActive && roomActive };
}

/** Another stay of the person sharing a night with `period` (a person has one stay at a time). */
function otherStay(tx: Db, personId: number, period: Period, exceptId: number | null): boolean {
  if (isEmpty(period)) return false;
  return tx.select({ id: stays.id }).from(stays)
    .where(and(eq(stays.personId, personId), exceptId === null ? undefined : ne(stays.id, exceptId), overlapping(stays.entryDate, stays.exitDate, period)))
    .limit(1).get() !== undefined;
}

// ——— The placement rules against the register

/** A placement as it will stand after the write, with the input fields to blame for each kind of refusal. */
interface Candidate {
  personId: number;
  placeId: number;
  period: Period;
  stay: Period;
  fields: { place: string[]; person: string[]; date: string[] };
}

const PLACE_CODES: ErrorCode[] = ['PLACE_NOT_ACTIVE', 'PLACE_OUT_OF_SERVICE', 'WOMEN_ONLY_STRUCTURE', 'CHILDREN_NOT_ALLOWED', 'PLACE_OCCUPIED'];
const blame = (code: ErrorCode, c: Candidate) =>
  refuse(code, PLACE_CODES.includes(code) ? c.fields.place : code === 'PERSON_ALREADY_PLACED' ? c.fields.person : c.fields.date);

/**
 * Checks new or changed placements: each against its stay, place and person, against each other, and
 * against the register's other placements (`replaced`: ids of rows this write changes, whose old periods
 * no longer count). Out-of-service periods are tested by overlap, so an open placement is refused on a
 * place with any out-of-service period still ahead, just as it is on a place whose active period ends:
 * it would run on into those nights. The desk picks another place, or ends the period first.
 */
function checkPlacements(tx: Db, ctx: Ctx, candidates: Candidate[], replaced: number[]): void {
  for (const c of candidates) {
    const place = placeOf(tx, c.placeId, c.fields.place);
    const problem = placementProblem({ period: c.period, stay: c.stay, place, person: personOf(tx, c.personId, c.fields.person) });
    if (problem) throw blame(problem, c);
    // A deactivated room or structure takes no one from today on; past placements there may still be corrected.
    if (!place.inService && (c.period.to === null || c.period.to > ctx.today)) throw blame('PLACE_NOT_ACTIVE', c);
    if (!isEmpty(c.period) && tx.select({ id: placeOutOfService.id }).from(placeOutOfService)
      .where(and(eq(placeOutOfService.placeId, c.placeId), overlapping(placeOutOfService.fromDate, placeOutOfService.toDate, c.period)))
      .limit(1).get()) throw blame('PLACE_OUT_OF_SERVICE', c);
  }
  const clash = clashWithin(candidates);
  if (clash) throw blame(clash.code, candidates[clash.index]!);
  const others = replaced.length ? notInArray(placements.id, replaced) : undefined;
  for (const c of candidates) {
    if (isEmpty(c.period)) continue;
    const taken = (owner: SQL) => tx.select({ id: placements.id }).from(placements)
      .where(and(owner, others, overlapping(placements.startDate, placements.endDate, c.period))).limit(1).get() !== undefined;
    if (taken(eq(placements.placeId, c.placeId))) throw blame('PLACE_OCCUPIED', c);
    if (taken(eq(placements.personId, c.personId))) throw blame('PERSON_ALREADY_PLACED', c);
  }
}

// ——— Admission

/** The household the stay is recorded under: the one asked for, else the person's own. */
function householdFor(tx: Db, personId: number, requested: number | null, field: string): number | null {
  const membership = tx.select({ householdId: householdMembers.householdId }).from(householdMembers)
    .where(eq(householdMembers.personId, personId)).get();
  if (requested === null) return membership?.householdId ?? null;
  if (membership && membership.householdId !== requested) throw refuse('PERSON_IN_OTHER_HOUSEHOLD', [field]);
  return requested;
}

/** Admits one person or a household: one stay and one open placement per member, all or nothing. */
export type AdmitInput = Omit<In<'stays.admit'>, 'members'> & { members: { personId: number; placeId: number; placementEnd?: string | null }[] };

export function admit(ctx: Ctx, input: AdmitInput): StayResult {
  const { entryDate, plannedEnd, members } = input;
  const referralId = input.referralId ?? null;
  const householdId = input.householdId ?? null;
  return write(ctx, (tx, audit) => {
    if (plannedEnd !== null && plannedEnd < entryDate) throw refuse('PLANNED_END_BEFORE_ENTRY', ['plannedEnd']);
    if (householdId !== null && !tx.select({ id: households.id }).from(households).where(eq(households.id, householdId)).get()) {
      throw refuse('NOT_FOUND', ['householdId']);
    }
    const stay: Period = { from: entryDate, to: null };
    const plans = members.map((m, i) => {
      const personField = `members.${i}.personId`;
      personOf(tx, m.personId, [personField]);
      const household = householdFor(tx, m.personId, householdId, personField);
      if (otherStay(tx, m.personId, stay, null)) throw refuse('STAY_ALREADY_OPEN', [personField]);
      const placementEnd = m.placementEnd ?? null;
      if (placementEnd !== null && placementEnd <= entryDate) throw refuse('INVALID_PERIOD', [`members.${i}.placementEnd`]);
      const candidate: Candidate = {
        personId: m.personId, placeId: m.placeId, period: { from: entryDate, to: placementEnd }, stay,
        fields: { place: ['placeId', `members.${i}.placeId`], person: [personField], date: placementEnd === null ? ['entryDate'] : ['entryDate', `members.${i}.placementEnd`] },
      };
      return { member: m, household, candidate };
    });
    checkPlacements(tx, ctx, plans.map((p) => p.candidate), []);

    const createdAt = ctx.now.toISOString();
    // First write, and it checks first: a referral no longer pending is refused before any stay is written.
    if (referralId !== null) markReferralPlaced(tx, referralId, createdAt, audit);
    const result: StayResult = { stayIds: [], placementIds: [] };
    for (const { member, household } of plans) {
      const stayId = tx.insert(stays).values({
        personId: member.personId, householdId: household, referralId, entryDate, plannedEnd, createdAt,
      }).returning({ id: stays.id }).get().id;
      audit({ action: 'stay.admit', entity: 'stay', recordId: stayId, fields: ['personId', 'entryDate', 'plannedEnd', 'householdId', 'referralId'] });
      const endDate = member.placementEnd ?? null;
      const placementId = tx.insert(placements).values({
        stayId, personId: member.personId, placeId: member.placeId, startDate: entryDate, endDate, recordedAt: createdAt, endRecordedAt: endDate === null ? null : createdAt,
      })
        .returning({ id: placements.id }).get().id;
      audit({ action: 'placement.create', entity: 'placement', recordId: placementId, fields: ['stayId', 'personId', 'placeId', 'startDate', ...(endDate ? ['endDate'] : [])] });
      result.stayIds.push(stayId);
      result.placementIds.push(placementId);
    }
    return result;
  });
}

// ——— Transfer

/** Moves a person to another place from the night `date`: the placement covering that night ends there
 * and the next one starts there, running to the old end. The stay is untouched: it is not a new entry. */
export function transfer(ctx: Ctx, input: In<'placements.transfer'>): StayResult {
  const { personId, date, toPlaceId } = input;
  return write(ctx, (tx, audit) => {
    personOf(tx, personId, ['personId']);
    const current = tx.select().from(placements)
      .where(and(eq(placements.personId, personId), lte(placements.startDate, date), or(isNull(placements.endDate), gt(placements.endDate, date))))
      .get();
    if (!current) return continueAfterBoundedPlacement(tx, ctx, audit, personId, date, toPlaceId);
    if (current.placeId === toPlaceId) throw refuse('PLACE_OCCUPIED', ['toPlaceId']);
    const stay = stayOf(tx, current.stayId, ['personId']);
    const period: Period = { from: date, to: current.endDate };
    checkPlacements(tx, ctx, [{
      personId, placeId: toPlaceId, period, stay: stayPeriod(stay),
      fields: { place: ['toPlaceId'], person: ['personId'], date: ['date'] },
    }], [current.id]);

    // On the placement's own first night the move is a change of place, not a zero-night placement.
    if (current.startDate === date) {
      tx.update(placements).set({ placeId: toPlaceId }).where(eq(placements.id, current.id)).run();
      audit({ action: 'placement.transfer', entity: 'placement', recordId: current.id, fields: ['placeId'] });
      return { stayIds: [stay.id], placementIds: [current.id] };
    }
    const at = ctx.now.toISOString();
    tx.update(placements).set({ endDate: date, endRecordedAt: at }).where(eq(placements.id, current.id)).run();
    audit({ action: 'placement.transfer', entity: 'placement', recordId: current.id, fields: ['endDate'] });
    // The next placement runs to the old end, which was recorded when that end was set.
    const nextId = tx.insert(placements).values({
      stayId: stay.id, personId, placeId: toPlaceId, startDate: date, endDate: current.endDate, recordedAt: at, endRecordedAt: current.endRecordedAt,
    })
      .returning({ id: placements.id }).get().id;
    audit({ action: 'placement.create', entity: 'placement', recordId: nextId, fields: ['stayId', 'personId', 'placeId', 'startDate', 'endDate'] });
    return { stayIds: [stay.id], placementIds: [current.id, nextId] };
  });
}

/**
 * The planned move of a placement that ended at a later booking: on its end date, with the stay still
 * open and no placement from that night, the person goes on in another place, open-ended like the stay.
 */
function continueAfterBoundedPlacement(tx: Db, ctx: Ctx, audit: Audit, personId: number, date: string, toPlaceId: number): StayResult {
  const ended = tx.select().from(placements).where(and(eq(placements.personId, personId), eq(placements.endDate, date))).get();
  const stay = ended ? stayOf(tx, ended.stayId, ['personId']) : undefined;
  if (!ended || !stay || !lies({ from: date, to: null }, stayPeriod(stay)) || stay.exitDate !== null) throw refuse('NO_OPEN_PLACEMENT', ['date']);
  if (ended.placeId === toPlaceId) throw refuse('PLACE_OCCUPIED', ['toPlaceId']);
  checkPlacements(tx, ctx, [{
    personId, placeId: toPlaceId, period: { from: date, to: null }, stay: stayPeriod(stay),
    fields: { place: ['toPlaceId'], person: ['personId'], date: ['date'] },
  }], []);
  const nextId = tx.insert(placements).values({ stayId: stay.id, personId, placeId: toPlaceId, startDate: date, endDate: null, recordedAt: ctx.now.toISOString() })
    .returning({ id: placements.id }).get().id;
  audit({ action: 'placement.create', entity: 'placement', recordId: nextId, fields: ['stayId', 'personId', 'placeId', 'startDate'] });
  return { stayIds: [stay.id], placementIds: [nextId] };
}

// ——— Extension

/** A proroga: the open stay's planned end moves, and the extension keeps who granted it and the previous end. */
export function extend(ctx: Ctx, input: In<'stays.extend'>): StayResult {
  return write(ctx, (tx, audit) => {
    const stay = stayOf(tx, input.stayId, ['stayId']);
    if (stay.exitDate !== null) throw refuse('STAY_CLOSED', ['stayId']);
    if (input.newPlannedEnd <= stay.entryDate) throw refuse('PLANNED_END_BEFORE_ENTRY', ['newPlannedEnd']);
    // A proroga moves the planned end later: an earlier date is a correction (with its reason), not an extension.
    if (stay.plannedEnd !== null && input.newPlannedEnd <= stay.plannedEnd) throw refuse('EXTENSION_NOT_LATER', ['newPlannedEnd']);
    tx.update(stays).set({ plannedEnd: input.newPlannedEnd }).where(eq(stays.id, stay.id)).run();
    audit({ action: 'stay.extend', entity: 'stay', recordId: stay.id, fields: ['plannedEnd'] });
    const extensionId = tx.insert(stayExtensions).values({
      stayId: stay.id, previousPlannedEnd: stay.plannedEnd, newPlannedEnd: input.newPlannedEnd,
      grantedBy: input.grantedBy, grantedAt: input.grantedAt,
    }).returning({ id: stayExtensions.id }).get().id;
    audit({ action: 'stay_extension.create', entity: 'stay_extension', recordId: extensionId, fields: ['stayId', 'previousPlannedEnd', 'newPlannedEnd', 'grantedBy', 'grantedAt'] });
    return { stayIds: [stay.id], placementIds: [] };
  });
}

// ——— Discharge

/** Closes the stays (a household leaving together, or one person) and their open placements on the exit
 * date. A placement reaching past the exit date is refused rather than cut short silently. */
export function discharge(ctx: Ctx, input: In<'stays.discharge'>): StayResult {
  const { exitDate, exitReason, destination } = input;
  return write(ctx, (tx, audit) => {
    const closing = [...new Set(input.stayIds)].map((id) => {
      const stay = stayOf(tx, id, ['stayIds']);
      if (stay.exitDate !== null) throw refuse('STAY_CLOSED', ['stayIds']);
      if (exitDate < stay.entryDate) throw refuse('EXIT_BEFORE_ENTRY', ['exitDate']);
      const open = tx.select().from(placements).where(eq(placements.stayId, id)).all().filter((p) => {
        if (p.startDate > exitDate || (p.endDate !== null && p.endDate > exitDate)) throw refuse('PLACEMENT_OUTSIDE_STAY', ['exitDate']);
        return p.endDate === null;
      });
      return { stay, open };
    });

    const result: StayResult = { stayIds: [], placementIds: [] };
    const at = ctx.now.toISOString();
    for (const { stay, open } of closing) {
      tx.update(stays).set({ exitDate, exitReason, destination, exitRecordedAt: at }).where(eq(stays.id, stay.id)).run();
      audit({ action: 'stay.discharge', entity: 'stay', recordId: stay.id, fields: ['exitDate', 'exitReason', 'destination'] });
      result.stayIds.push(stay.id);
      for (const p of open) {
        tx.update(placements).set({ endDate: exitDate, endRecordedAt: at }).where(eq(placements.id, p.id)).run();
        audit({ action: 'placement.close', entity: 'placement', recordId: p.id, fields: ['endDate'] });
        result.placementIds.push(p.id);
      }
    }
    return result;
  });
}

// ——— Date correction

type StayField = 'entryDate' | 'exitDate' | 'plannedEnd';
type PlacementField = 'startDate' | 'endDate';
type Change =
  | { entity: 'stay'; id: number; field: StayField; from: string | null; to: string }
  | { entity: 'placement'; id: number; field: PlacementField; from: string | null; to: string };

const TARGETS = {
  entry: 'entryDate', exit: 'exitDate', plannedEnd: 'plannedEnd', placementStart: 'startDate', placementEnd: 'endDate',
} as const;

/**
 * The changes a correction makes. Dates that moved together stay together: the first placement starts
 * with the entry, the last one ends with the exit, and a transfer (one placement ending where the next
 * begins) keeps both sides on the corrected date, so no gap or double night appears.
 */
function correctionPlan(tx: Db, target: In<'stays.correctDate'>['target'], id: number, date: string): { stay: StayRow; changes: Change[] } {
  const field = TARGETS[target];
  const notSet = () => new DomainError('INVALID_INPUT', { target: ['validation.invalid'] });
  if (field === 'entryDate' || field === 'exitDate' || field === 'plannedEnd') {
    const stay = stayOf(tx, id, ['id']);
    const old = stay[field];
    // An open stay has no exit to correct: closing it is a discharge, with its reason and destination.
    if (old === null && field === 'exitDate') throw notSet();
    const changes: Change[] = [{ entity: 'stay', id, field, from: old, to: date }];
    if (field !== 'plannedEnd') {
      const moved = field === 'entryDate' ? 'startDate' : 'endDate';
      for (const p of tx.select().from(placements).where(and(eq(placements.stayId, id), eq(placements[moved], old!))).all()) {
        changes.push({ entity: 'placement', id: p.id, field: moved, from: old, to: date });
      }
    }
    return { stay, changes };
  }
  const placement = tx.select().from(placements).where(eq(placements.id, id)).get();
  if (!placement) throw refuse('NOT_FOUND', ['id']);
  const old = placement[field];
  if (old === null) throw notSet();
  const neighbour = field === 'startDate' ? 'endDate' : 'startDate';
  const changes: Change[] = [{ entity: 'placement', id, field, from: old, to: date }];
  for (const p of tx.select().from(placements).where(and(eq(placements.stayId, placement.stayId), ne(placements.id, id), eq(placements[neighbour], old))).all()) {
    changes.push({ entity: 'placement', id: p.id, field: neighbour, from: old, to: date });
  }
  return { stay: stayOf(tx, placement.stayId, ['id']), changes };
}

/** Corrects a wrongly typed date, re-checking every rule on the result; the old and new values and the
 * reason go to date_corrections, the fact (which field) to the audit log. */
export function correctDate(ctx: Ctx, input: In<'stays.correctDate'>): StayResult {
  const { date, reason } = input;
  return write(ctx, (tx, audit) => {
    const { stay: before, changes } = correctionPlan(tx, input.target, input.id, date);
    if (changes[0]!.from === date) return { stayIds: [before.id], placementIds: [] };

    const stay: StayRow = { ...before };
    for (const c of changes) if (c.entity === 'stay') stay[c.field] = c.to;
    if (stay.exitDate !== null && stay.exitDate < stay.entryDate) throw refuse('EXIT_BEFORE_ENTRY', ['date']);
    if (stay.plannedEnd !== null && stay.plannedEnd < stay.entryDate) throw refuse('PLANNED_END_BEFORE_ENTRY', ['date']);
    if ((stay.entryDate !== before.entryDate || stay.exitDate !== before.exitDate) && otherStay(tx, stay.personId, stayPeriod(stay), stay.id)) {
      throw refuse('STAY_ALREADY_OPEN', ['date']);
    }

    const changedIds = new Set(changes.filter((c) => c.entity === 'placement').map((c) => c.id));
    const after = tx.select().from(placements).where(eq(placements.stayId, stay.id)).all().map((p) => {
      const moved = { ...p };
      for (const c of changes) if (c.entity === 'placement' && c.id === p.id) moved[c.field] = c.to;
      return moved;
    });
    // Every placement of the stay must still fit it; a placement left inside out comes second, as its cause
    // is usually a sibling outside the stay (an entry moved past a transfer).
    if (after.some((p) => !lies(placementPeriod(p), stayPeriod(stay)))) throw refuse('PLACEMENT_OUTSIDE_STAY', ['date']);
    if (after.some((p) => p.endDate !== null && p.endDate < p.startDate)) throw refuse('INVALID_PERIOD', ['date']);
    const fields = { place: ['date'], person: ['date'], date: ['date'] };
    checkPlacements(tx, ctx, after.filter((p) => changedIds.has(p.id)).map((p) => ({
      personId: p.personId, placeId: p.placeId, period: placementPeriod(p), stay: stayPeriod(stay), fields,
    })), [...changedIds]);

    const at = ctx.now.toISOString();
    for (const c of changes) {
      // A corrected placement end is a new recording of that end (the segment's exit per structure, docs/summary.md);
      // a stay's entry and exit keep the time they were first recorded (created_at, exit_recorded_at).
      if (c.entity === 'stay') tx.update(stays).set({ [c.field]: c.to }).where(eq(stays.id, c.id)).run();
      else tx.update(placements).set(c.field === 'endDate' ? { endDate: c.to, endRecordedAt: at } : { startDate: c.to }).where(eq(placements.id, c.id)).run();
      tx.insert(dateCorrections).values({
        entity: c.entity, recordId: c.id, field: c.field, oldValue: c.from, newValue: c.to, reason, userId: ctx.user.id, at,
      }).run();
      audit({ action: `${c.entity}.correctDate`, entity: c.entity, recordId: c.id, fields: [c.field] });
    }
    return { stayIds: [stay.id], placementIds: [...changedIds] };
  });
}
