import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, inArray } from 'drizzle-orm';
import type { AppCore } from '../../electron/core/app';
import { verifyAuditChain } from '../../electron/core/audit';
import { auditEvents, dateCorrections, placements, referrals, stayExtensions, stays } from '../../electron/core/db/schema';
import type { ChannelInput } from '../../electron/shared/contract';
import type { ErrorBody } from '../../electron/shared/errors';
import { ADMIN, call, cleanupDirs, copyOf, core, login, makeTemplate, refusal } from './helpers';
import { buildRegister, counts, dailyRegister, registerDb, registerRows } from './register-fixtures';

let app: AppCore;
beforeAll(async () => {
  app = core(copyOf(await makeTemplate()));
  await login(app, ADMIN.username, ADMIN.passphrase);
});
afterAll(() => {
  app.lock();
  cleanupDirs();
});

const db = () => registerDb(app);

/** Each test gets its own structures and people in the shared register. */
const register = () => dailyRegister(db());

type Admission = ChannelInput<'stays.admit'>;
const admit = (input: Admission) => call(app, 'stays.admit', input);
const admitOne = (personId: number, placeId: number, entryDate = '2026-03-01') => admit({ entryDate, members: [{ personId, placeId }] });
const discharge = (stayIds: number[], exitDate: string) => call(app, 'stays.discharge', { stayIds, exitDate, exitReason: 'term_expired', destination: '' });

/** Expects the call to be refused and proves nothing was added or changed. */
async function refusedUnwritten(channel: string, input: unknown): Promise<ErrorBody> {
  const before = { counts: counts(db()), rows: registerRows(db()) };
  const error = await refusal(app, channel, input);
  expect(counts(db())).toEqual(before.counts);
  expect(registerRows(db())).toBe(before.rows);
  return error;
}

const stayRow = (id: number) => db().select().from(stays).where(eq(stays.id, id)).get()!;
const placementsOf = (stayId: number) => db().select().from(placements).where(eq(placements.stayId, stayId)).orderBy(placements.startDate).all();
const lastAudit = (n: number) => db().select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(n).all().reverse()
  .map((e) => ({ action: e.action, entity: e.entity, recordId: e.recordId, fields: JSON.parse(e.fields) as string[] }));

