// The summary page's own logic: the figures' names and the amendments' paths in words (both languages), the
// level and breakdown rows, the tables' sorting (TanStack Table's sorted row model, as the page uses it), the
// charts' table view, and the default month.
import { constructTable, type Table } from '@tanstack/table-core';
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AGE_BANDS, HOUSEHOLD_TYPES, STAY_BANDS, SUMMARY_EXIT_REASONS, figureBlockSchema, monthSummarySchema,
  type FigureBlock, type MonthSummary,
} from '../../electron/shared/channels/summary';
import { CONTRIBUTION_TYPES } from '../../electron/shared/contributions';
import { DECLINE_REASONS, GENDERS, STRUCTURE_TYPES, VULNERABILITIES } from '../../electron/shared/domain';
import { en as enDict, it as itDict } from '../../renderer/src/i18n/resources';
import { describePath, formatFigure, MAIN_FIGURES, parsePath } from '../../renderer/src/features/summary/figure-labels';
import { balanceOf, breakdownRows, contributionRows, figuresOf, lastCompleteMonth, levelRows, monthName, nextMonth } from '../../renderer/src/features/summary/summary-rows';
import { levelColumns, countColumns } from '../../renderer/src/features/summary/summary-columns';
import { summaryTableFeatures, type SummaryColumn } from '../../renderer/src/features/summary/summary-table';
import { occupancyAxisMax, seriesRows } from '../../renderer/src/features/summary/chart-rows';

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** A level's figures, all zero unless overridden; checked against the contract's schema so it stays a real one. */
function block(over: Partial<FigureBlock> = {}): FigureBlock {
  const money = () => Object.fromEntries(CONTRIBUTION_TYPES.map((t) => [t, { count: 0, cents: 0 }])) as NonNullable<FigureBlock['contributions']>['decided'];
  return figureBlockSchema.parse({
    places: 0, placesAtEnd: 0, availableNights: 0, occupiedNights: 0, occupancyPct: null, openAtStart: 0, entries: 0, exits: 0,
    exitsByReason: zeros(SUMMARY_EXIT_REASONS), openAtEnd: 0, expectedOpenAtEnd: 0, personsServed: 0, householdsServed: 0,
    lengthOfStay: { exits: 0, meanDays: null, medianDays: null, bands: zeros(STAY_BANDS) },
    byGender: zeros(GENDERS), byAgeBand: zeros(AGE_BANDS), byNationality: [], byStructureType: zeros(STRUCTURE_TYPES), byPartner: [],
    byVulnerability: zeros(VULNERABILITIES), byHouseholdType: zeros(HOUSEHOLD_TYPES),
    referrals: { received: 0, placed: 0, declined: 0, declinedByReason: zeros(DECLINE_REASONS), withdrawn: 0, pendingAtEnd: 0, medianHoursToAdmission: null },
    extensions: { pastPlannedEndAtEnd: 0, granted: 0 },
    contributions: {
      decided: money(), disbursed: money(), householdsSupported: 0,
      yearToDate: Object.fromEntries(CONTRIBUTION_TYPES.map((t) => [t, { approvedCents: 0, paidCents: 0, budgetCents: null }])),
    },
    timeliness: { entries: 0, entriesOnTime: 0, exits: 0, exitsOnTime: 0, pct: null },
    ...over,
  });
}

const atStructure = (over: Partial<FigureBlock>) => block({ contributions: null, referrals: { received: null, placed: 0, declined: null, declinedByReason: null, withdrawn: null, pendingAtEnd: null, medianHoursToAdmission: null }, ...over });

const summary: MonthSummary = monthSummarySchema.parse({
  month: '2026-03', from: '2026-03-01', to: '2026-03-31', days: 31,
  total: block({ places: 30, availableNights: 900, occupiedNights: 700, occupancyPct: 77.8, openAtStart: 20, entries: 6, exits: 4, openAtEnd: 22, personsServed: 26,
    byNationality: [{ code: 'NG', count: 9 }, { code: 'other', count: 3 }, { code: 'unknown', count: 1 }], byPartner: [{ partnerId: 2, count: 14 }, { partnerId: 3, count: 12 }] }),
  structures: [
    { id: 4, name: 'Casa Aurora', type: 'shelter', partnerId: 2, figures: atStructure({ places: 10, occupancyPct: 104.2, entries: 3 }) },
    { id: 7, name: 'Appartamento Dora', type: 'cohousing', partnerId: 3, figures: atStructure({ places: 20, occupancyPct: null, entries: 5 }) },
    { id: 9, name: 'àbbazia di Borgo', type: 'host_family', partnerId: 3, figures: atStructure({ places: 2, occupancyPct: 50, entries: 1 }) },
  ],
  types: [{ type: 'shelter', figures: atStructure({ places: 10 }) }],
  partners: [{ id: 2, name: 'Associazione Mirafiori', figures: block({ places: 10 }) }, { id: 3, name: 'Cooperativa Dora', figures: block({ places: 22 }) }],
  warnings: [],
});

