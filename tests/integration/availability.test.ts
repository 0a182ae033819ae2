// One answer to "which places can take this person from this date": the availability channel (behind the
// bed board and the pickers), matching and the admission agree on every case of this table: estimated
// birth years, open-ended and bounded placements, later bookings and out-of-service periods, women-only and
// no-children structures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app';
import { addDays } from '../../electron/shared/dates';
import type { ErrorBody } from '../../electron/shared/errors';
import { ADMIN, call, cleanupDirs, copyOf, core, login, makeTemplate, refusal } from './helpers';
import { buildRegister, registerDb, type PersonSpec, type PlaceSpec, type StructureSpec } from './register-fixtures';

let app: AppCore;
beforeAll(async () => {
  app = core(copyOf(await makeTemplate()));
  await login(app, ADMIN.username, ADMIN.passphrase);
});
afterAll(() => {
  app.lock();
  cleanupDirs();
});

const D = '2026-06-10';
const woman: Omit<PersonSpec, 'key'> = { gender: 'female', birthDate: '1990-01-01' };

interface Case {
  name: string;
  structure?: Omit<StructureSpec, 'key' | 'places'>;
  place?: Omit<PlaceSpec, 'key'>;
  guest?: Omit<PersonSpec, 'key'>;
  /** Someone else's placement on the place: [from, to). */
  booked?: { from: string; to: string | null };
  /** null: not offered from D at all. */
  until: string | null | 'not offered';
  refusal?: 'WOMEN_ONLY_STRUCTURE' | 'CHILDREN_NOT_ALLOWED';
}

const cases: Case[] = [
  { name: 'a free bed, open-ended', until: null },
  { name: 'a bed booked from ten nights later', booked: { from: addDays(D, 10), to: null }, until: addDays(D, 10) },
  { name: 'a bed booked for a short stay later on', booked: { from: addDays(D, 3), to: addDays(D, 5) }, until: addDays(D, 3) },
  { name: 'a bed out of service from five nights later', place: { outOfService: [{ from: addDays(D, 5), to: addDays(D, 8) }] }, until: addDays(D, 5) },
  { name: 'a bed whose active period ends', place: { activeTo: addDays(D, 20) }, until: addDays(D, 20) },
  { name: 'a bed left on the morning of the first night', booked: { from: addDays(D, -5), to: D }, until: null },
  { name: 'a same-day entry and exit (no night)', booked: { from: D, to: D }, until: null },
  { name: 'a bed occupied on the first night', booked: { from: addDays(D, -5), to: null }, until: 'not offered' },
  { name: 'a bed out of service on the first night', place: { outOfService: [{ from: addDays(D, -1), to: addDays(D, 2) }] }, until: 'not offered' },
  { name: 'a bed active only from three nights later', place: { activeFrom: addDays(D, 3) }, until: 'not offered' },
  { name: 'a bed in a deactivated structure', structure: { active: false }, until: 'not offered' },
  { name: 'a women-only structure and an adult man', structure: { womenOnly: true }, guest: { gender: 'male', birthDate: '1985-03-03' }, until: null, refusal: 'WOMEN_ONLY_STRUCTURE' },
  { name: 'a women-only structure and a boy of ten', structure: { womenOnly: true }, guest: { gender: 'male', birthDate: '2016-01-01' }, until: null },
  { name: 'a women-only structure and a man of unknown age', structure: { womenOnly: true }, guest: { gender: 'male', birthDate: null, birthYear: null }, until: null, refusal: 'WOMEN_ONLY_STRUCTURE' },
  { name: 'no children, born in an estimated year that may still make 17', structure: { childrenAllowed: false }, guest: { gender: 'female', birthDate: null, birthYear: 2008 }, until: null, refusal: 'CHILDREN_NOT_ALLOWED' },
  { name: 'no children, an estimated year that makes 18 at least', structure: { childrenAllowed: false }, guest: { gender: 'female', birthDate: null, birthYear: 2007 }, until: null },
  { name: 'no children, a girl of 17 by her birth date', structure: { childrenAllowed: false }, guest: { gender: 'female', birthDate: '2008-12-01' }, until: null, refusal: 'CHILDREN_NOT_ALLOWED' },
  { name: 'no children, a later booking and an adult', structure: { childrenAllowed: false }, booked: { from: addDays(D, 4), to: null }, until: addDays(D, 4) },
];

