// A stay told as events in date order — entry, placements (a placement starting on the day another ends is a
// transfer), extensions, exit — and the household's other open stays a discharge may include. Pure.
import type { PersonDetail } from '../../../../electron/shared/channels/people';

type Stay = PersonDetail['stays'][number];
type Placement = Stay['placements'][number];
type Extension = Stay['extensions'][number];

export type StayEvent =
  | { kind: 'entry'; date: string }
  | { kind: 'placement'; date: string; placement: Placement; transfer: boolean }
  | { kind: 'extension'; date: string; extension: Extension }
  | { kind: 'exit'; date: string; reason: string | null; destination: string | null };

/** Same-day order: the entry first, then a placement, extensions, and the exit last. */
const ORDER: Record<StayEvent['kind'], number> = { entry: 0, placement: 1, extension: 2, exit: 3 };

export function stayEvents(stay: Stay): StayEvent[] {
  const events: StayEvent[] = [{ kind: 'entry', date: stay.entryDate }];
  const placements = [...stay.placements].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id);
  placements.forEach((placement, i) => {
    const transfer = placements.slice(0, i).some((earlier) => earlier.endDate === placement.startDate);
    events.push({ kind: 'placement', date: placement.startDate, placement, transfer });
  });
  for (const extension of stay.extensions) events.push({ kind: 'extension', date: extension.grantedAt.slice(0, 10), extension });
  if (stay.exitDate) events.push({ kind: 'exit', date: stay.exitDate, reason: stay.exitReason, destination: stay.destination });
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.date.localeCompare(b.event.date) || ORDER[a.event.kind] - ORDER[b.event.kind] || a.index - b.index)
    .map(({ event }) => event);
}

/** Stays newest first; open stays before closed ones that began on the same day. */
export const staysNewestFirst = (stays: readonly Stay[]): Stay[] =>
  [...stays].sort((a, b) => b.entryDate.localeCompare(a.entryDate) || Number(a.exitDate !== null) - Number(b.exitDate !== null) || b.id - a.id);

export const openStays = (stays: readonly Stay[]): Stay[] => stays.filter((stay) => stay.exitDate === null);

export interface HouseholdStay {
  stayId: number;
  personId: number;
  code: string;
  label: string;
}

/** The open stays of the household's other members, labelled by name or, when restricted, by code. */
export function householdOpenStays(
  household: PersonDetail['household'],
  selfId: number,
  staysByPerson: ReadonlyMap<number, readonly Stay[]>,
): HouseholdStay[] {
  if (!household) return [];
  return household.members
    .filter((member) => member.personId !== selfId)
    .flatMap((member) =>
      openStays(staysByPerson.get(member.personId) ?? []).map((stay) => ({
        stayId: stay.id,
        personId: member.personId,
        code: member.code,
        label: member.displayName ?? member.code,
      })),
    );
}
