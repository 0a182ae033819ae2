// One handler per contract channel: each turns parsed input into a call to a domain service.
// The map is assembled from one file per domain; the type-checker and a test check it matches the contract.
import type { Handlers } from './types';
import type { Session } from '../session';
import type { Shell } from '../shell';
import { foundationHandlers } from './handlers-foundation';
import { placesHandlers } from './handlers-places';
import { peopleHandlers } from './handlers-people';
import { staysHandlers } from './handlers-stays';
import { backupHandlers } from './handlers-backup';
import { privacyHandlers } from './handlers-privacy';
import { contributionsHandlers } from './handlers-contributions';
import { pathwayHandlers } from './handlers-pathway';
import { exportsHandlers } from './handlers-exports';
import { summaryHandlers } from './handlers-summary';
import { monthCloseHandlers } from './handlers-month-close';

export function createHandlers(session: Session, shell: Shell = {}): Handlers {
  return {
    ...foundationHandlers(session), ...placesHandlers(session), ...peopleHandlers(session), ...staysHandlers(session), ...backupHandlers(session, shell),
    ...privacyHandlers(session), ...contributionsHandlers(session, shell), ...pathwayHandlers(session), ...exportsHandlers(session, shell),
    ...summaryHandlers(session),
    ...monthCloseHandlers(session),
  };
}
