// The summary's export tables (electron/core/exports/summary-tables.ts) and its CSV: every small count leaves
// as `<3`, enough other cells are hidden that the independent audit (GLPK over everything published) cannot
// recompute or narrow any of them across the linked tables (per structure, type, partner and total), derived
// money and means go with their counts, zero stays zero, and the CSV read back by a parser holds exactly the
// published values with names that look like formulas left inert.
import { parse } from 'csv-parse/sync';
import readExcelFile from 'read-excel-file/node';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { AGE_BANDS, HOUSEHOLD_TYPES, STAY_BANDS, SUMMARY_EXIT_REASONS, type FigureBlock, type MonthSummary, monthSummarySchema } from '../../electron/shared/channels/summary';
import { CONTRIBUTION_TYPES } from '../../electron/shared/contributions';
import { DECLINE_REASONS, GENDERS, STRUCTURE_TYPES, VULNERABILITIES, type StructureType } from '../../electron/shared/domain';
import { protectTables } from '../../electron/shared/disclosure';
import { exportModel, summaryTables, type SummaryTables } from '../../electron/core/exports/summary-tables';
import { HIDDEN_MARK, summaryCsv } from '../../electron/core/exports/summary-csv';
import type { ExportMeta } from '../../electron/core/exports/summary-meta';
import { summaryXlsx } from '../../electron/core/exports/summary-xlsx';
import { Audit, loadGlpk } from './disclosure-audit';

type Glpk = Awaited<ReturnType<typeof loadGlpk>>;
let glpk: Glpk;
beforeAll(async () => {
  glpk = await loadGlpk();
});

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** A structure's figures from the few numbers a test sets; the rest zero, consistent with them. */
function block(f: { open: number; entries: number; exits: Partial<Record<(typeof SUMMARY_EXIT_REASONS)[number], number>>; female: number; male: number; places: number; nights: number; occupied: number; partners: number[]; partnerId: number; type: StructureType }): FigureBlock {
  const exits = Object.values(f.exits).reduce((s, n) => s + (n ?? 0), 0);
  const persons = f.female + f.male;
  return {
    places: f.places, placesAtEnd: f.places, availableNights: f.nights, occupiedNights: f.occupied, occupancyPct: Math.round((f.occupied * 1000) / f.nights) / 10,
    openAtStart: f.open, entries: f.entries, exits, exitsByReason: { ...zeros(SUMMARY_EXIT_REASONS), ...f.exits }, openAtEnd: f.open + f.entries - exits,
    expectedOpenAtEnd: f.open + f.entries - exits, personsServed: persons, householdsServed: persons,
    lengthOfStay: { exits, meanDays: exits ? 40 : null, medianDays: exits ? 40 : null, bands: { ...zeros(STAY_BANDS), '31_60': exits } },
    byGender: { ...zeros(GENDERS), female: f.female, male: f.male },
    byAgeBand: { ...zeros(AGE_BANDS), '26_40': persons },
    byNationality: persons ? [{ code: 'NG', count: persons }] : [],
    byStructureType: { ...zeros(STRUCTURE_TYPES), [f.type]: persons },
    byPartner: f.partners.map((partnerId) => ({ partnerId, count: partnerId === f.partnerId ? persons : 0 })),
    byVulnerability: { ...zeros(VULNERABILITIES), violence_survivor: f.female },
    byHouseholdType: { ...zeros(HOUSEHOLD_TYPES), single_adult: persons },
    referrals: { received: null, placed: f.entries, declined: null, declinedByReason: null, withdrawn: null, pendingAtEnd: null, medianHoursToAdmission: f.entries ? 12 : null },
    extensions: { pastPlannedEndAtEnd: 0, granted: 0 },
    contributions: null,
    timeliness: { entries: f.entries, entriesOnTime: f.entries, exits, exitsOnTime: exits, pct: f.entries + exits ? 100 : null },
  };
}

