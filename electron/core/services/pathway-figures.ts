// The accompaniment figures of a period (docs/pathway.md): interventions by area and type, hours, persons
// reached and goals reached, in total and per structure, structure type and partner. A pure read: the
// same register and period give the same figures, with nothing written, ready for the monthly summary
// (which applies disclosure control when it exports them).
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { FigureBlock, PathwayFigures } from '../../shared/channels/pathway';
import { INTERVENTION_TYPES, PATHWAY_AREAS, type StructureType } from '../../shared/domain';
import { DomainError } from '../../shared/errors';
import type { Db } from '../db/connection';
import { interventions, partners, placements, places, planGoals, plans, rooms, structures } from '../db/schema';

type Reader = Pick<Db, 'select'>;

interface Accumulator {
  interventions: number;
  minutes: number;
  persons: Set<number>;
  goalsReached: number;
  byArea: Map<string, { count: number; minutes: number }>;
  byType: Map<string, { count: number; minutes: number }>;
}

const accumulator = (): Accumulator => ({ interventions: 0, minutes: 0, persons: new Set(), goalsReached: 0, byArea: new Map(), byType: new Map() });

function block(a: Accumulator): FigureBlock {
  const table = <K extends string>(codes: readonly K[], m: Map<string, { count: number; minutes: number }>) =>
    Object.fromEntries(codes.map((c) => [c, m.get(c) ?? { count: 0, minutes: 0 }])) as Record<K, { count: number; minutes: number }>;
  return {
    interventions: a.interventions, minutes: a.minutes, personsReached: a.persons.size, goalsReached: a.goalsReached,
    byArea: table(PATHWAY_AREAS, a.byArea), byType: table(INTERVENTION_TYPES, a.byType),
  };
}

/** The figures of [from, to] (both days included). */
export function pathwayFigures(db: Reader, from: string, to: string): PathwayFigures {
  if (to < from) throw new DomainError('INVALID_PERIOD', { to: ['errors.INVALID_PERIOD'] });
  const structureRows = db.select({ id: structures.id, name: structures.name, type: structures.type, partnerId: structures.partnerId, partnerName: partners.name })
    .from(structures).innerJoin(partners, eq(partners.id, structures.partnerId)).all();
  const structureById = new Map(structureRows.map((s) => [s.id, s]));

  const total = accumulator();
  const perStructure = new Map<number | null, Accumulator>();
  const perType = new Map<StructureType | null, Accumulator>();
  const perPartner = new Map<number | null, Accumulator>();
  const blocksOf = (structureId: number | null): Accumulator[] => {
    const s = structureId === null ? undefined : structureById.get(structureId);
    const get = <K>(m: Map<K, Accumulator>, k: K) => m.get(k) ?? m.set(k, accumulator()).get(k)!;
    return [total, get(perStructure, s?.id ?? null), get(perType, s?.type ?? null), get(perPartner, s?.partnerId ?? null)];
  };

  // One row per (structure, person, area, type): persons reached need the person, the rest are sums.
  const rows = db.select({
    structureId: interventions.structureId, personId: interventions.personId, area: interventions.area, type: interventions.type,
    n: sql<number>`count(*)`, minutes: sql<number>`sum(${interventions.minutes})`,
  }).from(interventions)
    .where(and(gte(interventions.date, from), lte(interventions.date, to)))
    .groupBy(interventions.structureId, interventions.personId, interventions.area, interventions.type).all();
  for (const r of rows) {
    for (const a of blocksOf(r.structureId)) {
      a.interventions += r.n;
      a.minutes += r.minutes;
      a.persons.add(r.personId);
      const area = a.byArea.get(r.area) ?? { count: 0, minutes: 0 };
      a.byArea.set(r.area, { count: area.count + r.n, minutes: area.minutes + r.minutes });
      const type = a.byType.get(r.type) ?? { count: 0, minutes: 0 };
      a.byType.set(r.type, { count: type.count + r.n, minutes: type.minutes + r.minutes });
    }
  }

  // A goal counts where the person was placed the day it was reached (the stay's latest placement begun by then).
  const reached = db.select({
    structureId: sql<number | null>`(SELECT r.structure_id FROM ${placements} pl JOIN ${places} p ON p.id = pl.place_id JOIN ${rooms} r ON r.id = p.room_id
      WHERE pl.stay_id = ${plans.stayId} AND pl.start_date <= ${planGoals.statusDate} ORDER BY pl.start_date DESC, pl.id DESC LIMIT 1)`,
  }).from(planGoals).innerJoin(plans, eq(plans.id, planGoals.planId))
    .where(and(eq(planGoals.status, 'reached'), gte(planGoals.statusDate, from), lte(planGoals.statusDate, to))).all();
  for (const g of reached) for (const a of blocksOf(g.structureId)) a.goalsReached += 1;

  const sorted = <K>(m: Map<K, Accumulator>) => [...m.entries()].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : String(a).localeCompare(String(b), 'it', { numeric: true })));
  return {
    from,
    to,
    total: block(total),
    byStructure: sorted(perStructure).map(([id, a]) => ({ structureId: id, name: id === null ? null : structureById.get(id)!.name, ...block(a) })),
    byStructureType: sorted(perType).map(([type, a]) => ({ type, ...block(a) })),
    byPartner: sorted(perPartner).map(([id, a]) => ({ partnerId: id, name: id === null ? null : structureById.get(id)!.partnerName, ...block(a) })),
  };
}
