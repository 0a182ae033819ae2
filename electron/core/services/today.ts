// The Today page: free places tonight, arrivals and planned exits, overdue stays, expiring permits and
// referrals waiting for an answer — what the desk checks first thing in the morning.
import { and, asc, eq, gte, isNotNull, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { placesChannels } from '../../shared/channels/places';
import { addDays } from '../../shared/dates';
import { STRUCTURE_TYPES } from '../../shared/domain';
import { persons, places, placements, referrals, rooms, stays, structures } from '../db/schema';
import type { Ctx } from './context';
import { naturalOrder, placeCountsOn } from './structures';
import { REFERRAL_QUEUE_ORDER, waitingHours } from './referrals';
import { personLabel as label } from './person-label';

type Today = z.output<(typeof placesChannels)['today.get']['output']>;
type CountRow = Today['arrivalsToday'][number];

/** "This week" is the seven days from today, today included, so the week's counts never show fewer than
 * today's (the page says so in its headings). */
const WEEK_DAYS = 7;


/** Where the stay is: the structure of its placement on `date` (or on the entry day, for arrivals still to come). */
const structureOf = (date: string) => sql<string | null>`(
  SELECT s.name FROM ${placements} pl
  JOIN ${places} p ON p.id = pl.place_id JOIN ${rooms} r ON r.id = p.room_id JOIN ${structures} s ON s.id = r.structure_id
  WHERE pl.stay_id = ${stays.id} AND pl.start_date <= max(${date}, ${stays.entryDate})
  ORDER BY pl.start_date DESC, pl.id DESC LIMIT 1)`;

/** Stays matching `where`, one row each, dated by `dateColumn`. */
function stayRows(ctx: Ctx, date: string, dateColumn: typeof stays.entryDate | typeof stays.plannedEnd, where: SQL | undefined): CountRow[] {
  return ctx.db.select({
    personId: persons.id, code: persons.code, label, date: sql<string>`${dateColumn}`, structureName: structureOf(date), stayId: stays.id,
  })
    .from(stays).innerJoin(persons, eq(persons.id, stays.personId))
    .where(where)
    .orderBy(asc(dateColumn), asc(persons.code))
    .all();
}

/** Persons with an open stay whose permit expires by `until` (already expired ones included). */
function permitRows(ctx: Ctx, date: string, until: string): CountRow[] {
  return ctx.db.select({
    personId: persons.id, code: persons.code, label, date: sql<string>`${persons.permitExpiry}`, structureName: structureOf(date), stayId: stays.id,
  })
    .from(persons).innerJoin(stays, and(eq(stays.personId, persons.id), isNull(stays.exitDate)))
    .where(and(isNotNull(persons.permitExpiry), lte(persons.permitExpiry, until)))
    .groupBy(persons.id) // one row per person even if, by a data error, two stays are open
    .orderBy(asc(persons.permitExpiry), asc(persons.code))
    .all();
}

export function getToday(ctx: Ctx, date: string): Today {
  const weekEnd = addDays(date, WEEK_DAYS - 1);
  const open = isNull(stays.exitDate);

  const counts = placeCountsOn(ctx.db, date);
  const freeByStructure = ctx.db.select({
    id: structures.id, name: structures.name, type: structures.type, womenOnly: structures.womenOnly, childrenAllowed: structures.childrenAllowed,
  }).from(structures)
    .where(eq(structures.active, true)).all()
    .filter((s) => (counts.get(s.id)?.places ?? 0) > 0)
    .sort((a, b) => STRUCTURE_TYPES.indexOf(a.type) - STRUCTURE_TYPES.indexOf(b.type) || naturalOrder.compare(a.name, b.name))
    .map((s) => {
      const c = counts.get(s.id)!;
      return { structureId: s.id, name: s.name, type: s.type, womenOnly: s.womenOnly, childrenAllowed: s.childrenAllowed, free: c.free, freeBeds: c.freeBeds, freeCots: c.freeCots, total: c.places };
    });

  const pendingReferrals = ctx.db.select({
    id: referrals.id, receivedAt: referrals.receivedAt, source: referrals.source, people: referrals.people, urgency: referrals.urgency,
  }).from(referrals).where(eq(referrals.outcome, 'pending')).orderBy(...REFERRAL_QUEUE_ORDER).all()
    .map((r) => ({ ...r, waitingHours: waitingHours(r.receivedAt, null, ctx.now) }));

  return {
    freeByStructure,
    arrivalsToday: stayRows(ctx, date, stays.entryDate, eq(stays.entryDate, date)),
    arrivalsWeek: stayRows(ctx, date, stays.entryDate, and(gte(stays.entryDate, date), lte(stays.entryDate, weekEnd))),
    plannedExitsToday: stayRows(ctx, date, stays.plannedEnd, and(open, eq(stays.plannedEnd, date))),
    plannedExitsWeek: stayRows(ctx, date, stays.plannedEnd, and(open, gte(stays.plannedEnd, date), lte(stays.plannedEnd, weekEnd))),
    overdue: stayRows(ctx, date, stays.plannedEnd, and(open, lt(stays.plannedEnd, date))),
    permitsExpiring30: permitRows(ctx, date, addDays(date, 30)),
    permitsExpiring60: permitRows(ctx, date, addDays(date, 60)),
    pendingReferrals,
  };
}
