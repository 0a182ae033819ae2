// Partners, structures, rooms, places and their out-of-service periods: reads with today's capacity, and
// the writes that keep every place-night rule of docs/domain.md (nothing history points to is ever deleted).
import { and, asc, count, eq, gt, inArray, isNull, lt, lte, ne, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { z } from 'zod';
import { DomainError } from '../../shared/errors';
import type { Partner, StructureDetail, StructureSummary, placesChannels } from '../../shared/channels/places';
import type { Db } from '../db/connection';
import { partners, placeOutOfService, placements, places, rooms, structures } from '../db/schema';
import { guestRuleProblem } from './guest-rules';
import { write, type Ctx } from './context';

type Input<C extends keyof typeof placesChannels> = z.output<(typeof placesChannels)[C]['input']>;
type StructureRow = typeof structures.$inferSelect;

const taken = (field: string) => new DomainError('NAME_TAKEN', { [field]: ['errors.NAME_TAKEN'] });
const notFound = (field = 'id') => new DomainError('NOT_FOUND', { [field]: ['errors.NOT_FOUND'] });
/** Names compared as people read them: 'Casa Aurora' and 'casa aurora' are the same structure. */
const sameText = (column: SQLWrapper, value: string) => sql`lower(${column}) = lower(${value})`;

/** Names of the fields whose value differs: what the audit records of an edit (never the values). */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((key) => after[key] !== before[key]);
}

/** A placement with at least one night (a same-day entry and exit holds none). */
const hasNights = or(isNull(placements.endDate), gt(placements.endDate, placements.startDate));
/** A placement covering a night on or after d: the guest is there tonight or is expected later. */
const nightsFrom = (d: string) => and(hasNights, or(isNull(placements.endDate), gt(placements.endDate, d)));

/** Labels in the order people count them: 'Letto 2' before 'Letto 10'. */
export const naturalOrder = new Intl.Collator('it', { numeric: true, sensitivity: 'base' });

// ——— Partners

export function listPartners(ctx: Ctx): Partner[] {
  return ctx.db.select({ id: partners.id, name: partners.name, active: partners.active }).from(partners).orderBy(asc(partners.name)).all();
}

export function savePartner(ctx: Ctx, input: Input<'partners.save'>): Partner {
  return write(ctx, (tx, audit) => {
    const clash = tx.select({ id: partners.id }).from(partners)
      .where(and(sameText(partners.name, input.name), input.id === undefined ? undefined : ne(partners.id, input.id))).get();
    if (clash) throw taken('name');
    const values = { name: input.name, active: input.active };
    if (input.id === undefined) {
      const { id } = tx.insert(partners).values({ ...values, createdAt: ctx.now.toISOString() }).returning({ id: partners.id }).get();
      audit({ action: 'partner.create', entity: 'partner', recordId: id, fields: Object.keys(values) });
      return { id, ...values };
    }
    const before = tx.select().from(partners).where(eq(partners.id, input.id)).get();
    if (!before) throw notFound();
    const fields = changedFields(before, values);
    if (fields.length > 0) {
      tx.update(partners).set(values).where(eq(partners.id, input.id)).run();
      audit({ action: 'partner.update', entity: 'partner', recordId: input.id, fields });
    }
    return { id: input.id, ...values };
  });
}

// ——— Capacity on one night

export interface PlaceCounts {
  places: number;
  outOfService: number;
  occupied: number;
  free: number;
  freeBeds: number;
  freeCots: number;
}

const ZERO: PlaceCounts = { places: 0, outOfService: 0, occupied: 0, free: 0, freeBeds: 0, freeCots: 0 };

/**
 * Places per structure on night d: active that night (in an active room of an active structure), out of
 * service, occupied, and free (neither). One aggregate query for all structures; the two EXISTS probes
 * are index seeks (place_oos_place, placements_place) per place.
 */
export function placeCountsOn(db: Db, d: string, structureId?: number): Map<number, PlaceCounts> {
  const oos = sql`EXISTS (SELECT 1 FROM ${placeOutOfService} o WHERE o.place_id = ${places.id} AND o.from_date <= ${d} AND (o.to_date IS NULL OR o.to_date > ${d}))`;
  const occupied = sql`EXISTS (SELECT 1 FROM ${placements} pl WHERE pl.place_id = ${places.id} AND pl.start_date <= ${d} AND (pl.end_date IS NULL OR pl.end_date > ${d}))`;
  const free = sql`(NOT ${oos} AND NOT ${occupied})`;
  const rows = db.select({
    structureId: rooms.structureId,
    places: count(),
    outOfService: sql<number>`sum(${oos})`,
    occupied: sql<number>`sum(${occupied})`,
    free: sql<number>`sum(${free})`,
    freeCots: sql<number>`sum(${places.kind} = 'cot' AND ${free})`,
  })
    .from(places)
    .innerJoin(rooms, eq(rooms.id, places.roomId))
    .innerJoin(structures, eq(structures.id, rooms.structureId))
    .where(and(
      lte(places.activeFrom, d),
      or(isNull(places.activeTo), gt(places.activeTo, d)),
      eq(rooms.active, true),
      eq(structures.active, true),
      structureId === undefined ? undefined : eq(rooms.structureId, structureId),
    ))
    .groupBy(rooms.structureId)
    .all();
  return new Map(rows.map((r) => [r.structureId, {
    places: r.places, outOfService: r.outOfService, occupied: r.occupied, free: r.free, freeBeds: r.free - r.freeCots, freeCots: r.freeCots,
  }]));
}

