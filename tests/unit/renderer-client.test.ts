// The renderer's typed client: which transport it uses, the browser host's token, and failures as envelopes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** Loads a fresh copy of the client in a fake page: it reads the token once, when the module loads. */
async function loadClient(href: string, approdo?: Record<string, (input: unknown) => Promise<unknown>>) {
  const replaceState = vi.fn();
  vi.stubGlobal('window', { location: { href }, history: { replaceState }, approdo });
  vi.resetModules();
  const client = await import('../../renderer/src/ipc/client');
  return { client, replaceState };
}

describe('renderer IPC client', () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it('takes the token from the address, removes it, and sends it with every call', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: { autoLockMinutes: 10 } })));
    vi.stubGlobal('fetch', fetch);
    const { client, replaceState } = await loadClient('http://127.0.0.1:5174/?token=s3cret#x');
    expect(replaceState).toHaveBeenCalledWith(null, '', '/#x');

    const result = await client.call('settings.get', {});
    expect(result).toEqual({ ok: true, value: { autoLockMinutes: 10 } });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('./ipc/settings.get');
    expect((init.headers as Record<string, string>)['x-approdo-token']).toBe('s3cret');
    expect(init.body).toBe('{}');
  });

  it('turns a network failure into an INTERNAL error envelope', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('network down'))));
    const { client } = await loadClient('http://127.0.0.1:5174/?token=t');
    expect(await client.call('session.state', {})).toEqual({ ok: false, error: { code: 'INTERNAL', messageKey: 'errors.INTERNAL' } });
  });

  it('uses the Electron preload when present and never touches the address', async () => {
    const login = vi.fn(async () => ({ ok: false, error: { code: 'WRONG_CREDENTIALS', messageKey: 'errors.WRONG_CREDENTIALS' } }));
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const { client, replaceState } = await loadClient('file:///app/index.html?token=nope', { 'session.login': login });
    const result = await client.call('session.login', { username: 'anna', passphrase: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    expect(login).toHaveBeenCalledWith({ username: 'anna', passphrase: 'x' });
    expect(fetch).not.toHaveBeenCalled();
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('tells listeners when a call finds the register locked', async () => {
    const locked = { ok: false, error: { code: 'LOCKED', messageKey: 'errors.LOCKED' } };
    const { client } = await loadClient('file:///app/index.html', { 'users.list': async () => locked });
    const listener = vi.fn();
    client.onLocked(listener);
    await client.call('users.list', {});
    expect(listener).toHaveBeenCalledOnce();
  });
});
