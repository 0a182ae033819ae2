// Persons, consents and households on a real encrypted register: codes, search, privacy of restricted
// persons, duplicates, the audited reveal, and household membership rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { ADMIN, OPERATOR, call, cleanupDirs, copyOf, core, login, makeTemplate, refusal, type Template } from './helpers';
import type { AppCore } from '../../electron/core/app';
import type { Db } from '../../electron/core/db/connection';
import {
  auditEvents, consents, householdMembers, households, nameReveals, partners, persons, placements, places, rooms, stays, structures,
} from '../../electron/core/db/schema';
import type { PersonFields } from '../../electron/shared/channels/people';
import { addDays, todayInRome } from '../../electron/shared/dates';
import { fiscalCodeProblem } from '../../electron/shared/fiscal-code';
import { normaliseText } from '../../electron/shared/text-normalise';
import { ctxOf, write } from '../../electron/core/services/context';

let template: Template;
beforeAll(async () => {
  template = await makeTemplate();
});
afterAll(cleanupDirs);

const today = todayInRome();
const year = today.slice(0, 4);
/** A valid 16-character fiscal code from its first 15 characters (the check letter is computed). */
const fiscal = (body: string) => body + [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].find((c) => fiscalCodeProblem(body + c) === null)!;

async function adminApp(): Promise<AppCore> {
  const app = core(copyOf(template));
  await login(app, ADMIN.username, ADMIN.passphrase);
  return app;
}
const dbOf = (app: AppCore): Db => app.session.open().conn.db;

const count = (db: Db, table: SQLiteTable) =>
  db.select({ n: sql<number>`count(*)` }).from(table).get()!.n;
const counts = (db: Db) => ({
  persons: count(db, persons), audit: count(db, auditEvents), households: count(db, households),
  members: count(db, householdMembers), consents: count(db, consents), reveals: count(db, nameReveals),
});

const person = (fields: Partial<PersonFields> & { displayName: string }): PersonFields => ({ gender: 'female', ...fields });
const create = (app: AppCore, fields: Partial<PersonFields> & { displayName: string }, acknowledgeDuplicates = false) =>
  call(app, 'persons.create', { fields: person(fields), acknowledgeDuplicates });
const search = (app: AppCore, input: Parameters<typeof call<'persons.search'>>[2]) => call(app, 'persons.search', input);

/** A partner, a structure with one room of `beds` places, and stays/placements written straight to the tables. */
function seedStructure(db: Db, name: string, beds: number) {
  const partner = db.insert(partners).values({ name: `Partner ${name}`, createdAt: today }).returning().get();
  const structure = db.insert(structures).values({ partnerId: partner.id, name, type: 'shelter', createdAt: today }).returning().get();
  const room = db.insert(rooms).values({ structureId: structure.id, name: 'Stanza 1' }).returning().get();
  const placeIds = Array.from({ length: beds }, (_, i) =>
    db.insert(places).values({ roomId: room.id, label: `Letto ${i + 1}`, activeFrom: '2020-01-01' }).returning().get().id);
  return { structureId: structure.id, placeIds };
}
function seedStay(db: Db, personId: number, placeId: number, entryDate: string, exitDate: string | null) {
  const stay = db.insert(stays).values({ personId, entryDate, exitDate, createdAt: today }).returning().get();
  db.insert(placements).values({ stayId: stay.id, personId, placeId, startDate: entryDate, endDate: exitDate }).run();
  return stay.id;
}

describe('person codes', () => {
  it('numbers persons per year as AP-<year>-NNNN, grows past four digits and sorts codes by number', async () => {
    const app = await adminApp();
    const first = await create(app, { displayName: 'Prima Persona' });
    const second = await create(app, { displayName: 'Seconda Persona' });
    expect(first.code).toBe(`AP-${year}-0001`);
    expect(second.code).toBe(`AP-${year}-0002`);
    dbOf(app).update(persons).set({ code: `AP-${year}-9999` }).where(eq(persons.id, second.id)).run();
    expect((await create(app, { displayName: 'Terza Persona' })).code).toBe(`AP-${year}-10000`);
    expect((await create(app, { displayName: 'Quarta Persona' })).code).toBe(`AP-${year}-10001`);
    const sorted = await search(app, { sort: 'code', direction: 'asc' });
    expect(sorted.rows.map((r) => r.code)).toEqual([`AP-${year}-0001`, `AP-${year}-9999`, `AP-${year}-10000`, `AP-${year}-10001`]);
    app.lock();
  });
});

