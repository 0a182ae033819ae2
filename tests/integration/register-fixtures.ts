// Test fixtures for the daily register: partners, structures, rooms, places, persons, households,
// referrals and (optionally) stays with placements, inserted directly in one transaction, bypassing the
// services' rules so a test can set up exactly the situation it needs. Ids come back by the keys given.
import { sql } from 'drizzle-orm';
import type { AppCore } from '../../electron/core/app';
import type { Db } from '../../electron/core/db/connection';
import * as t from '../../electron/core/db/schema';
import type { Gender, StructureType } from '../../electron/shared/domain';

export interface PlaceSpec {
  key: string;
  /** Rooms are made by name within the structure; default 'Stanza 1'. */
  room?: string;
  kind?: 'bed' | 'cot';
  activeFrom?: string;
  activeTo?: string | null;
  outOfService?: readonly { from: string; to: string | null; reason?: string }[];
}

export interface StructureSpec {
  key: string;
  type?: StructureType;
  womenOnly?: boolean;
  childrenAllowed?: boolean;
  active?: boolean;
  address?: string;
  places: readonly PlaceSpec[];
}

export interface PersonSpec {
  key: string;
  gender?: Gender;
  birthDate?: string | null;
  /** Defaults to the birth date's year when a birth date is given. */
  birthYear?: number | null;
  displayName?: string;
  restricted?: boolean;
  nationality?: string;
}

export interface HouseholdSpec {
  key: string;
  /** Person keys: the head first, then the other members with their relationship. */
  head: string;
  members?: Readonly<Record<string, (typeof t.householdMembers.$inferInsert)['relationship']>>;
}

export interface ReferralSpec {
  key: string;
  receivedAt?: string;
  outcome?: (typeof t.referrals.$inferInsert)['outcome'];
  household?: string;
  person?: string;
  people?: number;
}

/** A stay with its placements as-is: no rule is checked, so a test can also build a broken history. */
export interface StaySpec {
  key: string;
  person: string;
  household?: string;
  entry: string;
  exit?: string | null;
  plannedEnd?: string | null;
  exitReason?: (typeof t.stays.$inferInsert)['exitReason'];
  placements?: readonly { place: string; from: string; to?: string | null }[];
}

export interface RegisterSpec {
  partner?: string;
  structures?: readonly StructureSpec[];
  persons?: readonly PersonSpec[];
  households?: readonly HouseholdSpec[];
  referrals?: readonly ReferralSpec[];
  stays?: readonly StaySpec[];
}

type KeysOf<T> = T extends readonly { key: infer K extends string }[] ? K : never;
type PlaceKeys<S extends RegisterSpec> = S['structures'] extends readonly (infer St)[]
  ? St extends { places: readonly { key: infer K extends string }[] } ? K : never
  : never;

export interface RegisterIds<S extends RegisterSpec> {
  partnerId: number;
  structures: Record<KeysOf<S['structures']>, number>;
  /** By `${structureKey}/${roomName}`. */
  rooms: Record<string, number>;
  places: Record<PlaceKeys<S>, number>;
  persons: Record<KeysOf<S['persons']>, number>;
  households: Record<KeysOf<S['households']>, number>;
  referrals: Record<KeysOf<S['referrals']>, number>;
  stays: Record<KeysOf<S['stays']>, number>;
}

/** The unlocked register of an app core (call after login). */
export const registerDb = (app: AppCore): Db => app.session.open().conn.db;

let serial = 0;
const CREATED = '2026-01-01T09:00:00.000Z';

function need(map: Record<string, number>, key: string, what: string): number {
  const id = map[key];
  if (id === undefined) throw new Error(`fixture: unknown ${what} '${key}'`);
  return id;
}

