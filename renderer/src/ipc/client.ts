// The renderer's one way to the register: a typed call per contract channel, over the Electron preload
// or, in a plain browser, over the local host's HTTP endpoint guarded by the run's token.
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../electron/shared/contract';
import { errorBody, type Envelope, type ErrorBody } from '../../../electron/shared/errors';

/** The browser host's token: read once from the page address, then kept in memory only. */
const hostToken: string | null = (() => {
  if (typeof window === 'undefined' || window.approdo) return null;
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (token !== null) {
    url.searchParams.delete('token');
    // The token must not linger in the address bar, the history or a bookmark.
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return token;
})();

type LockedListener = () => void;
const lockedListeners = new Set<LockedListener>();

/** Called whenever a call is refused because the register is locked (e.g. auto-lock happened meanwhile). */
export function onLocked(listener: LockedListener): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

const internalError = (): { ok: false; error: ErrorBody } => ({ ok: false, error: errorBody('INTERNAL') });

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  if (v.ok === true) return 'value' in v;
  return v.ok === false && typeof v.error === 'object' && v.error !== null && 'code' in v.error;
}

async function overHttp(channel: ChannelName, input: unknown): Promise<Envelope<unknown>> {
  const response = await fetch(`./ipc/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-approdo-token': hostToken ?? '' },
    body: JSON.stringify(input),
    credentials: 'omit',
    cache: 'no-store',
  });
  const body: unknown = await response.json();
  return isEnvelope(body) ? body : internalError();
}

/** Calls one channel. Never throws: transport failures come back as an INTERNAL error envelope. */
export async function call<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
): Promise<Envelope<ChannelOutput<C>>> {
  let result: Envelope<unknown>;
  try {
    const api = window.approdo;
    if (api) {
      const fn = api[channel] as unknown as (input: ChannelInput<C>) => Promise<unknown>;
      const raw = await fn(input);
      result = isEnvelope(raw) ? raw : internalError();
    } else {
      result = await overHttp(channel, input);
    }
  } catch {
    result = internalError();
  }
  if (!result.ok && result.error.code === 'LOCKED') lockedListeners.forEach((listener) => listener());
  return result as Envelope<ChannelOutput<C>>;
}
