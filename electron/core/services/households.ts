// Households: a head and members with their relationship to the head; a person is in one household at most.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Household } from '../../shared/channels/people';
import type { RELATIONSHIPS } from '../../shared/domain';
import { DomainError } from '../../shared/errors';
import type { Db } from '../db/connection';
import { householdMembers, households, persons } from '../db/schema';
import { write, type Ctx } from './context';
import { shownName } from './person-label';

type Relationship = (typeof RELATIONSHIPS)[number];
type Reader = Pick<Db, 'select'>;

export function householdIdOfPerson(db: Reader, personId: number): number | null {
  return db.select({ id: householdMembers.householdId }).from(householdMembers).where(eq(householdMembers.personId, personId)).get()?.id ?? null;
}

/** The household with its members, head first; restricted members show their code only. */
export function householdOf(db: Reader, householdId: number): Household {
  const household = db.select().from(households).where(eq(households.id, householdId)).get();
  if (!household) throw new DomainError('NOT_FOUND', { householdId: ['errors.NOT_FOUND'] });
  const members = db
    .select({
      personId: persons.id, code: persons.code, displayName: persons.displayName, restricted: persons.restricted,
      relationship: householdMembers.relationship, gender: persons.gender, birthYear: persons.birthYear,
    })
    .from(householdMembers)
    .innerJoin(persons, eq(persons.id, householdMembers.personId))
    .where(eq(householdMembers.householdId, householdId))
    .orderBy(sql`${householdMembers.relationship} <> 'head'`, asc(persons.birthYear), asc(persons.code))
    .all();
  return {
    id: household.id,
    headPersonId: household.headPersonId,
    members: members.map(({ restricted, displayName, ...m }) => ({ ...m, displayName: shownName({ restricted, displayName }) })),
  };
}

function requirePersons(tx: Reader, ids: number[]): void {
  const found = new Set(tx.select({ id: persons.id }).from(persons).where(inArray(persons.id, ids)).all().map((p) => p.id));
  if (ids.some((id) => !found.has(id))) throw new DomainError('NOT_FOUND', { personId: ['errors.NOT_FOUND'] });
}

/** PERSON_IN_OTHER_HOUSEHOLD when any of them already belongs to a household other than `own`. */
function refuseMembersElsewhere(tx: Reader, ids: number[], own: number | null): void {
  const taken = tx.select({ householdId: householdMembers.householdId }).from(householdMembers).where(inArray(householdMembers.personId, ids)).all();
  if (taken.some((m) => m.householdId !== own)) throw new DomainError('PERSON_IN_OTHER_HOUSEHOLD', { personId: ['errors.PERSON_IN_OTHER_HOUSEHOLD'] });
}

/** Only the head has the relationship 'head'; anyone else listed with it is a form mistake. */
function refuseSecondHead(relationship: Relationship): void {
  if (relationship === 'head') throw new DomainError('INVALID_INPUT', { relationship: ['validation.invalid'] });
}

export function createHousehold(ctx: Ctx, input: { headPersonId: number; members: { personId: number; relationship: Relationship }[] }): Household {
  const id = write(ctx, (tx, audit) => {
    const ids = [input.headPersonId, ...input.members.map((m) => m.personId)];
    if (new Set(ids).size !== ids.length) throw new DomainError('INVALID_INPUT', { members: ['validation.invalid'] });
    input.members.forEach((m) => refuseSecondHead(m.relationship));
    requirePersons(tx, ids);
    refuseMembersElsewhere(tx, ids, null);
    const { id: householdId } = tx
      .insert(households)
      .values({ headPersonId: input.headPersonId, createdAt: ctx.now.toISOString() })
      .returning({ id: households.id })
      .get();
    tx.insert(householdMembers)
      .values([{ personId: input.headPersonId, relationship: 'head' as const }, ...input.members].map((m) => ({ ...m, householdId })))
      .run();
    audit({ action: 'household.create', entity: 'household', recordId: householdId, fields: ['headPersonId', 'members'] });
    return householdId;
  });
  return householdOf(ctx.db, id);
}

export function addMember(ctx: Ctx, input: { householdId: number; personId: number; relationship: Relationship }): Household {
  write(ctx, (tx, audit) => {
    householdOf(tx, input.householdId);
    refuseSecondHead(input.relationship);
    requirePersons(tx, [input.personId]);
    refuseMembersElsewhere(tx, [input.personId], input.householdId);
    const current = tx.select().from(householdMembers).where(eq(householdMembers.personId, input.personId)).get();
    if (current?.relationship === input.relationship) return;
    if (current) {
      if (current.relationship === 'head') throw new DomainError('INVALID_INPUT', { relationship: ['validation.invalid'] });
      tx.update(householdMembers).set({ relationship: input.relationship }).where(eq(householdMembers.personId, input.personId)).run();
    } else {
      tx.insert(householdMembers).values(input).run();
    }
    audit({ action: current ? 'household.member.update' : 'household.member.add', entity: 'household', recordId: input.householdId, fields: ['members'] });
  });
  return householdOf(ctx.db, input.householdId);
}

/** Removes a member; the head cannot be removed (a household always has its head). */
export function removeMember(ctx: Ctx, input: { householdId: number; personId: number }): Household {
  write(ctx, (tx, audit) => {
    const household = householdOf(tx, input.householdId);
    const member = household.members.find((m) => m.personId === input.personId);
    if (!member) throw new DomainError('NOT_FOUND', { personId: ['errors.NOT_FOUND'] });
    if (member.relationship === 'head' || household.headPersonId === input.personId)
      throw new DomainError('INVALID_INPUT', { personId: ['validation.invalid'] });
    tx.delete(householdMembers).where(eq(householdMembers.personId, input.personId)).run();
    audit({ action: 'household.member.remove', entity: 'household', recordId: input.householdId, fields: ['members'] });
  });
  return householdOf(ctx.db, input.householdId);
}