export function buildRegister<const S extends RegisterSpec>(db: Db, spec: S): RegisterIds<S> {
  return db.transaction((tx) => {
    serial += 1;
    const run = `${process.pid}-${serial}`;
    const partnerId = tx.insert(t.partners).values({ name: spec.partner ?? `Partner ${run}`, createdAt: CREATED })
      .returning({ id: t.partners.id }).get().id;
    const structures: Record<string, number> = {};
    const rooms: Record<string, number> = {};
    const places: Record<string, number> = {};
    for (const s of spec.structures ?? []) {
      const structureId = tx.insert(t.structures).values({
        partnerId, name: `Struttura ${s.key} ${run}`, type: s.type ?? 'shelter', address: s.address ?? null,
        womenOnly: s.womenOnly ?? false, childrenAllowed: s.childrenAllowed ?? true, active: s.active ?? true, createdAt: CREATED,
      }).returning({ id: t.structures.id }).get().id;
      structures[s.key] = structureId;
      for (const p of s.places) {
        const roomKey = `${s.key}/${p.room ?? 'Stanza 1'}`;
        rooms[roomKey] ??= tx.insert(t.rooms).values({ structureId, name: p.room ?? 'Stanza 1' }).returning({ id: t.rooms.id }).get().id;
        const placeId = tx.insert(t.places).values({
          roomId: rooms[roomKey]!, label: p.key, kind: p.kind ?? 'bed', activeFrom: p.activeFrom ?? '2020-01-01', activeTo: p.activeTo ?? null,
        }).returning({ id: t.places.id }).get().id;
        places[p.key] = placeId;
        for (const o of p.outOfService ?? []) {
          tx.insert(t.placeOutOfService).values({ placeId, reason: o.reason ?? 'manutenzione', fromDate: o.from, toDate: o.to }).run();
        }
      }
    }
    const persons: Record<string, number> = {};
    for (const p of spec.persons ?? []) {
      const code = `FX-${run}-${p.key}`;
      const name = p.displayName ?? `Ospite ${p.key}`;
      persons[p.key] = tx.insert(t.persons).values({
        code, displayName: name, gender: p.gender ?? 'female', birthDate: p.birthDate ?? null,
        birthYear: p.birthYear ?? (p.birthDate ? Number(p.birthDate.slice(0, 4)) : null), nationality: p.nationality ?? null,
        restricted: p.restricted ?? false, searchText: `${name} ${code}`.toLowerCase(), nameKey: name.toLowerCase(), createdAt: CREATED,
      }).returning({ id: t.persons.id }).get().id;
    }
    const households: Record<string, number> = {};
    for (const h of spec.households ?? []) {
      const headId = need(persons, h.head, 'person');
      const householdId = tx.insert(t.households).values({ headPersonId: headId, createdAt: CREATED }).returning({ id: t.households.id }).get().id;
      households[h.key] = householdId;
      tx.insert(t.householdMembers).values({ householdId, personId: headId, relationship: 'head' }).run();
      for (const [person, relationship] of Object.entries(h.members ?? {})) {
        tx.insert(t.householdMembers).values({ householdId, personId: need(persons, person, 'person'), relationship }).run();
      }
    }
    const referrals: Record<string, number> = {};
    for (const r of spec.referrals ?? []) {
      referrals[r.key] = tx.insert(t.referrals).values({
        receivedAt: r.receivedAt ?? CREATED, source: 'social_services', people: r.people ?? 1, outcome: r.outcome ?? 'pending',
        householdId: r.household ? need(households, r.household, 'household') : null,
        personId: r.person ? need(persons, r.person, 'person') : null,
      }).returning({ id: t.referrals.id }).get().id;
    }
    const stays: Record<string, number> = {};
    for (const s of spec.stays ?? []) {
      const personId = need(persons, s.person, 'person');
      const stayId = tx.insert(t.stays).values({
        personId, householdId: s.household ? need(households, s.household, 'household') : null, entryDate: s.entry,
        exitDate: s.exit ?? null, plannedEnd: s.plannedEnd ?? null, exitReason: s.exitReason ?? (s.exit ? 'other' : null), createdAt: CREATED,
      }).returning({ id: t.stays.id }).get().id;
      stays[s.key] = stayId;
      for (const p of s.placements ?? []) {
        tx.insert(t.placements).values({ stayId, personId, placeId: need(places, p.place, 'place'), startDate: p.from, endDate: p.to ?? null }).run();
      }
    }
    return { partnerId, structures, rooms, places, persons, households, referrals, stays } as RegisterIds<S>;
  });
}

/**
 * A ready-made scene: a women-only shelter (bed1–bed3, cot1), a co-housing flat that takes no children
 * (flat1, flat2), a host family with a seasonal place (active Feb–Dec 2026) and one out of service on
 * 10–20 March 2026; a mother with a daughter (2016) and a son (2019) as household `family`, a woman
 * `guest` heading her own household `alone`, an adult `man`; a pending referral for the family and a
 * declined one.
 */
export const dailyRegister = (db: Db) => buildRegister(db, {
  structures: [
    { key: 'shelter', womenOnly: true, places: [{ key: 'bed1' }, { key: 'bed2' }, { key: 'bed3' }, { key: 'cot1', kind: 'cot' }] },
    { key: 'flat', type: 'cohousing', childrenAllowed: false, places: [{ key: 'flat1' }, { key: 'flat2' }] },
    {
      key: 'family', type: 'host_family', places: [
        { key: 'seasonal', activeFrom: '2026-02-01', activeTo: '2026-12-31' },
        { key: 'repair', outOfService: [{ from: '2026-03-10', to: '2026-03-20' }] },
      ],
    },
  ],
  persons: [
    { key: 'mother', birthDate: '1990-05-01' },
    { key: 'daughter', birthDate: '2016-03-10' },
    { key: 'son', gender: 'male', birthDate: '2019-07-20' },
    { key: 'guest', birthDate: '1988-01-01' },
    { key: 'man', gender: 'male', birthDate: '1980-02-02' },
  ],
  households: [{ key: 'family', head: 'mother', members: { daughter: 'child', son: 'child' } }, { key: 'alone', head: 'guest' }],
  referrals: [{ key: 'request', household: 'family', people: 3 }, { key: 'declined', outcome: 'declined' }],
});

export interface Counts {
  stays: number;
  placements: number;
  stayExtensions: number;
  dateCorrections: number;
  auditEvents: number;
}

/** Row counts of what the stays services write: equal before and after a refusal proves nothing was added. */
export function counts(db: Db): Counts {
  const n = (table: string) => db.get<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`)).n;
  return {
    stays: n('stays'), placements: n('placements'), stayExtensions: n('stay_extensions'),
    dateCorrections: n('date_corrections'), auditEvents: n('audit_events'),
  };
}

/** Every row the stays services may change (stays, placements, referrals): equal before and after a
 * refusal proves nothing was updated either. */
export function registerRows(db: Db): string {
  return JSON.stringify([
    db.select().from(t.stays).orderBy(t.stays.id).all(),
    db.select().from(t.placements).orderBy(t.placements.id).all(),
    db.select().from(t.referrals).orderBy(t.referrals.id).all(),
  ]);
}
