// The pure checks of a placement against PRODUCT.md's rules: inside its stay, inside the place's active
// period, women-only and children flags at the placement's first night, and clashes among the placements
// of one request. No database here: stays.ts loads the facts and asks these questions.
import type { ErrorCode } from '../../shared/errors';
import type { Gender } from '../../shared/domain';
import { periodsOverlap } from '../../shared/dates';

/** A half-open period [from, to) of calendar dates; a null `to` runs on. */
export interface Period {
  from: string;
  to: string | null;
}

export interface PlaceFacts {
  activeFrom: string;
  activeTo: string | null;
  womenOnly: boolean;
  childrenAllowed: boolean;
}

export interface PersonFacts {
  gender: Gender;
  birthDate: string | null;
  birthYear: number | null;
}

/** One placement as it would stand after the write, with what identifies it within the request. */
export interface PlannedPlacement {
  personId: number;
  placeId: number;
  period: Period;
}

/** Full years on `date` from the birth date; from an estimated year, year − birthYear (never younger than
 * the person may be, so a possibly adult man is treated as an adult); null when nothing is known. */
export function ageOn(person: Pick<PersonFacts, 'birthDate' | 'birthYear'>, date: string): number | null {
  const year = Number(date.slice(0, 4));
  if (person.birthDate) {
    const birthday = person.birthDate.slice(5);
    return year - Number(person.birthDate.slice(0, 4)) - (date.slice(5) < birthday ? 1 : 0);
  }
  if (person.birthYear !== null) return year - person.birthYear;
  return null;
}

/** Unknown age counts as adult: the flags protect the structure's guests, so doubt does not open the door. */
export const isMinorOn = (person: PersonFacts, date: string) => {
  const age = ageOn(person, date);
  return age !== null && age < 18;
};

/** For the children rule: could the person still be under 18? With only an estimated birth year the
 * youngest possible age counts (born late in that year), so a possibly-17-year-old is not let into a
 * structure that hosts no minors. An unknown age does not make a minor. */
export const couldBeMinorOn = (person: PersonFacts, date: string) => {
  if (person.birthDate || person.birthYear === null) return isMinorOn(person, date);
  return Number(date.slice(0, 4)) - person.birthYear - 1 < 18;
};

/** Only a recorded 'male' counts as a man: non-binary and unknown genders are not turned away by women-only flags. */
export const isAdultManOn = (person: PersonFacts, date: string) => person.gender === 'male' && !isMinorOn(person, date);

/**
 * Does `inner` lie inside `outer`? An open inner period only fits an open outer one: an open placement
 * runs on, so it cannot sit on a place whose active period ends or inside a stay that is closed.
 */
export function lies(inner: Period, outer: Period): boolean {
  if (inner.from < outer.from) return false;
  if (outer.to === null) return true;
  return inner.to !== null && inner.to <= outer.to;
}

/**
 * The first rule a placement breaks against its own stay, place and person, or null. The age is taken on
 * the placement's first night (the night of the admission or the transfer): a boy who comes of age during
 * his mother's stay is not evicted, and a child is refused where the structure hosts no minors.
 */
export function placementProblem(args: { period: Period; stay: Period; place: PlaceFacts; person: PersonFacts }): ErrorCode | null {
  const { period, stay, place, person } = args;
  if (period.to !== null && period.to < period.from) return 'INVALID_PERIOD';
  if (!lies(period, stay)) return 'PLACEMENT_OUTSIDE_STAY';
  if (!lies(period, { from: place.activeFrom, to: place.activeTo })) return 'PLACE_NOT_ACTIVE';
  if (place.womenOnly && isAdultManOn(person, period.from)) return 'WOMEN_ONLY_STRUCTURE';
  if (!place.childrenAllowed && couldBeMinorOn(person, period.from)) return 'CHILDREN_NOT_ALLOWED';
  return null;
}

/** Two placements of one request that share a night: the same place twice, or the same person twice. */
export function clashWithin(planned: PlannedPlacement[]): { code: 'PLACE_OCCUPIED' | 'PERSON_ALREADY_PLACED'; index: number } | null {
  for (let i = 0; i < planned.length; i += 1) {
    for (let j = 0; j < i; j += 1) {
      const a = planned[i]!;
      const b = planned[j]!;
      if (!periodsOverlap(a.period.from, a.period.to, b.period.from, b.period.to)) continue;
      if (a.placeId === b.placeId) return { code: 'PLACE_OCCUPIED', index: i };
      if (a.personId === b.personId) return { code: 'PERSON_ALREADY_PLACED', index: i };
    }
  }
  return null;
}