describe('persons search', () => {
  it('finds names whatever the accents and case, and by code', async () => {
    const app = await adminApp();
    const jose = await create(app, { displayName: 'José Núñez', givenNames: 'José María', familyNames: 'Núñez Pérez' });
    await create(app, { displayName: 'Giulia Bianchi' });
    expect((await search(app, { query: 'Jose' })).rows.map((r) => r.id)).toEqual([jose.id]);
    expect((await search(app, { query: 'NUNEZ jose' })).rows.map((r) => r.id)).toEqual([jose.id]);
    expect((await search(app, { query: 'perez' })).rows.map((r) => r.id)).toEqual([jose.id]);
    expect((await search(app, { query: jose.code })).rows.map((r) => r.id)).toEqual([jose.id]);
    expect((await search(app, { query: 'Giuseppe' })).total).toBe(0);
    expect(normaliseText('D’Ángelo-Łukasz Øre')).toBe('dangelo lukasz ore');
    app.lock();
  });

  it('finds a restricted person by her code only, never by name or fiscal code, and lists no name', async () => {
    const app = await adminApp();
    const fc = fiscal('BNCFTM90A41Z330');
    const hidden = await create(app, { displayName: 'Fatima Bianchi', givenNames: 'Fatima', familyNames: 'Bianchi', fiscalCode: fc, restricted: true });
    await create(app, { displayName: 'Fatima Rossi' });
    const byName = await search(app, { query: 'fatima' });
    expect(byName.rows.map((r) => r.displayName)).toEqual(['Fatima Rossi']);
    expect((await search(app, { query: 'bianchi' })).total).toBe(0);
    expect((await search(app, { query: fc.slice(0, 6) })).total).toBe(0); // the fiscal code's letters spell the names
    for (const query of [fc, fc.toLowerCase()]) expect((await search(app, { query })).total, query).toBe(0);
    for (const query of [hidden.code, hidden.code.slice(-4)]) {
      const found = await search(app, { query });
      expect(found.rows, query).toHaveLength(1);
      expect(found.rows[0]).toMatchObject({ id: hidden.id, code: hidden.code, displayName: null, restricted: true });
    }
    // Sorting by name does not place the restricted person among the names.
    const sorted = await search(app, { sort: 'displayName', direction: 'asc' });
    expect(sorted.rows.map((r) => r.displayName)).toEqual(['Fatima Rossi', null]);
    const detail = await call(app, 'persons.get', { id: hidden.id });
    expect(detail).toMatchObject({ namesShown: false, fields: { displayName: null, givenNames: null, familyNames: null, fiscalCode: null, restricted: true } });
    app.lock();
  });

  it('filters by status, structure, gender, vulnerability and permit expiry, and pages in SQL with a total', async () => {
    const app = await adminApp();
    const db = dbOf(app);
    const casa = seedStructure(db, 'Casa Aurora', 3);
    const altra = seedStructure(db, 'Casa Borgo', 2);
    const present = await create(app, { displayName: 'Presente Una', vulnerabilities: ['pregnancy'], permitExpiry: addDays(today, 20) });
    const elsewhere = await create(app, { displayName: 'Presente Due', gender: 'male', permitExpiry: addDays(today, 90) });
    const past = await create(app, { displayName: 'Passata Tre', permitExpiry: addDays(today, -5) });
    const never = await create(app, { displayName: 'Mai Quattro' });
    seedStay(db, present.id, casa.placeIds[0]!, addDays(today, -10), null);
    seedStay(db, elsewhere.id, altra.placeIds[0]!, addDays(today, -3), addDays(today, 30));
    seedStay(db, past.id, casa.placeIds[1]!, addDays(today, -40), addDays(today, -20));
    seedStay(db, past.id, casa.placeIds[1]!, addDays(today, -11), today); // left today: not present tonight
    const ids = async (input: Parameters<typeof search>[1]) => (await search(app, input)).rows.map((r) => r.id);

    expect(await ids({ status: 'present' })).toEqual([present.id, elsewhere.id]);
    expect(await ids({ status: 'past' })).toEqual([past.id]);
    expect(await ids({ status: 'never' })).toEqual([never.id]);
    expect(await ids({ structureId: casa.structureId })).toEqual([present.id]);
    expect(await ids({ gender: 'male' })).toEqual([elsewhere.id]);
    expect(await ids({ vulnerability: 'pregnancy' })).toEqual([present.id]);
    expect(await ids({ permitExpiringWithinDays: 30 })).toEqual([present.id, past.id]);
    expect(await ids({ sort: 'structureName', direction: 'desc' })).toEqual([elsewhere.id, present.id, past.id, never.id]);
    expect(await ids({ sort: 'entryDate', direction: 'asc' })).toEqual([past.id, present.id, elsewhere.id, never.id]);

    const page = await search(app, { sort: 'code', direction: 'desc', offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.id)).toEqual([past.id, elsewhere.id]);
    const row = (await search(app, { query: 'presente una' })).rows[0]!;
    expect(row).toMatchObject({ status: 'present', structureName: 'Casa Aurora', placeLabel: 'Letto 1', entryDate: addDays(today, -10), vulnerabilities: ['pregnancy'] });
    expect((await search(app, { query: 'passata' })).rows[0]).toMatchObject({ status: 'past', structureName: null, entryDate: addDays(today, -11) });
    app.lock();
  });
});

