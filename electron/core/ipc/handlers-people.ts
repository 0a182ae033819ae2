// Handlers of the people channels (electron/shared/channels/people.ts): persons, consents, households,
// referrals and matching.
import type { HandlersFor } from './types';
import type { peopleChannels } from '../../shared/channels/people';
import type { Session } from '../session';
import { ctxOf } from '../services/context';
import * as personsService from '../services/persons';
import { searchPersons } from '../services/person-search';
import * as householdsService from '../services/households';
import * as referralsService from '../services/referrals';
import { matchPlaces } from '../services/matching';

export function peopleHandlers(session: Session): HandlersFor<keyof typeof peopleChannels> {
  const ctx = () => ctxOf(session);
  return {
    'persons.search': (input) => searchPersons(ctx(), input),
    'persons.findDuplicates': (input) => personsService.checkDuplicates(ctx(), input),
    'persons.create': ({ fields, acknowledgeDuplicates }) => personsService.createPerson(ctx(), fields, acknowledgeDuplicates),
    'persons.update': ({ id, fields }) => personsService.updatePerson(ctx(), id, fields),
    'persons.get': ({ id }) => personsService.personDetail(ctx(), id),
    'persons.reveal': ({ id, reason }) => personsService.revealNames(ctx(), id, reason),
    'consents.add': (input) => personsService.addConsent(ctx(), input),
    'consents.withdraw': ({ id, withdrawnAt }) => personsService.withdrawConsent(ctx(), id, withdrawnAt),
    'households.create': (input) => householdsService.createHousehold(ctx(), input),
    'households.addMember': (input) => householdsService.addMember(ctx(), input),
    'households.removeMember': (input) => householdsService.removeMember(ctx(), input),
    'referrals.list': ({ status, limit }) => referralsService.listReferrals(ctx(), status, limit),
    'referrals.get': ({ id }) => referralsService.getReferral(ctx(), id),
    'referrals.create': (input) => referralsService.createReferral(ctx(), input),
    'referrals.close': (input) => referralsService.closeReferral(ctx(), input),
    'referrals.match': (input) => matchPlaces(ctx(), input),
  };
}
