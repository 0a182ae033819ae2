// The bed board's model: the visible window of nights, the rows (structure › room › place), what each
// place is on each night, and the bars and out-of-service stretches placed in day columns.
// Pure (no DOM, no React): unit-tested in Node, and reused by the admission and transfer place pickers.
import type { BoardBar, BoardPlace, FreeRun, OutOfService } from '../../../../electron/shared/channels/places';
import { addDays } from '../../../../electron/shared/dates';

export interface BoardData {
  places: BoardPlace[];
  bars: BoardBar[];
  outOfService: OutOfService[];
}

export type BoardView = 'week' | 'month';

/** The nights shown: from ≤ d < to. */
export interface NightRange {
  from: string;
  to: string;
}

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

/** Days since 1970-01-01 of a calendar date: plain arithmetic, as the board does this for every bar and place. */
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
const nightsBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);

/** dd/mm/yyyy, as both locales write a date (see i18n/format.ts), without building an Intl formatter per cell. */
export const boardDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Monday of the week holding `iso` (Italian weeks start on Monday). */
export const weekStart = (iso: string) => addDays(iso, -((weekday(iso) + 6) % 7));

export const isWeekend = (iso: string) => weekday(iso) === 0 || weekday(iso) === 6;

function monthStart(iso: string, monthsLater = 0): string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7)) - 1 + monthsLater;
  const d = new Date(Date.UTC(year, month, 1));
  return d.toISOString().slice(0, 10);
}

/** The nights a view shows around an anchor date: its Monday-to-Sunday week, or its calendar month. */
export function viewRange(view: BoardView, anchor: string): NightRange {
  if (view === 'week') {
    const from = weekStart(anchor);
    return { from, to: addDays(from, 7) };
  }
  return { from: monthStart(anchor), to: monthStart(anchor, 1) };
}

/** The anchor one step earlier (-1) or later (+1): a week or a month. */
export function shiftAnchor(view: BoardView, anchor: string, step: -1 | 1): string {
  return view === 'week' ? addDays(weekStart(anchor), 7 * step) : monthStart(anchor, step);
}

