// Social accompaniment on a real encrypted register (docs/pathway.md): who reads a case note (role,
// structure, restriction, confidential), plans and goals, interventions and group activities, the services
// register, the figures, the reminders, and host families.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app';
import * as t from '../../electron/core/db/schema';
import { addDays, todayInRome } from '../../electron/shared/dates';
import { ADMIN, OPERATOR, call, cleanupDirs, copyOf, core, login, refusal, setUpRegister, tempDir, type Template } from './helpers';
import { buildRegister, registerDb } from './register-fixtures';

const today = todayInRome();
const entry = addDays(today, -60);
const PASS = (username: string) => `${username} own passphrase`;
const NOTE = 'Segretomarker: ha paura di essere trovata dal marito';
const CONFIDENTIAL = 'Riservatomarker: racconto dettagliato della violenza';
const RESTRICTED_NOTE = 'Protettamarker: nuovo numero di telefono';

let template: Template;
let ids: { a: number; b: number; hf: number; woman: number; other: number; hidden: number; womanStay: number; otherStay: number; users: Record<string, number> };

/** One register for the file: an admin, operators of structures A and B, a coordinator; three women in A, one in B. */
beforeAll(async () => {
  const dir = tempDir();
  const app = core(dir);
  const recoveryKey = await setUpRegister(app);
  const users: Record<string, number> = { admin: 1 };
  for (const [username, role] of [['opa', 'operator'], ['opb', 'operator'], ['coord', 'coordinator']] as const) {
    await call(app, 'users.create', { ...OPERATOR, username, role, passphraseRepeat: OPERATOR.passphrase });
  }
  const db = registerDb(app);
  for (const u of db.select().from(t.users).all()) users[u.username] = u.id;
  const built = buildRegister(db, {
    structures: [
      { key: 'A', places: [{ key: 'a1' }, { key: 'a2' }, { key: 'a3' }] },
      { key: 'B', places: [{ key: 'b1' }] },
      { key: 'HF', type: 'host_family', places: [{ key: 'h1' }] },
    ],
    persons: [{ key: 'woman', displayName: 'Ospite Alfa' }, { key: 'other', displayName: 'Ospite Beta' }, { key: 'hidden', displayName: 'Ospite Gamma', restricted: true }, { key: 'b', displayName: 'Ospite Delta' }],
    stays: [
      { key: 'woman', person: 'woman', entry, placements: [{ place: 'a1', from: entry }] },
      { key: 'other', person: 'other', entry, placements: [{ place: 'a2', from: entry }] },
      { key: 'hidden', person: 'hidden', entry, placements: [{ place: 'a3', from: entry }] },
      { key: 'b', person: 'b', entry, placements: [{ place: 'b1', from: entry }] },
    ],
  });
  await call(app, 'structures.setStaff', { structureId: built.structures.A, userIds: [users.opa!] });
  await call(app, 'structures.setStaff', { structureId: built.structures.B, userIds: [users.opb!] });
  for (const username of ['opa', 'opb', 'coord']) {
    app.lock();
    await login(app, username, OPERATOR.passphrase);
    await call(app, 'account.changePassphrase', { current: OPERATOR.passphrase, passphrase: PASS(username), passphraseRepeat: PASS(username) });
  }
  app.lock();
  template = { dir, recoveryKey };
  ids = {
    a: built.structures.A, b: built.structures.B, hf: built.structures.HF, woman: built.persons.woman, other: built.persons.other, hidden: built.persons.hidden,
    womanStay: built.stays.woman, otherStay: built.stays.other, users,
  };
});
afterAll(cleanupDirs);

async function open(): Promise<AppCore> {
  const app = core(copyOf(template));
  await login(app, ADMIN.username, ADMIN.passphrase);
  return app;
}
async function as(app: AppCore, username: string): Promise<void> {
  app.lock();
  await login(app, username, username === 'admin' ? ADMIN.passphrase : PASS(username));
}
const refusedReads = (app: AppCore, personId: number) =>
  registerDb(app).select().from(t.auditEvents).where(sql`${t.auditEvents.action} = 'notes.refused' AND ${t.auditEvents.recordId} = ${String(personId)}`).all().length;