let tIt: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  const make = async (lng: 'it' | 'en') => {
    const instance = i18next.createInstance();
    await instance.init({ resources: { it: { translation: itDict }, en: { translation: enDict } }, lng, fallbackLng: 'it', interpolation: { escapeValue: false } });
    return instance.t as TFunction;
  };
  tIt = await make('it');
  tEn = await make('en');
});

/** Every leaf of a level's figures as a path, the way a snapshot's figures are named (lists picked by their key). */
function leafPaths(prefix: string, value: unknown): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  if (Array.isArray(value))
    return value.flatMap((item: Record<string, unknown>) => {
      const [field, key] = 'code' in item ? ['code', item.code] : ['partnerId', item.partnerId];
      return leafPaths(`${prefix}[${field}=${String(key)}]`, Object.fromEntries(Object.entries(item).filter(([k]) => k !== field)));
    });
  return Object.entries(value).flatMap(([k, v]) => leafPaths(`${prefix}.${k}`, v));
}

describe('figure paths in words', () => {
  it('splits a path into steps, picks included, and refuses what is not one', () => {
    expect(parsePath('structures[id=4].exitsByReason.other')).toEqual([{ name: 'structures', pick: { field: 'id', value: '4' } }, { name: 'exitsByReason' }, { name: 'other' }]);
    expect(parsePath('total.byNationality[code=NG].count')).toEqual([{ name: 'total' }, { name: 'byNationality', pick: { field: 'code', value: 'NG' } }, { name: 'count' }]);
    expect(parsePath('total..entries')).toBeNull();
    expect(parsePath('total.entries]')).toBeNull();
    expect(parsePath('')).toBeNull();
  });

  it('names the level and the figure in Italian and English, with the unit to format it', () => {
    expect(describePath(tIt, 'total.entries', summary, 'it')).toEqual({ level: 'Totale', figure: 'Ingressi', unit: 'count' });
    expect(describePath(tIt, 'structures[id=4].exitsByReason.other', summary, 'it')).toEqual({ level: 'Struttura Casa Aurora', figure: 'Uscite per motivo › Altro', unit: 'count' });
    expect(describePath(tEn, 'structures[id=4].exitsByReason.transfer', summary, 'en')).toEqual({ level: 'Structure Casa Aurora', figure: 'Exits by reason › Transfer to another structure of the programme', unit: 'count' });
    expect(describePath(tIt, 'types[type=host_family].lengthOfStay.bands.31_60', summary, 'it')).toEqual({ level: 'Tipo Famiglia ospitante', figure: 'Durata della permanenza › Per fascia › 31–60 giorni', unit: 'count' });
    expect(describePath(tEn, 'partners[id=3].contributions.decided.rental_start.cents', summary, 'en')).toEqual({ level: 'Partner Cooperativa Dora', figure: 'Contributions › Approved in the month › Rental start › amount', unit: 'cents' });
    expect(describePath(tIt, 'total.byNationality[code=NG].count', summary, 'it')?.figure).toBe('Per nazionalità › Nigeria');
    expect(describePath(tIt, 'total.byPartner[partnerId=2].count', summary, 'it')?.figure).toBe('Per ente gestore › Associazione Mirafiori');
    expect(describePath(tIt, 'total.occupancyPct', summary, 'it')?.unit).toBe('pct');
    expect(describePath(tIt, 'total.timeliness.pct', summary, 'it')).toEqual({ level: 'Totale', figure: 'Tempestività › In tempo %', unit: 'pct' });
    expect(describePath(tIt, 'total.lengthOfStay.medianDays', summary, 'it')?.unit).toBe('days');
    expect(describePath(tIt, 'structures[id=99].entries', summary, 'it')?.level).toBe('Struttura n. 99');
  });

  it('gives no words to a path it does not know, so the page shows the path itself', () => {
    expect(describePath(tIt, 'total.noSuchFigure', summary, 'it')).toBeNull();
    expect(describePath(tIt, 'elsewhere.entries', summary, 'it')).toBeNull();
    expect(describePath(tIt, 'total', summary, 'it')).toBeNull();
  });

  it('names every figure of a level, each differently, in both languages', () => {
    const paths = [...leafPaths('total', summary.total), ...leafPaths('structures[id=4]', summary.structures[0]!.figures)];
    expect(paths.length).toBeGreaterThan(100);
    for (const [t, locale] of [[tIt, 'it'], [tEn, 'en']] as const) {
      const named = paths.map((path) => [path, describePath(t, path, summary, locale)] as const);
      expect(named.filter(([, words]) => words === null).map(([path]) => path)).toEqual([]);
      const totals = named.filter(([path]) => path.startsWith('total.')).map(([, w]) => w!.figure);
      expect(new Set(totals).size).toBe(totals.length);
      // No raw key leaks into the words (a missing translation would show as its key).
      expect(totals.filter((words) => /summary\.|vocab\.|[a-z]+_[a-z]+/.test(words))).toEqual([]);
    }
  });
});

