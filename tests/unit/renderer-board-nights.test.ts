// The bed board's model: which nights a view shows, the rows structure › room › place, what each place is
// on each night (free as the availability answer says, occupied, out of service, inactive), bars clipped to the view.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Place { placeId: number; label: string; kind: 'bed' | 'cot'; roomId: number; roomName: string; structureId: number; structureName: string; structureType: string; activeFrom: string; activeTo: string | null }
interface Bar { placementId: number; placeId: number; personId: number; stayId: number; label: string; startDate: string; endDate: string | null; plannedEnd: string | null }
interface Oos { id: number; placeId: number; reason: string; fromDate: string; toDate: string | null }
interface Data { places: Place[]; bars: Bar[]; outOfService: Oos[] }
interface Range { from: string; to: string }
interface Run { from: string; until: string | null }
interface Line { nights: Uint8Array; bars: { bar: Bar; start: number; end: number; plannedEndAt: number | null }[]; outOfService: { start: number; end: number }[]; inactive: { start: number; end: number }[]; freeUntil: (string | null)[] }
interface Model {
  viewRange(view: 'week' | 'month', anchor: string): Range;
  shiftAnchor(view: 'week' | 'month', anchor: string, step: -1 | 1): string;
  nightsOf(range: Range): string[];
  boardRows(places: Place[]): ({ kind: 'structure' | 'room'; name: string } | { kind: 'place'; place: Place })[];
  placeLines(data: Data, range: Range, free: Map<number, Run[]>): Map<number, Line>;
  isOverdue(bar: Bar, today: string): boolean;
  NIGHT_FREE: number; NIGHT_OCCUPIED: number; NIGHT_OUT_OF_SERVICE: number; NIGHT_INACTIVE: number;
}
// Loaded by path: the module belongs to the renderer's TypeScript project (see i18n.test.ts).
const model = (await import(join(resolve(__dirname, '../..'), 'renderer/src/features/board/board-model.ts'))) as Model;

const place = (placeId: number, label: string, room: [number, string], structure: [number, string], extra: Partial<Place> = {}): Place => ({
  placeId, label, kind: 'bed', roomId: room[0], roomName: room[1], structureId: structure[0], structureName: structure[1], structureType: 'shelter', activeFrom: '2020-01-01', activeTo: null, ...extra,
});
const bar = (placementId: number, placeId: number, startDate: string, endDate: string | null, plannedEnd: string | null = null): Bar => ({
  placementId, placeId, personId: placementId * 10, stayId: placementId, label: `AP-${placementId}`, startDate, endDate, plannedEnd,
});