describe('case notes: who reads them', () => {
  it('an operator reads notes of persons in her structure, not confidential ones of others; the coordinator reads both', async () => {
    const app = await open();
    await as(app, 'opa');
    const own = await call(app, 'notes.add', { personId: ids.woman, date: today, body: NOTE });
    expect(own).toMatchObject({ body: NOTE, own: true, confidential: false, authorName: OPERATOR.displayName });
    await as(app, 'coord');
    await call(app, 'notes.add', { personId: ids.woman, date: today, body: CONFIDENTIAL, confidential: true });
    expect((await call(app, 'notes.list', { personId: ids.woman })).map((n) => n.body)).toEqual([NOTE, CONFIDENTIAL]);

    await as(app, 'opa');
    const seen = await call(app, 'notes.list', { personId: ids.woman });
    expect(seen.map((n) => n.body)).toEqual([NOTE]);
    // The answer carries nothing of the confidential note: not its text, nor a trace that it exists.
    expect(JSON.stringify(seen)).not.toMatch(/Riservatomarker|confidential":true/);
    app.lock();
  });

  it('an operator of another structure is refused, with nothing of the notes in the answer, and the refusal is audited', async () => {
    const app = await open();
    await as(app, 'opa');
    await call(app, 'notes.add', { personId: ids.woman, date: today, body: NOTE });
    await as(app, 'opb');
    const refused = await refusal(app, 'notes.list', { personId: ids.woman });
    expect(refused).toEqual({ code: 'FORBIDDEN', messageKey: 'errors.FORBIDDEN', fieldErrors: { personId: ['errors.FORBIDDEN'] } });
    // Same answer for a person without any note: the refusal does not say whether there are notes.
    expect(await refusal(app, 'notes.list', { personId: ids.other })).toEqual(refused);
    expect((await refusal(app, 'notes.add', { personId: ids.woman, date: today, body: 'tentativo' })).code).toBe('FORBIDDEN');
    expect(refusedReads(app, ids.woman)).toBe(2);
    expect(registerDb(app).select().from(t.caseNotes).all().map((n) => n.body)).toEqual([NOTE]);
    app.lock();
  });

  it('notes of a restricted person need a recent reveal, for every role; after it they are read', async () => {
    const app = await open();
    await call(app, 'persons.reveal', { id: ids.hidden, reason: 'colloquio' });
    await call(app, 'notes.add', { personId: ids.hidden, date: today, body: RESTRICTED_NOTE });
    expect((await call(app, 'notes.list', { personId: ids.hidden })).map((n) => n.body)).toEqual([RESTRICTED_NOTE]);
    for (const username of ['opa', 'coord']) {
      await as(app, username);
      const refused = await refusal(app, 'notes.list', { personId: ids.hidden });
      expect(refused, username).toEqual({ code: 'FORBIDDEN', messageKey: 'errors.FORBIDDEN', fieldErrors: { personId: ['errors.FORBIDDEN'] } });
      expect(JSON.stringify(refused)).not.toContain('Protettamarker');
    }
    await as(app, 'opa');
    expect((await refusal(app, 'notes.add', { personId: ids.hidden, date: today, body: 'x' })).code).toBe('FORBIDDEN');
    await call(app, 'persons.reveal', { id: ids.hidden, reason: 'aggiornamento del percorso' });
    expect((await call(app, 'notes.list', { personId: ids.hidden })).map((n) => n.body)).toEqual([RESTRICTED_NOTE]);
    // Another structure's operator is refused even after revealing the name.
    await as(app, 'opb');
    await call(app, 'persons.reveal', { id: ids.hidden, reason: 'verifica' });
    expect((await refusal(app, 'notes.list', { personId: ids.hidden })).code).toBe('FORBIDDEN');
    app.lock();
  });

  it('keeps note text out of every list and of the audit log', async () => {
    const app = await open();
    await as(app, 'opa');
    await call(app, 'notes.add', { personId: ids.woman, date: today, body: NOTE });
    await call(app, 'interventions.add', { personIds: [ids.woman], date: today, area: 'health', type: 'health_accompaniment', staffUserId: ids.users.opa, minutes: 60 });
    const lists = JSON.stringify([
      await call(app, 'pathway.get', { personId: ids.woman }),
      await call(app, 'interventions.list', { from: entry, to: today }),
      await call(app, 'persons.search', { query: '', limit: 50 }),
      await call(app, 'persons.get', { id: ids.woman }),
      await call(app, 'pathway.reminders', { date: today }),
    ]);
    expect(lists).not.toContain('Segretomarker');
    const audit = JSON.stringify(registerDb(app).select().from(t.auditEvents).all());
    expect(audit).not.toContain('Segretomarker');
    expect(audit).toContain('"note.create"');
    app.lock();
  });
});

describe('plans, goals and reviews', () => {
  it('keeps one plan per stay, goals by area with status and reason, and the history in reviews', async () => {
    const app = await open();
    const plan = await call(app, 'plans.save', { stayId: ids.womanStay, agreedOn: addDays(entry, 3), reviewDue: addDays(entry, 93) });
    expect(await call(app, 'plans.save', { stayId: ids.womanStay, agreedOn: addDays(entry, 4), reviewDue: addDays(entry, 93) })).toMatchObject({ id: plan.id, agreedOn: addDays(entry, 4) });
    await call(app, 'goals.add', { planId: plan.id, area: 'italian_language', description: 'Livello A2', targetDate: addDays(entry, 50) });
    await call(app, 'goals.add', { planId: plan.id, area: 'work_training', description: 'Tirocinio', targetDate: addDays(entry, 200) });
    const three = await call(app, 'goals.add', { planId: plan.id, area: 'housing', description: 'Casa', targetDate: null });
    const [lang, work] = three.goals;
    await call(app, 'goals.setStatus', { goalId: lang!.id, status: 'reached', date: addDays(entry, 40) });
    expect((await refusal(app, 'goals.setStatus', { goalId: work!.id, status: 'dropped', date: today })).fieldErrors).toEqual({ dropReason: ['validation.dropReason'] });
    await call(app, 'plans.review', { planId: plan.id, reviewedOn: addDays(entry, 45), summary: 'Prima verifica', nextReview: addDays(entry, 135) });
    const after = await call(app, 'goals.setStatus', { goalId: work!.id, status: 'dropped', date: today, dropReason: 'Ha trovato lavoro da sola' });
    expect(after.goals.map((g) => [g.area, g.status, g.dropReason])).toEqual([
      ['italian_language', 'reached', null], ['work_training', 'dropped', 'Ha trovato lavoro da sola'], ['housing', 'open', null],
    ]);
    // The review kept the goals as they stood then: the work goal was still open.
    expect(after.reviews[0]!.goals.map((g) => g.status)).toEqual(['reached', 'open', 'open']);
    expect(after.reviewDue).toBe(addDays(entry, 135));
    expect((await refusal(app, 'plans.review', { planId: plan.id, reviewedOn: addDays(today, 1) })).code).toBe('INVALID_PERIOD');
    expect((await refusal(app, 'goals.add', { planId: plan.id, area: 'health', description: 'x', targetDate: addDays(entry, -10) })).fieldErrors).toEqual({ targetDate: ['errors.INVALID_PERIOD'] });
    const pathway = await call(app, 'pathway.get', { personId: ids.woman });
    expect(pathway.stays.map((s) => s.plan?.id)).toEqual([plan.id]);
    app.lock();
  });

  it('reminds the structure’s staff of reviews due and goals past their target, and no one else', async () => {
    const app = await open();
    const plan = await call(app, 'plans.save', { stayId: ids.womanStay, agreedOn: entry, reviewDue: addDays(today, 3) });
    await call(app, 'goals.add', { planId: plan.id, area: 'health', description: 'Medico di base', targetDate: addDays(today, -2) });
    const other = await call(app, 'plans.save', { stayId: ids.otherStay, agreedOn: entry, reviewDue: addDays(today, 30) });
    await call(app, 'goals.add', { planId: other.id, area: 'health', description: 'Più avanti', targetDate: addDays(today, 10) });
    await as(app, 'opa');
    const seen = await call(app, 'pathway.reminders', { date: today });
    expect(seen.reviewsDue.map((r) => [r.personId, r.date])).toEqual([[ids.woman, addDays(today, 3)]]);
    expect(seen.goalsPastTarget.map((r) => [r.personId, r.area])).toEqual([[ids.woman, 'health']]);
    await as(app, 'opb');
    expect(await call(app, 'pathway.reminders', { date: today })).toEqual({ reviewsDue: [], goalsPastTarget: [] });
    await as(app, 'coord');
    expect((await call(app, 'pathway.reminders', { date: today })).reviewsDue).toHaveLength(1);
    app.lock();
  });
});

describe('interventions, the services register and the figures', () => {
  it('records a group activity once for everyone, all or nothing, and counts it per type in the register and the figures', async () => {
    const app = await open();
    const plan = await call(app, 'plans.save', { stayId: ids.womanStay, agreedOn: entry, reviewDue: null });
    const withGoal = await call(app, 'goals.add', { planId: plan.id, area: 'italian_language', description: 'A2', targetDate: null });
    const lesson = await call(app, 'interventions.add', {
      personIds: [ids.woman, ids.other, ids.hidden], date: addDays(today, -1), area: 'italian_language', type: 'italian_course', provider: 'CPIA 1', minutes: 120,
    });
    expect(lesson.ids).toHaveLength(3);
    expect(lesson.groupId).toBe(1);
    await call(app, 'interventions.add', {
      personIds: [ids.woman], date: today, area: 'italian_language', type: 'cultural_mediation', staffUserId: ids.users.opa, minutes: 45, goalId: withGoal.goals[0]!.id,
    });
    const before = registerDb(app).select().from(t.interventions).all().length;
    // One person not in the programme that day: nothing is written for anyone.
    expect((await refusal(app, 'interventions.add', {
      personIds: [ids.woman, ids.other], date: addDays(entry, -5), area: 'health', type: 'health_accompaniment', provider: 'ASL', minutes: 30,
    })).fieldErrors).toEqual({ personIds: ['errors.NO_STAY_ON_DATE'] });
    expect((await refusal(app, 'interventions.add', { personIds: [ids.other], date: today, area: 'health', type: 'other', minutes: 30, provider: 'x', goalId: withGoal.goals[0]!.id })).code).toBe('GOAL_NOT_IN_PLAN');
    expect((await refusal(app, 'interventions.add', { personIds: [ids.other], date: today, area: 'health', type: 'other', minutes: 0 })).fieldErrors)
      .toEqual({ minutes: ['validation.minutes'], provider: ['validation.deliveredBy'] });
    expect(registerDb(app).select().from(t.interventions).all()).toHaveLength(before);

    const month = await call(app, 'interventions.list', { from: addDays(today, -30), to: today });
    expect(month).toMatchObject({ total: 4, minutes: 3 * 120 + 45, persons: 3 });
    expect(month.byType).toEqual([{ type: 'cultural_mediation', count: 1, minutes: 45 }, { type: 'italian_course', count: 3, minutes: 360 }]);
    // The restricted woman appears by code only.
    expect(month.rows.find((r) => r.personId === ids.hidden)!.displayName).toBeNull();
    const filtered = await call(app, 'interventions.list', { from: addDays(today, -30), to: today, staffUserId: ids.users.opa });
    expect(filtered.rows.map((r) => r.type)).toEqual(['cultural_mediation']);
    expect((await call(app, 'interventions.list', { from: today, to: today, structureId: ids.b })).total).toBe(0);

    await call(app, 'goals.setStatus', { goalId: withGoal.goals[0]!.id, status: 'reached', date: today });
    const figures = await call(app, 'pathway.figures', { from: addDays(today, -30), to: today });
    expect(figures.total).toMatchObject({ interventions: 4, minutes: 405, personsReached: 3, goalsReached: 1 });
    expect(figures.total.byType.italian_course).toEqual({ count: 3, minutes: 360 });
    expect(figures.total.byArea.italian_language).toEqual({ count: 4, minutes: 405 });
    expect(figures.byStructure.map((s) => [s.structureId, s.interventions, s.goalsReached])).toEqual([[ids.a, 4, 1]]);
    expect(figures.byStructureType.map((s) => s.type)).toEqual(['shelter']);
    expect(figures.byPartner).toHaveLength(1);
    await as(app, 'opa');
    expect((await refusal(app, 'pathway.figures', { from: today, to: today })).code).toBe('FORBIDDEN');
    app.lock();
  });
});

describe('host families', () => {
  it('keeps vettings with the renewal due and placement agreements, for host-family structures only', async () => {
    const app = await open();
    const vetted = await call(app, 'hostFamily.addVetting', {
      structureId: ids.hf, vettedOn: addDays(today, -300), outcome: 'approved', vettedBy: 'Assistente sociale Rossi', renewalDue: addDays(today, 65),
    });
    expect(vetted.vettings.map((v) => [v.outcome, v.renewalDue])).toEqual([['approved', addDays(today, 65)]]);
    const agreed = await call(app, 'hostFamily.saveAgreement', {
      structureId: ids.hf, personId: ids.woman, signedOn: today, startDate: today, endDate: addDays(today, 180), conditions: 'Contributo spese mensile',
    });
    expect(agreed.agreements.map((a) => [a.personId, a.endDate])).toEqual([[ids.woman, addDays(today, 180)]]);
    expect((await refusal(app, 'hostFamily.get', { structureId: ids.a })).code).toBe('NOT_HOST_FAMILY');
    expect((await refusal(app, 'hostFamily.saveAgreement', { structureId: ids.hf, personId: ids.woman, signedOn: today, startDate: today, endDate: addDays(today, -1) })).fieldErrors)
      .toEqual({ endDate: ['errors.INVALID_PERIOD'] });
    await as(app, 'opa');
    expect((await refusal(app, 'hostFamily.addVetting', { structureId: ids.hf, vettedOn: today, outcome: 'approved', vettedBy: 'x' })).code).toBe('FORBIDDEN');
    expect((await call(app, 'hostFamily.get', { structureId: ids.hf })).vettings).toHaveLength(1);
    app.lock();
  });
});

describe('who works where', () => {
  it('admins and coordinators assign staff to structures; operators cannot', async () => {
    const app = await open();
    expect((await call(app, 'structures.staff', { structureId: ids.a })).assigned).toEqual([ids.users.opa]);
    expect((await call(app, 'structures.setStaff', { structureId: ids.a, userIds: [ids.users.opa!, ids.users.opb!] })).assigned).toEqual([ids.users.opa, ids.users.opb]);
    const last = registerDb(app).select().from(t.auditEvents).orderBy(sql`${t.auditEvents.id} desc`).limit(1).get()!;
    expect(last).toMatchObject({ action: 'structure.staff', recordId: String(ids.a), fields: JSON.stringify([`+user:${ids.users.opb}`]) });
    await as(app, 'opb');
    // Now in structure A too: she reads the woman's notes.
    expect(await call(app, 'notes.list', { personId: ids.woman })).toEqual([]);
    expect((await refusal(app, 'structures.setStaff', { structureId: ids.a, userIds: [] })).code).toBe('FORBIDDEN');
    expect(registerDb(app).select().from(t.staffStructures).where(eq(t.staffStructures.structureId, ids.a)).all()).toHaveLength(2);
    app.lock();
  });
});
