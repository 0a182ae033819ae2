// The slow-down after failed attempts, made visible: the main process refuses an attempt that comes too early
// with TOO_MANY_ATTEMPTS and the seconds left; the form shows them counting down and accepts the next try at
// zero, instead of a spinner that holds even the right passphrase back.
import { Alert } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../../electron/shared/errors';

/** Seconds left before the next attempt (0: none), and `refused` to call with every refusal. */
export function useAttemptWait(): { seconds: number; refused: (error: ErrorBody) => boolean } {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(1000, until - now));
    return () => clearTimeout(timer);
  }, [until, now]);
  const refused = useCallback((error: ErrorBody) => {
    if (error.code !== 'TOO_MANY_ATTEMPTS') return false;
    const seconds = Number(error.params?.seconds ?? 1);
    const started = Date.now();
    setNow(started);
    setUntil(started + seconds * 1000);
    return true;
  }, []);
  return { seconds: Math.max(0, Math.ceil((until - now) / 1000)), refused };
}

export function AttemptWait({ seconds }: { seconds: number }) {
  const { t } = useTranslation();
  if (seconds <= 0) return null;
  return (
    <Alert color="orange" variant="light" role="status" aria-live="polite" data-testid="attempt-wait">
      {t('login.wait', { count: seconds })}
    </Alert>
  );
}
