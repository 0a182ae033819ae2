import { describe, expect, it } from 'vitest';
import type { MonthSummary } from '../../electron/shared/channels/summary';
import { diffSummaries, flattenSummary, parseFigurePath } from '../../electron/shared/summary-paths';

// Figure blocks cut down to a few fields of each shape: numbers, nulls, nested counts, keyed lists, a null block.
const block = (entries: number, extra: Record<string, unknown> = {}) => ({
  entries,
  occupancyPct: entries === 0 ? null : 50,
  exitsByReason: { other: 1, transfer: entries },
  lengthOfStay: { meanDays: null, bands: { '0_30': 2 } },
  byNationality: [{ code: 'MA', count: 2 }, { code: 'other', count: 1 }],
  byPartner: [{ partnerId: 2, count: 3 }],
  contributions: null,
  ...extra,
});
const summary = (over: Partial<Record<'total' | 's4' | 'shelter' | 'p2', ReturnType<typeof block>>> = {}, moreStructures: unknown[] = []) =>
  ({
    month: '2026-03', from: '2026-03-01', to: '2026-03-31', days: 31,
    total: over.total ?? block(5),
    structures: [{ id: 4, name: 'Casa', type: 'shelter', partnerId: 2, figures: over.s4 ?? block(3) }, ...moreStructures],
    types: [{ type: 'shelter', figures: over.shelter ?? block(3) }],
    partners: [{ id: 2, name: 'Ente', figures: over.p2 ?? block(3) }],
    warnings: [{ kind: 'balance', level: 'total', key: null, value: 1, stayIds: [7], placeIds: [] }],
  }) as unknown as MonthSummary;

describe('summary paths', () => {
  it('names every figure by its level, key and place in the block, leaving labels and warnings out', () => {
    const flat = flattenSummary(summary());
    expect([...flat.keys()].filter((k) => k.startsWith('total.'))).toEqual([
      'total.entries', 'total.occupancyPct', 'total.exitsByReason.other', 'total.exitsByReason.transfer', 'total.lengthOfStay.meanDays',
      'total.lengthOfStay.bands.0_30', 'total.byNationality[code=MA].count', 'total.byNationality[code=other].count',
      'total.byPartner[partnerId=2].count', 'total.contributions',
    ]);
    expect(flat.get('structures[id=4].exitsByReason.other')).toBe(1);
    expect(flat.get('types[type=shelter].entries')).toBe(3);
    expect(flat.get('partners[id=2].byPartner[partnerId=2].count')).toBe(3);
    expect(flat.get('total.lengthOfStay.meanDays')).toBeNull();
    expect(flat.get('total.contributions')).toBeNull();
    expect([...flat.keys()].some((k) => /name|warnings|days|month/.test(k))).toBe(false);
    expect(flat.size).toBe(40); // 10 figures × (total, one structure, one type, one partner)
  });

  it('lists the figures that differ, closed value beside current value', () => {
    expect(diffSummaries(summary(), summary())).toEqual([]);
    const changed = summary({ total: block(6), s4: block(4, { byNationality: [{ code: 'MA', count: 3 }] }) }, [
      { id: 9, name: 'Nuova', type: 'shelter', partnerId: 2, figures: block(0) },
    ]);
    expect(diffSummaries(summary(), changed)).toEqual([
      { path: 'total.entries', closed: 5, current: 6 },
      { path: 'total.exitsByReason.transfer', closed: 5, current: 6 },
      { path: 'structures[id=4].entries', closed: 3, current: 4 },
      { path: 'structures[id=4].exitsByReason.transfer', closed: 3, current: 4 },
      { path: 'structures[id=4].byNationality[code=MA].count', closed: 2, current: 3 },
      // a nationality gone from the list is a figure gone: null now
      { path: 'structures[id=4].byNationality[code=other].count', closed: 1, current: null },
      // a structure new since the close: its non-null figures
      { path: 'structures[id=9].entries', closed: null, current: 0 },
      { path: 'structures[id=9].exitsByReason.other', closed: null, current: 1 },
      { path: 'structures[id=9].exitsByReason.transfer', closed: null, current: 0 },
      { path: 'structures[id=9].lengthOfStay.bands.0_30', closed: null, current: 2 },
      { path: 'structures[id=9].byNationality[code=MA].count', closed: null, current: 2 },
      { path: 'structures[id=9].byNationality[code=other].count', closed: null, current: 1 },
      { path: 'structures[id=9].byPartner[partnerId=2].count', closed: null, current: 3 },
    ]);
  });

  it('splits a path for a screen to label', () => {
    expect(parseFigurePath('structures[id=4].exitsByReason.other')).toEqual({ level: 'structures', key: '4', figure: 'exitsByReason.other' });
    expect(parseFigurePath('types[type=shelter].places')).toEqual({ level: 'types', key: 'shelter', figure: 'places' });
    expect(parseFigurePath('total.byNationality[code=MA].count')).toEqual({ level: 'total', key: null, figure: 'byNationality[code=MA].count' });
    expect(() => parseFigurePath('warnings[0].value')).toThrow();
  });
});
