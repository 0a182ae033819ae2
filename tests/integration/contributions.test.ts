// Housing contributions on a real encrypted register, through the dispatcher: suggestions from the rule
// table, the budget rule with its override, roles, payments and their cancellation, exact money totals,
// anonymisation and subject access.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, sql } from 'drizzle-orm';
import type { AppCore } from '../../electron/core/app';
import { verifyAuditChain } from '../../electron/core/audit';
import * as t from '../../electron/core/db/schema';
import { ctxOf } from '../../electron/core/services/context';
import { recordPayment } from '../../electron/core/services/contributions';
import type { ChannelInput } from '../../electron/shared/contract';
import { suggestAmount, type RuleTable } from '../../electron/shared/contributions';
import { todayInRome } from '../../electron/shared/dates';
import { ADMIN, OPERATOR, call, cleanupDirs, copyOf, core, login, makeTemplate, refusal } from './helpers';
import { buildRegister, registerDb } from './register-fixtures';

let app: AppCore;
const today = todayInRome();
const year = Number(today.slice(0, 4));
const OPERATOR_SECOND = 'operator second passphrase';

beforeAll(async () => {
  app = core(copyOf(await makeTemplate()));
  // The operator's first passphrase is replaced once, so the tests can switch to her.
  await login(app, OPERATOR.username, OPERATOR.passphrase);
  await call(app, 'account.changePassphrase', { current: OPERATOR.passphrase, passphrase: OPERATOR_SECOND, passphraseRepeat: OPERATOR_SECOND });
  app.lock();
  await login(app, ADMIN.username, ADMIN.passphrase);
}, 120_000);
afterAll(() => {
  app.lock();
  cleanupDirs();
});

const db = () => registerDb(app);
const asOperator = async () => { app.lock(); await login(app, OPERATOR.username, OPERATOR_SECOND); };
const asAdmin = async () => { app.lock(); await login(app, ADMIN.username, ADMIN.passphrase); };

/** A household of three and a woman alone (no household yet), with no stay: people already in a private rental. */
const scene = () => buildRegister(db(), {
  persons: [{ key: 'mother', birthDate: '1990-05-01' }, { key: 'child', birthDate: '2016-03-10' }, { key: 'child2', birthDate: '2019-01-01' }, { key: 'alone', birthDate: '1985-01-01' }],
  households: [{ key: 'family', head: 'mother', members: { child: 'child', child2: 'child' } }],
});

const assessment = (over: Partial<ChannelInput<'contributions.create'>['assessment']> = {}) => ({
  householdSize: 3, monthlyIncomeCents: 45_000, iseeCents: 320_000, housingSituation: 'programme_shelter' as const,
  emergencyLevel: 'high' as const, notes: 'Sfratto in corso; parla con il servizio sociale di zona.', assessedAt: today, ...over,
});

let budgetType: 'rental_start' | 'sublet_start' | 'social_housing' | 'host_family_reimbursement' = 'social_housing';
async function createFor(householdId: number, proposedCents: number, type = budgetType) {
  return call(app, 'contributions.create', { householdId, type, assessment: assessment(), proposedCents });
}

