// The monthly summary as the tables that leave the register (docs/disclosure.md): one table per section
// (figures, exits by reason, length of stay, each breakdown, referrals, contributions, timeliness) and per
// level (total, per structure, per structure type, per partner), every cell passed through disclosure
// control together with every other cell of the export — tables that share totals are protected together.
// The preview, the XLSX, the CSV and the PDF all print these tables and nothing else, so what the
// coordinator previews is what leaves.
import { DECLINE_REASONS, GENDERS, STRUCTURE_TYPES, VULNERABILITIES, type StructureType } from '../../shared/domain';
import { CONTRIBUTION_TYPES } from '../../shared/contributions';
import {
  AGE_BANDS, HOUSEHOLD_TYPES, STAY_BANDS, SUMMARY_EXIT_REASONS, type FigureBlock, type MonthSummary,
} from '../../shared/channels/summary';
import { protectTables, type CellStatus, type DerivedCell, type DisclosureCell, type DisclosureRelation } from '../../shared/disclosure';
import { it as itVocabulary, en as enVocabulary } from '../../shared/i18n/vocabulary';
import { it as itLabels, en as enLabels } from '../../shared/i18n/summary-labels';
import type { Locale } from '../../shared/schema-kit';

export const EXPORT_LEVELS = ['total', 'structure', 'type', 'partner'] as const;
export type ExportLevel = (typeof EXPORT_LEVELS)[number];

export const EXPORT_SECTIONS = [
  'figures', 'exitsByReason', 'lengthOfStay', 'byGender', 'byAgeBand', 'byNationality', 'byHouseholdType', 'byVulnerability',
  'byStructureType', 'byPartner', 'referrals', 'declinedByReason', 'contributions', 'timeliness',
] as const;
export type ExportSection = (typeof EXPORT_SECTIONS)[number];

/** count: people, stays or households (protected); measure: places and place-nights (describe no one);
 * the others are derived from counts (hidden with them) or money that is no count. */
export type FigureKind = 'count' | 'measure' | 'pct' | 'days' | 'hours' | 'cents';

export interface ExportColumn {
  key: string;
  kind: FigureKind;
  label: string;
}

export interface ExportCell {
  /** The figure as computed; null where it does not exist at this level. Never printed when hidden. */
  value: number | null;
  status: CellStatus | 'absent';
  /** What leaves: the number, `<k`, or null for a hidden or absent cell. */
  shown: number | string | null;
}

export interface ExportRow {
  /** `total`, a structure or partner id, or a structure type code. */
  key: string;
  label: string;
  cells: ExportCell[];
}

export interface ExportTable {
  section: ExportSection;
  level: ExportLevel;
  title: string;
  /** The header of the rows' label column (Structure, Type, Partner, Total). */
  keyHeader: string;
  columns: ExportColumn[];
  rows: ExportRow[];
}

export interface SummaryTables {
  month: string;
  k: number;
  tables: ExportTable[];
  /** Counts for the disclosure note printed in each export. */
  hidden: { primary: number; complementary: number; derived: number };
  /** Cells no suppression could protect: an export with any refuses to leave (never expected). */
  exposed: readonly string[];
}

interface Column { key: string; kind: FigureKind; label: string; get: (b: FigureBlock) => number | null; derivedFrom?: string[] }
interface Row { level: ExportLevel; key: string; label: string; block: FigureBlock; structureType?: StructureType; partnerId?: number }

const cellId = (section: ExportSection, level: ExportLevel, row: string, column: string) => `${section}|${level}|${row}|${column}`;

