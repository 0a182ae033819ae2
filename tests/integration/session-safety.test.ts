// Races and edge cases around unlocking, locking and key slots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { ADMIN, OPERATOR, call, cleanupDirs, copyOf, core, login, makeTemplate, refusal, waitFor, type Template } from './helpers';
import { registerPaths } from '../../electron/core/register';
import { pendingPath, readSlotFile, withoutUser } from '../../electron/core/keys/slots';
import { keyCtxOf, writeWithSlots } from '../../electron/core/services/context';
import { users } from '../../electron/core/db/schema';

let template: Template;
beforeAll(async () => {
  template = await makeTemplate();
});
afterAll(cleanupDirs);

describe('unlock throttling', () => {
  it('counts failures per username, so signing in as oneself does not reset the count on someone else', async () => {
    const seen: number[] = [];
    const app = core(copyOf(template), { failureDelayMs: (n) => (seen.push(n), 0) });
    await refusal(app, 'session.login', { username: ADMIN.username, passphrase: 'guess one here' });
    await refusal(app, 'session.login', { username: ADMIN.username, passphrase: 'guess two here' });
    await login(app, OPERATOR.username, OPERATOR.passphrase);
    await refusal(app, 'session.login', { username: ADMIN.username, passphrase: 'guess three here' });
    expect(seen).toEqual([1, 2, 3]);
    await login(app, ADMIN.username, ADMIN.passphrase);
    await refusal(app, 'session.login', { username: ADMIN.username, passphrase: 'guess four here' });
    expect(seen.at(-1)).toBe(1); // the admin's own success resets the admin's count
  });
});

describe('locking', () => {
  it('wins over an unlock that was still in progress', async () => {
    const app = core(copyOf(template));
    const pending = app.dispatch('session.login', { username: ADMIN.username, passphrase: ADMIN.passphrase }, { trusted: true });
    await call(app, 'session.lock', {});
    const result = await pending;
    expect(result).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(app.session.current).toBeNull();
  });

  it('wins over an unlock waiting its turn behind a slow one, with a real slow-down in force', async () => {
    // A real, non-zero delay: after three failures the name waits 200 ms of real time.
    const app = core(copyOf(template), { failureDelayMs: (n) => (n >= 3 ? 200 : 0) });
    for (const guess of ['guess one here', 'guess two here', 'guess three here']) await refusal(app, 'session.login', { username: ADMIN.username, passphrase: guess });
    const early = await refusal(app, 'session.login', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(early).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', params: { seconds: 1 } });
    await waitFor(() => app.session.throttle.waitMs(['user:admin']) === 0, 'the 200 ms slow-down to pass');
    // An operator's unlock derives its key (slow); the admin's waits its turn; Lock is pressed meanwhile.
    const first = app.dispatch('session.login', { username: OPERATOR.username, passphrase: OPERATOR.passphrase }, { trusted: true });
    const second = app.dispatch('session.login', { username: ADMIN.username, passphrase: ADMIN.passphrase }, { trusted: true });
    await call(app, 'session.lock', {});
    expect(await first).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await second).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(app.session.current).toBeNull();
  });

  it('keeps the last username for the lock screen, and nothing else', async () => {
    const app = core(copyOf(template));
    await login(app, ADMIN.username, ADMIN.passphrase);
    await call(app, 'session.lock', {});
    expect(await call(app, 'session.state', {})).toEqual({
      register: 'present', registerKind: 'real', demoExists: false, state: 'locked', user: null, mustChangePassphrase: false, recoveredWithKey: false,
      recoveryKeyPending: false, autoLockMinutes: null, lastUsername: ADMIN.username,
    });
  });

  it('does not run queued admin work for a session that another user replaced meanwhile', async () => {
    const app = core(copyOf(template), { failureDelayMs: () => 300 });
    await login(app, ADMIN.username, ADMIN.passphrase);
    const operatorLogin = app.dispatch('session.login', { username: OPERATOR.username, passphrase: OPERATOR.passphrase }, { trusted: true });
    const create = app.dispatch('users.create', { username: 'sneaky', displayName: 'Sneaky', role: 'admin', passphrase: 'quiet little words', passphraseRepeat: 'quiet little words' }, { trusted: true });
    expect((await operatorLogin).ok).toBe(true);
    expect(await create).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(app.session.current!.conn.db.select().from(users).all().map((u) => u.username)).not.toContain('sneaky');
    app.lock();
  });
});

describe('key slots', () => {
  it('stay as they were when the database change that goes with them fails', async () => {
    const dir = copyOf(template);
    const app = core(dir);
    await login(app, ADMIN.username, ADMIN.passphrase);
    const paths = registerPaths(dir);
    const before = readFileSync(paths.slots);
    const open = app.session.current!;
    expect(() =>
      writeWithSlots(keyCtxOf(app.session), withoutUser(open.slots, 2), () => {
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(readFileSync(paths.slots)).toEqual(before);
    expect(existsSync(pendingPath(paths.slots))).toBe(false);
    expect(open.slots.slots.some((s) => s.userId === 2)).toBe(true);
    app.lock();
  });

  it('refuse an admin resetting their own passphrase without the current one', async () => {
    const app = core(copyOf(template));
    await login(app, ADMIN.username, ADMIN.passphrase);
    const error = await refusal(app, 'users.resetPassphrase', { userId: 1, passphrase: 'taken over account', passphraseRepeat: 'taken over account' });
    expect(error.code).toBe('CANNOT_RESET_SELF');
    app.lock();
  });

  it('do not count an admin without a key slot as the other admin', async () => {
    const app = core(copyOf(template));
    await login(app, ADMIN.username, ADMIN.passphrase);
    const second = await call(app, 'users.create', { username: 'admin2', displayName: 'Second admin', role: 'admin', passphrase: 'second admin phrase', passphraseRepeat: 'second admin phrase' });
    // A slot lost outside the app (the file restored from an older copy): admin2 can no longer unlock.
    writeWithSlots(keyCtxOf(app.session), withoutUser(app.session.open().slots, second.id), () => undefined);
    expect((await refusal(app, 'users.setRole', { userId: 1, role: 'operator' })).code).toBe('LAST_ADMIN');
    app.lock();
  });

  it('replace a recovery key once it has been used', async () => {
    const dir = copyOf(template);
    const app = core(dir);
    await call(app, 'session.recover', { username: ADMIN.username, recoveryKey: template.recoveryKey });
    const state = await call(app, 'account.changePassphrase', { current: '', passphrase: 'after the recovery', passphraseRepeat: 'after the recovery' });
    expect(state.recoveryKeyPending).toBe(true);
    const fresh = await call(app, 'setup.pendingRecoveryKey', {});
    await call(app, 'setup.confirmRecoveryKey', { group: fresh.confirmGroup, value: fresh.groups[fresh.confirmGroup - 1]! });
    app.lock();
    expect((await refusal(app, 'session.recover', { username: ADMIN.username, recoveryKey: template.recoveryKey })).code).toBe('WRONG_RECOVERY_KEY');
    expect(readSlotFile(registerPaths(dir).slots).slots.filter((s) => s.kind === 'recovery')).toHaveLength(1);
    await call(app, 'session.recover', { username: ADMIN.username, recoveryKey: fresh.groups.join(' ') });
    app.lock();
  });
});
