import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, MAX_TEXT } from '../../electron/shared/contract';
import { createHandlers } from '../../electron/core/ipc/handlers';
import { ADMIN, OPERATOR, call, cleanupDirs, copyOf, core, login, makeTemplate, refusal, tempDir, type Template } from './helpers';
import { startHost } from '../../electron/host/server';
import { consoleSink, setLogSink } from '../../electron/core/log';
import { resolve } from 'node:path';

let template: Template;
beforeAll(async () => {
  template = await makeTemplate();
});
afterAll(cleanupDirs);

describe('the IPC contract', () => {
  it('has a handler for every channel and a channel for every handler', () => {
    const app = core(tempDir());
    expect(Object.keys(createHandlers(app.session)).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('refuses an unknown channel', async () => {
    const app = core(copyOf(template));
    expect((await refusal(app, 'users.drop', {})).code).toBe('UNKNOWN_CHANNEL');
    expect((await refusal(app, '__proto__', {})).code).toBe('UNKNOWN_CHANNEL');
  });

  it('refuses a message from a foreign sender before anything else', async () => {
    const app = core(copyOf(template));
    expect((await refusal(app, 'session.login', { username: ADMIN.username, passphrase: ADMIN.passphrase }, { trusted: false })).code).toBe('BAD_SENDER');
    expect(app.session.current).toBeNull();
  });

  it('refuses a malformed payload with field errors as translation keys', async () => {
    const app = core(copyOf(template));
    const error = await refusal(app, 'session.login', { username: 'Bad Name!', passphrase: 42 });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fieldErrors).toEqual({ username: ['validation.usernameFormat'], passphrase: ['validation.required'] });
    expect((await refusal(app, 'session.login', null)).code).toBe('INVALID_INPUT');
  });

  it('refuses extra keys', async () => {
    const app = core(copyOf(template));
    const error = await refusal(app, 'session.login', { username: ADMIN.username, passphrase: ADMIN.passphrase, role: 'admin' });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { _: ['validation.unexpectedField'] } });
  });

  it('refuses oversized strings and payloads', async () => {
    const app = core(copyOf(template));
    await login(app, ADMIN.username, ADMIN.passphrase);
    const long = 'x'.repeat(MAX_TEXT + 1);
    const error = await refusal(app, 'users.create', { username: 'nuovo', displayName: long, role: 'operator', passphrase: 'a good passphrase', passphraseRepeat: 'a good passphrase' });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { displayName: ['validation.tooLong'] } });
    expect((await refusal(app, 'users.create', { username: 'nuovo', displayName: 'x'.repeat(100_000) })).code).toBe('PAYLOAD_TOO_LARGE');
    app.lock();
  });

  it('explains a refused passphrase next to the field', async () => {
    const app = core(copyOf(template));
    await login(app, ADMIN.username, ADMIN.passphrase);
    const short = await refusal(app, 'users.create', { username: 'nuovo', displayName: 'Nuovo', role: 'operator', passphrase: 'short', passphraseRepeat: 'shorter' });
    expect(short.fieldErrors).toEqual({ passphrase: ['validation.passphraseTooShort'], passphraseRepeat: ['validation.passphraseMismatch'] });
    const taken = await refusal(app, 'users.create', { username: OPERATOR.username, displayName: 'Doppia', role: 'operator', passphrase: 'a good passphrase', passphraseRepeat: 'a good passphrase' });
    expect(taken).toMatchObject({ code: 'USERNAME_TAKEN', fieldErrors: { username: ['validation.usernameTaken'] } });
    app.lock();
  });

  it('refuses calls that need a session while locked', async () => {
    const app = core(copyOf(template));
    expect((await refusal(app, 'users.list', {})).code).toBe('LOCKED');
    expect((await refusal(app, 'register.overview', {})).code).toBe('LOCKED');
    expect((await refusal(app, 'session.activity', {})).code).toBe('LOCKED');
    expect((await call(app, 'session.state', {})).state).toBe('locked');
  });

  it('refuses a role that is not allowed, and a user who must first change the passphrase', async () => {
    const app = core(copyOf(template));
    await login(app, OPERATOR.username, OPERATOR.passphrase);
    expect((await refusal(app, 'register.overview', {})).code).toBe('PASSPHRASE_CHANGE_REQUIRED');
    await call(app, 'account.changePassphrase', { current: OPERATOR.passphrase, passphrase: 'my own passphrase', passphraseRepeat: 'my own passphrase' });
    expect((await refusal(app, 'users.list', {})).code).toBe('FORBIDDEN');
    expect((await refusal(app, 'users.create', { username: 'x1', displayName: 'X', role: 'admin', passphrase: 'a good passphrase', passphraseRepeat: 'a good passphrase' })).code).toBe('FORBIDDEN');
    expect((await refusal(app, 'audit.list', { page: 1, pageSize: 10 })).code).toBe('FORBIDDEN');
    expect((await refusal(app, 'settings.setAutoLock', { minutes: 5 })).code).toBe('FORBIDDEN');
    expect((await refusal(app, 'settings.setSaintJohnHoliday', { holiday: false })).code).toBe('FORBIDDEN');
    expect((await call(app, 'settings.get', {})).autoLockMinutes).toBe(10);
    app.lock();
  });

  it('refuses everything but the confirmation until a new recovery key is confirmed', async () => {
    const app = core(tempDir());
    const shown = await call(app, 'register.create', { ...ADMIN, passphraseRepeat: ADMIN.passphrase });
    expect(shown.groups).toHaveLength(8);
    expect(shown.groups.every((g) => /^[0-9A-Z]{4}$/.test(g))).toBe(true);
    expect((await refusal(app, 'users.list', {})).code).toBe('RECOVERY_CONFIRMATION_REQUIRED');
    const wrongGroup = shown.confirmGroup === 1 ? 2 : 1;
    expect((await refusal(app, 'setup.confirmRecoveryKey', { group: wrongGroup, value: shown.groups[wrongGroup - 1]! })).code).toBe('RECOVERY_GROUP_MISMATCH');
    expect((await refusal(app, 'setup.confirmRecoveryKey', { group: shown.confirmGroup, value: 'ZZZZ' })).code).toBe('RECOVERY_GROUP_MISMATCH');
    const state = await call(app, 'setup.confirmRecoveryKey', { group: shown.confirmGroup, value: shown.groups[shown.confirmGroup - 1]!.toLowerCase() });
    expect(state.recoveryKeyPending).toBe(false);
    expect((await call(app, 'users.list', {})).length).toBe(1);
    expect((await refusal(app, 'register.create', { ...ADMIN, passphraseRepeat: ADMIN.passphrase })).code).toBe('REGISTER_EXISTS');
    app.lock();
  });

  it('locks itself after the idle time and drops the key', async () => {
    const idleMs = 300_000;
    const app = core(copyOf(template), { idleMsOverride: idleMs });
    await login(app, ADMIN.username, ADMIN.passphrase); // on real timers: the key derivation runs in the thread pool
    const key = app.session.current!.dataKey;
    // From here the test is about time: a fake clock, moved by the test (the login's real idle timer is cleared
    // by the first activity, as fake timers clear native ones).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldClearNativeTimers: true });
    try {
      await call(app, 'session.activity', {});
      await vi.advanceTimersByTimeAsync(idleMs - 1);
      expect(app.session.current).not.toBeNull();
      await call(app, 'session.activity', {});
      await vi.advanceTimersByTimeAsync(idleMs - 1);
      expect(app.session.current).not.toBeNull(); // activity re-armed the timer: the first one would have fired by now
      await call(app, 'session.state', {}); // polling is not activity
      await vi.advanceTimersByTimeAsync(1);
      expect(app.session.current).toBeNull();
    } finally {
      vi.useRealTimers();
    }
    expect(key.every((b) => b === 0)).toBe(true);
    expect((await call(app, 'session.state', {})).user).toBeNull();
  });
});

