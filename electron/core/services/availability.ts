// Which places can take someone from a date to a date: the one answer behind the bed board's free cells,
// the admission's and transfer's pickers and matching. A place is usable on a night when its room and
// structure are in use, the night lies in its active period, and no placement and no out-of-service
// period covers it. For each place the answer gives its runs of usable nights from the first night asked
// for, each with the night it stops being usable ("libero fino al …"), so a bed free for the next ten
// nights is offered for a placement that ends there. The stays service refuses exactly what this does
// not offer (tests/integration/availability.test.ts runs the same cases through both and matching).
import { and, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AvailablePlace, availabilityInputSchema, FreeRun } from '../../shared/channels/places';
import { addDays } from '../../shared/dates';
export { takesFrom } from '../../shared/availability';
import { DomainError } from '../../shared/errors';
import { guestRefusal, type GuestFacts } from '../../shared/guest-rules';
import type { Db } from '../db/connection';
import { persons, placeOutOfService, placements, places, rooms, structures } from '../db/schema';
import type { Ctx } from './context';
import { naturalOrder } from './structures';

type Reader = Pick<Db, 'select'>;
export type AvailabilityInput = z.output<typeof availabilityInputSchema>;
export type Guest = AvailabilityInput['guests'][number];

/** A blocked stretch [from, to) of a place's nights; null `to` runs on. */
interface Block {
  from: string;
  to: string | null;
}

/** Usable runs of one place, from `start` on, that begin before `end`: the complement of its blocks. */
export function freeRuns(blocks: Block[], start: string, end: string): FreeRun[] {
  const sorted = blocks.filter((b) => b.to === null || b.to > start).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const runs: FreeRun[] = [];
  let cursor: string | null = start;
  for (const block of sorted) {
    if (cursor === null || cursor >= end) break;
    if (block.from > cursor) runs.push({ from: cursor, until: block.from });
    if (block.to === null) cursor = null;
    else if (block.to > cursor) cursor = block.to;
  }
  if (cursor !== null && cursor < end) runs.push({ from: cursor, until: null });
  return runs.filter((r) => r.from < end);
}

/** The facts of each guest: registered persons are read from the register (NOT_FOUND names the guest). */
export function guestFacts(db: Reader, guests: readonly Guest[]): GuestFacts[] {
  const ids = guests.flatMap((g) => ('personId' in g ? [g.personId] : []));
  const rows = ids.length === 0 ? [] : db.select({ id: persons.id, gender: persons.gender, birthDate: persons.birthDate, birthYear: persons.birthYear })
    .from(persons).where(inArray(persons.id, ids)).all();
  const byId = new Map(rows.map(({ id, ...facts }) => [id, facts]));
  return guests.map((g, i) => {
    if (!('personId' in g)) return { gender: g.gender, birthDate: g.birthDate, birthYear: g.birthYear ?? (g.birthDate ? Number(g.birthDate.slice(0, 4)) : null) };
    const facts = byId.get(g.personId);
    if (!facts) throw new DomainError('NOT_FOUND', { [`guests.${i}`]: ['errors.NOT_FOUND'] });
    return facts;
  });
}

/**
 * Every place of an active room and structure with at least one usable night in [from, to) (to = null:
 * the first night only), with its runs and the guests its structure refuses on the first night.
 */
export function availablePlaces(db: Reader, input: { from: string; to: string | null; guests?: readonly GuestFacts[]; structureId?: number }): AvailablePlace[] {
  const { from } = input;
  const end = input.to ?? addDays(from, 1);
  if (end <= from) throw new DomainError('INVALID_PERIOD', { to: ['errors.INVALID_PERIOD'] });
  const inStructure = input.structureId === undefined ? undefined : eq(rooms.structureId, input.structureId);
  const candidates = db.select({
    placeId: places.id, label: places.label, kind: places.kind, roomId: rooms.id, roomName: rooms.name,
    structureId: structures.id, structureName: structures.name, structureType: structures.type,
    activeFrom: places.activeFrom, activeTo: places.activeTo, womenOnly: structures.womenOnly, childrenAllowed: structures.childrenAllowed,
  })
    .from(places)
    .innerJoin(rooms, eq(rooms.id, places.roomId))
    .innerJoin(structures, eq(structures.id, rooms.structureId))
    .where(and(eq(rooms.active, true), eq(structures.active, true), lt(places.activeFrom, end), or(isNull(places.activeTo), gt(places.activeTo, from)), inStructure))
    .all();
  if (candidates.length === 0) return [];

  // Everything that blocks a night from `from` on, for the candidates' rooms (joined, not listed by id, so
  // a whole register's board stays one query each). Empty periods (a same-day entry and exit) block nothing.
  const blocks = new Map<number, Block[]>();
  const add = (placeId: number, block: Block) => blocks.set(placeId, [...(blocks.get(placeId) ?? []), block]);
  const activeRooms = and(eq(rooms.active, true), eq(structures.active, true), inStructure);
  db.select({ placeId: placements.placeId, from: placements.startDate, to: placements.endDate })
    .from(placements)
    .innerJoin(places, eq(places.id, placements.placeId))
    .innerJoin(rooms, eq(rooms.id, places.roomId))
    .innerJoin(structures, eq(structures.id, rooms.structureId))
    .where(and(activeRooms, or(isNull(placements.endDate), and(gt(placements.endDate, from), gt(placements.endDate, placements.startDate)))))
    .all()
    .forEach((b) => add(b.placeId, b));
  db.select({ placeId: placeOutOfService.placeId, from: placeOutOfService.fromDate, to: placeOutOfService.toDate })
    .from(placeOutOfService)
    .innerJoin(places, eq(places.id, placeOutOfService.placeId))
    .innerJoin(rooms, eq(rooms.id, places.roomId))
    .innerJoin(structures, eq(structures.id, rooms.structureId))
    .where(and(activeRooms, or(isNull(placeOutOfService.toDate), and(gt(placeOutOfService.toDate, from), sql`${placeOutOfService.toDate} > ${placeOutOfService.fromDate}`))))
    .all()
    .forEach((b) => add(b.placeId, b));

  const guests = input.guests ?? [];
  const out: AvailablePlace[] = [];
  for (const { activeFrom, activeTo, ...place } of candidates) {
    const own = [...(blocks.get(place.placeId) ?? []), { from: '0000-01-01', to: activeFrom }];
    if (activeTo !== null) own.push({ from: activeTo, to: null });
    const free = freeRuns(own, from, end);
    if (free.length === 0) continue;
    const refusals = guests.flatMap((guest, i) => {
      const code = guestRefusal(place, guest, from);
      return code ? [{ guest: i, code }] : [];
    });
    out.push({ ...place, activeFrom, activeTo, free, refusals });
  }
  return out.sort((a, b) => naturalOrder.compare(a.structureName, b.structureName) || a.structureId - b.structureId
    || naturalOrder.compare(a.roomName, b.roomName) || a.roomId - b.roomId
    || naturalOrder.compare(a.label, b.label) || a.placeId - b.placeId);
}

export function getAvailability(ctx: Ctx, input: AvailabilityInput): { places: AvailablePlace[] } {
  const guests = guestFacts(ctx.db, input.guests);
  return { places: availablePlaces(ctx.db, { from: input.from, to: input.to, guests, structureId: input.structureId }) };
}
