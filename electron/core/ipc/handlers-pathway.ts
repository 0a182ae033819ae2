// Handlers of the social-accompaniment channels (electron/shared/channels/pathway.ts).
import type { HandlersFor } from './types';
import type { pathwayChannels } from '../../shared/channels/pathway';
import type { Session } from '../session';
import { ctxOf } from '../services/context';
import * as plans from '../services/plans';
import * as interventions from '../services/interventions';
import * as notes from '../services/notes';
import * as staff from '../services/staff';
import * as hostFamilies from '../services/host-families';
import { pathwayFigures } from '../services/pathway-figures';

export function pathwayHandlers(session: Session): HandlersFor<keyof typeof pathwayChannels> {
  return {
    'pathway.get': (input) => plans.pathwayOf(ctxOf(session), input.personId),
    'plans.save': (input) => plans.savePlan(ctxOf(session), input),
    'goals.add': (input) => plans.addGoal(ctxOf(session), input),
    'goals.setStatus': (input) => plans.setGoalStatus(ctxOf(session), input),
    'plans.review': (input) => plans.reviewPlan(ctxOf(session), input),
    'interventions.add': (input) => interventions.addInterventions(ctxOf(session), input),
    'interventions.list': (input) => interventions.listInterventions(ctxOf(session), input),
    'interventions.staff': () => staff.staffOptions(ctxOf(session).db),
    'notes.list': (input) => notes.listNotes(ctxOf(session), input.personId),
    'notes.add': (input) => notes.addNote(ctxOf(session), input),
    'pathway.figures': (input) => pathwayFigures(ctxOf(session).db, input.from, input.to),
    'pathway.reminders': (input) => plans.reminders(ctxOf(session), input.date),
    'structures.staff': (input) => staff.structureStaff(ctxOf(session), input.structureId),
    'structures.setStaff': (input) => staff.setStructureStaff(ctxOf(session), input.structureId, input.userIds),
    'hostFamily.get': (input) => hostFamilies.hostFamily(ctxOf(session), input.structureId),
    'hostFamily.addVetting': (input) => hostFamilies.addVetting(ctxOf(session), input),
    'hostFamily.saveAgreement': (input) => hostFamilies.saveAgreement(ctxOf(session), input),
  };
}
