// Privacy duties on a real encrypted register: the retention review, anonymisation and erasure on request
// (figures kept, identifying values gone from every page of the file), roles, and subject access.
import { execFileSync } from 'node:child_process';
import { createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app';
import { verifyAuditChain } from '../../electron/core/audit';
import { keyConnection, type Db } from '../../electron/core/db/connection';
import * as t from '../../electron/core/db/schema';
import { registerPaths } from '../../electron/core/register';
import type { PersonFields } from '../../electron/shared/channels/people';
import { addDays, todayInRome } from '../../electron/shared/dates';
import { fiscalCodeProblem } from '../../electron/shared/fiscal-code';
import { normaliseText } from '../../electron/shared/text-normalise';
import { ADMIN, OPERATOR, call, cleanupDirs, copyOf, core, login, makeTemplate, refusal, tempDir, type Template } from './helpers';
import { buildRegister, registerDb } from './register-fixtures';

let template: Template;
beforeAll(async () => {
  template = await makeTemplate();
});
afterAll(cleanupDirs);

const today = todayInRome();
const yearsAgo = (years: number, days = 0) => addDays(today, -Math.round(years * 365.25) + days);
const fiscal = (body: string) => body + [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].find((c) => fiscalCodeProblem(body + c) === null)!;

/** What identifies the marked person: each value must be gone from the file after anonymisation. */
const MARKED = {
  displayName: 'Quillina Zorblatt',
  givenNames: 'Quillina',
  familyNames: 'Zorblatt',
  birthDate: '1985-04-17',
  fiscalCode: fiscal('ZRBQLN85D57L219'),
  permitNumber: 'PXQ7781234',
  permitExpiry: '2019-06-29',
  notes: 'Notamarker: la sorella vive a Cuneo',
};
const FREE_TEXTS = {
  destination: 'Destmarker, via Garibaldi 12',
  referralNotes: 'Refmarker: chiamata della sorella',
  revealReason: 'Revealmarker: richiesta dell’avvocata',
  correctionReason: 'Corrmarker: digitata male',
  childName: 'Pimbarosa Zorblatt',
  caseNote: 'Casenotemarker: teme che il marito la trovi',
  confidentialNote: 'Confnotemarker: racconto della violenza subita',
  goal: 'Goalmarker: ottenere il permesso per casi speciali',
  review: 'Reviewmarker: ha iniziato il corso',
  outcome: 'Outcomemarker: appuntamento in Questura fissato',
};
/** Searched case-insensitively: the search keys hold the names lower-cased. */
const MARKERS = [
  'quillina', 'zorblatt', 'pimbarosa', MARKED.fiscalCode.toLowerCase(), MARKED.permitNumber.toLowerCase(), MARKED.birthDate, MARKED.permitExpiry,
  'notamarker', 'destmarker', 'refmarker', 'revealmarker', 'corrmarker', 'casenotemarker', 'confnotemarker', 'goalmarker', 'reviewmarker', 'outcomemarker',
];

/** The PDF's text as an independent reader sees it (poppler's pdftotext; .ci/run installs poppler-utils). */
const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');

const markerFields = (fields: Partial<PersonFields> & { displayName: string }): PersonFields => ({ gender: 'female', ...fields });

async function adminApp(): Promise<{ app: AppCore; dir: string }> {
  const dir = copyOf(template);
  const app = core(dir);
  await login(app, ADMIN.username, ADMIN.passphrase);
  return { app, dir };
}

/**
 * A register with a marked woman and her daughter, admitted ~8 years ago from a household referral and
 * discharged ~7 years ago (due under the default 5 years); a woman hosted now (open stay); one who left
 * ~500 days ago (due only under a shorter setting); one who left long ago but has a pending referral.
 * Everything goes through the channels; the creation and outcome instants, which the services set to
 * "now", are then moved back to when the history happened.
 */
async function scene() {
  const { app, dir } = await adminApp();
  const db = registerDb(app);
  const { places } = buildRegister(db, {
    structures: [{
      key: 'shelter',
      places: [
        { key: 'bed1', activeFrom: '2000-01-01' }, { key: 'bed2', activeFrom: '2000-01-01' }, { key: 'bed3', activeFrom: '2000-01-01' },
        { key: 'bed4', activeFrom: '2000-01-01' }, { key: 'bed5', activeFrom: '2000-01-01' },
      ],
    }],
  });
  const person = async (fields: Partial<PersonFields> & { displayName: string }) =>
    (await call(app, 'persons.create', { fields: markerFields(fields), acknowledgeDuplicates: true })).id;
  const marked = await person({ ...MARKED, restricted: true, nationality: 'NG', vulnerabilities: ['violence_survivor', 'single_parent'], languages: ['en'] });
  const child = await person({ displayName: FREE_TEXTS.childName, birthDate: '2015-09-01', nationality: 'NG' });
  const hosted = await person({ displayName: 'Ospite Presente', birthYear: 1990 });
  const recent = await person({ displayName: 'Ospite Recente', birthYear: 1992 });
  const returning = await person({ displayName: 'Ospite Di Ritorno', birthYear: 1980 });

  const household = await call(app, 'households.create', { headPersonId: marked, members: [{ personId: child, relationship: 'child' }] });
  const entry = yearsAgo(8);
  const referral = await call(app, 'referrals.create', {
    receivedAt: `${addDays(entry, -2)}T10:00`, source: 'anti_violence_centre', needs: { people: 2, childrenAges: [3] },
    notes: FREE_TEXTS.referralNotes, householdId: household.id,
  });
  const admitted = await call(app, 'stays.admit', {
    entryDate: entry, plannedEnd: addDays(entry, 180), referralId: referral.id, householdId: household.id,
    members: [{ personId: marked, placeId: places.bed1 }, { personId: child, placeId: places.bed2 }],
  });
  await call(app, 'placements.transfer', { personId: child, date: addDays(entry, 30), toPlaceId: places.bed3 });
  await call(app, 'stays.extend', { stayId: admitted.stayIds[0]!, newPlannedEnd: addDays(entry, 365), grantedBy: 'Comune di Torino', grantedAt: addDays(entry, 170) });
  await call(app, 'stays.correctDate', { target: 'plannedEnd', id: admitted.stayIds[0]!, date: addDays(entry, 366), reason: FREE_TEXTS.correctionReason });
  await call(app, 'stays.discharge', { stayIds: admitted.stayIds, exitDate: yearsAgo(7), exitReason: 'socio_economic_inclusion', destination: FREE_TEXTS.destination });
  await call(app, 'consents.add', { personId: marked, givenAt: entry, textVersion: 'v2', scope: 'Trattamento dei dati sanitari' });
  await call(app, 'persons.reveal', { id: marked, reason: FREE_TEXTS.revealReason });
  // Her accompaniment during that stay: a plan with a goal and a review, a service, and case notes (one confidential).
  const plan = await call(app, 'plans.save', { stayId: admitted.stayIds[0]!, agreedOn: addDays(entry, 5), reviewDue: addDays(entry, 95) });
  const withGoal = await call(app, 'goals.add', { planId: plan.id, area: 'legal_documents', description: FREE_TEXTS.goal, targetDate: addDays(entry, 200) });
  await call(app, 'plans.review', { planId: plan.id, reviewedOn: addDays(entry, 90), summary: FREE_TEXTS.review, nextReview: addDays(entry, 180) });
  await call(app, 'interventions.add', {
    personIds: [marked], date: addDays(entry, 20), area: 'legal_documents', type: 'legal_counselling', provider: 'Sportello legale', minutes: 60,
    goalId: withGoal.goals[0]!.id, outcome: FREE_TEXTS.outcome,
  });
  await call(app, 'notes.add', { personId: marked, date: addDays(entry, 21), body: FREE_TEXTS.caseNote });
  await call(app, 'notes.add', { personId: marked, date: addDays(entry, 22), body: FREE_TEXTS.confidentialNote, confidential: true });

  await call(app, 'stays.admit', { entryDate: addDays(today, -500), members: [{ personId: recent, placeId: places.bed4 }] });
  const recentStay = db.select().from(t.stays).where(eq(t.stays.personId, recent)).get()!;
  await call(app, 'stays.discharge', { stayIds: [recentStay.id], exitDate: addDays(today, -480), exitReason: 'term_expired' });
  await call(app, 'stays.admit', { entryDate: addDays(today, -30), members: [{ personId: hosted, placeId: places.bed4 }] });
  await call(app, 'stays.admit', { entryDate: yearsAgo(9), members: [{ personId: returning, placeId: places.bed5 }] });
  const returningStay = db.select().from(t.stays).where(eq(t.stays.personId, returning)).get()!;
  await call(app, 'stays.discharge', { stayIds: [returningStay.id], exitDate: addDays(yearsAgo(9), 60), exitReason: 'other' });
  await call(app, 'referrals.create', { receivedAt: `${yearsAgo(8)}T09:00`, source: 'social_services', needs: { people: 1 }, personId: returning });

  db.update(t.persons).set({ createdAt: `${yearsAgo(9, -10)}T08:00:00.000Z` }).run();
  db.run(sql`UPDATE referrals SET outcome_at = received_at WHERE outcome_at IS NOT NULL`);
  return { app, dir, db, ids: { marked, child, hosted, recent, returning }, householdId: household.id };
}

/**
 * Everything the monthly figures count (docs/domain.md › Planned: the monthly placement summary): stays (less the destination), placements, extensions,
 * households, referrals (less their notes), consents, date corrections (less the reason), and per person
 * the gender, birth year, nationality, vulnerability flags and the other categorical fields kept.
 */
function figureRows(db: Db): string {
  return JSON.stringify({
    persons: db.select({
      id: t.persons.id, code: t.persons.code, gender: t.persons.gender, birthYear: t.persons.birthYear, nationality: t.persons.nationality,
      vulnerabilities: t.persons.vulnerabilities, languages: t.persons.languages, permitType: t.persons.permitType,
      referralSource: t.persons.referralSource, restricted: t.persons.restricted, createdAt: t.persons.createdAt,
    }).from(t.persons).orderBy(t.persons.id).all(),
    stays: db.select().from(t.stays).orderBy(t.stays.id).all().map(({ destination: _, ...s }) => s),
    placements: db.select().from(t.placements).orderBy(t.placements.id).all(),
    extensions: db.select().from(t.stayExtensions).orderBy(t.stayExtensions.id).all(),
    households: db.select().from(t.households).orderBy(t.households.id).all(),
    members: db.select().from(t.householdMembers).orderBy(t.householdMembers.personId).all(),
    referrals: db.select().from(t.referrals).orderBy(t.referrals.id).all().map(({ notes: _, ...r }) => r),
    consents: db.select().from(t.consents).orderBy(t.consents.id).all(),
    corrections: db.select().from(t.dateCorrections).orderBy(t.dateCorrections.id).all().map(({ reason: _, ...c }) => c),
  });
}

const personRow = (db: Db, id: number) => db.select().from(t.persons).where(eq(t.persons.id, id)).get()!;
const auditCount = (db: Db) => db.get<{ n: number }>(sql`SELECT count(*) AS n FROM audit_events`).n;

/**
 * The register file decrypted page by page, the way SQLCipher 4 lays it out: each page is AES-256-CBC
 * encrypted up to its 80 reserved bytes, whose first 16 are the page's IV; page 1 starts after the file's
 * 16-byte salt (which stands for the "SQLite format 3" magic); a raw 256-bit key is the AES key itself.
 * A query or a logical dump only shows live rows; this reads EVERY page of the file — free pages and the
 * unused space inside pages included — so it sees whatever secure_delete should have overwritten. (Rekeying
 * a copy to an empty key is no proof: the cipher drops the free pages while rewriting.) The header's page
 * size and reserve read back from the decrypted page 1 prove that the decryption is right.
 */
function decryptedPages(file: string, key: Buffer): Buffer {
  const bytes = readFileSync(file);
  const pageSize = 4096;
  const reserve = 80;
  const pages: Buffer[] = [];
  for (let offset = 0; offset + pageSize <= bytes.length; offset += pageSize) {
    const page = bytes.subarray(offset, offset + pageSize);
    const decipher = createDecipheriv('aes-256-cbc', key, page.subarray(pageSize - reserve, pageSize - reserve + 16)).setAutoPadding(false);
    const plain = Buffer.concat([decipher.update(page.subarray(offset === 0 ? 16 : 0, pageSize - reserve)), decipher.final()]);
    pages.push(offset === 0 ? Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), plain]) : plain);
  }
  const plain = Buffer.concat(pages);
  expect(plain.readUInt16BE(16), 'decrypted page size').toBe(pageSize);
  expect(plain[20], 'decrypted reserved bytes').toBe(reserve);
  return plain;
}