/** The columns of each section, in the order they print. Some depend on the month (partners, nationalities). */
function sectionColumns(summary: MonthSummary, locale: Locale): Record<ExportSection, (level: ExportLevel, rows: Row[]) => Column[]> {
  const l = (locale === 'it' ? itLabels : enLabels).summaryLabels;
  const vocab = (locale === 'it' ? itVocabulary : enVocabulary).vocab;
  const f = l.figures;
  const counts = <K extends string>(keys: readonly K[], label: (k: K) => string, get: (b: FigureBlock) => Record<K, number> | null): Column[] =>
    keys.map((k) => ({ key: k, kind: 'count', label: label(k), get: (b) => get(b)?.[k] ?? null }));
  const partnerName = new Map(summary.partners.map((p) => [p.id, p.name]));
  return {
    figures: () => [
      { key: 'places', kind: 'measure', label: f.places, get: (b) => b.places },
      { key: 'placesAtEnd', kind: 'measure', label: f.placesAtEnd, get: (b) => b.placesAtEnd },
      { key: 'availableNights', kind: 'measure', label: f.availableNights, get: (b) => b.availableNights },
      { key: 'occupiedNights', kind: 'measure', label: f.occupiedNights, get: (b) => b.occupiedNights },
      { key: 'occupancyPct', kind: 'pct', label: f.occupancyPct, get: (b) => b.occupancyPct, derivedFrom: ['occupiedNights', 'availableNights'] },
      { key: 'openAtStart', kind: 'count', label: f.openAtStart, get: (b) => b.openAtStart },
      { key: 'entries', kind: 'count', label: f.entries, get: (b) => b.entries },
      { key: 'exits', kind: 'count', label: f.exits, get: (b) => b.exits },
      { key: 'openAtEnd', kind: 'count', label: f.openAtEnd, get: (b) => b.openAtEnd },
      { key: 'personsServed', kind: 'count', label: f.personsServed, get: (b) => b.personsServed },
      { key: 'householdsServed', kind: 'count', label: f.householdsServed, get: (b) => b.householdsServed },
      { key: 'pastPlannedEndAtEnd', kind: 'count', label: f.pastPlannedEndAtEnd, get: (b) => b.extensions.pastPlannedEndAtEnd },
      { key: 'granted', kind: 'count', label: f.granted, get: (b) => b.extensions.granted },
    ],
    exitsByReason: (level) => counts(level === 'total' ? SUMMARY_EXIT_REASONS.filter((r) => r !== 'transfer') : SUMMARY_EXIT_REASONS,
      (r) => (r === 'transfer' ? l.transfer : vocab.exitReasons[r]), (b) => b.exitsByReason),
    lengthOfStay: () => [
      ...counts(STAY_BANDS, (band) => l.stayBands[band], (b) => b.lengthOfStay.bands),
      { key: 'meanDays', kind: 'days', label: f.meanDays, get: (b) => b.lengthOfStay.meanDays, derivedFrom: [...STAY_BANDS] },
      { key: 'medianDays', kind: 'days', label: f.medianDays, get: (b) => b.lengthOfStay.medianDays, derivedFrom: [...STAY_BANDS] },
    ],
    byGender: () => counts(GENDERS, (g) => vocab.genders[g], (b) => b.byGender),
    byAgeBand: () => counts(AGE_BANDS, (a) => l.ageBands[a], (b) => b.byAgeBand),
    byNationality: (_, rows) => {
      // The codes any row of the table lists (each row lists its own ten most frequent, then other and unknown).
      const codes = [...new Set(rows.flatMap((r) => r.block.byNationality.map((n) => n.code)))]
        .sort((a, b) => (a === 'other' || a === 'unknown' ? 1 : 0) - (b === 'other' || b === 'unknown' ? 1 : 0) || (a === 'unknown' ? 1 : 0) - (b === 'unknown' ? 1 : 0) || a.localeCompare(b));
      const name = (code: string) => (code === 'other' ? l.nationalityOther : code === 'unknown' ? l.nationalityUnknown : code);
      return codes.map((code) => ({ key: code, kind: 'count', label: name(code), get: (b) => b.byNationality.find((n) => n.code === code)?.count ?? null }));
    },
    byHouseholdType: () => counts(HOUSEHOLD_TYPES, (h) => l.householdTypes[h], (b) => b.byHouseholdType),
    byVulnerability: () => counts(VULNERABILITIES, (v) => vocab.vulnerabilities[v], (b) => b.byVulnerability),
    byStructureType: () => counts(STRUCTURE_TYPES, (t) => vocab.structureTypes[t], (b) => b.byStructureType),
    byPartner: () => summary.partners.map((p) => ({
      key: String(p.id), kind: 'count', label: partnerName.get(p.id) ?? String(p.id),
      get: (b) => b.byPartner.find((x) => x.partnerId === p.id)?.count ?? 0,
    })),
    referrals: (level) => [
      ...(level === 'total' ? [
        { key: 'received', kind: 'count' as const, label: f.received, get: (b: FigureBlock) => b.referrals.received },
      ] : []),
      { key: 'placed', kind: 'count', label: f.placed, get: (b) => b.referrals.placed },
      ...(level === 'total' ? [
        { key: 'declined', kind: 'count' as const, label: f.declined, get: (b: FigureBlock) => b.referrals.declined },
        { key: 'withdrawn', kind: 'count' as const, label: f.withdrawn, get: (b: FigureBlock) => b.referrals.withdrawn },
        { key: 'pendingAtEnd', kind: 'count' as const, label: f.pendingAtEnd, get: (b: FigureBlock) => b.referrals.pendingAtEnd },
      ] : []),
      { key: 'medianHoursToAdmission', kind: 'hours', label: f.medianHoursToAdmission, get: (b) => b.referrals.medianHoursToAdmission, derivedFrom: ['placed'] },
    ],
    declinedByReason: () => counts(DECLINE_REASONS, (r) => vocab.declineReasons[r], (b) => b.referrals.declinedByReason),
    contributions: () => [
      ...CONTRIBUTION_TYPES.flatMap((type): Column[] => {
        const name = vocab.contributionTypes[type];
        return [
          { key: `${type}.approvedCount`, kind: 'count', label: `${name} · ${f.approvedCount}`, get: (b) => b.contributions?.decided[type].count ?? null },
          { key: `${type}.approvedCents`, kind: 'cents', label: `${name} · ${f.approvedCents}`, get: (b) => b.contributions?.decided[type].cents ?? null, derivedFrom: [`${type}.approvedCount`] },
          { key: `${type}.disbursedCount`, kind: 'count', label: `${name} · ${f.disbursedCount}`, get: (b) => b.contributions?.disbursed[type].count ?? null },
          { key: `${type}.disbursedCents`, kind: 'cents', label: `${name} · ${f.disbursedCents}`, get: (b) => b.contributions?.disbursed[type].cents ?? null, derivedFrom: [`${type}.disbursedCount`] },
          { key: `${type}.yearApprovedCents`, kind: 'cents', label: `${name} · ${f.yearApprovedCents}`, get: (b) => b.contributions?.yearToDate[type].approvedCents ?? null },
          { key: `${type}.yearPaidCents`, kind: 'cents', label: `${name} · ${f.yearPaidCents}`, get: (b) => b.contributions?.yearToDate[type].paidCents ?? null },
          { key: `${type}.budgetCents`, kind: 'cents', label: `${name} · ${f.budgetCents}`, get: (b) => b.contributions?.yearToDate[type].budgetCents ?? null },
        ];
      }),
      { key: 'householdsSupported', kind: 'count', label: f.householdsSupported, get: (b) => b.contributions?.householdsSupported ?? null },
    ],
    timeliness: () => [
      // Only the percentage leaves: on-time counts beside hidden entries or exits would narrow them.
      { key: 'timelinessPct', kind: 'pct', label: f.timelinessPct, get: (b) => b.timeliness.pct, derivedFrom: ['figures:entries', 'figures:exits'] },
    ],
  };
}

