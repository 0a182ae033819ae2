// What every screen may do with the session: read it, replace it with a fresher state, lock, show a new recovery key.
import { createContext, useContext } from 'react';
import { canCall, type ChannelName, type RecoveryKeyShown, type SessionState, type SessionUser } from '../../../electron/shared/contract';

export interface SessionApi {
  state: SessionState;
  /** Adopts a session state returned by any channel (login, change passphrase, set locale…). */
  update: (next: SessionState) => void;
  /** After `register.create` or `register.rekey`: shows the key once, then asks to confirm a group. */
  showRecoveryKey: (shown: RecoveryKeyShown) => void;
  lock: () => Promise<void>;
  /** Re-reads `session.state`, e.g. after a change that may touch the signed-in user. */
  refresh: () => Promise<void>;
}

export const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside SessionContext');
  return api;
}

/** The signed-in user; only for screens rendered while unlocked. */
export function useUser(): SessionUser {
  const { state } = useSession();
  if (!state.user) throw new Error('useUser without a signed-in user');
  return state.user;
}

/**
 * What the signed-in user may call, from the contract's `access` (`canCall`): a screen offers a page, a tab or
 * a button only when its channel answers this user, never from a list of roles of its own.
 */
export function useCan(): (channel: ChannelName) => boolean {
  const { role } = useUser();
  return (channel) => canCall(channel, role);
}