/** Markers found in the decrypted file (as UTF-8, case-insensitively), after the WAL was checked empty. */
function markersInFile(app: AppCore, dir: string, markers: string[]): string[] {
  const { db: file } = registerPaths(dir);
  const wal = `${file}-wal`;
  expect(existsSync(wal) ? statSync(wal).size : 0, 'WAL left with frames').toBe(0);
  const text = decryptedPages(file, app.session.open().dataKey).toString('latin1').toLowerCase();
  return markers.filter((m) => text.includes(Buffer.from(m.toLowerCase(), 'utf8').toString('latin1')));
}

describe('the proof method', () => {
  it('decrypting every page finds data left in free pages when secure_delete is off, and none when it is on', () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const found = (secureDelete: 'ON' | 'OFF') => {
      const file = join(dir, `control-${secureDelete}.db`);
      const sqlite = new Database(file);
      keyConnection(sqlite, key);
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma(`secure_delete = ${secureDelete}`);
      sqlite.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
      const insert = sqlite.prepare('INSERT INTO notes (body) VALUES (?)');
      for (let i = 0; i < 100; i += 1) insert.run(`filler ${i} `.repeat(40));
      insert.run(`Freepagemarker ${'x'.repeat(5000)}`); // spills into overflow pages, freed by the update
      sqlite.exec("UPDATE notes SET body = 'cleared' WHERE body LIKE 'Freepagemarker%'");
      sqlite.exec('DELETE FROM notes WHERE id < 60');
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      expect((sqlite.pragma('freelist_count', { simple: true }) as number) > 0).toBe(true);
      sqlite.close();
      const text = decryptedPages(file, key).toString('latin1');
      expect(text).toContain('cleared');
      return text.includes('Freepagemarker');
    };
    expect(found('OFF')).toBe(true);
    expect(found('ON')).toBe(false);
  });
});

