import { describe, expect, it } from 'vitest';
import { placementProblem } from '../../electron/core/services/placement-rules';
import { couldBeMinorOn, isAdultManOn } from '../../electron/shared/guest-rules';

const place = { activeFrom: '2020-01-01', activeTo: null, womenOnly: true, childrenAllowed: false };
const stay = { from: '2026-01-01', to: null };

describe('the age rules', () => {
  it('treats a person known only by an estimated birth year as possibly a minor for the children rule', () => {
    const teen = { gender: 'female' as const, birthDate: null, birthYear: 2008 };
    expect(couldBeMinorOn(teen, '2026-06-01')).toBe(true); // 17 or 18
    expect(placementProblem({ period: { from: '2026-06-01', to: null }, stay, place, person: teen })).toBe('CHILDREN_NOT_ALLOWED');
    expect(couldBeMinorOn({ ...teen, birthYear: 2007 }, '2026-06-01')).toBe(false);
  });
  it('counts a man of unknown age as an adult for the women-only rule', () => {
    const man = { gender: 'male' as const, birthDate: null, birthYear: null };
    expect(isAdultManOn(man, '2026-06-01')).toBe(true);
    expect(placementProblem({ period: { from: '2026-06-01', to: null }, stay, place, person: man })).toBe('WOMEN_ONLY_STRUCTURE');
  });
});
