// The monthly summary (docs/summary.md) on a fixed scenario built through the real services with a pinned
// clock, whose figures are worked out by hand below, one comment per figure with its arithmetic.
// March 2028 is asserted figure by figure in total, per structure, per type and per partner; February 2028
// (29 days: the leap day) and October 2028 (the autumn daylight-saving change) for what they add.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app';
import { monthSeries, monthSummary } from '../../electron/core/services/summary';
import { monthSummarySchema, type FigureBlock, type MonthSummary } from '../../electron/shared/channels/summary';
import type { ChannelInput } from '../../electron/shared/contract';
import { ADMIN, call, cleanupDirs, copyOf, core, login, makeTemplate, type Template } from './helpers';
import { buildRegister, registerDb } from './register-fixtures';

let template: Template;
let app: AppCore;
/** The session's clock: each step below sets it to the moment the desk records that step. */
let now = new Date('2027-01-01T09:00:00Z');
const at = (instant: string) => {
  now = new Date(instant);
};

type Fields = ChannelInput<'persons.create'>['fields'];
const ids = {
  p1: 0, p2: 0, A: 0, B: 0, C: 0,
  a1: 0, a2: 0, a3: 0, b1: 0, b3: 0, c0: 0, c1: 0, c2: 0, c3: 0,
  ada: 0, bea: 0, cleo: 0, dina: 0, eva: 0, hana: 0, iris: 0, juno: 0, kira: 0, olga: 0, mila: 0, nora: 0, pia: 0,
};
const stays: Record<string, number> = {};

async function structure(partnerId: number, name: string, type: 'shelter' | 'cohousing' | 'host_family', places: [string, string, string | null][]) {
  const s = await call(app, 'structures.save', { partnerId, name, type, womenOnly: false, childrenAllowed: true, accessible: false, lgbtSafe: false, languages: [] });
  let detail = await call(app, 'rooms.save', { structureId: s.id, name: 'Stanza 1' });
  const roomId = detail.roomList[0]!.id;
  for (const [label, activeFrom, activeTo] of places) detail = await call(app, 'places.save', { roomId, label, kind: 'bed', activeFrom, activeTo });
  const placeId = (label: string) => detail.roomList[0]!.places.find((p) => p.label === label)!.id;
  return { id: s.id, placeId };
}

const person = async (fields: Fields) => (await call(app, 'persons.create', { fields })).id;
const admit = async (key: string, personId: number, placeId: number, entryDate: string, extra: { plannedEnd?: string; referralId?: number; householdId?: number } = {}) => {
  const r = await call(app, 'stays.admit', { entryDate, plannedEnd: extra.plannedEnd ?? null, referralId: extra.referralId ?? null, householdId: extra.householdId ?? null, members: [{ personId, placeId }] });
  stays[key] = r.stayIds[0]!;
};
const discharge = (keys: string[], exitDate: string, exitReason: ChannelInput<'stays.discharge'>['exitReason']) =>
  call(app, 'stays.discharge', { stayIds: keys.map((k) => stays[k]!), exitDate, exitReason, destination: '' });
/** A referral received at a Rome wall-clock time. */
const referral = async (receivedAt: string, people = 1) => (await call(app, 'referrals.create', { receivedAt, source: 'social_services', needs: { people } })).id;
const assessment = { householdSize: 1, monthlyIncomeCents: 40_000, iseeCents: 300_000, housingSituation: 'programme_shelter' as const, emergencyLevel: 'high' as const, notes: null };
const contribution = async (owner: { personId?: number; householdId?: number }, type: ChannelInput<'contributions.create'>['type'], partnerId: number | null, proposedCents: number, day: string) =>
  (await call(app, 'contributions.create', { ...owner, type, partnerId, proposedCents, assessment: { ...assessment, assessedAt: day } })).row.id;

let march: MonthSummary;
let february: MonthSummary;
let october: MonthSummary;

