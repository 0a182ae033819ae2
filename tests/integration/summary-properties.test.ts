// Properties of the monthly summary on generated registers (several seeds, every month of their history):
// the balance holds at every level, place-nights add up and never exceed what was available where no place
// is held twice, types and partners add up their structures, and the figures agree with a brute-force count
// made here, night by night and placement by placement, from the rows themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../electron/core/db/connection';
import { generateRegister } from '../../electron/core/demo/generator';
import { monthSeries, monthSummary } from '../../electron/core/services/summary';
import { monthSummarySchema, seriesPointSchema, type FigureBlock, type MonthSummary } from '../../electron/shared/channels/summary';
import { addDays } from '../../electron/shared/dates';
import { recordedOnTime } from '../../electron/shared/working-days';
import { ADMIN, cleanupDirs, copyOf, core, login, makeTemplate, type Template } from './helpers';

const TODAY = '2026-03-15';
const SEEDS = [3, 11, 29];

let template: Template;
beforeAll(async () => {
  template = await makeTemplate();
});
afterAll(cleanupDirs);

async function generated(seed: number): Promise<Connection> {
  const app = core(copyOf(template));
  await login(app, ADMIN.username, ADMIN.passphrase);
  const conn = app.session.open().conn;
  generateRegister(conn.db, conn.sqlite, { seed, scale: 'test', today: TODAY });
  return conn;
}

/** The months of the generated history: a year back from TODAY's month, plus the month after (nothing entered yet). */
function monthsOf(): string[] {
  const months: string[] = [];
  let [y, m] = [2025, 2];
  while (y < 2026 || m <= 4) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return months;
}

const ADDITIVE = ['places', 'placesAtEnd', 'availableNights', 'occupiedNights', 'openAtStart', 'entries', 'exits', 'openAtEnd', 'expectedOpenAtEnd'] as const;

function sumOf(blocks: FigureBlock[], pick: (b: FigureBlock) => number): number {
  return blocks.reduce((s, b) => s + pick(b), 0);
}

