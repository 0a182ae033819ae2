// Partners, structures, rooms, places, out-of-service periods, the bed board and the Today page, through
// the real dispatcher on a real encrypted register.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { ADMIN, call, cleanupDirs, copyOf, core, login, makeTemplate, refusal, type Template } from './helpers';
import type { AppCore } from '../../electron/core/app';
import { addDays, todayInRome } from '../../electron/shared/dates';
import {
  auditEvents, partners, persons, placeOutOfService, placements, places, referrals, rooms, stays, structures,
} from '../../electron/core/db/schema';

let template: Template;
beforeAll(async () => {
  template = await makeTemplate();
});
afterAll(cleanupDirs);

const T = todayInRome();
const day = (n: number) => addDays(T, n);

async function adminApp(): Promise<AppCore> {
  const app = core(copyOf(template));
  await login(app, ADMIN.username, ADMIN.passphrase);
  return app;
}

const db = (app: AppCore) => app.session.current!.conn.db;

/** Every row of the tables these channels touch, and the audit log: equal before and after = nothing written. */
function registerState(app: AppCore) {
  const d = db(app);
  return {
    partners: d.select().from(partners).orderBy(asc(partners.id)).all(),
    structures: d.select().from(structures).orderBy(asc(structures.id)).all(),
    rooms: d.select().from(rooms).orderBy(asc(rooms.id)).all(),
    places: d.select().from(places).orderBy(asc(places.id)).all(),
    outOfService: d.select().from(placeOutOfService).orderBy(asc(placeOutOfService.id)).all(),
    audit: d.select().from(auditEvents).orderBy(asc(auditEvents.id)).all(),
  };
}

/** Expects a refusal with `code` (and the field it names), and that the register is unchanged. */
async function refusedUnchanged(app: AppCore, channel: string, input: unknown, code: string, field?: string) {
  const before = registerState(app);
  const error = await refusal(app, channel, input);
  expect(error.code).toBe(code);
  if (field) expect(error.fieldErrors?.[field]).toEqual([`errors.${code}`]);
  expect(registerState(app)).toEqual(before);
  return error;
}

const lastAudit = (app: AppCore) => registerState(app).audit.at(-1)!;

const structureInput = {
  name: 'Casa Aurora', type: 'shelter' as const, address: 'Via Segreta 7, Torino',
  womenOnly: true, childrenAllowed: true, accessible: false, lgbtSafe: false, languages: ['it', 'fr'],
};

/** A partner with one structure, one room and the given places (all active from 2020). */
async function structureWith(app: AppCore, labels: Array<{ label: string; kind?: 'bed' | 'cot'; room?: string }>, name = 'Casa Aurora') {
  const partner = (await call(app, 'partners.list', {})).find((p) => p.name === 'Associazione Approdo')
    ?? await call(app, 'partners.save', { name: 'Associazione Approdo' });
  let detail = await call(app, 'structures.save', { ...structureInput, name, partnerId: partner.id });
  for (const roomName of [...new Set(labels.map((l) => l.room ?? 'Stanza 1'))]) {
    detail = await call(app, 'rooms.save', { structureId: detail.id, name: roomName });
  }
  for (const { label, kind = 'bed', room = 'Stanza 1' } of labels) {
    const roomId = detail.roomList.find((r) => r.name === room)!.id;
    detail = await call(app, 'places.save', { roomId, label, kind, activeFrom: '2020-01-01' });
  }
  const placeId = (label: string) => detail.roomList.flatMap((r) => r.places).find((p) => p.label === label)!.id;
  return { partner, detail, placeId };
}

let personSeq = 0;
interface Guest {
  placeId: number;
  start: string;
  end?: string | null;
  name?: string;
  restricted?: boolean;
  entry?: string;
  exit?: string | null;
  plannedEnd?: string | null;
  permitExpiry?: string | null;
}