describe('duplicates', () => {
  it('refuses a possible duplicate until it is acknowledged, writing nothing before', async () => {
    const app = await adminApp();
    const db = dbOf(app);
    const fc = fiscal('RSSMRA85T10A562');
    const first = await create(app, { displayName: 'Maria', givenNames: 'María', familyNames: 'Rossi', birthDate: '1985-12-10', fiscalCode: fc });
    const before = counts(db);
    const sameFiscal = await refusal(app, 'persons.create', { fields: person({ displayName: 'Altra', fiscalCode: fc }), acknowledgeDuplicates: false });
    expect(sameFiscal).toMatchObject({ code: 'POSSIBLE_DUPLICATE', fieldErrors: { fiscalCode: ['errors.POSSIBLE_DUPLICATE'] } });
    const sameName = await refusal(app, 'persons.create', { fields: person({ displayName: 'Maria Rossi', birthDate: '1985-12-10' }), acknowledgeDuplicates: false });
    expect(sameName.code).toBe('POSSIBLE_DUPLICATE');
    expect(counts(db)).toEqual(before);

    expect(await call(app, 'persons.findDuplicates', { displayName: 'MARIA ROSSI', birthDate: '1985-12-10' })).toEqual([
      { id: first.id, code: first.code, displayName: 'Maria', reason: 'name_birth_date' },
    ]);
    expect(await call(app, 'persons.findDuplicates', { fiscalCode: fc.toLowerCase() })).toMatchObject([{ id: first.id, reason: 'fiscal_code' }]);
    expect(await call(app, 'persons.findDuplicates', { fiscalCode: fc, excludeId: first.id })).toEqual([]);
    expect(await call(app, 'persons.findDuplicates', { displayName: 'Maria Rossi', birthDate: '1985-12-11' })).toEqual([]);

    const second = await create(app, { displayName: 'Maria Rossi', birthDate: '1985-12-10' }, true);
    expect(second.id).not.toBe(first.id);
    expect(counts(db).persons).toBe(before.persons + 1);
    app.lock();
  });
});

