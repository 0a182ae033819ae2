// Referrals and matching on a real encrypted register: the queue, closing rules, the admission's
// markReferralPlaced, and which structures and places a group is matched to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { ADMIN, call, cleanupDirs, copyOf, core, login, makeTemplate, refusal, type Template } from './helpers';
import type { AppCore } from '../../electron/core/app';
import type { Db } from '../../electron/core/db/connection';
import { auditEvents, partners, persons, placeOutOfService, placements, places, referrals, rooms, stays, structures } from '../../electron/core/db/schema';
import { ctxOf, write } from '../../electron/core/services/context';
import { markReferralPlaced } from '../../electron/core/services/referrals';
import { addDays, romeInstant, todayInRome } from '../../electron/shared/dates';
import type { ChannelInput } from '../../electron/shared/contract';

let template: Template;
beforeAll(async () => {
  template = await makeTemplate();
});
afterAll(cleanupDirs);

const today = todayInRome();
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

async function adminApp(): Promise<AppCore> {
  const app = core(copyOf(template));
  await login(app, ADMIN.username, ADMIN.passphrase);
  return app;
}
const dbOf = (app: AppCore): Db => app.session.open().conn.db;
const count = (db: Db, table: SQLiteTable) => db.select({ n: sql<number>`count(*)` }).from(table).get()!.n;
const counts = (db: Db) => ({ referrals: count(db, referrals), audit: count(db, auditEvents) });

type NewReferral = ChannelInput<'referrals.create'>;
const referral = (app: AppCore, input: Partial<NewReferral> = {}) =>
  call(app, 'referrals.create', { receivedAt: hoursAgo(1), source: 'social_services', needs: { people: 1 }, ...input });

interface StructureSpec {
  name: string;
  type?: 'shelter' | 'cohousing' | 'host_family' | 'other';
  womenOnly?: boolean;
  childrenAllowed?: boolean;
  accessible?: boolean;
  lgbtSafe?: boolean;
  languages?: string[];
  active?: boolean;
  /** One array per room, one entry per place. */
  rooms: ('bed' | 'cot')[][];
}

/** Structures, rooms and places written straight to the tables (the structures service is not under test). */
function seedStructure(db: Db, spec: StructureSpec): { id: number; rooms: number[][] } {
  const partner = db.select().from(partners).get() ?? db.insert(partners).values({ name: 'Associazione Prova', createdAt: today }).returning().get();
  const { rooms: roomSpec, languages = [], ...flags } = spec;
  const structure = db.insert(structures).values({ type: 'shelter', ...flags, languages: JSON.stringify(languages), partnerId: partner.id, createdAt: today }).returning().get();
  return {
    id: structure.id,
    rooms: roomSpec.map((kinds, r) => {
      const room = db.insert(rooms).values({ structureId: structure.id, name: `Stanza ${r + 1}` }).returning().get();
      return kinds.map((kind, i) => db.insert(places).values({ roomId: room.id, label: `Posto ${r + 1}.${i + 1}`, kind, activeFrom: '2020-01-01' }).returning().get().id);
    }),
  };
}

function occupy(db: Db, placeId: number, startDate: string, endDate: string | null) {
  const personId = db.insert(persons).values({ code: `X-${placeId}-${startDate}`, displayName: 'Ospite', gender: 'female', searchText: '', nameKey: '', createdAt: today }).returning().get().id;
  const stay = db.insert(stays).values({ personId, entryDate: startDate, exitDate: endDate, createdAt: today }).returning().get();
  db.insert(placements).values({ stayId: stay.id, personId, placeId, startDate, endDate }).run();
}

const match = (app: AppCore, input: ChannelInput<'referrals.match'>) => call(app, 'referrals.match', input);
const names = (matches: { structureName: string }[]) => matches.map((m) => m.structureName);