describe('the browser host', () => {
  it('serves the dispatcher only to requests carrying the run token, on its own host name', async () => {
    const host = await startHost({ registerDir: copyOf(template), migrationsFolder: resolve('drizzle'), rendererDir: tempDir(), port: 0 });
    try {
      const post = (headers: Record<string, string>, body = '{}', channel = 'session.state') =>
        fetch(`${host.origin}/ipc/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      const ok = await post({ 'x-approdo-token': host.token });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ ok: true, value: { register: 'present', state: 'locked' } });
      const noToken = await post({});
      expect(noToken.status).toBe(403);
      expect(await noToken.json()).toMatchObject({ ok: false, error: { code: 'BAD_SENDER' } });
      expect((await post({ 'x-approdo-token': 'f'.repeat(64) })).status).toBe(403);
      expect(await (await post({ 'x-approdo-token': host.token }, '{not json')).json()).toMatchObject({ error: { code: 'INVALID_INPUT' } });
      expect(await (await post({ 'x-approdo-token': host.token }, '{}', 'nope')).json()).toMatchObject({ error: { code: 'UNKNOWN_CHANNEL' } });
      // Bad paths, without a token: 403, and not a line in the log (a local process could rotate it away).
      const lines: string[] = [];
      setLogSink({ write: (level, area, message) => lines.push(`${level} ${area} ${message}`) });
      try {
        expect((await fetch(`${host.origin}/..%2f..%2fetc%2fpasswd`)).status).toBe(403);
        expect((await fetch(`${host.origin}/%E0%A4%A`)).status).toBe(403);
        expect((await fetch(`${host.origin}/assets/%zz.js`)).status).toBe(403);
        expect((await post({ 'x-approdo-token': host.token }, '{}', '%E0%A4%A')).status).toBe(200);
      } finally {
        setLogSink(consoleSink);
      }
      expect(lines).toEqual([]);
      const { request } = await import('node:http');
      const status = await new Promise<number>((done) => {
        const req = request(`${host.origin}/ipc/session.state`, { method: 'POST', headers: { host: 'evil.example:80', 'x-approdo-token': host.token } }, (res) => done(res.statusCode ?? 0));
        req.end('{}');
      });
      expect(status).toBe(421);
    } finally {
      await host.close();
    }
  });
});

describe('an unconfirmed recovery key', () => {
  it('can be shown again in the same session, and is replaced at the next admin unlock', async () => {
    const dir = tempDir();
    const app = core(dir);
    const shown = await call(app, 'register.create', { ...ADMIN, passphraseRepeat: ADMIN.passphrase });
    const again = await call(app, 'setup.pendingRecoveryKey', {});
    expect(again.groups).toEqual(shown.groups);
    app.lock(); // closed before confirming: the key may never have been written down
    const state = await login(app, ADMIN.username, ADMIN.passphrase);
    expect(state.recoveryKeyPending).toBe(true);
    const replaced = await call(app, 'setup.pendingRecoveryKey', {});
    expect(replaced.groups).not.toEqual(shown.groups);
    await call(app, 'setup.confirmRecoveryKey', { group: replaced.confirmGroup, value: replaced.groups[replaced.confirmGroup - 1]! });
    expect((await refusal(app, 'setup.pendingRecoveryKey', {})).code).toBe('RECOVERY_NOT_PENDING');
    app.lock();
    expect((await refusal(app, 'session.recover', { username: ADMIN.username, recoveryKey: shown.groups.join('') })).code).toBe('WRONG_RECOVERY_KEY');
    const recovered = await call(app, 'session.recover', { username: ADMIN.username, recoveryKey: replaced.groups.join('') });
    expect(recovered).toMatchObject({ recoveryKeyPending: false, mustChangePassphrase: true });
    app.lock();
  });
});