describe('updates, the person page and the reveal', () => {
  it('audits an update with the changed field names only and keeps the search up to date', async () => {
    const app = await adminApp();
    const db = dbOf(app);
    const created = await create(app, { displayName: 'Amina Diallo', nationality: 'SN', languages: ['fr'] });
    await call(app, 'persons.update', { id: created.id, fields: person({ displayName: 'Aminata Diallo', nationality: 'SN', languages: ['fr', 'wo'] }) });
    const last = db.select().from(auditEvents).orderBy(sql`${auditEvents.id} desc`).limit(1).get()!;
    expect(last).toMatchObject({ action: 'person.update', entity: 'person', recordId: String(created.id) });
    expect(JSON.parse(last.fields)).toEqual(['displayName', 'languages']);
    expect((await search(app, { query: 'aminata' })).total).toBe(1);
    expect((await search(app, { query: 'amina ' })).total).toBe(1); // 'amina' is inside 'aminata'
    const stored = db.select().from(persons).where(eq(persons.id, created.id)).get()!;
    expect(stored.nameKey).toBe('aminata diallo');
    const auditBefore = counts(db).audit;
    await call(app, 'persons.update', { id: created.id, fields: person({ displayName: 'Aminata Diallo', nationality: 'SN', languages: ['fr', 'wo'] }) });
    expect(counts(db).audit).toBe(auditBefore); // nothing changed, nothing written
    expect((await refusal(app, 'persons.update', { id: 9999, fields: person({ displayName: 'X' }) })).code).toBe('NOT_FOUND');
    app.lock();
  });

  it('shows stays with their placements, and the audit trail to an admin but not to an operator', async () => {
    const app = await adminApp();
    const db = dbOf(app);
    const casa = seedStructure(db, 'Casa Trail', 1);
    const created = await create(app, { displayName: 'Traccia Persona' });
    const stayId = seedStay(db, created.id, casa.placeIds[0]!, addDays(today, -2), null);
    write(ctxOf(app.session), (_tx, audit) => {
      audit({ action: 'stay.admit', entity: 'stay', recordId: stayId });
      audit({ action: 'stay.admit', entity: 'stay', recordId: stayId + 100 }); // someone else's stay
      audit({ action: 'person.update', entity: 'person', recordId: created.id + 100 });
    });
    const detail = await call(app, 'persons.get', { id: created.id });
    expect(detail.stays).toMatchObject([{ id: stayId, placements: [{ placeLabel: 'Letto 1', roomName: 'Stanza 1', structureName: 'Casa Trail' }] }]);
    expect(detail.audit?.map((a) => [a.action, a.recordId])).toEqual([['stay.admit', String(stayId)], ['person.create', String(created.id)]]);
    await call(app, 'users.create', { ...OPERATOR, username: 'desk', passphraseRepeat: OPERATOR.passphrase });
    app.lock();
    await login(app, 'desk', OPERATOR.passphrase);
    await call(app, 'account.changePassphrase', { current: OPERATOR.passphrase, passphrase: 'desk own passphrase', passphraseRepeat: 'desk own passphrase' });
    expect((await call(app, 'persons.get', { id: created.id })).audit).toBeNull();
    app.lock();
  });

  it('reveals a restricted person’s names with a reason row and an audit event', async () => {
    const app = await adminApp();
    const db = dbOf(app);
    const hidden = await create(app, { displayName: 'Nadia Protetta', givenNames: 'Nadia', familyNames: 'Protetta', restricted: true });
    const open = await create(app, { displayName: 'Nadia Aperta' });
    const before = counts(db);
    const shown = await call(app, 'persons.reveal', { id: hidden.id, reason: 'Verifica con i servizi sociali' });
    expect(shown).toMatchObject({ namesShown: true, fields: { displayName: 'Nadia Protetta', givenNames: 'Nadia', familyNames: 'Protetta' } });
    expect(counts(db)).toEqual({ ...before, reveals: before.reveals + 1, audit: before.audit + 1 });
    expect(db.select().from(nameReveals).get()).toMatchObject({ personId: hidden.id, reason: 'Verifica con i servizi sociali' });
    const event = db.select().from(auditEvents).orderBy(sql`${auditEvents.id} desc`).limit(1).get()!;
    expect(event).toMatchObject({ action: 'person.reveal', entity: 'person', recordId: String(hidden.id), fields: '["names"]' });
    // Hidden again on the next read; a person who is not restricted needs no reveal and leaves no trace.
    expect((await call(app, 'persons.get', { id: hidden.id })).fields.displayName).toBeNull();
    const after = counts(db);
    expect((await call(app, 'persons.reveal', { id: open.id, reason: 'nessuno' })).fields.displayName).toBe('Nadia Aperta');
    expect(counts(db)).toEqual(after);
    expect((await refusal(app, 'persons.reveal', { id: hidden.id, reason: ' ' })).code).toBe('INVALID_INPUT');
    app.lock();
  });
});

