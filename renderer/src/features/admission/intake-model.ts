// The intake's rows and what can be done to them: who each person is (registered, or typed now), the
// guests sent to availability and matching, a proposal applied by guest, a place picked (taking a place
// another row holds swaps the two), and the request sent to intake.admit. Pure: unit-tested in Node.
import type { AvailablePlace } from '../../../../electron/shared/channels/places';
import type { Match } from '../../../../electron/shared/channels/people';
import { takesFrom } from '../../../../electron/shared/availability';
import type { Gender, RELATIONSHIPS } from '../../../../electron/shared/domain';

export type Relationship = (typeof RELATIONSHIPS)[number];

/** A person being registered now, as typed. */
export interface NewPersonFields {
  displayName: string;
  gender: Gender | '';
  /** ISO date, null, or the typed text when it is not a date (see DateField). */
  birthDate: string | null;
  /** Estimated birth year as typed. */
  birthYear: string;
  restricted: boolean;
}

/** A registered person, as the admission shows them. */
export interface KnownPerson {
  personId: number;
  code: string;
  /** Alias, or the code for a restricted person. */
  label: string;
  age: number | null;
  /** Their relationship in their household, if they have one (then it is not changed here). */
  householdRelationship: Relationship | null;
}

export interface IntakeRow {
  key: string;
  known: KnownPerson | null;
  fields: NewPersonFields;
  relationship: Relationship;
  placeId: number | null;
  /** The placement's end, for a place free only until a later booking. */
  placementEnd: string | null;
  acknowledgeDuplicates: boolean;
}

let serial = 0;
const nextKey = () => `row-${++serial}`;

export const emptyFields = (): NewPersonFields => ({ displayName: '', gender: '', birthDate: null, birthYear: '', restricted: false });

export const newRow = (relationship: Relationship, placeId: number | null = null): IntakeRow => ({
  key: nextKey(), known: null, fields: emptyFields(), relationship, placeId, placementEnd: null, acknowledgeDuplicates: false,
});

export const knownRow = (person: KnownPerson, relationship: Relationship): IntakeRow => ({
  key: nextKey(), known: person, fields: emptyFields(), relationship: person.householdRelationship ?? relationship, placeId: null, placementEnd: null, acknowledgeDuplicates: false,
});

/** The name a row goes by on screen. */
export const rowLabel = (row: IntakeRow, fallback: string) => row.known?.label ?? (row.fields.displayName.trim() || fallback);

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const yearOf = (typed: string) => (/^\d{4}$/.test(typed.trim()) ? Number(typed.trim()) : null);

/** The guest the server rules read for a row: a registered person by id, a new one by what is typed so far. */
export function guestOf(row: IntakeRow) {
  if (row.known) return { personId: row.known.personId };
  const birthDate = row.fields.birthDate && ISO.test(row.fields.birthDate) ? row.fields.birthDate : null;
  return { gender: row.fields.gender || 'unknown', birthDate, birthYear: birthDate ? Number(birthDate.slice(0, 4)) : yearOf(row.fields.birthYear) } as const;
}

/** Matching's guests: each row, and whether a child of the household (an unknown age then counts as young). */
export const matchGuests = (rows: readonly IntakeRow[]) => rows.map((row) => ({ guest: guestOf(row), child: row.relationship === 'child' }));

/** The places row `index` can take from `from`: usable that night and not refused to this person. */
export function placesFor(places: readonly AvailablePlace[], index: number, from: string): (AvailablePlace & { freeUntil: string | null })[] {
  return places.flatMap((place) => {
    const takes = takesFrom(place, from);
    return takes && !place.refusals.some((r) => r.guest === index) ? [{ ...place, freeUntil: takes.until }] : [];
  });
}

/** The end a placement needs in this place: the night it stops being free (null: open-ended). */
export function endFor(places: readonly AvailablePlace[], placeId: number | null, from: string): string | null {
  const place = placeId === null ? undefined : places.find((p) => p.placeId === placeId);
  return place ? (takesFrom(place, from)?.until ?? null) : null;
}

/**
 * Row `index` takes `placeId`. When another row holds it, the two swap places (and their placement ends),
 * so a swap is one choice and no picker hides a place another row holds.
 */
export function choosePlace(rows: readonly IntakeRow[], index: number, placeId: number | null, places: readonly AvailablePlace[], from: string): IntakeRow[] {
  const holder = placeId === null ? -1 : rows.findIndex((r, i) => i !== index && r.placeId === placeId);
  const mine = rows[index]?.placeId ?? null;
  return rows.map((row, i) => {
    if (i === index) return { ...row, placeId, placementEnd: endFor(places, placeId, from) };
    if (i === holder) return { ...row, placeId: mine, placementEnd: endFor(places, mine, from) };
    return row;
  });
}

/** Swaps the places of rows `a` and `b`: one action. */
export function swapPlaces(rows: readonly IntakeRow[], a: number, b: number): IntakeRow[] {
  const pa = rows[a];
  const pb = rows[b];
  if (!pa || !pb) return [...rows];
  return rows.map((row, i) => (i === a ? { ...row, placeId: pb.placeId, placementEnd: pb.placementEnd } : i === b ? { ...row, placeId: pa.placeId, placementEnd: pa.placementEnd } : row));
}

/** A matching proposal applied: each proposed place to its guest, with the placement end it needs. */
export function applyMatch(rows: readonly IntakeRow[], match: Match): IntakeRow[] {
  return rows.map((row, i) => {
    const place = match.places.find((p) => p.guest === i);
    return place ? { ...row, placeId: place.placeId, placementEnd: place.freeUntil } : row;
  });
}

/** A typed estimated year that is not a year (checked before sending: the request carries numbers only). */
export const badYear = (fields: NewPersonFields) => fields.birthYear.trim() !== '' && yearOf(fields.birthYear) === null;

/** What intake.admit is sent. */
export function intakeRequest(rows: readonly IntakeRow[], dates: { entryDate: string; plannedEnd: string | null; referralId: number | null }) {
  return {
    entryDate: dates.entryDate,
    plannedEnd: dates.plannedEnd,
    referralId: dates.referralId,
    people: rows.map((row, i) => {
      const common = { relationship: i === 0 ? ('head' as const) : row.relationship, placeId: row.placeId ?? 0, placementEnd: row.placementEnd };
      if (row.known) return { personId: row.known.personId, ...common };
      const { displayName, gender, birthDate, birthYear, restricted } = row.fields;
      return {
        fields: { displayName, gender: gender as Gender, birthDate, birthYear: yearOf(birthYear), restricted },
        acknowledgeDuplicates: row.acknowledgeDuplicates,
        ...common,
      };
    }),
  };
}
