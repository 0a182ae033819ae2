// The summary's figures by name, in one place: which figures the level tables and the headline show, how each
// is formatted, what each code of a breakdown is called, and how a figure's path in the snapshot
// (`total.entries`, `structures[id=4].exitsByReason.other`) reads in words for the amendments.
// No DOM or React: unit tests read this file in Node.
import type { TFunction } from 'i18next';
import type { FigureBlock, MonthSummary } from '../../../../electron/shared/channels/summary';
import { formatEuro } from '../../../../electron/shared/money';
import { parseFigurePath } from '../../../../electron/shared/summary-paths';
import { countryName } from '../../components/intl-names';
import type { TKey } from '../../i18n';

export type FigureUnit = 'count' | 'pct' | 'days' | 'hours' | 'cents';

const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : 'it-IT');
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, decimals: number): Intl.NumberFormat {
  const key = `${locale}|${decimals}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return format;
}

/** A figure as text: counts as integers, percentages, days and hours with one decimal, money as euro.
 * Null (a figure that does not exist) is the empty string: the caller shows why. */
export function formatFigure(value: number | null | undefined, unit: FigureUnit, locale: string): string {
  if (value === null || value === undefined) return '';
  switch (unit) {
    case 'count': return numberFormat(locale, 0).format(value);
    case 'pct': return `${numberFormat(locale, 1).format(value)} %`;
    case 'days':
    case 'hours': return numberFormat(locale, 1).format(value);
    case 'cents': return formatEuro(value, locale === 'en' ? 'en' : 'it');
  }
}

/** The figures of a level, in the order the level tables show them as columns. */
export const MAIN_FIGURES = [
  { key: 'places', unit: 'count', get: (f: FigureBlock) => f.places },
  { key: 'availableNights', unit: 'count', get: (f: FigureBlock) => f.availableNights },
  { key: 'occupiedNights', unit: 'count', get: (f: FigureBlock) => f.occupiedNights },
  { key: 'occupancyPct', unit: 'pct', get: (f: FigureBlock) => f.occupancyPct },
  { key: 'openAtStart', unit: 'count', get: (f: FigureBlock) => f.openAtStart },
  { key: 'entries', unit: 'count', get: (f: FigureBlock) => f.entries },
  { key: 'exits', unit: 'count', get: (f: FigureBlock) => f.exits },
  { key: 'openAtEnd', unit: 'count', get: (f: FigureBlock) => f.openAtEnd },
  { key: 'personsServed', unit: 'count', get: (f: FigureBlock) => f.personsServed },
  { key: 'householdsServed', unit: 'count', get: (f: FigureBlock) => f.householdsServed },
  { key: 'timelinessPct', unit: 'pct', get: (f: FigureBlock) => f.timeliness.pct },
] as const satisfies readonly { key: keyof Translation['fig']; unit: FigureUnit; get: (f: FigureBlock) => number | null }[];
export type MainFigure = (typeof MAIN_FIGURES)[number];

type Translation = typeof import('./i18n').it.summary;

export const figureLabel = (t: TFunction, key: keyof Translation['fig']): string => t(`summary.fig.${key}`);

/** The code lists a breakdown or a by-reason figure is keyed by, and where each code's words are. */
export type CodeList = 'exitReasons' | 'genders' | 'ageBands' | 'structureTypes' | 'vulnerabilities' | 'householdTypes' | 'stayBands' | 'declineReasons' | 'contributionTypes';

/** A code of one of the lists in words; a code the dictionaries do not know shows as itself. */
export function codeLabel(t: TFunction, list: CodeList, code: string): string {
  if (list === 'exitReasons' && code === 'transfer') return t('summary.exitReasonTransfer');
  const key = list === 'ageBands' || list === 'householdTypes' || list === 'stayBands' ? `summary.${list}.${code}` : `vocab.${list}.${code}`;
  return t(key as TKey, { defaultValue: code });
}

/** A nationality of the breakdown: a country's name, or the `other` and `unknown` rows. */
export function nationalityLabel(t: TFunction, code: string, locale: string): string {
  if (code === 'other') return t('summary.nationalityOther');
  if (code === 'unknown') return t('summary.nationalityUnknown');
  return countryName(code, locale);
}

// ——— Paths (amendments)

/** One step of a figure's path inside a level: a field, or an element of a list picked by one of its fields
 * (`byNationality[code=NG]`). */
export interface PathStep {
  name: string;
  pick?: { field: string; value: string };
}

const STEP = /^([A-Za-z0-9_]+)(?:\[([A-Za-z_][A-Za-z0-9_]*)=([^\]]*)\])?$/;

/** A figure's path inside its level split into steps; null when it is not one. */
export function parsePath(path: string): PathStep[] | null {
  const steps: PathStep[] = [];
  // Split on dots outside brackets (a picked value never holds a bracket).
  for (const part of path.match(/[^.[\]]+(?:\[[^\]]*\])?/g) ?? []) {
    const m = STEP.exec(part);
    if (!m) return null;
    steps.push(m[2] ? { name: m[1]!, pick: { field: m[2], value: m[3]! } } : { name: m[1]! });
  }
  return steps.length > 0 && steps.map((s) => (s.pick ? `${s.name}[${s.pick.field}=${s.pick.value}]` : s.name)).join('.') === path ? steps : null;
}

/** The level of a path in words: the total, or a structure, type or partner by its name (as it is in the
 * month's figures today; one gone since shows by its number). */
export function levelLabel(t: TFunction, level: ReturnType<typeof parseFigurePath>, summary: Pick<MonthSummary, 'structures' | 'partners'>): string {
  const key = level.key ?? '';
  const named = (list: { id: number; name: string }[]) => list.find((item) => String(item.id) === key)?.name ?? t('summary.levelOf.unknown', { id: key });
  switch (level.level) {
    case 'total': return t('summary.levelOf.total');
    case 'structures': return t('summary.levelOf.structure', { name: named(summary.structures) });
    case 'partners': return t('summary.levelOf.partner', { name: named(summary.partners) });
    case 'types': return t('summary.levelOf.type', { name: codeLabel(t, 'structureTypes', key) });
  }
}

type FigKey = keyof Translation['fig'];
const fig = (t: TFunction, key: FigKey) => t(`summary.fig.${key}`);

/** Groups whose children are codes of a list. */
const CODED: Partial<Record<string, CodeList>> = {
  exitsByReason: 'exitReasons', byGender: 'genders', byAgeBand: 'ageBands', byStructureType: 'structureTypes',
  byVulnerability: 'vulnerabilities', byHouseholdType: 'householdTypes',
};
/** Fields that read differently inside a group than on their own. */
const IN_GROUP: Record<string, Partial<Record<string, FigKey>>> = {
  lengthOfStay: { exits: 'lengthOfStayExits' },
  timeliness: { entries: 'timelinessEntries', exits: 'timelinessExits', pct: 'onTimePct' },
};

const isFig = (t: TFunction, key: string): key is FigKey => t(`summary.fig.${key}` as TKey, { defaultValue: '' }) !== '';

/**
 * The figure part of a path (after the level) in words, e.g. `exitsByReason.other` → "Uscite per motivo › Altro",
 * `contributions.decided.rental_start.cents` → "Contributi › Approvati nel mese › Avvio locazione › importo".
 * Null when a step is not a figure this page knows.
 */
export function figurePathLabel(t: TFunction, steps: PathStep[], summary: Pick<MonthSummary, 'partners'>, locale: string): string | null {
  const words: string[] = [];
  let group: string | null = null;
  for (const [i, step] of steps.entries()) {
    const parent = i > 0 ? steps[i - 1]!.name : null;
    if (step.pick) {
      // byNationality[code=NG], byPartner[partnerId=3]: the element is named by what it picks.
      if (step.name === 'byNationality') words.push(fig(t, 'byNationality'), nationalityLabel(t, step.pick.value, locale));
      else if (step.name === 'byPartner')
        words.push(fig(t, 'byPartner'), summary.partners.find((p) => String(p.id) === step.pick!.value)?.name ?? t('summary.levelOf.unknown', { id: step.pick.value }));
      else return null;
      group = step.name;
      continue;
    }
    // The count of a picked element says nothing more than the element.
    if (step.name === 'count' && (group === 'byNationality' || group === 'byPartner')) continue;
    const coded = parent ? CODED[parent] : undefined;
    if (coded) words.push(codeLabel(t, coded, step.name));
    else if (parent === 'bands') words.push(codeLabel(t, 'stayBands', step.name));
    else if (parent === 'declinedByReason') words.push(codeLabel(t, 'declineReasons', step.name));
    else if (parent === 'decided' || parent === 'disbursed' || parent === 'yearToDate') words.push(codeLabel(t, 'contributionTypes', step.name));
    else {
      const inGroup = group ? IN_GROUP[group]?.[step.name] : undefined;
      if (inGroup) words.push(fig(t, inGroup));
      else if (isFig(t, step.name)) words.push(fig(t, step.name));
      else return null;
    }
    if (i === 0) group = step.name;
  }
  return words.join(' › ');
}

/** How a figure at this path is formatted. */
export function pathUnit(steps: PathStep[]): FigureUnit {
  const last = steps.at(-1)?.name ?? '';
  if (last === 'cents' || last.endsWith('Cents')) return 'cents';
  if (last === 'occupancyPct' || last === 'pct') return 'pct';
  if (last === 'meanDays' || last === 'medianDays') return 'days';
  if (last === 'medianHoursToAdmission') return 'hours';
  return 'count';
}

export interface PathWords {
  level: string;
  figure: string;
  unit: FigureUnit;
}

/** A path in words: its level and its figure; null when the page does not know it (it then shows the path).
 * The level is read by the summary's own path parser (electron/shared/summary-paths.ts), the figure here. */
export function describePath(t: TFunction, path: string, summary: Pick<MonthSummary, 'structures' | 'partners'>, locale: string): PathWords | null {
  let level: ReturnType<typeof parseFigurePath>;
  try {
    level = parseFigurePath(path);
  } catch {
    return null;
  }
  const steps = parsePath(level.figure);
  const figure = steps && figurePathLabel(t, steps, summary, locale);
  return figure ? { level: levelLabel(t, level, summary), figure, unit: pathUnit(steps) } : null;
}