beforeAll(async () => {
  template = await makeTemplate();
  app = core(copyOf(template), { clock: () => now });
  await login(app, ADMIN.username, ADMIN.passphrase);

  // ——— Setup (1 January 2027): two partners, three structures, the persons.
  ids.p1 = (await call(app, 'partners.save', { name: 'Associazione Uno' })).id;
  ids.p2 = (await call(app, 'partners.save', { name: 'Associazione Due' })).id;
  const A = await structure(ids.p1, 'Rifugio A', 'shelter', [['a1', '2020-01-01', null], ['a2', '2020-01-01', null], ['a3', '2020-01-01', null]]);
  const B = await structure(ids.p1, 'Coabitazione B', 'cohousing', [['b1', '2020-01-01', null], ['b3', '2020-01-01', null]]);
  // C: c0 closed on 15 February 2028, c1 opens on 10 March 2028, c2 closes on 20 March 2028.
  const C = await structure(ids.p2, 'Famiglia C', 'host_family', [['c0', '2020-01-01', '2028-02-15'], ['c1', '2028-03-10', null], ['c2', '2020-01-01', '2028-03-20'], ['c3', '2020-01-01', null]]);
  Object.assign(ids, { A: A.id, B: B.id, C: C.id, a1: A.placeId('a1'), a2: A.placeId('a2'), a3: A.placeId('a3'), b1: B.placeId('b1'), b3: B.placeId('b3'),
    c0: C.placeId('c0'), c1: C.placeId('c1'), c2: C.placeId('c2'), c3: C.placeId('c3') });
  // Ada turns 18 on 31 March 2028, the month's last day.
  ids.ada = await person({ displayName: 'Ada Prova', gender: 'female', birthDate: '2010-03-31', nationality: 'NG', vulnerabilities: ['violence_survivor'] });
  ids.bea = await person({ displayName: 'Bea Prova', gender: 'female', birthDate: '1995-05-10', nationality: 'NG' });
  // Only the year: taken as born on 1 July 1970.
  ids.cleo = await person({ displayName: 'Cleo Prova', gender: 'female', birthYear: 1970, nationality: 'UA' });
  ids.dina = await person({ displayName: 'Dina Prova', gender: 'female', birthDate: '1999-12-01', nationality: 'NG', vulnerabilities: ['trafficking'] });
  ids.eva = await person({ displayName: 'Eva Prova', gender: 'unknown' });
  ids.hana = await person({ displayName: 'Hana Prova', gender: 'female', birthDate: '1992-07-01', nationality: 'SY', vulnerabilities: ['single_parent', 'violence_survivor'] });
  ids.iris = await person({ displayName: 'Iris Prova', gender: 'female', birthDate: '2018-01-15', nationality: 'SY' });
  ids.juno = await person({ displayName: 'Juno Prova', gender: 'male', birthDate: '2005-04-01', nationality: 'AF' });
  ids.kira = await person({ displayName: 'Kira Prova', gender: 'female', birthDate: '1980-01-01', nationality: 'PE' });
  // Born on a leap day.
  ids.olga = await person({ displayName: 'Olga Prova', gender: 'nonbinary', birthDate: '1960-02-29', nationality: 'UA', vulnerabilities: ['lgbt'] });
  ids.mila = await person({ displayName: 'Mila Prova', gender: 'female', birthDate: '1988-08-08', nationality: 'CM' });
  ids.nora = await person({ displayName: 'Nora Prova', gender: 'female', birthDate: '1985-05-05', nationality: 'AL' });
  ids.pia = await person({ displayName: 'Pia Prova', gender: 'female', birthDate: '1990-09-09', nationality: 'AL' });
  const family = (await call(app, 'households.create', { headPersonId: ids.hana, members: [{ personId: ids.iris, relationship: 'child' }] })).id;

  // ——— The history, in the order the desk recorded it.
  at('2026-11-16T09:00:00Z'); await admit('olga', ids.olga, ids.b3, '2026-11-15');
  at('2027-06-01T09:00:00Z'); await admit('kira', ids.kira, ids.a3, '2027-06-01');
  // Nora came on Monday 21 June 2027; recorded on Friday the 25th: the third working day after, as Thursday 24 June
  // (Saint John, Turin's patron saint) is a holiday by default.
  at('2027-06-25T09:00:00Z'); await admit('nora', ids.nora, ids.a1, '2027-06-21');
  at('2027-07-10T09:00:00Z'); await discharge(['nora'], '2027-07-10', 'other');
  at('2027-12-01T09:00:00Z'); await admit('eva', ids.eva, ids.b1, '2027-12-01', { plannedEnd: '2028-03-15' });
  at('2028-01-02T09:00:00Z');
  await call(app, 'budgets.set', { year: 2028, type: 'rental_start', amountCents: 1_000_000, note: null });
  await call(app, 'budgets.set', { year: 2028, type: 'rental_start', partnerId: ids.p1, amountCents: 300_000, note: null });
  await call(app, 'budgets.set', { year: 2028, type: 'social_housing', amountCents: 500_000, note: null });
  at('2028-01-03T09:00:00Z'); await call(app, 'budgets.set', { year: 2028, type: 'social_housing', amountCents: 600_000, note: 'Integrazione' });
  at('2028-01-10T09:00:00Z'); await admit('ada', ids.ada, ids.a2, '2028-01-10', { plannedEnd: '2028-02-28' });
  // K4: Eva, sublet start (no budget: an override), approved in January, half paid in February.
  at('2028-01-15T09:00:00Z'); const k4 = await contribution({ personId: ids.eva }, 'sublet_start', ids.p1, 120_000, '2028-01-15');
  at('2028-01-20T09:00:00Z'); await call(app, 'contributions.approve', { id: k4, amountCents: 120_000, date: '2028-01-20', motivation: 'Contratto pronto', overrideReason: 'Urgenza' });
  at('2028-02-01T09:00:00Z'); await call(app, 'payments.record', { contributionId: k4, date: '2028-02-01', amountCents: 60_000, method: 'bank_transfer', receiptReference: null });
  // K1: Hana's household, social housing, approved in February.
  at('2028-02-10T09:00:00Z'); const k1 = await contribution({ householdId: family }, 'social_housing', ids.p2, 200_000, '2028-02-10');
  const r7 = await referral('2028-02-10T09:00');
  void r7; // never closed: pending at the end of March
  at('2028-02-15T09:00:00Z'); await call(app, 'contributions.approve', { id: k1, amountCents: 200_000, date: '2028-02-15', motivation: 'Alloggio ERP assegnato' });
  at('2028-02-20T09:00:00Z');
  const r9 = await referral('2028-02-20T09:00', 2);
  const r5 = await referral('2028-02-20T09:00');
  at('2028-02-20T10:00:00Z'); await admit('bea', ids.bea, ids.a1, '2028-02-20');
  at('2028-02-25T10:00:00Z');
  {
    const r = await call(app, 'stays.admit', { entryDate: '2028-02-25', plannedEnd: null, referralId: r9, householdId: family, members: [{ personId: ids.hana, placeId: ids.c2, placementEnd: '2028-03-18' }, { personId: ids.iris, placeId: ids.c3 }] });
    // c2 closes on 20 March: Hana's bed there is booked until the 18th, the day the household leaves.
    [stays.hana, stays.iris] = r.stayIds as [number, number];
  }
  at('2028-02-29T12:00:00Z'); await discharge(['kira'], '2028-02-29', 'term_expired');
  // K2 (Ada: she becomes the head of a household of one) and K3 (Bea), rental start, partner 1.
  at('2028-03-01T09:00:00Z');
  const k2 = await contribution({ personId: ids.ada }, 'rental_start', ids.p1, 150_000, '2028-03-01');
  const k3 = await contribution({ personId: ids.bea }, 'rental_start', ids.p1, 100_000, '2028-03-01');
  const r4 = await referral('2028-03-02T09:00');
  at('2028-03-03T09:00:00Z'); await call(app, 'referrals.close', { id: r4, outcome: 'declined', declineReason: 'no_place' });
  at('2028-03-03T10:00:00Z'); await call(app, 'payments.record', { contributionId: k1, date: '2028-03-03', amountCents: 100_000, method: 'bank_transfer', receiptReference: null });
  at('2028-03-04T10:00:00Z');
  const mistaken = await call(app, 'payments.record', { contributionId: k1, date: '2028-03-04', amountCents: 50_000, method: 'cash', receiptReference: null });
  await call(app, 'payments.cancel', { paymentId: mistaken.payments.find((p) => p.amountCents === 50_000)!.id, reason: 'Registrato per errore' });
  at('2028-03-05T10:00:00Z');
  await call(app, 'contributions.approve', { id: k3, amountCents: 100_000, date: '2028-03-05', motivation: 'Contratto pronto' });
  await discharge(['bea'], '2028-03-05', 'socio_economic_inclusion');
  const r6 = await referral('2028-03-05T09:00');
  at('2028-03-05T11:00:00Z'); await call(app, 'places.addOutOfService', { placeId: ids.a1, reason: 'Imbiancatura', fromDate: '2028-03-05', toDate: '2028-03-08' });
  at('2028-03-06T09:00:00Z'); await call(app, 'referrals.close', { id: r6, outcome: 'withdrawn' });
  at('2028-03-10T10:00:00Z');
  await call(app, 'contributions.approve', { id: k2, amountCents: 150_000, date: '2028-03-10', motivation: 'Contratto pronto' });
  await call(app, 'referrals.close', { id: r5, outcome: 'declined', declineReason: 'needs_not_met' });
  const r8 = await referral('2028-03-11T09:00');
  // Dina's admission recorded at 15:30 Rome (winter time, +01:00) on the 12th.
  at('2028-03-12T14:30:00Z'); await admit('dina', ids.dina, ids.a1, '2028-03-12', { referralId: r8 });
  at('2028-03-15T09:00:00Z'); await call(app, 'contributions.withdraw', { id: k3, date: '2028-03-15', motivation: 'Ha trovato casa da sola' });
  // Cleo came and left on Friday 10 March; the desk recorded both on Thursday the 16th.
  at('2028-03-16T10:00:00Z');
  await admit('cleo', ids.cleo, ids.a3, '2028-03-10');
  await discharge(['cleo'], '2028-03-10', 'voluntary_abandonment');
  at('2028-03-18T10:00:00Z'); await discharge(['hana', 'iris'], '2028-03-18', 'socio_economic_inclusion');
  at('2028-03-20T10:00:00Z');
  await discharge(['olga'], '2028-03-20', 'removal');
  await call(app, 'placements.transfer', { personId: ids.dina, date: '2028-03-20', toPlaceId: ids.a3 });
  await call(app, 'stays.extend', { stayId: stays.ada!, newPlannedEnd: '2028-06-30', grantedBy: 'Servizio sociale', grantedAt: '2028-03-20' });
  await call(app, 'contributions.approve', { id: k2, amountCents: 180_000, date: '2028-03-20', motivation: 'Affitto più alto' });
  const r1 = await referral('2028-03-25T10:00');
  at('2028-03-25T10:00:00Z'); await call(app, 'placements.transfer', { personId: ids.dina, date: '2028-03-25', toPlaceId: ids.b3 });
  at('2028-03-25T12:00:00Z'); await call(app, 'payments.record', { contributionId: k2, date: '2028-03-25', amountCents: 180_000, method: 'bank_transfer', receiptReference: null });
  // Sunday 26 March 2028, the spring change: 10:00 Rome is 08:00 UTC (summer time).
  at('2028-03-26T08:00:00Z'); await admit('juno', ids.juno, ids.c1, '2028-03-26', { referralId: r1 });
  at('2028-03-28T09:00:00Z');
  const k6 = await contribution({ personId: ids.olga }, 'host_family_reimbursement', ids.p1, 30_000, '2028-03-28');
  await call(app, 'contributions.approve', { id: k6, amountCents: 30_000, date: '2028-03-28', motivation: 'Rimborso', overrideReason: 'Nessun bilancio ancora' });
  await call(app, 'places.addOutOfService', { placeId: ids.a3, reason: 'Lavori', fromDate: '2028-03-29', toDate: null });
  at('2028-04-01T09:00:00Z');
  // 23:30 on 31 March in Rome is 21:30 UTC: received in March. 00:30 on 1 April in Rome is 22:30 UTC on 31 March: April.
  const r2 = await referral('2028-03-31T23:30');
  await referral('2028-04-01T00:30');
  await referral('2028-04-01T00:00'); // Rome's midnight: the first instant of April
  at('2028-04-02T09:00:00Z'); await call(app, 'referrals.close', { id: r2, outcome: 'declined', declineReason: 'refused_by_person' });
  at('2028-04-05T09:00:00Z');
  const k5 = await contribution({ personId: ids.juno }, 'rental_start', null, 50_000, '2028-04-05');
  await call(app, 'contributions.approve', { id: k5, amountCents: 50_000, date: '2028-04-05', motivation: 'Contratto pronto' });
  at('2028-04-10T09:00:00Z'); await discharge(['eva'], '2028-04-10', 'term_expired');
  // Pia came on Friday 21 April 2028, recorded on Thursday the 27th: on time, Tuesday 25 April (Liberation Day) being a holiday.
  at('2028-04-27T08:00:00Z'); await admit('pia', ids.pia, ids.c3, '2028-04-21');
  at('2028-05-20T09:00:00Z'); await discharge(['pia'], '2028-05-20', 'other');
  // Sunday 29 October 2028, the autumn change: received on the 28th at 10:00 Rome (08:00 UTC), admitted on the 29th at 10:00 Rome (09:00 UTC).
  const r10 = await referral('2028-10-28T10:00');
  at('2028-10-29T09:00:00Z');
  await discharge(['ada'], '2028-10-29', 'term_expired');
  await admit('mila', ids.mila, ids.b1, '2028-10-29', { referralId: r10 });

  const db = registerDb(app);
  march = monthSummary(db, '2028-03');
  february = monthSummary(db, '2028-02');
  october = monthSummary(db, '2028-10');
}, 120_000);