/** Writes a person, a stay and a placement directly (the stays services are another feature's). */
function placeGuest(app: AppCore, guest: Guest) {
  personSeq += 1;
  const code = `AP-TEST-${String(personSeq).padStart(4, '0')}`;
  return db(app).transaction((tx) => {
    const person = tx.insert(persons).values({
      code, displayName: guest.name ?? `Ospite ${personSeq}`, gender: 'female', restricted: guest.restricted ?? false,
      permitExpiry: guest.permitExpiry ?? null, searchText: code.toLowerCase(), nameKey: code.toLowerCase(), createdAt: new Date().toISOString(),
    }).returning().get();
    const stay = tx.insert(stays).values({
      personId: person.id, entryDate: guest.entry ?? guest.start, exitDate: guest.exit === undefined ? guest.end ?? null : guest.exit,
      plannedEnd: guest.plannedEnd ?? null, createdAt: new Date().toISOString(),
    }).returning().get();
    const placement = tx.insert(placements).values({
      stayId: stay.id, personId: person.id, placeId: guest.placeId, startDate: guest.start, endDate: guest.end ?? null,
    }).returning().get();
    return { person, stay, placement };
  });
}

describe('partners', () => {
  it('refuses a second partner with the same name, whatever its case, and writes nothing', async () => {
    const app = await adminApp();
    await call(app, 'partners.save', { name: 'Casa delle Donne' });
    await refusedUnchanged(app, 'partners.save', { name: 'casa delle donne' }, 'NAME_TAKEN', 'name');
    const other = await call(app, 'partners.save', { name: 'Altra Associazione' });
    await refusedUnchanged(app, 'partners.save', { id: other.id, name: 'CASA DELLE DONNE' }, 'NAME_TAKEN', 'name');
    app.lock();
  });

  it('deactivates instead of deleting, auditing only the changed field', async () => {
    const app = await adminApp();
    const created = await call(app, 'partners.save', { name: 'Casa delle Donne' });
    expect(lastAudit(app)).toMatchObject({ action: 'partner.create', recordId: String(created.id), fields: JSON.stringify(['active', 'name']) });
    const deactivated = await call(app, 'partners.save', { id: created.id, name: 'Casa delle Donne', active: false });
    expect(deactivated).toEqual({ id: created.id, name: 'Casa delle Donne', active: false });
    expect(lastAudit(app)).toMatchObject({ action: 'partner.update', fields: JSON.stringify(['active']) });
    expect(await call(app, 'partners.list', {})).toEqual([deactivated]);
    app.lock();
  });
});