describe('referral times', () => {
  it('reads a date-time without a zone as Rome wall-clock time, summer and winter', () => {
    expect(romeInstant('2026-07-01T10:00')?.toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(romeInstant('2026-01-15T10:00:30')?.toISOString()).toBe('2026-01-15T09:00:30.000Z');
    expect(romeInstant('2026-01-15T10:00:00Z')?.toISOString()).toBe('2026-01-15T10:00:00.000Z');
    expect(romeInstant('2026-02-30T10:00')).toBeNull();
  });
});

describe('the referral queue', () => {
  it('lists pending referrals most urgent first, then the longest waiting, with hours waited', async () => {
    const app = await adminApp();
    const oldNormal = await referral(app, { receivedAt: hoursAgo(30), urgency: 'normal' });
    const newNormal = await referral(app, { receivedAt: hoursAgo(2), urgency: 'normal' });
    const immediate = await referral(app, { receivedAt: hoursAgo(1), urgency: 'immediate' });
    const high = await referral(app, { receivedAt: hoursAgo(5), urgency: 'high' });
    const closed = await referral(app, { receivedAt: hoursAgo(50), urgency: 'immediate' });
    await call(app, 'referrals.close', { id: closed.id, outcome: 'withdrawn' });

    const pending = await call(app, 'referrals.list', {});
    expect(pending.map((r) => r.id)).toEqual([immediate.id, high.id, oldNormal.id, newNormal.id]);
    expect(pending[2]!.waitingHours).toBeCloseTo(30, 0);
    const all = await call(app, 'referrals.list', { status: 'all' });
    expect(all.map((r) => r.id)).toEqual([immediate.id, high.id, oldNormal.id, newNormal.id, closed.id]);
    expect(all.at(-1)!.waitingHours).toBeCloseTo(50, 0); // up to its outcome, no longer growing
    // The queue's limit applies after its order: the first two are the two most urgent, not the two oldest.
    expect((await call(app, 'referrals.list', { limit: 2 })).map((r) => r.id)).toEqual([immediate.id, high.id]);
    // The desk's morning page lists them in the same order, with the same hours.
    const today = await call(app, 'today.get', { date: todayInRome() });
    expect(today.pendingReferrals.map((r) => [r.id, r.waitingHours])).toEqual(pending.map((r) => [r.id, r.waitingHours]));
    app.lock();
  });

  it('refuses a referral for an unknown person and names the household head for a household referral', async () => {
    const app = await adminApp();
    const db = dbOf(app);
    const before = counts(db);
    expect((await refusal(app, 'referrals.create', { receivedAt: hoursAgo(1), source: 'police', needs: { people: 1 }, personId: 999 })).code).toBe('NOT_FOUND');
    expect((await refusal(app, 'referrals.create', { receivedAt: '2026-13-40T10:00', source: 'police', needs: { people: 1 } })).code).toBe('INVALID_INPUT');
    expect(counts(db)).toEqual(before);
    const head = await call(app, 'persons.create', { fields: { displayName: 'Capofamiglia', gender: 'female' } });
    const household = await call(app, 'households.create', { headPersonId: head.id, members: [] });
    const made = await referral(app, { householdId: household.id, needs: { people: 2, childrenAges: [4] } });
    expect(made).toMatchObject({ householdId: household.id, personCode: head.code, childrenAges: [4], outcome: 'pending' });
    expect((await call(app, 'persons.get', { id: head.id })).referrals.map((r) => r.id)).toEqual([made.id]);
    app.lock();
  });
});

describe('closing a referral', () => {
  it('needs a reason to decline, and refuses to close a referral twice, writing nothing when refused', async () => {
    const app = await adminApp();
    const db = dbOf(app);
    const made = await referral(app, { notes: 'Segnalazione telefonica' });
    const before = counts(db);
    const noReason = await refusal(app, 'referrals.close', { id: made.id, outcome: 'declined' });
    expect(noReason).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { declineReason: ['validation.required'] } });
    expect((await refusal(app, 'referrals.close', { id: 999, outcome: 'withdrawn' })).code).toBe('NOT_FOUND');
    expect(counts(db)).toEqual(before);

    const declined = await call(app, 'referrals.close', { id: made.id, outcome: 'declined', declineReason: 'no_place', declineNote: 'Nessun posto accessibile' });
    expect(declined).toMatchObject({ outcome: 'declined', declineReason: 'no_place', notes: 'Segnalazione telefonica\nNessun posto accessibile' });
    expect(declined.outcomeAt).not.toBeNull();
    const after = counts(db);
    expect(after).toEqual({ referrals: before.referrals, audit: before.audit + 1 });
    expect((await refusal(app, 'referrals.close', { id: made.id, outcome: 'withdrawn' })).code).toBe('REFERRAL_CLOSED');
    expect(counts(db)).toEqual(after);
    app.lock();
  });

  it('is marked placed by the admission inside its transaction, and only while pending', async () => {
    const app = await adminApp();
    const db = dbOf(app);
    const made = await referral(app);
    const withdrawn = await referral(app);
    await call(app, 'referrals.close', { id: withdrawn.id, outcome: 'withdrawn' });
    const ctx = ctxOf(app.session);
    write(ctx, (tx, audit) => markReferralPlaced(tx, made.id, '2026-03-02T09:30', audit));
    expect(await call(app, 'referrals.get', { id: made.id })).toMatchObject({ outcome: 'placed', outcomeAt: '2026-03-02T08:30:00.000Z' });
    const before = counts(db);
    expect(() => write(ctx, (tx) => markReferralPlaced(tx, made.id, today))).toThrow('REFERRAL_CLOSED');
    // The refusal rolls back the whole admission, including what it wrote before.
    expect(() => write(ctx, (tx, audit) => {
      audit({ action: 'stay.admit', entity: 'stay', recordId: 1 });
      markReferralPlaced(tx, withdrawn.id, today, audit);
    })).toThrow('REFERRAL_CLOSED');
    expect(counts(db)).toEqual(before);
    app.lock();
  });
});