afterAll(() => {
  app.lock();
  cleanupDirs();
});

const noContributions = null;
const zeroMoney = { count: 0, cents: 0 };
const blankReferrals = { received: null, declined: null, declinedByReason: null, withdrawn: null, pendingAtEnd: null };
const reasons = (over: Partial<FigureBlock['exitsByReason']> = {}): FigureBlock['exitsByReason'] => ({
  socio_economic_inclusion: 0, term_expired: 0, voluntary_abandonment: 0, removal: 0, transfer_other_project: 0, assisted_voluntary_return: 0, other: 0, transfer: 0, ...over,
});
const bands = (over: Partial<FigureBlock['lengthOfStay']['bands']> = {}) => ({ '0_30': 0, '31_60': 0, '61_90': 0, '91_180': 0, '181_365': 0, '366_plus': 0, ...over });
const genders = (over: Partial<FigureBlock['byGender']> = {}) => ({ female: 0, male: 0, nonbinary: 0, unknown: 0, ...over });
const ages = (over: Partial<FigureBlock['byAgeBand']> = {}) => ({ '0_5': 0, '6_17': 0, '18_25': 0, '26_40': 0, '41_60': 0, '61_plus': 0, unknown: 0, ...over });
const types = (over: Partial<FigureBlock['byStructureType']> = {}) => ({ shelter: 0, cohousing: 0, host_family: 0, other: 0, ...over });
const vulnerabilities = (over: Partial<FigureBlock['byVulnerability']> = {}): FigureBlock['byVulnerability'] => ({
  violence_survivor: 0, trafficking: 0, single_parent: 0, pregnancy: 0, disability: 0, mental_health: 0, chronic_illness: 0, lgbt: 0,
  unaccompanied_minor: 0, elderly: 0, torture_survivor: 0, other: 0, ...over,
});
const households = (over: Partial<FigureBlock['byHouseholdType']> = {}) => ({ single_adult: 0, single_parent: 0, couple: 0, couple_with_children: 0, adults_with_children: 0, other: 0, ...over });
const byPartner = (p1: number, p2: number) => [{ partnerId: ids.p1, count: p1 }, { partnerId: ids.p2, count: p2 }];
const money = (over: Partial<Record<'rental_start' | 'sublet_start' | 'social_housing' | 'host_family_reimbursement', { count: number; cents: number }>> = {}) =>
  ({ rental_start: zeroMoney, sublet_start: zeroMoney, social_housing: zeroMoney, host_family_reimbursement: zeroMoney, ...over });

