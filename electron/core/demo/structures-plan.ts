// Example partners, structures, rooms, places and out-of-service periods. Flags follow fixed patterns per
// structure type so that even the smallest register has somewhere for every household shape (a women-only
// shelter with children, a mixed co-housing with children, an LGBT+-safe host family, an adults-only house).
import type { StructureType } from '../../shared/domain';
import { COHOUSING_NAMES, OTHER_NAMES, OUT_OF_SERVICE_REASONS, PARTNER_NAMES, SHELTER_NAMES, STREETS } from './names';
import type { Rng } from './random';
import type { Scale } from './scales';

export interface PlanPartner {
  id: number;
  name: string;
}

export interface PlanOutOfService {
  id: number;
  placeId: number;
  reason: string;
  from: number;
  /** Infinity while open. */
  to: number;
}

export interface PlanPlace {
  id: number;
  roomId: number;
  structure: PlanStructure;
  label: string;
  kind: 'bed' | 'cot';
  activeFrom: number;
  /** Infinity while open. */
  activeTo: number;
  outOfService: PlanOutOfService[];
  /** The simulation's calendar: every night from here on is unclaimed (see simulation.ts). */
  freeFrom: number;
}

export interface PlanRoom {
  id: number;
  structureId: number;
  name: string;
  active: boolean;
}

export interface PlanStructure {
  id: number;
  partnerId: number;
  name: string;
  type: StructureType;
  address: string;
  womenOnly: boolean;
  childrenAllowed: boolean;
  accessible: boolean;
  lgbtSafe: boolean;
  languages: string[];
  active: boolean;
  openDay: number;
  places: PlanPlace[];
}

export interface StructuresPlan {
  partners: PlanPartner[];
  structures: PlanStructure[];
  rooms: PlanRoom[];
  places: PlanPlace[];
  outOfService: PlanOutOfService[];
}

type Flags = Pick<PlanStructure, 'womenOnly' | 'childrenAllowed' | 'lgbtSafe'>;
const flags = (womenOnly: boolean, childrenAllowed: boolean, lgbtSafe: boolean): Flags => ({ womenOnly, childrenAllowed, lgbtSafe });

// Cycled per type, first entry first: the order guarantees coverage at small scales.
const FLAG_PATTERNS: Record<StructureType, Flags[]> = {
  shelter: [flags(true, true, false), flags(true, true, true), flags(true, true, false)],
  cohousing: [flags(true, true, false), flags(false, true, true), flags(true, true, true), flags(false, true, false)],
  host_family: [flags(false, false, true), flags(true, true, false), flags(false, true, false), flags(false, true, true), flags(true, false, true)],
  other: [flags(false, false, false), flags(false, true, true)],
};
const ACCESSIBLE_SHARE: Record<StructureType, number> = { shelter: 0.5, cohousing: 0.25, host_family: 0.1, other: 0.5 };
const SIZE_WEIGHT: Record<Exclude<StructureType, 'host_family'>, number> = { shelter: 1.5, cohousing: 0.7, other: 1.3 };
const STAFF_LANGUAGES = ['en', 'fr', 'ar', 'es', 'ro', 'uk', 'sq', 'pt', 'ru'] as const;

function structureName(type: StructureType, index: number): string {
  const numbered = (names: readonly string[]) => names[index % names.length]! + (index >= names.length ? ` ${Math.floor(index / names.length) + 1}` : '');
  if (type === 'shelter') return `Rifugio ${numbered(SHELTER_NAMES)}`;
  if (type === 'cohousing') return `Coabitazione ${numbered(COHOUSING_NAMES)}`;
  if (type === 'host_family') return `Famiglia ospitante ${String(index + 1).padStart(2, '0')}`;
  return numbered(OTHER_NAMES);
}

