import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { cpSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, OPERATOR, call, cleanupDirs, copyOf, core, login, makeTemplate, refusal, registerFiles, snapshot, tempDir, MIGRATIONS, type Template } from './helpers';
import { registerPaths } from '../../electron/core/register';
import { openRegisterDb } from '../../electron/core/db/connection';
import { migrate } from '../../electron/core/db/migrate';
import { verifyAuditChain } from '../../electron/core/audit';

let template: Template;
beforeAll(async () => {
  template = await makeTemplate();
});
afterAll(cleanupDirs);

describe('the encrypted register', () => {
  it('never writes a marker name in clear to the database, its WAL or the slot file', async () => {
    const dir = copyOf(template);
    const app = core(dir);
    await login(app, ADMIN.username, ADMIN.passphrase);
    const marker = 'Zebedea Quaglierini';
    await call(app, 'users.create', { username: 'zebedea', displayName: marker, role: 'operator', passphrase: 'another passphrase 9', passphraseRepeat: 'another passphrase 9' });
    const check = (walExpected: boolean) => {
      const files = registerFiles(dir);
      expect(files.some((f) => f.endsWith('-wal'))).toBe(walExpected);
      for (const file of files) {
        const bytes = readFileSync(file);
        expect(bytes.includes(Buffer.from(marker, 'utf8')), file).toBe(false);
        expect(bytes.includes(Buffer.from(marker, 'utf16le')), file).toBe(false);
        expect(bytes.includes(Buffer.from('zebedea', 'utf8')), file).toBe(false);
      }
    };
    check(true); // while open, with the WAL on disk
    app.lock();
    check(false); // after lock the WAL is checkpointed into the encrypted file and removed
    // and it is really there, readable with the key
    await login(app, 'zebedea', 'another passphrase 9');
    expect(app.session.current?.user.displayName).toBe(marker);
    app.lock();
  });

  it('cannot be opened by plain SQLite', () => {
    const dir = copyOf(template);
    const plain = new Database(registerPaths(dir).db, { fileMustExist: true });
    expect(() => plain.prepare('SELECT * FROM sqlite_master').all()).toThrow(/not a database/);
    plain.close();
    expect(readFileSync(registerPaths(dir).db).subarray(0, 16).toString('latin1')).not.toContain('SQLite format');
  });

  it('refuses a wrong passphrase with one message and leaves every file byte-identical', async () => {
    const dir = copyOf(template);
    const before = snapshot(dir);
    const app = core(dir);
    const wrong = await refusal(app, 'session.login', { username: ADMIN.username, passphrase: 'not the passphrase' });
    const unknown = await refusal(app, 'session.login', { username: 'nobody', passphrase: 'not the passphrase' });
    expect(wrong).toEqual({ code: 'WRONG_CREDENTIALS', messageKey: 'errors.WRONG_CREDENTIALS' });
    expect(unknown).toEqual(wrong); // an unknown user cannot be told from a wrong passphrase
    expect(snapshot(dir)).toEqual(before);
    expect(app.session.current).toBeNull();
  });

  it('slows down repeated failed attempts, telling the seconds left instead of holding the right passphrase back', async () => {
    const dir = copyOf(template);
    let now = Date.parse('2026-03-01T10:00:00Z');
    const app = core(dir, { failureDelayMs: undefined, clock: () => new Date(now) });
    for (let i = 0; i < 3; i += 1) expect((await refusal(app, 'session.login', { username: ADMIN.username, passphrase: `wrong ${i}` })).code).toBe('WRONG_CREDENTIALS');
    const before = snapshot(dir);
    // The right passphrase, one second too early: refused at once, with the wait, without being tried.
    expect(await refusal(app, 'session.login', { username: ADMIN.username, passphrase: ADMIN.passphrase })).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', params: { seconds: 1 } });
    expect(snapshot(dir)).toEqual(before);
    now += 1000;
    await login(app, ADMIN.username, ADMIN.passphrase);
    app.lock();
    const { defaultFailureDelay, globalFailureDelay } = await import('../../electron/core/throttle');
    expect([0, 1, 2, 3, 4, 10].map(defaultFailureDelay)).toEqual([0, 0, 0, 1000, 2000, 30000]);
    expect([9, 10, 11, 20].map(globalFailureDelay)).toEqual([0, 1000, 2000, 30000]);
  });

  it('slows down one passphrase sprayed over many usernames', async () => {
    let now = Date.parse('2026-03-01T10:00:00Z');
    const app = core(copyOf(template), { failureDelayMs: undefined, clock: () => new Date(now) });
    for (let i = 0; i < 10; i += 1) expect((await refusal(app, 'session.login', { username: `name${i}`, passphrase: 'Estate2026!' })).code).toBe('WRONG_CREDENTIALS');
    // Each name has failed once only, but over all names ten failures in a row: the next one waits.
    expect(await refusal(app, 'session.login', { username: 'name10', passphrase: 'Estate2026!' })).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', params: { seconds: 1 } });
    now += 1000;
    await login(app, ADMIN.username, ADMIN.passphrase);
    app.lock();
  });

  it('unlocks with the recovery key and leads to a new passphrase', async () => {
    const dir = copyOf(template);
    const app = core(dir);
    const state = await call(app, 'session.recover', { username: ADMIN.username, recoveryKey: template.recoveryKey.toLowerCase() });
    expect(state).toMatchObject({ state: 'unlocked', mustChangePassphrase: true, recoveredWithKey: true });
    expect((await refusal(app, 'users.list', {})).code).toBe('PASSPHRASE_CHANGE_REQUIRED');
    const next = 'a brand new passphrase';
    const changed = await call(app, 'account.changePassphrase', { current: '', passphrase: next, passphraseRepeat: next });
    expect(changed).toMatchObject({ mustChangePassphrase: false, recoveryKeyPending: true }); // the used key is replaced
    const fresh = await call(app, 'setup.pendingRecoveryKey', {});
    await call(app, 'setup.confirmRecoveryKey', { group: fresh.confirmGroup, value: fresh.groups[fresh.confirmGroup - 1]! });
    expect((await call(app, 'users.list', {})).length).toBe(2);
    app.lock();
    expect((await refusal(app, 'session.login', { username: ADMIN.username, passphrase: ADMIN.passphrase })).code).toBe('WRONG_CREDENTIALS');
    expect((await login(app, ADMIN.username, next)).state).toBe('unlocked');
  });

  it('refuses a wrong recovery key', async () => {
    const app = core(copyOf(template));
    expect(await refusal(app, 'session.recover', { username: ADMIN.username, recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' }))
      .toMatchObject({ code: 'WRONG_RECOVERY_KEY', fieldErrors: { recoveryKey: ['errors.WRONG_RECOVERY_KEY'] } });
  });

  it('changes a passphrase by rewrapping only that slot', async () => {
    const dir = copyOf(template);
    const app = core(dir);
    const first = await login(app, OPERATOR.username, OPERATOR.passphrase);
    expect(first.mustChangePassphrase).toBe(true);
    const wrongCurrent = await refusal(app, 'account.changePassphrase', { current: 'nope nope nope', passphrase: 'operator new secret', passphraseRepeat: 'operator new secret' });
    expect(wrongCurrent.fieldErrors).toEqual({ current: ['errors.WRONG_CREDENTIALS'] });
    const same = await refusal(app, 'account.changePassphrase', { current: OPERATOR.passphrase, passphrase: OPERATOR.passphrase, passphraseRepeat: OPERATOR.passphrase });
    expect(same.code).toBe('PASSPHRASE_REUSED');
    const changed = await call(app, 'account.changePassphrase', { current: OPERATOR.passphrase, passphrase: 'operator new secret', passphraseRepeat: 'operator new secret' });
    expect(changed.mustChangePassphrase).toBe(false);
    app.lock();
    expect((await refusal(app, 'session.login', { username: OPERATOR.username, passphrase: OPERATOR.passphrase })).code).toBe('WRONG_CREDENTIALS');
    await login(app, OPERATOR.username, 'operator new secret');
    await login(app, ADMIN.username, ADMIN.passphrase); // other slots untouched
    app.lock();
  });

  it('keeps a disabled user in history but refuses their unlock', async () => {
    const app = core(copyOf(template));
    await login(app, ADMIN.username, ADMIN.passphrase);
    const operator = (await call(app, 'users.list', {})).find((u) => u.username === OPERATOR.username)!;
    const disabled = await call(app, 'users.disable', { userId: operator.id, rekey: false });
    expect(disabled).toMatchObject({ user: { status: 'disabled', hasKeySlot: false }, rekeyed: false });
    expect((await refusal(app, 'users.disable', { userId: 1 })).code).toBe('CANNOT_DISABLE_SELF');
    app.lock();
    expect((await refusal(app, 'session.login', { username: OPERATOR.username, passphrase: OPERATOR.passphrase })).code).toBe('WRONG_CREDENTIALS');
    await login(app, ADMIN.username, ADMIN.passphrase);
    const audit = await call(app, 'audit.list', { page: 1, pageSize: 50 });
    expect(audit.rows.some((r) => r.action === 'user.disable' && r.recordId === String(operator.id))).toBe(true);
    expect((await call(app, 'users.list', {})).map((u) => u.username)).toContain(OPERATOR.username);
  });

  it('refuses to demote or disable the last admin', async () => {
    const app = core(copyOf(template));
    await login(app, ADMIN.username, ADMIN.passphrase);
    expect((await refusal(app, 'users.setRole', { userId: 1, role: 'operator' })).code).toBe('LAST_ADMIN');
  });

  it('rekeys the register so that only the new key opens it, every user keeping her passphrase', async () => {
    const dir = copyOf(template);
    const paths = registerPaths(dir);
    const app = core(dir);
    await login(app, ADMIN.username, ADMIN.passphrase);
    const oldKey = Buffer.from(app.session.current!.dataKey);
    const oldSlots = readFileSync(paths.slots);
    expect((await refusal(app, 'register.rekey', { passphrase: 'wrong admin passphrase' })).code).toBe('WRONG_CREDENTIALS');
    const shown = await call(app, 'register.rekey', { passphrase: ADMIN.passphrase });
    expect(shown.state.recoveryKeyPending).toBe(true);
    await call(app, 'setup.confirmRecoveryKey', { group: shown.confirmGroup, value: shown.groups[shown.confirmGroup - 1]! });
    const users = await call(app, 'users.list', {});
    expect(users.find((u) => u.username === OPERATOR.username)).toMatchObject({ hasKeySlot: true });
    app.lock();

    expect(() => openRegisterDb(paths.db, oldKey)).toThrow('REGISTER_DAMAGED');
    // The old slot file (with the old recovery key) opens nothing, and is told apart from damage: no
    // quarantine, no restore offered without a session.
    const stale = tempDir();
    cpSync(dir, stale, { recursive: true });
    writeFileSync(registerPaths(stale).slots, oldSlots);
    const staleApp = core(stale);
    const before = snapshot(stale);
    expect((await refusal(staleApp, 'session.recover', { username: ADMIN.username, recoveryKey: template.recoveryKey })).code).toBe('KEY_SLOTS_MISMATCH');
    expect(staleApp.session.current).toBeNull();
    expect(snapshot(stale)).toEqual(before);
    expect(await call(staleApp, 'backup.offer', {})).toMatchObject({ damaged: false, restoreOpen: false });

    expect((await refusal(app, 'session.recover', { username: ADMIN.username, recoveryKey: template.recoveryKey })).code).toBe('WRONG_RECOVERY_KEY');
    await login(app, OPERATOR.username, OPERATOR.passphrase);
    app.lock();
    await call(app, 'session.recover', { username: ADMIN.username, recoveryKey: shown.groups.join('') });
    app.lock();
    await login(app, ADMIN.username, ADMIN.passphrase);
    expect(verifyAuditChain(app.session.current!.conn.sqlite).ok).toBe(true);
    app.lock();
  });
});

describe('migrations', () => {
  it('are idempotent', async () => {
    const app = core(copyOf(template));
    await login(app, ADMIN.username, ADMIN.passphrase);
    const { sqlite } = app.session.current!.conn;
    expect(migrate(sqlite, MIGRATIONS).applied).toBe(0);
    expect(migrate(sqlite, MIGRATIONS).applied).toBe(0);
    expect((await call(app, 'register.overview', {})).schemaVersion).toBe(readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql')).length);
    app.lock();
  });

  it('refuse a register written by a newer version of the app, leaving it as it was', async () => {
    const dir = copyOf(template);
    const app = core(dir);
    await login(app, ADMIN.username, ADMIN.passphrase);
    app.session.current!.conn.sqlite.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)').run('f'.repeat(64), Date.now() + 10 ** 9);
    app.lock();
    const before = snapshot(dir);
    expect((await refusal(app, 'session.login', { username: ADMIN.username, passphrase: ADMIN.passphrase })).code).toBe('REGISTER_TOO_NEW');
    expect(snapshot(dir)).toEqual(before);
  });

  it('roll back wholly when one fails', async () => {
    const dir = copyOf(template);
    const folder = tempDir();
    cpSync(MIGRATIONS, folder, { recursive: true });
    const journal = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8'));
    const last = journal.entries.at(-1);
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag: '9999_broken' });
    writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify(journal));
    writeFileSync(join(folder, '9999_broken.sql'), 'CREATE TABLE half_done (id integer);\n--> statement-breakpoint\nTHIS IS NOT SQL;');
    const before = snapshot(dir);
    const app = core(dir, { migrationsFolder: folder });
    expect((await refusal(app, 'session.login', { username: ADMIN.username, passphrase: ADMIN.passphrase })).code).toBe('INTERNAL');
    expect(snapshot(dir)).toEqual(before);
    app.shutdown(); // releases the folder: one process, one core per register
    const ok = core(dir);
    await login(ok, ADMIN.username, ADMIN.passphrase);
    expect(ok.session.current!.conn.sqlite.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'`).get()).toEqual({ n: 0 });
    ok.lock();
  });
});

describe('the audit log', () => {
  it('records every write with user, action, entity, record and field names', async () => {
    const app = core(copyOf(template));
    await login(app, ADMIN.username, ADMIN.passphrase);
    await call(app, 'settings.setAutoLock', { minutes: 15 });
    const { rows, chain } = await call(app, 'audit.list', { page: 1, pageSize: 10 });
    expect(rows[0]).toMatchObject({ action: 'settings.update', entity: 'settings', recordId: 'auto_lock_minutes', fields: ['auto_lock_minutes'], userName: 'admin' });
    // create register, create admin, confirm the recovery key, create operator, this setting
    expect(chain).toEqual({ ok: true, checked: 5, brokenAt: null });
    app.lock();
  });

  it('records the 24 June setting, on by default', async () => {
    const app = core(copyOf(template));
    await login(app, ADMIN.username, ADMIN.passphrase);
    expect((await call(app, 'settings.get', {})).saintJohnHoliday).toBe(true);
    expect(await call(app, 'settings.setSaintJohnHoliday', { holiday: false })).toEqual({ saintJohnHoliday: false });
    expect((await call(app, 'settings.get', {})).saintJohnHoliday).toBe(false);
    const { rows } = await call(app, 'audit.list', { page: 1, pageSize: 10 });
    expect(rows[0]).toMatchObject({ action: 'settings.update', entity: 'settings', recordId: 'saint_john_holiday', fields: ['saint_john_holiday'], userName: 'admin' });
    await call(app, 'settings.setSaintJohnHoliday', { holiday: true });
    expect((await call(app, 'settings.get', {})).saintJohnHoliday).toBe(true);
    app.lock();
  });

  it('is append-only and its chain finds an edited row', async () => {
    const app = core(copyOf(template));
    await login(app, ADMIN.username, ADMIN.passphrase);
    const { sqlite } = app.session.current!.conn;
    expect(() => sqlite.prepare(`UPDATE audit_events SET action = 'x' WHERE id = 2`).run()).toThrow(/append-only/);
    expect(() => sqlite.prepare(`DELETE FROM audit_events WHERE id = 2`).run()).toThrow(/append-only/);
    // Someone with the key and a SQLite shell drops the trigger and rewrites history:
    sqlite.exec('DROP TRIGGER audit_events_no_update');
    sqlite.prepare(`UPDATE audit_events SET action = 'user.role' WHERE id = 2`).run();
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: false, brokenAt: 2 });
    const page = await call(app, 'audit.list', { page: 1, pageSize: 5 });
    expect(page.chain).toMatchObject({ ok: false, brokenAt: 2 });
    app.lock();
  });
});