describe('consents', () => {
  it('records and withdraws a consent, refusing a withdrawal before it was given', async () => {
    const app = await adminApp();
    const db = dbOf(app);
    const p = await create(app, { displayName: 'Consenso Persona' });
    const consent = await call(app, 'consents.add', { personId: p.id, givenAt: '2026-01-10', textVersion: 'v2', scope: 'registro' });
    expect(consent).toMatchObject({ personId: p.id, withdrawnAt: null });
    const before = counts(db);
    const early = await refusal(app, 'consents.withdraw', { id: consent.id, withdrawnAt: '2026-01-09' });
    expect(early).toMatchObject({ code: 'INVALID_PERIOD', fieldErrors: { withdrawnAt: ['errors.INVALID_PERIOD'] } });
    expect((await refusal(app, 'consents.add', { personId: 9999, givenAt: '2026-01-10', textVersion: 'v2', scope: 'x' })).code).toBe('NOT_FOUND');
    expect(counts(db)).toEqual(before);
    expect((await call(app, 'consents.withdraw', { id: consent.id, withdrawnAt: '2026-01-10' })).withdrawnAt).toBe('2026-01-10');
    expect((await call(app, 'persons.get', { id: p.id })).consents).toMatchObject([{ id: consent.id, withdrawnAt: '2026-01-10' }]);
    app.lock();
  });
});

describe('households', () => {
  it('groups a head with members, hides restricted members’ names, and refuses a person of another household', async () => {
    const app = await adminApp();
    const db = dbOf(app);
    const mother = await create(app, { displayName: 'Madre Uno', birthYear: 1990 });
    const child = await create(app, { displayName: 'Figlio Uno', gender: 'male', birthYear: 2019, restricted: true });
    const other = await create(app, { displayName: 'Altra Madre', birthYear: 1988 });
    const household = await call(app, 'households.create', { headPersonId: mother.id, members: [{ personId: child.id, relationship: 'child' }] });
    expect(household.members).toEqual([
      { personId: mother.id, code: mother.code, displayName: 'Madre Uno', relationship: 'head', gender: 'female', birthYear: 1990 },
      { personId: child.id, code: child.code, displayName: null, relationship: 'child', gender: 'male', birthYear: 2019 },
    ]);

    const before = counts(db);
    const conflict = await refusal(app, 'households.create', { headPersonId: other.id, members: [{ personId: child.id, relationship: 'child' }] });
    expect(conflict).toMatchObject({ code: 'PERSON_IN_OTHER_HOUSEHOLD', fieldErrors: { personId: ['errors.PERSON_IN_OTHER_HOUSEHOLD'] } });
    const second = await call(app, 'households.create', { headPersonId: other.id, members: [] });
    const afterSecond = counts(db);
    expect(afterSecond).toMatchObject({ households: before.households + 1, members: before.members + 1 });
    expect((await refusal(app, 'households.addMember', { householdId: second.id, personId: child.id, relationship: 'child' })).code).toBe('PERSON_IN_OTHER_HOUSEHOLD');
    expect((await refusal(app, 'households.removeMember', { householdId: household.id, personId: mother.id })).code).toBe('INVALID_INPUT');
    expect((await refusal(app, 'households.removeMember', { householdId: second.id, personId: child.id })).code).toBe('NOT_FOUND');
    expect((await refusal(app, 'households.addMember', { householdId: household.id, personId: other.id, relationship: 'head' })).code).toBe('INVALID_INPUT');
    expect(counts(db)).toEqual(afterSecond);

    const moved = await call(app, 'households.removeMember', { householdId: household.id, personId: child.id });
    expect(moved.members.map((m) => m.personId)).toEqual([mother.id]);
    const joined = await call(app, 'households.addMember', { householdId: second.id, personId: child.id, relationship: 'child' });
    expect(joined.members.map((m) => m.personId)).toEqual([other.id, child.id]);
    expect((await call(app, 'persons.get', { id: child.id })).household?.id).toBe(second.id);
    app.lock();
  });
});