describe('anonymisation at the end of the retention period', () => {
  it('keeps every field the monthly figures use, stays and placements included, and clears the identifying ones', async () => {
    const { app, db, ids, householdId } = await scene();
    const before = figureRows(db);
    const markedBefore = personRow(db, ids.marked);
    const others = [ids.hosted, ids.recent, ids.returning].map((id) => personRow(db, id));

    expect(await call(app, 'privacy.anonymise', { personIds: [ids.marked, ids.child] })).toEqual({ anonymised: 2 });

    expect(figureRows(db)).toBe(before);
    const after = personRow(db, ids.marked);
    expect(after).toMatchObject({
      displayName: markedBefore.code, givenNames: null, familyNames: null, birthDate: null, birthYear: 1985, fiscalCode: null,
      permitNumber: null, permitExpiry: null, notes: null, gender: 'female', nationality: 'NG',
    });
    expect(after.searchText).not.toMatch(/quillina|zorblatt|zrb/);
    expect(after.nameKey).toBe(normaliseText(markedBefore.code));
    expect(personRow(db, ids.child)).toMatchObject({ displayName: personRow(db, ids.child).code, birthDate: null, birthYear: 2015 });
    expect([ids.hosted, ids.recent, ids.returning].map((id) => personRow(db, id))).toEqual(others);
    expect(db.select().from(t.stays).where(eq(t.stays.personId, ids.marked)).all().map((s) => s.destination)).toEqual([null]);
    expect(db.select().from(t.referrals).where(eq(t.referrals.householdId, householdId)).get()!.notes).toBeNull();
    expect(db.select().from(t.nameReveals).all().map((r) => r.reason)).toEqual(['']);
    expect(db.select().from(t.dateCorrections).all().map((c) => c.reason)).toEqual(['']);

    const events = db.select().from(t.auditEvents).where(eq(t.auditEvents.action, 'person.anonymise')).all();
    expect(events.map((e) => [e.recordId, e.userId])).toEqual([[String(ids.marked), 1], [String(ids.child), 1]]);
    expect(JSON.parse(events[0]!.fields)).toEqual([
      'birthDate', 'caseNotes', 'dateCorrections.reason', 'displayName', 'familyNames', 'fiscalCode', 'givenNames', 'interventions.outcome',
      'nameReveals.reason', 'notes', 'permitExpiry', 'permitNumber', 'planGoals.description', 'planReviews.summary', 'referrals.notes', 'stays.destination',
    ]);
    // The notes are gone; the figures' parts of the accompaniment stay (goal area and status, the service's date, type and minutes).
    expect(db.select().from(t.caseNotes).where(eq(t.caseNotes.personId, ids.marked)).all()).toEqual([]);
    expect(db.select({ area: t.planGoals.area, description: t.planGoals.description }).from(t.planGoals).all()).toEqual([{ area: 'legal_documents', description: '' }]);
    expect(db.select({ minutes: t.interventions.minutes, outcome: t.interventions.outcome }).from(t.interventions).all()).toEqual([{ minutes: 60, outcome: null }]);
    expect(db.select().from(t.personAnonymisations).all().map((a) => [a.personId, a.kind, a.reason])).toEqual([[ids.marked, 'retention', null], [ids.child, 'retention', null]]);
    expect(verifyAuditChain(app.session.open().conn.sqlite).ok).toBe(true);
    app.lock();
  });

  it('leaves no identifying value anywhere in the register file: live rows, free pages and the WAL', async () => {
    const { app, dir, ids } = await scene();
    // Positive control: before anonymising, every marker is found in the decrypted pages.
    app.session.open().conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(markersInFile(app, dir, MARKERS)).toEqual(MARKERS);

    await call(app, 'privacy.anonymise', { personIds: [ids.marked, ids.child] });

    expect(markersInFile(app, dir, MARKERS)).toEqual([]);
    app.lock();
  });

  it('refuses a person with an open stay or not yet due, writing nothing', async () => {
    const { app, db, ids } = await scene();
    const rows = JSON.stringify([db.select().from(t.persons).all(), db.select().from(t.stays).all(), db.select().from(t.referrals).all()]);
    const events = auditCount(db);
    expect((await refusal(app, 'privacy.anonymise', { personIds: [ids.marked, ids.hosted] })).code).toBe('PERSON_STAY_OPEN');
    expect((await refusal(app, 'privacy.erase', { personId: ids.hosted, reason: 'richiesta' })).code).toBe('PERSON_STAY_OPEN');
    expect((await refusal(app, 'privacy.anonymise', { personIds: [ids.marked, ids.recent] })).code).toBe('RETENTION_NOT_DUE');
    expect((await refusal(app, 'privacy.anonymise', { personIds: [ids.returning] })).code).toBe('RETENTION_NOT_DUE');
    expect((await refusal(app, 'privacy.anonymise', { personIds: [999_999] })).code).toBe('NOT_FOUND');
    expect(JSON.stringify([db.select().from(t.persons).all(), db.select().from(t.stays).all(), db.select().from(t.referrals).all()])).toBe(rows);
    expect(auditCount(db)).toBe(events);
    app.lock();
  });
});

