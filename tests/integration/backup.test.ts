// Backups, restore and damaged registers, on real encrypted registers through the dispatcher.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { ADMIN, MIGRATIONS, OPERATOR, call, cleanupDirs, copyOf, core, login, makeTemplate, refusal, snapshot, tempDir, type Template } from './helpers';
import { buildRegister, registerDb } from './register-fixtures';
import type { AppCore } from '../../electron/core/app';
import { registerPaths } from '../../electron/core/register';
import { Session } from '../../electron/core/session';
import { installSafetyNet } from '../../electron/core/backup/automatic';
import { persons } from '../../electron/core/db/schema';
import { backupFaults } from '../../electron/core/backup/backups';
import { readContainer } from '../../electron/core/backup/container';
import { backupsDirOf, quarantineDirOf } from '../../electron/core/backup/locations';
import { pageScans } from '../../electron/core/backup/damage';
import { samplePageNumbers } from '../../electron/core/backup/pages';
import { backupsToKeep, rotateBackups } from '../../electron/core/backup/rotation';
import { CopyRefused, verifyDatabaseCopy } from '../../electron/core/backup/verify';

const MARKER = 'Zebrastreifen Quokka-4711';
const PAGE = 4096;

let template: Template;
beforeAll(async () => {
  template = await makeTemplate();
});
afterEach(() => {
  backupFaults.beforeRename = null;
});
afterAll(cleanupDirs);

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const personRows = (app: AppCore) => registerDb(app).select({ code: persons.code, name: persons.displayName }).from(persons).orderBy(persons.id).all();

/** A register with a few persons, one of them named MARKER, signed in as the admin. */
async function registerWithPersons(): Promise<{ app: AppCore; dir: string }> {
  const dir = copyOf(template);
  const app = core(dir);
  await login(app, ADMIN.username, ADMIN.passphrase);
  buildRegister(registerDb(app), {
    structures: [{ key: 'shelter', places: [{ key: 'bed1' }] }],
    persons: [{ key: 'marker', displayName: MARKER }, { key: 'other' }, { key: 'third', restricted: true }],
  });
  return { app, dir };
}

function flipByte(path: string, offset: number): void {
  const bytes = readFileSync(path);
  bytes[offset] = bytes[offset]! ^ 0x5a;
  writeFileSync(path, bytes);
}

const tempFilesIn = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('.approdo-backup-'));