/** Places per structure: host families 1–3, the rest shared out by type weight so the total is exact. */
function placeCounts(rng: Rng, types: StructureType[], total: number): number[] {
  const counts = types.map((t) => (t === 'host_family' ? rng.int(1, 3) : 0));
  const left = total - counts.reduce((a, b) => a + b, 0);
  const weights = types.map((t) => (t === 'host_family' ? 0 : SIZE_WEIGHT[t] * (0.75 + rng.float() * 0.5)));
  const sum = weights.reduce((a, b) => a + b, 0);
  types.forEach((t, i) => {
    if (t !== 'host_family') counts[i] = Math.max(3, Math.floor((left * weights[i]!) / sum));
  });
  // Rounding leftovers go to (or come from) the largest structures, one place each.
  let diff = total - counts.reduce((a, b) => a + b, 0);
  const bySize = counts.map((c, i) => [c, i] as const).filter(([, i]) => types[i] !== 'host_family').sort((a, b) => b[0] - a[0]);
  for (let k = 0; diff !== 0; k += 1) {
    const i = bySize[k % bySize.length]![1];
    counts[i]! += diff > 0 ? 1 : -1;
    diff += diff > 0 ? -1 : 1;
  }
  return counts;
}

/** Splits a structure's places into rooms: [beds, cots] per room. */
function roomShapes(rng: Rng, s: PlanStructure, places: number): [number, number][] {
  if (s.type === 'host_family') return places === 3 ? [[2, 0], [1, 0]] : [[places, 0]];
  const [min, max] = s.type === 'cohousing' ? [1, 3] : [2, 4];
  const cotShare = !s.childrenAllowed ? 0 : s.type === 'shelter' ? 0.5 : 0.2;
  const shapes: [number, number][] = [];
  let left = places;
  while (left > 0) {
    const size = Math.min(left, rng.int(min, max));
    const cots = size >= 3 && rng.chance(cotShare) ? 1 : 0;
    shapes.push([size - cots, cots]);
    left -= size;
  }
  return shapes;
}

export function planStructures(rng: Rng, scale: Scale, start: number, today: number): StructuresPlan {
  const partners = PARTNER_NAMES.slice(0, scale.partners).map((name, i) => ({ id: i + 1, name }));
  const types = (Object.keys(scale.structures) as StructureType[]).flatMap((t) => Array.from({ length: scale.structures[t] }, () => t));
  const counts = placeCounts(rng, types, scale.places);
  const seen: Partial<Record<StructureType, number>> = {};
  const structures: PlanStructure[] = [];
  const rooms: PlanRoom[] = [];
  const places: PlanPlace[] = [];
  const history = today - start;
  types.forEach((type, i) => {
    const index = (seen[type] = (seen[type] ?? -1) + 1);
    const pattern = FLAG_PATTERNS[type][index % FLAG_PATTERNS[type].length]!;
    // A few structures open during the history; the first of each type is there from the start.
    const openDay = index > 0 && rng.chance(0.2) ? start + rng.int(30, Math.floor(history * 0.6)) : start;
    const s: PlanStructure = {
      id: i + 1,
      partnerId: partners[i % partners.length]!.id,
      name: structureName(type, index),
      type,
      address: `${rng.pick(STREETS)} ${rng.int(1, 180)}, 101${String(rng.int(21, 56)).padStart(2, '0')} Torino`,
      ...pattern,
      accessible: index === 0 ? type === 'shelter' || type === 'other' : rng.chance(ACCESSIBLE_SHARE[type]),
      languages: ['it', ...rng.sample(STAFF_LANGUAGES, rng.int(1, 3))],
      active: true,
      openDay,
      places: [],
    };
    structures.push(s);
    for (const [r, [beds, cots]] of roomShapes(rng, s, counts[i]!).entries()) {
      const room: PlanRoom = { id: rooms.length + 1, structureId: s.id, name: type === 'host_family' ? (r === 0 ? 'Camera ospiti' : 'Cameretta') : `Camera ${r + 1}`, active: true };
      rooms.push(room);
      for (let k = 0; k < beds + cots; k += 1) {
        const kind = k < beds ? 'bed' : 'cot';
        const place: PlanPlace = {
          id: places.length + 1, roomId: room.id, structure: s, label: kind === 'bed' ? `Letto ${k + 1}` : `Culla ${k - beds + 1}`,
          kind, activeFrom: openDay, activeTo: Infinity, outOfService: [], freeFrom: openDay,
        };
        places.push(place);
        s.places.push(place);
      }
    }
  });
  closeStructures(rng, scale, structures, rooms, start, today);
  varyActivePeriods(rng, places, today);
  const outOfService = planOutOfService(rng, places, start, today);
  return { partners, structures, rooms, places, outOfService };
}

