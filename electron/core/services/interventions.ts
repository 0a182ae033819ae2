// Interventions delivered to persons (one person, or a group activity recorded once for everyone present),
// the services register the coordinator reports from, and a person's own list (docs/pathway.md).
import { and, count, countDistinct, desc, eq, gte, inArray, isNull, lte, or, sql, sum, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { InterventionRow, interventionInputSchema, pathwayChannels } from '../../shared/channels/pathway';
import { DomainError } from '../../shared/errors';
import type { Db } from '../db/connection';
import { interventions, persons, placements, places, planGoals, plans, rooms, stays, structures, users } from '../db/schema';
import { write, type Ctx } from './context';

type Reader = Pick<Db, 'select'>;
type InterventionInput = z.output<typeof interventionInputSchema>;
type ListInput = z.output<(typeof pathwayChannels)['interventions.list']['input']>;
type ListOutput = z.output<(typeof pathwayChannels)['interventions.list']['output']>;

const refuse = (code: 'NOT_FOUND' | 'NO_STAY_ON_DATE' | 'GOAL_NOT_IN_PLAN' | 'INVALID_PERIOD' | 'USER_NOT_FOUND', field: string) =>
  new DomainError(code, { [field]: [`errors.${code}`] });

/** The columns every list of interventions shows; a restricted person appears by code only. */
const rowColumns = {
  id: interventions.id,
  personId: interventions.personId,
  code: persons.code,
  displayName: sql<string | null>`CASE WHEN ${persons.restricted} THEN NULL ELSE ${persons.displayName} END`,
  date: interventions.date,
  area: interventions.area,
  type: interventions.type,
  structureId: interventions.structureId,
  structureName: structures.name,
  staffUserId: interventions.staffUserId,
  staffName: users.displayName,
  provider: interventions.provider,
  minutes: interventions.minutes,
  goalId: interventions.goalId,
  outcome: interventions.outcome,
  groupId: interventions.groupId,
};

function rowsWhere(db: Reader, where: SQL | undefined) {
  return db.select(rowColumns).from(interventions)
    .innerJoin(persons, eq(persons.id, interventions.personId))
    .leftJoin(structures, eq(structures.id, interventions.structureId))
    .leftJoin(users, eq(users.id, interventions.staffUserId))
    .where(where)
    .orderBy(desc(interventions.date), desc(interventions.id));
}

/** The person's interventions, newest first (the latest 500), with the count and minutes of them all. */
export function interventionsOfPerson(db: Reader, personId: number): { interventions: InterventionRow[]; interventionCount: number; minutes: number } {
  const where = eq(interventions.personId, personId);
  const totals = db.select({ n: count(), minutes: sum(interventions.minutes) }).from(interventions).where(where).get()!;
  return { interventions: rowsWhere(db, where).limit(500).all(), interventionCount: totals.n, minutes: Number(totals.minutes ?? 0) };
}

/** The person's stay that includes `date` (entry ≤ date ≤ exit, or still open). */
function stayOn(tx: Reader, personId: number, date: string) {
  return tx.select({ id: stays.id }).from(stays)
    .where(and(eq(stays.personId, personId), lte(stays.entryDate, date), or(isNull(stays.exitDate), gte(stays.exitDate, date))))
    .orderBy(desc(stays.entryDate)).limit(1).get();
}

/** Where the stay was on `date`: the structure of its latest placement begun by then (null: not placed yet). */
function structureOn(tx: Reader, stayId: number, date: string): number | null {
  const row = tx.select({ structureId: rooms.structureId }).from(placements)
    .innerJoin(places, eq(places.id, placements.placeId)).innerJoin(rooms, eq(rooms.id, places.roomId))
    .where(and(eq(placements.stayId, stayId), lte(placements.startDate, date)))
    .orderBy(desc(placements.startDate), desc(placements.id)).limit(1).get();
  return row?.structureId ?? null;
}

/**
 * Records an intervention for one person, or the same group activity for several (each gets her own row,
 * sharing a group number). Every person must be in the programme that day; a goal must be one of her
 * plan's for that stay; the date cannot be ahead of today. All or nothing, one audit event per row.
 */
export function addInterventions(ctx: Ctx, input: InterventionInput): { ids: number[]; groupId: number | null } {
  return write(ctx, (tx, audit) => {
    if (input.date > ctx.today) throw refuse('INVALID_PERIOD', 'date');
    if (input.staffUserId !== null && !tx.select({ id: users.id }).from(users).where(and(eq(users.id, input.staffUserId), eq(users.status, 'active'))).get())
      throw refuse('USER_NOT_FOUND', 'staffUserId');
    const personIds = [...new Set(input.personIds)];
    const found = tx.select({ id: persons.id }).from(persons).where(inArray(persons.id, personIds)).all();
    if (found.length !== personIds.length) throw refuse('NOT_FOUND', 'personIds');
    const groupId = personIds.length > 1
      ? (tx.select({ top: sql<number | null>`max(${interventions.groupId})` }).from(interventions).get()?.top ?? 0) + 1
      : null;
    const ids: number[] = [];
    for (const personId of personIds) {
      const stay = stayOn(tx, personId, input.date);
      if (!stay) throw refuse('NO_STAY_ON_DATE', 'personIds');
      if (input.goalId !== null) {
        const goal = tx.select({ id: planGoals.id }).from(planGoals).innerJoin(plans, eq(plans.id, planGoals.planId))
          .where(and(eq(planGoals.id, input.goalId), eq(plans.stayId, stay.id))).get();
        if (!goal) throw refuse('GOAL_NOT_IN_PLAN', 'goalId');
      }
      const { id } = tx.insert(interventions).values({
        personId, stayId: stay.id, structureId: structureOn(tx, stay.id, input.date), date: input.date, area: input.area, type: input.type,
        staffUserId: input.staffUserId, provider: input.provider, minutes: input.minutes, goalId: input.goalId, outcome: input.outcome,
        groupId, createdBy: ctx.user.id, createdAt: ctx.now.toISOString(),
      }).returning({ id: interventions.id }).get();
      ids.push(id);
      const given = (['staffUserId', 'provider', 'goalId', 'outcome'] as const).filter((k) => input[k] !== null);
      audit({ action: 'intervention.create', entity: 'intervention', recordId: id, fields: ['personId', 'date', 'area', 'type', 'minutes', ...given, ...(groupId ? ['groupId'] : [])] });
    }
    return { ids, groupId };
  });
}

/** The filter of the services register as SQL (the period is inclusive at both ends). */
export function interventionFilter(input: Pick<ListInput, 'from' | 'to' | 'structureId' | 'area' | 'type' | 'staffUserId'>): SQL | undefined {
  if (input.to < input.from) throw refuse('INVALID_PERIOD', 'to');
  return and(
    gte(interventions.date, input.from),
    lte(interventions.date, input.to),
    input.structureId === null ? undefined : eq(interventions.structureId, input.structureId),
    input.area === null ? undefined : eq(interventions.area, input.area),
    input.type === null ? undefined : eq(interventions.type, input.type),
    input.staffUserId === null ? undefined : eq(interventions.staffUserId, input.staffUserId),
  );
}

/** A page of the services register, with the totals of the whole filtered set: count, minutes, persons, and per type. */
export function listInterventions(ctx: Ctx, input: ListInput): ListOutput {
  const where = interventionFilter(input);
  const totals = ctx.db.select({ n: count(), minutes: sum(interventions.minutes), persons: countDistinct(interventions.personId) })
    .from(interventions).where(where).get()!;
  const byType = ctx.db.select({ type: interventions.type, count: count(), minutes: sql<number>`coalesce(sum(${interventions.minutes}), 0)` })
    .from(interventions).where(where).groupBy(interventions.type).orderBy(interventions.type).all();
  return {
    rows: rowsWhere(ctx.db, where).limit(input.limit).offset(input.offset).all(),
    total: totals.n,
    minutes: Number(totals.minutes ?? 0),
    persons: totals.persons,
    byType,
  };
}
