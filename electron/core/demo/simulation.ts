// The example register's history, simulated one day at a time from the first day to `today`: referrals
// arrive, wait for a place, are admitted, transferred, extended and discharged.
//
// Right by construction: each place keeps `freeFrom`, the first night from which nobody holds it. Every
// placement starts on the day being simulated (days only move forward) and claims its place up to the
// end of that guest's stay, so a place is free for [d, end) exactly when freeFrom ≤ d, the place is active
// over the whole of it and no out-of-service period touches it. A transfer hands the old place back from
// the transfer date. A person's placements are consecutive within one stay, and a household is referred
// again only after every member's stay has ended, so no person is ever in two places on one night.
import type { ExitReason } from '../../shared/domain';
import { DESTINATIONS, EXTENSION_GRANTORS } from './names';
import { ageOf, People, type Needs, type SimHousehold, type SimPerson } from './people';
import { isoOf, type Rng } from './random';
import type { Scale } from './scales';
import type { PlanPlace, PlanStructure, StructuresPlan } from './structures-plan';

export interface SimReferral {
  id: number;
  receivedDay: number;
  receivedAt: string;
  source: string;
  needs: Needs;
  urgency: 'low' | 'normal' | 'high' | 'immediate';
  notes: string | null;
  household: SimHousehold;
  outcome: 'pending' | 'placed' | 'declined' | 'withdrawn';
  outcomeAt: string | null;
  declineReason: string | null;
  earliest: number;
  deadline: number;
}

export interface SimExtension {
  stayId: number;
  previous: number;
  next: number;
  grantedBy: string;
  grantedAt: number;
}

export interface SimStay {
  id: number;
  person: SimPerson;
  householdId: number | null;
  referralId: number;
  entry: number;
  /** Infinity while open. */
  exit: number;
  plannedEnd: number;
  exitReason: ExitReason | null;
  destination: string | null;
  extensions: SimExtension[];
}

export interface SimPlacement {
  id: number;
  stayId: number;
  personId: number;
  placeId: number;
  start: number;
  /** Infinity while open. */
  end: number;
}

interface Member {
  person: SimPerson;
  stay: SimStay;
  end: number;
  placement: SimPlacement;
}
interface Case {
  referral: SimReferral;
  household: SimHousehold;
  members: Member[];
}

type Phase = 'entry' | 'transfer';
type TypeWeights = Record<PlanStructure['type'], number>;
const w = (shelter: number, cohousing: number, host_family: number, other: number): TypeWeights => ({ shelter, cohousing, host_family, other });
const PREFERENCES: Record<SimHousehold['kind'], Record<Phase, TypeWeights>> = {
  woman_alone: { entry: w(3, 3, 1, 1), transfer: w(0.5, 3, 2, 1) },
  mother_children: { entry: w(4, 2, 1, 1), transfer: w(0.5, 4, 2, 1) },
  woman_with_relative: { entry: w(2, 3, 1, 1), transfer: w(0.5, 3, 2, 1) },
  couple: { entry: w(0, 3, 2, 2), transfer: w(0, 3, 2, 2) },
  couple_children: { entry: w(0, 3, 2, 2), transfer: w(0, 3, 2, 2) },
  man_alone: { entry: w(0, 2, 2, 4), transfer: w(0, 2, 2, 4) },
  lgbt_single: { entry: w(1, 2, 4, 1), transfer: w(1, 2, 4, 1) },
};
const EXIT_WEIGHTS: [ExitReason, number][] = [
  ['socio_economic_inclusion', 30], ['term_expired', 22], ['voluntary_abandonment', 14], ['removal', 4],
  ['transfer_other_project', 14], ['assisted_voluntary_return', 2], ['other', 14],
];
const PLANNED_DAYS: TypeWeights = w(90, 180, 180, 60);
const URGENCY: [SimReferral['urgency'], number][] = [['immediate', 15], ['high', 30], ['normal', 45], ['low', 10]];
const LAG: Record<SimReferral['urgency'], [number, number, number]> = { immediate: [0, 0, 3], high: [0, 1, 7], normal: [1, 5, 21], low: [3, 14, 30] };
const NOTES = [
  'Richiesta di pronta accoglienza', 'Accompagnata dalle operatrici del centro antiviolenza', 'Serve una culla',
  'Da valutare la compatibilità con la struttura', 'Segnalazione telefonica, relazione scritta in arrivo',
];
// Stay lengths: emergency nights, weeks, months, most of a year. Scaled so occupancy stays realistic.
const LENGTHS: [[number, number], number][] = [[[1, 7], 30], [[8, 30], 30], [[31, 120], 25], [[121, 400], 15]];
const LENGTH_MEAN = 64.6;