// ——— Structures

function activeRoomCounts(db: Db, structureId?: number): Map<number, number> {
  const rows = db.select({ structureId: rooms.structureId, n: count() }).from(rooms)
    .where(and(eq(rooms.active, true), structureId === undefined ? undefined : eq(rooms.structureId, structureId)))
    .groupBy(rooms.structureId).all();
  return new Map(rows.map((r) => [r.structureId, r.n]));
}

function summary(row: StructureRow, partnerName: string, roomCount: number, counts: PlaceCounts): StructureSummary {
  return {
    id: row.id, name: row.name, type: row.type, partnerId: row.partnerId, partnerName,
    womenOnly: row.womenOnly, childrenAllowed: row.childrenAllowed, accessible: row.accessible, lgbtSafe: row.lgbtSafe,
    languages: JSON.parse(row.languages) as string[], active: row.active,
    rooms: roomCount, places: counts.places, freeToday: counts.free, occupiedToday: counts.occupied, outOfServiceToday: counts.outOfService,
  };
}

/** Lists never carry the address: the row is built from the summary fields only. */
export function listStructures(ctx: Ctx, input: Input<'structures.list'>): StructureSummary[] {
  const rows = ctx.db.select({ structure: structures, partnerName: partners.name })
    .from(structures).innerJoin(partners, eq(partners.id, structures.partnerId))
    .where(input.includeInactive ? undefined : eq(structures.active, true))
    .orderBy(asc(structures.name), asc(structures.id)).all();
  const roomCounts = activeRoomCounts(ctx.db);
  const counts = placeCountsOn(ctx.db, ctx.today);
  return rows.map(({ structure, partnerName }) => summary(structure, partnerName, roomCounts.get(structure.id) ?? 0, counts.get(structure.id) ?? ZERO));
}

export function getStructure(ctx: Ctx, id: number): StructureDetail {
  const found = ctx.db.select({ structure: structures, partnerName: partners.name })
    .from(structures).innerJoin(partners, eq(partners.id, structures.partnerId)).where(eq(structures.id, id)).get();
  if (!found) throw notFound();
  const roomRows = ctx.db.select().from(rooms).where(eq(rooms.structureId, id)).all();
  const placeRows = roomRows.length === 0 ? [] : ctx.db.select().from(places)
    .where(inArray(places.roomId, roomRows.map((r) => r.id))).all();
  const oosRows = placeRows.length === 0 ? [] : ctx.db.select().from(placeOutOfService)
    .where(inArray(placeOutOfService.placeId, placeRows.map((p) => p.id))).orderBy(asc(placeOutOfService.fromDate)).all();
  const { structure, partnerName } = found;
  // Desk staff work inside their own structure and are told where to go by a coordinator: they never need
  // another structure's address, and a shelter's address in the wrong hands can put a woman in danger.
  // Assignment across structures is the coordinators' job, so only admins and coordinators see it.
  const addressHidden = ctx.user.role === 'operator';
  return {
    ...summary(structure, partnerName, activeRoomCounts(ctx.db, id).get(id) ?? 0, placeCountsOn(ctx.db, ctx.today, id).get(id) ?? ZERO),
    address: addressHidden ? null : structure.address,
    addressHidden,
    roomList: roomRows.sort((a, b) => naturalOrder.compare(a.name, b.name) || a.id - b.id).map((room) => ({
      id: room.id, structureId: room.structureId, name: room.name, active: room.active,
      places: placeRows.filter((p) => p.roomId === room.id).sort((a, b) => naturalOrder.compare(a.label, b.label) || a.id - b.id).map((place) => ({
        id: place.id, roomId: place.roomId, label: place.label, kind: place.kind, activeFrom: place.activeFrom, activeTo: place.activeTo,
        outOfService: oosRows.filter((o) => o.placeId === place.id)
          .map((o) => ({ id: o.id, placeId: o.placeId, reason: o.reason, fromDate: o.fromDate, toDate: o.toDate })),
      })),
    })),
  };
}