describe('structures', () => {
  it('never puts the address in the list', async () => {
    const app = await adminApp();
    await structureWith(app, [{ label: 'Letto 1' }]);
    const [row] = await call(app, 'structures.list', {});
    expect(row).not.toHaveProperty('address');
    expect(JSON.stringify(row)).not.toContain('Via Segreta');
    app.lock();
  });

  it('shows the address to an admin but hides it from an operator', async () => {
    const app = await adminApp();
    const { detail } = await structureWith(app, [{ label: 'Letto 1' }]);
    expect(await call(app, 'structures.get', { id: detail.id })).toMatchObject({ address: 'Via Segreta 7, Torino', addressHidden: false });
    const desk = { username: 'sportello', displayName: 'Sportello', role: 'operator' as const, passphrase: 'first desk passphrase' };
    await call(app, 'users.create', { ...desk, passphraseRepeat: desk.passphrase });
    app.lock();
    const state = await login(app, desk.username, desk.passphrase);
    expect(state.mustChangePassphrase).toBe(true);
    await call(app, 'account.changePassphrase', { current: desk.passphrase, passphrase: 'my own desk passphrase', passphraseRepeat: 'my own desk passphrase' });
    const seen = await call(app, 'structures.get', { id: detail.id });
    expect(seen).toMatchObject({ address: null, addressHidden: true, name: 'Casa Aurora' });
    expect(JSON.stringify(seen)).not.toContain('Via Segreta');
    expect((await refusal(app, 'structures.save', { ...structureInput, id: detail.id, partnerId: detail.partnerId })).code).toBe('FORBIDDEN');
    app.lock();
  });

  it('audits an edit with the names of the changed fields, never their values', async () => {
    const app = await adminApp();
    const { detail } = await structureWith(app, [{ label: 'Letto 1' }]);
    await call(app, 'structures.save', { ...structureInput, id: detail.id, partnerId: detail.partnerId, address: 'Corso Nuovo 1', womenOnly: false });
    const event = lastAudit(app);
    expect(event).toMatchObject({ action: 'structure.update', entity: 'structure', recordId: String(detail.id), fields: JSON.stringify(['address', 'womenOnly']) });
    expect(JSON.stringify(registerState(app).audit)).not.toMatch(/Corso Nuovo|Via Segreta/);
    app.lock();
  });

  it('refuses a structure for a partner that does not exist, and a duplicate name for the same partner', async () => {
    const app = await adminApp();
    const { partner } = await structureWith(app, [{ label: 'Letto 1' }]);
    await refusedUnchanged(app, 'structures.save', { ...structureInput, name: 'Altra', partnerId: 999 }, 'NOT_FOUND', 'partnerId');
    await refusedUnchanged(app, 'structures.save', { ...structureInput, name: 'CASA AURORA', partnerId: partner.id }, 'NAME_TAKEN', 'name');
    app.lock();
  });

  it('refuses to deactivate a room or structure while someone is placed there tonight or later', async () => {
    const app = await adminApp();
    const { detail, placeId } = await structureWith(app, [{ label: 'Letto 1' }]);
    placeGuest(app, { placeId: placeId('Letto 1'), start: day(-3), end: day(2) });
    const room = detail.roomList[0]!;
    await refusedUnchanged(app, 'rooms.save', { id: room.id, structureId: detail.id, name: room.name, active: false }, 'PLACE_OCCUPIED', 'active');
    await refusedUnchanged(app, 'structures.save', { ...structureInput, id: detail.id, partnerId: detail.partnerId, active: false }, 'PLACE_OCCUPIED', 'active');
    app.lock();
  });

  it('counts rooms, places, out-of-service, occupied and free places for tonight', async () => {
    const app = await adminApp();
    const { detail, placeId } = await structureWith(app, [
      { label: 'Letto 1' }, { label: 'Letto 2' }, { label: 'Letto 3' }, { label: 'Culla 4', kind: 'cot', room: 'Stanza 2' },
      { label: 'Letto 5', room: 'Stanza 2' }, { label: 'Letto 6', room: 'Stanza 2' },
    ]);
    placeGuest(app, { placeId: placeId('Letto 1'), start: day(-5) }); // open: occupied tonight
    await call(app, 'places.addOutOfService', { placeId: placeId('Letto 2'), reason: 'Materasso', fromDate: day(-1), toDate: day(1) });
    placeGuest(app, { placeId: placeId('Letto 3'), start: day(-5), end: T }); // left this morning: free tonight
    placeGuest(app, { placeId: placeId('Culla 4'), start: day(1), end: day(4) }); // arrives tomorrow: free tonight
    const room2 = detail.roomList.find((r) => r.name === 'Stanza 2')!.id;
    await call(app, 'places.save', { id: placeId('Letto 5'), roomId: room2, label: 'Letto 5', kind: 'bed', activeFrom: day(1) }); // not yet active
    await call(app, 'places.save', { id: placeId('Letto 6'), roomId: room2, label: 'Letto 6', kind: 'bed', activeFrom: '2020-01-01', activeTo: T }); // closed this morning
    const [row] = await call(app, 'structures.list', {});
    expect(row).toMatchObject({ rooms: 2, places: 4, occupiedToday: 1, outOfServiceToday: 1, freeToday: 2 });
    expect(await call(app, 'structures.get', { id: detail.id })).toMatchObject({ rooms: 2, places: 4, occupiedToday: 1, outOfServiceToday: 1, freeToday: 2 });
    app.lock();
  });

  it('leaves inactive structures out of the list unless asked for', async () => {
    const app = await adminApp();
    const { detail } = await structureWith(app, [{ label: 'Letto 1' }]);
    await call(app, 'structures.save', { ...structureInput, id: detail.id, partnerId: detail.partnerId, active: false });
    expect(await call(app, 'structures.list', {})).toEqual([]);
    expect(await call(app, 'structures.list', { includeInactive: true })).toMatchObject([{ id: detail.id, active: false, places: 0, freeToday: 0 }]);
    app.lock();
  });
});

