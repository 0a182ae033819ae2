// Matching: which structures can take a whole group over the nights [from, to), with one place for each
// guest, a score and the reasons (translation keys). Families first: a structure where every young child
// sleeps in a parent's room comes before one that splits them, then places free for the whole stay before
// places free only until a later booking, then the score. Free places come from the availability service,
// the same answer the bed board and the admission's pickers show; the guest rules from electron/shared.
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Match, matchGuestSchema } from '../../shared/channels/people';
import type { AvailablePlace } from '../../shared/channels/places';
import { addDays } from '../../shared/dates';
import type { StructureType } from '../../shared/domain';
import { DomainError } from '../../shared/errors';
import { ageOn, isAdultManOn, isMinorOn, needsCotOn, staysWithParentOn, type GuestFacts } from '../../shared/guest-rules';
import type { Db } from '../db/connection';
import { householdMembers, partners, persons, structures } from '../db/schema';
import { availablePlaces, guestFacts, takesFrom } from './availability';
import type { Ctx } from './context';
import { referralNeeds, type ReferralNeeds } from './referrals';

/** Every reason key a match can carry (the renderer translates them under `match.`). */
export const MATCH_REASONS = [
  'match.sameRoom', 'match.severalRooms', 'match.familyTogether', 'match.familySplit', 'match.freeUntil',
  'match.languageSpoken', 'match.languageNotSpoken', 'match.typeFit',
  'match.cotsAvailable', 'match.noCot', 'match.spareCapacity', 'match.lastPlaces',
  'match.womenOnly', 'match.childrenAllowed', 'match.accessible', 'match.lgbtSafe',
] as const;
type Reason = (typeof MATCH_REASONS)[number];

/** One person of the group as matching sees them. */
interface Member {
  facts: GuestFacts;
  /** Under 3: a cot if there is one, else a bed. */
  cot: boolean;
  /** A child who sleeps in a parent's room. */
  young: boolean;
  adult: boolean;
}

interface Group {
  needs: ReferralNeeds;
  members: Member[];
}

interface Free {
  place: AvailablePlace;
  freeUntil: string | null;
  /** Free for every night the stay asks for. */
  whole: boolean;
}

/** Italian is the desks' working language: every structure speaks it whatever its list says. */
const WORKING_LANGUAGE = 'it';

/** Structure types that suit a need best (docs/domain.md › Who uses it: shelters and co-housing for women in emergency,
 * host families for LGBT+ people and others in severe vulnerability). */
function typeFits(needs: ReferralNeeds, type: StructureType): boolean {
  if (needs.lgbtSafe) return type === 'host_family';
  if (needs.womenOnly) return type === 'shelter' || type === 'cohousing';
  return false;
}

const memberOf = (facts: GuestFacts, from: string, child: boolean): Member => ({
  facts,
  cot: needsCotOn(facts, from),
  young: staysWithParentOn(facts, from, child),
  adult: !isMinorOn(facts, from) && !(child && ageOn(facts, from) === null),
});

/** People known only by a referral's counts: adults of unknown gender (women when the need says so), and
 * children of the ages given (as an estimated birth year, so a 17 may still be a minor). */
function anonymousMembers(needs: ReferralNeeds, from: string): Member[] {
  const year = Number(from.slice(0, 4));
  const adults = Math.max(needs.people - needs.childrenAges.length, needs.people > 0 ? 1 : 0);
  const adult: GuestFacts = { gender: needs.womenOnly ? 'female' : 'unknown', birthDate: null, birthYear: null };
  const children = needs.childrenAges.slice(0, Math.max(0, needs.people - adults)).map((age) => ({ gender: 'unknown' as const, birthDate: null, birthYear: year - age }));
  return [...Array.from({ length: adults }, () => memberOf(adult, from, false)), ...children.map((c) => memberOf(c, from, true))];
}