/** Row counts of everything the contribution services write, and the audit length. */
function moneyState(): string {
  const n = (table: string) => db().get<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`)).n;
  return JSON.stringify([
    ['contributions', 'contribution_decisions', 'contribution_payments', 'contribution_instalments', 'budget_entries', 'audit_events'].map(n),
    db().select().from(t.contributions).orderBy(t.contributions.id).all(),
  ]);
}
async function refusedUnwritten(channel: string, input: unknown) {
  const before = moneyState();
  const error = await refusal(app, channel, input);
  expect(moneyState()).toBe(before);
  return error;
}

describe('suggested amount from the rule table', () => {
  const table: RuleTable = {
    capCents: 250_000,
    bands: [
      { householdMin: 1, householdMax: 2, emergencyMin: 'high', iseeMaxCents: 500_000, baseCents: 100_000, perExtraMemberCents: 50_000, capCents: null },
      { householdMin: 3, householdMax: null, emergencyMin: null, iseeMaxCents: 500_000, baseCents: 120_000, perExtraMemberCents: 40_000, capCents: 200_000 },
      { householdMin: 1, householdMax: null, emergencyMin: null, iseeMaxCents: null, baseCents: 40_000, perExtraMemberCents: 10_000, capCents: null },
    ],
  };

  it('takes the first band that matches, adds each further member, applies band and type caps, and explains it', () => {
    expect(suggestAmount(table, { householdSize: 2, emergencyLevel: 'critical', iseeCents: 500_000 }))
      .toMatchObject({ suggestedCents: 150_000, band: 1, rawCents: 150_000, extraMembers: 1, cappedBy: null });
    // ISEE one cent above the band's limit: the catch-all band.
    expect(suggestAmount(table, { householdSize: 2, emergencyLevel: 'critical', iseeCents: 500_001 })).toMatchObject({ band: 3, suggestedCents: 50_000 });
    // Emergency below "at least high": not band 1.
    expect(suggestAmount(table, { householdSize: 1, emergencyLevel: 'medium', iseeCents: 0 })).toMatchObject({ band: 3, suggestedCents: 40_000 });
    // Household size 3 (first of band 2): 120 000 + 2 × 40 000 = 200 000, exactly the band cap: not capped.
    expect(suggestAmount(table, { householdSize: 3, emergencyLevel: 'low', iseeCents: 100 })).toMatchObject({ band: 2, rawCents: 200_000, suggestedCents: 200_000, cappedBy: null });
    expect(suggestAmount(table, { householdSize: 4, emergencyLevel: 'low', iseeCents: 100 })).toMatchObject({ band: 2, rawCents: 240_000, suggestedCents: 200_000, cappedBy: 'band', capCents: 200_000 });
    // An ISEE not given matches only bands without an ISEE limit.
    expect(suggestAmount(table, { householdSize: 4, emergencyLevel: 'low', iseeCents: null })).toMatchObject({ band: 3, suggestedCents: 70_000 });
    // The type's cap over a band without one.
    const big = { ...table, bands: [{ ...table.bands[2]!, baseCents: 300_000 }] };
    expect(suggestAmount(big, { householdSize: 1, emergencyLevel: 'low', iseeCents: null })).toMatchObject({ rawCents: 300_000, suggestedCents: 250_000, cappedBy: 'type', capCents: 250_000 });
    expect(suggestAmount({ capCents: null, bands: [] }, { householdSize: 1, emergencyLevel: 'low', iseeCents: null })).toMatchObject({ suggestedCents: null, band: null });
  });

  it('stores the suggestion of the rule table in force at the assessment; a later rule change leaves it as it was', async () => {
    const ids = scene();
    await call(app, 'contributionRules.save', { type: 'sublet_start', table });
    const created = await call(app, 'contributions.create', { householdId: ids.households.family, type: 'sublet_start', assessment: assessment({ householdSize: 4, emergencyLevel: 'low', iseeCents: 100 }), proposedCents: 200_000 });
    expect(created.suggestion).toMatchObject({ suggestedCents: 200_000, band: 2, cappedBy: 'band' });
    await call(app, 'contributionRules.save', { type: 'sublet_start', table: { capCents: 10_000, bands: table.bands } });
    expect((await call(app, 'contributions.get', { id: created.row.id })).suggestion.suggestedCents).toBe(200_000);
    expect((await call(app, 'contributions.suggest', { type: 'sublet_start', householdSize: 4, emergencyLevel: 'low', iseeCents: 100 })).suggestedCents).toBe(10_000);
    const rules = await call(app, 'contributionRules.get', {});
    expect(rules.find((r) => r.type === 'sublet_start')!.table.capCents).toBe(10_000);
  });

  it('refuses a band whose household range is reversed, with the field named', async () => {
    const error = await refusedUnwritten('contributionRules.save', { type: 'sublet_start', table: { capCents: null, bands: [{ ...table.bands[0]!, householdMin: 4, householdMax: 2 }] } });
    expect(error.fieldErrors?.['table.bands.0.householdMax']).toEqual(['validation.householdRange']);
  });
});

describe('decisions and the budget rule', () => {
  it('refuses an approval past the remaining budget with nothing written and the remaining amount in the message; accepts it with an audited override', async () => {
    budgetType = 'social_housing';
    const ids = scene();
    await call(app, 'budgets.set', { year, type: 'social_housing', amountCents: 1_000_000, note: 'Delibera 12/2026' });
    const first = await createFor(ids.households.family, 600_000);
    await call(app, 'contributions.approve', { id: first.row.id, amountCents: 600_000, date: today, motivation: 'Secondo tabella' });
    const second = await call(app, 'contributions.create', { personId: ids.persons.alone, type: 'social_housing', assessment: assessment({ householdSize: 1 }), proposedCents: 500_000 });
    // The woman alone became a household of one, headed by her.
    expect(second.members.map((m) => m.personId)).toEqual([ids.persons.alone]);
    const refused = await refusedUnwritten('contributions.approve', { id: second.row.id, amountCents: 400_001, date: today, motivation: 'Urgente' });
    expect(refused.code).toBe('OVER_BUDGET');
    expect(refused.params).toEqual({ remainingCents: 400_000 });
    // Exactly the remaining amount passes without an override.
    const exact = await createFor(ids.households.family, 400_000);
    await call(app, 'contributions.approve', { id: exact.row.id, amountCents: 400_000, date: today, motivation: 'Ultimo residuo' });
    const overridden = await call(app, 'contributions.approve', { id: second.row.id, amountCents: 500_000, date: today, motivation: 'Urgente', overrideReason: 'Sfratto esecutivo con minori' });
    expect(overridden.row.status).toBe('approved');
    expect(overridden.decisions.at(-1)).toMatchObject({ kind: 'approved', override: true, overrideReason: 'Sfratto esecutivo con minori', remainingCents: 0 });
    const audit = db().select().from(t.auditEvents).orderBy(desc(t.auditEvents.id)).limit(1).get()!;
    expect(audit).toMatchObject({ action: 'contribution.approve.override', entity: 'contribution', recordId: String(second.row.id) });
    expect(audit.fields).not.toContain('Sfratto');
    const page = await call(app, 'budgets.get', { year });
    const line = page.lines.find((l) => l.type === 'social_housing' && l.partnerId === null)!;
    expect(line).toMatchObject({ budgetCents: 1_000_000, committedCents: 1_500_000, paidCents: 0, remainingCents: -500_000, warning: true });
    expect(page.overrides.map((o) => [o.reference, o.amountCents, o.reason])).toContainEqual([second.row.reference, 500_000, 'Sfratto esecutivo con minori']);
    expect(page.history.filter((h) => h.type === 'social_housing')[0]).toMatchObject({ amountCents: 1_000_000, note: 'Delibera 12/2026' });
    expect(verifyAuditChain(app.session.open().conn.sqlite).ok).toBe(true);
  });

  it('keeps every budget change as history and warns past 90 %', async () => {
    await call(app, 'budgets.set', { year: year + 1, type: 'rental_start', amountCents: 100_000, note: null });
    const page = await call(app, 'budgets.set', { year: year + 1, type: 'rental_start', amountCents: 200_000, note: 'Integrazione' });
    expect(page.history.map((h) => h.amountCents)).toEqual([200_000, 100_000]);
    expect(page.lines.find((l) => l.type === 'rental_start')!.budgetCents).toBe(200_000);
  });

  it('lets an operator propose but not approve, reject or record a payment', async () => {
    budgetType = 'host_family_reimbursement';
    const ids = scene();
    await call(app, 'budgets.set', { year, type: 'host_family_reimbursement', amountCents: 5_000_000, note: null });
    await asOperator();
    try {
      const proposal = await createFor(ids.households.family, 100_000);
      expect(proposal.row.status).toBe('proposed');
      expect((await refusedUnwritten('contributions.approve', { id: proposal.row.id, amountCents: 100_000, date: today, motivation: 'x' })).code).toBe('FORBIDDEN');
      expect((await refusedUnwritten('contributions.reject', { id: proposal.row.id, date: today, motivation: 'x' })).code).toBe('FORBIDDEN');
      expect((await refusedUnwritten('budgets.set', { year, type: 'host_family_reimbursement', amountCents: 1, note: null })).code).toBe('FORBIDDEN');
      await asAdmin();
      await call(app, 'contributions.approve', { id: proposal.row.id, amountCents: 100_000, date: today, motivation: 'ok' });
      await asOperator();
      expect((await refusedUnwritten('payments.record', { contributionId: proposal.row.id, date: today, amountCents: 1, method: 'cash' })).code).toBe('FORBIDDEN');
      // An operator cannot withdraw an approval either.
      expect((await refusedUnwritten('contributions.withdraw', { id: proposal.row.id, date: today, motivation: 'x' })).code).toBe('FORBIDDEN');
    } finally {
      await asAdmin();
    }
  });

  it('revises an approval with a new decision that keeps the old one, never below what was paid', async () => {
    budgetType = 'host_family_reimbursement';
    const ids = scene();
    const c = await createFor(ids.households.family, 90_000);
    await call(app, 'contributions.approve', { id: c.row.id, amountCents: 90_000, date: today, motivation: 'prima' });
    await call(app, 'payments.record', { contributionId: c.row.id, date: today, amountCents: 60_000, method: 'bank_transfer', receiptReference: 'B-1' });
    expect((await refusedUnwritten('contributions.approve', { id: c.row.id, amountCents: 59_999, date: today, motivation: 'meno' })).code).toBe('AMOUNT_BELOW_PAID');
    const revised = await call(app, 'contributions.approve', { id: c.row.id, amountCents: 120_000, date: today, motivation: 'affitto più alto' });
    expect(revised.decisions.filter((d) => d.kind === 'approved').map((d) => [d.amountCents, d.superseded])).toEqual([[90_000, true], [120_000, false]]);
    expect(revised.row.approvedCents).toBe(120_000);
    expect((await refusedUnwritten('contributions.withdraw', { id: c.row.id, date: today, motivation: 'x' })).code).toBe('CONTRIBUTION_HAS_PAYMENTS');
  });
});

describe('payments', () => {
  it('refuses a payment beyond the approved amount; a cancellation keeps the payment and frees its amount', async () => {
    budgetType = 'host_family_reimbursement';
    const ids = scene();
    const c = await createFor(ids.households.family, 100_000);
    expect((await refusedUnwritten('payments.record', { contributionId: c.row.id, date: today, amountCents: 1, method: 'cash' })).code).toBe('CONTRIBUTION_NOT_APPROVED');
    await call(app, 'contributions.approve', { id: c.row.id, amountCents: 100_000, date: today, motivation: 'ok' });
    const one = await call(app, 'payments.record', { contributionId: c.row.id, date: today, amountCents: 66_667, method: 'bank_transfer', receiptReference: 'R-1' });
    const refused = await refusedUnwritten('payments.record', { contributionId: c.row.id, date: today, amountCents: 33_334, method: 'cash' });
    expect(refused).toMatchObject({ code: 'PAYMENT_EXCEEDS_APPROVED', params: { remainingCents: 33_333 } });
    const paymentId = one.payments[0]!.id;
    const cancelled = await call(app, 'payments.cancel', { paymentId, reason: 'Importo errato' });
    expect(cancelled.payments).toHaveLength(1);
    expect(cancelled.payments[0]).toMatchObject({ amountCents: 66_667, cancelReason: 'Importo errato', runningPaidCents: 0, balanceCents: 100_000 });
    expect(cancelled.payments[0]!.cancelledAt).not.toBeNull();
    expect(cancelled.row.paidCents).toBe(0);
    expect((await refusedUnwritten('payments.cancel', { paymentId, reason: 'di nuovo' })).code).toBe('PAYMENT_CANCELLED');
    const again = await call(app, 'payments.record', { contributionId: c.row.id, date: today, amountCents: 100_000, method: 'direct_to_landlord', receiptReference: 'R-2' });
    expect(again.payments.map((p) => [p.amountCents, p.runningPaidCents, p.balanceCents])).toEqual([[66_667, 0, 100_000], [100_000, 100_000, 0]]);
    expect(db().select().from(t.contributionPayments).where(eq(t.contributionPayments.contributionId, c.row.id)).all()).toHaveLength(2);
  });

  it('refuses planned instalments that add up to more than the approved amount', async () => {
    budgetType = 'host_family_reimbursement';
    const ids = scene();
    const c = await createFor(ids.households.family, 50_000);
    await call(app, 'contributions.approve', { id: c.row.id, amountCents: 50_000, date: today, motivation: 'ok' });
    await call(app, 'contributions.addInstalment', { id: c.row.id, dueDate: today, amountCents: 33_333 });
    expect((await refusedUnwritten('contributions.addInstalment', { id: c.row.id, dueDate: today, amountCents: 16_668 })).code).toBe('INSTALMENTS_EXCEED_APPROVED');
    const done = await call(app, 'contributions.addInstalment', { id: c.row.id, dueDate: today, amountCents: 16_667 });
    expect(done.instalments.map((i) => i.amountCents)).toEqual([33_333, 16_667]);
  });

  it('keeps money totals exact to the cent across 10,000 payments of awkward amounts', async () => {
    const AWKWARD = [1, 33_333, 10, 99_999, 3, 12_345, 7, 66_667, 1_001, 29];
    const ids = scene();
    await call(app, 'budgets.set', { year, type: 'sublet_start', amountCents: 900_000_000, note: null });
    const ctx = () => ctxOf(app.session);
    let expected = 0n;
    let k = 0;
    for (let c = 0; c < 250; c += 1) {
      const amounts = Array.from({ length: 40 }, () => AWKWARD[k++ % AWKWARD.length]!);
      const total = amounts.reduce((a, b) => a + b, 0);
      const created = await call(app, 'contributions.create', { householdId: ids.households.family, type: 'sublet_start', assessment: assessment(), proposedCents: total });
      await call(app, 'contributions.approve', { id: created.row.id, amountCents: total, date: today, motivation: 'serie' });
      for (const amountCents of amounts) {
        recordPayment(ctx(), { contributionId: created.row.id, date: today, amountCents, method: 'bank_transfer', receiptReference: null });
        expected += BigInt(amountCents);
      }
    }
    expect(k).toBe(10_000);
    const list = await call(app, 'contributions.list', { type: 'sublet_start', year, status: 'approved', query: '', sort: 'proposedAt', direction: 'desc', offset: 0, limit: 10 });
    const page = await call(app, 'budgets.get', { year });
    const line = page.lines.find((l) => l.type === 'sublet_start' && l.partnerId === null)!;
    // The 250 series plus what earlier tests paid in sublet_start this year (none): equal to the BigInt sum.
    const sublet = db().get<{ s: number }>(sql`select coalesce(sum(amount_cents), 0) as s from contribution_payments p join contributions c on c.id = p.contribution_id where c.type = 'sublet_start' and p.cancelled_at is null`).s;
    expect(BigInt(sublet)).toBe(expected);
    expect(BigInt(list.totals.paidCents)).toBe(expected);
    expect(BigInt(line.paidCents)).toBe(expected);
    expect(line.committedCents).toBe(list.totals.approvedCents - list.totals.paidCents);
    expect(page.months.at(-1)!.cumulativePaidCents).toBeGreaterThanOrEqual(Number(expected));
  }, 600_000);
});

describe('contracts, privacy', () => {
  it('hides the contract address from operators and keeps it when an operator saves the contract', async () => {
    budgetType = 'rental_start';
    const ids = scene();
    const c = await createFor(ids.households.family, 10_000);
    const contract = { kind: 'rental' as const, landlord: 'Immobiliare Dora srl', address: 'Via Nizza 12, Torino', startDate: today, monthlyRentCents: 55_000, durationMonths: 48 };
    expect((await call(app, 'contributions.saveContract', { id: c.row.id, contract })).contract).toMatchObject({ address: 'Via Nizza 12, Torino', addressHidden: false });
    await asOperator();
    try {
      const seen = await call(app, 'contributions.get', { id: c.row.id });
      expect(seen.contract).toMatchObject({ address: null, addressHidden: true, landlord: 'Immobiliare Dora srl' });
      await call(app, 'contributions.saveContract', { id: c.row.id, contract: { ...contract, address: null, monthlyRentCents: 56_000 } });
    } finally {
      await asAdmin();
    }
    expect(db().select().from(t.contributionContracts).where(eq(t.contributionContracts.contributionId, c.row.id)).get()).toMatchObject({ address: 'Via Nizza 12, Torino', monthlyRentCents: 56_000 });
  });

  it('puts the household’s contributions in the subject-access document; an erasure keeps amounts and decisions and drops landlord, address and notes', async () => {
    budgetType = 'rental_start';
    const ids = scene();
    await call(app, 'budgets.set', { year, type: 'rental_start', amountCents: 100_000_000, note: null });
    const c = await createFor(ids.households.family, 150_000);
    await call(app, 'contributions.approve', { id: c.row.id, amountCents: 150_000, date: today, motivation: 'La signora lavora presso la mensa di via Roma' });
    await call(app, 'contributions.saveContract', { id: c.row.id, contract: { kind: 'rental', landlord: 'Sig.ra Bianchi', address: 'Via Cibrario 5, Torino', startDate: today, monthlyRentCents: 60_000, durationMonths: 36 } });
    await call(app, 'payments.record', { contributionId: c.row.id, date: today, amountCents: 50_000, method: 'bank_transfer', receiptReference: 'RIC-9' });

    const access = await call(app, 'privacy.subjectAccess', { personId: ids.persons.child });
    const data = JSON.parse(access.json) as { contributions: { reference: string; contract: { address: string }; payments: unknown[] }[] };
    expect(data.contributions.map((x) => x.reference)).toContain(c.row.reference);
    expect(data.contributions.find((x) => x.reference === c.row.reference)!.contract.address).toBe('Via Cibrario 5, Torino');

    await call(app, 'privacy.erase', { personId: ids.persons.mother, reason: 'Richiesta scritta della persona' });
    const after = await call(app, 'contributions.get', { id: c.row.id });
    expect(after.row).toMatchObject({ approvedCents: 150_000, paidCents: 50_000, type: 'rental_start', status: 'approved' });
    expect(after.contract).toMatchObject({ landlord: null, address: null, monthlyRentCents: 60_000, startDate: today });
    expect(after.assessment.notes).toBeNull();
    expect(after.decisions.map((d) => [d.kind, d.amountCents, d.motivation])).toEqual([['proposed', 150_000, null], ['approved', 150_000, null]]);
    expect(after.payments.map((p) => p.amountCents)).toEqual([50_000]);
    const erase = db().select().from(t.auditEvents).where(eq(t.auditEvents.action, 'person.erase')).orderBy(desc(t.auditEvents.id)).get()!;
    expect(JSON.parse(erase.fields)).toEqual(expect.arrayContaining(['contributions.contract.landlord', 'contributions.contract.address', 'contributions.assessmentNotes']));
  });
});

describe('the list', () => {
  it('filters, pages and totals in SQL', async () => {
    const all = await call(app, 'contributions.list', { query: '', sort: 'proposedAt', direction: 'desc', offset: 0, limit: 500 });
    const approved = await call(app, 'contributions.list', { query: '', status: 'approved', sort: 'approvedCents', direction: 'desc', offset: 0, limit: 5 });
    expect(approved.rows).toHaveLength(5);
    expect(approved.rows.every((r) => r.status === 'approved')).toBe(true);
    expect(approved.rows.map((r) => r.approvedCents)).toEqual([...approved.rows.map((r) => r.approvedCents)].sort((a, b) => b! - a!));
    const approvedAll = db().select().from(t.contributions).where(eq(t.contributions.status, 'approved')).all();
    expect(approved.total).toBe(approvedAll.length);
    expect(approved.totals.approvedCents).toBe(approvedAll.reduce((s, r) => s + r.approvedCents!, 0));
    expect(all.total).toBe(db().select().from(t.contributions).all().length);
    const one = all.rows.find((r) => r.type === 'rental_start')!;
    const byCode = await call(app, 'contributions.list', { query: one.householdCode.toLowerCase(), sort: 'proposedAt', direction: 'desc', offset: 0, limit: 500 });
    expect(byCode.rows.length).toBeGreaterThan(0);
    expect(byCode.rows.every((r) => r.householdCode === one.householdCode)).toBe(true);
  });
});
