// The closed months, for a form: the shared list (closed-months.ts), read again when the form opens.
import { useEffect, useSyncExternalStore } from 'react';
import { closedMonthsStore, refreshClosedMonths } from './closed-months';

export function useClosedMonths(): readonly string[] {
  useEffect(() => {
    void refreshClosedMonths();
  }, []);
  return useSyncExternalStore(closedMonthsStore.subscribe, closedMonthsStore.snapshot, closedMonthsStore.snapshot);
}