/** The sum of blocks, leaf by leaf (what a type, a partner and the total are when no one moved between structures). */
function sum(blocks: FigureBlock[]): FigureBlock {
  const add = (a: unknown, b: unknown): unknown => {
    if (typeof a === 'number' && typeof b === 'number') return a + b;
    if (a === null || b === null) return a ?? b;
    if (Array.isArray(a) && Array.isArray(b)) {
      const key = (x: { code?: string; partnerId?: number }) => String(x.code ?? x.partnerId);
      const out = new Map<string, { count: number }>(a.map((x) => [key(x), { ...x }]));
      for (const x of b) out.has(key(x)) ? (out.get(key(x))!.count += x.count) : out.set(key(x), { ...x });
      return [...out.values()];
    }
    if (typeof a === 'object' && typeof b === 'object') return Object.fromEntries(Object.keys(a!).map((k) => [k, add((a as never)[k], (b as never)[k])]));
    return a;
  };
  const total = blocks.reduce((acc, b) => add(acc, b) as FigureBlock);
  return { ...total, occupancyPct: Math.round((total.occupiedNights * 1000) / total.availableNights) / 10 };
}

const PARTNERS = [1, 2];
const FORMULA = '=1+1';
function scenario(): MonthSummary {
  const structures = [
    { id: 1, name: 'Casa Łódź', type: 'shelter' as const, partnerId: 1, figures: block({ open: 4, entries: 1, exits: { socio_economic_inclusion: 1, term_expired: 1 }, female: 5, male: 0, places: 6, nights: 186, occupied: 150, partners: PARTNERS, partnerId: 1, type: 'shelter' }) },
    { id: 2, name: FORMULA, type: 'shelter' as const, partnerId: 2, figures: block({ open: 6, entries: 5, exits: { socio_economic_inclusion: 3 }, female: 7, male: 4, places: 12, nights: 372, occupied: 300, partners: PARTNERS, partnerId: 2, type: 'shelter' }) },
    { id: 3, name: 'Coabitazione Şahin', type: 'cohousing' as const, partnerId: 1, figures: block({ open: 3, entries: 4, exits: { other: 2 }, female: 6, male: 1, places: 8, nights: 248, occupied: 120, partners: PARTNERS, partnerId: 1, type: 'cohousing' }) },
  ];
  const total = sum(structures.map((s) => s.figures));
  total.referrals = { ...total.referrals, received: 14, declined: 4, declinedByReason: { ...zeros(DECLINE_REASONS), no_place: 3, not_eligible: 1 }, withdrawn: 1, pendingAtEnd: 2 };
  const contributions = (approved: number, cents: number): FigureBlock['contributions'] => ({
    decided: Object.fromEntries(CONTRIBUTION_TYPES.map((t) => [t, t === 'rental_start' ? { count: approved, cents } : { count: 0, cents: 0 }])) as never,
    disbursed: Object.fromEntries(CONTRIBUTION_TYPES.map((t) => [t, { count: 0, cents: 0 }])) as never,
    householdsSupported: approved,
    yearToDate: Object.fromEntries(CONTRIBUTION_TYPES.map((t) => [t, { approvedCents: 500_000, paidCents: 100_000, budgetCents: 2_000_000 }])) as never,
  });
  total.contributions = contributions(5, 900_000);
  const partners = PARTNERS.map((id) => ({ id, name: id === 1 ? 'Associazione Nguyễn' : 'Cooperativa Đorđe', figures: sum(structures.filter((s) => s.partnerId === id).map((s) => s.figures)) }));
  partners[0]!.figures.contributions = contributions(1, 150_000);
  partners[1]!.figures.contributions = contributions(4, 750_000);
  const types = STRUCTURE_TYPES.map((type) => {
    const of = structures.filter((s) => s.type === type).map((s) => s.figures);
    return { type, figures: of.length ? sum(of) : block({ open: 0, entries: 0, exits: {}, female: 0, male: 0, places: 0, nights: 1, occupied: 0, partners: PARTNERS, partnerId: 0, type }) };
  });
  return monthSummarySchema.parse({ month: '2026-03', from: '2026-03-01', to: '2026-03-31', days: 31, total, structures, types, partners, warnings: [] });
}

