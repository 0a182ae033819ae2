// The one intake: new and registered persons, the household built or completed, everyone admitted, in one
// transaction; duplicate checks and every admission rule still apply, and a refusal writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import type { AppCore } from '../../electron/core/app';
import { householdMembers, persons, placements, stays } from '../../electron/core/db/schema';
import type { ChannelInput } from '../../electron/shared/contract';
import type { ErrorBody } from '../../electron/shared/errors';
import { ADMIN, call, cleanupDirs, copyOf, core, login, makeTemplate, refusal } from './helpers';
import { counts, dailyRegister, registerDb, registerRows } from './register-fixtures';

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
type Intake = ChannelInput<'intake.admit'>;
type Person = Intake['people'][number];
const personCount = () => db().get<{ n: number }>(sql`SELECT count(*) AS n FROM persons`).n;
const newPerson = (displayName: string, gender: 'female' | 'male', birthDate: string, relationship: Person['relationship'], placeId: number): Person =>
  ({ fields: { displayName, gender, birthDate }, relationship, placeId });

async function refusedUnwritten(input: Intake): Promise<ErrorBody> {
  const before = { counts: counts(db()), rows: registerRows(db()), persons: personCount() };
  const error = await refusal(app, 'intake.admit', input);
  expect({ counts: counts(db()), rows: registerRows(db()), persons: personCount() }).toEqual(before);
  return error;
}

describe('the intake', () => {
  it('registers a new mother and two new children, makes them a household and admits them together', async () => {
    const ids = dailyRegister(db());
    const result = await call(app, 'intake.admit', {
      entryDate: '2026-03-01', plannedEnd: '2026-08-31',
      people: [
        newPerson('Nadia Intake', 'female', '1991-04-02', 'head', ids.places.bed1),
        newPerson('Yara Intake', 'female', '2020-06-01', 'child', ids.places.bed2),
        newPerson('Omar Intake', 'male', '2024-01-15', 'child', ids.places.cot1),
      ],
    });
    expect(result.persons).toHaveLength(3);
    expect(result.persons.every((p) => /^AP-\d{4}-\d{4}$/.test(p.code))).toBe(true);
    expect(result.householdId).not.toBeNull();
    const members = db().select().from(householdMembers).where(eq(householdMembers.householdId, result.householdId!)).all();
    expect(members.map((m) => [m.personId, m.relationship]).sort()).toEqual(result.persons.map((p, i) => [p.id, i === 0 ? 'head' : 'child']).sort());
    const admitted = db().select().from(stays).where(inArray(stays.id, result.stayIds)).all();
    expect(admitted.map((s) => [s.personId, s.householdId, s.exitDate])).toEqual(result.persons.map((p) => [p.id, result.householdId, null]));
    const placed = db().select().from(placements).where(inArray(placements.id, result.placementIds)).all();
    expect(placed.map((p) => p.placeId)).toEqual([ids.places.bed1, ids.places.bed2, ids.places.cot1]);
  });

  it('adds a newborn to the household of a registered mother and admits both', async () => {
    const ids = dailyRegister(db());
    const result = await call(app, 'intake.admit', {
      entryDate: '2026-03-01', plannedEnd: null, referralId: ids.referrals.request,
      people: [{ personId: ids.persons.mother, relationship: 'head', placeId: ids.places.bed1 }, newPerson('Neonata', 'female', '2026-02-01', 'child', ids.places.cot1)],
    });
    expect(result.householdId).toBe(ids.households.family);
    expect(db().select().from(householdMembers).where(eq(householdMembers.personId, result.persons[1]!.id)).get()).toMatchObject({ householdId: ids.households.family, relationship: 'child' });
  });

  it('refuses a possible duplicate until the desk says it is someone else, writing nothing meanwhile', async () => {
    const ids = dailyRegister(db());
    const twin = (await call(app, 'persons.create', { fields: { displayName: 'Sara Doppia', gender: 'female', birthDate: '1995-01-01' } })).id;
    const input: Intake = {
      entryDate: '2026-03-01', plannedEnd: null,
      people: [{ personId: ids.persons.guest, relationship: 'head', placeId: ids.places.bed1 }, newPerson('Sara Doppia', 'female', '1995-01-01', 'sibling', ids.places.bed2)],
    };
    const error = await refusedUnwritten(input);
    expect(error).toMatchObject({ code: 'POSSIBLE_DUPLICATE', fieldErrors: { 'people.1.fields.displayName': ['errors.POSSIBLE_DUPLICATE'] } });
    const done = await call(app, 'intake.admit', { ...input, people: [input.people[0]!, { ...input.people[1]!, acknowledgeDuplicates: true }] });
    expect(done.persons[1]!.id).not.toBe(twin);
  });

  it('writes nothing, not even the new persons, when a place is refused', async () => {
    const ids = dailyRegister(db());
    // The co-housing flat takes no children: the child's place is refused, next to her line.
    const error = await refusedUnwritten({
      entryDate: '2026-03-01', plannedEnd: null,
      people: [newPerson('Mamma Rifiutata', 'female', '1990-01-01', 'head', ids.places.flat1), newPerson('Bimba Rifiutata', 'female', '2021-01-01', 'child', ids.places.flat2)],
    });
    expect(error).toMatchObject({ code: 'CHILDREN_NOT_ALLOWED', fieldErrors: { 'people.1.placeId': ['errors.CHILDREN_NOT_ALLOWED'] } });
    expect(db().select().from(persons).where(eq(persons.displayName, 'Mamma Rifiutata')).all()).toEqual([]);
  });

  it('refuses a birth date in the future, a person in another household and a planned end before the entry', async () => {
    const ids = dailyRegister(db());
    const future = await refusedUnwritten({ entryDate: '2026-03-01', plannedEnd: null, people: [newPerson('Dal Futuro', 'female', '2099-01-01', 'head', ids.places.bed3)] });
    expect(future).toMatchObject({ code: 'BIRTH_DATE_IN_FUTURE', fieldErrors: { 'people.0.fields.birthDate': ['errors.BIRTH_DATE_IN_FUTURE'] } });
    const other = await refusedUnwritten({
      entryDate: '2026-03-01', plannedEnd: null,
      people: [{ personId: ids.persons.guest, relationship: 'head', placeId: ids.places.bed1 }, { personId: ids.persons.daughter, relationship: 'child', placeId: ids.places.bed2 }],
    });
    expect(other).toMatchObject({ code: 'PERSON_IN_OTHER_HOUSEHOLD', fieldErrors: { 'people.1.personId': ['errors.PERSON_IN_OTHER_HOUSEHOLD'] } });
    const planned = await refusedUnwritten({ entryDate: '2026-03-01', plannedEnd: '2026-02-01', people: [newPerson('Fine Prima', 'female', '1980-01-01', 'head', ids.places.bed3)] });
    expect(planned).toMatchObject({ code: 'PLANNED_END_BEFORE_ENTRY', fieldErrors: { plannedEnd: ['errors.PLANNED_END_BEFORE_ENTRY'] } });
    // The same future birth date through the person form.
    expect((await refusal(app, 'persons.create', { fields: { displayName: 'Dal Futuro', gender: 'female', birthDate: '2099-01-01' } })).code).toBe('BIRTH_DATE_IN_FUTURE');
  });
});