describe('the retention review', () => {
  it('lists persons due only, follows the setting, and drops them once anonymised', async () => {
    const { app, ids } = await scene();
    expect(await call(app, 'privacy.getSettings', {})).toEqual({ retentionYears: 5 });
    const review = await call(app, 'privacy.retentionReview', {});
    expect(review.cutoff).toBe(`${Number(today.slice(0, 4)) - 5}${today.slice(4)}`.replace(/-02-29$/, '-02-28'));
    // Not the hosted one (open stay), not the recent one (left ~480 days ago), not the one with a pending referral.
    expect(review.rows.map((r) => r.personId).sort()).toEqual([ids.marked, ids.child].sort());
    expect(review.rows.find((r) => r.personId === ids.marked)).toMatchObject({ displayName: null, stays: 1, lastActivity: yearsAgo(7), anonymisedBefore: false });

    expect(await call(app, 'privacy.setRetentionYears', { years: 1 })).toEqual({ retentionYears: 1 });
    expect((await call(app, 'privacy.retentionReview', {})).rows.map((r) => r.personId).sort()).toEqual([ids.marked, ids.child, ids.recent].sort());
    expect((await refusal(app, 'privacy.setRetentionYears', { years: 0 })).fieldErrors).toEqual({ years: ['validation.retentionYearsRange'] });

    await call(app, 'privacy.anonymise', { personIds: [ids.marked, ids.child] });
    expect((await call(app, 'privacy.retentionReview', {})).rows.map((r) => r.personId)).toEqual([ids.recent]);
    app.lock();
  });
});