/** Which levels each section is given at. */
const SECTION_LEVELS: Record<ExportSection, readonly ExportLevel[]> = {
  figures: EXPORT_LEVELS, exitsByReason: EXPORT_LEVELS, lengthOfStay: EXPORT_LEVELS, byGender: EXPORT_LEVELS, byAgeBand: EXPORT_LEVELS,
  byNationality: EXPORT_LEVELS, byHouseholdType: EXPORT_LEVELS, byVulnerability: EXPORT_LEVELS, byStructureType: ['total', 'partner'],
  byPartner: ['total', 'type'], referrals: EXPORT_LEVELS, declinedByReason: ['total'], contributions: ['total', 'partner'], timeliness: EXPORT_LEVELS,
};

function levelRows(summary: MonthSummary, level: ExportLevel, locale: Locale): Row[] {
  const vocab = (locale === 'it' ? itVocabulary : enVocabulary).vocab;
  const l = (locale === 'it' ? itLabels : enLabels).summaryLabels;
  switch (level) {
    case 'total': return [{ level, key: 'total', label: l.levelKey.total, block: summary.total }];
    case 'structure': return summary.structures.map((s) => ({ level, key: String(s.id), label: s.name, block: s.figures, structureType: s.type, partnerId: s.partnerId }));
    case 'type': return summary.types.map((t) => ({ level, key: t.type, label: vocab.structureTypes[t.type], block: t.figures }));
    case 'partner': return summary.partners.map((p) => ({ level, key: String(p.id), label: p.name, block: p.figures }));
  }
}

