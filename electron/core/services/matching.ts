// Matching: which structures can take a whole referral group over the nights [from, to), with the best
// set of free places in each, a score and the reasons (translation keys), best fit first.
import { and, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Match } from '../../shared/channels/people';
import { addDays } from '../../shared/dates';
import type { StructureType } from '../../shared/domain';
import { DomainError } from '../../shared/errors';
import type { Db } from '../db/connection';
import { householdMembers, partners, persons, placeOutOfService, placements, places, rooms, structures } from '../db/schema';
import type { Ctx } from './context';
import { referralNeeds, type ReferralNeeds } from './referrals';

/** Every reason key a match can carry (the renderer translates them under `match.`). */
export const MATCH_REASONS = [
  'match.sameRoom', 'match.severalRooms', 'match.languageSpoken', 'match.languageNotSpoken', 'match.typeFit',
  'match.cotsAvailable', 'match.noCot', 'match.spareCapacity', 'match.lastPlaces',
  'match.womenOnly', 'match.childrenAllowed', 'match.accessible', 'match.lgbtSafe',
] as const;
type Reason = (typeof MATCH_REASONS)[number];

interface FreePlace {
  placeId: number;
  label: string;
  roomId: number;
  roomName: string;
  kind: 'bed' | 'cot';
}

interface Group {
  needs: ReferralNeeds;
  /** Known from the referral's persons: an adult man rules out women-only structures. */
  adultMan: boolean;
  minors: boolean;
}

/** Italian is the desks' working language: every structure speaks it whatever its list says. */
const WORKING_LANGUAGE = 'it';

/** Structure types that suit a need best (PRODUCT.md: shelters and co-housing for women in emergency,
 * host families for LGBT+ people and others in severe vulnerability). */
function typeFits(needs: ReferralNeeds, type: StructureType): boolean {
  if (needs.lgbtSafe) return type === 'host_family';
  if (needs.womenOnly) return type === 'shelter' || type === 'cohousing';
  return false;
}

function groupOf(db: Pick<Db, 'select'>, input: MatchInput, from: string): Group {
  if (!input.referralId) {
    if (!input.needs) throw new DomainError('INVALID_INPUT', { needs: ['validation.required'] });
    return { needs: input.needs, adultMan: false, minors: false };
  }
  const referral = referralNeeds(db, input.referralId);
  const needs = input.needs ?? referral.needs;
  const memberIds = referral.householdId
    ? db.select({ id: householdMembers.personId }).from(householdMembers).where(eq(householdMembers.householdId, referral.householdId)).all().map((m) => m.id)
    : referral.personId ? [referral.personId] : [];
  const people = memberIds.length
    ? db.select({ gender: persons.gender, birthDate: persons.birthDate, birthYear: persons.birthYear }).from(persons).where(inArray(persons.id, memberIds)).all()
    : [];
  const age = (p: (typeof people)[number]) =>
    p.birthDate ? Number(from.slice(0, 4)) - Number(p.birthDate.slice(0, 4)) - (from.slice(5) < p.birthDate.slice(5) ? 1 : 0)
    : p.birthYear !== null ? Number(from.slice(0, 4)) - p.birthYear : null;
  return {
    needs,
    adultMan: people.some((p) => p.gender === 'male' && (age(p) ?? 18) >= 18),
    minors: people.some((p) => (age(p) ?? 18) < 18),
  };
}

/** Cots go to children under 3 (never to anyone else), beds to everyone. */
function allocate(roomsInOrder: FreePlace[][], people: number, under3: number): FreePlace[] | null {
  const all = roomsInOrder.flat();
  const cots = all.filter((p) => p.kind === 'cot').slice(0, under3);
  const beds = all.filter((p) => p.kind === 'bed').slice(0, people - cots.length);
  return cots.length + beds.length === people ? [...beds, ...cots] : null;
}

const byLabel = (a: FreePlace, b: FreePlace) => a.label.localeCompare(b.label, 'it', { numeric: true });

/** The best set of places in one structure: one room if any can take everyone (the tightest fit), else
 * the fewest rooms, largest first. */
function bestPlaces(free: FreePlace[], people: number, under3: number): FreePlace[] | null {
  const byRoom = new Map<number, FreePlace[]>();
  for (const place of [...free].sort(byLabel)) byRoom.set(place.roomId, [...(byRoom.get(place.roomId) ?? []), place]);
  const roomList = [...byRoom.values()];
  const capacity = (room: FreePlace[]) => room.filter((p) => p.kind === 'bed').length + Math.min(under3, room.filter((p) => p.kind === 'cot').length);
  const single = roomList
    .map((room) => ({ room, chosen: allocate([room], people, under3) }))
    .filter((c): c is { room: FreePlace[]; chosen: FreePlace[] } => c.chosen !== null)
    .sort((a, b) => capacity(a.room) - capacity(b.room) || a.room[0]!.roomName.localeCompare(b.room[0]!.roomName, 'it', { numeric: true }));
  if (single[0]) return single[0].chosen;
  const largest = [...roomList].sort((a, b) => capacity(b) - capacity(a));
  for (let n = 2; n <= largest.length; n += 1) {
    const chosen = allocate(largest.slice(0, n), people, under3);
    if (chosen) return chosen;
  }
  return null;
}

export interface MatchInput {
  referralId?: number;
  needs?: ReferralNeeds;
  from: string;
  to: string | null;
}

