// Handlers of the monthly summary's figures (electron/shared/channels/summary.ts › summaryChannels).
import type { HandlersFor } from './types';
import type { summaryChannels } from '../../shared/channels/summary';
import type { Session } from '../session';
import { ctxOf } from '../services/context';
import { monthSeries, monthSummary } from '../services/summary';

export function summaryHandlers(session: Session): HandlersFor<keyof typeof summaryChannels> {
  return {
    'summary.month': (input) => monthSummary(ctxOf(session).db, input.month),
    'summary.series': (input) => monthSeries(ctxOf(session).db, input.to, input.months),
  };
}