describe('admission', () => {
  it('admits a mother and her two children from a referral, each with a stay and an open placement', async () => {
    const ids = register();
    const { mother, daughter, son } = ids.persons;
    const result = await admit({
      entryDate: '2026-03-01', plannedEnd: '2026-08-31', referralId: ids.referrals.request, householdId: ids.households.family,
      members: [{ personId: mother, placeId: ids.places.bed1 }, { personId: daughter, placeId: ids.places.bed2 }, { personId: son, placeId: ids.places.cot1 }],
    });
    expect(result.stayIds).toHaveLength(3);
    const admitted = db().select().from(stays).where(inArray(stays.id, result.stayIds)).orderBy(stays.id).all();
    expect(admitted.map((s) => s.personId)).toEqual([mother, daughter, son]);
    for (const stay of admitted) {
      expect(stay).toMatchObject({ householdId: ids.households.family, referralId: ids.referrals.request, entryDate: '2026-03-01', exitDate: null, plannedEnd: '2026-08-31' });
    }
    const placed = db().select().from(placements).where(inArray(placements.id, result.placementIds)).orderBy(placements.id).all();
    expect(placed.map((p) => [p.personId, p.placeId, p.startDate, p.endDate])).toEqual([
      [mother, ids.places.bed1, '2026-03-01', null], [daughter, ids.places.bed2, '2026-03-01', null], [son, ids.places.cot1, '2026-03-01', null],
    ]);
    const referral = db().select().from(referrals).where(eq(referrals.id, ids.referrals.request)).get()!;
    expect(referral.outcome).toBe('placed');
    expect(referral.outcomeAt).not.toBeNull();
    const trail = lastAudit(7);
    expect(trail.map((e) => e.action)).toEqual(['referral.placed', 'stay.admit', 'placement.create', 'stay.admit', 'placement.create', 'stay.admit', 'placement.create']);
    expect(JSON.stringify(trail)).not.toContain('2026-03-01');
  });

  it('records the stay under the person’s own household when none is given', async () => {
    const ids = register();
    const { stayIds } = await admitOne(ids.persons.daughter, ids.places.bed1);
    expect(stayRow(stayIds[0]!).householdId).toBe(ids.households.family);
  });

  it('refuses a second guest in an occupied bed', async () => {
    const ids = register();
    await admitOne(ids.persons.guest, ids.places.bed1, '2026-03-01');
    const error = await refusedUnwritten('stays.admit', { entryDate: '2026-03-10', members: [{ personId: ids.persons.mother, placeId: ids.places.bed1 }] });
    expect(error.code).toBe('PLACE_OCCUPIED');
    expect(error.fieldErrors).toMatchObject({ placeId: ['errors.PLACE_OCCUPIED'], 'members.0.placeId': ['errors.PLACE_OCCUPIED'] });
  });

  it('gives a bed freed by a discharge to the next guest on the same night', async () => {
    const ids = register();
    const first = await admitOne(ids.persons.guest, ids.places.bed1, '2026-03-01');
    await discharge(first.stayIds, '2026-03-05');
    const next = await admitOne(ids.persons.mother, ids.places.bed1, '2026-03-05');
    expect(placementsOf(next.stayIds[0]!)[0]).toMatchObject({ placeId: ids.places.bed1, startDate: '2026-03-05' });
  });

  it('refuses two members of one admission in the same bed', async () => {
    const ids = register();
    const error = await refusedUnwritten('stays.admit', {
      entryDate: '2026-03-01', members: [{ personId: ids.persons.mother, placeId: ids.places.bed1 }, { personId: ids.persons.daughter, placeId: ids.places.bed1 }],
    });
    expect(error.code).toBe('PLACE_OCCUPIED');
    expect(error.fieldErrors).toHaveProperty(['members.1.placeId']);
  });

  it('refuses the same person twice in one admission', async () => {
    const ids = register();
    const error = await refusedUnwritten('stays.admit', {
      entryDate: '2026-03-01', members: [{ personId: ids.persons.mother, placeId: ids.places.bed1 }, { personId: ids.persons.mother, placeId: ids.places.bed2 }],
    });
    expect(error.code).toBe('PERSON_ALREADY_PLACED');
  });

  it('refuses a person who already has a stay on those dates', async () => {
    const ids = register();
    await admitOne(ids.persons.guest, ids.places.bed1, '2026-03-01');
    expect((await refusedUnwritten('stays.admit', { entryDate: '2026-04-01', members: [{ personId: ids.persons.guest, placeId: ids.places.bed2 }] })).code).toBe('STAY_ALREADY_OPEN');
    // A back-dated admission would run on into the stay that follows it.
    expect((await refusedUnwritten('stays.admit', { entryDate: '2026-02-01', members: [{ personId: ids.persons.guest, placeId: ids.places.bed2 }] })).code).toBe('STAY_ALREADY_OPEN');
  });

  it('refuses a person who already has a bed that night, even outside a stay', async () => {
    const ids = buildRegister(db(), {
      structures: [{ key: 's', places: [{ key: 'a' }, { key: 'b' }] }],
      persons: [{ key: 'p' }],
      // A broken history: the placement outlives its stay.
      stays: [{ key: 'old', person: 'p', entry: '2026-01-01', exit: '2026-02-01', placements: [{ place: 'a', from: '2026-01-01', to: '2026-03-15' }] }],
    });
    const error = await refusedUnwritten('stays.admit', { entryDate: '2026-03-01', members: [{ personId: ids.persons.p, placeId: ids.places.b }] });
    expect(error.code).toBe('PERSON_ALREADY_PLACED');
  });

  it('writes nothing for a household when its third member is refused', async () => {
    const ids = register();
    const error = await refusedUnwritten('stays.admit', {
      entryDate: '2026-03-01', referralId: ids.referrals.request, householdId: ids.households.family,
      members: [
        { personId: ids.persons.mother, placeId: ids.places.flat1 },
        { personId: ids.persons.son, placeId: ids.places.bed1 },
        { personId: ids.persons.daughter, placeId: ids.places.flat2 },
      ],
    });
    expect(error).toMatchObject({ code: 'CHILDREN_NOT_ALLOWED', fieldErrors: { 'members.2.placeId': ['errors.CHILDREN_NOT_ALLOWED'] } });
    expect(verifyAuditChain(app.session.open().conn.sqlite).ok).toBe(true);
  });

  it('refuses to admit under a household a person who belongs to another one', async () => {
    const ids = register();
    const error = await refusedUnwritten('stays.admit', {
      entryDate: '2026-03-01', householdId: ids.households.family,
      members: [{ personId: ids.persons.mother, placeId: ids.places.bed1 }, { personId: ids.persons.guest, placeId: ids.places.bed2 }],
    });
    expect(error).toMatchObject({ code: 'PERSON_IN_OTHER_HOUSEHOLD', fieldErrors: { 'members.1.personId': ['errors.PERSON_IN_OTHER_HOUSEHOLD'] } });
  });

  it('refuses a place outside its active period, including an open stay on a place that closes', async () => {
    const ids = register();
    const before = await refusedUnwritten('stays.admit', { entryDate: '2026-01-15', members: [{ personId: ids.persons.guest, placeId: ids.places.seasonal }] });
    expect(before.code).toBe('PLACE_NOT_ACTIVE');
    const openEnded = await refusedUnwritten('stays.admit', { entryDate: '2026-03-01', members: [{ personId: ids.persons.guest, placeId: ids.places.seasonal }] });
    expect(openEnded.code).toBe('PLACE_NOT_ACTIVE');
  });

  it('refuses a bed on an out-of-service night, and one with an out-of-service period ahead', async () => {
    const ids = register();
    expect((await refusedUnwritten('stays.admit', { entryDate: '2026-03-12', members: [{ personId: ids.persons.guest, placeId: ids.places.repair }] })).code).toBe('PLACE_OUT_OF_SERVICE');
    expect((await refusedUnwritten('stays.admit', { entryDate: '2026-03-01', members: [{ personId: ids.persons.guest, placeId: ids.places.repair }] })).code).toBe('PLACE_OUT_OF_SERVICE');
    // The period ends on the 20th: that night the bed is back in service.
    await admitOne(ids.persons.guest, ids.places.repair, '2026-03-20');
  });

  it('refuses an adult man in a women-only structure but hosts a boy with his mother', async () => {
    const ids = buildRegister(db(), {
      structures: [{ key: 'shelter', womenOnly: true, places: [{ key: 'a' }, { key: 'b' }, { key: 'c' }, { key: 'd' }] }],
      persons: [
        { key: 'man', gender: 'male', birthDate: '1980-02-02' },
        { key: 'estimated', gender: 'male', birthYear: 2008 },
        { key: 'boy', gender: 'male', birthDate: '2008-06-01' },
        { key: 'unknownAge', gender: 'male' },
        { key: 'nonbinary', gender: 'nonbinary', birthDate: '1995-01-01' },
      ],
    });
    const into = (person: number) => ({ entryDate: '2026-03-01', members: [{ personId: person, placeId: ids.places.a }] });
    expect((await refusedUnwritten('stays.admit', into(ids.persons.man))).code).toBe('WOMEN_ONLY_STRUCTURE');
    // Only the year is known: 2026 − 2008 = 18, so he counts as an adult.
    expect((await refusedUnwritten('stays.admit', into(ids.persons.estimated))).code).toBe('WOMEN_ONLY_STRUCTURE');
    expect((await refusedUnwritten('stays.admit', into(ids.persons.unknownAge))).code).toBe('WOMEN_ONLY_STRUCTURE');
    await admitOne(ids.persons.boy, ids.places.b);
    await admitOne(ids.persons.nonbinary, ids.places.c);
  });

  it('refuses a minor where children are not allowed, and takes a guest of unknown age as an adult', async () => {
    const ids = buildRegister(db(), {
      structures: [{ key: 'flat', childrenAllowed: false, places: [{ key: 'a' }, { key: 'b' }] }],
      persons: [{ key: 'girl', birthDate: '2010-09-01' }, { key: 'unknown' }],
    });
    const error = await refusedUnwritten('stays.admit', { entryDate: '2026-03-01', members: [{ personId: ids.persons.girl, placeId: ids.places.a }] });
    expect(error).toMatchObject({ code: 'CHILDREN_NOT_ALLOWED', fieldErrors: { placeId: ['errors.CHILDREN_NOT_ALLOWED'] } });
    await admitOne(ids.persons.unknown, ids.places.b);
  });

  it('refuses a planned end before the entry, with its own message', async () => {
    const ids = register();
    const error = await refusedUnwritten('stays.admit', { entryDate: '2026-03-01', plannedEnd: '2026-02-28', members: [{ personId: ids.persons.guest, placeId: ids.places.bed1 }] });
    expect(error).toMatchObject({ code: 'PLANNED_END_BEFORE_ENTRY', fieldErrors: { plannedEnd: ['errors.PLANNED_END_BEFORE_ENTRY'] } });
  });

  it('admits into a bed free only until a later booking with a placement that ends there, the stay left open', async () => {
    const ids = register();
    await admitOne(ids.persons.guest, ids.places.bed1, '2026-03-20');
    const bounded = await admit({ entryDate: '2026-03-10', plannedEnd: '2026-06-30', members: [{ personId: ids.persons.mother, placeId: ids.places.bed1, placementEnd: '2026-03-20' }] });
    expect(stayRow(bounded.stayIds[0]!)).toMatchObject({ exitDate: null, plannedEnd: '2026-06-30' });
    expect(placementsOf(bounded.stayIds[0]!).map((p) => [p.placeId, p.startDate, p.endDate])).toEqual([[ids.places.bed1, '2026-03-10', '2026-03-20']]);
    expect(lastAudit(1)[0]).toMatchObject({ action: 'placement.create', fields: ['endDate', 'personId', 'placeId', 'startDate', 'stayId'] });
    // A placement end not after the entry is refused next to that member's field.
    const error = await refusedUnwritten('stays.admit', { entryDate: '2026-03-10', members: [{ personId: ids.persons.daughter, placeId: ids.places.bed2, placementEnd: '2026-03-10' }] });
    expect(error).toMatchObject({ code: 'INVALID_PERIOD', fieldErrors: { 'members.0.placementEnd': ['errors.INVALID_PERIOD'] } });
    // On the placement's end date the planned move continues the same stay in another bed, open-ended.
    const moved = await call(app, 'placements.transfer', { personId: ids.persons.mother, date: '2026-03-20', toPlaceId: ids.places.bed2 });
    expect(moved.stayIds).toEqual(bounded.stayIds);
    expect(placementsOf(bounded.stayIds[0]!).map((p) => [p.placeId, p.startDate, p.endDate])).toEqual([
      [ids.places.bed1, '2026-03-10', '2026-03-20'], [ids.places.bed2, '2026-03-20', null],
    ]);
    expect((await refusedUnwritten('placements.transfer', { personId: ids.persons.mother, date: '2026-03-25', toPlaceId: ids.places.bed1 })).code).toBe('PLACE_OCCUPIED');
  });

  it('refuses an admission from a referral that is no longer pending', async () => {
    const ids = register();
    const error = await refusedUnwritten('stays.admit', { entryDate: '2026-03-01', referralId: ids.referrals.declined, members: [{ personId: ids.persons.guest, placeId: ids.places.bed1 }] });
    expect(error.code).toBe('REFERRAL_CLOSED');
  });
});