export function matchPlaces(ctx: Ctx, input: MatchInput): Match[] {
  const { db } = ctx;
  const { from, to } = input;
  if (to !== null && to <= from) throw new DomainError('INVALID_PERIOD', { to: ['errors.INVALID_PERIOD'] });
  const group = groupOf(db, input, from);
  const { needs } = group;
  const end = to ?? addDays(from, 1);
  const children = needs.childrenAges.length > 0 || group.minors;
  const under3 = needs.childrenAges.filter((age) => age < 3).length;

  const candidates = db
    .select({
      id: structures.id, name: structures.name, type: structures.type, partnerName: partners.name, womenOnly: structures.womenOnly,
      childrenAllowed: structures.childrenAllowed, accessible: structures.accessible, lgbtSafe: structures.lgbtSafe, languages: structures.languages,
    })
    .from(structures)
    .innerJoin(partners, eq(partners.id, structures.partnerId))
    .where(and(
      eq(structures.active, true),
      needs.womenOnly ? eq(structures.womenOnly, true) : undefined,
      group.adultMan ? eq(structures.womenOnly, false) : undefined,
      children ? eq(structures.childrenAllowed, true) : undefined,
      needs.accessibility ? eq(structures.accessible, true) : undefined,
      needs.lgbtSafe ? eq(structures.lgbtSafe, true) : undefined,
    ))
    .all();
  if (candidates.length === 0) return [];

  const placeRows = db
    .select({ placeId: places.id, label: places.label, kind: places.kind, activeTo: places.activeTo, roomId: rooms.id, roomName: rooms.name, structureId: rooms.structureId })
    .from(places)
    .innerJoin(rooms, eq(rooms.id, places.roomId))
    .where(and(
      inArray(rooms.structureId, candidates.map((s) => s.id)),
      eq(rooms.active, true),
      lte(places.activeFrom, from),
      or(isNull(places.activeTo), sql`${places.activeTo} >= ${end}`),
    ))
    .all();

  // An admission always starts an OPEN placement (stays.admit), which the stays service refuses on a place
  // booked, out of service or ending on ANY later night: such a place is not offered, whatever the range.
  // `end` only bounds the active-period filter above.
  const busy = new Set<number>();
  const mark = (placeId: number) => busy.add(placeId);
  const candidatePlaces = placeRows.map((p) => p.placeId);
  db.select({ placeId: placements.placeId })
    .from(placements)
    .where(and(inArray(placements.placeId, candidatePlaces), or(isNull(placements.endDate), gt(placements.endDate, from)), or(isNull(placements.endDate), gt(placements.endDate, placements.startDate))))
    .all()
    .forEach((p) => mark(p.placeId));
  db.select({ placeId: placeOutOfService.placeId })
    .from(placeOutOfService)
    .where(and(inArray(placeOutOfService.placeId, candidatePlaces), or(isNull(placeOutOfService.toDate), gt(placeOutOfService.toDate, from)), or(isNull(placeOutOfService.toDate), gt(placeOutOfService.toDate, placeOutOfService.fromDate))))
    .all()
    .forEach((o) => mark(o.placeId));

  const freeByStructure = new Map<number, FreePlace[]>();
  for (const p of placeRows) {
    if (busy.has(p.placeId) || p.activeTo !== null) continue;
    const free: FreePlace = { placeId: p.placeId, label: p.label, roomId: p.roomId, roomName: p.roomName, kind: p.kind };
    freeByStructure.set(p.structureId, [...(freeByStructure.get(p.structureId) ?? []), free]);
  }

  const matches: Match[] = [];
  for (const structure of candidates) {
    const free = freeByStructure.get(structure.id) ?? [];
    const chosen = free.length >= needs.people ? bestPlaces(free, needs.people, under3) : null;
    if (!chosen) continue;
    const reasons: Reason[] = [];
    let score = 0;
    const roomsUsed = new Set(chosen.map((p) => p.roomId)).size;
    score += roomsUsed === 1 ? 40 : Math.round(20 / (roomsUsed - 1));
    if (needs.people > 1) reasons.push(roomsUsed === 1 ? 'match.sameRoom' : 'match.severalRooms');
    if (needs.language) {
      const spoken = needs.language === WORKING_LANGUAGE || (JSON.parse(structure.languages) as string[]).includes(needs.language);
      if (spoken) score += 20;
      reasons.push(spoken ? 'match.languageSpoken' : 'match.languageNotSpoken');
    }
    if (typeFits(needs, structure.type)) {
      score += 10;
      reasons.push('match.typeFit');
    }
    if (under3 > 0) {
      const cots = chosen.filter((p) => p.kind === 'cot').length;
      if (cots >= under3) score += 10;
      reasons.push(cots >= under3 ? 'match.cotsAvailable' : 'match.noCot');
    }
    const spare = free.length - needs.people;
    score += Math.min(spare, 5) * 2;
    reasons.push(spare > 0 ? 'match.spareCapacity' : 'match.lastPlaces');
    if (needs.womenOnly) reasons.push('match.womenOnly');
    if (children) reasons.push('match.childrenAllowed');
    if (needs.accessibility) reasons.push('match.accessible');
    if (needs.lgbtSafe) reasons.push('match.lgbtSafe');
    matches.push({
      structureId: structure.id, structureName: structure.name, structureType: structure.type, partnerName: structure.partnerName,
      places: [...chosen]
        .sort((a, b) => a.roomName.localeCompare(b.roomName, 'it', { numeric: true }) || a.label.localeCompare(b.label, 'it', { numeric: true }))
        .map(({ placeId, label, roomId, roomName, kind }) => ({ placeId, label, roomId, roomName, kind })),
      freeCount: free.length,
      score,
      reasons,
    });
  }
  return matches.sort((a, b) => b.score - a.score || b.freeCount - a.freeCount || a.structureName.localeCompare(b.structureName, 'it'));
}