describe('erasure on request', () => {
  it('clears the same fields at once, keeps the figures, and records the reason apart from the audit, which keeps the fact', async () => {
    const { app, dir, db, ids } = await scene();
    const before = figureRows(db);
    const reason = 'Richiesta scritta consegnata allo sportello';

    // Not due under the retention setting: erasure on request does not wait for it.
    const { code } = await call(app, 'privacy.erase', { personId: ids.recent, reason });
    expect(code).toBe(personRow(db, ids.recent).code);
    await call(app, 'privacy.erase', { personId: ids.marked, reason });

    expect(figureRows(db)).toBe(before);
    expect(personRow(db, ids.marked)).toMatchObject({ displayName: personRow(db, ids.marked).code, familyNames: null, fiscalCode: null, birthYear: 1985 });
    const events = db.select().from(t.auditEvents).where(eq(t.auditEvents.action, 'person.erase')).all();
    expect(events.map((e) => e.recordId)).toEqual([String(ids.recent), String(ids.marked)]);
    expect(JSON.parse(events[0]!.fields)).toEqual(['displayName']);
    expect(events.map((e) => e.fields).join()).not.toContain('Richiesta');
    expect(db.select().from(t.personAnonymisations).all().map((a) => [a.personId, a.kind, a.reason])).toEqual([
      [ids.recent, 'erasure', reason], [ids.marked, 'erasure', reason],
    ]);
    // What is left is the daughter's own data (her name, her stay's destination): she was not erased.
    expect(markersInFile(app, dir, MARKERS)).toEqual(['zorblatt', 'pimbarosa', 'destmarker']);
    app.lock();
  });
});