describe('bed board views', () => {
  it('shows a Monday-to-Sunday week around the anchor, and steps a week at a time', () => {
    expect(model.viewRange('week', '2026-12-03')).toEqual({ from: '2026-11-30', to: '2026-12-07' });
    expect(model.viewRange('week', '2026-12-06')).toEqual({ from: '2026-11-30', to: '2026-12-07' });
    expect(model.shiftAnchor('week', '2026-12-03', 1)).toBe('2026-12-07');
    expect(model.shiftAnchor('week', '2026-12-03', -1)).toBe('2026-11-23');
  });

  it('shows a calendar month, across a year end and a leap February', () => {
    expect(model.viewRange('month', '2026-12-15')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(model.nightsOf(model.viewRange('month', '2028-02-10'))).toHaveLength(29);
    expect(model.shiftAnchor('month', '2026-12-15', 1)).toBe('2027-01-01');
    expect(model.shiftAnchor('month', '2026-01-31', -1)).toBe('2025-12-01');
  });
});

describe('bed board rows', () => {
  it('groups places under their structure and room, in natural order (Letto 2 before Letto 10)', () => {
    const rows = model.boardRows([
      place(3, 'Letto 10', [1, 'Camera A'], [1, 'Rifugio Nord']),
      place(4, 'Letto 1', [2, 'Camera B'], [1, 'Rifugio Nord']),
      place(2, 'Letto 2', [1, 'Camera A'], [1, 'Rifugio Nord']),
      place(5, 'Letto 1', [3, 'Stanza'], [2, 'Casa Aurora']),
    ]);
    expect(rows.map((r) => (r.kind === 'place' ? `  ${r.place.label}` : `${r.kind}:${r.name}`))).toEqual([
      'structure:Casa Aurora', 'room:Stanza', '  Letto 1',
      'structure:Rifugio Nord', 'room:Camera A', '  Letto 2', '  Letto 10', 'room:Camera B', '  Letto 1',
    ]);
  });
});

describe('bed board nights', () => {
  const week = { from: '2026-12-07', to: '2026-12-14' };
  /** The availability answer for a place free over the whole week (the service's own cases are in tests/integration/availability.test.ts). */
  const allFree = (...ids: number[]) => new Map(ids.map((id) => [id, [{ from: week.from, until: null }]]));

  it('marks the nights a placement covers as occupied, half-open: the exit night is free again', () => {
    const data: Data = { places: [place(1, 'Letto 1', [1, 'A'], [1, 'S'])], bars: [bar(1, 1, '2026-12-08', '2026-12-10')], outOfService: [] };
    const line = model.placeLines(data, week, allFree(1)).get(1)!;
    expect([...line.nights]).toEqual([0, 1, 1, 0, 0, 0, 0].map((n) => (n ? model.NIGHT_OCCUPIED : model.NIGHT_FREE)));
    expect(line.bars[0]).toMatchObject({ start: 1, end: 3 });
  });

  it('clips bars that start before the view or run on after it', () => {
    const data: Data = { places: [place(1, 'Letto 1', [1, 'A'], [1, 'S'])], bars: [bar(1, 1, '2026-11-01', null)], outOfService: [] };
    const line = model.placeLines(data, week, allFree(1)).get(1)!;
    expect(line.bars[0]).toMatchObject({ start: 0, end: 7 });
    expect(line.nights.every((n) => n === model.NIGHT_OCCUPIED)).toBe(true);
  });

  it('draws nothing for a same-day entry and exit (zero nights)', () => {
    const data: Data = { places: [place(1, 'Letto 1', [1, 'A'], [1, 'S'])], bars: [bar(1, 1, '2026-12-09', '2026-12-09')], outOfService: [] };
    const line = model.placeLines(data, week, allFree(1)).get(1)!;
    expect(line.bars).toHaveLength(0);
    expect(line.nights.every((n) => n === model.NIGHT_FREE)).toBe(true);
  });

  it('shows out-of-service nights and nights outside the active period as not free', () => {
    const data: Data = {
      places: [place(1, 'Letto 1', [1, 'A'], [1, 'S'], { activeFrom: '2026-12-09', activeTo: '2026-12-13' })],
      bars: [],
      outOfService: [{ id: 1, placeId: 1, reason: 'Muffa', fromDate: '2026-12-10', toDate: '2026-12-11' }],
    };
    const line = model.placeLines(data, week, allFree(1)).get(1)!;
    const { NIGHT_FREE: F, NIGHT_OUT_OF_SERVICE: O, NIGHT_INACTIVE: I } = model;
    expect([...line.nights]).toEqual([I, I, F, O, F, F, I]);
    expect(line.inactive).toEqual([{ start: 0, end: 2 }, { start: 6, end: 7 }]);
    expect(line.outOfService).toMatchObject([{ start: 3, end: 4 }]);
  });

  it('marks the planned end on the bar running when it falls, not on an earlier placement of the stay', () => {
    const data: Data = {
      places: [place(1, 'Letto 1', [1, 'A'], [1, 'S']), place(2, 'Letto 2', [1, 'A'], [1, 'S'])],
      // A transfer on the 9th: the first placement ends when the second begins; the stay is planned to end on the 12th.
      bars: [bar(1, 1, '2026-12-01', '2026-12-09', '2026-12-12'), bar(2, 2, '2026-12-09', null, '2026-12-12')],
      outOfService: [],
    };
    const lines = model.placeLines(data, week, allFree(1, 2));
    expect(lines.get(1)!.bars[0]!.plannedEndAt).toBeNull();
    expect(lines.get(2)!.bars[0]!.plannedEndAt).toBe(5);
  });

  it('calls an open stay overdue from its planned end on', () => {
    expect(model.isOverdue(bar(1, 1, '2026-12-01', null, '2026-12-10'), '2026-12-09')).toBe(false);
    expect(model.isOverdue(bar(1, 1, '2026-12-01', null, '2026-12-10'), '2026-12-10')).toBe(true);
    expect(model.isOverdue(bar(1, 1, '2026-12-01', '2026-12-05', '2026-12-03'), '2026-12-10')).toBe(false);
  });
});

describe('free nights from the availability answer', () => {
  const week = { from: '2026-12-07', to: '2026-12-14' };

  it('marks free only the nights of the runs, each with the night the place is needed again', () => {
    const data: Data = { places: [place(1, 'Letto 1', [1, 'A'], [1, 'S'])], bars: [bar(1, 1, '2026-12-12', null)], outOfService: [] };
    // Free until a booking on the 12th; availability says so, and the board shows it on every free night.
    const line = model.placeLines(data, week, new Map([[1, [{ from: '2026-12-07', until: '2026-12-12' }]]])).get(1)!;
    const { NIGHT_FREE: F, NIGHT_OCCUPIED: X } = model;
    expect([...line.nights]).toEqual([F, F, F, F, F, X, X]);
    expect(line.freeUntil.slice(0, 5)).toEqual(Array(5).fill('2026-12-12'));
  });

  it('shows a night no run covers as not free, even with nothing drawn on it (a room out of use)', () => {
    const data: Data = { places: [place(1, 'Letto 1', [1, 'A'], [1, 'S'])], bars: [], outOfService: [] };
    const line = model.placeLines(data, week, new Map()).get(1)!;
    expect(line.nights.every((n) => n === model.NIGHT_INACTIVE)).toBe(true);
    const open = model.placeLines(data, week, new Map([[1, [{ from: '2026-12-10', until: null }]]])).get(1)!;
    expect([...open.nights].map((n) => n === model.NIGHT_FREE)).toEqual([false, false, false, true, true, true, true]);
    expect(open.freeUntil[3]).toBeNull();
  });

  it('builds every line of a 600-place month', () => {
    const big: Data = { places: [], bars: [], outOfService: [] };
    const month = model.viewRange('month', '2026-12-01');
    const free = new Map<number, Run[]>();
    for (let i = 1; i <= 600; i++) {
      big.places.push(place(i, `Letto ${i % 10}`, [Math.ceil(i / 4), `Camera ${Math.ceil(i / 4)}`], [Math.ceil(i / 10), `Struttura ${Math.ceil(i / 10)}`]));
      if (i % 3) big.bars.push(bar(i, i, '2026-11-20', i % 2 ? null : '2026-12-18', '2026-12-24'));
      free.set(i, i % 3 === 0 ? [{ from: month.from, until: null }] : i % 2 ? [] : [{ from: '2026-12-18', until: null }]);
    }
    const lines = model.placeLines(big, month, free);
    expect(lines.size).toBe(600);
    expect([...lines.get(2)!.nights].filter((n) => n === model.NIGHT_FREE)).toHaveLength(31 - 17);
    expect([...lines.get(3)!.nights].every((n) => n === model.NIGHT_FREE)).toBe(true);
  });
});