const clock = (day: number, hour: number, minute: number) => `${isoOf(day)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

export class Simulation {
  readonly referrals: SimReferral[] = [];
  readonly stays: SimStay[] = [];
  readonly placements: SimPlacement[] = [];
  private queue: SimReferral[] = [];
  private readonly events = new Map<number, { c: Case; member: Member | null }[]>();
  private readonly pool: SimHousehold[] = [];
  private lengthScale: number;
  private readonly baseLengthScale: number;
  private decided = 0;

  constructor(
    private readonly rng: Rng,
    private readonly plan: StructuresPlan,
    private readonly scale: Scale,
    private readonly start: number,
    private readonly today: number,
    readonly people: People,
  ) {
    let nights = 0;
    for (const p of plan.places) nights += Math.max(0, Math.min(p.activeTo, today + 1) - Math.max(p.activeFrom, start));
    this.baseLengthScale = this.lengthScale = (nights * 0.8) / scale.stays / LENGTH_MEAN;
  }

  run(): void {
    const days = this.today - this.start + 1;
    const base = this.scale.stays / days / 1.6;
    for (let d = this.start; d <= this.today; d += 1) {
      for (const e of this.events.get(d) ?? []) this.transfer(e.c, e.member, d);
      this.events.delete(d);
      const queued = this.queue.reduce((n, q) => n + q.needs.people, 0);
      const perReferral = this.decided > 50 ? this.stays.length / this.decided : 1.5;
      // Admissions follow an even schedule to the scale's total, so the last weeks are as busy as any.
      const due = (this.scale.stays * (d - this.start + 1)) / days;
      const wanted = (due - this.stays.length - queued) / Math.max(0.5, perReferral);
      const arrivals = this.rng.poisson(Math.min(3 * base, Math.max(0.5 * base, wanted)));
      for (let i = 0; i < arrivals; i += 1) this.refer(d, queued);
      this.serveQueue(d);
      if ((d - this.start) % 7 === 0 && d - this.start > 90) this.steerLengths(d);
    }
  }

  /** A new referral: a household already known (when the register has enough persons) or a new one. */
  private refer(d: number, queued: number) {
    const rng = this.rng;
    const hour = rng.int(7, 20);
    const wantNew = this.people.persons.length / this.scale.persons <= (this.stays.length + queued) / this.scale.stays;
    const household = (!wantNew && this.fromPool(d)) || this.people.create(d, hour);
    const needs = this.people.needs(household, d);
    const atRisk = household.members.some((m) => m.person.vulnerabilities.some((v) => v === 'violence_survivor' || v === 'trafficking'));
    const urgency = atRisk ? rng.weighted<SimReferral['urgency']>([['immediate', 40], ['high', 40], ['normal', 20]]) : rng.weighted(URGENCY);
    const [minLag, maxLag, wait] = LAG[urgency];
    const earliest = d + rng.int(minLag, maxLag);
    const r: SimReferral = {
      id: this.referrals.length + 1, receivedDay: d, receivedAt: clock(d, hour, rng.int(0, 59)),
      source: household.members[0]!.person.referralSource, needs, urgency, notes: rng.chance(0.15) ? rng.pick(NOTES) : null,
      household, outcome: 'pending', outcomeAt: null, declineReason: null, earliest, deadline: earliest + wait,
    };
    this.referrals.push(r);
    const fate = rng.float();
    if (fate < 0.08) {
      // Declined after assessment, or withdrawn, a few days later (still pending if that is after today).
      const at = d + rng.int(0, 7);
      if (at <= this.today) this.close(r, at, fate < 0.05 ? 'declined' : 'withdrawn', fate < 0.05 ? rng.pick(['needs_not_met', 'not_eligible', 'refused_by_person', 'other']) : null);
    } else this.queue.push(r);
  }

  private fromPool(d: number): SimHousehold | null {
    for (let tries = 0; tries < 30 && this.pool.length; tries += 1) {
      const i = this.rng.int(0, this.pool.length - 1);
      const h = this.pool[i]!;
      if (h.availableFrom > d) continue;
      this.pool[i] = this.pool[this.pool.length - 1]!;
      this.pool.pop();
      return h;
    }
    return null;
  }

  private close(r: SimReferral, day: number, outcome: 'declined' | 'withdrawn', reason: string | null) {
    r.outcome = outcome;
    r.outcomeAt = clock(day, Math.max(Number(r.receivedAt.slice(11, 13)) + (day === r.receivedDay ? 1 : 0), this.rng.int(9, 18)), this.rng.int(0, 59));
    r.declineReason = reason;
    this.decided += 1;
    r.household.availableFrom = day + this.rng.int(30, 240);
    this.pool.push(r.household);
  }

  private serveQueue(d: number) {
    const waiting: SimReferral[] = [];
    for (const r of this.queue) {
      if (r.earliest > d) waiting.push(r);
      else if (this.admit(r, d)) continue;
      else if (d >= r.deadline) this.close(r, d, 'declined', 'no_place');
      else waiting.push(r);
    }
    this.queue = waiting;
  }

  private sampleLength(): number {
    const [min, max] = this.rng.weighted(LENGTHS);
    return Math.max(1, Math.round(this.rng.int(min, max) * this.lengthScale));
  }

  /** Keeps tonight's occupancy between ~75% and ~92% by shortening or lengthening new stays. */
  private steerLengths(d: number) {
    let active = 0;
    let occupied = 0;
    for (const p of this.plan.places) {
      if (p.activeFrom > d || p.activeTo <= d || p.outOfService.some((o) => o.from <= d && d < o.to)) continue;
      active += 1;
      if (p.freeFrom > d) occupied += 1;
    }
    const occupancy = active ? occupied / active : 0;
    if (occupancy > 0.92) this.lengthScale *= 0.95;
    else if (occupancy < 0.75) this.lengthScale *= 1.05;
    this.lengthScale = Math.min(4 * this.baseLengthScale, Math.max(0.25 * this.baseLengthScale, this.lengthScale));
  }

  private admit(r: SimReferral, d: number): boolean {
    const rng = this.rng;
    const h = r.household;
    const length = this.sampleLength();
    const exit = d + length > this.today ? Infinity : d + length;
    const ends = h.members.map(() => exit);
    // Now and then one member leaves before the others (a partner, an adult relative).
    if (h.members.length > 1 && length >= 4 && rng.chance(0.08)) {
      const early = d + rng.int(1, length - 1);
      ends[rng.int(1, h.members.length - 1)] = early > this.today ? Infinity : early;
    }
    const group = h.members.map((m, i) => ({ person: m.person, end: ends[i]! }));
    const places = this.findPlaces(group, d, r.needs, PREFERENCES[h.kind].entry, null);
    if (!places) return false;
    r.outcome = 'placed';
    r.outcomeAt = clock(d, Math.max(Number(r.receivedAt.slice(11, 13)) + (d === r.receivedDay ? 1 : 0), rng.int(9, 19)), rng.int(0, 59));
    this.decided += 1;
    const reason = rng.weighted(EXIT_WEIGHTS);
    const members: Member[] = h.members.map((m, i) => {
      const end = ends[i]!;
      const stay: SimStay = {
        id: this.stays.length + 1, person: m.person, householdId: h.id, referralId: r.id, entry: d, exit: end, plannedEnd: d,
        exitReason: end === Infinity ? null : end < exit ? rng.pick(['voluntary_abandonment', 'socio_economic_inclusion', 'other'] as const) : reason,
        destination: null, extensions: [],
      };
      if (stay.exitReason) stay.destination = rng.pick(DESTINATIONS[stay.exitReason]!);
      this.stays.push(stay);
      m.person.consentDay ??= d;
      this.renewPermit(m.person, d);
      return { person: m.person, stay, end, placement: this.place(stay, places[i]!, d, end) };
    });
    this.plannedEnds(members, d, length, places[0]!.structure.type);
    const c: Case = { referral: r, household: h, members };
    this.scheduleTransfers(c, d, length);
    const last = Math.max(...ends);
    if (last !== Infinity && !members.some((m) => m.stay.exitReason === 'assisted_voluntary_return' || m.stay.exitReason === 'removal')) {
      h.availableFrom = last + rng.int(20, 400);
      this.pool.push(h);
    }
    return true;
  }

  /** An expired permit is renewed at admission; a quarter of guests hold a short one (a renewal receipt)
   * that falls due during the stay, which is what the desk's permit alerts are for. */
  private renewPermit(p: SimPerson, d: number) {
    if (p.permitExpiry === null) return;
    const expired = p.permitExpiry < isoOf(d);
    if (this.rng.chance(0.25)) p.permitExpiry = isoOf(d + this.rng.int(30, 200));
    else if (expired) p.permitExpiry = isoOf(d + this.rng.int(180, 730));
  }

  private place(stay: SimStay, place: PlanPlace, start: number, end: number): SimPlacement {
    const placement: SimPlacement = { id: this.placements.length + 1, stayId: stay.id, personId: stay.person.id, placeId: place.id, start, end };
    this.placements.push(placement);
    place.freeFrom = end;
    return placement;
  }

  /** Planned end from the first structure's usual term, and the extensions (proroghe) the stay needed. */
  private plannedEnds(members: Member[], d: number, length: number, type: PlanStructure['type']) {
    const rng = this.rng;
    let planned = d + (length <= 10 ? rng.pick([7, 14, 30]) : PLANNED_DAYS[type]);
    const initial = planned;
    const last = Math.max(...members.map((m) => m.end));
    const limit = last === Infinity ? this.today : last;
    const grants: Omit<SimExtension, 'stayId'>[] = [];
    while (planned < limit) {
      // Some open stays are simply past their planned end today: the desk has not extended them yet.
      if (last === Infinity && !rng.chance(0.7)) break;
      const grantedAt = Math.min(this.today, Math.max(d, planned - rng.int(0, 10)));
      const next = planned + rng.pick([30, 60, 90, 180]);
      grants.push({ previous: planned, next, grantedBy: rng.pick(EXTENSION_GRANTORS), grantedAt });
      planned = next;
    }
    for (const m of members) {
      m.stay.extensions = grants.filter((g) => g.grantedAt < m.end).map((g) => ({ ...g, stayId: m.stay.id }));
      m.stay.plannedEnd = m.stay.extensions.at(-1)?.next ?? initial;
    }
  }

  /** Transfers are frequent enough that placements per stay track the scale's ratio. */
  private scheduleTransfers(c: Case, d: number, length: number) {
    const rng = this.rng;
    const lastDay = Math.min(d + length - 1, this.today);
    if (lastDay <= d + 1) return;
    const behind = this.placements.length / this.stays.length < this.scale.placements / this.scale.stays;
    const count = length < 5 ? 0 : behind ? (rng.chance(0.9) ? (length > 20 && rng.chance(0.5) ? 2 : 1) : 0) : rng.chance(0.15) ? 1 : 0;
    const days = new Set<number>();
    for (let i = 0; i < count; i += 1) days.add(rng.int(d + 1, lastDay));
    for (const day of days) this.schedule(day, { c, member: null });
    if (c.members.length > 1 && length >= 10 && rng.chance(0.1)) {
      const member = rng.pick(c.members);
      const until = Math.min(member.end - 1, lastDay);
      const day = until > d + 1 ? rng.int(d + 1, until) : null;
      if (day !== null && !days.has(day)) this.schedule(day, { c, member });
    }
  }

  private schedule(day: number, e: { c: Case; member: Member | null }) {
    const list = this.events.get(day);
    if (list) list.push(e);
    else this.events.set(day, [e]);
  }

  /** The whole household to another structure (or room), or one member to another place in the same structure. */
  private transfer(c: Case, only: Member | null, t: number) {
    const present = (only ? [only] : c.members).filter((m) => m.end > t && m.placement.start < t);
    if (!present.length) return;
    const current = this.plan.places[present[0]!.placement.placeId - 1]!.structure;
    const group = present.map((m) => ({ person: m.person, end: m.end }));
    const stayPut = only !== null || this.rng.chance(0.25);
    const places = this.findPlaces(group, t, c.referral.needs, PREFERENCES[c.household.kind].transfer, stayPut ? { only: current } : { avoid: current });
    if (!places) return;
    present.forEach((m, i) => {
      m.placement.end = t;
      this.plan.places[m.placement.placeId - 1]!.freeFrom = t;
      m.placement = this.place(m.stay, places[i]!, t, m.end);
    });
  }

  private findPlaces(group: { person: SimPerson; end: number }[], d: number, needs: Needs, weights: TypeWeights, where: { only?: PlanStructure; avoid?: PlanStructure } | null): PlanPlace[] | null {
    const rng = this.rng;
    const ages = group.map((g) => ageOf(g.person, d));
    const adultNonWoman = group.some((g, i) => g.person.gender !== 'female' && ages[i]! >= 18);
    const minors = ages.some((a) => a < 18);
    const languages = new Set(group.flatMap((g) => g.person.languages).filter((l) => l !== 'it'));
    const candidates: [PlanStructure, number][] = [];
    for (const s of where?.only ? [where.only] : this.plan.structures) {
      if (s === where?.avoid || weights[s.type] === 0) continue;
      if ((s.womenOnly && adultNonWoman) || (!s.childrenAllowed && minors)) continue;
      if ((needs.womenOnly && !s.womenOnly) || (needs.accessibility && !s.accessible) || (needs.lgbtSafe && !s.lgbtSafe)) continue;
      const spoken = s.languages.some((l) => languages.has(l)) ? 1.3 : 1;
      candidates.push([s, weights[s.type] * spoken * (0.5 + rng.float())]);
    }
    candidates.sort((a, b) => b[1] - a[1]);
    const end = Math.max(...group.map((g) => g.end));
    for (const [s] of candidates) {
      const found = placesIn(s, ages, d, end);
      if (found) return found;
    }
    return null;
  }
}

/** Is the place free, active and in service on every night of [from, to)? */
function isFree(p: PlanPlace, from: number, to: number): boolean {
  if (p.freeFrom > from || p.activeFrom > from || to > p.activeTo) return false;
  for (const o of p.outOfService) if (o.from < to && from < o.to) return false;
  return true;
}

/** Places for the group in one structure, rooms with the most free beds first; cots only for infants. */
function placesIn(s: PlanStructure, ages: number[], d: number, end: number): PlanPlace[] | null {
  const free = s.places.filter((p) => isFree(p, d, end));
  if (free.length < ages.length) return null;
  const perRoom = new Map<number, number>();
  for (const p of free) perRoom.set(p.roomId, (perRoom.get(p.roomId) ?? 0) + 1);
  const beds = free.filter((p) => p.kind === 'bed').sort((a, b) => perRoom.get(b.roomId)! - perRoom.get(a.roomId)! || a.id - b.id);
  const cots = free.filter((p) => p.kind === 'cot');
  const out: PlanPlace[] = [];
  for (const age of ages) {
    const place = (age < 3 ? cots.shift() : undefined) ?? beds.shift();
    if (!place) return null;
    out.push(place);
  }
  return out;
}