describe('roles', () => {
  it('refuses every privacy channel to operators; coordinators review, anonymise, erase and export but do not change the setting', async () => {
    const { app, ids } = await scene();
    const user = async (username: string, role: 'operator' | 'coordinator') => {
      await call(app, 'users.create', { ...OPERATOR, username, role, passphraseRepeat: OPERATOR.passphrase });
    };
    await user('desk', 'operator');
    await user('coord', 'coordinator');
    const signIn = async (username: string) => {
      app.lock();
      await login(app, username, OPERATOR.passphrase);
      await call(app, 'account.changePassphrase', { current: OPERATOR.passphrase, passphrase: `${username} own passphrase`, passphraseRepeat: `${username} own passphrase` });
    };
    const requests: [string, unknown][] = [
      ['privacy.getSettings', {}], ['privacy.setRetentionYears', { years: 7 }], ['privacy.retentionReview', {}],
      ['privacy.anonymise', { personIds: [ids.child] }], ['privacy.erase', { personId: ids.child, reason: 'richiesta' }],
      ['privacy.subjectAccess', { personId: ids.child }],
    ];
    await signIn('desk');
    for (const [channel, input] of requests) expect((await refusal(app, channel, input)).code, channel).toBe('FORBIDDEN');
    await signIn('coord');
    expect((await refusal(app, 'privacy.setRetentionYears', { years: 7 })).code).toBe('FORBIDDEN');
    expect((await call(app, 'privacy.retentionReview', {})).total).toBe(2);
    expect(await call(app, 'privacy.anonymise', { personIds: [ids.child] })).toEqual({ anonymised: 1 });
    expect((await call(app, 'privacy.subjectAccess', { personId: ids.child })).fileName).toMatch(/^AP-\d{4}-\d{4}_/);
    app.lock();
  });
});

