// When entries, exits and placements were recorded (docs/summary.md › Timeliness): migration 0008 fills the
// new columns of an older register from its audit log, and every service that sets a date stamps it with
// the session's clock.
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../electron/core/audit';
import { placements, stays } from '../../electron/core/db/schema';
import { ADMIN, MIGRATIONS, call, cleanupDirs, copyOf, core, login, makeTemplate, setUpRegister, tempDir } from './helpers';
import { buildRegister, registerDb } from './register-fixtures';

afterAll(cleanupDirs);

/** The migrations as they were before 0008: a register made with them is a register of the previous release. */
function migrationsUpTo(last: number): string {
  const folder = tempDir();
  cpSync(MIGRATIONS, folder, { recursive: true });
  const path = join(folder, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(path, 'utf8')) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= last);
  writeFileSync(path, JSON.stringify(journal));
  return folder;
}

const columns = (sqlite: import('better-sqlite3').Database, table: string) =>
  (sqlite.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name);

describe('migration 0008', () => {
  it('fills when exits and placements were recorded from the audit log, else from the stay’s creation', async () => {
    const dir = tempDir();
    const old = core(dir, { migrationsFolder: migrationsUpTo(7) });
    await setUpRegister(old);
    const { sqlite } = old.session.open().conn;
    const db = registerDb(old);
    expect(columns(sqlite, 'stays')).not.toContain('exit_recorded_at');
    const ids = buildRegister(db, {
      structures: [{ key: 's', places: [{ key: 'a' }, { key: 'b' }] }],
      persons: [{ key: 'p' }, { key: 'q' }, { key: 'r' }],
    });
    // Rows as the services of the previous release wrote them (raw: today's schema has more columns).
    const stay = sqlite.prepare('INSERT INTO stays (person_id, entry_date, exit_date, exit_reason, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id');
    const placement = sqlite.prepare('INSERT INTO placements (stay_id, person_id, place_id, start_date, end_date) VALUES (?, ?, ?, ?, ?) RETURNING id');
    const id = (row: unknown) => (row as { id: number }).id;
    const T = {
      admitted: '2026-03-02T09:15:00.000Z', moved: '2026-03-10T10:00:00.000Z', discharged: '2026-03-24T16:30:00.000Z',
      startCorrected: '2026-03-25T08:00:00.000Z', exitCorrected: '2026-03-26T08:00:00.000Z', qAdmitted: '2026-03-05T11:00:00.000Z',
    };
    const s1 = id(stay.get(ids.persons.p, '2026-03-02', '2026-03-20', 'other', T.admitted));
    const p1 = id(placement.get(s1, ids.persons.p, ids.places.a, '2026-03-02', '2026-03-10'));
    const p2 = id(placement.get(s1, ids.persons.p, ids.places.b, '2026-03-10', '2026-03-20'));
    const s2 = id(stay.get(ids.persons.q, '2026-03-05', null, null, T.qAdmitted));
    const p3 = id(placement.get(s2, ids.persons.q, ids.places.a, '2026-03-12', null));
    // An exit saved with no event of its own (example data are written in bulk under one event).
    const s3 = id(stay.get(ids.persons.r, '2026-02-01', '2026-02-10', 'other', '2026-02-01T10:00:00.000Z'));
    const p4 = id(placement.get(s3, ids.persons.r, ids.places.b, '2026-02-01', '2026-02-10'));
    const event = (at: string, action: Parameters<typeof appendAudit>[1]['action'], entity: string, recordId: number, fields: string[]) =>
      appendAudit(db, { userId: 1, action, entity, recordId, fields }, new Date(at));
    event(T.admitted, 'stay.admit', 'stay', s1, ['personId', 'entryDate']);
    event(T.admitted, 'placement.create', 'placement', p1, ['stayId', 'personId', 'placeId', 'startDate']);
    event(T.moved, 'placement.transfer', 'placement', p1, ['endDate']);
    event(T.moved, 'placement.create', 'placement', p2, ['stayId', 'personId', 'placeId', 'startDate']);
    event(T.qAdmitted, 'placement.create', 'placement', p3, ['stayId', 'personId', 'placeId', 'startDate']);
    // Decoys: a person and a placement whose ids are s1's, and a placement event naming another field.
    event(T.discharged, 'person.update', 'person', s1, ['notes']);
    event(T.discharged, 'stay.discharge', 'stay', s1, ['exitDate', 'exitReason', 'destination']);
    event(T.discharged, 'placement.close', 'placement', p2, ['endDate']);
    event(T.startCorrected, 'placement.correctDate', 'placement', p2, ['startDate']);
    event(T.exitCorrected, 'stay.correctDate', 'stay', s1, ['exitDate']);
    old.lock();
    old.shutdown();

    const app = core(dir);
    await login(app, ADMIN.username, ADMIN.passphrase);
    const now = registerDb(app);
    const stayOf = (sid: number) => now.select().from(stays).where(eq(stays.id, sid)).get()!;
    const placementOf = (pid: number) => now.select().from(placements).where(eq(placements.id, pid)).get()!;
    expect(stayOf(s1).exitRecordedAt).toBe(T.discharged); // the discharge, not the later correction
    expect(stayOf(s2).exitRecordedAt).toBeNull(); // still open
    expect(stayOf(s3).exitRecordedAt).toBe('2026-02-01T10:00:00.000Z'); // no event: the stay's creation
    expect([placementOf(p1).recordedAt, placementOf(p1).endRecordedAt]).toEqual([T.admitted, T.moved]);
    expect([placementOf(p2).recordedAt, placementOf(p2).endRecordedAt]).toEqual([T.moved, T.discharged]);
    expect([placementOf(p3).recordedAt, placementOf(p3).endRecordedAt]).toEqual([T.qAdmitted, null]);
    expect([placementOf(p4).recordedAt, placementOf(p4).endRecordedAt]).toEqual(['2026-02-01T10:00:00.000Z', '2026-02-01T10:00:00.000Z']);

    // The closed months are append-only, like the audit log.
    const { sqlite: migrated } = app.session.open().conn;
    migrated.prepare(`INSERT INTO month_closures (month, version, snapshot, sha256, closed_by, closed_at) VALUES ('2026-03', 1, '{}', 'x', 1, 'now')`).run();
    expect(() => migrated.prepare(`UPDATE month_closures SET snapshot = '{"x":1}'`).run()).toThrow(/append-only/);
    expect(() => migrated.prepare('DELETE FROM month_closures').run()).toThrow(/append-only/);
    expect(() => migrated.prepare(`INSERT INTO month_closures (month, version, snapshot, sha256, closed_by, closed_at) VALUES ('2026-03', 1, '{}', 'y', 1, 'now')`).run()).toThrow(/UNIQUE/);
    app.lock();
  });
});