function groupOf(db: Pick<Db, 'select'>, input: MatchInput, from: string): Group {
  const referral = input.referralId ? referralNeeds(db, input.referralId) : null;
  if (input.guests && input.guests.length > 0) {
    const facts = guestFacts(db, input.guests.map((g) => g.guest));
    const members = facts.map((f, i) => memberOf(f, from, input.guests![i]!.child));
    const base = input.needs ?? referral?.needs;
    const needs: ReferralNeeds = {
      womenOnly: false, accessibility: false, lgbtSafe: false, language: null, ...base,
      people: members.length, childrenAges: facts.flatMap((f) => (isMinorOn(f, from) ? [ageOn(f, from)!] : [])),
    };
    return { needs, members };
  }
  if (!referral) {
    if (!input.needs) throw new DomainError('INVALID_INPUT', { needs: ['validation.required'] });
    return { needs: input.needs, members: anonymousMembers(input.needs, from) };
  }
  const needs = input.needs ?? referral.needs;
  const ids = referral.householdId
    ? db.select({ id: householdMembers.personId }).from(householdMembers).where(eq(householdMembers.householdId, referral.householdId)).all().map((m) => m.id)
    : referral.personId ? [referral.personId] : [];
  if (ids.length === 0) return { needs, members: anonymousMembers(needs, from) };
  const rows = db.select({ id: persons.id, gender: persons.gender, birthDate: persons.birthDate, birthYear: persons.birthYear, relationship: householdMembers.relationship })
    .from(persons).leftJoin(householdMembers, eq(householdMembers.personId, persons.id)).where(inArray(persons.id, ids)).all()
    .sort((a, b) => Number(b.relationship === 'head') - Number(a.relationship === 'head') || a.id - b.id);
  const members = rows.map(({ id: _id, relationship, ...facts }) => memberOf(facts, from, relationship === 'child'));
  return { needs: { ...needs, people: members.length }, members };
}

// ——— Allocation: which guest takes which place

interface Room {
  roomId: number;
  beds: Free[];
  cots: Free[];
}

/** Within a room: places that stay free first (no move later), then the longest free, then by label. */
const byPreference = (a: Free, b: Free) => Number(a.freeUntil !== null) - Number(b.freeUntil !== null)
  || (b.freeUntil ?? '').localeCompare(a.freeUntil ?? '') || a.place.label.localeCompare(b.place.label, 'it', { numeric: true });

/** Can the room take these guests? Beds for everyone; a cot only for a child under 3. */
function roomTakes(room: Room, guests: Member[]): boolean {
  const cotGuests = guests.filter((g) => g.cot).length;
  const others = guests.length - cotGuests;
  return room.beds.length >= others && room.beds.length + Math.min(room.cots.length, cotGuests) >= guests.length;
}

/** Puts the guests (indexes) into the room: cots to small children first, then beds. Mutates the room. */
function seat(room: Room, members: Member[], indexes: number[], out: Map<number, Free>): void {
  for (const i of indexes) if (members[i]!.cot && room.cots.length > 0) out.set(i, room.cots.shift()!);
  for (const i of indexes) if (!out.has(i) && room.beds.length > 0) out.set(i, room.beds.shift()!);
}

const capacity = (room: Room) => room.beds.length + room.cots.length;

/**
 * The places for the whole group in one structure, or null. One room for everyone when one fits (the
 * tightest); else one parent and the young children together in one room and the others around them;
 * else the fewest rooms, the family's members first so they sit side by side.
 */
