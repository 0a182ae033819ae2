// Who goes in which proposed place: small children take the cots, everyone else the beds, in order.
// Pure: unit-tested in Node.

export interface MemberToPlace {
  personId: number;
  age: number | null;
}

export interface PlaceOffer {
  placeId: number;
  kind: 'bed' | 'cot';
}

/** A cot is for a child under this age. */
export const COT_AGE_LIMIT = 3;

/** Age in whole years on a date, from the birth date or, failing that, the birth year alone; null when unknown. */
export function ageOn(date: string, birthDate: string | null, birthYear: number | null): number | null {
  if (birthDate) {
    const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
    return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
  }
  return birthYear === null ? null : Number(date.slice(0, 4)) - birthYear;
}

/** Proposed places → members (person id → place id). Members left without a place are not in the map. */
export function assignPlaces(members: readonly MemberToPlace[], places: readonly PlaceOffer[]): Map<number, number> {
  const cots = places.filter((p) => p.kind === 'cot');
  const beds = places.filter((p) => p.kind === 'bed');
  const assigned = new Map<number, number>();
  for (const member of members) {
    if (member.age === null || member.age >= COT_AGE_LIMIT) continue;
    const cot = cots.shift();
    if (cot) assigned.set(member.personId, cot.placeId);
  }
  for (const member of members) {
    if (assigned.has(member.personId)) continue;
    const bed = beds.shift();
    if (bed) assigned.set(member.personId, bed.placeId);
  }
  return assigned;
}
