// Housing contributions (docs/contributions.md): assessments with a suggested amount from the rule table,
// decisions (an approval never past the remaining budget without an audited override), contracts with a
// confidential address, planned instalments, payments cancelled but never edited or deleted.
// Money is integer cents: every sum here is an integer sum, in SQL or in sumCents.
import { and, asc, desc, eq, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { contributionSearchSchema, contributionsChannels, ContributionDetail, ContributionRow } from '../../shared/channels/contributions';
import {
  CONTRIBUTION_TYPES, DEFAULT_RULE_TABLES, suggestAmount, type ContributionType, type EmergencyLevel, type RuleTable, type Suggestion,
} from '../../shared/contributions';
import { DomainError } from '../../shared/errors';
import { sumCents } from '../../shared/money';
import type { Db } from '../db/connection';
import {
  contributionContracts, contributionDecisions, contributionInstalments, contributionPayments, contributionRuleTables, contributions,
  householdMembers, households, partners, persons, stays, users,
} from '../db/schema';
import { write, type Ctx } from './context';
import { householdIdOfPerson } from './households';
import { budgetRemaining } from './budgets';
import { MANAGERS } from '../../shared/schema-kit';

type Reader = Pick<Db, 'select'>;
type Input<C extends keyof typeof contributionsChannels> = z.output<(typeof contributionsChannels)[C]['input']>;
type Record_ = typeof contributions.$inferSelect;

const MANAGER_ROLES = new Set<string>(MANAGERS);
const notFound = (field: string) => new DomainError('NOT_FOUND', { [field]: ['errors.NOT_FOUND'] });

// ——— Rule table

/** The rule table in force for a type: the latest saved version, or the built-in example (version null). */
export function ruleTableOf(db: Reader, type: ContributionType): { table: RuleTable; id: number | null; at: string | null; userId: number | null } {
  const row = db.select().from(contributionRuleTables).where(eq(contributionRuleTables.type, type)).orderBy(desc(contributionRuleTables.id)).limit(1).get();
  return row ? { table: JSON.parse(row.rules) as RuleTable, id: row.id, at: row.at, userId: row.userId } : { table: DEFAULT_RULE_TABLES[type], id: null, at: null, userId: null };
}

export function ruleTables(ctx: Ctx) {
  return CONTRIBUTION_TYPES.map((type) => {
    const current = ruleTableOf(ctx.db, type);
    const byName = current.userId === null ? null : ctx.db.select({ name: users.displayName }).from(users).where(eq(users.id, current.userId)).get()?.name ?? null;
    return { type, table: current.table, version: current.id, savedAt: current.at, byName };
  });
}

/** Saves a new version of a type's rule table; assessments already made keep the suggestion they were given. */
export function saveRuleTable(ctx: Ctx, input: Input<'contributionRules.save'>) {
  write(ctx, (tx, audit) => {
    const { id } = tx.insert(contributionRuleTables).values({ type: input.type, rules: JSON.stringify(input.table), userId: ctx.user.id, at: ctx.now.toISOString() })
      .returning({ id: contributionRuleTables.id }).get();
    audit({ action: 'contribution.rules.save', entity: 'contribution_rules', recordId: id, fields: [`rules.${input.type}`] });
  });
  return ruleTables(ctx);
}

export function suggest(ctx: Ctx, input: { type: ContributionType; householdSize: number; emergencyLevel: EmergencyLevel; iseeCents: number | null }): Suggestion {
  return suggestAmount(ruleTableOf(ctx.db, input.type).table, input);
}

// ——— Reading

const rowColumns = {
  id: contributions.id, reference: contributions.reference, householdId: contributions.householdId, householdCode: contributions.householdCode,
  partnerName: partners.name, type: contributions.type, status: contributions.status, year: contributions.year,
  proposedCents: contributions.proposedCents, approvedCents: contributions.approvedCents, paidCents: contributions.paidCents,
  proposedAt: contributions.proposedAt, decidedAt: contributions.decidedAt,
  lastPaymentAt: sql<string | null>`(select max(p.date) from contribution_payments p where p.contribution_id = ${contributions.id} and p.cancelled_at is null)`,
};

function rowsQuery(db: Reader, where: SQL | undefined) {
  return db.select(rowColumns).from(contributions)
    .leftJoin(partners, eq(partners.id, contributions.partnerId))
    .where(where);
}

type Search = z.output<typeof contributionSearchSchema>;

function searchWhere(input: Search): SQL | undefined {
  const query = input.query.trim().toUpperCase();
  const escaped = query.replace(/[\\%_]/g, (c) => `\\${c}`);
  return and(
    query ? or(sql`${contributions.householdCode} like ${`%${escaped}%`} escape '\\'`, sql`${contributions.reference} like ${`%${escaped}%`} escape '\\'`) : undefined,
    input.status ? eq(contributions.status, input.status) : undefined,
    input.type ? eq(contributions.type, input.type) : undefined,
    input.year ? eq(contributions.year, input.year) : undefined,
    input.partnerId ? eq(contributions.partnerId, input.partnerId) : undefined,
    input.outstanding ? and(eq(contributions.status, 'approved'), sql`${contributions.paidCents} < ${contributions.approvedCents}`) : undefined,
  );
}

const SORT_COLUMNS = {
  reference: contributions.reference, householdCode: contributions.householdCode, type: contributions.type, status: contributions.status, year: contributions.year,
  proposedCents: contributions.proposedCents, approvedCents: contributions.approvedCents, paidCents: contributions.paidCents,
  proposedAt: contributions.proposedAt, decidedAt: contributions.decidedAt,
} as const;

/**
 * One page of the list, with the count and the money totals of everything the filter selects (not just the
 * page). Two steps: the page's ids from the contributions table alone (filter, sort and offset walk its
 * indexes, no join), then the rows of those ids with their joins and the last payment date — computed for
 * the 100 rows shown, never for the 10,000 sorted.
 */
export function listContributions(ctx: Ctx, input: Search): { rows: ContributionRow[]; total: number; totals: { proposedCents: number; approvedCents: number; paidCents: number } } {
  const where = searchWhere(input);
  const column = SORT_COLUMNS[input.sort];
  const order = input.direction === 'asc' ? asc(column) : desc(column);
  const ids = ctx.db.select({ id: contributions.id }).from(contributions).where(where)
    .orderBy(order, desc(contributions.id)).limit(input.limit).offset(input.offset).all().map((r) => r.id);
  const byId = new Map(ids.length ? rowsQuery(ctx.db, inArray(contributions.id, ids)).all().map((r) => [r.id, r]) : []);
  const totals = ctx.db.select({
    total: sql<number>`count(*)`,
    proposedCents: sql<number>`coalesce(sum(${contributions.proposedCents}), 0)`,
    approvedCents: sql<number>`coalesce(sum(case when ${contributions.status} = 'approved' then ${contributions.approvedCents} else 0 end), 0)`,
    paidCents: sql<number>`coalesce(sum(${contributions.paidCents}), 0)`,
  }).from(contributions).where(where).get()!;
  return {
    rows: ids.map((id) => byId.get(id)!).filter(Boolean),
    total: totals.total,
    totals: { proposedCents: totals.proposedCents, approvedCents: totals.approvedCents, paidCents: totals.paidCents },
  };
}

/** A household's contributions, or those of the household a person belongs to (newest first). */
export function contributionsOfHousehold(ctx: Ctx, owner: { householdId?: number | null; personId?: number | null }): ContributionRow[] {
  const householdId = owner.householdId ?? (owner.personId ? householdIdOfPerson(ctx.db, owner.personId) : null);
  if (householdId === null) return [];
  return rowsQuery(ctx.db, eq(contributions.householdId, householdId)).orderBy(desc(contributions.proposedAt), desc(contributions.id)).all();
}

function requireContribution(db: Reader, id: number): Record_ {
  const row = db.select().from(contributions).where(eq(contributions.id, id)).get();
  if (!row) throw notFound('id');
  return row;
}

export function contributionDetail(ctx: Ctx, id: number, db: Reader = ctx.db): ContributionDetail {
  const c = requireContribution(db, id);
  const row = rowsQuery(db, eq(contributions.id, id)).get()!;
  const members = db.select({ personId: persons.id, code: persons.code, displayName: persons.displayName, restricted: persons.restricted, relationship: householdMembers.relationship })
    .from(householdMembers).innerJoin(persons, eq(persons.id, householdMembers.personId))
    .where(eq(householdMembers.householdId, c.householdId))
    .orderBy(sql`${householdMembers.relationship} <> 'head'`, asc(persons.code)).all();
  const memberIds = members.map((m) => m.personId);
  const currentStay = memberIds.length > 0 && !!db.select({ id: stays.id }).from(stays)
    .where(and(inArray(stays.personId, memberIds), sql`${stays.entryDate} <= ${ctx.today}`, or(isNull(stays.exitDate), sql`${stays.exitDate} > ${ctx.today}`))).limit(1).get();

  const decisionRows = db.select({ d: contributionDecisions, byName: users.displayName, byRole: users.role })
    .from(contributionDecisions).leftJoin(users, eq(users.id, contributionDecisions.userId))
    .where(eq(contributionDecisions.contributionId, id)).orderBy(asc(contributionDecisions.id)).all();
  const lastApproval = [...decisionRows].reverse().find((r) => r.d.kind === 'approved')?.d.id ?? null;
  const decisions = decisionRows.map(({ d, byName, byRole }) => ({
    id: d.id, kind: d.kind, amountCents: d.amountCents, date: d.date, motivation: d.motivation, override: d.override,
    overrideReason: d.overrideReason, remainingCents: d.remainingCents, byName, byRole, at: d.at,
    superseded: d.kind === 'approved' && d.id !== lastApproval,
  }));

  const contractRow = db.select().from(contributionContracts).where(eq(contributionContracts.contributionId, id)).get();
  // Like a structure's address: operators work without it, coordinators and admins see it.
  const addressHidden = !MANAGER_ROLES.has(ctx.user.role);
  const contract = contractRow ? {
    kind: contractRow.kind, landlord: contractRow.landlord, address: addressHidden ? null : contractRow.address, addressHidden,
    startDate: contractRow.startDate, monthlyRentCents: contractRow.monthlyRentCents, durationMonths: contractRow.durationMonths,
  } : null;

  const instalments = db.select({ id: contributionInstalments.id, dueDate: contributionInstalments.dueDate, amountCents: contributionInstalments.amountCents })
    .from(contributionInstalments).where(eq(contributionInstalments.contributionId, id)).orderBy(asc(contributionInstalments.dueDate), asc(contributionInstalments.id)).all();
  let running = 0;
  const approved = c.status === 'approved' ? c.approvedCents ?? 0 : 0;
  const payments = db.select().from(contributionPayments).where(eq(contributionPayments.contributionId, id))
    .orderBy(asc(contributionPayments.date), asc(contributionPayments.id)).all()
    .map((p) => {
      if (p.cancelledAt === null) running += p.amountCents;
      return {
        id: p.id, date: p.date, amountCents: p.amountCents, method: p.method, receiptReference: p.receiptReference, recordedAt: p.recordedAt,
        cancelledAt: p.cancelledAt, cancelReason: p.cancelReason, runningPaidCents: running, balanceCents: approved - running,
      };
    });

  return {
    row, partnerId: c.partnerId,
    members: members.map(({ restricted, displayName, ...m }) => ({ ...m, displayName: restricted ? null : displayName })),
    currentStay,
    assessment: {
      householdSize: c.householdSize, monthlyIncomeCents: c.monthlyIncomeCents, iseeCents: c.iseeCents, housingSituation: c.housingSituation,
      emergencyLevel: c.emergencyLevel, notes: c.assessmentNotes, assessedAt: c.assessedAt,
    },
    suggestion: JSON.parse(c.suggestion) as Suggestion,
    paperReferences: c.paperReferences,
    decisions, contract, instalments, payments,
    budgetRemainingCents: budgetRemaining(db, c.year, c.type, c.partnerId).remainingCents,
  };
}

export function getContribution(ctx: Ctx, id: number): ContributionDetail {
  return contributionDetail(ctx, id);
}

// ——— Writing

/** 'CTB-2026-0001': the year's next number. */
function nextReference(tx: Reader, year: number): string {
  const prefix = `CTB-${year}-`;
  const last = tx.select({ reference: contributions.reference }).from(contributions)
    .where(like(contributions.reference, `${prefix}%`)).orderBy(desc(contributions.reference)).limit(1).get();
  const next = last ? Number(last.reference.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(next).padStart(4, '0')}`;
}

type Audit = Parameters<Parameters<typeof write>[1]>[1];

/** The household a contribution goes to: the one given, or the person's; a person in no household becomes a household of one. */
function ownerHousehold(tx: Db, ctx: Ctx, audit: Audit, owner: { householdId?: number | null; personId?: number | null }): number {
  if (owner.householdId) {
    if (!tx.select({ id: households.id }).from(households).where(eq(households.id, owner.householdId)).get()) throw notFound('householdId');
    return owner.householdId;
  }
  if (!owner.personId) throw new DomainError('INVALID_INPUT', { householdId: ['validation.required'] });
  if (!tx.select({ id: persons.id }).from(persons).where(eq(persons.id, owner.personId)).get()) throw notFound('personId');
  const existing = householdIdOfPerson(tx, owner.personId);
  if (existing !== null) return existing;
  const { id } = tx.insert(households).values({ headPersonId: owner.personId, createdAt: ctx.now.toISOString() }).returning({ id: households.id }).get();
  tx.insert(householdMembers).values({ householdId: id, personId: owner.personId, relationship: 'head' }).run();
  audit({ action: 'household.create', entity: 'household', recordId: id, fields: ['headPersonId', 'members'] });
  return id;
}

type Assessment = Input<'contributions.create'>['assessment'];

function assessmentColumns(tx: Reader, type: ContributionType, a: Assessment) {
  const rules = ruleTableOf(tx, type);
  const suggestion = suggestAmount(rules.table, a);
  return {
    householdSize: a.householdSize, monthlyIncomeCents: a.monthlyIncomeCents, iseeCents: a.iseeCents, housingSituation: a.housingSituation,
    emergencyLevel: a.emergencyLevel, assessmentNotes: a.notes, assessedAt: a.assessedAt,
    suggestedCents: suggestion.suggestedCents, suggestion: JSON.stringify(suggestion), ruleTableId: rules.id,
  };
}

function refuseFuture(ctx: Ctx, date: string, field: string): void {
  if (date > ctx.today) throw new DomainError('DATE_IN_FUTURE', { [field]: ['errors.DATE_IN_FUTURE'] });
}

export function createContribution(ctx: Ctx, input: Input<'contributions.create'>): ContributionDetail {
  refuseFuture(ctx, input.assessment.assessedAt, 'assessment.assessedAt');
  const id = write(ctx, (tx, audit) => {
    const householdId = ownerHousehold(tx, ctx, audit, input);
    if (input.partnerId && !tx.select({ id: partners.id }).from(partners).where(eq(partners.id, input.partnerId)).get()) throw notFound('partnerId');
    const year = Number(ctx.today.slice(0, 4));
    const householdCode = tx.select({ code: persons.code }).from(households).innerJoin(persons, eq(persons.id, households.headPersonId))
      .where(eq(households.id, householdId)).get()!.code;
    const created = tx.insert(contributions).values({
      reference: nextReference(tx, year), householdId, householdCode, partnerId: input.partnerId ?? null, type: input.type, status: 'proposed', year,
      proposedCents: input.proposedCents, proposedAt: ctx.today, paperReferences: input.paperReferences, createdAt: ctx.now.toISOString(),
      ...assessmentColumns(tx, input.type, input.assessment),
    }).returning({ id: contributions.id }).get();
    tx.insert(contributionDecisions).values({
      contributionId: created.id, kind: 'proposed', amountCents: input.proposedCents, date: ctx.today, userId: ctx.user.id, at: ctx.now.toISOString(),
    }).run();
    audit({
      action: 'contribution.create', entity: 'contribution', recordId: created.id,
      fields: ['householdId', 'partnerId', 'type', 'proposedCents', 'assessment', ...(input.paperReferences ? ['paperReferences'] : [])],
    });
    return created.id;
  });
  return contributionDetail(ctx, id);
}

export function reassess(ctx: Ctx, input: Input<'contributions.reassess'>): ContributionDetail {
  refuseFuture(ctx, input.assessment.assessedAt, 'assessment.assessedAt');
  write(ctx, (tx, audit) => {
    const c = requireContribution(tx, input.id);
    if (c.status !== 'proposed') throw new DomainError('CONTRIBUTION_NOT_EDITABLE', { id: ['errors.CONTRIBUTION_NOT_EDITABLE'] });
    tx.update(contributions).set({ ...assessmentColumns(tx, c.type, input.assessment), proposedCents: input.proposedCents, paperReferences: input.paperReferences })
      .where(eq(contributions.id, c.id)).run();
    const fields = ['assessment'];
    if (input.proposedCents !== c.proposedCents) {
      tx.insert(contributionDecisions).values({
        contributionId: c.id, kind: 'proposed', amountCents: input.proposedCents, date: ctx.today, userId: ctx.user.id, at: ctx.now.toISOString(),
      }).run();
      fields.push('proposedCents');
    }
    if (input.paperReferences !== c.paperReferences) fields.push('paperReferences');
    audit({ action: 'contribution.reassess', entity: 'contribution', recordId: c.id, fields });
  });
  return contributionDetail(ctx, input.id);
}

export function setPaperReferences(ctx: Ctx, input: Input<'contributions.setPaperReferences'>): ContributionDetail {
  write(ctx, (tx, audit) => {
    requireContribution(tx, input.id);
    tx.update(contributions).set({ paperReferences: input.paperReferences }).where(eq(contributions.id, input.id)).run();
    audit({ action: 'contribution.paperReferences', entity: 'contribution', recordId: input.id, fields: ['paperReferences'] });
  });
  return contributionDetail(ctx, input.id);
}

/**
 * Approves a proposal, or revises an approval with a new decision (the earlier one stays in the history).
 * The year charged is the decision date's. Past the remaining budget of that year and type (and partner
 * share, where split) it is refused with the remaining amount — unless an override reason is given, which
 * is kept on the decision, audited and listed on the budget page.
 */
export function approve(ctx: Ctx, input: Input<'contributions.approve'>): ContributionDetail {
  refuseFuture(ctx, input.date, 'date');
  write(ctx, (tx, audit) => {
    const c = requireContribution(tx, input.id);
    if (c.status !== 'proposed' && c.status !== 'approved') throw new DomainError('CONTRIBUTION_NOT_EDITABLE', { id: ['errors.CONTRIBUTION_NOT_EDITABLE'] });
    if (input.amountCents < c.paidCents)
      throw new DomainError('AMOUNT_BELOW_PAID', { amountCents: ['errors.AMOUNT_BELOW_PAID'] }, { paidCents: c.paidCents });
    const year = Number(input.date.slice(0, 4));
    const { remainingCents } = budgetRemaining(tx, year, c.type, c.partnerId);
    // A revision in the same year only needs room for the difference.
    const alreadyCharged = c.status === 'approved' && c.year === year ? c.approvedCents ?? 0 : 0;
    const available = remainingCents + alreadyCharged;
    const over = input.amountCents > available;
    if (over && !input.overrideReason)
      throw new DomainError('OVER_BUDGET', { amountCents: ['errors.OVER_BUDGET'] }, { remainingCents: available });
    tx.insert(contributionDecisions).values({
      contributionId: c.id, kind: 'approved', amountCents: input.amountCents, date: input.date, motivation: input.motivation,
      remainingCents: available, override: over, overrideReason: over ? input.overrideReason : null, userId: ctx.user.id, at: ctx.now.toISOString(),
    }).run();
    tx.update(contributions).set({ status: 'approved', approvedCents: input.amountCents, decidedAt: input.date, year }).where(eq(contributions.id, c.id)).run();
    audit({
      action: over ? 'contribution.approve.override' : c.status === 'approved' ? 'contribution.revise' : 'contribution.approve',
      entity: 'contribution', recordId: c.id, fields: ['status', 'approvedCents', 'decidedAt', 'motivation', ...(over ? ['overrideReason'] : [])],
    });
  });
  return contributionDetail(ctx, input.id);
}

function close(ctx: Ctx, input: { id: number; date: string; motivation: string }, kind: 'rejected' | 'withdrawn'): ContributionDetail {
  refuseFuture(ctx, input.date, 'date');
  write(ctx, (tx, audit) => {
    const c = requireContribution(tx, input.id);
    const allowed = kind === 'rejected' ? c.status === 'proposed'
      : c.status === 'proposed' || (c.status === 'approved' && MANAGER_ROLES.has(ctx.user.role));
    if (!allowed) throw new DomainError(c.status === 'approved' ? 'FORBIDDEN' : 'CONTRIBUTION_NOT_EDITABLE', { id: [`errors.${c.status === 'approved' ? 'FORBIDDEN' : 'CONTRIBUTION_NOT_EDITABLE'}`] });
    if (c.paidCents > 0) throw new DomainError('CONTRIBUTION_HAS_PAYMENTS', { id: ['errors.CONTRIBUTION_HAS_PAYMENTS'] });
    tx.insert(contributionDecisions).values({
      contributionId: c.id, kind, amountCents: null, date: input.date, motivation: input.motivation, userId: ctx.user.id, at: ctx.now.toISOString(),
    }).run();
    tx.update(contributions).set({ status: kind, approvedCents: null, decidedAt: input.date }).where(eq(contributions.id, c.id)).run();
    audit({ action: kind === 'rejected' ? 'contribution.reject' : 'contribution.withdraw', entity: 'contribution', recordId: c.id, fields: ['status', 'decidedAt', 'motivation'] });
  });
  return contributionDetail(ctx, input.id);
}

export const reject = (ctx: Ctx, input: Input<'contributions.reject'>) => close(ctx, input, 'rejected');
export const withdraw = (ctx: Ctx, input: Input<'contributions.withdraw'>) => close(ctx, input, 'withdrawn');

export function saveContract(ctx: Ctx, input: Input<'contributions.saveContract'>): ContributionDetail {
  write(ctx, (tx, audit) => {
    const c = requireContribution(tx, input.id);
    if (c.status === 'rejected' || c.status === 'withdrawn') throw new DomainError('CONTRIBUTION_NOT_EDITABLE', { id: ['errors.CONTRIBUTION_NOT_EDITABLE'] });
    const existing = tx.select().from(contributionContracts).where(eq(contributionContracts.contributionId, c.id)).get();
    // An operator never sees the address, so her form cannot carry it: what is stored stays.
    const address = MANAGER_ROLES.has(ctx.user.role) ? input.contract.address : existing?.address ?? null;
    const values = { ...input.contract, address };
    if (existing) tx.update(contributionContracts).set(values).where(eq(contributionContracts.contributionId, c.id)).run();
    else tx.insert(contributionContracts).values({ contributionId: c.id, ...values }).run();
    const fields = Object.keys(values).filter((k) => (existing ? existing[k as keyof typeof values] !== values[k as keyof typeof values] : values[k as keyof typeof values] !== null));
    audit({ action: 'contribution.contract', entity: 'contribution', recordId: c.id, fields: fields.map((f) => `contract.${f}`) });
  });
  return contributionDetail(ctx, input.id);
}

function requireApproved(c: Record_): number {
  if (c.status !== 'approved' || c.approvedCents === null) throw new DomainError('CONTRIBUTION_NOT_APPROVED', { id: ['errors.CONTRIBUTION_NOT_APPROVED'] });
  return c.approvedCents;
}

export function addInstalment(ctx: Ctx, input: Input<'contributions.addInstalment'>): ContributionDetail {
  write(ctx, (tx, audit) => {
    const c = requireContribution(tx, input.id);
    const approved = requireApproved(c);
    const planned = tx.select({ amountCents: contributionInstalments.amountCents }).from(contributionInstalments)
      .where(eq(contributionInstalments.contributionId, c.id)).all();
    const after = sumCents(planned.map((p) => p.amountCents)) + input.amountCents;
    if (after > approved)
      throw new DomainError('INSTALMENTS_EXCEED_APPROVED', { amountCents: ['errors.INSTALMENTS_EXCEED_APPROVED'] }, { remainingCents: approved - (after - input.amountCents) });
    const { id } = tx.insert(contributionInstalments).values({ contributionId: c.id, dueDate: input.dueDate, amountCents: input.amountCents }).returning({ id: contributionInstalments.id }).get();
    audit({ action: 'contribution.instalment.add', entity: 'contribution', recordId: c.id, fields: [`instalment.${id}`] });
  });
  return contributionDetail(ctx, input.id);
}

/** A plan can change: a planned instalment (not a payment) can be removed. */
export function removeInstalment(ctx: Ctx, input: Input<'contributions.removeInstalment'>): ContributionDetail {
  const contributionId = write(ctx, (tx, audit) => {
    const row = tx.select().from(contributionInstalments).where(eq(contributionInstalments.id, input.instalmentId)).get();
    if (!row) throw notFound('instalmentId');
    tx.delete(contributionInstalments).where(eq(contributionInstalments.id, row.id)).run();
    audit({ action: 'contribution.instalment.remove', entity: 'contribution', recordId: row.contributionId, fields: [`instalment.${row.id}`] });
    return row.contributionId;
  });
  return contributionDetail(ctx, contributionId);
}

export function recordPayment(ctx: Ctx, input: Input<'payments.record'>): ContributionDetail {
  refuseFuture(ctx, input.date, 'date');
  write(ctx, (tx, audit) => {
    const c = requireContribution(tx, input.contributionId);
    const approved = requireApproved(c);
    if (c.decidedAt && input.date < c.decidedAt) throw new DomainError('PAYMENT_BEFORE_APPROVAL', { date: ['errors.PAYMENT_BEFORE_APPROVAL'] });
    if (c.paidCents + input.amountCents > approved)
      throw new DomainError('PAYMENT_EXCEEDS_APPROVED', { amountCents: ['errors.PAYMENT_EXCEEDS_APPROVED'] }, { remainingCents: approved - c.paidCents });
    const { id } = tx.insert(contributionPayments).values({
      contributionId: c.id, date: input.date, amountCents: input.amountCents, method: input.method, receiptReference: input.receiptReference,
      userId: ctx.user.id, recordedAt: ctx.now.toISOString(),
    }).returning({ id: contributionPayments.id }).get();
    tx.update(contributions).set({ paidCents: c.paidCents + input.amountCents }).where(eq(contributions.id, c.id)).run();
    audit({ action: 'payment.record', entity: 'contribution_payment', recordId: id, fields: ['contributionId', 'date', 'amountCents', 'method', ...(input.receiptReference ? ['receiptReference'] : [])] });
  });
  return contributionDetail(ctx, input.contributionId);
}

/** Cancels a payment with a reason: it stays listed (and in the ledger, marked), and counts nothing. */
export function cancelPayment(ctx: Ctx, input: Input<'payments.cancel'>): ContributionDetail {
  const contributionId = write(ctx, (tx, audit) => {
    const p = tx.select().from(contributionPayments).where(eq(contributionPayments.id, input.paymentId)).get();
    if (!p) throw notFound('paymentId');
    if (p.cancelledAt) throw new DomainError('PAYMENT_CANCELLED', { paymentId: ['errors.PAYMENT_CANCELLED'] });
    tx.update(contributionPayments).set({ cancelledAt: ctx.now.toISOString(), cancelReason: input.reason, cancelledBy: ctx.user.id }).where(eq(contributionPayments.id, p.id)).run();
    tx.update(contributions).set({ paidCents: sql`${contributions.paidCents} - ${p.amountCents}` }).where(eq(contributions.id, p.contributionId)).run();
    audit({ action: 'payment.cancel', entity: 'contribution_payment', recordId: p.id, fields: ['cancelledAt', 'cancelReason'] });
    return p.contributionId;
  });
  return contributionDetail(ctx, contributionId);
}

// ——— Privacy hooks (electron/core/privacy)

/** The contributions of the person's household, for the subject-access document (contract address included: it is the person's own). */
export function contributionsForSubjectAccess(db: Reader, personId: number) {
  const householdId = householdIdOfPerson(db, personId);
  if (householdId === null) return { ids: [] as number[], paymentIds: [] as number[], contributions: [] };
  const rows = db.select().from(contributions).where(eq(contributions.householdId, householdId)).orderBy(asc(contributions.id)).all();
  const ids = rows.map((r) => r.id);
  if (!ids.length) return { ids, paymentIds: [] as number[], contributions: [] };
  const decisions = db.select().from(contributionDecisions).where(inArray(contributionDecisions.contributionId, ids)).orderBy(asc(contributionDecisions.id)).all();
  const contracts = db.select().from(contributionContracts).where(inArray(contributionContracts.contributionId, ids)).all();
  const payments = db.select().from(contributionPayments).where(inArray(contributionPayments.contributionId, ids)).orderBy(asc(contributionPayments.date), asc(contributionPayments.id)).all();
  return {
    ids,
    paymentIds: payments.map((p) => p.id),
    contributions: rows.map((r) => ({
      reference: r.reference, type: r.type, status: r.status, year: r.year, proposedCents: r.proposedCents, approvedCents: r.approvedCents, paidCents: r.paidCents,
      assessment: {
        householdSize: r.householdSize, monthlyIncomeCents: r.monthlyIncomeCents, iseeCents: r.iseeCents, housingSituation: r.housingSituation,
        emergencyLevel: r.emergencyLevel, notes: r.assessmentNotes, assessedAt: r.assessedAt,
      },
      suggestedCents: r.suggestedCents,
      decisions: decisions.filter((d) => d.contributionId === r.id).map((d) => ({ kind: d.kind, amountCents: d.amountCents, date: d.date, motivation: d.motivation })),
      contract: (({ contributionId: _c, ...rest }) => rest)(contracts.find((k) => k.contributionId === r.id) ?? { contributionId: 0 }),
      payments: payments.filter((p) => p.contributionId === r.id).map((p) => ({
        date: p.date, amountCents: p.amountCents, method: p.method, receiptReference: p.receiptReference, cancelledAt: p.cancelledAt, cancelReason: p.cancelReason,
      })),
    })),
  };
}

/**
 * Anonymisation of a household member: the household's contributions keep amounts, dates, types and
 * decisions (the budget and the ledger still add up) and lose what identifies where and how the household
 * lives: the landlord, the address, the assessment notes and the decisions' free-text motivations.
 * Override reasons stay: they justify spending public money past a budget. Returns the cleared fields.
 */
export function anonymiseContributionsOf(tx: Db, personId: number): string[] {
  const householdId = householdIdOfPerson(tx, personId);
  if (householdId === null) return [];
  const ids = tx.select({ id: contributions.id }).from(contributions).where(eq(contributions.householdId, householdId)).all().map((r) => r.id);
  if (!ids.length) return [];
  const cleared: string[] = [];
  const changed = (result: { changes: number }) => result.changes > 0;
  if (changed(tx.update(contributionContracts).set({ landlord: null, address: null })
    .where(and(inArray(contributionContracts.contributionId, ids), or(sql`${contributionContracts.landlord} is not null`, sql`${contributionContracts.address} is not null`))).run()))
    cleared.push('contributions.contract.landlord', 'contributions.contract.address');
  if (changed(tx.update(contributions).set({ assessmentNotes: null }).where(and(inArray(contributions.id, ids), sql`${contributions.assessmentNotes} is not null`)).run()))
    cleared.push('contributions.assessmentNotes');
  if (changed(tx.update(contributionDecisions).set({ motivation: null }).where(and(inArray(contributionDecisions.contributionId, ids), sql`${contributionDecisions.motivation} is not null`)).run()))
    cleared.push('contributions.decisions.motivation');
  return cleared;
}