describe('transfer', () => {
  it('moves a guest to another bed: the placement splits on the date, the stay is unchanged', async () => {
    const ids = register();
    const { stayIds } = await admitOne(ids.persons.guest, ids.places.bed1, '2026-03-01');
    const stayBefore = stayRow(stayIds[0]!);
    const before = counts(db());
    const moved = await call(app, 'placements.transfer', { personId: ids.persons.guest, date: '2026-03-15', toPlaceId: ids.places.bed2 });
    expect(moved.stayIds).toEqual(stayIds);
    expect(placementsOf(stayIds[0]!).map((p) => [p.placeId, p.startDate, p.endDate])).toEqual([
      [ids.places.bed1, '2026-03-01', '2026-03-15'], [ids.places.bed2, '2026-03-15', null],
    ]);
    expect(stayRow(stayIds[0]!)).toEqual(stayBefore);
    expect(counts(db())).toMatchObject({ stays: before.stays, placements: before.placements + 1 });
    // The freed bed takes someone else from the transfer night.
    await admitOne(ids.persons.mother, ids.places.bed1, '2026-03-15');
  });

  it('changes the place without a zero-night placement when moving on the first night', async () => {
    const ids = register();
    const { stayIds, placementIds } = await admitOne(ids.persons.guest, ids.places.bed1, '2026-03-01');
    const moved = await call(app, 'placements.transfer', { personId: ids.persons.guest, date: '2026-03-01', toPlaceId: ids.places.bed2 });
    expect(moved.placementIds).toEqual(placementIds);
    expect(placementsOf(stayIds[0]!).map((p) => [p.placeId, p.startDate, p.endDate])).toEqual([[ids.places.bed2, '2026-03-01', null]]);
  });

  it('refuses a transfer on a night the person has no bed', async () => {
    const ids = register();
    const { stayIds } = await admitOne(ids.persons.guest, ids.places.bed1, '2026-03-01');
    await discharge(stayIds, '2026-03-10');
    for (const date of ['2026-02-28', '2026-03-10']) {
      const error = await refusedUnwritten('placements.transfer', { personId: ids.persons.guest, date, toPlaceId: ids.places.bed2 });
      expect(error).toMatchObject({ code: 'NO_OPEN_PLACEMENT', fieldErrors: { date: ['errors.NO_OPEN_PLACEMENT'] } });
    }
  });

  it('applies the place rules to the new bed', async () => {
    const ids = register();
    await admitOne(ids.persons.mother, ids.places.bed1);
    await admitOne(ids.persons.daughter, ids.places.bed2);
    const occupied = await refusedUnwritten('placements.transfer', { personId: ids.persons.daughter, date: '2026-03-05', toPlaceId: ids.places.bed1 });
    expect(occupied).toMatchObject({ code: 'PLACE_OCCUPIED', fieldErrors: { toPlaceId: ['errors.PLACE_OCCUPIED'] } });
    const noChildren = await refusedUnwritten('placements.transfer', { personId: ids.persons.daughter, date: '2026-03-05', toPlaceId: ids.places.flat1 });
    expect(noChildren.code).toBe('CHILDREN_NOT_ALLOWED');
  });
});