describe('a backup', () => {
  it('made by hand to a folder is verified, opens only with the key, and restores on a fresh installation with the recovery key', async () => {
    const { app, dir } = await registerWithPersons();
    const before = personRows(app);
    const automatic = await call(app, 'backup.run', {});
    expect(automatic.file.startsWith(backupsDirOf(registerPaths(dir)))).toBe(true);
    expect((await call(app, 'backup.list', {})).backups).toEqual([automatic]);
    const entry = await call(app, 'backup.toFolder', { folder: tempDir() });
    expect(entry).toMatchObject({ verified: true });

    // The database part is a SQLCipher file: plain SQLite cannot read it.
    const parsed = readContainer(entry.file);
    const copy = join(tempDir(), 'part.db');
    writeFileSync(copy, readFileSync(entry.file).subarray(parsed.dbOffset, parsed.dbOffset + parsed.header.dbLength));
    const plain = new Database(copy, { readonly: true });
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow();
    plain.close();
    app.lock();

    const fresh = core(join(tempDir(), 'register'));
    expect((await call(fresh, 'session.state', {})).register).toBe('absent');
    expect(await call(fresh, 'backup.restore', { kind: 'recovery', file: entry.file, recoveryKey: template.recoveryKey })).toEqual({ keptAside: false });
    expect(await call(fresh, 'session.state', {})).toMatchObject({ register: 'present', state: 'locked' });
    await call(fresh, 'session.recover', { username: ADMIN.username, recoveryKey: template.recoveryKey });
    expect(personRows(fresh)).toEqual(before);
    fresh.lock();
  });

  it('holds no clear text: the marker name is in no byte of the backup, nor of its temporary files', async () => {
    const { app } = await registerWithPersons();
    const needles = [Buffer.from(MARKER, 'utf8'), Buffer.from(MARKER, 'utf16le'), Buffer.from('Quokka', 'utf8')];
    const seen: string[] = [];
    backupFaults.beforeRename = (temp) => {
      for (const name of readdirSync(join(temp, '..'))) seen.push(join(temp, '..', name));
      const bytes = readFileSync(temp);
      for (const needle of needles) expect(bytes.includes(needle)).toBe(false);
    };
    const entry = await call(app, 'backup.run', {});
    expect(seen.length).toBeGreaterThan(0);
    const bytes = readFileSync(entry.file);
    for (const needle of needles) expect(bytes.includes(needle)).toBe(false);
    const usb = tempDir();
    const manual = await call(app, 'backup.toFolder', { folder: usb });
    for (const needle of needles) expect(readFileSync(manual.file).includes(needle)).toBe(false);
    app.lock();
  });

  it('whose database part was altered is refused, and nothing is switched', async () => {
    const { app } = await registerWithPersons();
    const entry = await call(app, 'backup.run', {});
    const parsed = readContainer(entry.file);
    const altered = join(tempDir(), 'altered.approdo-backup');
    writeFileSync(altered, readFileSync(entry.file));
    flipByte(altered, parsed.dbOffset + 3 * PAGE + 100);
    const target = join(tempDir(), 'register');
    const fresh = core(target);
    const refused = await refusal(fresh, 'backup.restore', { kind: 'passphrase', file: altered, username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(refused.code).toBe('BACKUP_INVALID');
    expect((await call(fresh, 'session.state', {})).register).toBe('absent');
    expect(readdirSync(join(target, '..')).filter((name) => name.includes('restoring'))).toEqual([]);
    // a wrong passphrase is told apart from a damaged file, and writes nothing either
    const wrong = await refusal(fresh, 'backup.restore', { kind: 'passphrase', file: entry.file, username: ADMIN.username, passphrase: 'not the passphrase' });
    expect(wrong.code).toBe('WRONG_CREDENTIALS');
    expect(readdirSync(join(target, '..')).filter((name) => name.includes('restoring'))).toEqual([]);
    app.lock();
  });

  it('whose database copy fails the page check is refused even when its checksums were recomputed', async () => {
    const { app } = await registerWithPersons();
    const key = Buffer.from(app.session.open().dataKey);
    const entry = await call(app, 'backup.run', {});
    const parsed = readContainer(entry.file);
    const copy = join(tempDir(), 'copy.db');
    writeFileSync(copy, readFileSync(entry.file).subarray(parsed.dbOffset, parsed.dbOffset + parsed.header.dbLength));
    expect(() => verifyDatabaseCopy(copy, key)).not.toThrow();
    flipByte(copy, 2 * PAGE + 10);
    expect(() => verifyDatabaseCopy(copy, key)).toThrow(CopyRefused);
    app.lock();
  });

  it('interrupted before its rename leaves the previous backup intact and no temporary file', async () => {
    const { app, dir } = await registerWithPersons();
    const first = await call(app, 'backup.run', {});
    const folder = backupsDirOf(registerPaths(dir));
    const firstHash = sha(first.file);
    // what a killed process would have left: removed by the next backup
    writeFileSync(join(folder, '.approdo-backup-deadbeef.tmp'), 'partial');
    backupFaults.beforeRename = () => {
      throw new Error('simulated crash before the rename');
    };
    expect((await refusal(app, 'backup.run', {})).code).toBe('BACKUP_FAILED');
    expect(readdirSync(folder)).toEqual([first.name]);
    expect(sha(first.file)).toBe(firstHash);
    expect(tempFilesIn(folder)).toEqual([]);
    backupFaults.beforeRename = null;
    const second = await call(app, 'backup.run', {});
    // a completed backup does replace it: the same day, rotation keeps the newest
    expect(readdirSync(folder)).toEqual([second.name]);
    app.lock();
  });

  it('is made on lock when something changed, and not again when nothing did', async () => {
    const { app, dir } = await registerWithPersons();
    const folder = backupsDirOf(registerPaths(dir));
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
    app.lock();
    expect(readdirSync(folder)).toHaveLength(1);
    await login(app, ADMIN.username, ADMIN.passphrase);
    expect(await call(app, 'backup.status', {})).toMatchObject({ stale: false });
    await call(app, 'session.lock', {});
    expect(readdirSync(folder)).toHaveLength(1);
  });
});

describe('the daily backup', () => {
  it('runs while unlocked when no automatic backup is a day old, and not again within the day', async () => {
    const session = new Session({ paths: registerPaths(join(tempDir(), 'register')), migrationsFolder: MIGRATIONS, failureDelayMs: () => 0 });
    await session.create({ username: ADMIN.username, displayName: ADMIN.displayName, passphrase: ADMIN.passphrase });
    const folder = backupsDirOf(session.paths);
    const hour = 60 * 60 * 1000;
    // A test about time: the hourly check and the clock are fake and moved by the test; the backup's own work
    // (files, SQLite) runs for real, and each check that decides to back up calls `session.exclusive` once.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const runs = vi.spyOn(session, 'exclusive');
    const detach = installSafetyNet(session, hour);
    try {
      await vi.advanceTimersByTimeAsync(hour);
      expect(runs).toHaveBeenCalledTimes(1);
      await runs.mock.results[0]!.value;
      expect(readdirSync(folder)).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(23 * hour); // 23 more checks, all less than a day after that backup
      expect(runs).toHaveBeenCalledTimes(1);
      expect(readdirSync(folder)).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(hour); // the check a full day after it backs up again
      expect(runs).toHaveBeenCalledTimes(2);
      await runs.mock.results[1]!.value;
      expect(readdirSync(folder)).toHaveLength(2);
    } finally {
      detach();
      vi.useRealTimers();
      session.lock();
    }
  });
});

describe('a manual backup to a chosen folder', () => {
  it('refuses a relative or missing folder and an operator, and is audited by file name', async () => {
    const { app } = await registerWithPersons();
    expect((await refusal(app, 'backup.toFolder', { folder: 'relative/path' })).code).toBe('BACKUP_FOLDER_INVALID');
    expect((await refusal(app, 'backup.toFolder', { folder: join(tempDir(), 'missing') })).code).toBe('BACKUP_FOLDER_INVALID');
    const usb = tempDir();
    const entry = await call(app, 'backup.toFolder', { folder: usb });
    expect(readdirSync(usb)).toEqual([entry.name]);
    const audit = await call(app, 'audit.list', { page: 1, pageSize: 5 });
    expect(audit.rows[0]).toMatchObject({ action: 'backup.export', recordId: entry.name });
    expect(JSON.stringify(audit.rows[0])).not.toContain(usb);
    expect((await call(app, 'backup.status', {})).lastVerifiedAt).toBe(entry.createdAt);
    app.lock();

    const operatorApp = core(copyOf(template));
    await login(operatorApp, OPERATOR.username, OPERATOR.passphrase);
    await call(operatorApp, 'account.changePassphrase', { current: OPERATOR.passphrase, passphrase: 'operator second passphrase', passphraseRepeat: 'operator second passphrase' });
    expect((await refusal(operatorApp, 'backup.toFolder', { folder: usb })).code).toBe('FORBIDDEN');
    expect((await call(operatorApp, 'backup.run', {})).verified).toBe(true);
    expect((await refusal(operatorApp, 'backup.restore', { kind: 'passphrase', file: entry.file, username: OPERATOR.username, passphrase: 'operator second passphrase' })).code).toBe('FORBIDDEN');
    operatorApp.lock();
  });
});

describe('restoring over the current register', () => {
  it('keeps the current register aside, never deleted, and ends locked on the restored one', async () => {
    const { app, dir } = await registerWithPersons();
    const backup = await call(app, 'backup.run', {});
    const restored = personRows(app);
    buildRegister(registerDb(app), { persons: [{ key: 'later', displayName: 'Added after the backup' }] });
    expect(await call(app, 'backup.restore', { kind: 'passphrase', file: backup.file, username: ADMIN.username, passphrase: ADMIN.passphrase })).toEqual({ keptAside: true });
    expect((await call(app, 'session.state', {})).state).toBe('locked');
    const aside = readdirSync(join(dir, '..')).filter((name) => name.startsWith(`${dir.split('/').at(-1)}-replaced-`));
    expect(aside).toHaveLength(1);
    expect(readdirSync(join(dir, '..', aside[0]!))).toEqual(expect.arrayContaining(['approdo.register', 'approdo.keys.json']));
    await login(app, ADMIN.username, ADMIN.passphrase);
    expect(personRows(app)).toEqual(restored);
    expect((await call(app, 'audit.list', { page: 1, pageSize: 1 })).rows[0]).toMatchObject({ action: 'register.restore' });
    app.lock();
  });

  it('is refused without a session while the register is present and sound', async () => {
    const { app } = await registerWithPersons();
    const backup = await call(app, 'backup.run', {});
    app.lock();
    expect((await refusal(app, 'backup.restore', { kind: 'recovery', file: backup.file, recoveryKey: template.recoveryKey })).code).toBe('FORBIDDEN');
    expect(await call(app, 'backup.offer', {})).toMatchObject({ damaged: false, restoreOpen: false, backups: [] });
  });
});

describe('rotation', () => {
  // One verified backup a day at 12:00 UTC for 400 days up to Wednesday 18 March 2026, plus an earlier one that day.
  const days = Array.from({ length: 400 }, (_, i) => new Date(Date.UTC(2026, 2, 18 - i, 12)).toISOString());
  const entries = [...days, '2026-03-18T07:00:00.000Z'].map((createdAt) => ({ name: createdAt, createdAt, verified: true }));

  it('keeps the newest of each of the last 7 days, 4 ISO weeks and 12 months, and nothing else', () => {
    const kept = [...backupsToKeep(entries)].map((name) => name.slice(0, 10)).sort();
    expect(kept).toEqual([
      '2025-04-30', '2025-05-31', '2025-06-30', '2025-07-31', '2025-08-31', '2025-09-30', '2025-10-31', '2025-11-30', '2025-12-31',
      '2026-01-31', '2026-02-28', '2026-03-01', '2026-03-08',
      '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15', '2026-03-16', '2026-03-17', '2026-03-18',
    ]);
    expect(backupsToKeep(entries).has('2026-03-18T07:00:00.000Z')).toBe(false);
  });

  it('deletes only the verified backups no rule keeps', () => {
    const folder = tempDir();
    const files = [...entries, { name: 'unreadable', createdAt: '2020-01-01T00:00:00.000Z', verified: false }].map((e) => {
      const file = join(folder, e.name.replace(/[:.]/g, '-'));
      writeFileSync(file, 'x');
      return { ...e, file, size: 1 };
    });
    const removed = rotateBackups(files);
    expect(removed).toHaveLength(entries.length - 20);
    expect(readdirSync(folder)).toHaveLength(21);
    expect(existsSync(join(folder, 'unreadable'))).toBe(true);
  });
});

describe('a register damaged on disk', () => {
  it('is refused at open, moved to quarantine whole, and the latest verified backup restores', async () => {
    const { app, dir } = await registerWithPersons();
    const before = personRows(app);
    app.lock(); // the backup on lock
    const paths = registerPaths(dir);
    flipByte(paths.db, 200); // page 1: the first read fails
    const damaged = sha(paths.db);
    expect((await refusal(app, 'session.login', { username: ADMIN.username, passphrase: ADMIN.passphrase })).code).toBe('REGISTER_DAMAGED');
    expect(existsSync(paths.db)).toBe(false);
    const quarantined = readdirSync(quarantineDirOf(paths));
    expect(quarantined).toHaveLength(1);
    expect(sha(join(quarantineDirOf(paths), quarantined[0]!, 'approdo.register'))).toBe(damaged);
    expect(existsSync(join(quarantineDirOf(paths), quarantined[0]!, 'approdo.keys.json'))).toBe(true);

    expect((await call(app, 'session.state', {})).register).toBe('absent');
    const offer = await call(app, 'backup.offer', {});
    expect(offer).toMatchObject({ damaged: true, restoreOpen: true });
    expect(offer.quarantinedAt).not.toBeNull();
    expect(offer.backups).toHaveLength(1);
    await call(app, 'backup.restore', { kind: 'passphrase', file: offer.backups[0]!.file, username: ADMIN.username, passphrase: ADMIN.passphrase });
    await login(app, ADMIN.username, ADMIN.passphrase);
    expect(personRows(app)).toEqual(before);
    expect(readdirSync(quarantineDirOf(paths))).toEqual(quarantined);
    app.lock();
  });

  it('is caught by the background page check when the flipped page is outside the quick sample', async () => {
    const { app, dir } = await registerWithPersons();
    // about 3 MB of rows, so that the quick form samples only some pages
    const filler = 'x'.repeat(480);
    registerDb(app).transaction((tx) => {
      for (let i = 0; i < 6000; i += 1) tx.run(sql`INSERT INTO settings (key, value) VALUES (${`filler-${String(i).padStart(5, '0')}`}, ${filler})`);
    });
    app.lock();
    const paths = registerPaths(dir);
    const pages = readFileSync(paths.db).length / PAGE;
    const sampled = new Set(samplePageNumbers(pages));
    const unsampled = Array.from({ length: pages }, (_, i) => i + 1).filter((n) => !sampled.has(n)).at(-2)!;
    expect(unsampled).toBeGreaterThan(64);
    flipByte(paths.db, (unsampled - 1) * PAGE + 500);
    await login(app, ADMIN.username, ADMIN.passphrase);
    await pageScans.get(app.session.open());
    expect(app.session.current).toBeNull();
    expect(existsSync(paths.db)).toBe(false);
    expect(readdirSync(quarantineDirOf(paths))).toHaveLength(1);
    expect((await call(app, 'backup.offer', {})).damaged).toBe(true);
  });

  it('is refused at unlock when a sampled page fails, without reading it as rows', async () => {
    const { app, dir } = await registerWithPersons();
    app.lock();
    const paths = registerPaths(dir);
    const pages = readFileSync(paths.db).length / PAGE;
    flipByte(paths.db, (pages - 1) * PAGE + 300); // the last page is always sampled
    expect((await refusal(app, 'session.login', { username: ADMIN.username, passphrase: ADMIN.passphrase })).code).toBe('REGISTER_DAMAGED');
    expect(app.session.current).toBeNull();
    expect(readdirSync(quarantineDirOf(paths))).toHaveLength(1);
  });

  it('is never moved by a wrong passphrase or an unknown user: every file stays byte-identical', async () => {
    const dir = copyOf(template);
    const paths = registerPaths(dir);
    flipByte(paths.db, 200);
    const app = core(dir);
    const before = snapshot(dir);
    expect((await refusal(app, 'session.login', { username: ADMIN.username, passphrase: 'wrong passphrase here' })).code).toBe('WRONG_CREDENTIALS');
    expect((await refusal(app, 'session.login', { username: 'nobody', passphrase: ADMIN.passphrase })).code).toBe('WRONG_CREDENTIALS');
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(quarantineDirOf(paths))).toBe(false);
    expect((await call(app, 'backup.offer', {})).damaged).toBe(false);
  });
});

describe('the status the Today page shows', () => {
  it('says stale when no verified backup exists, and fresh after one', async () => {
    const dir = copyOf(template);
    const app = core(dir);
    mkdirSync(backupsDirOf(registerPaths(dir)), { recursive: true });
    await login(app, ADMIN.username, ADMIN.passphrase);
    expect(await call(app, 'backup.status', {})).toEqual({ lastVerifiedAt: null, stale: true });
    const entry = await call(app, 'backup.run', {});
    expect(await call(app, 'backup.status', {})).toEqual({ lastVerifiedAt: entry.createdAt, stale: false });
    app.lock();
  });
});