describe('March 2028', () => {
  it('has the contract’s shape, its bounds, and the same JSON every time', () => {
    expect(monthSummarySchema.parse(march)).toEqual(march);
    expect(JSON.stringify(monthSummary(registerDb(app), '2028-03'))).toBe(JSON.stringify(march));
    // 1 to 31 March: 31 days, the spring change on Sunday the 26th is a night like any other.
    expect(march).toMatchObject({ month: '2028-03', from: '2028-03-01', to: '2028-03-31', days: 31 });
    expect(march.structures.map((s) => [s.id, s.name, s.type, s.partnerId])).toEqual([
      [ids.A, 'Rifugio A', 'shelter', ids.p1], [ids.B, 'Coabitazione B', 'cohousing', ids.p1], [ids.C, 'Famiglia C', 'host_family', ids.p2],
    ]);
    expect(march.types.map((t) => t.type)).toEqual(['shelter', 'cohousing', 'host_family', 'other']);
    expect(march.partners.map((p) => [p.id, p.name])).toEqual([[ids.p1, 'Associazione Uno'], [ids.p2, 'Associazione Due']]);
  });

  // Structure A (shelter, partner 1): places a1, a2, a3.
  //   a1: Bea 20 Feb → 5 Mar; out of service 5 → 8 Mar; Dina 12 Mar → (moves to a3 on the 20th).
  //   a2: Ada since 10 Jan, all month.   a3: Cleo in and out on 10 Mar (zero nights); Dina 20 → 25 Mar; out of service from 29 Mar.
  const structureA = (): FigureBlock => ({
    places: 3, // a1, a2, a3 active all month
    placesAtEnd: 3, // out of service is not inactive: a3 is still an active place on the 31st
    availableNights: 87, // a1 31 − 3 (nights 5, 6, 7) = 28; a2 31; a3 31 − 3 (nights 29, 30, 31) = 28 → 28 + 31 + 28
    occupiedNights: 48, // a1: Bea nights 1–4 (4) + Dina 12–19 (8) = 12; a2: Ada 31; a3: Cleo 0 + Dina 20–24 (5) → 12 + 31 + 5
    occupancyPct: 55.2, // 48 ÷ 87 × 100 = 55.17…
    openAtStart: 2, // segments begun before 1 Mar and not ended before it: Ada (10 Jan, open), Bea (20 Feb → 5 Mar)
    entries: 2, // Cleo (10 Mar), Dina (12 Mar; her move a1 → a3 stays inside A)
    exits: 3, // Bea (5 Mar), Cleo (10 Mar), Dina (25 Mar, to B)
    exitsByReason: reasons({ socio_economic_inclusion: 1, voluntary_abandonment: 1, transfer: 1 }),
    openAtEnd: 1, // Ada
    expectedOpenAtEnd: 1, // 2 + 2 − 3
    personsServed: 4, // Ada, Bea, Cleo, Dina
    householdsServed: 4, // each alone (Ada in a household of one)
    lengthOfStay: {
      exits: 3,
      meanDays: 9, // Bea 20 Feb → 5 Mar = 9 + 5 = 14 (29 days in February 2028); Cleo 0; Dina 12 → 25 Mar = 13; (14 + 0 + 13) ÷ 3 = 9.0
      medianDays: 13, // 0, 13, 14
      bands: bands({ '0_30': 3 }),
    },
    byGender: genders({ female: 4 }),
    // Ada 18 on the 31st (born 31 Mar 2010) → 18–25; Bea 32, Dina 28 → 26–40; Cleo 2028 − 1970 − 1 = 57 (1 July not reached) → 41–60
    byAgeBand: ages({ '18_25': 1, '26_40': 2, '41_60': 1 }),
    byNationality: [{ code: 'NG', count: 3 }, { code: 'UA', count: 1 }, { code: 'other', count: 0 }, { code: 'unknown', count: 0 }], // Ada, Bea, Dina NG; Cleo UA
    byStructureType: types({ shelter: 4 }),
    byPartner: byPartner(4, 0),
    byVulnerability: vulnerabilities({ violence_survivor: 1, trafficking: 1 }), // Ada; Dina
    byHouseholdType: households({ single_adult: 4 }),
    // Dina's referral: received 11 Mar 09:00 (08:00 UTC), admission recorded 12 Mar 15:30 (14:30 UTC) → 30.5 hours
    referrals: { ...blankReferrals, placed: 1, medianHoursToAdmission: 30.5 },
    // Ada's extension on 20 Mar (she was in a2); her planned end is now 30 Jun: not past it
    extensions: { pastPlannedEndAtEnd: 0, granted: 1 },
    contributions: noContributions,
    // Cleo (Fri 10 Mar, recorded Thu 16: past Wed 15, the third working day) late; Dina recorded the day she came in. Exits:
    // Bea on her day; Cleo late; Dina's move out recorded on the 25th. (1 + 2) ÷ 5 × 100
    timeliness: { entries: 2, entriesOnTime: 1, exits: 3, exitsOnTime: 2, pct: 60 },
  });

  // Structure B (cohousing, partner 1): b1 Eva since 1 Dec 2027 (planned end 15 Mar); b3 Olga since 15 Nov 2026 → 20 Mar, then Dina from 25 Mar.
  const structureB = (): FigureBlock => ({
    places: 2, // b1, b3
    placesAtEnd: 2,
    availableNights: 62, // 31 + 31
    occupiedNights: 57, // b1: Eva 31; b3: Olga nights 1–19 (19) + Dina 25–31 (7) = 26 → 31 + 26
    occupancyPct: 91.9, // 57 ÷ 62 × 100 = 91.93…
    openAtStart: 2, // Eva, Olga
    entries: 1, // Dina, transferred in from A on 25 Mar
    exits: 1, // Olga (20 Mar)
    exitsByReason: reasons({ removal: 1 }),
    openAtEnd: 2, // Eva (leaves 10 Apr), Dina
    expectedOpenAtEnd: 2, // 2 + 1 − 1
    personsServed: 3, // Eva, Olga, Dina
    householdsServed: 3,
    lengthOfStay: {
      exits: 1,
      // Olga 15 Nov 2026 → 20 Mar 2028: to 15 Nov 2027 365, to 15 Feb 2028 30 + 31 + 31 = 92, to 15 Mar 29 (leap year), to 20 Mar 5 → 491
      meanDays: 491,
      medianDays: 491,
      bands: bands({ '366_plus': 1 }),
    },
    byGender: genders({ female: 1, nonbinary: 1, unknown: 1 }), // Dina; Olga; Eva
    byAgeBand: ages({ '26_40': 1, '61_plus': 1, unknown: 1 }), // Dina 28; Olga 68 (born 29 Feb 1960); Eva no date, no year
    byNationality: [{ code: 'NG', count: 1 }, { code: 'UA', count: 1 }, { code: 'other', count: 0 }, { code: 'unknown', count: 1 }], // Dina; Olga; Eva
    byStructureType: types({ cohousing: 3 }),
    byPartner: byPartner(3, 0),
    byVulnerability: vulnerabilities({ lgbt: 1, trafficking: 1 }), // Olga; Dina
    byHouseholdType: households({ single_adult: 3 }), // Eva's age unknown: counted as an adult
    referrals: { ...blankReferrals, placed: 0, medianHoursToAdmission: null },
    extensions: { pastPlannedEndAtEnd: 1, granted: 0 }, // Eva: open on the 31st, planned end 15 Mar
    contributions: noContributions,
    timeliness: { entries: 1, entriesOnTime: 1, exits: 1, exitsOnTime: 1, pct: 100 }, // Dina's move in and Olga's exit recorded the same day
  });

  // Structure C (host family, partner 2): c0 closed 15 Feb (not counted); c1 from 10 Mar, Juno from 26 Mar; c2 until 20 Mar, Hana
  // 25 Feb → 18 Mar; c3 Iris 25 Feb → 18 Mar (Hana and Iris one household, discharged together).
  const structureC = (): FigureBlock => ({
    places: 3, // c1, c2, c3
    placesAtEnd: 2, // c1, c3 (c2 inactive from the 20th)
    availableNights: 72, // c1 nights 10–31 = 22; c2 nights 1–19 = 19; c3 31 → 22 + 19 + 31
    occupiedNights: 40, // c1 Juno 26–31 = 6; c2 Hana 1–17 = 17; c3 Iris 1–17 = 17
    occupancyPct: 55.6, // 40 ÷ 72 × 100 = 55.55…
    openAtStart: 2, // Hana, Iris
    entries: 1, // Juno
    exits: 2, // Hana, Iris
    exitsByReason: reasons({ socio_economic_inclusion: 2 }),
    openAtEnd: 1, // Juno
    expectedOpenAtEnd: 1, // 2 + 1 − 2
    personsServed: 3,
    householdsServed: 2, // Hana and Iris; Juno
    lengthOfStay: { exits: 2, meanDays: 22, medianDays: 22, bands: bands({ '0_30': 2 }) }, // 25 Feb → 18 Mar = 5 + 17 = 22, twice
    byGender: genders({ female: 2, male: 1 }),
    byAgeBand: ages({ '6_17': 1, '18_25': 1, '26_40': 1 }), // Iris 10; Juno 22 (23 on 1 Apr); Hana 35
    byNationality: [{ code: 'SY', count: 2 }, { code: 'AF', count: 1 }, { code: 'other', count: 0 }, { code: 'unknown', count: 0 }],
    byStructureType: types({ host_family: 3 }),
    byPartner: byPartner(0, 3),
    byVulnerability: vulnerabilities({ single_parent: 1, violence_survivor: 1 }), // Hana
    byHouseholdType: households({ single_parent: 2, single_adult: 1 }), // Hana (one adult) with Iris (a minor); Juno alone
    // Juno's referral: received 25 Mar 10:00 Rome (09:00 UTC, winter), admitted 26 Mar 10:00 Rome (08:00 UTC, summer) → 23 hours
    referrals: { ...blankReferrals, placed: 1, medianHoursToAdmission: 23 },
    extensions: { pastPlannedEndAtEnd: 0, granted: 0 },
    contributions: noContributions,
    // Juno the same day; Hana's bed was booked to the 18th at her admission (recorded before the date: on time), Iris's closed on the day
    timeliness: { entries: 1, entriesOnTime: 1, exits: 2, exitsOnTime: 2, pct: 100 },
  });

  it('gives every figure per structure', () => {
    expect(march.structures.map((s) => s.figures)).toEqual([structureA(), structureB(), structureC()]);
  });

  it('gives every figure in total, counting stays: a transfer between structures is no entry or exit there', () => {
    expect(march.total).toEqual({
      places: 8, // 3 + 2 + 3
      placesAtEnd: 7, // 3 + 2 + 2
      availableNights: 221, // 87 + 62 + 72
      occupiedNights: 145, // 48 + 57 + 40
      occupancyPct: 65.6, // 145 ÷ 221 × 100 = 65.61… (not low)
      openAtStart: 6, // Ada, Bea, Eva, Hana, Iris, Olga (Kira left on 29 Feb)
      entries: 3, // Cleo, Dina, Juno (Dina's moves continue her stay)
      exits: 5, // Bea, Cleo, Hana, Iris, Olga
      exitsByReason: reasons({ socio_economic_inclusion: 3, voluntary_abandonment: 1, removal: 1 }),
      openAtEnd: 4, // Ada (leaves 29 Oct), Eva (10 Apr), Dina, Juno
      expectedOpenAtEnd: 4, // 6 + 3 − 5
      personsServed: 9, // Ada, Bea, Cleo, Dina, Eva, Hana, Iris, Juno, Olga
      householdsServed: 8, // Hana and Iris together; the seven others alone
      lengthOfStay: {
        exits: 5,
        meanDays: 109.8, // (14 + 0 + 22 + 22 + 491) ÷ 5 = 549 ÷ 5
        medianDays: 22, // 0, 14, 22, 22, 491
        bands: bands({ '0_30': 4, '366_plus': 1 }),
      },
      byGender: genders({ female: 6, male: 1, nonbinary: 1, unknown: 1 }),
      byAgeBand: ages({ '6_17': 1, '18_25': 2, '26_40': 3, '41_60': 1, '61_plus': 1, unknown: 1 }), // Iris; Ada, Juno; Bea, Dina, Hana; Cleo; Olga; Eva
      byNationality: [
        { code: 'NG', count: 3 }, { code: 'SY', count: 2 }, { code: 'UA', count: 2 }, { code: 'AF', count: 1 }, // by count, then code
        { code: 'other', count: 0 }, { code: 'unknown', count: 1 },
      ],
      byStructureType: types({ shelter: 4, cohousing: 3, host_family: 3 }), // Dina in a shelter and a co-housing: 10 for 9 persons
      byPartner: byPartner(6, 3), // Ada, Bea, Cleo, Dina, Eva, Olga; Hana, Iris, Juno
      byVulnerability: vulnerabilities({ violence_survivor: 2, trafficking: 1, single_parent: 1, lgbt: 1 }),
      byHouseholdType: households({ single_adult: 7, single_parent: 2 }),
      referrals: {
        received: 5, // 2 Mar, 5 Mar, 11 Mar, 25 Mar, 31 Mar 23:30 (not 1 Apr 00:30, though 31 Mar in UTC)
        placed: 2, // Dina's (12 Mar), Juno's (26 Mar); Hana's household was placed in February
        declined: 2, // 3 Mar no place; 10 Mar needs not met (received in February)
        declinedByReason: { no_place: 1, needs_not_met: 1, not_eligible: 0, refused_by_person: 0, other: 0 },
        withdrawn: 1, // 6 Mar
        pendingAtEnd: 2, // received 10 Feb (never closed); received 31 Mar, declined only on 2 Apr
        medianHoursToAdmission: 26.8, // (23 + 30.5) ÷ 2 = 26.75
      },
      extensions: { pastPlannedEndAtEnd: 1, granted: 1 }, // Eva; Ada's on 20 Mar
      contributions: {
        // K2 approved on 10 Mar and revised on 20 Mar: one contribution, at its last amount; K6 approved on 28 Mar; K3 approved
        // on 5 Mar but withdrawn on 15 Mar: its last decision in March is no approval.
        decided: money({ rental_start: { count: 1, cents: 180_000 }, host_family_reimbursement: { count: 1, cents: 30_000 } }),
        // K1 paid 100,000 on 3 Mar (the 50,000 of 4 Mar cancelled); K2 paid 180,000 on 25 Mar
        disbursed: money({ rental_start: { count: 1, cents: 180_000 }, social_housing: { count: 1, cents: 100_000 } }),
        householdsSupported: 3, // Ada's (K2), Olga's (K6), Hana's (K1)
        yearToDate: {
          rental_start: { approvedCents: 180_000, paidCents: 180_000, budgetCents: 1_300_000 }, // budget: 1,000,000 for the type + 300,000 partner 1's share
          sublet_start: { approvedCents: 120_000, paidCents: 60_000, budgetCents: null }, // K4 (January), paid 1 Feb; no budget set
          social_housing: { approvedCents: 200_000, paidCents: 100_000, budgetCents: 600_000 }, // K1; the budget's latest row, 600,000
          host_family_reimbursement: { approvedCents: 30_000, paidCents: 0, budgetCents: null }, // K6
        },
      },
      // Entries: Cleo late (10 Mar recorded 16 Mar), Dina and Juno the same day. Exits: Cleo late; Bea, Hana, Iris, Olga the same day.
      timeliness: { entries: 3, entriesOnTime: 2, exits: 5, exitsOnTime: 4, pct: 75 }, // (2 + 4) ÷ 8 × 100
    });
  });

  it('gives types and partners as the sums of their structures, persons counted once', () => {
    const [A, B, C] = [structureA(), structureB(), structureC()];
    const zero: FigureBlock = {
      places: 0, placesAtEnd: 0, availableNights: 0, occupiedNights: 0, occupancyPct: null, openAtStart: 0, entries: 0, exits: 0, exitsByReason: reasons(),
      openAtEnd: 0, expectedOpenAtEnd: 0, personsServed: 0, householdsServed: 0, lengthOfStay: { exits: 0, meanDays: null, medianDays: null, bands: bands() },
      byGender: genders(), byAgeBand: ages(), byNationality: [{ code: 'other', count: 0 }, { code: 'unknown', count: 0 }], byStructureType: types(),
      byPartner: byPartner(0, 0), byVulnerability: vulnerabilities(), byHouseholdType: households(),
      referrals: { ...blankReferrals, placed: 0, medianHoursToAdmission: null }, extensions: { pastPlannedEndAtEnd: 0, granted: 0 }, contributions: null,
      timeliness: { entries: 0, entriesOnTime: 0, exits: 0, exitsOnTime: 0, pct: null },
    };
    // One structure per type: each type is its structure; no structure of type "other": nothing, and no percentage of nothing.
    expect(march.types.map((t) => t.figures)).toEqual([A, B, C, zero]);

    expect(march.partners[0]!.figures).toEqual({
      places: 5, placesAtEnd: 5, // 3 + 2
      availableNights: 149, occupiedNights: 105, // 87 + 62; 48 + 57
      occupancyPct: 70.5, // 105 ÷ 149 × 100 = 70.46…
      openAtStart: 4, entries: 3, exits: 4, openAtEnd: 3, expectedOpenAtEnd: 3, // A + B: 2 + 2, 2 + 1, 3 + 1, 1 + 2; 4 + 3 − 4
      exitsByReason: reasons({ socio_economic_inclusion: 1, voluntary_abandonment: 1, transfer: 1, removal: 1 }), // Dina's move A → B: an exit and an entry here
      personsServed: 6, householdsServed: 6, // Ada, Bea, Cleo, Dina (in A and B: once), Eva, Olga
      lengthOfStay: { exits: 4, meanDays: 129.5, medianDays: 13.5, bands: bands({ '0_30': 3, '366_plus': 1 }) }, // 14, 0, 13, 491: 518 ÷ 4; (13 + 14) ÷ 2
      byGender: genders({ female: 4, nonbinary: 1, unknown: 1 }),
      byAgeBand: ages({ '18_25': 1, '26_40': 2, '41_60': 1, '61_plus': 1, unknown: 1 }),
      byNationality: [{ code: 'NG', count: 3 }, { code: 'UA', count: 2 }, { code: 'other', count: 0 }, { code: 'unknown', count: 1 }],
      byStructureType: types({ shelter: 4, cohousing: 3 }),
      byPartner: byPartner(6, 0),
      byVulnerability: vulnerabilities({ violence_survivor: 1, trafficking: 1, lgbt: 1 }),
      byHouseholdType: households({ single_adult: 6 }),
      referrals: { ...blankReferrals, placed: 1, medianHoursToAdmission: 30.5 }, // Dina's
      extensions: { pastPlannedEndAtEnd: 1, granted: 1 }, // A 0 + B 1; A 1 + B 0
      contributions: {
        decided: money({ rental_start: { count: 1, cents: 180_000 }, host_family_reimbursement: { count: 1, cents: 30_000 } }), // K2, K6
        disbursed: money({ rental_start: { count: 1, cents: 180_000 } }), // K2
        householdsSupported: 2, // Ada's, Olga's
        yearToDate: {
          rental_start: { approvedCents: 180_000, paidCents: 180_000, budgetCents: 300_000 }, // partner 1's share
          sublet_start: { approvedCents: 120_000, paidCents: 60_000, budgetCents: null }, // K4
          social_housing: { approvedCents: 0, paidCents: 0, budgetCents: null },
          host_family_reimbursement: { approvedCents: 30_000, paidCents: 0, budgetCents: null },
        },
      },
      timeliness: { entries: 3, entriesOnTime: 2, exits: 4, exitsOnTime: 3, pct: 71.4 }, // A + B: 1 + 1, 2 + 1; 5 ÷ 7 × 100 = 71.42…
    });
    expect(march.partners[1]!.figures).toEqual({
      ...C,
      contributions: {
        decided: money(),
        disbursed: money({ social_housing: { count: 1, cents: 100_000 } }), // K1, 3 Mar
        householdsSupported: 1, // Hana's
        yearToDate: {
          rental_start: { approvedCents: 0, paidCents: 0, budgetCents: null },
          sublet_start: { approvedCents: 0, paidCents: 0, budgetCents: null },
          social_housing: { approvedCents: 200_000, paidCents: 100_000, budgetCents: null }, // K1; partner 2 has no share of its own
          host_family_reimbursement: { approvedCents: 0, paidCents: 0, budgetCents: null },
        },
      },
    });
  });

  it('warns of the little-used levels, naming their places; the balance holds and nothing is over 100 %', () => {
    expect(march.warnings).toEqual([
      { kind: 'occupancyLow', level: 'structure', key: ids.A, value: 55.2, stayIds: [], placeIds: [ids.a1, ids.a2, ids.a3] },
      { kind: 'occupancyLow', level: 'structure', key: ids.C, value: 55.6, stayIds: [], placeIds: [ids.c1, ids.c2, ids.c3] },
      { kind: 'occupancyLow', level: 'type', key: 'shelter', value: 55.2, stayIds: [], placeIds: [ids.a1, ids.a2, ids.a3] },
      { kind: 'occupancyLow', level: 'type', key: 'host_family', value: 55.6, stayIds: [], placeIds: [ids.c1, ids.c2, ids.c3] },
      { kind: 'occupancyLow', level: 'partner', key: ids.p2, value: 55.6, stayIds: [], placeIds: [ids.c1, ids.c2, ids.c3] },
    ]);
  });
});