describe('edits that would undo a protection', () => {
  it('refuse rewriting a restricted person\'s hidden names before they were shown, and an operator lifting the restriction', async () => {
    const app = await adminApp();
    const { id } = await create(app, { displayName: 'Nascosta', givenNames: 'Amina', familyNames: 'Diallo', restricted: true });
    const db = dbOf(app);
    const before = counts(db);
    const renamed = await refusal(app, 'persons.update', { id, fields: person({ displayName: 'Altro nome', restricted: true }) });
    expect(renamed).toMatchObject({ code: 'FORBIDDEN', fieldErrors: { displayName: ['errors.FORBIDDEN'] } });
    // Nothing changed but the audit event of the refused attempt.
    expect(counts(db)).toEqual({ ...before, audit: before.audit + 1 });
    await call(app, 'persons.reveal', { id, reason: 'correzione anagrafica richiesta dalla persona' });
    await call(app, 'persons.update', { id, fields: person({ displayName: 'Altro nome', givenNames: 'Amina', familyNames: 'Diallo', restricted: true }) });
    app.lock();

    const operator = core(copyOf(template));
    await login(operator, OPERATOR.username, OPERATOR.passphrase);
    await call(operator, 'account.changePassphrase', { current: OPERATOR.passphrase, passphrase: 'operator own phrase', passphraseRepeat: 'operator own phrase' });
    const mine = await create(operator, { displayName: 'Riservata', restricted: true });
    const lifted = await refusal(operator, 'persons.update', { id: mine.id, fields: person({ displayName: 'Riservata', restricted: false }) });
    expect(lifted.code).toBe('FORBIDDEN');
    operator.lock();
  });

  it('refuse changing a placed woman into an adult man while she is in a women-only structure', async () => {
    const app = await adminApp();
    const db = dbOf(app);
    const { structureId, placeIds } = seedStructure(db, 'Rifugio Solo Donne', 1);
    db.update(structures).set({ womenOnly: true }).where(eq(structures.id, structureId)).run();
    const { id } = await create(app, { displayName: 'Ospite', birthDate: '1990-05-01' });
    seedStay(db, id, placeIds[0]!, addDays(today, -3), null);
    const refused = await refusal(app, 'persons.update', { id, fields: person({ displayName: 'Ospite', birthDate: '1990-05-01', gender: 'male' }) });
    expect(refused.code).toBe('WOMEN_ONLY_STRUCTURE');
    expect(db.select().from(persons).where(eq(persons.id, id)).get()!.gender).toBe('female');
    app.lock();
  });
});

