// Handlers of the stays channels (electron/shared/channels/stays.ts): admission, transfer, extension, discharge, correction.
import type { HandlersFor } from './types';
import type { staysChannels } from '../../shared/channels/stays';
import type { Session } from '../session';
import { ctxOf } from '../services/context';
import * as staysService from '../services/stays';
import { intake } from '../services/intake';

export function staysHandlers(session: Session): HandlersFor<keyof typeof staysChannels> {
  return {
    'intake.admit': (input) => intake(ctxOf(session), input),
    'stays.admit': (input) => staysService.admit(ctxOf(session), input),
    'placements.transfer': (input) => staysService.transfer(ctxOf(session), input),
    'stays.extend': (input) => staysService.extend(ctxOf(session), input),
    'stays.discharge': (input) => staysService.discharge(ctxOf(session), input),
    'stays.correctDate': (input) => staysService.correctDate(ctxOf(session), input),
  };
}