describe('extension', () => {
  it('extends an open stay and keeps the previous planned end and who granted it', async () => {
    const ids = register();
    const { stayIds } = await admit({ entryDate: '2026-03-01', plannedEnd: '2026-06-30', members: [{ personId: ids.persons.guest, placeId: ids.places.bed1 }] });
    await call(app, 'stays.extend', { stayId: stayIds[0]!, newPlannedEnd: '2026-09-30', grantedBy: 'Servizi sociali', grantedAt: '2026-06-20' });
    expect(stayRow(stayIds[0]!).plannedEnd).toBe('2026-09-30');
    const extension = db().select().from(stayExtensions).where(eq(stayExtensions.stayId, stayIds[0]!)).all();
    expect(extension).toMatchObject([{ previousPlannedEnd: '2026-06-30', newPlannedEnd: '2026-09-30', grantedBy: 'Servizi sociali', grantedAt: '2026-06-20' }]);
    expect(lastAudit(2).map((e) => e.action)).toEqual(['stay.extend', 'stay_extension.create']);
  });

  it('refuses to extend a closed stay, to a planned end not after the entry, or not later than the current one', async () => {
    const ids = register();
    const open = await admitOne(ids.persons.mother, ids.places.bed2, '2026-03-01');
    const tooEarly = await refusedUnwritten('stays.extend', { stayId: open.stayIds[0]!, newPlannedEnd: '2026-03-01', grantedBy: 'X', grantedAt: '2026-03-01' });
    expect(tooEarly).toMatchObject({ code: 'PLANNED_END_BEFORE_ENTRY', fieldErrors: { newPlannedEnd: ['errors.PLANNED_END_BEFORE_ENTRY'] } });
    await call(app, 'stays.extend', { stayId: open.stayIds[0]!, newPlannedEnd: '2026-06-30', grantedBy: 'X', grantedAt: '2026-03-02' });
    for (const newPlannedEnd of ['2026-06-30', '2026-05-01']) {
      const notLater = await refusedUnwritten('stays.extend', { stayId: open.stayIds[0]!, newPlannedEnd, grantedBy: 'X', grantedAt: '2026-03-03' });
      expect(notLater).toMatchObject({ code: 'EXTENSION_NOT_LATER', fieldErrors: { newPlannedEnd: ['errors.EXTENSION_NOT_LATER'] } });
    }
    const closed = await admitOne(ids.persons.guest, ids.places.bed1, '2026-03-01');
    await discharge(closed.stayIds, '2026-04-01');
    const error = await refusedUnwritten('stays.extend', { stayId: closed.stayIds[0]!, newPlannedEnd: '2026-09-30', grantedBy: 'X', grantedAt: '2026-04-02' });
    expect(error.code).toBe('STAY_CLOSED');
  });
});