describe('the services', () => {
  it('stamp entries, moves, exits and corrected ends with the session’s clock', async () => {
    let clock = new Date('2026-03-02T08:00:00.000Z');
    const app = core(copyOf(await makeTemplate()), { clock: () => clock });
    await login(app, ADMIN.username, ADMIN.passphrase);
    const db = registerDb(app);
    const ids = buildRegister(db, {
      structures: [{ key: 's', places: [{ key: 'a' }, { key: 'b' }, { key: 'c' }, { key: 'd' }] }],
      persons: [{ key: 'p' }, { key: 'q' }],
    });
    const at = (iso: string) => {
      clock = new Date(iso);
      return iso;
    };
    const stayOf = (sid: number) => db.select().from(stays).where(eq(stays.id, sid)).get()!;
    const placementOf = (pid: number) => db.select().from(placements).where(eq(placements.id, pid)).get()!;

    const admitted = at('2026-03-02T09:00:00.000Z');
    const { stayIds: [s1], placementIds: [p1] } = await call(app, 'stays.admit', { entryDate: '2026-03-01', members: [{ personId: ids.persons.p, placeId: ids.places.a }] });
    expect(stayOf(s1!)).toMatchObject({ createdAt: admitted, exitRecordedAt: null });
    expect(placementOf(p1!)).toMatchObject({ recordedAt: admitted, endRecordedAt: null });
    // A bounded placement: its end is recorded with it.
    const bounded = at('2026-03-03T09:00:00.000Z');
    const { stayIds: [s2], placementIds: [p2] } = await call(app, 'stays.admit', {
      entryDate: '2026-03-03', members: [{ personId: ids.persons.q, placeId: ids.places.c, placementEnd: '2026-03-08' }],
    });
    expect(placementOf(p2!)).toMatchObject({ recordedAt: bounded, endRecordedAt: bounded });

    const moved = at('2026-03-11T10:00:00.000Z');
    const transfer = await call(app, 'placements.transfer', { personId: ids.persons.p, date: '2026-03-10', toPlaceId: ids.places.b });
    const p1b = transfer.placementIds[1]!;
    expect(placementOf(p1!)).toMatchObject({ endDate: '2026-03-10', recordedAt: admitted, endRecordedAt: moved });
    expect(placementOf(p1b)).toMatchObject({ startDate: '2026-03-10', endDate: null, recordedAt: moved, endRecordedAt: null });
    // Going on after the bounded placement ended: a new placement, recorded now.
    const continued = at('2026-03-08T12:00:00.000Z');
    const next = await call(app, 'placements.transfer', { personId: ids.persons.q, date: '2026-03-08', toPlaceId: ids.places.d });
    expect(placementOf(next.placementIds[0]!)).toMatchObject({ recordedAt: continued, endRecordedAt: null });
    expect(placementOf(p2!).endRecordedAt).toBe(bounded);

    const discharged = at('2026-03-24T16:00:00.000Z');
    await call(app, 'stays.discharge', { stayIds: [s1!], exitDate: '2026-03-20', exitReason: 'term_expired', destination: '' });
    expect(stayOf(s1!)).toMatchObject({ exitDate: '2026-03-20', exitRecordedAt: discharged });
    expect(placementOf(p1b)).toMatchObject({ endDate: '2026-03-20', endRecordedAt: discharged });
    expect(placementOf(p1!).endRecordedAt).toBe(moved);

    // Correcting the exit: the stay keeps its discharge's time; the placement's end, moved along, is recorded anew.
    const corrected = at('2026-04-02T09:00:00.000Z');
    await call(app, 'stays.correctDate', { target: 'exit', id: s1!, date: '2026-03-19', reason: 'data sbagliata' });
    expect(stayOf(s1!)).toMatchObject({ exitDate: '2026-03-19', exitRecordedAt: discharged });
    expect(placementOf(p1b)).toMatchObject({ endDate: '2026-03-19', endRecordedAt: corrected });
    // Correcting where the move happened: both sides move; the earlier placement's end is recorded anew, the
    // later one's start keeps its recording.
    const movedAgain = at('2026-04-03T09:00:00.000Z');
    await call(app, 'stays.correctDate', { target: 'placementStart', id: p1b, date: '2026-03-09', reason: 'data sbagliata' });
    expect(placementOf(p1!)).toMatchObject({ endDate: '2026-03-09', endRecordedAt: movedAgain });
    expect(placementOf(p1b)).toMatchObject({ startDate: '2026-03-09', recordedAt: moved });
    expect(stayOf(s2!).exitRecordedAt).toBeNull();
    app.lock();
  });
});