/** Deactivating a room or structure takes its places off the board and the counts: refused while someone is
 * placed there tonight or later (they must be moved or discharged first). */
function refuseIfPlacedFromToday(tx: Db, ctx: Ctx, where: SQL | undefined): void {
  const someone = tx.select({ id: placements.id }).from(placements)
    .innerJoin(places, eq(places.id, placements.placeId)).innerJoin(rooms, eq(rooms.id, places.roomId))
    .where(and(where, nightsFrom(ctx.today))).limit(1).get();
  if (someone) throw new DomainError('PLACE_OCCUPIED', { active: ['errors.PLACE_OCCUPIED'] });
}

export function saveStructure(ctx: Ctx, input: Input<'structures.save'>): StructureDetail {
  const id = write(ctx, (tx, audit) => {
    if (!tx.select({ id: partners.id }).from(partners).where(eq(partners.id, input.partnerId)).get()) throw notFound('partnerId');
    const clash = tx.select({ id: structures.id }).from(structures)
      .where(and(eq(structures.partnerId, input.partnerId), sameText(structures.name, input.name), input.id === undefined ? undefined : ne(structures.id, input.id))).get();
    if (clash) throw taken('name');
    const values = {
      partnerId: input.partnerId, name: input.name, type: input.type, address: input.address,
      womenOnly: input.womenOnly, childrenAllowed: input.childrenAllowed, accessible: input.accessible, lgbtSafe: input.lgbtSafe,
      languages: JSON.stringify([...new Set(input.languages)]), active: input.active,
    };
    if (input.id === undefined) {
      const created = tx.insert(structures).values({ ...values, createdAt: ctx.now.toISOString() }).returning({ id: structures.id }).get();
      audit({ action: 'structure.create', entity: 'structure', recordId: created.id, fields: Object.keys(values).filter((k) => k !== 'address' || values.address !== null) });
      return created.id;
    }
    const before = tx.select().from(structures).where(eq(structures.id, input.id)).get();
    if (!before) throw notFound();
    if (before.active && !values.active) refuseIfPlacedFromToday(tx, ctx, eq(rooms.structureId, input.id));
    if ((values.womenOnly && !before.womenOnly) || (!values.childrenAllowed && before.childrenAllowed)) {
      const problem = guestRuleProblem(tx, ctx.today, { structureId: input.id, flags: { womenOnly: values.womenOnly, childrenAllowed: values.childrenAllowed } });
      if (problem) throw new DomainError(problem, { [problem === 'WOMEN_ONLY_STRUCTURE' ? 'womenOnly' : 'childrenAllowed']: [`errors.${problem}`] });
    }
    const fields = changedFields(before, values);
    if (fields.length > 0) {
      tx.update(structures).set(values).where(eq(structures.id, input.id)).run();
      audit({ action: 'structure.update', entity: 'structure', recordId: input.id, fields });
    }
    return input.id;
  });
  return getStructure(ctx, id);
}

// ——— Rooms and places

export function saveRoom(ctx: Ctx, input: Input<'rooms.save'>): StructureDetail {
  write(ctx, (tx, audit) => {
    if (!tx.select({ id: structures.id }).from(structures).where(eq(structures.id, input.structureId)).get()) throw notFound('structureId');
    const clash = tx.select({ id: rooms.id }).from(rooms)
      .where(and(eq(rooms.structureId, input.structureId), sameText(rooms.name, input.name), input.id === undefined ? undefined : ne(rooms.id, input.id))).get();
    if (clash) throw taken('name');
    const values = { structureId: input.structureId, name: input.name, active: input.active };
    if (input.id === undefined) {
      const created = tx.insert(rooms).values(values).returning({ id: rooms.id }).get();
      audit({ action: 'room.create', entity: 'room', recordId: created.id, fields: Object.keys(values) });
      return;
    }
    const before = tx.select().from(rooms).where(eq(rooms.id, input.id)).get();
    if (!before) throw notFound();
    // A room's placements belong to its structure's history (per-structure figures): it never changes structure.
    if (before.structureId !== input.structureId) throw new DomainError('INVALID_INPUT', { structureId: ['validation.invalid'] });
    if (before.active && !values.active) refuseIfPlacedFromToday(tx, ctx, eq(places.roomId, input.id));
    const fields = changedFields(before, values);
    if (fields.length > 0) {
      tx.update(rooms).set(values).where(eq(rooms.id, input.id)).run();
      audit({ action: 'room.update', entity: 'room', recordId: input.id, fields });
    }
  });
  return getStructure(ctx, input.structureId);
}

const structureOfRoom = (db: Db, roomId: number) =>
  db.select({ structureId: rooms.structureId }).from(rooms).where(eq(rooms.id, roomId)).get()?.structureId;