describe('figures formatted', () => {
  it('writes counts, percentages, days and money in the interface language; nothing for a figure that does not exist', () => {
    expect(formatFigure(12345, 'count', 'it')).toBe('12.345');
    expect(formatFigure(77.8, 'pct', 'it')).toBe('77,8 %');
    expect(formatFigure(100, 'pct', 'en')).toBe('100.0 %');
    expect(formatFigure(12.25, 'days', 'en')).toBe('12.3');
    expect(formatFigure(123450, 'cents', 'it').replace(/\s/g, ' ')).toBe('1.234,50 €');
    expect(formatFigure(null, 'pct', 'it')).toBe('');
  });
});

describe('level and breakdown rows', () => {
  it('lists the structures with their type and partner in words, and the chosen level’s figures', () => {
    const rows = levelRows(tIt, summary, 'structures');
    expect(rows.map((r) => [r.key, r.name, r.type, r.partner])).toEqual([
      ['structure:4', 'Casa Aurora', 'Rifugio protetto', 'Associazione Mirafiori'],
      ['structure:7', 'Appartamento Dora', 'Coabitazione solidale', 'Cooperativa Dora'],
      ['structure:9', 'àbbazia di Borgo', 'Famiglia ospitante', 'Cooperativa Dora'],
    ]);
    expect(figuresOf(tIt, summary, 'partner:3').figures.places).toBe(22);
    expect(figuresOf(tIt, summary, 'structure:123')).toMatchObject({ key: 'total', name: 'Tutto il programma' });
  });

  it('names nationalities (with other and unknown) and partners in the breakdowns', () => {
    expect(breakdownRows(tEn, summary, summary.total, 'byNationality', 'en').map((r) => [r.label, r.count])).toEqual([['Nigeria', 9], ['Other nationalities', 3], ['Nationality not known', 1]]);
    expect(breakdownRows(tIt, summary, summary.total, 'byPartner', 'it').map((r) => r.label)).toEqual(['Associazione Mirafiori', 'Cooperativa Dora']);
    expect(breakdownRows(tIt, summary, summary.total, 'byAgeBand', 'it').map((r) => r.key)).toEqual([...AGE_BANDS]);
  });

  it('has contributions in total and per partner, none per structure', () => {
    expect(contributionRows(tIt, summary.total)?.map((r) => r.key)).toEqual([...CONTRIBUTION_TYPES]);
    expect(contributionRows(tIt, summary.total)?.[0]?.budgetCents).toBeNull();
    expect(contributionRows(tIt, summary.structures[0]!.figures)).toBeNull();
  });

  it('checks the balance: open at start + entries − exits against open at end', () => {
    expect(balanceOf(summary.total)).toEqual({ expected: 22, balanced: true });
    expect(balanceOf({ ...summary.total, openAtEnd: 21 })).toEqual({ expected: 22, balanced: false });
  });
});