describe('February 2028 (29 days)', () => {
  it('counts the leap day’s night and the exit on it, and ages on the 29th', () => {
    expect(february).toMatchObject({ from: '2028-02-01', to: '2028-02-29', days: 29 });
    expect(february.total).toMatchObject({
      places: 8, // a1, a2, a3, b1, b3, c0 (until 15 Feb), c2, c3
      placesAtEnd: 7, // c0 closed
      availableNights: 217, // 7 × 29 + c0 nights 1–14 (14)
      // a1 Bea 20–29 (10); a2 Ada 29; a3 Kira 1–28 (28); b1 Eva 29; b3 Olga 29; c2 Hana 25–29 (5); c3 Iris 5
      occupiedNights: 135,
      occupancyPct: 62.2, // 135 ÷ 217 × 100 = 62.21…
      openAtStart: 4, entries: 3, exits: 1, openAtEnd: 6, expectedOpenAtEnd: 6, // Olga, Kira, Eva, Ada; Bea, Hana, Iris; Kira; 4 + 3 − 1
      exitsByReason: reasons({ term_expired: 1 }),
      // Kira 1 Jun 2027 → 29 Feb 2028: 30 + 31 + 31 + 30 + 31 + 30 + 31 + 31 = 245 to 1 Feb, + 28 → 273
      lengthOfStay: { exits: 1, meanDays: 273, medianDays: 273, bands: bands({ '181_365': 1 }) },
      personsServed: 7, // Olga, Kira, Eva, Ada, Bea, Hana, Iris
      householdsServed: 6, // Hana and Iris together
      // On the 29th: Ada 17 and Iris 10; Bea 32, Hana 35; Kira 48; Olga 68 (her birthday is the 29th); Eva unknown
      byAgeBand: ages({ '6_17': 2, '26_40': 2, '41_60': 1, '61_plus': 1, unknown: 1 }),
      // Ada, 17, heads a household of one: a minor alone is "other"; Hana with Iris a single parent; the rest alone
      byHouseholdType: households({ single_adult: 4, single_parent: 2, other: 1 }),
      referrals: {
        received: 3, // 10 Feb, 20 Feb (Hana's household), 20 Feb
        placed: 1, // Hana's household, one referral for two stays
        declined: 0, declinedByReason: { no_place: 0, needs_not_met: 0, not_eligible: 0, refused_by_person: 0, other: 0 }, withdrawn: 0,
        pendingAtEnd: 2, // 10 Feb (never closed); 20 Feb, declined on 10 Mar
        medianHoursToAdmission: 122, // 20 Feb 09:00 Rome (08:00 UTC) → 25 Feb 10:00 UTC: 5 days and 2 hours
      },
    });
    // Structure C had c0 for 14 nights and Hana and Iris from the 25th.
    expect(february.structures[2]!.figures).toMatchObject({
      places: 3, placesAtEnd: 2, availableNights: 72, occupiedNights: 10, entries: 2, // c0 14 + c2 29 + c3 29; 5 + 5
      referrals: { placed: 1, medianHoursToAdmission: 122 },
    });
  });
});

