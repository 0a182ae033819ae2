// Handlers of the month close (electron/shared/channels/summary.ts › monthCloseChannels).
import type { HandlersFor } from './types';
import type { monthCloseChannels } from '../../shared/channels/summary';
import type { Session } from '../session';
import { ctxOf } from '../services/context';
import { closeMonth, closedMonths, monthState, yearStatus } from '../services/month-close';

export function monthCloseHandlers(session: Session): HandlersFor<keyof typeof monthCloseChannels> {
  return {
    'summary.state': ({ month }) => monthState(ctxOf(session), month),
    'summary.months': ({ year }) => yearStatus(ctxOf(session), year),
    'summary.close': ({ month, expectedVersion }) => closeMonth(ctxOf(session), month, expectedVersion),
    'summary.closedMonths': () => closedMonths(ctxOf(session).db),
  };
}