function sortedBy<T>(columns: SummaryColumn<T & object>[], data: (T & object)[], id: string, desc: boolean, getRowId: (row: T & object) => string): string[] {
  const table = constructTable({
    // The page's own features (sorted row model included), with plain-store reactivity instead of React's.
    features: { ...summaryTableFeatures, coreReactivityFeature: storeReactivityBindings() },
    columns,
    data,
    getRowId,
    state: { sorting: [{ id, desc }] },
  } as never) as Table<typeof summaryTableFeatures, T & object>;
  return table.getRowModel().rows.map((row) => row.id);
}

describe('table sorting', () => {
  const rows = () => levelRows(tIt, summary, 'structures');
  const columns = () => levelColumns(tIt, 'it', 'structures');

  it('offers the name, type, partner and every main figure as columns, all sortable', () => {
    expect(columns().map((c) => c.id)).toEqual(['name', 'type', 'partner', ...MAIN_FIGURES.map((f) => f.key)]);
    expect(levelColumns(tIt, 'it', 'partners').map((c) => c.id)).toEqual(['name', ...MAIN_FIGURES.map((f) => f.key)]);
  });

  it('sorts names as a reader expects (case and accents aside)', () => {
    // In code-point order 'àbbazia' would come last (à > every ASCII letter), 'Appartamento' before it.
    expect(sortedBy(columns(), rows(), 'name', false, (r) => r.key)).toEqual(['structure:9', 'structure:7', 'structure:4']);
    expect(sortedBy(columns(), rows(), 'name', true, (r) => r.key)).toEqual(['structure:4', 'structure:7', 'structure:9']);
  });

  it('sorts figures as numbers, with a figure that does not exist last in either order', () => {
    expect(sortedBy(columns(), rows(), 'occupancyPct', true, (r) => r.key)).toEqual(['structure:4', 'structure:9', 'structure:7']);
    expect(sortedBy(columns(), rows(), 'occupancyPct', false, (r) => r.key)).toEqual(['structure:9', 'structure:4', 'structure:7']);
    expect(sortedBy(columns(), rows(), 'entries', false, (r) => r.key)).toEqual(['structure:9', 'structure:4', 'structure:7']);
  });

  it('sorts a breakdown by count or by share of the persons served', () => {
    const data = breakdownRows(tIt, summary, summary.total, 'byNationality', 'it');
    expect(countColumns(tIt, 'it', 26).map((c) => c.id)).toEqual(['label', 'count', 'share']);
    expect(sortedBy(countColumns(tIt, 'it', 26), data, 'share', false, (r) => r.key)).toEqual(['unknown', 'other', 'NG']);
  });
});

describe('the charts’ rows and table view', () => {
  const series = [
    { month: '2026-03', availableNights: 900, occupiedNights: 700, occupancyPct: 77.8, entries: 6, exits: 4 },
    { month: '2026-01', availableNights: 0, occupiedNights: 0, occupancyPct: null, entries: 0, exits: 0 },
    { month: '2026-02', availableNights: 800, occupiedNights: 880, occupancyPct: 110, entries: 3, exits: 5 },
  ];

  it('puts the months in order, labelled in the interface language, keeping a month with no places as a gap', () => {
    const rows = seriesRows(series, 'it');
    expect(rows.map((r) => [r.month, r.label, r.occupancyPct])).toEqual([['2026-01', 'Gen 2026', null], ['2026-02', 'Feb 2026', 110], ['2026-03', 'Mar 2026', 77.8]]);
    expect(seriesRows(series, 'en')[2]!.label).toBe('Mar 2026');
  });

  it('keeps the 100 % line in view, and a month above it', () => {
    expect(occupancyAxisMax(seriesRows(series.slice(0, 2), 'it'))).toBe(110);
    expect(occupancyAxisMax(seriesRows(series, 'it'))).toBe(120);
    expect(occupancyAxisMax([])).toBe(110);
  });
});

describe('months', () => {
  it('defaults to the last complete month, across the new year', () => {
    expect(lastCompleteMonth('2026-03-15')).toBe('2026-02');
    expect(lastCompleteMonth('2026-01-01')).toBe('2025-12');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(monthName('2026-03', 'it')).toBe('Marzo 2026');
    expect(monthName('2026-03', 'en')).toBe('March 2026');
  });
});
