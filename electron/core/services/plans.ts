// The individual plan (progetto individualizzato) of a stay: agreed with the person on a date, goals by
// area with a target date and a status, and reviews that keep the plan's history. Also the person's
// pathway as the person page shows it, and the reminders on Today (docs/pathway.md).
import { and, asc, desc, eq, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Pathway, Plan, ReminderRow } from '../../shared/channels/pathway';
import { addDays } from '../../shared/dates';
import type { GoalStatus, PathwayArea } from '../../shared/domain';
import { DomainError } from '../../shared/errors';
import type { Db } from '../db/connection';
import { persons, planGoals, planReviews, plans, stays, structures, users } from '../db/schema';
import { write, type Ctx } from './context';
import { interventionsOfPerson } from './interventions';
import { personStructureSql, staffOptions, structuresOfUser } from './staff';

type Reader = Pick<Db, 'select'>;

const notFound = (field: string) => new DomainError('NOT_FOUND', { [field]: ['errors.NOT_FOUND'] });

/** A plan with its goals (in the order they were set) and its reviews (newest first). */
export function planOf(db: Reader, planId: number): Plan {
  const plan = db.select().from(plans).where(eq(plans.id, planId)).get();
  if (!plan) throw notFound('planId');
  return plansWithGoals(db, [plan])[0]!;
}

function plansWithGoals(db: Reader, rows: (typeof plans.$inferSelect)[]): Plan[] {
  if (rows.length === 0) return [];
  const ids = rows.map((p) => p.id);
  const goals = db.select().from(planGoals).where(inArray(planGoals.planId, ids)).orderBy(asc(planGoals.id)).all();
  const reviews = db.select({ review: planReviews, byName: users.displayName }).from(planReviews)
    .leftJoin(users, eq(users.id, planReviews.userId))
    .where(inArray(planReviews.planId, ids)).orderBy(desc(planReviews.reviewedOn), desc(planReviews.id)).all();
  return rows.map((p) => ({
    id: p.id,
    stayId: p.stayId,
    agreedOn: p.agreedOn,
    reviewDue: p.reviewDue,
    goals: goals.filter((g) => g.planId === p.id).map((g) => ({
      id: g.id, area: g.area, description: g.description, targetDate: g.targetDate, status: g.status, statusDate: g.statusDate, dropReason: g.dropReason,
    })),
    reviews: reviews.filter((r) => r.review.planId === p.id).map(({ review: r, byName }) => ({
      id: r.id, reviewedOn: r.reviewedOn, byName: byName ?? null, summary: r.summary, nextReview: r.nextReview,
      goals: JSON.parse(r.goals) as Plan['reviews'][number]['goals'],
    })),
  }));
}

/** The person page's pathway: each stay with its plan, the interventions, and who may deliver one. */
export function pathwayOf(ctx: Ctx, personId: number): Pathway {
  const db = ctx.db;
  if (!db.select({ id: persons.id }).from(persons).where(eq(persons.id, personId)).get()) throw notFound('personId');
  const personStays = db.select({ id: stays.id, entryDate: stays.entryDate, exitDate: stays.exitDate }).from(stays)
    .where(eq(stays.personId, personId)).orderBy(desc(stays.entryDate), desc(stays.id)).all();
  const personPlans = plansWithGoals(db, personStays.length
    ? db.select().from(plans).where(inArray(plans.stayId, personStays.map((s) => s.id))).all()
    : []);
  const delivered = interventionsOfPerson(db, personId);
  return {
    personId,
    stays: personStays.map((s) => ({ ...s, plan: personPlans.find((p) => p.stayId === s.id) ?? null })),
    ...delivered,
    staff: staffOptions(db),
  };
}

