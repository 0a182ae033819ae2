// The guest rules the desk sees, in one place for the services, matching and the renderer: a person's
// age on a night, minor or not (an estimated birth year may still be 17), adult man, women-only and
// no-children structures, who sleeps in a cot, and which children stay in their parent's room.
// Pure: no Node, no Electron, no database.
import type { Gender } from './domain';

/** What the rules need to know about a person. */
export interface GuestFacts {
  gender: Gender;
  /** 'YYYY-MM-DD' when known. */
  birthDate: string | null;
  /** The birth year, estimated when the birth date is unknown. */
  birthYear: number | null;
}

/** The flags of a structure the guest rules read. */
export interface StructureFlags {
  womenOnly: boolean;
  childrenAllowed: boolean;
}

export type GuestRefusal = 'WOMEN_ONLY_STRUCTURE' | 'CHILDREN_NOT_ALLOWED';

/** The age of majority. */
export const ADULT_AGE = 18;
/** Children under this age stay in their parent's room whenever the structure has one that fits. */
export const YOUNG_CHILD_AGE = 14;
/** A cot is for a child under this age (and for nobody else). */
export const COT_AGE_LIMIT = 3;

/** Full years on `date` from the birth date; from an estimated year, year − birthYear (the oldest the
 * person may be, so a possibly adult man is treated as an adult); null when nothing is known. */
export function ageOn(person: Pick<GuestFacts, 'birthDate' | 'birthYear'>, date: string): number | null {
  const year = Number(date.slice(0, 4));
  if (person.birthDate) {
    return year - Number(person.birthDate.slice(0, 4)) - (date.slice(5) < person.birthDate.slice(5) ? 1 : 0);
  }
  if (person.birthYear !== null) return year - person.birthYear;
  return null;
}

/** Is the age only estimated (a birth year without a date)? */
export const ageIsEstimated = (person: Pick<GuestFacts, 'birthDate' | 'birthYear'>) => !person.birthDate && person.birthYear !== null;

/** Unknown age counts as adult: the flags protect the structure's guests, so doubt does not open the door. */
export function isMinorOn(person: Pick<GuestFacts, 'birthDate' | 'birthYear'>, date: string): boolean {
  const age = ageOn(person, date);
  return age !== null && age < ADULT_AGE;
}

/** For the children rule: could the person still be under 18? With only an estimated birth year the
 * youngest possible age counts (born late in that year), so a possibly-17-year-old is not let into a
 * structure that hosts no minors. An unknown age does not make a minor. */
export function couldBeMinorOn(person: Pick<GuestFacts, 'birthDate' | 'birthYear'>, date: string): boolean {
  if (!ageIsEstimated(person)) return isMinorOn(person, date);
  return Number(date.slice(0, 4)) - person.birthYear! - 1 < ADULT_AGE;
}

/** Only a recorded 'male' counts as a man: non-binary and unknown genders are not turned away by women-only flags. */
export const isAdultManOn = (person: GuestFacts, date: string) => person.gender === 'male' && !isMinorOn(person, date);

/** The guest rule a structure's flags break for this person on the placement's first night, or null. */
export function guestRefusal(flags: StructureFlags, person: GuestFacts, date: string): GuestRefusal | null {
  if (flags.womenOnly && isAdultManOn(person, date)) return 'WOMEN_ONLY_STRUCTURE';
  if (!flags.childrenAllowed && couldBeMinorOn(person, date)) return 'CHILDREN_NOT_ALLOWED';
  return null;
}

/** Does the person sleep in a cot (known to be under 3)? */
export function needsCotOn(person: Pick<GuestFacts, 'birthDate' | 'birthYear'>, date: string): boolean {
  const age = ageOn(person, date);
  return age !== null && age < COT_AGE_LIMIT;
}

/**
 * A child who stays in the parent's room: under 14, or any possible minor whose age is only estimated.
 * A person of unknown age counts as such a child only when recorded as a child of the household.
 */
export function staysWithParentOn(person: Pick<GuestFacts, 'birthDate' | 'birthYear'>, date: string, isChildOfHousehold = false): boolean {
  const age = ageOn(person, date);
  if (age === null) return isChildOfHousehold;
  if (ageIsEstimated(person)) return couldBeMinorOn(person, date);
  return age < YOUNG_CHILD_AGE;
}

/** A birth date the register refuses: after today (ISO dates compare as text). */
export const birthDateInFuture = (birthDate: string | null, today: string) => birthDate !== null && birthDate > today;
