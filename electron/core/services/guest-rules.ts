// Re-checks the women-only and children rules on placements from tonight on when a person's gender or
// age, or a structure's flags, change after the admission: an edit must not achieve what the admission
// would have refused.
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { ErrorCode } from '../../shared/errors';
import type { Db } from '../db/connection';
import { persons, placements, places, rooms, structures } from '../db/schema';
import { guestRefusal, type GuestFacts as PersonFacts } from '../../shared/guest-rules';

type Reader = Pick<Db, 'select'>;

export interface FlagChange {
  personId?: number;
  structureId?: number;
  person?: PersonFacts;
  flags?: { womenOnly: boolean; childrenAllowed: boolean };
}

/** The rule a current or future placement would break after the change, or null. Ages are taken on the
 * placement's first night, as at admission. */
export function guestRuleProblem(db: Reader, today: string, change: FlagChange): ErrorCode | null {
  const rows = db
    .select({
      start: placements.startDate, gender: persons.gender, birthDate: persons.birthDate, birthYear: persons.birthYear,
      womenOnly: structures.womenOnly, childrenAllowed: structures.childrenAllowed,
    })
    .from(placements)
    .innerJoin(persons, eq(persons.id, placements.personId))
    .innerJoin(places, eq(places.id, placements.placeId))
    .innerJoin(rooms, eq(rooms.id, places.roomId))
    .innerJoin(structures, eq(structures.id, rooms.structureId))
    .where(and(
      or(isNull(placements.endDate), gt(placements.endDate, today)),
      change.personId === undefined ? undefined : eq(placements.personId, change.personId),
      change.structureId === undefined ? undefined : eq(rooms.structureId, change.structureId),
    ))
    .all();
  for (const row of rows) {
    const person = change.person ?? { gender: row.gender, birthDate: row.birthDate, birthYear: row.birthYear };
    const flags = change.flags ?? { womenOnly: row.womenOnly, childrenAllowed: row.childrenAllowed };
    const refusal = guestRefusal(flags, person, row.start);
    if (refusal) return refusal;
  }
  return null;
}