describe('October 2028 (the autumn change on Sunday the 29th)', () => {
  it('counts the exit and entry on the change day, and 25 hours from a referral to its admission across it', () => {
    expect(october).toMatchObject({ from: '2028-10-01', to: '2028-10-31', days: 31 });
    expect(october.total).toMatchObject({
      openAtStart: 3, entries: 1, exits: 1, openAtEnd: 3, // Ada, Dina, Juno; Mila; Ada; Dina, Juno, Mila
      exitsByReason: reasons({ term_expired: 1 }),
      // Ada 10 Jan → 29 Oct: 31 + 29 + 31 + 30 + 31 + 30 + 31 + 31 + 30 = 274 to 10 Oct, + 19 → 293
      lengthOfStay: { exits: 1, meanDays: 293, medianDays: 293, bands: bands({ '181_365': 1 }) },
      personsServed: 4,
      // 28 Oct 10:00 Rome is 08:00 UTC (summer time); 29 Oct 10:00 Rome is 09:00 UTC (winter time)
      referrals: { received: 1, placed: 1, medianHoursToAdmission: 25 },
    });
    // a2 (Ada) nights 1–28 = 28; a3 out of service all month; b1 Mila 29–31 = 3; b3 Dina 31; c1 Juno 31; c3 empty
    expect(october.total.occupiedNights).toBe(28 + 3 + 31 + 31);
    // a1 31, a2 31, a3 0 (out of service from 29 Mar), b1 31, b3 31, c1 31, c3 31
    expect(october.total.availableNights).toBe(31 * 6);
  });
});