/** Creates the stay's plan (one per stay), or changes its agreement and next review dates. */
export function savePlan(ctx: Ctx, input: { stayId: number; agreedOn: string; reviewDue: string | null }): Plan {
  const id = write(ctx, (tx, audit) => {
    const stay = tx.select().from(stays).where(eq(stays.id, input.stayId)).get();
    if (!stay) throw notFound('stayId');
    if (input.reviewDue !== null && input.reviewDue < input.agreedOn) throw new DomainError('INVALID_PERIOD', { reviewDue: ['errors.INVALID_PERIOD'] });
    const existing = tx.select().from(plans).where(eq(plans.stayId, input.stayId)).get();
    if (!existing) {
      const { id } = tx.insert(plans).values({ stayId: stay.id, personId: stay.personId, agreedOn: input.agreedOn, reviewDue: input.reviewDue, createdAt: ctx.now.toISOString() })
        .returning({ id: plans.id }).get();
      audit({ action: 'plan.create', entity: 'plan', recordId: id, fields: ['stayId', 'agreedOn', ...(input.reviewDue ? ['reviewDue'] : [])] });
      return id;
    }
    const changed = (['agreedOn', 'reviewDue'] as const).filter((k) => existing[k] !== input[k]);
    if (changed.length) {
      tx.update(plans).set({ agreedOn: input.agreedOn, reviewDue: input.reviewDue }).where(eq(plans.id, existing.id)).run();
      audit({ action: 'plan.update', entity: 'plan', recordId: existing.id, fields: changed });
    }
    return existing.id;
  });
  return planOf(ctx.db, id);
}

export function addGoal(ctx: Ctx, input: { planId: number; area: PathwayArea; description: string; targetDate: string | null }): Plan {
  write(ctx, (tx, audit) => {
    const plan = tx.select().from(plans).where(eq(plans.id, input.planId)).get();
    if (!plan) throw notFound('planId');
    if (input.targetDate !== null && input.targetDate < plan.agreedOn) throw new DomainError('INVALID_PERIOD', { targetDate: ['errors.INVALID_PERIOD'] });
    const { id } = tx.insert(planGoals).values({ ...input, status: 'open', createdAt: ctx.now.toISOString() }).returning({ id: planGoals.id }).get();
    audit({ action: 'goal.create', entity: 'plan_goal', recordId: id, fields: ['planId', 'area', 'description', ...(input.targetDate ? ['targetDate'] : [])] });
  });
  return planOf(ctx.db, input.planId);
}

/** Reached or dropped (with a reason) on a date, or open again (the date and reason go). */
export function setGoalStatus(ctx: Ctx, input: { goalId: number; status: GoalStatus; date: string; dropReason: string | null }): Plan {
  const planId = write(ctx, (tx, audit) => {
    const goal = tx.select({ goal: planGoals, agreedOn: plans.agreedOn }).from(planGoals).innerJoin(plans, eq(plans.id, planGoals.planId))
      .where(eq(planGoals.id, input.goalId)).get();
    if (!goal) throw notFound('goalId');
    if (input.status !== 'open' && input.date < goal.agreedOn) throw new DomainError('INVALID_PERIOD', { date: ['errors.INVALID_PERIOD'] });
    if (input.date > ctx.today) throw new DomainError('INVALID_PERIOD', { date: ['errors.INVALID_PERIOD'] });
    const next = {
      status: input.status,
      statusDate: input.status === 'open' ? null : input.date,
      dropReason: input.status === 'dropped' ? input.dropReason : null,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => goal.goal[k] !== next[k]);
    if (changed.length) {
      tx.update(planGoals).set(next).where(eq(planGoals.id, input.goalId)).run();
      audit({ action: 'goal.status', entity: 'plan_goal', recordId: input.goalId, fields: changed });
    }
    return goal.goal.planId;
  });
  return planOf(ctx.db, planId);
}