const meta: ExportMeta = {
  month: '2026-03', monthLabel: 'marzo 2026', partner: 'Associazione Nguyễn', status: 'closed', version: 2, sha256: 'ab'.repeat(32), k: 3,
  generatedAt: '2026-04-02T10:00:00.000Z', generatedBy: 'Coordinatrice', locale: 'it',
  fields: { month: '2026-03', version: 2, sha256: 'ab'.repeat(32), k: 3 },
};

const cell = (tables: SummaryTables, section: string, level: string, row: string, column: string) => {
  const table = tables.tables.find((t) => t.section === section && t.level === level)!;
  const r = table.rows.find((x) => x.key === row)!;
  return r.cells[table.columns.findIndex((c) => c.key === column)]!;
};

describe('summary export tables', () => {
  it('shows every non-zero count below k as <k, keeps zeros, hides money with its count', () => {
    const tables = summaryTables(scenario(), 'it', 3);
    expect(cell(tables, 'figures', 'structure', '1', 'entries')).toMatchObject({ value: 1, status: 'primary', shown: '<3' });
    expect(cell(tables, 'figures', 'structure', '1', 'exits')).toMatchObject({ value: 2, status: 'primary', shown: '<3' });
    expect(cell(tables, 'byGender', 'structure', '1', 'male')).toMatchObject({ value: 0, status: 'published', shown: 0 });
    expect(cell(tables, 'figures', 'structure', '1', 'places')).toMatchObject({ value: 6, status: 'published', shown: 6 });
    // One rental contribution of the first partner: the count is <3 and its € are hidden with it.
    expect(cell(tables, 'contributions', 'partner', '1', 'rental_start.approvedCount')).toMatchObject({ status: 'primary', shown: '<3' });
    expect(cell(tables, 'contributions', 'partner', '1', 'rental_start.approvedCents')).toMatchObject({ status: 'derived', shown: null });
    // The year's budget is no count of anyone: it leaves.
    expect(cell(tables, 'contributions', 'partner', '1', 'rental_start.budgetCents')).toMatchObject({ status: 'published', shown: 2_000_000 });
    for (const t of tables.tables) for (const r of t.rows) for (const c of r.cells) {
      if (c.status === 'absent') expect(c.shown).toBeNull();
      if (t.columns[r.cells.indexOf(c)]!.kind === 'count' && typeof c.value === 'number' && c.value > 0 && c.value < 3) expect(c.shown).toBe('<3');
    }
    expect(tables.exposed).toEqual([]);
    expect(tables.hidden.complementary).toBeGreaterThan(0);
  });

  it('leaves nothing an independent audit can recompute or narrow across the linked tables', async () => {
    const summary = scenario();
    const model = exportModel(summary, 'it');
    const input = { cells: model.cells, relations: model.relations, derived: model.derived, k: 3 };
    // The relations that tie the levels together are there: a type is the sum of its structures.
    expect(model.relations).toContainEqual({ total: 'figures|type|shelter|entries', parts: ['figures|structure|1|entries', 'figures|structure|2|entries'] });
    expect(new Audit(glpk, input, protectTables(input)).problems()).toEqual([]);
    // And the audit can fail: publishing every cell but the primary ones leaves them recomputable.
    const naive = protectTables({ ...input, relations: [] });
    expect(new Audit(glpk, input, naive).problems().length).toBeGreaterThan(0);
  }, 120_000);

  it('writes a tidy CSV that a parser reads back as the published values, with formula-like names inert', () => {
    const tables = summaryTables(scenario(), 'it', 3);
    for (const separator of [';', ','] as const) {
      const bytes = summaryCsv(tables, meta, separator);
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parse(Buffer.from(bytes), { bom: true, delimiter: separator, columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
      expect(Object.keys(rows[0]!)).toEqual(['section', 'level', 'dimension', 'key', 'figure', 'value']);
      expect(rows.find((r) => r.section === 'meta' && r.figure === 'sha256')!.value).toBe('ab'.repeat(32));
      const value = (section: string, level: string, key: string, figure: string) => rows.find((r) => r.section === section && r.level === level && r.key === key && r.figure === figure)?.value;
      expect(value('figures', 'structure', '1', 'entries')).toBe('<3');
      expect(value('figures', 'structure', '2', 'places')).toBe('12');
      expect(value('figures', 'total', 'total', 'occupancyPct')).toBe(separator === ';' ? '70,7' : '70.7') // (150 + 300 + 120) ÷ (186 + 372 + 248) = 70.72 %;
      expect(rows.find((r) => r.key === '2')!.dimension).toBe(`'${FORMULA}`);
      expect(rows.find((r) => r.key === '1' && r.level === 'structure')!.dimension).toBe('Casa Łódź');
      // Every line's value is what the tables publish: a hidden cell is `x`, an absent one has no line.
      for (const t of tables.tables) for (const r of t.rows) r.cells.forEach((c, i) => {
        const read = value(t.section, t.level, r.key, t.columns[i]!.key);
        if (c.status === 'absent') expect(read).toBeUndefined();
        else expect(read).toBe(c.shown === null ? HIDDEN_MARK : String(c.shown).replace('.', separator === ';' ? ',' : '.'));
      });
    }
  });

  it('writes an XLSX that an independent reader reads back as the published values: numbers as numbers, hidden cells as text, names never formulas', async () => {
    const tables = summaryTables(scenario(), 'it', 3);
    const bytes = await summaryXlsx(tables, meta);
    const sheets = await readExcelFile(Buffer.from(bytes));
    expect(sheets.map((s) => s.sheet)).toEqual(expect.arrayContaining(['Riepilogo', 'Per struttura', 'Per tipo di struttura', 'Per ente', 'Definizioni']));
    const perStructure = sheets.find((s) => s.sheet === 'Per struttura')!.data;
    expect(perStructure[0]![0]).toBe('Riepilogo mensile degli inserimenti — Associazione Nguyễn — marzo 2026');
    expect(perStructure[1]![0]).toContain(`versione 2 — SHA-256 ${'ab'.repeat(32)}`);
    const labels = perStructure[5]!;
    const row = (name: string) => perStructure.find((r) => r[0] === name)!;
    const at = (name: string, label: string) => row(name)[labels.indexOf(label)];
    expect(at('Casa Łódź', 'Ingressi')).toBe('<3');
    expect(at('Casa Łódź', 'Posti nel mese')).toBe(6);
    // The name that looks like a formula is a text cell holding exactly what was typed.
    expect(row(FORMULA)[0]).toBe(FORMULA);
    const figures = tables.tables.find((t) => t.section === 'figures' && t.level === 'structure')!;
    for (const r of figures.rows) figures.columns.forEach((c, i) => {
      const shown = r.cells[i]!.shown;
      expect(at(r.label, c.label)).toBe(shown === null ? HIDDEN_MARK : shown);
    });
    // No cell of the workbook is a formula, and the frozen header rows are there.
    const files = unzipSync(bytes);
    for (const [name, content] of Object.entries(files)) if (name.startsWith('xl/worksheets/')) expect(strFromU8(content)).not.toContain('<f>');
    expect(strFromU8(files['xl/worksheets/sheet2.xml']!)).toMatch(/<pane [^>]*ySplit="6"/);
    const definitions = sheets.find((s) => s.sheet === 'Definizioni')!.data;
    expect(definitions.at(-1)![1]).toContain('inferiore a 3 è indicato «<3»');
  });
});