describe('timeliness across holidays', () => {
  it('counts three working days past Liberation Day and past Saint John while it is a holiday', async () => {
    const db = registerDb(app);
    // April 2028: Pia, Fri 21 → Mon 24, Wed 26, Thu 27 (Tue 25 a holiday): recorded Thu 27, on time. Eva's exit (10 Apr) the same day.
    expect(monthSummary(db, '2028-04').total.timeliness).toEqual({ entries: 1, entriesOnTime: 1, exits: 1, exitsOnTime: 1, pct: 100 });
    // June 2027: Kira recorded on her day; Nora, Mon 21 → Tue 22, Wed 23, Fri 25 (Thu 24 Saint John): on time.
    expect(monthSummary(db, '2027-06').total.timeliness).toEqual({ entries: 2, entriesOnTime: 2, exits: 0, exitsOnTime: 0, pct: 100 });
    // Without Saint John the third working day is Thursday 24 June: Nora's recording on the 25th is late. 1 ÷ 2 × 100
    await call(app, 'settings.setSaintJohnHoliday', { holiday: false });
    try {
      expect(monthSummary(db, '2027-06').total.timeliness).toEqual({ entries: 2, entriesOnTime: 1, exits: 0, exitsOnTime: 0, pct: 50 });
    } finally {
      await call(app, 'settings.setSaintJohnHoliday', { holiday: true });
    }
    // October 2028: Mila's entry and Ada's exit recorded on the change day itself.
    expect(october.total.timeliness).toEqual({ entries: 1, entriesOnTime: 1, exits: 1, exitsOnTime: 1, pct: 100 });
  });
});

