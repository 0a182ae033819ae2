// The deterministic example register: partners, structures, places, guests, households, referrals, stays
// and placements over several years up to `today`, written into an empty register in one transaction.
// Used by the tests, by `npm run bench` (reference scale) and by the "create a demo register" choice.
import { romeInstant } from '../../shared/dates';
import type Database from 'better-sqlite3';
import { appendAudit } from '../audit';
import type { Db } from '../db/connection';
import { nameKeyOf, searchTextOf } from '../services/persons';
import { People } from './people';
import { dayOf, isoOf, Rng } from './random';
import { SCALES, type ScaleName } from './scales';
import { Simulation } from './simulation';
import { generatePathway, type PathwayCounts } from './pathway';
import { planStructures } from './structures-plan';
import { generateContributions } from './contributions';

export type { ScaleName } from './scales';

export interface GenerateOptions {
  seed: number;
  scale: ScaleName;
  /** The last day of the history ('YYYY-MM-DD'); stays still running then stay open. */
  today: string;
  /** Who the audit event names (null: the app itself). */
  userId?: number | null;
  now?: Date;
}

export interface GeneratedCounts extends PathwayCounts {
  partners: number;
  structures: number;
  rooms: number;
  places: number;
  outOfService: number;
  persons: number;
  households: number;
  referrals: number;
  stays: number;
  extensions: number;
  placements: number;
  consents: number;
  contributions: number;
  payments: number;
}

/** The seed of the demo register: every demo register looks the same for a given day. */
export const DEMO_SEED = 20_260_301;

/** Referral times are simulated as Rome wall-clock times and stored, like the referrals service does, as UTC ISO instants. */
const utc = (romeWallTime: string): string => romeInstant(romeWallTime)!.toISOString();

/** A demo register's example data (the first-run "create a demo register" choice). `today` is Rome's
 * calendar date (todayInRome(now)); `who` names the admin in the audit event and pins its time. */
export const createDemoData = (db: Db, sqlite: Database.Database, today: string, who: { userId?: number | null; now?: Date } = {}): GeneratedCounts =>
  generateRegister(db, sqlite, { seed: DEMO_SEED, scale: 'demo', today, ...who });

const REGISTER_TABLES = ['partners', 'structures', 'persons', 'referrals', 'stays', 'placements', 'contributions'] as const;