interface Built { section: ExportSection; level: ExportLevel; columns: Column[]; rows: Row[] }

/** The export before disclosure control: its tables, every cell's value, and what the control works on —
 * the count cells, the relations between them and the derived figures (kept apart so tests can audit it). */
export function exportModel(summary: MonthSummary, locale: Locale) {
  const columnsOf = sectionColumns(summary, locale);
  const rowsOf = Object.fromEntries(EXPORT_LEVELS.map((level) => [level, levelRows(summary, level, locale)])) as Record<ExportLevel, Row[]>;

  const cells: DisclosureCell[] = [];
  const values = new Map<string, number | null>();
  const derived: DerivedCell[] = [];
  const built: Built[] = [];

  for (const section of EXPORT_SECTIONS) {
    for (const level of SECTION_LEVELS[section]) {
      const rows = rowsOf[level];
      if (rows.length === 0) continue;
      const columns = columnsOf[section](level, rows);
      if (columns.length === 0) continue;
      built.push({ section, level, columns, rows });
      for (const row of rows) {
        for (const column of columns) {
          const id = cellId(section, level, row.key, column.key);
          const value = column.get(row.block);
          values.set(id, value);
          if (value === null) continue;
          if (column.kind === 'count' || column.kind === 'measure') cells.push({ id, value, sensitive: column.kind === 'count' });
        }
      }
    }
  }
  // Derived figures name the cells they come from: `key` in the same table's row, or `section:key` in another section's row.
  for (const t of built) {
    for (const row of t.rows) {
      for (const column of t.columns) {
        if (!column.derivedFrom) continue;
        const id = cellId(t.section, t.level, row.key, column.key);
        if (values.get(id) === null) continue;
        const from = column.derivedFrom
          .map((ref) => (ref.includes(':') ? cellId(ref.split(':')[0] as ExportSection, t.level, row.key, ref.split(':')[1]!) : cellId(t.section, t.level, row.key, ref)))
          .filter((ref) => typeof values.get(ref) === 'number');
        derived.push({ id, from });
      }
    }
  }
  return { built, values, cells, derived, relations: exportRelations(built, rowsOf, values) };
}

/** The export's tables with disclosure control applied (k: the register's setting, at least 3). */
export function summaryTables(summary: MonthSummary, locale: Locale, k: number): SummaryTables {
  const l = (locale === 'it' ? itLabels : enLabels).summaryLabels;
  const { built, values, cells, derived, relations } = exportModel(summary, locale);
  const result = protectTables({ cells, relations, derived, k });

  const controlled = new Set([...cells.map((c) => c.id), ...derived.map((d) => d.id)]);
  // Money that is no count of anyone (the year's budget, approved and paid so far) leaves as it is.
  const statusOf = (id: string): CellStatus | 'absent' => (values.get(id) === null ? 'absent' : controlled.has(id) ? result.status(id) : 'published');
  const tables: ExportTable[] = built.map((t) => ({
    section: t.section,
    level: t.level,
    title: `${l.sections[t.section]} — ${l.levels[t.level]}`,
    keyHeader: l.levelKey[t.level],
    columns: t.columns.map(({ key, kind, label }) => ({ key, kind, label })),
    rows: t.rows.map((row) => ({
      key: row.key,
      label: row.label,
      cells: t.columns.map((column) => {
        const id = cellId(t.section, t.level, row.key, column.key);
        const value = values.get(id) ?? null;
        const status = statusOf(id);
        const shown = status === 'published' ? value : status === 'primary' ? `<${result.k}` : null;
        return { value, status, shown };
      }),
    })),
  }));
  return {
    month: summary.month,
    k: result.k,
    tables,
    hidden: { primary: result.primary.length, complementary: result.complementary.length, derived: result.derived.length },
    exposed: [...result.exposed],
  };
}

