// The yearly budget of housing contributions per type, optionally split per partner (docs/contributions.md).
// A type's budget is the sum of its rows in force: one for the whole type and/or one per partner share.
// Approved = the current approvals charged to the year; committed = approved − paid; remaining = budget − approved.
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { BudgetPage } from '../../shared/channels/contributions';
import { budgetUse, CONTRIBUTION_TYPES, type ContributionType } from '../../shared/contributions';
import { DomainError } from '../../shared/errors';
import type { Db } from '../db/connection';
import { budgetEntries, contributionDecisions, contributionPayments, contributions, partners, users } from '../db/schema';
import { write, type Ctx } from './context';

type Reader = Pick<Db, 'select'>;

/** The budget rows in force for a year: the latest entry per (type, partner) (also the monthly summary's budgets). */
export function budgetsInForce(db: Reader, year: number): { type: ContributionType; partnerId: number | null; amountCents: number }[] {
  return db.select({ type: budgetEntries.type, partnerId: budgetEntries.partnerId, amountCents: budgetEntries.amountCents })
    .from(budgetEntries)
    .where(and(eq(budgetEntries.year, year), sql`${budgetEntries.id} = (select max(b.id) from budget_entries b where b.year = ${budgetEntries.year}
      and b.type = ${budgetEntries.type} and b.partner_id is ${budgetEntries.partnerId})`))
    .all();
}

function approvedOf(db: Reader, year: number, type: ContributionType, partnerId?: number | null): number {
  return db.select({ sum: sql<number>`coalesce(sum(${contributions.approvedCents}), 0)` }).from(contributions)
    .where(and(eq(contributions.year, year), eq(contributions.type, type), eq(contributions.status, 'approved'),
      partnerId === undefined ? undefined : partnerId === null ? isNull(contributions.partnerId) : eq(contributions.partnerId, partnerId)))
    .get()!.sum;
}

/**
 * What an approval of this year and type may still take: the type's budget minus its approvals; where the
 * partner has a share of its own, also no more than that share's remainder. No budget set: nothing remains.
 */
export function budgetRemaining(db: Reader, year: number, type: ContributionType, partnerId: number | null): { remainingCents: number } {
  const rows = budgetsInForce(db, year).filter((r) => r.type === type);
  let remaining = rows.reduce((sum, r) => sum + r.amountCents, 0) - approvedOf(db, year, type);
  const share = partnerId === null ? undefined : rows.find((r) => r.partnerId === partnerId);
  if (share) remaining = Math.min(remaining, share.amountCents - approvedOf(db, year, type, partnerId));
  return { remainingCents: remaining };
}

