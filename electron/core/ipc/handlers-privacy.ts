// Handlers of the privacy channels (electron/shared/channels/privacy.ts): retention, anonymisation,
// erasure on request and subject access.
import type { HandlersFor } from './types';
import type { privacyChannels } from '../../shared/channels/privacy';
import type { Session } from '../session';
import { ctxOf } from '../services/context';
import { retentionReview, retentionYears, setRetentionYears } from '../privacy/retention';
import { anonymiseDue, erasePerson } from '../privacy/anonymise';
import { subjectAccess } from '../privacy/subject-access';

export function privacyHandlers(session: Session): HandlersFor<keyof typeof privacyChannels> {
  const ctx = () => ctxOf(session);
  return {
    'privacy.getSettings': () => ({ retentionYears: retentionYears(ctx().db) }),
    'privacy.setRetentionYears': ({ years }) => setRetentionYears(ctx(), years),
    'privacy.retentionReview': () => retentionReview(ctx()),
    'privacy.anonymise': ({ personIds }) => anonymiseDue(ctx(), personIds),
    'privacy.erase': ({ personId, reason }) => erasePerson(ctx(), personId, reason),
    'privacy.subjectAccess': ({ personId, locale }) => subjectAccess(ctx(), personId, locale),
  };
}