describe('matching', () => {
  it('keeps only structures that meet women-only, children, accessibility and LGBT+ needs', async () => {
    const app = await adminApp();
    const db = dbOf(app);
    seedStructure(db, { name: 'Rifugio Adatto', womenOnly: true, accessible: true, rooms: [['bed', 'bed']] });
    seedStructure(db, { name: 'Casa Mista', accessible: true, rooms: [['bed', 'bed']] });
    seedStructure(db, { name: 'Rifugio Senza Bambini', womenOnly: true, accessible: true, childrenAllowed: false, rooms: [['bed', 'bed']] });
    seedStructure(db, { name: 'Rifugio Con Scale', womenOnly: true, rooms: [['bed', 'bed']] });
    seedStructure(db, { name: 'Rifugio Chiuso', womenOnly: true, accessible: true, active: false, rooms: [['bed', 'bed']] });
    seedStructure(db, { name: 'Famiglia Arcobaleno', type: 'host_family', lgbtSafe: true, rooms: [['bed']] });
    const needs = { people: 2, childrenAges: [6], womenOnly: true, accessibility: true };
    const found = await match(app, { needs, from: today, to: addDays(today, 7) });
    expect(names(found)).toEqual(['Rifugio Adatto']);
    expect(found[0]!.reasons).toEqual(expect.arrayContaining(['match.womenOnly', 'match.childrenAllowed', 'match.accessible', 'match.sameRoom']));
    expect(names(await match(app, { needs: { people: 1, lgbtSafe: true }, from: today }))).toEqual(['Famiglia Arcobaleno']);
    expect(names(await match(app, { needs: { people: 3 }, from: today }))).toEqual([]);
    app.lock();
  });

  it('does not offer a women-only structure to a referral whose household has an adult man', async () => {
    const app = await adminApp();
    const db = dbOf(app);
    seedStructure(db, { name: 'Rifugio Donne', womenOnly: true, rooms: [['bed', 'bed']] });
    seedStructure(db, { name: 'Coabitazione', type: 'cohousing', rooms: [['bed', 'bed']] });
    const father = await call(app, 'persons.create', { fields: { displayName: 'Padre', gender: 'male', birthYear: 1980 } });
    const daughter = await call(app, 'persons.create', { fields: { displayName: 'Figlia', gender: 'female', birthYear: 2015 } });
    const household = await call(app, 'households.create', { headPersonId: father.id, members: [{ personId: daughter.id, relationship: 'child' }] });
    const made = await referral(app, { householdId: household.id, needs: { people: 2 } });
    expect(names(await match(app, { referralId: made.id, from: today }))).toEqual(['Coabitazione']);
    app.lock();
  });

  it('counts a place free only when it is neither occupied nor out of service on any night of the range', async () => {
    const app = await adminApp();
    const db = dbOf(app);
    const from = addDays(today, 1);
    const to = addDays(from, 5);
    const s = seedStructure(db, { name: 'Casa Piena', rooms: [['bed', 'bed', 'bed', 'bed', 'bed']] });
    const [openEnded, outOfService, bookedAfter, leftBefore, bookedInside] = s.rooms[0]!;
    occupy(db, openEnded!, addDays(from, -30), null);
    db.insert(placeOutOfService).values({ placeId: outOfService!, reason: 'muffa', fromDate: addDays(from, 2), toDate: addDays(from, 3) }).run();
    // Booked from the night after the range: free for the whole range, offered with the placement ending
    // at the booking. Booked or out of service inside the range: free only until then, offered after the
    // places free for the whole range.
    occupy(db, bookedAfter!, to, null);
    occupy(db, leftBefore!, addDays(from, -10), from); // leaves on the first day: its last night was the one before
    occupy(db, bookedInside!, addDays(from, 4), addDays(from, 6));
    const found = await match(app, { needs: { people: 1 }, from, to });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ freeCount: 4, places: [{ placeId: leftBefore, freeUntil: null }] });
    const two = await match(app, { needs: { people: 2 }, from, to });
    expect(two[0]!.places.map((p) => [p.placeId, p.freeUntil])).toEqual([[bookedAfter, to], [leftBefore, null]]);
    const three = await match(app, { needs: { people: 3 }, from, to });
    expect(three[0]!.places.map((p) => p.freeUntil).sort()).toEqual([addDays(from, 4), to, null].sort()); // the longest free of the rest
    expect(three[0]!.reasons).toContain('match.freeUntil');
    db.update(places).set({ activeTo: addDays(from, 30) }).where(eq(places.id, leftBefore!)).run(); // its active period ends later
    expect((await match(app, { needs: { people: 1 }, from, to }))[0]!.places).toMatchObject([{ placeId: leftBefore, freeUntil: addDays(from, 30) }]);
    app.lock();
  });

  it('ranks a structure that keeps the group in one room first, and says which language is spoken', async () => {
    const app = await adminApp();
    const db = dbOf(app);
    seedStructure(db, { name: 'Casa Sparsa', languages: ['ar'], rooms: [['bed'], ['bed'], ['bed'], ['bed']] });
    seedStructure(db, { name: 'Casa Unita', rooms: [['bed'], ['bed', 'bed', 'bed']] });
    const found = await match(app, { needs: { people: 3, language: 'ar' }, from: today, to: addDays(today, 3) });
    expect(names(found)).toEqual(['Casa Unita', 'Casa Sparsa']);
    expect(new Set(found[0]!.places.map((p) => p.roomName))).toEqual(new Set(['Stanza 2']));
    expect(found[0]!.reasons).toEqual(expect.arrayContaining(['match.sameRoom', 'match.languageNotSpoken']));
    expect(found[1]!.reasons).toEqual(expect.arrayContaining(['match.severalRooms', 'match.languageSpoken']));
    app.lock();
  });

  it('puts a child under three in a cot, and offers a place booked later only until its booking', async () => {
    const app = await adminApp();
    const db = dbOf(app);
    const s = seedStructure(db, { name: 'Casa Culla', rooms: [['bed', 'cot', 'bed']] });
    const [, cot, lastBed] = s.rooms[0]!;
    const withBaby = await match(app, { needs: { people: 2, childrenAges: [1] }, from: today });
    expect(withBaby[0]!.places.map((p) => p.kind).sort()).toEqual(['bed', 'cot']);
    expect(withBaby[0]!.reasons).toContain('match.cotsAvailable');
    // Nobody but a small child sleeps in a cot.
    expect(await match(app, { needs: { people: 3, childrenAges: [5] }, from: today })).toEqual([]);
    expect((await match(app, { needs: { people: 3, childrenAges: [5, 1] }, from: today }))[0]!.places.map((p) => p.placeId)).toContain(cot);

    const [firstBed] = s.rooms[0]!;
    occupy(db, firstBed!, addDays(today, 10), null);
    const open = await match(app, { needs: { people: 1 }, from: today });
    expect(open[0]!.places).toMatchObject([{ placeId: lastBed, freeUntil: null }]);
    expect(open[0]!.freeCount).toBe(3); // the last bed, the cot, and the bed free until its booking in ten days
    expect((await match(app, { needs: { people: 2 }, from: today }))[0]!.places.map((p) => [p.placeId, p.freeUntil])).toEqual([[firstBed, addDays(today, 10)], [lastBed, null]]);
    app.lock();
  });

  it('keeps young children in their mother’s room, and ranks a structure that does so before one that splits them', async () => {
    const app = await adminApp();
    const db = dbOf(app);
    const year = Number(today.slice(0, 4));
    // Casa Divisa speaks the language and scores higher, but can only split the family.
    seedStructure(db, { name: 'Casa Divisa', languages: ['ar'], rooms: [['bed'], ['bed', 'bed']] });
    seedStructure(db, { name: 'Casa Insieme', rooms: [['bed', 'bed'], ['bed', 'bed', 'bed']] });
    const guests = [
      { guest: { gender: 'female' as const, birthDate: '1990-05-01', birthYear: null } },
      { guest: { gender: 'female' as const, birthDate: `${year - 4}-01-10`, birthYear: null }, child: true },
      { guest: { gender: 'male' as const, birthDate: `${year - 9}-02-10`, birthYear: null }, child: true },
    ];
    const found = await match(app, { guests, needs: { people: 3, language: 'ar' }, from: today });
    expect(names(found)).toEqual(['Casa Insieme', 'Casa Divisa']);
    expect(found[0]).toMatchObject({ familyTogether: true });
    expect(new Set(found[0]!.places.map((p) => p.roomName))).toEqual(new Set(['Stanza 2']));
    expect(found[0]!.places.map((p) => p.guest).sort()).toEqual([0, 1, 2]);
    expect(found[1]).toMatchObject({ familyTogether: false });
    expect(found[1]!.reasons).toContain('match.familySplit');

    // A teenager may sleep next door; the mother and the small child share a room.
    seedStructure(db, { name: 'Casa Ragazzi', rooms: [['bed'], ['bed', 'bed']] });
    const withTeen = [guests[0]!, { guest: { gender: 'male' as const, birthDate: `${year - 16}-01-01`, birthYear: null }, child: true }, guests[1]!];
    const teen = (await match(app, { guests: withTeen, from: today })).find((m) => m.structureName === 'Casa Ragazzi')!;
    expect(teen.familyTogether).toBe(true);
    const roomOf = (guest: number) => teen.places.find((p) => p.guest === guest)!.roomId;
    expect(roomOf(0)).toBe(roomOf(2));
    expect(roomOf(1)).not.toBe(roomOf(0));
    // A child whose age is only estimated (a possible minor) counts as a young child too.
    const estimated = [guests[0]!, { guest: { gender: 'female' as const, birthDate: null, birthYear: year - 15 }, child: true }, guests[1]!];
    const both = (await match(app, { guests: estimated, from: today })).find((m) => m.structureName === 'Casa Ragazzi')!;
    expect(both.familyTogether).toBe(false);
    app.lock();
  });

  it('refuses an empty range and a request without needs', async () => {
    const app = await adminApp();
    expect((await refusal(app, 'referrals.match', { needs: { people: 1 }, from: today, to: today })).code).toBe('INVALID_PERIOD');
    expect((await refusal(app, 'referrals.match', { from: today })).code).toBe('INVALID_INPUT');
    expect((await refusal(app, 'referrals.match', { referralId: 999, from: today })).code).toBe('NOT_FOUND');
    app.lock();
  });
});
