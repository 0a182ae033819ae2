// The pure checks of a placement against the rules of docs/domain.md: inside its stay, inside the place's active
// period, women-only and children flags at the placement's first night, and clashes among the placements
// of one request. No database here: stays.ts loads the facts and asks these questions.
import type { ErrorCode } from '../../shared/errors';
import { guestRefusal, type GuestFacts } from '../../shared/guest-rules';
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

export type PersonFacts = GuestFacts;

/** One placement as it would stand after the write, with what identifies it within the request. */
export interface PlannedPlacement {
  personId: number;
  placeId: number;
  period: Period;
}

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
  return guestRefusal(place, person, period.from);
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