/** A review: the goals as they stand are kept with it (the history), and the plan's next review date moves. */
export function reviewPlan(ctx: Ctx, input: { planId: number; reviewedOn: string; summary: string | null; nextReview: string | null }): Plan {
  write(ctx, (tx, audit) => {
    const plan = tx.select().from(plans).where(eq(plans.id, input.planId)).get();
    if (!plan) throw notFound('planId');
    if (input.reviewedOn < plan.agreedOn || input.reviewedOn > ctx.today) throw new DomainError('INVALID_PERIOD', { reviewedOn: ['errors.INVALID_PERIOD'] });
    if (input.nextReview !== null && input.nextReview <= input.reviewedOn) throw new DomainError('INVALID_PERIOD', { nextReview: ['errors.INVALID_PERIOD'] });
    const goals = tx.select({ goalId: planGoals.id, status: planGoals.status, targetDate: planGoals.targetDate }).from(planGoals)
      .where(eq(planGoals.planId, plan.id)).orderBy(asc(planGoals.id)).all();
    const { id } = tx.insert(planReviews).values({
      planId: plan.id, reviewedOn: input.reviewedOn, userId: ctx.user.id, goals: JSON.stringify(goals), summary: input.summary,
      nextReview: input.nextReview, createdAt: ctx.now.toISOString(),
    }).returning({ id: planReviews.id }).get();
    tx.update(plans).set({ reviewDue: input.nextReview }).where(eq(plans.id, plan.id)).run();
    audit({ action: 'plan.review', entity: 'plan_review', recordId: id, fields: ['reviewedOn', 'goals', ...(input.summary ? ['summary'] : []), ...(input.nextReview ? ['nextReview'] : [])] });
  });
  return planOf(ctx.db, input.planId);
}

/** How far ahead a plan review shows as due. */
const REVIEW_AHEAD_DAYS = 7;

/**
 * Reminders on Today, for open stays: plan reviews due within a week (overdue included) and open goals past
 * their target date. Operators see those of persons in their structures; admins and coordinators all.
 */
export function reminders(ctx: Ctx, date: string): { reviewsDue: ReminderRow[]; goalsPastTarget: ReminderRow[] } {
  const scope = ctx.user.role === 'operator' ? structuresOfUser(ctx.db, ctx.user.id) : null;
  if (scope !== null && scope.length === 0) return { reviewsDue: [], goalsPastTarget: [] };
  const structureId = personStructureSql(persons.id);
  const inScope = scope === null ? undefined : sql`${structureId} IN (${sql.join(scope.map((id) => sql`${id}`), sql`, `)})`;
  const label = sql<string>`CASE WHEN ${persons.restricted} THEN ${persons.code} ELSE ${persons.displayName} END`;
  const structureName = sql<string | null>`(SELECT ${structures.name} FROM ${structures} WHERE ${structures.id} = ${structureId})`;
  const base = { personId: persons.id, code: persons.code, label, structureName };
  const reviewsDue = ctx.db.select({ ...base, date: sql<string>`${plans.reviewDue}`, area: sql<null>`NULL` })
    .from(plans).innerJoin(stays, and(eq(stays.id, plans.stayId), isNull(stays.exitDate))).innerJoin(persons, eq(persons.id, plans.personId))
    .where(and(lte(plans.reviewDue, addDays(date, REVIEW_AHEAD_DAYS)), inScope))
    .orderBy(asc(plans.reviewDue), asc(persons.code)).limit(500).all();
  const goalsPastTarget = ctx.db.select({ ...base, date: sql<string>`${planGoals.targetDate}`, area: planGoals.area })
    .from(planGoals).innerJoin(plans, eq(plans.id, planGoals.planId))
    .innerJoin(stays, and(eq(stays.id, plans.stayId), isNull(stays.exitDate))).innerJoin(persons, eq(persons.id, plans.personId))
    .where(and(eq(planGoals.status, 'open'), lt(planGoals.targetDate, date), inScope))
    .orderBy(asc(planGoals.targetDate), asc(persons.code)).limit(500).all();
  return { reviewsDue, goalsPastTarget };
}
