// Host families (structures of type host family): the host household's vettings (the latest one is its
// status, with the renewal due), the placement agreements with the persons hosted, and the placements
// themselves (docs/pathway.md).
import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { HostFamily, pathwayChannels } from '../../shared/channels/pathway';
import { DomainError } from '../../shared/errors';
import type { Db } from '../db/connection';
import { hostVettings, persons, placementAgreements, placements, places, rooms, structures } from '../db/schema';
import { write, type Ctx } from './context';

type Reader = Pick<Db, 'select'>;
type In<C extends keyof typeof pathwayChannels> = z.output<(typeof pathwayChannels)[C]['input']>;

const shownName = sql<string | null>`CASE WHEN ${persons.restricted} THEN NULL ELSE ${persons.displayName} END`;

function hostStructure(db: Reader, structureId: number) {
  const structure = db.select({ id: structures.id, name: structures.name, type: structures.type }).from(structures).where(eq(structures.id, structureId)).get();
  if (!structure) throw new DomainError('NOT_FOUND', { structureId: ['errors.NOT_FOUND'] });
  if (structure.type !== 'host_family') throw new DomainError('NOT_HOST_FAMILY', { structureId: ['errors.NOT_HOST_FAMILY'] });
  return structure;
}

export function hostFamily(ctx: Ctx, structureId: number): HostFamily {
  const db = ctx.db;
  const structure = hostStructure(db, structureId);
  return {
    structureId,
    name: structure.name,
    vettings: db.select({
      id: hostVettings.id, vettedOn: hostVettings.vettedOn, outcome: hostVettings.outcome, vettedBy: hostVettings.vettedBy,
      renewalDue: hostVettings.renewalDue, notes: hostVettings.notes,
    }).from(hostVettings).where(eq(hostVettings.structureId, structureId)).orderBy(desc(hostVettings.vettedOn), desc(hostVettings.id)).all(),
    agreements: db.select({
      id: placementAgreements.id, personId: placementAgreements.personId, code: persons.code, displayName: shownName,
      signedOn: placementAgreements.signedOn, startDate: placementAgreements.startDate, endDate: placementAgreements.endDate, conditions: placementAgreements.conditions,
    }).from(placementAgreements).innerJoin(persons, eq(persons.id, placementAgreements.personId))
      .where(eq(placementAgreements.structureId, structureId)).orderBy(desc(placementAgreements.startDate), desc(placementAgreements.id)).all(),
    placements: db.select({
      id: placements.id, personId: placements.personId, code: persons.code, displayName: shownName, placeLabel: places.label,
      startDate: placements.startDate, endDate: placements.endDate,
    }).from(placements).innerJoin(places, eq(places.id, placements.placeId)).innerJoin(rooms, eq(rooms.id, places.roomId))
      .innerJoin(persons, eq(persons.id, placements.personId))
      .where(eq(rooms.structureId, structureId)).orderBy(desc(placements.startDate), desc(placements.id)).limit(500).all(),
  };
}

export function addVetting(ctx: Ctx, input: In<'hostFamily.addVetting'>): HostFamily {
  write(ctx, (tx, audit) => {
    hostStructure(tx, input.structureId);
    if (input.vettedOn > ctx.today) throw new DomainError('INVALID_PERIOD', { vettedOn: ['errors.INVALID_PERIOD'] });
    if (input.renewalDue !== null && input.renewalDue <= input.vettedOn) throw new DomainError('INVALID_PERIOD', { renewalDue: ['errors.INVALID_PERIOD'] });
    const { id } = tx.insert(hostVettings).values({ ...input, createdAt: ctx.now.toISOString() }).returning({ id: hostVettings.id }).get();
    audit({ action: 'hostVetting.create', entity: 'host_vetting', recordId: id, fields: Object.keys(input).filter((k) => input[k as keyof typeof input] !== null) });
  });
  return hostFamily(ctx, input.structureId);
}

export function saveAgreement(ctx: Ctx, input: In<'hostFamily.saveAgreement'>): HostFamily {
  write(ctx, (tx, audit) => {
    hostStructure(tx, input.structureId);
    if (!tx.select({ id: persons.id }).from(persons).where(eq(persons.id, input.personId)).get())
      throw new DomainError('NOT_FOUND', { personId: ['errors.NOT_FOUND'] });
    if (input.endDate !== null && input.endDate < input.startDate) throw new DomainError('INVALID_PERIOD', { endDate: ['errors.INVALID_PERIOD'] });
    const values = { personId: input.personId, signedOn: input.signedOn, startDate: input.startDate, endDate: input.endDate, conditions: input.conditions };
    if (input.id === undefined) {
      const { id } = tx.insert(placementAgreements).values({ ...values, structureId: input.structureId, createdAt: ctx.now.toISOString() })
        .returning({ id: placementAgreements.id }).get();
      audit({ action: 'agreement.create', entity: 'placement_agreement', recordId: id, fields: Object.keys(values).filter((k) => values[k as keyof typeof values] !== null) });
      return;
    }
    const before = tx.select().from(placementAgreements)
      .where(and(eq(placementAgreements.id, input.id), eq(placementAgreements.structureId, input.structureId))).get();
    if (!before) throw new DomainError('NOT_FOUND', { id: ['errors.NOT_FOUND'] });
    const changed = (Object.keys(values) as (keyof typeof values)[]).filter((k) => before[k] !== values[k]);
    if (changed.length === 0) return;
    tx.update(placementAgreements).set(values).where(eq(placementAgreements.id, input.id)).run();
    audit({ action: 'agreement.update', entity: 'placement_agreement', recordId: input.id, fields: changed });
  });
  return hostFamily(ctx, input.structureId);
}