/** Same seed, scale and day → the same rows. Refuses a register that already holds any of its data. */
export function generateRegister(db: Db, sqlite: Database.Database, options: GenerateOptions): GeneratedCounts {
  const scale = SCALES[options.scale];
  const rng = new Rng(options.seed);
  const today = dayOf(options.today);
  const start = today - Math.round(scale.years * 365.25);
  const plan = planStructures(rng, scale, start, today);
  const people = new People(rng);
  const sim = new Simulation(rng, plan, scale, start, today, people);
  sim.run();
  // Recording delays (for the timeliness figure) come from their own stream, so they never shift the history.
  const late = new Rng(options.seed ^ 0x5eed);
  const lateExit = new Rng(options.seed ^ 0xe517);
  const iso = (day: number) => (day === Infinity ? null : isoOf(day));
  const stamp = (day: number, hour = 9) => `${isoOf(day)}T${String(hour).padStart(2, '0')}:00:00.000Z`;
  const flag = (b: boolean) => (b ? 1 : 0);

  return db.transaction((tx) => {
    for (const table of REGISTER_TABLES)
      if (sqlite.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get()) throw new Error(`example data goes only into an empty register (${table} has rows)`);
    // Raw prepared statements, each prepared once and run per row: a few hundred thousand rows through
    // the ORM's per-row query building would take several times longer, and these rows need no mapping.
    const insert = (sql: string) => sqlite.prepare(sql);
    const partner = insert('INSERT INTO partners (id, name, active, created_at) VALUES (?, ?, 1, ?)');
    for (const p of plan.partners) partner.run(p.id, p.name, stamp(start));
    const structure = insert(`INSERT INTO structures (id, partner_id, name, type, address, women_only, children_allowed, accessible, lgbt_safe, languages, active, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const s of plan.structures)
      structure.run(s.id, s.partnerId, s.name, s.type, s.address, flag(s.womenOnly), flag(s.childrenAllowed), flag(s.accessible), flag(s.lgbtSafe), JSON.stringify(s.languages), flag(s.active), stamp(s.openDay));
    const room = insert('INSERT INTO rooms (id, structure_id, name, active) VALUES (?, ?, ?, ?)');
    for (const r of plan.rooms) room.run(r.id, r.structureId, r.name, flag(r.active));
    const place = insert('INSERT INTO places (id, room_id, label, kind, active_from, active_to) VALUES (?, ?, ?, ?, ?, ?)');
    for (const p of plan.places) place.run(p.id, p.roomId, p.label, p.kind, isoOf(p.activeFrom), iso(p.activeTo));
    const oos = insert('INSERT INTO place_out_of_service (id, place_id, reason, from_date, to_date) VALUES (?, ?, ?, ?, ?)');
    for (const o of plan.outOfService) oos.run(o.id, o.placeId, o.reason, isoOf(o.from), iso(o.to));

    const person = insert(`INSERT INTO persons (id, code, display_name, given_names, family_names, gender, birth_date, birth_year, nationality, languages,
      permit_type, permit_number, permit_expiry, fiscal_code, referral_source, vulnerabilities, restricted, notes, search_text, name_key, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`);
    const consent = insert('INSERT INTO consents (person_id, given_at, text_version, scope, withdrawn_at) VALUES (?, ?, ?, ?, ?)');
    let consents = 0;
    for (const p of people.persons) {
      person.run(
        p.id, p.code, p.displayName, p.givenNames, p.familyNames, p.gender, p.birthDate, p.birthYear, p.nationality, JSON.stringify(p.languages),
        p.permitType, p.permitNumber, p.permitExpiry, p.fiscalCode, p.referralSource, JSON.stringify(p.vulnerabilities), flag(p.restricted),
        searchTextOf(p, p.code), nameKeyOf(p), p.createdAt,
      );
      if (p.consentDay === null) continue;
      const version = isoOf(p.consentDay) >= '2024-01-01' ? 'informativa-2024-v3' : 'informativa-2021-v2';
      const withdrawn = late.chance(0.01) ? Math.min(today, p.consentDay + late.int(30, 400)) : null;
      consent.run(p.id, isoOf(p.consentDay), version, 'Accoglienza e trattamento dei dati personali', withdrawn === null ? null : isoOf(withdrawn));
      consents += 1;
      if (late.chance(0.3)) {
        consent.run(p.id, isoOf(p.consentDay), version, 'Condivisione con i servizi invianti', null);
        consents += 1;
      }
    }

    const household = insert('INSERT INTO households (id, head_person_id, created_at) VALUES (?, ?, ?)');
    const member = insert('INSERT INTO household_members (household_id, person_id, relationship) VALUES (?, ?, ?)');
    let households = 0;
    for (const h of people.households) {
      if (h.id === null) continue;
      const head = h.members.find((m) => m.relationship === 'head')!.person;
      household.run(h.id, head.id, head.createdAt);
      for (const m of h.members) member.run(h.id, m.person.id, m.relationship);
      households += 1;
    }

    const referral = insert(`INSERT INTO referrals (id, received_at, source, people, children_ages, women_only, accessibility, lgbt_safe, language, urgency, notes,
      household_id, person_id, outcome, outcome_at, decline_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const r of sim.referrals) {
      const n = r.needs;
      const h = r.household;
      referral.run(
        r.id, utc(r.receivedAt), r.source, n.people, JSON.stringify(n.childrenAges), flag(n.womenOnly), flag(n.accessibility), flag(n.lgbtSafe), n.language,
        r.urgency, r.notes, h.id, h.id === null ? h.members[0]!.person.id : null, r.outcome, r.outcomeAt && utc(r.outcomeAt), r.declineReason,
      );
    }

    const stay = insert(`INSERT INTO stays (id, person_id, household_id, referral_id, entry_date, exit_date, planned_end, exit_reason, destination, created_at, exit_recorded_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const extension = insert('INSERT INTO stay_extensions (stay_id, previous_planned_end, new_planned_end, granted_by, granted_at) VALUES (?, ?, ?, ?, ?)');
    let extensions = 0;
    // When the desk recorded each entry, exit and move (a stay's day → the instant), for the placements below.
    const recordedOn = new Map<string, string>();
    const stayCreatedAt = new Map<number, string>();
    // Nothing of a stay is recorded before the stay itself (ISO instants in UTC compare as strings).
    const notBefore = (first: string, at: string) => (at < first ? first : at);
    for (const s of sim.stays) {
      // Most entries are recorded the same day; some a few days late.
      const recorded = Math.min(today, s.entry + (late.chance(0.85) ? 0 : late.int(1, 6)));
      const createdAt = stamp(recorded, late.int(8, 18));
      // Exits likewise, from their own stream (adding them left the entries' delays as they were).
      const exitRecordedAt = s.exit === Infinity ? null : notBefore(createdAt, stamp(Math.min(today, s.exit + (lateExit.chance(0.8) ? 0 : lateExit.int(1, 8))), lateExit.int(8, 18)));
      stayCreatedAt.set(s.id, createdAt);
      stay.run(s.id, s.person.id, s.householdId, s.referralId, isoOf(s.entry), iso(s.exit), isoOf(s.plannedEnd), s.exitReason, s.destination, createdAt, exitRecordedAt);
      recordedOn.set(`${s.id}:${s.entry}`, createdAt);
      if (exitRecordedAt !== null && s.exit !== s.entry) recordedOn.set(`${s.id}:${s.exit}`, exitRecordedAt); // same day: one recording
      for (const e of s.extensions) extension.run(e.stayId, isoOf(e.previous), isoOf(e.next), e.grantedBy, isoOf(e.grantedAt));
      extensions += s.extensions.length;
    }
    // A placement is recorded with its stay's entry or with the move that started it; its end with the exit
    // or the move that ended it (one transfer writes both sides at once).
    const movedOn = (stayId: number, day: number): string => {
      const key = `${stayId}:${day}`;
      let at = recordedOn.get(key);
      if (at === undefined) {
        at = notBefore(stayCreatedAt.get(stayId)!, stamp(Math.min(today, day + (lateExit.chance(0.85) ? 0 : lateExit.int(1, 6))), lateExit.int(8, 18)));
        recordedOn.set(key, at);
      }
      return at;
    };
    const placement = insert('INSERT INTO placements (id, stay_id, person_id, place_id, start_date, end_date, recorded_at, end_recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const p of sim.placements) {
      placement.run(p.id, p.stayId, p.personId, p.placeId, isoOf(p.start), iso(p.end), movedOn(p.stayId, p.start), p.end === Infinity ? null : movedOn(p.stayId, p.end));
    }

    // Contributions come from their own stream too: adding them never changed the rest of the history.
    const money = generateContributions(sqlite, new Rng(options.seed ^ 0xc0417), people, sim, {
      count: scale.contributions, start, today, partnerIds: plan.partners.map((p) => p.id), userId: options.userId ?? null,
    });
    const roomStructure = new Map(plan.rooms.map((r) => [r.id, r.structureId]));
    const pathway = generatePathway(sqlite, {
      seed: options.seed, scale, today, userId: options.userId ?? null,
      structureOfPlace: new Map(plan.places.map((p) => [p.id, roomStructure.get(p.roomId)!])),
    }, sim);

    appendAudit(
      tx,
      {
        userId: options.userId ?? null, action: 'demo.generate', entity: 'register', recordId: null,
        fields: [
          'partners', 'structures', 'rooms', 'places', 'persons', 'households', 'referrals', 'stays', 'placements', 'contributions', 'payments', 'budgets',
          'plans', 'interventions', 'caseNotes',
        ],
      },
      options.now,
    );
    return {
      partners: plan.partners.length, structures: plan.structures.length, rooms: plan.rooms.length, places: plan.places.length,
      outOfService: plan.outOfService.length, persons: people.persons.length, households, referrals: sim.referrals.length,
      stays: sim.stays.length, extensions, placements: sim.placements.length, consents,
      contributions: money.contributions, payments: money.payments, ...pathway,
    };
  });
}
