// The bed board: places, placement bars and out-of-service periods for the nights from ≤ d < to.
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { DomainError } from '../../shared/errors';
import type { BoardBar, BoardPlace, OutOfService } from '../../shared/channels/places';
import { daysBetween } from '../../shared/dates';
import type { Db } from '../db/connection';
import { persons, placeOutOfService, placements, places, rooms, stays, structures } from '../db/schema';
import type { Ctx } from './context';
import { naturalOrder } from './structures';
import { personLabel } from './person-label';

/** Longest range one call may ask for: a year and a bit, enough for any view, bounded for the main process. */
const MAX_NIGHTS = 400;

const from = sql.placeholder('from');
const to = sql.placeholder('to');
const structureId = sql.placeholder('structureId');
/** Every query filters on the structure only when one is asked for (null = all). */
const inStructure = sql`(${structureId} IS NULL OR ${rooms.structureId} = ${structureId})`;

/** The three board queries, prepared once per connection (cached in a WeakMap keyed by the connection's
 * Db, so a lock or rekey drops them): the board is re-queried on every scroll, and neither building the
 * query nor compiling the SQL is repeated. Drizzle's prepared statements were kept over raw ones because
 * their row mapping is cheap here: a month of the reference register (600 places, ~1,600 bars) takes about
 * 8 ms through drizzle against about 7 ms for the same three raw statements without the sorting. */
function prepareBoard(db: Db) {
  return {
    places: db.select({
      placeId: places.id, label: places.label, kind: places.kind,
      roomId: rooms.id, roomName: rooms.name,
      structureId: structures.id, structureName: structures.name, structureType: structures.type,
      activeFrom: places.activeFrom, activeTo: places.activeTo,
      inUse: sql<number>`(${rooms.active} AND ${structures.active})`,
    })
      .from(places)
      .innerJoin(rooms, eq(rooms.id, places.roomId))
      .innerJoin(structures, eq(structures.id, rooms.structureId))
      .where(and(lt(places.activeFrom, to), or(isNull(places.activeTo), gt(places.activeTo, from)), inStructure))
      .prepare(),
    // SQLite walks rooms → places → placements_place (place_id, start_date < to), one index range per place,
    // and keeps those ending after `from`. A restricted person's name never leaves the database: the label is the code.
    bars: db.select({
      placementId: placements.id, placeId: placements.placeId, personId: placements.personId, stayId: placements.stayId,
      label: personLabel,
      startDate: placements.startDate, endDate: placements.endDate, plannedEnd: stays.plannedEnd,
    })
      .from(placements)
      .innerJoin(persons, eq(persons.id, placements.personId))
      .innerJoin(stays, eq(stays.id, placements.stayId))
      .innerJoin(places, eq(places.id, placements.placeId))
      .innerJoin(rooms, eq(rooms.id, places.roomId))
      .where(and(lt(placements.startDate, to), or(isNull(placements.endDate), gt(placements.endDate, from)), inStructure))
      .prepare(),
    outOfService: db.select({
      id: placeOutOfService.id, placeId: placeOutOfService.placeId, reason: placeOutOfService.reason,
      fromDate: placeOutOfService.fromDate, toDate: placeOutOfService.toDate,
    })
      .from(placeOutOfService)
      .innerJoin(places, eq(places.id, placeOutOfService.placeId))
      .innerJoin(rooms, eq(rooms.id, places.roomId))
      .where(and(lt(placeOutOfService.fromDate, to), or(isNull(placeOutOfService.toDate), gt(placeOutOfService.toDate, from)), inStructure))
      .prepare(),
  };
}

const prepared = new WeakMap<Db, ReturnType<typeof prepareBoard>>();

/** The board's prepared statements for this connection (made on first use): what `getBoard` runs, and what
 * `npm run bench` measures against the same SQL run raw. */
export function boardStatements(db: Db): ReturnType<typeof prepareBoard> {
  let statements = prepared.get(db);
  if (!statements) {
    statements = prepareBoard(db);
    prepared.set(db, statements);
  }
  return statements;
}

export interface Board {
  places: BoardPlace[];
  bars: BoardBar[];
  outOfService: OutOfService[];
}

export function getBoard(ctx: Ctx, input: { from: string; to: string; structureId?: number }): Board {
  if (input.to <= input.from || daysBetween(input.from, input.to) > MAX_NIGHTS) throw new DomainError('INVALID_PERIOD', { to: ['errors.INVALID_PERIOD'] });
  const statements = boardStatements(ctx.db);
  const params = { from: input.from, to: input.to, structureId: input.structureId ?? null };
  const bars: BoardBar[] = statements.bars.all(params);
  const outOfService: OutOfService[] = statements.outOfService.all(params);
  // A deactivated room or structure leaves the board, except where it has history in the range to show.
  const withHistory = new Set([...bars.map((b) => b.placeId), ...outOfService.map((o) => o.placeId)]);
  const boardPlaces = statements.places.all(params)
    .filter((p) => p.inUse || withHistory.has(p.placeId))
    .sort((a, b) => naturalOrder.compare(a.structureName, b.structureName) || a.structureId - b.structureId
      || naturalOrder.compare(a.roomName, b.roomName) || a.roomId - b.roomId
      || naturalOrder.compare(a.label, b.label) || a.placeId - b.placeId)
    .map(({ inUse: _inUse, ...place }) => place);
  return { places: boardPlaces, bars, outOfService };
}
