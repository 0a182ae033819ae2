// Capacity arithmetic for the structures screens: totals over the list, and what each room offers on a
// night (active places, out of service). Half-open periods throughout (see electron/shared/dates.ts). Pure.
import type { Room, StructureSummary } from '../../../../electron/shared/channels/places';
import { coversNight } from '../../../../electron/shared/dates';

export interface CapacityTotals {
  structures: number;
  rooms: number;
  places: number;
  freeToday: number;
  occupiedToday: number;
  outOfServiceToday: number;
}

export function capacityTotals(structures: readonly Pick<StructureSummary, Exclude<keyof CapacityTotals, 'structures'>>[]): CapacityTotals {
  const totals: CapacityTotals = { structures: structures.length, rooms: 0, places: 0, freeToday: 0, occupiedToday: 0, outOfServiceToday: 0 };
  for (const s of structures) {
    totals.rooms += s.rooms;
    totals.places += s.places;
    totals.freeToday += s.freeToday;
    totals.occupiedToday += s.occupiedToday;
    totals.outOfServiceToday += s.outOfServiceToday;
  }
  return totals;
}

type Place = Room['places'][number];

export const placeActiveOn = (place: Place, night: string): boolean => coversNight(place.activeFrom, place.activeTo, night);

export const placeOutOfServiceOn = (place: Place, night: string): boolean =>
  place.outOfService.some((period) => coversNight(period.fromDate, period.toDate, night));

export function roomCapacity(room: Room, night: string): { active: number; outOfService: number } {
  let active = 0;
  let outOfService = 0;
  for (const place of room.places) {
    if (!placeActiveOn(place, night)) continue;
    active += 1;
    if (placeOutOfServiceOn(place, night)) outOfService += 1;
  }
  return { active, outOfService };
}