describe('places', () => {
  it('refuses an active period that ends on or before its start, and writes nothing', async () => {
    const app = await adminApp();
    const { detail, placeId } = await structureWith(app, [{ label: 'Letto 1' }]);
    const roomId = detail.roomList[0]!.id;
    await refusedUnchanged(app, 'places.save', { roomId, label: 'Letto 2', kind: 'bed', activeFrom: '2026-03-01', activeTo: '2026-03-01' }, 'INVALID_PERIOD', 'activeTo');
    await refusedUnchanged(app, 'places.save', { id: placeId('Letto 1'), roomId, label: 'Letto 1', kind: 'bed', activeFrom: '2026-03-01', activeTo: '2026-02-01' }, 'INVALID_PERIOD', 'activeTo');
    app.lock();
  });

  it('refuses to shrink the active period past a placement, and writes nothing', async () => {
    const app = await adminApp();
    const { detail, placeId } = await structureWith(app, [{ label: 'Letto 1' }]);
    const roomId = detail.roomList[0]!.id;
    const bed = placeId('Letto 1');
    placeGuest(app, { placeId: bed, start: '2025-03-10', end: '2025-04-10' });
    const edit = (activeFrom: string, activeTo: string | null) => ({ id: bed, roomId, label: 'Letto 1', kind: 'bed' as const, activeFrom, activeTo });
    await refusedUnchanged(app, 'places.save', edit('2025-03-11', null), 'PLACE_NOT_ACTIVE', 'activeFrom');
    await refusedUnchanged(app, 'places.save', edit('2020-01-01', '2025-04-09'), 'PLACE_NOT_ACTIVE', 'activeTo');
    // The placement's last night is 9 April: the place may close on the 10th, and may have started on the 10th of March.
    const saved = await call(app, 'places.save', edit('2025-03-10', '2025-04-10'));
    expect(saved.roomList[0]!.places[0]).toMatchObject({ activeFrom: '2025-03-10', activeTo: '2025-04-10' });
    expect(lastAudit(app)).toMatchObject({ action: 'place.update', entity: 'place', recordId: String(bed), fields: JSON.stringify(['activeFrom', 'activeTo']) });
    app.lock();
  });

  it('refuses a second place with the same label in a room', async () => {
    const app = await adminApp();
    const { detail } = await structureWith(app, [{ label: 'Letto 1' }]);
    await refusedUnchanged(app, 'places.save', { roomId: detail.roomList[0]!.id, label: 'letto 1', kind: 'cot', activeFrom: '2026-01-01' }, 'NAME_TAKEN', 'label');
    app.lock();
  });
});

describe('out-of-service periods', () => {
  it('refuses a period that ends on or before its start, and writes nothing', async () => {
    const app = await adminApp();
    const { placeId } = await structureWith(app, [{ label: 'Letto 1' }]);
    await refusedUnchanged(app, 'places.addOutOfService', { placeId: placeId('Letto 1'), reason: 'Muffa', fromDate: '2026-05-02', toDate: '2026-05-02' }, 'INVALID_PERIOD', 'toDate');
    app.lock();
  });

  it('refuses a period over a night a guest sleeps there, and writes nothing', async () => {
    const app = await adminApp();
    const { placeId } = await structureWith(app, [{ label: 'Letto 1' }]);
    const bed = placeId('Letto 1');
    placeGuest(app, { placeId: bed, start: '2026-05-01', end: '2026-05-10' });
    await refusedUnchanged(app, 'places.addOutOfService', { placeId: bed, reason: 'Muffa', fromDate: '2026-05-09', toDate: '2026-05-12' }, 'PLACE_OCCUPIED', 'fromDate');
    await refusedUnchanged(app, 'places.addOutOfService', { placeId: bed, reason: 'Muffa', fromDate: '2026-04-20', toDate: null }, 'PLACE_OCCUPIED', 'fromDate');
    // Half-open nights: she leaves on the 10th, so from the 10th the bed may go out of service; up to the 1st it may too.
    await call(app, 'places.addOutOfService', { placeId: bed, reason: 'Muffa', fromDate: '2026-04-20', toDate: '2026-05-01' });
    const detail = await call(app, 'places.addOutOfService', { placeId: bed, reason: 'Muffa', fromDate: '2026-05-10', toDate: null });
    expect(detail.roomList[0]!.places[0]!.outOfService.map((o) => [o.fromDate, o.toDate])).toEqual([['2026-04-20', '2026-05-01'], ['2026-05-10', null]]);
    app.lock();
  });

  it('lets a manager remove a period entered by mistake, and audits it', async () => {
    const app = await adminApp();
    const { placeId } = await structureWith(app, [{ label: 'Letto 1' }]);
    const detail = await call(app, 'places.addOutOfService', { placeId: placeId('Letto 1'), reason: 'Errore', fromDate: '2026-05-01', toDate: '2026-05-03' });
    const oos = detail.roomList[0]!.places[0]!.outOfService[0]!;
    expect(lastAudit(app)).toMatchObject({ action: 'place.outOfService.add', entity: 'place_out_of_service', recordId: String(oos.id) });
    const after = await call(app, 'places.removeOutOfService', { id: oos.id });
    expect(after.roomList[0]!.places[0]!.outOfService).toEqual([]);
    expect(lastAudit(app)).toMatchObject({ action: 'place.outOfService.remove', entity: 'place_out_of_service', recordId: String(oos.id) });
    await refusedUnchanged(app, 'places.removeOutOfService', { id: oos.id }, 'NOT_FOUND');
    app.lock();
  });
});