describe('discharge', () => {
  it('discharges a household together and closes their open placements on the exit date', async () => {
    const ids = register();
    const admitted = await admit({
      entryDate: '2026-03-01', householdId: ids.households.family,
      members: [{ personId: ids.persons.mother, placeId: ids.places.bed1 }, { personId: ids.persons.daughter, placeId: ids.places.bed2 }],
    });
    await call(app, 'placements.transfer', { personId: ids.persons.daughter, date: '2026-04-01', toPlaceId: ids.places.bed3 });
    const result = await call(app, 'stays.discharge', { stayIds: admitted.stayIds, exitDate: '2026-05-10', exitReason: 'socio_economic_inclusion', destination: 'Affitto autonomo' });
    expect(result.stayIds).toEqual(admitted.stayIds);
    for (const id of admitted.stayIds) {
      expect(stayRow(id)).toMatchObject({ exitDate: '2026-05-10', exitReason: 'socio_economic_inclusion', destination: 'Affitto autonomo' });
      expect(placementsOf(id).at(-1)!.endDate).toBe('2026-05-10');
    }
    expect(placementsOf(admitted.stayIds[1]!).map((p) => p.endDate)).toEqual(['2026-04-01', '2026-05-10']);
  });

  it('records a same-day entry and exit as zero nights, leaving the bed free that night', async () => {
    const ids = register();
    const { stayIds } = await admitOne(ids.persons.guest, ids.places.bed1, '2026-03-01');
    await discharge(stayIds, '2026-03-01');
    expect(stayRow(stayIds[0]!)).toMatchObject({ entryDate: '2026-03-01', exitDate: '2026-03-01' });
    expect(placementsOf(stayIds[0]!).map((p) => [p.startDate, p.endDate])).toEqual([['2026-03-01', '2026-03-01']]);
    await admitOne(ids.persons.mother, ids.places.bed1, '2026-03-01');
  });

  it('refuses an exit before the entry, and a stay already closed', async () => {
    const ids = register();
    const { stayIds } = await admitOne(ids.persons.guest, ids.places.bed1, '2026-03-01');
    const early = await refusedUnwritten('stays.discharge', { stayIds, exitDate: '2026-02-28', exitReason: 'other' });
    expect(early).toMatchObject({ code: 'EXIT_BEFORE_ENTRY', fieldErrors: { exitDate: ['errors.EXIT_BEFORE_ENTRY'] } });
    await discharge(stayIds, '2026-03-20');
    expect((await refusedUnwritten('stays.discharge', { stayIds, exitDate: '2026-03-25', exitReason: 'other' })).code).toBe('STAY_CLOSED');
  });

  it('refuses a household discharge when one stay is closed, writing nothing for the others', async () => {
    const ids = register();
    const mother = await admitOne(ids.persons.mother, ids.places.bed1, '2026-03-01');
    const daughter = await admitOne(ids.persons.daughter, ids.places.bed2, '2026-03-01');
    await discharge(daughter.stayIds, '2026-03-10');
    const error = await refusedUnwritten('stays.discharge', { stayIds: [...mother.stayIds, ...daughter.stayIds], exitDate: '2026-03-20', exitReason: 'other' });
    expect(error.code).toBe('STAY_CLOSED');
  });

  it('refuses an exit before a placement has started', async () => {
    const ids = register();
    const { stayIds } = await admitOne(ids.persons.guest, ids.places.bed1, '2026-03-01');
    await call(app, 'placements.transfer', { personId: ids.persons.guest, date: '2026-04-01', toPlaceId: ids.places.bed2 });
    const error = await refusedUnwritten('stays.discharge', { stayIds, exitDate: '2026-03-15', exitReason: 'other' });
    expect(error.code).toBe('PLACEMENT_OUTSIDE_STAY');
  });
});