describe('the series and the channels', () => {
  it('gives the charts each month’s totals, oldest first', () => {
    const series = monthSeries(registerDb(app), '2028-03', 3);
    expect(series.map((p) => p.month)).toEqual(['2028-01', '2028-02', '2028-03']);
    expect(series[1]).toEqual({ month: '2028-02', availableNights: 217, occupiedNights: 135, occupancyPct: 62.2, entries: 3, exits: 1 });
    expect(series[2]).toEqual({ month: '2028-03', availableNights: 221, occupiedNights: 145, occupancyPct: 65.6, entries: 3, exits: 5 });
    // January: Ada entered on the 10th; nobody left. Out of the year boundary: December 2027 → January 2028.
    expect(series[0]).toMatchObject({ month: '2028-01', entries: 1, exits: 0 });
    expect(monthSeries(registerDb(app), '2028-01', 2).map((p) => p.month)).toEqual(['2027-12', '2028-01']);
  });

  it('answers summary.month and summary.series through the dispatcher, validated by the contract', async () => {
    expect(await call(app, 'summary.month', { month: '2028-03' })).toEqual(march);
    expect(await call(app, 'summary.series', { to: '2028-03', months: 3 })).toEqual(monthSeries(registerDb(app), '2028-03', 3));
  });
});

describe('warnings on a broken history', () => {
  it('names the stays that break the balance and the places held twice', async () => {
    const broken = core(copyOf(template));
    await login(broken, ADMIN.username, ADMIN.passphrase);
    const db = registerDb(broken);
    // Written as-is, past the services' rules: x held by p all June and by q from the 10th to the 20th; r's exit before her entry.
    const r = buildRegister(db, {
      structures: [{ key: 's', places: [{ key: 'x' }] }],
      persons: [{ key: 'p' }, { key: 'q' }, { key: 'r' }],
      stays: [
        { key: 'one', person: 'p', entry: '2030-06-01', placements: [{ place: 'x', from: '2030-06-01' }] },
        { key: 'two', person: 'q', entry: '2030-06-10', exit: '2030-06-20', placements: [{ place: 'x', from: '2030-06-10', to: '2030-06-20' }] },
        { key: 'bad', person: 'r', entry: '2030-06-15', exit: '2030-05-20' },
      ],
    });
    const june = monthSummary(db, '2030-06');
    // Total: open at start 0; entries 3 (one, two, bad); exits 1 (two; bad's exit is in May); open at end 1 (one) ≠ 0 + 3 − 1 = 2
    expect(june.total).toMatchObject({ openAtStart: 0, entries: 3, exits: 1, openAtEnd: 1, expectedOpenAtEnd: 2 });
    // x: 30 nights available, 30 (p) + 10 (q) occupied → 40 ÷ 30 × 100 = 133.3 %
    expect(june.total).toMatchObject({ availableNights: 30, occupiedNights: 40, occupancyPct: 133.3 });
    expect(june.warnings).toEqual([
      // bad has no placement, so no segment: the structure balances
      { kind: 'balance', level: 'total', key: null, value: -1, stayIds: [r.stays.bad], placeIds: [] },
      { kind: 'occupancyOver', level: 'total', key: null, value: 133.3, stayIds: [], placeIds: [r.places.x] },
      { kind: 'occupancyOver', level: 'structure', key: r.structures.s, value: 133.3, stayIds: [], placeIds: [r.places.x] },
      { kind: 'occupancyOver', level: 'type', key: 'shelter', value: 133.3, stayIds: [], placeIds: [r.places.x] },
      { kind: 'occupancyOver', level: 'partner', key: r.partnerId, value: 133.3, stayIds: [], placeIds: [r.places.x] },
    ]);
    broken.lock();
  });

  it('counts a person with two stays in a month once, and each stay’s entry and exit', async () => {
    const again = core(copyOf(template));
    await login(again, ADMIN.username, ADMIN.passphrase);
    const db = registerDb(again);
    buildRegister(db, {
      structures: [{ key: 's', places: [{ key: 'x' }, { key: 'y' }] }],
      persons: [{ key: 'p', birthDate: '1990-01-01' }],
      stays: [
        { key: 'first', person: 'p', entry: '2030-07-01', exit: '2030-07-05', placements: [{ place: 'x', from: '2030-07-01', to: '2030-07-05' }] },
        { key: 'back', person: 'p', entry: '2030-07-20', placements: [{ place: 'y', from: '2030-07-20' }] },
      ],
    });
    const july = monthSummary(db, '2030-07');
    // Two stays: 0 open at start, 2 entries, 1 exit, 1 open at end; one person, one household, one woman of 40.
    for (const figures of [july.total, july.structures[0]!.figures]) {
      expect(figures).toMatchObject({ openAtStart: 0, entries: 2, exits: 1, openAtEnd: 1, personsServed: 1, householdsServed: 1 });
      expect(figures.byGender.female).toBe(1);
      expect(figures.byAgeBand['26_40']).toBe(1);
    }
    again.lock();
  });
});