describe('no oracle for a restricted person', () => {
  // Each question below is asked twice, once with the right guess and once with a wrong one: the answers
  // must be the same, and each question must leave an audit event naming who asked about which record.
  const SECRET = { displayName: 'Segreta', givenNames: 'Sara', familyNames: 'Bianco', birthDate: '1991-02-03', fiscalCode: fiscal('BNCSRA91B43L219'), restricted: true };
  const WRONG = { displayName: 'Segreta', givenNames: 'Sara', familyNames: 'Verdi', birthDate: '1991-02-03', fiscalCode: fiscal('VRDSRA91B43L219'), restricted: true };
  const lastAudit = async (app: AppCore) => (await call(app, 'audit.list', { page: 1, pageSize: 1 })).rows[0]!;

  it('a duplicate check answers the same for her names as for wrong ones, and is audited', async () => {
    const app = await adminApp();
    const { id } = await create(app, SECRET);
    const right = await call(app, 'persons.findDuplicates', { givenNames: 'Sara', familyNames: 'Bianco', birthDate: '1991-02-03' });
    expect(await lastAudit(app)).toMatchObject({ action: 'person.duplicateMatch', entity: 'person', recordId: String(id) });
    const wrong = await call(app, 'persons.findDuplicates', { givenNames: 'Sara', familyNames: 'Verdi', birthDate: '1991-02-03' });
    expect(right).toEqual(wrong);
    expect(await call(app, 'persons.findDuplicates', { fiscalCode: SECRET.fiscalCode })).toEqual([]);
    app.lock();
  });

  it('creating a person with her names and birth date is not refused as a duplicate, and the match is audited', async () => {
    const app = await adminApp();
    const { id } = await create(app, SECRET);
    const db = dbOf(app);
    const matched = await call(app, 'persons.create', { fields: person({ ...SECRET, restricted: false, fiscalCode: null }), acknowledgeDuplicates: false });
    const reviewed = db.select().from(auditEvents).where(eq(auditEvents.action, 'person.duplicateMatch')).all();
    expect(reviewed.map((e) => e.recordId)).toEqual([String(id)]);
    const other = await call(app, 'persons.create', { fields: person({ ...WRONG, restricted: false, fiscalCode: null }), acknowledgeDuplicates: false });
    expect([typeof matched.id, typeof other.id]).toEqual(['number', 'number']);
    app.lock();
  });

  it('a search by her full fiscal code finds nothing, as for a code nobody has', async () => {
    const app = await adminApp();
    await create(app, SECRET);
    const right = await search(app, { query: SECRET.fiscalCode });
    const wrong = await search(app, { query: WRONG.fiscalCode });
    expect(right).toEqual(wrong);
    expect(right.total).toBe(0);
    app.lock();
  });

  it('an update without a recent reveal is refused the same way whether the guessed names are right or wrong, and audited', async () => {
    const app = await adminApp();
    const { id } = await create(app, SECRET);
    const db = dbOf(app);
    const right = await refusal(app, 'persons.update', { id, fields: person(SECRET) });
    const wrongFirst = await refusal(app, 'persons.update', { id, fields: person({ ...SECRET, displayName: 'Altra' }) });
    const wrongLast = await refusal(app, 'persons.update', { id, fields: person({ ...SECRET, fiscalCode: WRONG.fiscalCode }) });
    expect(right).toEqual(wrongFirst);
    expect(right).toEqual(wrongLast);
    expect(right.code).toBe('FORBIDDEN');
    const refusals = db.select().from(auditEvents).where(eq(auditEvents.action, 'person.updateRefused')).all();
    expect(refusals.map((e) => e.recordId)).toEqual([String(id), String(id), String(id)]);
    await call(app, 'persons.reveal', { id, reason: 'correzione richiesta dalla persona' });
    await call(app, 'persons.update', { id, fields: person({ ...SECRET, notes: 'nuova nota' }) });
    app.lock();
  });

  it('a subject-access document of a restricted person needs her names shown with a reason first', async () => {
    const app = await adminApp();
    const { id } = await create(app, SECRET);
    const refused = await refusal(app, 'privacy.subjectAccess', { personId: id });
    expect(refused.code).toBe('FORBIDDEN');
    expect(await lastAudit(app)).toMatchObject({ action: 'person.subjectAccessRefused', recordId: String(id) });
    await call(app, 'persons.reveal', { id, reason: 'richiesta di accesso della persona' });
    expect((await call(app, 'privacy.subjectAccess', { personId: id })).json).toContain('Bianco');
    app.lock();
  });
});