describe('date correction', () => {
  const correct = (input: ChannelInput<'stays.correctDate'>) => call(app, 'stays.correctDate', input);

  it('corrects an entry date, moving the first placement with it, and keeps the trail', async () => {
    const ids = register();
    const { stayIds, placementIds } = await admitOne(ids.persons.guest, ids.places.bed1, '2026-03-05');
    const result = await correct({ target: 'entry', id: stayIds[0]!, date: '2026-03-03', reason: 'Data digitata male' });
    expect(result.placementIds).toEqual(placementIds);
    expect(stayRow(stayIds[0]!).entryDate).toBe('2026-03-03');
    expect(placementsOf(stayIds[0]!)[0]!.startDate).toBe('2026-03-03');
    const trail = db().select().from(dateCorrections).orderBy(desc(dateCorrections.id)).limit(2).all().reverse();
    expect(trail).toMatchObject([
      { entity: 'stay', recordId: stayIds[0], field: 'entryDate', oldValue: '2026-03-05', newValue: '2026-03-03', reason: 'Data digitata male' },
      { entity: 'placement', recordId: placementIds[0], field: 'startDate', oldValue: '2026-03-05', newValue: '2026-03-03', reason: 'Data digitata male' },
    ]);
    expect(lastAudit(2)).toEqual([
      { action: 'stay.correctDate', entity: 'stay', recordId: String(stayIds[0]), fields: ['entryDate'] },
      { action: 'placement.correctDate', entity: 'placement', recordId: String(placementIds[0]), fields: ['startDate'] },
    ]);
  });

  it('corrects an exit date together with the placement that ended on it', async () => {
    const ids = register();
    const { stayIds } = await admitOne(ids.persons.guest, ids.places.bed1, '2026-03-01');
    await discharge(stayIds, '2026-03-01');
    await correct({ target: 'exit', id: stayIds[0]!, date: '2026-03-04', reason: 'Uscita registrata in ritardo' });
    expect(stayRow(stayIds[0]!).exitDate).toBe('2026-03-04');
    expect(placementsOf(stayIds[0]!).map((p) => [p.startDate, p.endDate])).toEqual([['2026-03-01', '2026-03-04']]);
  });

  it('moves both sides of a transfer when its date is corrected', async () => {
    const ids = register();
    const { stayIds } = await admitOne(ids.persons.guest, ids.places.bed1, '2026-03-01');
    const moved = await call(app, 'placements.transfer', { personId: ids.persons.guest, date: '2026-03-15', toPlaceId: ids.places.bed2 });
    await correct({ target: 'placementStart', id: moved.placementIds[1]!, date: '2026-03-12', reason: 'Trasferimento anticipato' });
    expect(placementsOf(stayIds[0]!).map((p) => [p.placeId, p.startDate, p.endDate])).toEqual([
      [ids.places.bed1, '2026-03-01', '2026-03-12'], [ids.places.bed2, '2026-03-12', null],
    ]);
  });

  it('refuses a correction that would double-book a bed', async () => {
    const ids = register();
    const first = await admitOne(ids.persons.guest, ids.places.bed1, '2026-03-01');
    await discharge(first.stayIds, '2026-03-10');
    await admitOne(ids.persons.mother, ids.places.bed1, '2026-03-10');
    const error = await refusedUnwritten('stays.correctDate', { target: 'exit', id: first.stayIds[0]!, date: '2026-03-12', reason: 'Errore' });
    expect(error).toMatchObject({ code: 'PLACE_OCCUPIED', fieldErrors: { date: ['errors.PLACE_OCCUPIED'] } });
  });

  it('refuses a corrected start that gives a person two beds on one night', async () => {
    const ids = buildRegister(db(), {
      structures: [{ key: 's', places: [{ key: 'a' }, { key: 'b' }] }],
      persons: [{ key: 'p' }],
      // A gap between two placements (a hospital stay, say), so no transfer links them.
      stays: [{ key: 'stay', person: 'p', entry: '2026-03-01', placements: [{ place: 'a', from: '2026-03-01', to: '2026-03-10' }, { place: 'b', from: '2026-03-15' }] }],
    });
    const second = placementsOf(ids.stays.stay)[1]!;
    const error = await refusedUnwritten('stays.correctDate', { target: 'placementStart', id: second.id, date: '2026-03-08', reason: 'Errore' });
    expect(error.code).toBe('PERSON_ALREADY_PLACED');
  });

  it('refuses an exit corrected to before the entry, and an entry moved past a later placement', async () => {
    const ids = register();
    const { stayIds } = await admitOne(ids.persons.guest, ids.places.bed1, '2026-03-01');
    await call(app, 'placements.transfer', { personId: ids.persons.guest, date: '2026-03-10', toPlaceId: ids.places.bed2 });
    const pastTransfer = await refusedUnwritten('stays.correctDate', { target: 'entry', id: stayIds[0]!, date: '2026-03-12', reason: 'Errore' });
    expect(pastTransfer.code).toBe('PLACEMENT_OUTSIDE_STAY');
    await discharge(stayIds, '2026-03-20');
    const error = await refusedUnwritten('stays.correctDate', { target: 'exit', id: stayIds[0]!, date: '2026-02-20', reason: 'Errore' });
    expect(error).toMatchObject({ code: 'EXIT_BEFORE_ENTRY', fieldErrors: { date: ['errors.EXIT_BEFORE_ENTRY'] } });
  });

  it('refuses an entry moved into the person’s previous stay', async () => {
    const ids = register();
    const earlier = await admitOne(ids.persons.guest, ids.places.bed1, '2026-01-10');
    await discharge(earlier.stayIds, '2026-02-01');
    const later = await admitOne(ids.persons.guest, ids.places.bed2, '2026-03-01');
    const error = await refusedUnwritten('stays.correctDate', { target: 'entry', id: later.stayIds[0]!, date: '2026-01-20', reason: 'Errore' });
    expect(error.code).toBe('STAY_ALREADY_OPEN');
  });

  it('refuses to correct the exit of a stay that is still open', async () => {
    const ids = register();
    const { stayIds } = await admitOne(ids.persons.guest, ids.places.bed1, '2026-03-01');
    expect((await refusedUnwritten('stays.correctDate', { target: 'exit', id: stayIds[0]!, date: '2026-03-20', reason: 'Errore' })).code).toBe('INVALID_INPUT');
  });
});