describe.each(cases)('$name', (c) => {
  it('gets the same answer from the availability channel, matching and the admission', async () => {
    const ids = buildRegister(registerDb(app), {
      structures: [{ key: 's', ...c.structure, places: [{ key: 'bed', ...c.place }] }],
      persons: [{ key: 'guest', ...(c.guest ?? woman) }, { key: 'other', ...woman }],
      stays: c.booked ? [{ key: 'booking', person: 'other', entry: c.booked.from, exit: c.booked.to, placements: [{ place: 'bed', from: c.booked.from, to: c.booked.to }] }] : [],
    });
    const placeId = ids.places.bed;
    const personId = ids.persons.guest;

    // The channel behind the board and the pickers.
    const { places } = await call(app, 'places.available', { from: D, to: null, guests: [{ personId }], structureId: ids.structures.s });
    const offered = places.find((p) => p.placeId === placeId && p.free[0]?.from === D);
    if (c.until === 'not offered') expect(offered).toBeUndefined();
    else {
      expect(offered?.free[0]?.until).toBe(c.until);
      expect(offered?.refusals).toEqual(c.refusal ? [{ guest: 0, code: c.refusal }] : []);
    }

    // Matching, for the same person.
    const matches = (await call(app, 'referrals.match', { guests: [{ guest: { personId } }], from: D })).filter((m) => m.structureId === ids.structures.s);
    if (c.until === 'not offered' || c.refusal) expect(matches).toEqual([]);
    else expect(matches[0]?.places).toMatchObject([{ placeId, guest: 0, freeUntil: c.until }]);

    // The admission: refused where nothing is offered, with the rule's code; otherwise an open placement only
    // where the bed stays free, a placement past the free nights never, and one to the last free night always.
    const admit = (placementEnd: string | null) => ({ entryDate: D, plannedEnd: null, members: [{ personId, placeId, placementEnd }] });
    if (c.until === 'not offered' || c.refusal) {
      const error: ErrorBody = await refusal(app, 'stays.admit', admit(null));
      if (c.refusal) expect(error.code).toBe(c.refusal);
      return;
    }
    if (c.until !== null) {
      expect((await refusal(app, 'stays.admit', admit(null))).code).toMatch(/PLACE_OCCUPIED|PLACE_OUT_OF_SERVICE|PLACE_NOT_ACTIVE/);
      expect((await refusal(app, 'stays.admit', admit(addDays(c.until, 1)))).code).toMatch(/PLACE_OCCUPIED|PLACE_OUT_OF_SERVICE|PLACE_NOT_ACTIVE/);
    }
    const done = await call(app, 'stays.admit', admit(c.until));
    expect(done.placementIds).toHaveLength(1);
    // Once admitted, the bed is no longer offered from that night.
    const after = await call(app, 'places.available', { from: D, to: null, structureId: ids.structures.s });
    expect(after.places.find((p) => p.placeId === placeId && p.free[0]?.from === D)).toBeUndefined();
  });
});

describe('free runs over a range', () => {
  it('lists every stretch of usable nights in the range, each with the night it ends', async () => {
    const ids = buildRegister(registerDb(app), {
      structures: [{ key: 's', places: [{ key: 'bed', outOfService: [{ from: addDays(D, 2), to: addDays(D, 4) }] }] }],
      persons: [{ key: 'other', ...woman }],
      stays: [{ key: 'b', person: 'other', entry: addDays(D, 6), placements: [{ place: 'bed', from: addDays(D, 6), to: addDays(D, 9) }] }],
    });
    const { places } = await call(app, 'places.available', { from: D, to: addDays(D, 14), structureId: ids.structures.s });
    expect(places[0]!.free).toEqual([
      { from: D, until: addDays(D, 2) },
      { from: addDays(D, 4), until: addDays(D, 6) },
      { from: addDays(D, 9), until: null },
    ]);
    expect((await refusal(app, 'places.available', { from: D, to: D })).code).toBe('INVALID_PERIOD');
  });
});