/** The brute-force oracle: every row loaded, every night of the month walked. */
function oracle(conn: Connection, s: string, e: string) {
  const q = <T>(sql: string) => conn.sqlite.prepare(sql).all() as T[];
  const placeStructure = new Map(q<{ id: number; structureId: number }>('SELECT p.id, r.structure_id AS structureId FROM places p JOIN rooms r ON r.id = p.room_id').map((p) => [p.id, p.structureId]));
  const places = q<{ id: number; activeFrom: string; activeTo: string | null }>('SELECT id, active_from AS activeFrom, active_to AS activeTo FROM places');
  const oos = q<{ placeId: number; fromDate: string; toDate: string | null }>('SELECT place_id AS placeId, from_date AS fromDate, to_date AS toDate FROM place_out_of_service');
  const placements = q<{ id: number; stayId: number; placeId: number; startDate: string; endDate: string | null; recordedAt: string | null; endRecordedAt: string | null }>(
    `SELECT id, stay_id AS stayId, place_id AS placeId, start_date AS startDate, end_date AS endDate, recorded_at AS recordedAt, end_recorded_at AS endRecordedAt
    FROM placements ORDER BY stay_id, start_date, id`);
  const stays = q<{ id: number; entryDate: string; exitDate: string | null; createdAt: string; exitRecordedAt: string | null }>(
    'SELECT id, entry_date AS entryDate, exit_date AS exitDate, created_at AS createdAt, exit_recorded_at AS exitRecordedAt FROM stays');
  const nights: string[] = [];
  for (let d = s; d <= e; d = addDays(d, 1)) nights.push(d);
  const covers = (from: string, to: string | null, d: string) => from <= d && (to === null || d < to);

  const available = new Map<number, number>();
  const occupied = new Map<number, number>();
  let doubleBooked = false;
  const add = (m: Map<number, number>, k: number, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  for (const p of places) {
    for (const d of nights) {
      if (covers(p.activeFrom, p.activeTo, d) && !oos.some((o) => o.placeId === p.id && covers(o.fromDate, o.toDate, d))) add(available, placeStructure.get(p.id)!, 1);
      const here = placements.filter((x) => x.placeId === p.id && covers(x.startDate, x.endDate, d)).length;
      if (here > 1) doubleBooked = true;
      add(occupied, placeStructure.get(p.id)!, here);
    }
  }
  // Segments: consecutive placements of a stay in one structure.
  type Segment = { structureId: number; start: string; end: string | null; entryRecorded: string | null; exitRecorded: string | null };
  const segments: Segment[] = [];
  let previous: { stayId: number; structureId: number; segment: Segment } | null = null;
  for (const x of placements) {
    const structureId = placeStructure.get(x.placeId)!;
    if (previous && previous.stayId === x.stayId && previous.structureId === structureId) Object.assign(previous.segment, { end: x.endDate, exitRecorded: x.endRecordedAt });
    else {
      const segment: Segment = { structureId, start: x.startDate, end: x.endDate, entryRecorded: x.recordedAt, exitRecorded: x.endRecordedAt };
      segments.push(segment);
      previous = { stayId: x.stayId, structureId, segment };
    }
  }
  // Timeliness event by event with the shared rule (the summary compares instants in SQL instead).
  const inMonth = (d: string | null) => d !== null && d >= s && d <= e;
  const flows = (units: { start: string; end: string | null; entryRecorded: string | null; exitRecorded: string | null }[]) => ({
    timeliness: expect.objectContaining({
      entriesOnTime: units.filter((u) => inMonth(u.start) && recordedOnTime(u.start, u.entryRecorded) === true).length,
      exitsOnTime: units.filter((u) => inMonth(u.end) && recordedOnTime(u.end!, u.exitRecorded) === true).length,
    }),
    openAtStart: units.filter((u) => u.start < s && (u.end === null || u.end >= s)).length,
    entries: units.filter((u) => u.start >= s && u.start <= e).length,
    exits: units.filter((u) => u.end !== null && u.end >= s && u.end <= e).length,
    openAtEnd: units.filter((u) => u.start <= e && (u.end === null || u.end > e)).length,
  });
  return {
    available, occupied, doubleBooked,
    total: flows(stays.map((x) => ({ start: x.entryDate, end: x.exitDate, entryRecorded: x.createdAt, exitRecorded: x.exitRecordedAt }))),
    structure: (id: number) => flows(segments.filter((g) => g.structureId === id)),
  };
}

describe('the monthly summary on generated registers', () => {
  const results: { seed: number; month: string; summary: MonthSummary; conn: Connection }[] = [];
  beforeAll(async () => {
    for (const seed of SEEDS) {
      const conn = await generated(seed);
      for (const month of monthsOf()) results.push({ seed, month, summary: monthSummary(conn.db, month), conn });
    }
  }, 240_000);

  it('has the shape of the contract, and the same register gives the same JSON', () => {
    for (const r of results) {
      expect(monthSummarySchema.parse(r.summary)).toEqual(r.summary);
      expect(JSON.stringify(monthSummary(r.conn.db, r.month))).toBe(JSON.stringify(r.summary));
    }
  });

  it('balances at every level: open at start + entries − exits = open at end, with no balance warning', () => {
    for (const { seed, month, summary } of results) {
      const blocks = [summary.total, ...summary.structures.map((x) => x.figures), ...summary.types.map((x) => x.figures), ...summary.partners.map((x) => x.figures)];
      for (const b of blocks) expect(b.openAtStart + b.entries - b.exits, `seed ${seed} ${month}`).toBe(b.openAtEnd);
      expect(summary.warnings.filter((w) => w.kind === 'balance'), `seed ${seed} ${month}`).toEqual([]);
    }
  });

  it('adds up: structures to the total place-nights, structures to their types and partners for every additive figure', () => {
    for (const { seed, month, summary } of results) {
      const where = `seed ${seed} ${month}`;
      const structures = summary.structures.map((x) => x.figures);
      for (const figure of ['places', 'placesAtEnd', 'availableNights', 'occupiedNights'] as const)
        expect(sumOf(structures, (b) => b[figure]), `${where} ${figure}`).toBe(summary.total[figure]);
      const groups = [
        ...summary.types.map((t) => ({ name: t.type, figures: t.figures, members: summary.structures.filter((x) => x.type === t.type) })),
        ...summary.partners.map((p) => ({ name: `partner ${p.id}`, figures: p.figures, members: summary.structures.filter((x) => x.partnerId === p.id) })),
      ];
      for (const g of groups) {
        const members = g.members.map((x) => x.figures);
        for (const figure of ADDITIVE) expect(sumOf(members, (b) => b[figure]), `${where} ${g.name} ${figure}`).toBe(g.figures[figure]);
        for (const reason of Object.keys(g.figures.exitsByReason) as (keyof FigureBlock['exitsByReason'])[])
          expect(sumOf(members, (b) => b.exitsByReason[reason]), `${where} ${g.name} ${reason}`).toBe(g.figures.exitsByReason[reason]);
        for (const band of Object.keys(g.figures.lengthOfStay.bands) as (keyof FigureBlock['lengthOfStay']['bands'])[])
          expect(sumOf(members, (b) => b.lengthOfStay.bands[band]), `${where} ${g.name} ${band}`).toBe(g.figures.lengthOfStay.bands[band]);
        expect(sumOf(members, (b) => b.extensions.pastPlannedEndAtEnd), `${where} ${g.name}`).toBe(g.figures.extensions.pastPlannedEndAtEnd);
        expect(sumOf(members, (b) => b.extensions.granted), `${where} ${g.name}`).toBe(g.figures.extensions.granted);
        for (const figure of ['entriesOnTime', 'exitsOnTime'] as const)
          expect(sumOf(members, (b) => b.timeliness[figure]), `${where} ${g.name} ${figure}`).toBe(g.figures.timeliness[figure]);
        // Persons are distinct within a level: never more than the structures' sum, never fewer than the largest.
        expect(g.figures.personsServed).toBeLessThanOrEqual(sumOf(members, (b) => b.personsServed));
        expect(g.figures.personsServed).toBeGreaterThanOrEqual(Math.max(0, ...members.map((b) => b.personsServed)));
      }
      // Breakdowns that partition the persons served add up to them.
      for (const b of [summary.total, ...structures]) {
        for (const breakdown of [b.byGender, b.byAgeBand, b.byHouseholdType]) expect(Object.values(breakdown).reduce((x, y) => x + y, 0), where).toBe(b.personsServed);
        expect(b.byNationality.reduce((x, y) => x + y.count, 0), where).toBe(b.personsServed);
        expect(b.householdsServed).toBeLessThanOrEqual(b.personsServed);
      }
    }
  });

  it('agrees with a count made night by night from the rows, and never occupies more than was available where no place is held twice', () => {
    // Three months per seed keep the brute force short: one early, one mid-history, the current one.
    for (const { seed, month, summary, conn } of results.filter((r) => ['2025-04', '2025-10', '2026-03'].includes(r.month))) {
      const where = `seed ${seed} ${month}`;
      const truth = oracle(conn, summary.from, summary.to);
      expect(truth.doubleBooked, `${where}: the generator double-booked a place`).toBe(false);
      expect(summary.total).toMatchObject(truth.total);
      for (const s of summary.structures) {
        expect(s.figures.availableNights, `${where} structure ${s.id}`).toBe(truth.available.get(s.id) ?? 0);
        expect(s.figures.occupiedNights, `${where} structure ${s.id}`).toBe(truth.occupied.get(s.id) ?? 0);
        expect(s.figures, `${where} structure ${s.id}`).toMatchObject(truth.structure(s.id));
        expect(s.figures.occupiedNights, `${where} structure ${s.id}`).toBeLessThanOrEqual(s.figures.availableNights);
      }
      expect(summary.total.occupiedNights).toBeLessThanOrEqual(summary.total.availableNights);
      expect(summary.warnings.filter((w) => w.kind === 'occupancyOver'), where).toEqual([]);
    }
  });

  it('the series gives each month the summary’s totals', () => {
    const seed = SEEDS[0]!;
    const mine = results.filter((r) => r.seed === seed);
    const series = monthSeries(mine[0]!.conn.db, '2026-03', 12);
    expect(series.map((p) => p.month)).toEqual(mine.map((r) => r.month).filter((m) => m >= '2025-04' && m <= '2026-03'));
    for (const point of series) {
      seriesPointSchema.parse(point);
      const t = mine.find((r) => r.month === point.month)!.summary.total;
      expect(point).toEqual({ month: point.month, availableNights: t.availableNights, occupiedNights: t.occupiedNights, occupancyPct: t.occupancyPct, entries: t.entries, exits: t.exits });
    }
  });
});