/**
 * Every linear relation an attacker could use between the published cells, each added only when it holds
 * in this month's figures (the disclosure module refuses a relation that does not): inside a row (exits =
 * Σ exits by reason = Σ length-of-stay bands; open at start + entries = open at end + exits; persons served
 * = Σ of each breakdown that counts a person once), and across rows (a type's and a partner's figure = Σ of
 * their structures'; the total = Σ structures = Σ types = Σ partners). Flows and persons are not always
 * additive (a transfer between structures is an entry at each, a person in two structures is served by
 * both), so those relations are present in the months where they happen to hold — which is exactly when an
 * attacker could use them.
 */
function exportRelations(
  built: Built[],
  rowsOf: Record<ExportLevel, Row[]>,
  values: Map<string, number | null>,
): DisclosureRelation[] {
  const relations: DisclosureRelation[] = [];
  const counted = (id: string) => typeof values.get(id) === 'number';
  const holds = (total: string[], parts: string[]) =>
    [...total, ...parts].every(counted)
    && total.reduce((s, id) => s + (values.get(id) as number), 0) === parts.reduce((s, id) => s + (values.get(id) as number), 0);
  const add = (total: string[], parts: string[]) => {
    if (parts.length === 0 || !holds(total, parts)) return;
    relations.push({ total: total.length === 1 ? total[0]! : total, parts });
  };
  const countColumns = (t: (typeof built)[number]) => t.columns.filter((c) => c.kind === 'count' || c.kind === 'measure');

  // Inside each row.
  for (const level of EXPORT_LEVELS) {
    for (const row of rowsOf[level]) {
      const id = (section: ExportSection, key: string) => cellId(section, level, row.key, key);
      const tableOf = (section: ExportSection) => built.find((t) => t.section === section && t.level === level);
      const all = (section: ExportSection) => (tableOf(section) ? countColumns(tableOf(section)!).map((c) => id(section, c.key)).filter(counted) : []);
      add([id('figures', 'exits')], all('exitsByReason'));
      add([id('figures', 'exits')], all('lengthOfStay'));
      add([id('figures', 'openAtStart'), id('figures', 'entries')], [id('figures', 'openAtEnd'), id('figures', 'exits')]);
      for (const breakdown of ['byGender', 'byAgeBand', 'byNationality', 'byHouseholdType'] as const) add([id('figures', 'personsServed')], all(breakdown));
      if (level === 'total') add([id('referrals', 'declined')], all('declinedByReason'));
    }
  }
  // Across rows, column by column.
  for (const t of built) {
    for (const column of countColumns(t)) {
      const at = (level: ExportLevel, row: string) => cellId(t.section, level, row, column.key);
      const has = (level: ExportLevel) => built.some((b) => b.section === t.section && b.level === level && b.columns.some((c) => c.key === column.key));
      if (t.level === 'total') {
        for (const level of ['structure', 'type', 'partner'] as const)
          if (has(level)) add([at('total', 'total')], rowsOf[level].map((r) => at(level, r.key)));
      }
      if (t.level === 'type' && has('structure'))
        for (const row of t.rows) add([at('type', row.key)], rowsOf.structure.filter((s) => s.structureType === row.key).map((s) => at('structure', s.key)));
      if (t.level === 'partner' && has('structure'))
        for (const row of t.rows) add([at('partner', row.key)], rowsOf.structure.filter((s) => String(s.partnerId) === row.key).map((s) => at('structure', s.key)));
    }
  }
  return relations;
}