function allocate(free: Free[], members: Member[], pinnedRoom: number | null): { chosen: Map<number, Free>; together: boolean } | null {
  const roomsOf = () => {
    const map = new Map<number, Room>();
    for (const f of [...free].sort(byPreference)) {
      const room = map.get(f.place.roomId) ?? { roomId: f.place.roomId, beds: [], cots: [] };
      (f.place.kind === 'cot' ? room.cots : room.beds).push(f);
      map.set(room.roomId, room);
    }
    // The room of a place the desk already chose comes first; then the tightest.
    return [...map.values()].sort((a, b) => Number(b.roomId === pinnedRoom) - Number(a.roomId === pinnedRoom) || capacity(a) - capacity(b) || a.roomId - b.roomId);
  };
  const everyone = members.map((_, i) => i);
  const young = everyone.filter((i) => members[i]!.young);
  const parent = everyone.find((i) => members[i]!.adult);
  const core = young.length > 0 && parent !== undefined ? [parent, ...young] : [];

  // Everyone in one room.
  for (const room of roomsOf()) {
    if (!roomTakes(room, members)) continue;
    const chosen = new Map<number, Free>();
    seat(room, members, everyone, chosen);
    return { chosen, together: true };
  }
  // The parent and the young children in one room, the others in the fewest other rooms.
  if (core.length > 0) {
    for (const room of roomsOf()) {
      if (!roomTakes(room, core.map((i) => members[i]!))) continue;
      const rooms = roomsOf();
      const home = rooms.find((r) => r.roomId === room.roomId)!;
      const chosen = new Map<number, Free>();
      seat(home, members, core, chosen);
      const rest = everyone.filter((i) => !chosen.has(i));
      const others = [home, ...rooms.filter((r) => r !== home).sort((a, b) => capacity(b) - capacity(a))];
      for (const r of others) seat(r, members, rest.filter((i) => !chosen.has(i)), chosen);
      if (chosen.size === members.length) return { chosen, together: true };
    }
  }
  // The fewest rooms, largest first; the family's members are seated first so they share what they can.
  const order = [...core, ...everyone.filter((i) => !core.includes(i))];
  const chosen = new Map<number, Free>();
  for (const room of roomsOf().sort((a, b) => Number(b.roomId === pinnedRoom) - Number(a.roomId === pinnedRoom) || capacity(b) - capacity(a))) {
    seat(room, members, order.filter((i) => !chosen.has(i)), chosen);
  }
  if (chosen.size < members.length) return null;
  const parentRoom = parent === undefined ? null : chosen.get(parent)!.place.roomId;
  return { chosen, together: young.every((i) => chosen.get(i)!.place.roomId === parentRoom) };
}

export interface MatchInput {
  referralId?: number;
  needs?: ReferralNeeds;
  guests?: z.output<typeof matchGuestSchema>[];
  placeId?: number;
  from: string;
  to: string | null;
}

