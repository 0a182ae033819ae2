// Handlers of the places channels (electron/shared/channels/places.ts): partners, structures, rooms, places,
// out-of-service periods, the bed board and the Today page.
import type { HandlersFor } from './types';
import type { placesChannels } from '../../shared/channels/places';
import type { Session } from '../session';
import { ctxOf } from '../services/context';
import * as structuresService from '../services/structures';
import { getBoard } from '../services/board';
import { getToday } from '../services/today';
import { getAvailability } from '../services/availability';

export function placesHandlers(session: Session): HandlersFor<keyof typeof placesChannels> {
  const ctx = () => ctxOf(session);
  return {
    'partners.list': () => structuresService.listPartners(ctx()),
    'partners.save': (input) => structuresService.savePartner(ctx(), input),
    'structures.list': (input) => structuresService.listStructures(ctx(), input),
    'structures.get': ({ id }) => structuresService.getStructure(ctx(), id),
    'structures.save': (input) => structuresService.saveStructure(ctx(), input),
    'rooms.save': (input) => structuresService.saveRoom(ctx(), input),
    'places.save': (input) => structuresService.savePlace(ctx(), input),
    'places.addOutOfService': (input) => structuresService.addOutOfService(ctx(), input),
    'places.removeOutOfService': ({ id }) => structuresService.removeOutOfService(ctx(), id),
    'board.get': (input) => getBoard(ctx(), input),
    'places.available': (input) => getAvailability(ctx(), input),
    'today.get': ({ date }) => getToday(ctx(), date),
  };
}