describe('the bed board', () => {
  it('shows places in natural order, bars overlapping the range labelled by alias or by code when restricted', async () => {
    const app = await adminApp();
    const { placeId } = await structureWith(app, [{ label: 'Letto 10' }, { label: 'Letto 2' }, { label: 'Letto 1', room: 'Stanza 10' }, { label: 'Letto 1', room: 'Stanza 9' }]);
    const other = await structureWith(app, [{ label: 'Letto A' }], 'Appartamento Ciliegio');
    const from = '2026-06-01';
    const to = '2026-06-08';
    const open = placeGuest(app, { placeId: placeId('Letto 10'), start: '2026-05-20', name: 'Amina', plannedEnd: '2026-06-30' });
    const hidden = placeGuest(app, { placeId: placeId('Letto 2'), start: '2026-06-07', end: '2026-06-09', name: 'Nome Segreto', restricted: true });
    placeGuest(app, { placeId: placeId('Letto 2'), start: '2026-05-25', end: from, name: 'Uscita Prima' }); // last night 31 May
    placeGuest(app, { placeId: other.placeId('Letto A'), start: to, name: 'Arriva Dopo' }); // first night 8 June
    await call(app, 'places.addOutOfService', { placeId: other.placeId('Letto A'), reason: 'Lavori', fromDate: '2026-06-03', toDate: '2026-06-05' });

    const board = await call(app, 'board.get', { from, to });
    expect(board.places.map((p) => `${p.structureName} › ${p.roomName} › ${p.label}`)).toEqual([
      'Appartamento Ciliegio › Stanza 1 › Letto A',
      'Casa Aurora › Stanza 1 › Letto 2',
      'Casa Aurora › Stanza 1 › Letto 10',
      'Casa Aurora › Stanza 9 › Letto 1',
      'Casa Aurora › Stanza 10 › Letto 1',
    ]);
    expect(board.bars.map((b) => b.label).sort()).toEqual(['Amina', hidden.person.code].sort());
    expect(JSON.stringify(board)).not.toContain('Nome Segreto');
    expect(board.bars.find((b) => b.label === 'Amina')).toEqual({
      placementId: open.placement.id, placeId: placeId('Letto 10'), personId: open.person.id, stayId: open.stay.id,
      label: 'Amina', startDate: '2026-05-20', endDate: null, plannedEnd: '2026-06-30',
    });
    expect(board.outOfService).toMatchObject([{ placeId: other.placeId('Letto A'), fromDate: '2026-06-03', toDate: '2026-06-05' }]);

    const one = await call(app, 'board.get', { from, to, structureId: other.detail.id });
    expect(one.places.map((p) => p.label)).toEqual(['Letto A']);
    expect(one.bars).toEqual([]);
    expect(one.outOfService).toHaveLength(1);
    app.lock();
  });

  it('leaves a deactivated room off the board, except where it has placements in the range', async () => {
    const app = await adminApp();
    const { detail, placeId } = await structureWith(app, [{ label: 'Letto 1' }, { label: 'Letto 2', room: 'Stanza 2' }, { label: 'Letto 3', room: 'Stanza 3' }]);
    placeGuest(app, { placeId: placeId('Letto 2'), start: '2026-01-01', end: '2026-01-20' });
    for (const name of ['Stanza 2', 'Stanza 3']) {
      await call(app, 'rooms.save', { id: detail.roomList.find((r) => r.name === name)!.id, structureId: detail.id, name, active: false });
    }
    expect((await call(app, 'board.get', { from: '2026-01-01', to: '2026-02-01' })).places.map((p) => p.label)).toEqual(['Letto 1', 'Letto 2']);
    expect((await call(app, 'board.get', { from: '2026-02-01', to: '2026-03-01' })).places.map((p) => p.label)).toEqual(['Letto 1']);
    app.lock();
  });

  // Its speed (≤ 100 ms for this month) is measured by `npm run bench` on the reference register, not here: a test
  // on a shared machine cannot tell a slow query from a busy scheduler.
  it('answers a month of a reference-size register (600 places, 60,000 placements) with every place and every bar', async () => {
    const app = await adminApp();
    const { sqlite } = app.session.current!.conn;
    sqlite.transaction(() => {
      sqlite.prepare("INSERT INTO partners (id, name, created_at) VALUES (1, 'Partner', 'x')").run();
      const structure = sqlite.prepare("INSERT INTO structures (id, partner_id, name, type, created_at) VALUES (?, 1, ?, 'shelter', 'x')");
      const room = sqlite.prepare('INSERT INTO rooms (id, structure_id, name) VALUES (?, ?, ?)');
      const place = sqlite.prepare("INSERT INTO places (id, room_id, label, kind, active_from) VALUES (?, ?, ?, 'bed', '2021-01-01')");
      for (let s = 1; s <= 60; s += 1) {
        structure.run(s, `Struttura ${s}`);
        for (let r = 1; r <= 5; r += 1) {
          room.run((s - 1) * 5 + r, s, `Stanza ${r}`);
          for (let k = 1; k <= 2; k += 1) place.run(((s - 1) * 5 + r - 1) * 2 + k, (s - 1) * 5 + r, `Letto ${k}`);
        }
      }
      const person = sqlite.prepare("INSERT INTO persons (id, code, display_name, gender, restricted, search_text, name_key, created_at) VALUES (?, ?, ?, 'female', ?, '', '', 'x')");
      for (let i = 1; i <= 25_000; i += 1) person.run(i, `AP-${i}`, `Ospite ${i}`, i % 10 === 0 ? 1 : 0);
      const stay = sqlite.prepare("INSERT INTO stays (id, person_id, entry_date, exit_date, created_at) VALUES (?, ?, '2021-01-01', NULL, 'x')");
      for (let i = 1; i <= 40_000; i += 1) stay.run(i, ((i - 1) % 25_000) + 1);
      // 100 back-to-back placements of 19 nights per place: 600 × 100 over five years and a bit.
      const placement = sqlite.prepare('INSERT INTO placements (stay_id, person_id, place_id, start_date, end_date) VALUES (?, ?, ?, ?, ?)');
      let n = 0;
      for (let p = 1; p <= 600; p += 1) {
        for (let k = 0; k < 100; k += 1) {
          n += 1;
          const start = addDays('2021-01-01', k * 19);
          placement.run(((n - 1) % 40_000) + 1, ((n - 1) % 25_000) + 1, p, start, k === 99 ? null : addDays(start, 19));
        }
      }
    })();
    const board = await call(app, 'board.get', { from: '2023-06-01', to: '2023-07-01' });
    expect(board.places).toHaveLength(600);
    expect(board.bars.length).toBeGreaterThanOrEqual(1200);
    app.lock();
  });

  it('refuses a range that ends on or before its start', async () => {
    const app = await adminApp();
    expect(await refusal(app, 'board.get', { from: '2026-06-08', to: '2026-06-08' })).toMatchObject({ code: 'INVALID_PERIOD', fieldErrors: { to: ['errors.INVALID_PERIOD'] } });
    app.lock();
  });
});