export function matchPlaces(ctx: Ctx, input: MatchInput): Match[] {
  const { db } = ctx;
  const { from, to } = input;
  if (to !== null && to <= from) throw new DomainError('INVALID_PERIOD', { to: ['errors.INVALID_PERIOD'] });
  const { needs, members } = groupOf(db, input, from);
  const facts = members.map((m) => m.facts);
  const children = members.some((m) => isMinorOn(m.facts, from) || m.young) || needs.childrenAges.length > 0;
  const under3 = members.filter((m) => m.cot).length;

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
      facts.some((f) => isAdultManOn(f, from)) ? eq(structures.womenOnly, false) : undefined,
      children ? eq(structures.childrenAllowed, true) : undefined,
      needs.accessibility ? eq(structures.accessible, true) : undefined,
      needs.lgbtSafe ? eq(structures.lgbtSafe, true) : undefined,
    ))
    .all();
  if (candidates.length === 0) return [];

  // The same answer as the board and the pickers: places that take someone from the first night, with how
  // long they stay free, refused to no one of the group by the structure's guest rules.
  const allowed = new Set(candidates.map((c) => c.id));
  const freeByStructure = new Map<number, Free[]>();
  for (const place of availablePlaces(db, { from, to: to ?? addDays(from, 1), guests: facts })) {
    const takes = takesFrom(place, from);
    if (!allowed.has(place.structureId) || !takes || place.refusals.length > 0) continue;
    const whole = takes.until === null || (to !== null && takes.until >= to);
    freeByStructure.set(place.structureId, [...(freeByStructure.get(place.structureId) ?? []), { place, freeUntil: takes.until, whole }]);
  }
  const pinned = input.placeId === undefined ? undefined : [...freeByStructure.values()].flat().find((f) => f.place.placeId === input.placeId);

  const matches: (Match & { whole: boolean; pinned: boolean })[] = [];
  for (const structure of candidates) {
    const free = freeByStructure.get(structure.id) ?? [];
    if (free.length < members.length) continue;
    const pinnedHere = pinned?.place.structureId === structure.id ? pinned : undefined;
    const pinnedRoom = pinnedHere?.place.roomId ?? null;
    // Places free for the whole stay first; places free only until a later booking when those are too few.
    const wholeOnly = free.filter((f) => f.whole);
    const found = (wholeOnly.length >= members.length ? allocate(wholeOnly, members, pinnedRoom) : null) ?? allocate(free, members, pinnedRoom);
    if (!found) continue;
    const { chosen, together } = found;
    // The place chosen on the board goes to the first guest when it is in the same room (a swap, not a change).
    if (pinnedHere && chosen.get(0)?.place.placeId !== pinnedHere.place.placeId) {
      const holder = [...chosen.entries()].find(([, f]) => f.place.placeId === pinnedHere.place.placeId)?.[0];
      const first = chosen.get(0);
      if (holder !== undefined && first && first.place.kind === pinnedHere.place.kind) {
        chosen.set(holder, first);
        chosen.set(0, pinnedHere);
      }
    }
    const places = [...chosen.entries()];
    const reasons: Reason[] = [];
    let score = 0;
    const roomsUsed = new Set(places.map(([, f]) => f.place.roomId)).size;
    score += roomsUsed === 1 ? 40 : Math.round(20 / (roomsUsed - 1));
    if (members.length > 1) reasons.push(roomsUsed === 1 ? 'match.sameRoom' : 'match.severalRooms');
    if (members.some((m) => m.young)) reasons.push(together ? 'match.familyTogether' : 'match.familySplit');
    const whole = places.every(([, f]) => f.whole);
    if (!whole) reasons.push('match.freeUntil');
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
      const cots = places.filter(([, f]) => f.place.kind === 'cot').length;
      if (cots >= under3) score += 10;
      reasons.push(cots >= under3 ? 'match.cotsAvailable' : 'match.noCot');
    }
    const spare = free.length - members.length;
    score += Math.min(spare, 5) * 2;
    reasons.push(spare > 0 ? 'match.spareCapacity' : 'match.lastPlaces');
    if (needs.womenOnly) reasons.push('match.womenOnly');
    if (children) reasons.push('match.childrenAllowed');
    if (needs.accessibility) reasons.push('match.accessible');
    if (needs.lgbtSafe) reasons.push('match.lgbtSafe');
    matches.push({
      structureId: structure.id, structureName: structure.name, structureType: structure.type, partnerName: structure.partnerName,
      places: places
        .sort(([ga, a], [gb, b]) => a.place.roomName.localeCompare(b.place.roomName, 'it', { numeric: true }) || a.place.label.localeCompare(b.place.label, 'it', { numeric: true }) || ga - gb)
        .map(([guest, f]) => ({
          placeId: f.place.placeId, label: f.place.label, roomId: f.place.roomId, roomName: f.place.roomName, kind: f.place.kind, guest,
          freeUntil: f.freeUntil,
        })),
      familyTogether: together,
      freeCount: free.length,
      score,
      reasons,
      whole,
      pinned: pinnedHere !== undefined,
    });
  }
  return matches
    .sort((a, b) => Number(b.pinned) - Number(a.pinned) || Number(b.familyTogether) - Number(a.familyTogether) || Number(b.whole) - Number(a.whole)
      || b.score - a.score || b.freeCount - a.freeCount || a.structureName.localeCompare(b.structureName, 'it'))
    .map(({ whole: _whole, pinned: _pinned, ...match }) => match);
}
