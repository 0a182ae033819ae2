// The demo register: a separate register of generated example data, never mixed into the real one.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { ADMIN, call, cleanupDirs, core, login, refusal, tempDir } from './helpers';
import { registerPaths } from '../../electron/core/register';
import { getSetting } from '../../electron/core/settings';

afterAll(cleanupDirs);

describe('the demo register', () => {
  it('is created beside the real one, filled with example data, and marked DEMO', async () => {
    const dir = tempDir();
    const app = core(dir);
    const created = await call(app, 'register.createDemo', { ...ADMIN, passphraseRepeat: ADMIN.passphrase });
    expect(created.state).toMatchObject({ registerKind: 'demo', register: 'present', demoExists: true });
    await call(app, 'setup.confirmRecoveryKey', { group: created.confirmGroup, value: created.groups[created.confirmGroup - 1]! });
    expect(existsSync(registerPaths(`${dir}-demo`).db)).toBe(true);
    expect(existsSync(registerPaths(dir).db)).toBe(false); // the real register is untouched
    expect(getSetting(app.session.current!.conn.db, 'demo')).toBe('yes');
    const persons = await call(app, 'persons.search', { query: '', limit: 5 });
    expect(persons.total).toBeGreaterThan(300);
    const structures = await call(app, 'structures.list', {});
    expect(structures.length).toBeGreaterThan(3);

    // Back to the real register: it does not exist yet, and nothing of the demo is open.
    const real = await call(app, 'register.switch', { kind: 'real' });
    expect(real).toMatchObject({ registerKind: 'real', register: 'absent', state: 'locked', demoExists: true });
    expect((await refusal(app, 'persons.search', { query: '' })).code).toBe('LOCKED');
    await call(app, 'register.create', { ...ADMIN, passphraseRepeat: ADMIN.passphrase });
    expect((await call(app, 'session.state', {})).registerKind).toBe('real');
    app.lock();

    // The demo opens again with its own keys; the real one's data is not in it and vice versa.
    await call(app, 'register.switch', { kind: 'demo' });
    await login(app, ADMIN.username, ADMIN.passphrase);
    expect(getSetting(app.session.current!.conn.db, 'demo')).toBe('yes');
    app.lock();
  });
});
