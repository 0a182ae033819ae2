// The screen state machine, driven by `session.state`: setup, sign-in, lock, forced passphrase change, app.
// When the session is found locked, every unlocked screen unmounts, so no register data stays in memory.
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryKeyShown, SessionState } from '../../../electron/shared/contract';
import { call, onLocked } from '../ipc/client';
import { applyLocale, translateKey } from '../i18n';
import { ChangePassphraseScreen } from '../features/session/ChangePassphraseScreen';
import { LockScreen } from '../features/session/LockScreen';
import { LoginScreen } from '../features/session/LoginScreen';
import { RecoverScreen } from '../features/session/RecoverScreen';
import { RecoveryKeyScreen } from '../features/setup/RecoveryKeyScreen';
import { SetupScreen } from '../features/setup/SetupScreen';
import { AppLayout } from '../features/shell/AppLayout';
import { SessionContext, type SessionApi } from './session-context';
import { useActivityReporter } from './use-activity';

const POLL_MS = 3000;

type SignIn = 'login' | 'lock' | 'recover';
type ShownKey = Pick<RecoveryKeyShown, 'groups' | 'confirmGroup'>;

export function App() {
  const { t } = useTranslation();
  const [state, setState] = useState<SessionState | null>(null);
  /** Why the session state could not be read: a translation key (e.g. the register is in use elsewhere). */
  const [unreachable, setUnreachable] = useState<string | null>(null);
  const [shownKey, setShownKey] = useState<ShownKey | null>(null);
  /** Only the last user's username survives a lock: it prefills the lock screen. */
  const [lastUsername, setLastUsername] = useState<string | null>(null);
  const [signIn, setSignIn] = useState<SignIn>('login');
  const current = useRef<SessionState | null>(null);

  const update = useCallback((next: SessionState) => {
    const previous = current.current;
    if (previous && JSON.stringify(previous) === JSON.stringify(next)) return;
    current.current = next;
    if (next.state === 'unlocked' && next.user) {
      setLastUsername(next.user.username);
      applyLocale(next.user.locale);
    }
    if (next.state === 'locked') {
      setShownKey(null);
      if (next.lastUsername) setLastUsername(next.lastUsername);
      // After a lock (or a reload of a locked window) the lock screen, prefilled with the last user.
      if (previous?.state === 'unlocked' || (!previous && next.lastUsername)) setSignIn('lock');
    }
    if (!next.recoveryKeyPending) setShownKey(null);
    setState(next);
  }, []);

  const refresh = useCallback(async () => {
    const result = await call('session.state', {});
    if (result.ok) {
      setUnreachable(null);
      update(result.value);
    } else if (!current.current) setUnreachable(result.error.code === 'INTERNAL' ? 'app.unreachable' : result.error.messageKey);
  }, [update]);

  const lock = useCallback(async () => {
    const result = await call('session.lock', {});
    if (result.ok) update(result.value);
    else await refresh();
  }, [update, refresh]);

  const showRecoveryKey = useCallback(
    (shown: RecoveryKeyShown) => {
      setShownKey({ groups: shown.groups, confirmGroup: shown.confirmGroup });
      update(shown.state);
    },
    [update],
  );

  useEffect(() => {
    void refresh();
    return onLocked(() => void refresh());
  }, [refresh]);

  const unlocked = state?.state === 'unlocked';
  // Poll while unlocked, so an idle auto-lock decided by the main process shows the lock screen at once.
  useEffect(() => {
    if (!unlocked) return;
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [unlocked, refresh]);

  // A key made but not yet confirmed, and not held by this window (it was reloaded): ask main to show it again.
  const keyMissing = unlocked && state?.recoveryKeyPending === true && !shownKey;
  useEffect(() => {
    if (!keyMissing) return;
    void call('setup.pendingRecoveryKey', {}).then((result) => {
      if (result.ok) showRecoveryKey(result.value);
      else void refresh();
    });
  }, [keyMissing, showRecoveryKey, refresh]);

  useActivityReporter(unlocked);
  useHotkeys(unlocked ? [['mod+l', () => void lock()]] : [], []);

  const api = useMemo<SessionApi | null>(
    () => (state ? { state, update, showRecoveryKey, lock, refresh } : null),
    [state, update, showRecoveryKey, lock, refresh],
  );

  if (!api || !state) {
    return (
      <Center mih="100vh" component="main">
        {unreachable ? (
          <Stack align="center">
            <Alert color="red" role="alert">
              {translateKey(unreachable, 'errors.INTERNAL')}
            </Alert>
            <Button onClick={() => void refresh()}>{t('app.retry')}</Button>
          </Stack>
        ) : (
          <Loader aria-label={t('app.loading')} />
        )}
      </Center>
    );
  }

  return <SessionContext.Provider value={api}>{screenFor(state, shownKey, lastUsername, signIn, setSignIn)}</SessionContext.Provider>;
}

function screenFor(
  state: SessionState,
  shownKey: ShownKey | null,
  lastUsername: string | null,
  signIn: SignIn,
  setSignIn: (mode: SignIn) => void,
) {
  if (state.register === 'absent') return <SetupScreen key={state.registerKind} />;
  if (state.state === 'locked' || !state.user) {
    if (signIn === 'recover') return <RecoverScreen onBack={() => setSignIn('login')} />;
    if (signIn === 'lock' && lastUsername)
      return <LockScreen username={lastUsername} onAnotherUser={() => setSignIn('login')} onUseRecoveryKey={() => setSignIn('recover')} />;
    return <LoginScreen onUseRecoveryKey={() => setSignIn('recover')} />;
  }
  if (state.recoveryKeyPending)
    return shownKey ? <RecoveryKeyScreen groups={shownKey.groups} confirmGroup={shownKey.confirmGroup} /> : <Center mih="100vh"><Loader /></Center>;
  if (state.mustChangePassphrase) return <ChangePassphraseScreen />;
  // Keyed by user: a different user never sees the previous one's screens or cached data.
  return <AppLayout key={state.user.id} />;
}
