// The bed board's model: which nights a view shows, the rows structure › room › place, what each place is
// on each night (free, occupied, out of service, inactive), bars clipped to the view, and free places.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Place { placeId: number; label: string; kind: 'bed' | 'cot'; roomId: number; roomName: string; structureId: number; structureName: string; structureType: string; activeFrom: string; activeTo: string | null }
interface Bar { placementId: number; placeId: number; personId: number; stayId: number; label: string; startDate: string; endDate: string | null; plannedEnd: string | null }
interface Oos { id: number; placeId: number; reason: string; fromDate: string; toDate: string | null }
interface Data { places: Place[]; bars: Bar[]; outOfService: Oos[] }
interface Range { from: string; to: string }
interface Line { nights: Uint8Array; bars: { bar: Bar; start: number; end: number; plannedEndAt: number | null }[]; outOfService: { start: number; end: number }[]; inactive: { start: number; end: number }[] }
interface Model {
  viewRange(view: 'week' | 'month', anchor: string): Range;
  shiftAnchor(view: 'week' | 'month', anchor: string, step: -1 | 1): string;
  nightsOf(range: Range): string[];
  boardRows(places: Place[]): ({ kind: 'structure' | 'room'; name: string } | { kind: 'place'; place: Place })[];
  placeLines(data: Data, range: Range): Map<number, Line>;
  freePlaces(data: Data, range: Range): Place[];
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

  it('marks the nights a placement covers as occupied, half-open: the exit night is free again', () => {
    const data: Data = { places: [place(1, 'Letto 1', [1, 'A'], [1, 'S'])], bars: [bar(1, 1, '2026-12-08', '2026-12-10')], outOfService: [] };
    const line = model.placeLines(data, week).get(1)!;
    expect([...line.nights]).toEqual([0, 1, 1, 0, 0, 0, 0].map((n) => (n ? model.NIGHT_OCCUPIED : model.NIGHT_FREE)));
    expect(line.bars[0]).toMatchObject({ start: 1, end: 3 });
  });

  it('clips bars that start before the view or run on after it', () => {
    const data: Data = { places: [place(1, 'Letto 1', [1, 'A'], [1, 'S'])], bars: [bar(1, 1, '2026-11-01', null)], outOfService: [] };
    const line = model.placeLines(data, week).get(1)!;
    expect(line.bars[0]).toMatchObject({ start: 0, end: 7 });
    expect(line.nights.every((n) => n === model.NIGHT_OCCUPIED)).toBe(true);
  });

  it('draws nothing for a same-day entry and exit (zero nights)', () => {
    const data: Data = { places: [place(1, 'Letto 1', [1, 'A'], [1, 'S'])], bars: [bar(1, 1, '2026-12-09', '2026-12-09')], outOfService: [] };
    const line = model.placeLines(data, week).get(1)!;
    expect(line.bars).toHaveLength(0);
    expect(line.nights.every((n) => n === model.NIGHT_FREE)).toBe(true);
  });

  it('shows out-of-service nights and nights outside the active period as not free', () => {
    const data: Data = {
      places: [place(1, 'Letto 1', [1, 'A'], [1, 'S'], { activeFrom: '2026-12-09', activeTo: '2026-12-13' })],
      bars: [],
      outOfService: [{ id: 1, placeId: 1, reason: 'Muffa', fromDate: '2026-12-10', toDate: '2026-12-11' }],
    };
    const line = model.placeLines(data, week).get(1)!;
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
    const lines = model.placeLines(data, week);
    expect(lines.get(1)!.bars[0]!.plannedEndAt).toBeNull();
    expect(lines.get(2)!.bars[0]!.plannedEndAt).toBe(5);
  });

  it('calls an open stay overdue from its planned end on', () => {
    expect(model.isOverdue(bar(1, 1, '2026-12-01', null, '2026-12-10'), '2026-12-09')).toBe(false);
    expect(model.isOverdue(bar(1, 1, '2026-12-01', null, '2026-12-10'), '2026-12-10')).toBe(true);
    expect(model.isOverdue(bar(1, 1, '2026-12-01', '2026-12-05', '2026-12-03'), '2026-12-10')).toBe(false);
  });
});

describe('free places', () => {
  const data: Data = {
    places: [
      place(1, 'Letto 1', [1, 'A'], [1, 'S']),
      place(2, 'Letto 2', [1, 'A'], [1, 'S']),
      place(3, 'Letto 3', [1, 'A'], [1, 'S']),
      place(4, 'Letto 4', [1, 'A'], [1, 'S'], { activeTo: '2026-12-10' }),
      place(5, 'Letto 5', [1, 'A'], [1, 'S']),
    ],
    bars: [bar(1, 1, '2026-12-01', null), bar(2, 2, '2026-12-01', '2026-12-08')],
    outOfService: [{ id: 1, placeId: 3, reason: 'Lavori', fromDate: '2026-12-09', toDate: '2026-12-12' }],
  };

  it('offers only places active, in service and unoccupied on every night asked for', () => {
    expect(model.freePlaces(data, { from: '2026-12-08', to: '2026-12-09' }).map((p) => p.placeId)).toEqual([2, 3, 4, 5]);
    expect(model.freePlaces(data, { from: '2026-12-08', to: '2026-12-15' }).map((p) => p.placeId)).toEqual([2, 5]);
    expect(model.freePlaces(data, { from: '2026-12-07', to: '2026-12-08' }).map((p) => p.placeId)).toEqual([3, 4, 5]);
  });

  it('renders free nights on a 600-place month quickly enough to scroll', () => {
    const big: Data = { places: [], bars: [], outOfService: [] };
    for (let i = 1; i <= 600; i++) {
      big.places.push(place(i, `Letto ${i % 10}`, [Math.ceil(i / 4), `Camera ${Math.ceil(i / 4)}`], [Math.ceil(i / 10), `Struttura ${Math.ceil(i / 10)}`]));
      if (i % 3) big.bars.push(bar(i, i, '2026-11-20', i % 2 ? null : '2026-12-18', '2026-12-24'));
    }
    const month = model.viewRange('month', '2026-12-01');
    const started = performance.now();
    const lines = model.placeLines(big, month);
    model.boardRows(big.places);
    expect(performance.now() - started).toBeLessThan(100);
    expect(lines.size).toBe(600);
    expect([...lines.get(2)!.nights].filter((n) => n === model.NIGHT_FREE)).toHaveLength(31 - 17);
  });
});
