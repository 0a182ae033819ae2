// Tells the main process the person is still working (typing, clicking, scrolling) so the idle auto-lock
// measures real inactivity, not only the time since the last saved change. Throttled: one call per window.
import { useEffect } from 'react';
import { call } from '../ipc/client';

const REPORT_EVERY_MS = 20_000;
const EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;

export function useActivityReporter(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let lastReport = Date.now();
    const onActivity = () => {
      const now = Date.now();
      if (now - lastReport < REPORT_EVERY_MS) return;
      lastReport = now;
      void call('session.activity', {});
    };
    for (const name of EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      for (const name of EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [enabled]);
}