export function nightsOf({ from, to }: NightRange): string[] {
  const out: string[] = [];
  for (let d = from; d < to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Day columns [start, end) of a period [from, to) inside the range, or null when it shows no night there. */
export function clipToRange(range: NightRange, from: string, to: string | null): { start: number; end: number } | null {
  const days = nightsBetween(range.from, range.to);
  const start = Math.max(0, nightsBetween(range.from, from));
  const end = to === null ? days : Math.min(days, nightsBetween(range.from, to));
  return end > start ? { start, end } : null;
}

export type BoardRow =
  | { kind: 'structure'; key: string; structureId: number; name: string; placeCount: number }
  | { kind: 'room'; key: string; roomId: number; name: string; structureName: string }
  | { kind: 'place'; key: string; place: BoardPlace };

const collator = new Intl.Collator('it', { numeric: true, sensitivity: 'base' });

/** Group header rows and place rows, ordered structure › room › place by name (numbers in order: Letto 2 < Letto 10). */
export function boardRows(places: readonly BoardPlace[]): BoardRow[] {
  const sorted = [...places].sort(
    (a, b) =>
      collator.compare(a.structureName, b.structureName) || a.structureId - b.structureId ||
      collator.compare(a.roomName, b.roomName) || a.roomId - b.roomId ||
      collator.compare(a.label, b.label) || a.placeId - b.placeId,
  );
  const perStructure = new Map<number, number>();
  for (const place of sorted) perStructure.set(place.structureId, (perStructure.get(place.structureId) ?? 0) + 1);
  const rows: BoardRow[] = [];
  let structureId: number | null = null;
  let roomId: number | null = null;
  for (const place of sorted) {
    if (place.structureId !== structureId) {
      structureId = place.structureId;
      roomId = null;
      rows.push({ kind: 'structure', key: `s${place.structureId}`, structureId, name: place.structureName, placeCount: perStructure.get(structureId) ?? 0 });
    }
    if (place.roomId !== roomId) {
      roomId = place.roomId;
      rows.push({ kind: 'room', key: `r${place.roomId}`, roomId, name: place.roomName, structureName: place.structureName });
    }
    rows.push({ kind: 'place', key: `p${place.placeId}`, place });
  }
  return rows;
}

/** What a place is on one night. */
export const NIGHT_FREE = 0;
export const NIGHT_OCCUPIED = 1;
export const NIGHT_OUT_OF_SERVICE = 2;
export const NIGHT_INACTIVE = 3;

export interface PlacedBar {
  bar: BoardBar;
  start: number;
  end: number;
  /** Column where the planned end falls (the marker sits on its left edge), when it belongs to this bar and is visible. */
  plannedEndAt: number | null;
}

export interface PlacedOutOfService {
  period: OutOfService;
  start: number;
  end: number;
}

export interface PlaceLine {
  place: BoardPlace;
  /** One entry per night of the range (NIGHT_* codes); occupied wins over out of service, which wins over free. */
  nights: Uint8Array;
  bars: PlacedBar[];
  outOfService: PlacedOutOfService[];
  /** Stretches of nights before the place's active period or after it ends. */
  inactive: { start: number; end: number }[];
  /** For each free night, the night the place is needed again (null: free from then on). */
  freeUntil: (string | null)[];
}

/**
 * Each place's nights, bars and out-of-service stretches for the range, found by place id. The free nights
 * are those of the availability answer (`free`: the runs of places.available for the same range), the one
 * source the pickers and matching read too; a night no run covers and nothing else explains (a room or
 * structure out of use) shows as inactive.
 */
export function placeLines(data: BoardData, range: NightRange, free: ReadonlyMap<number, readonly FreeRun[]>): Map<number, PlaceLine> {
  const days = Math.max(0, nightsBetween(range.from, range.to));
  const lines = new Map<number, PlaceLine>();
  for (const place of data.places) {
    const nights = new Uint8Array(days).fill(NIGHT_INACTIVE);
    const active = clipToRange(range, place.activeFrom, place.activeTo);
    const inactive: PlaceLine['inactive'] = [];
    if (active) {
      nights.fill(NIGHT_FREE, active.start, active.end);
      if (active.start > 0) inactive.push({ start: 0, end: active.start });
      if (active.end < days) inactive.push({ start: active.end, end: days });
    } else if (days > 0) inactive.push({ start: 0, end: days });
    lines.set(place.placeId, { place, nights, bars: [], outOfService: [], inactive, freeUntil: new Array<string | null>(days).fill(null) });
  }
  for (const period of data.outOfService) {
    const line = lines.get(period.placeId);
    const span = line && clipToRange(range, period.fromDate, period.toDate);
    if (!line || !span) continue;
    line.outOfService.push({ period, start: span.start, end: span.end });
    for (let i = span.start; i < span.end; i++) if (line.nights[i] === NIGHT_FREE) line.nights[i] = NIGHT_OUT_OF_SERVICE;
  }
  for (const bar of data.bars) {
    const line = lines.get(bar.placeId);
    const span = line && clipToRange(range, bar.startDate, bar.endDate);
    if (!line || !span) continue;
    line.bars.push({ bar, start: span.start, end: span.end, plannedEndAt: plannedEndColumn(bar, range, days) });
    line.nights.fill(NIGHT_OCCUPIED, span.start, span.end);
  }
  for (const line of lines.values()) {
    line.bars.sort((a, b) => a.start - b.start);
    const usable = new Uint8Array(days);
    for (const run of free.get(line.place.placeId) ?? []) {
      const span = clipToRange(range, run.from, run.until);
      if (!span) continue;
      usable.fill(1, span.start, span.end);
      line.freeUntil.fill(run.until, span.start, span.end);
    }
    for (let i = 0; i < days; i++) if (line.nights[i] === NIGHT_FREE && !usable[i]) line.nights[i] = NIGHT_INACTIVE;
  }
  return lines;
}

/** The planned end is drawn on the bar that is running when it falls (its last night is the one before). */
function plannedEndColumn(bar: BoardBar, range: NightRange, days: number): number | null {
  const planned = bar.plannedEnd;
  if (planned === null || planned <= bar.startDate || (bar.endDate !== null && planned > bar.endDate)) return null;
  const at = nightsBetween(range.from, planned);
  return at >= 0 && at <= days ? at : null;
}

/** Is an open stay past its planned end on `today`? */
export const isOverdue = (bar: BoardBar, today: string) => bar.endDate === null && bar.plannedEnd !== null && bar.plannedEnd <= today;
