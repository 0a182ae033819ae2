// Who works where: the structures a member of staff is assigned to, and the structure a person belongs to
// for the rules that follow it (an operator reads the case notes and sees the reminders of persons placed
// in her structures; docs/pathway.md).
import { and, asc, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { StaffOption } from '../../shared/channels/pathway';
import { DomainError } from '../../shared/errors';
import type { Db } from '../db/connection';
import { placements, places, rooms, staffStructures, structures, users } from '../db/schema';
import { write, type Ctx } from './context';

type Reader = Pick<Db, 'select'>;

/** Active users, by name: who can deliver an intervention or be assigned to a structure. */
export function staffOptions(db: Reader): StaffOption[] {
  return db.select({ id: users.id, displayName: users.displayName, role: users.role }).from(users)
    .where(eq(users.status, 'active')).orderBy(asc(users.displayName), asc(users.id)).all();
}

/** The structures a user works in. */
export function structuresOfUser(db: Reader, userId: number): number[] {
  return db.select({ id: staffStructures.structureId }).from(staffStructures).where(eq(staffStructures.userId, userId)).all().map((r) => r.id);
}

/**
 * The structure a person belongs to: that of her current placement, or after she left, of her last one
 * (latest start). A transfer moves her to the new structure's staff; a person never placed belongs to none.
 */
export function structureOfPerson(db: Reader, personId: number): number | null {
  const row = db.select({ structureId: rooms.structureId }).from(placements)
    .innerJoin(places, eq(places.id, placements.placeId)).innerJoin(rooms, eq(rooms.id, places.roomId))
    .where(eq(placements.personId, personId))
    .orderBy(desc(placements.startDate), desc(placements.id)).limit(1).get();
  return row?.structureId ?? null;
}

/** Whether the person belongs to one of the user's structures (the operator's scope). */
export function personInUserStructures(db: Reader, userId: number, personId: number): boolean {
  const structureId = structureOfPerson(db, personId);
  if (structureId === null) return false;
  return db.select({ u: staffStructures.userId }).from(staffStructures)
    .where(and(eq(staffStructures.userId, userId), eq(staffStructures.structureId, structureId))).get() !== undefined;
}

/** SQL: the structure of a person's current or last placement (`personId` is a column or value). */
export const personStructureSql = (personId: unknown) => sql<number | null>`(
  SELECT r.structure_id FROM ${placements} pl JOIN ${places} p ON p.id = pl.place_id JOIN ${rooms} r ON r.id = p.room_id
  WHERE pl.person_id = ${personId} ORDER BY pl.start_date DESC, pl.id DESC LIMIT 1)`;

function requireStructure(db: Reader, structureId: number): void {
  if (!db.select({ id: structures.id }).from(structures).where(eq(structures.id, structureId)).get())
    throw new DomainError('NOT_FOUND', { structureId: ['errors.NOT_FOUND'] });
}

export function structureStaff(ctx: Ctx, structureId: number): { assigned: number[]; users: StaffOption[] } {
  requireStructure(ctx.db, structureId);
  const assigned = ctx.db.select({ id: staffStructures.userId }).from(staffStructures)
    .where(eq(staffStructures.structureId, structureId)).orderBy(asc(staffStructures.userId)).all().map((r) => r.id);
  return { assigned, users: staffOptions(ctx.db) };
}

/** Sets who works in a structure (admins and coordinators): one write, audited with the user ids added and removed. */
export function setStructureStaff(ctx: Ctx, structureId: number, userIds: number[]): { assigned: number[]; users: StaffOption[] } {
  const wanted = [...new Set(userIds)];
  write(ctx, (tx, audit) => {
    requireStructure(tx, structureId);
    if (wanted.length) {
      const found = tx.select({ id: users.id }).from(users).where(inArray(users.id, wanted)).all();
      if (found.length !== wanted.length) throw new DomainError('USER_NOT_FOUND', { userIds: ['errors.USER_NOT_FOUND'] });
    }
    const before = tx.select({ id: staffStructures.userId }).from(staffStructures).where(eq(staffStructures.structureId, structureId)).all().map((r) => r.id);
    const added = wanted.filter((id) => !before.includes(id));
    const removed = before.filter((id) => !wanted.includes(id));
    if (added.length === 0 && removed.length === 0) return;
    tx.delete(staffStructures).where(and(eq(staffStructures.structureId, structureId), wanted.length ? notInArray(staffStructures.userId, wanted) : undefined)).run();
    for (const userId of added) tx.insert(staffStructures).values({ userId, structureId }).run();
    audit({ action: 'structure.staff', entity: 'structure', recordId: structureId, fields: [...added.map((id) => `+user:${id}`), ...removed.map((id) => `-user:${id}`)] });
  });
  return structureStaff(ctx, structureId);
}
