// The desk's small rules around the board: the referral queue's waiting times, a referral's
// "received at" in Rome time, the intake's rows (a proposal applied by guest, a picked place swapping with
// the row that held it, the request sent), and where an intake refusal is shown.
import { describe, expect, it } from 'vitest';
import * as queue from '../../renderer/src/features/referrals/queue';
import { normaliseTime } from '../../renderer/src/features/referrals/received-at';
import { romeOffsetMinutes, romeWallClock, todayInRome, withRomeOffset } from '../../electron/shared/dates';
import * as intake from '../../renderer/src/features/admission/intake-model';
import * as refusals from '../../renderer/src/features/admission/refusals';

describe('referral queue', () => {
  it('shows waiting time in hours below a day and in whole days after', () => {
    expect(queue.waitingParts(0.4)).toEqual({ unit: 'lessThanHour', count: 0 });
    expect(queue.waitingParts(3.9)).toEqual({ unit: 'hours', count: 3 });
    expect(queue.waitingParts(23.99)).toEqual({ unit: 'hours', count: 23 });
    expect(queue.waitingParts(49)).toEqual({ unit: 'days', count: 2 });
  });
});

describe('referral received at', () => {
  it('sends the time typed with Rome’s offset, winter and summer, keeping the local day', () => {
    expect(withRomeOffset('2026-12-01T00:30')).toBe('2026-12-01T00:30:00+01:00');
    expect(withRomeOffset('2026-07-15T23:10')).toBe('2026-07-15T23:10:00+02:00');
    expect(Date.parse(withRomeOffset('2026-12-01T00:30')!)).toBe(Date.parse('2026-11-30T23:30:00Z'));
    expect(withRomeOffset('2026-12-01')).toBeNull();
  });

  it('reads the time typed as 24-hour hh:mm, with or without the colon, and refuses impossible times', () => {
    expect(normaliseTime('21:30')).toBe('21:30');
    expect(normaliseTime('9.05')).toBe('09:05');
    expect(normaliseTime('2130')).toBe('21:30');
    expect(normaliseTime('24:00')).toBeNull();
    expect(normaliseTime('21:60')).toBeNull();
    expect(normaliseTime('9 pm')).toBeNull();
  });

  it('starts from the current time on Rome’s clock', () => {
    expect(romeWallClock(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01T00:30');
    expect(romeWallClock(new Date('2026-07-15T21:10:00Z'))).toBe('2026-07-15T23:10');
    expect(todayInRome(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it('takes the offset of the hour typed on the days the clocks change', () => {
    expect(withRomeOffset('2026-03-29T01:30')).toBe('2026-03-29T01:30:00+01:00');
    expect(withRomeOffset('2026-03-29T03:30')).toBe('2026-03-29T03:30:00+02:00');
    expect(withRomeOffset('2026-10-25T00:30')).toBe('2026-10-25T00:30:00+02:00');
    expect(withRomeOffset('2026-10-25T03:30')).toBe('2026-10-25T03:30:00+01:00');
    expect(romeOffsetMinutes(Date.parse('2026-03-29T00:59:59Z'))).toBe(60);
    expect(romeOffsetMinutes(Date.parse('2026-03-29T01:00:00Z'))).toBe(120);
  });
});

type Available = Parameters<typeof intake.placesFor>[0][number];
const available = (placeId: number, runs: { from: string; until: string | null }[], refusals: Available['refusals'] = []): Available => ({
  placeId, label: `Letto ${placeId}`, kind: 'bed', roomId: 1, roomName: 'Camera A', structureId: 1, structureName: 'Casa', structureType: 'shelter',
  activeFrom: '2020-01-01', activeTo: null, womenOnly: true, childrenAllowed: true, free: runs, refusals,
});
const D = '2026-12-10';

describe('the intake rows', () => {
  const places = [available(1, [{ from: D, until: null }]), available(2, [{ from: D, until: '2026-12-20' }]), available(3, [{ from: '2026-12-12', until: null }]), available(4, [{ from: D, until: null }], [{ guest: 1, code: 'WOMEN_ONLY_STRUCTURE' }])];
  const rows = () => [intake.newRow('head', 1), intake.newRow('child', 2), intake.newRow('child', null)];

  it('offers a row the places usable from the entry date that its structure does not refuse to that person', () => {
    expect(intake.placesFor(places, 0, D).map((p) => [p.placeId, p.freeUntil])).toEqual([[1, null], [2, '2026-12-20'], [4, null]]);
    expect(intake.placesFor(places, 1, D).map((p) => p.placeId)).toEqual([1, 2]);
  });

  it('swaps two rows’ places in one choice, each keeping the placement end its new place needs', () => {
    const start = rows().map((r, i) => (i === 1 ? { ...r, placementEnd: '2026-12-20' } : r));
    const picked = intake.choosePlace(start, 0, 2, places, D);
    expect(picked.map((r) => [r.placeId, r.placementEnd])).toEqual([[2, '2026-12-20'], [1, null], [null, null]]);
    expect(intake.swapPlaces(picked, 0, 1).map((r) => [r.placeId, r.placementEnd])).toEqual([[1, null], [2, '2026-12-20'], [null, null]]);
    // A free place nobody holds just moves the row there.
    expect(intake.choosePlace(start, 2, 4, places, D).map((r) => r.placeId)).toEqual([1, 2, 4]);
  });

  it('applies a proposal by guest, with the end of a place free only until a later booking', () => {
    const match = {
      structureId: 1, structureName: 'Casa', structureType: 'shelter' as const, partnerName: 'P', familyTogether: true, freeCount: 3, score: 40, reasons: [],
      places: [
        { placeId: 7, label: 'Letto 7', roomId: 1, roomName: 'A', kind: 'bed' as const, guest: 2, freeUntil: '2026-12-20' },
        { placeId: 8, label: 'Letto 8', roomId: 1, roomName: 'A', kind: 'bed' as const, guest: 0, freeUntil: null },
        { placeId: 9, label: 'Culla', roomId: 1, roomName: 'A', kind: 'cot' as const, guest: 1, freeUntil: null },
      ],
    };
    expect(intake.applyMatch(rows(), match).map((r) => [r.placeId, r.placementEnd])).toEqual([[8, null], [9, null], [7, '2026-12-20']]);
  });

  it('sends the head as head, registered persons by id and new ones by their fields', () => {
    const known = intake.knownRow({ personId: 5, code: 'AP-1', label: 'Amina', age: 30, householdRelationship: null }, 'child');
    const child = { ...intake.newRow('child', 3), fields: { displayName: 'Leila', gender: 'female' as const, birthDate: '2020-01-01', birthYear: '', restricted: false } };
    const request = intake.intakeRequest([{ ...known, placeId: 1 }, child], { entryDate: D, plannedEnd: null, referralId: null });
    expect(request.people).toEqual([
      { personId: 5, relationship: 'head', placeId: 1, placementEnd: null },
      { fields: { displayName: 'Leila', gender: 'female', birthDate: '2020-01-01', birthYear: null, restricted: false }, acknowledgeDuplicates: false, relationship: 'child', placeId: 3, placementEnd: null },
    ]);
    expect(intake.badYear({ ...child.fields, birthYear: '19x0' })).toBe(true);
  });
});

describe('intake refusals', () => {
  it('puts a refusal about a person on that row’s field', () => {
    expect(refusals.rowErrorTarget('people.1.placeId', 3)).toEqual({ row: 1, field: 'placeId' });
    expect(refusals.rowErrorTarget('people.2.fields.displayName', 3)).toEqual({ row: 2, field: 'displayName' });
    expect(refusals.rowErrorTarget('people.0.placementEnd', 1)).toEqual({ row: 0, field: 'placementEnd' });
    expect(refusals.rowErrorTarget('people.0', 1)).toEqual({ row: 0, field: 'placeId' });
  });

  it('leaves a refusal about another field or an unknown row to the page', () => {
    expect(refusals.rowErrorTarget('people.5.placeId', 3)).toBeNull();
    expect(refusals.rowErrorTarget('entryDate', 1)).toBeNull();
  });
});
