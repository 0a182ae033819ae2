// The monthly summary as a flat list of figures, each named by its path (docs/summary.md › Month close and
// amendments): `total.entries`, `structures[id=4].exitsByReason.other`, `types[type=shelter].places`,
// `partners[id=2].occupancyPct`, `total.byNationality[code=MA].count`. Two summaries (a closed snapshot and
// today's figures) compare path by path; an export can list them the same way. Pure: main and renderer.
import type { Amendment, MonthSummary } from './channels/summary';

/** A figure: a number, or null where it does not exist (a mean of nothing, contributions of a structure). */
export type Figure = number | null;

/** The field that names an element of a list inside a figure block, in order of preference. */
const ELEMENT_KEYS = ['id', 'type', 'code', 'partnerId', 'month'] as const;

function flattenInto(out: Map<string, Figure>, prefix: string, value: unknown): void {
  if (value === null || typeof value === 'number') {
    out.set(prefix, value);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((element: unknown, index) => {
      if (element === null || typeof element !== 'object') {
        flattenInto(out, `${prefix}[${index}]`, element);
        return;
      }
      const record = element as Record<string, unknown>;
      const key = ELEMENT_KEYS.find((k) => typeof record[k] === 'string' || typeof record[k] === 'number');
      const name = key === undefined ? `${prefix}[${index}]` : `${prefix}[${key}=${String(record[key])}]`;
      for (const [field, inner] of Object.entries(record)) if (field !== key) flattenInto(out, `${name}.${field}`, inner);
    });
    return;
  }
  if (typeof value === 'object') {
    for (const [field, inner] of Object.entries(value as Record<string, unknown>)) flattenInto(out, prefix === '' ? field : `${prefix}.${field}`, inner);
  }
  // Strings and booleans are labels, not figures: left out.
}

/**
 * Every figure of a summary by path, in the summary's own order: the total, then each structure, type and
 * partner (their figures directly under `structures[id=…]`, `types[type=…]`, `partners[id=…]`; their names
 * and links are labels, not figures). The warnings are not figures: they follow from them.
 */
export function flattenSummary(summary: MonthSummary): Map<string, Figure> {
  const out = new Map<string, Figure>();
  flattenInto(out, 'total', summary.total);
  for (const s of summary.structures) flattenInto(out, `structures[id=${s.id}]`, s.figures);
  for (const t of summary.types) flattenInto(out, `types[type=${t.type}]`, t.figures);
  for (const p of summary.partners) flattenInto(out, `partners[id=${p.id}]`, p.figures);
  return out;
}

/**
 * The figures that differ between a closed snapshot and the current summary, closed value beside current
 * value, in the snapshot's order and then the figures new since (a structure that appeared). A figure present
 * on one side only counts as null on the other.
 */
export function diffSummaries(closed: MonthSummary, current: MonthSummary): Amendment[] {
  const before = flattenSummary(closed);
  const after = flattenSummary(current);
  const out: Amendment[] = [];
  for (const [path, value] of before) {
    const now = after.has(path) ? after.get(path)! : null;
    if (now !== value) out.push({ path, closed: value, current: now });
  }
  for (const [path, value] of after) if (!before.has(path) && value !== null) out.push({ path, closed: null, current: value });
  return out;
}

/** A path split into what a screen needs to label it: the level (`total`, `structures`, …), the level's key
 * (`4`, `shelter`) and the figure's own path inside the block (`exitsByReason.other`). */
export function parseFigurePath(path: string): { level: 'total' | 'structures' | 'types' | 'partners'; key: string | null; figure: string } {
  const m = /^(total|structures|types|partners)(?:\[(?:id|type)=([^\]]+)\])?\.(.+)$/.exec(path);
  if (!m) throw new Error(`not a summary figure path: ${path}`);
  return { level: m[1] as 'total' | 'structures' | 'types' | 'partners', key: m[2] ?? null, figure: m[3]! };
}