export function savePlace(ctx: Ctx, input: Input<'places.save'>): StructureDetail {
  if (input.activeTo !== null && input.activeTo <= input.activeFrom) throw new DomainError('INVALID_PERIOD', { activeTo: ['errors.INVALID_PERIOD'] });
  const structureId = write(ctx, (tx, audit) => {
    const target = structureOfRoom(tx, input.roomId);
    if (target === undefined) throw notFound('roomId');
    const values = { roomId: input.roomId, label: input.label, kind: input.kind, activeFrom: input.activeFrom, activeTo: input.activeTo };
    const clash = tx.select({ id: places.id }).from(places)
      .where(and(eq(places.roomId, input.roomId), sameText(places.label, input.label), input.id === undefined ? undefined : ne(places.id, input.id))).get();
    if (clash) throw taken('label');
    if (input.id === undefined) {
      const created = tx.insert(places).values(values).returning({ id: places.id }).get();
      audit({ action: 'place.create', entity: 'place', recordId: created.id, fields: Object.keys(values).filter((k) => k !== 'activeTo' || values.activeTo !== null) });
      return target;
    }
    const placeId = input.id;
    const before = tx.select().from(places).where(eq(places.id, placeId)).get();
    if (!before) throw notFound();
    if (before.roomId !== input.roomId && structureOfRoom(tx, before.roomId) !== target) {
      throw new DomainError('INVALID_INPUT', { roomId: ['validation.invalid'] }); // see saveRoom: history stays in its structure
    }
    // A placement with a night before the new start, or on/after the new end, would fall outside the place's life.
    const outside = tx.select({ startDate: placements.startDate }).from(placements).where(and(
      eq(placements.placeId, placeId),
      hasNights,
      or(lt(placements.startDate, input.activeFrom), input.activeTo === null ? undefined : or(isNull(placements.endDate), gt(placements.endDate, input.activeTo))),
    )).limit(1).get();
    if (outside) throw new DomainError('PLACE_NOT_ACTIVE', { [outside.startDate < input.activeFrom ? 'activeFrom' : 'activeTo']: ['errors.PLACE_NOT_ACTIVE'] });
    const fields = changedFields(before, values);
    if (fields.length > 0) {
      tx.update(places).set(values).where(eq(places.id, placeId)).run();
      audit({ action: 'place.update', entity: 'place', recordId: placeId, fields });
    }
    return target;
  });
  return getStructure(ctx, structureId);
}

// ——— Out-of-service periods

export function addOutOfService(ctx: Ctx, input: Input<'places.addOutOfService'>): StructureDetail {
  if (input.toDate !== null && input.toDate <= input.fromDate) throw new DomainError('INVALID_PERIOD', { toDate: ['errors.INVALID_PERIOD'] });
  const structureId = write(ctx, (tx, audit) => {
    const place = tx.select({ structureId: rooms.structureId }).from(places).innerJoin(rooms, eq(rooms.id, places.roomId))
      .where(eq(places.id, input.placeId)).get();
    if (!place) throw notFound('placeId');
    // A guest sleeping there on one of those nights must be moved first: the period would hide her bed.
    const guest = tx.select({ id: placements.id }).from(placements).where(and(
      eq(placements.placeId, input.placeId),
      nightsFrom(input.fromDate),
      input.toDate === null ? undefined : lt(placements.startDate, input.toDate),
    )).limit(1).get();
    if (guest) throw new DomainError('PLACE_OCCUPIED', { fromDate: ['errors.PLACE_OCCUPIED'] });
    const values = { placeId: input.placeId, reason: input.reason, fromDate: input.fromDate, toDate: input.toDate };
    const created = tx.insert(placeOutOfService).values(values).returning({ id: placeOutOfService.id }).get();
    audit({ action: 'place.outOfService.add', entity: 'place_out_of_service', recordId: created.id, fields: Object.keys(values).filter((k) => k !== 'toDate' || values.toDate !== null) });
    return place.structureId;
  });
  return getStructure(ctx, structureId);
}

/** For periods entered by mistake: the row goes, the audit keeps that it existed and who removed it. */
export function removeOutOfService(ctx: Ctx, id: number): StructureDetail {
  const structureId = write(ctx, (tx, audit) => {
    const found = tx.select({ structureId: rooms.structureId }).from(placeOutOfService)
      .innerJoin(places, eq(places.id, placeOutOfService.placeId)).innerJoin(rooms, eq(rooms.id, places.roomId))
      .where(eq(placeOutOfService.id, id)).get();
    if (!found) throw notFound();
    tx.delete(placeOutOfService).where(eq(placeOutOfService.id, id)).run();
    audit({ action: 'place.outOfService.remove', entity: 'place_out_of_service', recordId: id, fields: ['placeId', 'reason', 'fromDate', 'toDate'] });
    return found.structureId;
  });
  return getStructure(ctx, structureId);
}