export function budgetPage(ctx: Ctx, year: number, db: Reader = ctx.db): BudgetPage {
  const inForce = budgetsInForce(db, year);
  const partnerNames = new Map(db.select({ id: partners.id, name: partners.name }).from(partners).all().map((p) => [p.id, p.name]));
  // One pass over the year's approvals, per type and partner.
  const sums = db.select({
    type: contributions.type, partnerId: contributions.partnerId,
    approved: sql<number>`coalesce(sum(${contributions.approvedCents}), 0)`, paid: sql<number>`coalesce(sum(${contributions.paidCents}), 0)`,
  }).from(contributions).where(and(eq(contributions.year, year), eq(contributions.status, 'approved')))
    .groupBy(contributions.type, contributions.partnerId).all();

  const line = (type: ContributionType, partnerId: number | null, budgetCents: number, approved: number, paid: number) => {
    const use = budgetUse(budgetCents, approved);
    return {
      type, partnerId, partnerName: partnerId === null ? null : partnerNames.get(partnerId) ?? null, budgetCents,
      committedCents: approved - paid, paidCents: paid, remainingCents: budgetCents - approved, usedPermille: use.permille, warning: use.warning,
    };
  };
  const lines: BudgetPage['lines'] = [];
  for (const type of CONTRIBUTION_TYPES) {
    const rows = inForce.filter((r) => r.type === type);
    const ofType = sums.filter((s) => s.type === type);
    lines.push(line(type, null, rows.reduce((sum, r) => sum + r.amountCents, 0), ofType.reduce((sum, s) => sum + s.approved, 0), ofType.reduce((sum, s) => sum + s.paid, 0)));
    for (const share of rows.filter((r) => r.partnerId !== null)) {
      const s = ofType.find((x) => x.partnerId === share.partnerId);
      lines.push(line(type, share.partnerId, share.amountCents, s?.approved ?? 0, s?.paid ?? 0));
    }
  }
  const typeLines = lines.filter((l) => l.partnerId === null);
  const total = (key: 'budgetCents' | 'committedCents' | 'paidCents' | 'remainingCents') => typeLines.reduce((sum, l) => sum + l[key], 0);

  const approvedByMonth = db.select({ month: sql<number>`cast(substr(${contributions.decidedAt}, 6, 2) as integer)`, sum: sql<number>`sum(${contributions.approvedCents})` })
    .from(contributions).where(and(eq(contributions.year, year), eq(contributions.status, 'approved'))).groupBy(sql`1`).all();
  const paidByMonth = db.select({ month: sql<number>`cast(substr(${contributionPayments.date}, 6, 2) as integer)`, sum: sql<number>`sum(${contributionPayments.amountCents})` })
    .from(contributionPayments).innerJoin(contributions, eq(contributions.id, contributionPayments.contributionId))
    .where(and(eq(contributions.year, year), eq(contributions.status, 'approved'), isNull(contributionPayments.cancelledAt),
      sql`substr(${contributionPayments.date}, 1, 4) = ${String(year)}`))
    .groupBy(sql`1`).all();
  let cumulativeApproved = 0;
  let cumulativePaid = 0;
  const months = Array.from({ length: 12 }, (_, i) => {
    const approvedCents = approvedByMonth.find((m) => m.month === i + 1)?.sum ?? 0;
    const paidCents = paidByMonth.find((m) => m.month === i + 1)?.sum ?? 0;
    cumulativeApproved += approvedCents;
    cumulativePaid += paidCents;
    return { month: i + 1, approvedCents, paidCents, cumulativeApprovedCents: cumulativeApproved, cumulativePaidCents: cumulativePaid };
  });

  const overrides = db.select({
    contributionId: contributions.id, reference: contributions.reference, householdCode: contributions.householdCode, type: contributions.type,
    date: contributionDecisions.date, amountCents: contributionDecisions.amountCents, remainingCents: contributionDecisions.remainingCents,
    reason: contributionDecisions.overrideReason, byName: users.displayName,
  }).from(contributionDecisions)
    .innerJoin(contributions, eq(contributions.id, contributionDecisions.contributionId))
    .leftJoin(users, eq(users.id, contributionDecisions.userId))
    .where(and(eq(contributionDecisions.override, true), sql`substr(${contributionDecisions.date}, 1, 4) = ${String(year)}`))
    .orderBy(asc(contributionDecisions.date), asc(contributionDecisions.id)).all()
    .map((o) => ({ ...o, amountCents: o.amountCents ?? 0 }));

  const history = db.select({ type: budgetEntries.type, partnerId: budgetEntries.partnerId, amountCents: budgetEntries.amountCents, note: budgetEntries.note, at: budgetEntries.at, byName: users.displayName })
    .from(budgetEntries).leftJoin(users, eq(users.id, budgetEntries.userId))
    .where(eq(budgetEntries.year, year)).orderBy(desc(budgetEntries.id)).all()
    .map(({ partnerId, ...h }) => ({ ...h, partnerName: partnerId === null ? null : partnerNames.get(partnerId) ?? null }));

  return {
    year, lines,
    totals: { budgetCents: total('budgetCents'), committedCents: total('committedCents'), paidCents: total('paidCents'), remainingCents: total('remainingCents') },
    months, overrides, history,
  };
}

/** Sets (or changes) a budget: a new row, the earlier ones stay as its history. */
export function setBudget(ctx: Ctx, input: { year: number; type: ContributionType; partnerId?: number | null; amountCents: number; note: string | null }): BudgetPage {
  write(ctx, (tx, audit) => {
    if (input.partnerId && !tx.select({ id: partners.id }).from(partners).where(eq(partners.id, input.partnerId)).get())
      throw new DomainError('NOT_FOUND', { partnerId: ['errors.NOT_FOUND'] });
    const { id } = tx.insert(budgetEntries).values({
      year: input.year, type: input.type, partnerId: input.partnerId ?? null, amountCents: input.amountCents, note: input.note, userId: ctx.user.id, at: ctx.now.toISOString(),
    }).returning({ id: budgetEntries.id }).get();
    audit({ action: 'budget.set', entity: 'budget', recordId: id, fields: ['year', 'type', ...(input.partnerId ? ['partnerId'] : []), 'amountCents', ...(input.note ? ['note'] : [])] });
  });
  return budgetPage(ctx, input.year);
}