/** Some structures closed during the history (never the first of a type): inactive, places ended. */
function closeStructures(rng: Rng, scale: Scale, structures: PlanStructure[], rooms: PlanRoom[], start: number, today: number) {
  const candidates = structures.filter((s, i) => structures.findIndex((t) => t.type === s.type) !== i && s.openDay === start);
  for (const s of rng.sample(candidates, scale.closedStructures)) {
    const closeDay = start + rng.int(Math.floor((today - start) * 0.4), Math.floor((today - start) * 0.8));
    s.active = false;
    for (const room of rooms) if (room.structureId === s.id) room.active = false;
    for (const p of s.places) p.activeTo = closeDay;
  }
}

/** A few places whose active period ended, starts later, or ends soon. At least one of each. */
function varyActivePeriods(rng: Rng, places: PlanPlace[], today: number) {
  const open = places.filter((p) => p.activeTo === Infinity && p.structure.type !== 'host_family' && p.structure.places.length > 3);
  const share = (p: number) => Math.max(1, Math.round(open.length * p));
  const endedPast = rng.sample(open.filter((p) => p.activeFrom < today - 150), share(0.03));
  const picked = rng.sample(open.filter((p) => !endedPast.includes(p)), share(0.01) + share(0.01));
  const startsLater = picked.splice(0, share(0.01));
  for (const p of endedPast) p.activeTo = today - rng.int(20, Math.floor((today - p.activeFrom) * 0.7));
  for (const p of startsLater) {
    p.activeFrom = today + rng.int(5, 40);
    p.freeFrom = p.activeFrom;
  }
  for (const p of picked) p.activeTo = today + rng.int(10, 60);
}

/** Past repairs on ~15% of places, a few out of service today (some with no end yet), a few planned. */
function planOutOfService(rng: Rng, places: PlanPlace[], start: number, today: number): PlanOutOfService[] {
  const out: PlanOutOfService[] = [];
  const add = (place: PlanPlace, from: number, to: number) => {
    const period = { id: out.length + 1, placeId: place.id, reason: rng.pick(OUT_OF_SERVICE_REASONS), from, to };
    out.push(period);
    place.outOfService.push(period);
  };
  const usable = places.filter((p) => p.activeFrom < today - 40 && p.activeTo > today + 40);
  const count = (share: number) => Math.max(1, Math.round(usable.length * share));
  const picked = rng.sample(usable, count(0.15) + count(0.03) + count(0.02));
  for (const p of picked.splice(0, count(0.15))) {
    const from = rng.int(Math.max(p.activeFrom, start), today - 35);
    add(p, from, from + rng.int(3, 30));
    if (rng.chance(0.2) && from + 60 < today - 35) {
      const again = rng.int(from + 60, today - 35);
      add(p, again, again + rng.int(2, 14));
    }
  }
  for (const p of picked.splice(0, count(0.03))) add(p, today - rng.int(0, 20), rng.chance(0.3) ? Infinity : today + rng.int(1, 30));
  for (const p of picked) {
    const from = today + rng.int(5, 30);
    add(p, from, from + rng.int(3, 20));
  }
  for (const p of places) p.outOfService.sort((a, b) => a.from - b.from);
  return out;
}
