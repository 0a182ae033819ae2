// The desk's small rules around the board: the referral queue's order and waiting times, a referral's
// "received at" in Rome time, who takes which proposed place, and where an admission refusal is shown.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
// Loaded by path: the modules belong to the renderer's TypeScript project (see i18n.test.ts).
const queue = (await import(join(root, 'renderer/src/features/referrals/queue.ts'))) as {
  queueOrder(a: Entry, b: Entry): number;
  waitingParts(hours: number): { unit: string; count: number };
};
const receivedAt = (await import(join(root, 'renderer/src/features/referrals/received-at.ts'))) as {
  romeWallClock(now?: Date): string;
  withRomeOffset(wallClock: string): string | null;
  normaliseTime(typed: string): string | null;
};
const assign = (await import(join(root, 'renderer/src/features/admission/assign.ts'))) as {
  ageOn(date: string, birthDate: string | null, birthYear: number | null): number | null;
  assignPlaces(members: { personId: number; age: number | null }[], places: { placeId: number; kind: 'bed' | 'cot' }[]): Map<number, number>;
};
const refusals = (await import(join(root, 'renderer/src/features/admission/refusals.ts'))) as {
  memberErrorTarget(name: string, count: number): string | null;
};

interface Entry { id?: number; outcome: string; urgency: string; receivedAt: string; outcomeAt: string | null }

describe('referral queue', () => {
  it('puts pending referrals first, the most urgent then the longest waiting on top', () => {
    const entries: Entry[] = [
      { id: 1, outcome: 'placed', urgency: 'immediate', receivedAt: '2026-12-01T10:00:00+01:00', outcomeAt: '2026-12-01T12:00:00Z' },
      { id: 2, outcome: 'pending', urgency: 'normal', receivedAt: '2026-12-02T10:00:00+01:00', outcomeAt: null },
      { id: 3, outcome: 'pending', urgency: 'high', receivedAt: '2026-12-05T10:00:00+01:00', outcomeAt: null },
      { id: 4, outcome: 'pending', urgency: 'normal', receivedAt: '2026-12-01T09:00:00+01:00', outcomeAt: null },
      { id: 5, outcome: 'declined', urgency: 'low', receivedAt: '2026-12-01T10:00:00+01:00', outcomeAt: '2026-12-03T12:00:00Z' },
    ];
    expect([...entries].sort(queue.queueOrder).map((e) => e.id)).toEqual([3, 4, 2, 5, 1]);
  });

  it('shows waiting time in hours below a day and in whole days after', () => {
    expect(queue.waitingParts(0.4)).toEqual({ unit: 'lessThanHour', count: 0 });
    expect(queue.waitingParts(3.9)).toEqual({ unit: 'hours', count: 3 });
    expect(queue.waitingParts(23.99)).toEqual({ unit: 'hours', count: 23 });
    expect(queue.waitingParts(49)).toEqual({ unit: 'days', count: 2 });
  });
});

describe('referral received at', () => {
  it('sends the time typed with Rome’s offset, winter and summer, keeping the local day', () => {
    expect(receivedAt.withRomeOffset('2026-12-01T00:30')).toBe('2026-12-01T00:30:00+01:00');
    expect(receivedAt.withRomeOffset('2026-07-15T23:10')).toBe('2026-07-15T23:10:00+02:00');
    expect(Date.parse(receivedAt.withRomeOffset('2026-12-01T00:30')!)).toBe(Date.parse('2026-11-30T23:30:00Z'));
    expect(receivedAt.withRomeOffset('2026-12-01')).toBeNull();
  });

  it('reads the time typed as 24-hour hh:mm, with or without the colon, and refuses impossible times', () => {
    expect(receivedAt.normaliseTime('21:30')).toBe('21:30');
    expect(receivedAt.normaliseTime('9.05')).toBe('09:05');
    expect(receivedAt.normaliseTime('2130')).toBe('21:30');
    expect(receivedAt.normaliseTime('24:00')).toBeNull();
    expect(receivedAt.normaliseTime('21:60')).toBeNull();
    expect(receivedAt.normaliseTime('9 pm')).toBeNull();
  });

  it('starts from the current time on Rome’s clock', () => {
    expect(receivedAt.romeWallClock(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01T00:30');
    expect(receivedAt.romeWallClock(new Date('2026-07-15T21:10:00Z'))).toBe('2026-07-15T23:10');
  });
});

describe('proposed places for a household', () => {
  it('gives cots to children under three and beds to everyone else', () => {
    const members = [{ personId: 1, age: 34 }, { personId: 2, age: 1 }, { personId: 3, age: 7 }];
    const places = [{ placeId: 10, kind: 'bed' as const }, { placeId: 11, kind: 'cot' as const }, { placeId: 12, kind: 'bed' as const }];
    expect([...assign.assignPlaces(members, places)]).toEqual([[2, 11], [1, 10], [3, 12]]);
  });

  it('puts a baby in a bed when there is no cot, and never an adult in a cot', () => {
    expect([...assign.assignPlaces([{ personId: 1, age: 0 }], [{ placeId: 10, kind: 'bed' }])]).toEqual([[1, 10]]);
    expect(assign.assignPlaces([{ personId: 1, age: 30 }], [{ placeId: 11, kind: 'cot' }]).size).toBe(0);
  });

  it('computes age on the entry date from the birth date, or from the year alone', () => {
    expect(assign.ageOn('2026-12-05', '2024-12-06', 2024)).toBe(1);
    expect(assign.ageOn('2026-12-06', '2024-12-06', 2024)).toBe(2);
    expect(assign.ageOn('2026-12-05', null, 2024)).toBe(2);
    expect(assign.ageOn('2026-12-05', null, null)).toBeNull();
  });
});

describe('admission refusals', () => {
  it('puts a refusal about a member on that member’s place or person line', () => {
    expect(refusals.memberErrorTarget('members.1.placeId', 3)).toBe('members.1.placeId');
    expect(refusals.memberErrorTarget('members.2.personId', 3)).toBe('members.2.personId');
    expect(refusals.memberErrorTarget('members.0', 1)).toBe('members.0.placeId');
    expect(refusals.memberErrorTarget('members.5.placeId', 3)).toBeNull();
  });

  it('puts a refusal about "the" place on the only member, and leaves it to the form alert otherwise', () => {
    expect(refusals.memberErrorTarget('placeId', 1)).toBe('members.0.placeId');
    expect(refusals.memberErrorTarget('placeId', 2)).toBeNull();
    expect(refusals.memberErrorTarget('entryDate', 1)).toBeNull();
  });
});