describe('the Today page', () => {
  it('lists free places, arrivals, planned exits, overdue stays, expiring permits and waiting referrals', async () => {
    const app = await adminApp();
    const { placeId } = await structureWith(app, [
      { label: 'Letto 1' }, { label: 'Letto 2' }, { label: 'Letto 3' }, { label: 'Letto 4' }, { label: 'Culla 1', kind: 'cot' }, { label: 'Culla 2', kind: 'cot' },
    ]);
    const arriving = placeGuest(app, { placeId: placeId('Letto 1'), start: T, plannedEnd: day(90), name: 'Arriva Oggi' });
    const nextWeek = placeGuest(app, { placeId: placeId('Letto 2'), start: day(6), plannedEnd: day(60) });
    placeGuest(app, { placeId: placeId('Culla 2'), start: day(7) }); // beyond the week (today and the next six days)
    const leaving = placeGuest(app, { placeId: placeId('Letto 3'), start: day(-20), plannedEnd: T, restricted: true, name: 'Nome Segreto', permitExpiry: day(-3) });
    const leavingSoon = placeGuest(app, { placeId: placeId('Letto 4'), start: day(-20), plannedEnd: day(3), permitExpiry: day(45) });
    const late = placeGuest(app, { placeId: placeId('Culla 1'), start: day(-40), plannedEnd: day(-1), permitExpiry: day(30) });
    placeGuest(app, { placeId: placeId('Culla 2'), start: day(-60), end: day(-10), plannedEnd: day(-12), permitExpiry: day(5) }); // discharged: in no list
    const receivedAt = new Date(Date.now() - 5 * 3_600_000).toISOString();
    db(app).insert(referrals).values([
      { receivedAt, source: 'social_services', people: 3, urgency: 'high' },
      { receivedAt, source: 'police', people: 1, outcome: 'placed' },
    ]).run();

    const today = await call(app, 'today.get', { date: T });
    // Tonight: Letto 1 (arrival), Letto 3 and 4 and Culla 1 are taken; Letto 2 and Culla 2 are free.
    expect(today.freeByStructure).toEqual([{ structureId: expect.any(Number), name: 'Casa Aurora', type: 'shelter', womenOnly: true, childrenAllowed: true, free: 2, freeBeds: 1, freeCots: 1, total: 6 }]);
    expect(today.arrivalsToday).toEqual([{ personId: arriving.person.id, code: arriving.person.code, label: 'Arriva Oggi', date: T, structureName: 'Casa Aurora', stayId: arriving.stay.id }]);
    // The week holds today: its counts are never below today's.
    expect(today.arrivalsWeek.map((r) => r.personId)).toEqual([arriving.person.id, nextWeek.person.id]);
    expect(today.plannedExitsToday).toEqual([{ personId: leaving.person.id, code: leaving.person.code, label: leaving.person.code, date: T, structureName: 'Casa Aurora', stayId: leaving.stay.id }]);
    expect(today.plannedExitsWeek.map((r) => r.personId)).toEqual([leaving.person.id, leavingSoon.person.id]);
    expect(today.overdue.map((r) => [r.personId, r.date])).toEqual([[late.person.id, day(-1)]]);
    expect(today.permitsExpiring30.map((r) => [r.personId, r.date])).toEqual([[leaving.person.id, day(-3)], [late.person.id, day(30)]]);
    expect(today.permitsExpiring60.map((r) => r.personId)).toEqual([leaving.person.id, late.person.id, leavingSoon.person.id]);
    expect(today.pendingReferrals).toHaveLength(1);
    expect(today.pendingReferrals[0]).toMatchObject({ source: 'social_services', people: 3, urgency: 'high' });
    expect(today.pendingReferrals[0]!.waitingHours).toBeGreaterThanOrEqual(4.9);
    expect(today.pendingReferrals[0]!.waitingHours).toBeLessThan(6);
    expect(JSON.stringify(today)).not.toContain('Nome Segreto');
    app.lock();
  });
});