describe('subject access', () => {
  it('exports every section as JSON and a PDF for the person, in their language, and audits the access', async () => {
    const { app, db, ids } = await scene();
    const events = auditCount(db);
    const result = await call(app, 'privacy.subjectAccess', { personId: ids.marked, locale: 'en' });
    const code = personRow(db, ids.marked).code;
    expect(result.fileName).toBe(`${code}_personal-data_${today}`);

    const pdf = Buffer.from(result.pdfBase64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(2000);
    const printed = pdfText(pdf);
    expect(printed).toContain(MARKED.displayName);
    expect(printed).toContain(MARKED.permitNumber);
    expect(printed).toContain(FREE_TEXTS.caseNote);
    const pages = Number(/Page 1 of (\d+)/.exec(printed)?.[1]);
    expect(pages, printed.slice(-300)).toBeGreaterThan(1);
    expect(printed).toContain(`${code} · Page ${pages} of ${pages}`);

    const data = JSON.parse(result.json) as Record<string, unknown> & {
      person: Record<string, unknown>; stays: { placements: unknown[]; extensions: unknown[]; destination: string }[];
      household: { members: Record<string, unknown>[] }; auditEvents: { action: string; byRole: string }[]; pathway: unknown;
    };
    expect(Object.keys(data).sort()).toEqual([
      'anonymisations', 'auditEvents', 'consents', 'contributions', 'dateCorrections', 'format', 'generatedAt', 'household', 'locale', 'nameReveals',
      'pathway', 'person', 'referrals', 'retentionYears', 'stays',
    ]);
    // Her case notes, the confidential one included (they are her data), her plan and the services she received; staff by role.
    expect(data.pathway).toMatchObject({
      caseNotes: [{ body: FREE_TEXTS.caseNote, byRole: 'admin', confidential: false }, { body: FREE_TEXTS.confidentialNote, byRole: 'admin', confidential: true }],
      plans: [{ goals: [{ description: FREE_TEXTS.goal, area: 'legal_documents', status: 'open' }], reviews: [{ summary: FREE_TEXTS.review, byRole: 'admin' }] }],
      interventions: [{ type: 'legal_counselling', minutes: 60, outcome: FREE_TEXTS.outcome }],
    });
    // Every stored field of the person, names included even though the person is restricted.
    expect(data.person).toMatchObject({ ...MARKED, code, vulnerabilities: ['violence_survivor', 'single_parent'], languages: ['en'], restricted: true });
    expect(data.stays).toHaveLength(1);
    expect(data.stays[0]).toMatchObject({ destination: FREE_TEXTS.destination });
    expect(data.stays[0]!.placements).toHaveLength(1);
    expect(data.stays[0]!.extensions).toHaveLength(1);
    expect(data).toMatchObject({
      referrals: [{ notes: FREE_TEXTS.referralNotes, outcome: 'placed' }],
      consents: [{ textVersion: 'v2', scope: 'Trattamento dei dati sanitari' }],
      nameReveals: [{ reason: FREE_TEXTS.revealReason, byRole: 'admin' }],
      dateCorrections: [{ field: 'plannedEnd', reason: FREE_TEXTS.correctionReason }],
      anonymisations: [],
    });
    // Other members by code and relationship only; staff by role only.
    expect(data.household.members.map((m) => Object.keys(m).sort())).toEqual([['birthYear', 'code', 'relationship', 'self'], ['birthYear', 'code', 'relationship', 'self']]);
    expect(result.json).not.toContain(FREE_TEXTS.childName);
    expect(result.json).not.toContain(ADMIN.displayName);
    const actions = data.auditEvents.map((e) => e.action);
    for (const action of ['person.create', 'household.create', 'referral.create', 'stay.admit', 'placement.create', 'stay_extension.create', 'stay.correctDate', 'stay.discharge', 'consent.add', 'person.reveal', 'person.subjectAccess', 'plan.create', 'goal.create', 'plan.review', 'intervention.create', 'note.create'])
      expect(actions, action).toContain(action);

    expect(auditCount(db)).toBe(events + 1);
    const last = db.select().from(t.auditEvents).orderBy(sql`${t.auditEvents.id} desc`).limit(1).get()!;
    expect(last).toMatchObject({ action: 'person.subjectAccess', entity: 'person', recordId: String(ids.marked), fields: '[]' });
    expect((await refusal(app, 'privacy.subjectAccess', { personId: 999_999 })).code).toBe('NOT_FOUND');
    expect(auditCount(db)).toBe(events + 1);
    app.lock();
  });

  it('prints every name exactly, letters outside Latin-1 included, and defaults to the user’s language', async () => {
    const { app } = await adminApp();
    const names = { displayName: 'Łucja Nguyễn Иванова', givenNames: 'Đorđe Şahin', familyNames: 'Nguyễn Łódź' };
    const { id } = await call(app, 'persons.create', { fields: markerFields(names), acknowledgeDuplicates: false });
    const result = await call(app, 'privacy.subjectAccess', { personId: id });
    expect(result.fileName).toMatch(/_dati-personali_/);
    const pdf = Buffer.from(result.pdfBase64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const printed = pdfText(pdf).normalize('NFC');
    for (const name of Object.values(names)) expect(printed).toContain(name);
    expect(printed).toMatch(/Pagina 1 di \d+/);
    // The fonts are embedded (subsets), not left to the reader's machine.
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(pdf.toString('latin1')).toContain('/FontFile2');
    expect((JSON.parse(result.json) as { person: { displayName: string } }).person.displayName).toBe('Łucja Nguyễn Иванова');
    app.lock();
  });
});
