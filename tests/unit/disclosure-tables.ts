// Tables for the disclosure-control tests: one-way, two-way, and linked tables that share totals the way a
// monthly export does (per structure, per type, per partner, total; a breakdown whose categories add up to a
// row total at every level). Random ones come from a seeded generator, so a failure can be replayed.
import { mulberry32 } from '../../electron/core/demo/random';
import type { DisclosureCell, DisclosureInput, DisclosureRelation } from '../../electron/shared/disclosure';

/** The demo register's seeded generator: a failing seed replays. */
export const seeded = mulberry32;

/** A count as exports see them: many zeros, many small counts, some larger ones. */
export function count(rng: () => number, k: number): number {
  const r = rng();
  if (r < 0.3) return 0;
  if (r < 0.65) return 1 + Math.floor(rng() * (k - 1));
  return k + Math.floor(rng() * 14);
}

export function oneWay(parts: readonly number[], k = 3): DisclosureInput {
  const cells: DisclosureCell[] = parts.map((value, i) => ({ id: `p${i}`, value }));
  cells.push({ id: 'T', value: parts.reduce((a, b) => a + b, 0) });
  return { cells, relations: [{ total: 'T', parts: parts.map((_, i) => `p${i}`) }], k };
}

/** r{i}c{j} inside, r{i}T row totals, Tc{j} column totals, TT the grand total. */
export function twoWay(grid: readonly (readonly number[])[], k = 3): DisclosureInput {
  const rows = grid.length;
  const cols = grid[0]!.length;
  const cells: DisclosureCell[] = [];
  const relations: DisclosureRelation[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) cells.push({ id: `r${i}c${j}`, value: grid[i]![j]! });
    cells.push({ id: `r${i}T`, value: grid[i]!.reduce((a, b) => a + b, 0) });
    relations.push({ total: `r${i}T`, parts: grid[i]!.map((_, j) => `r${i}c${j}`) });
  }
  for (let j = 0; j < cols; j++) {
    cells.push({ id: `Tc${j}`, value: grid.reduce((a, row) => a + row[j]!, 0) });
    relations.push({ total: `Tc${j}`, parts: grid.map((_, i) => `r${i}c${j}`) });
  }
  cells.push({ id: 'TT', value: grid.flat().reduce((a, b) => a + b, 0) });
  relations.push({ total: 'TT', parts: grid.map((_, i) => `r${i}T`) });
  relations.push({ total: 'TT', parts: grid[0]!.map((_, j) => `Tc${j}`) });
  return { cells, relations, k };
}

export function randomTwoWay(rng: () => number, k: number): DisclosureInput {
  const rows = 2 + Math.floor(rng() * 4);
  const cols = 2 + Math.floor(rng() * 4);
  return twoWay(Array.from({ length: rows }, () => Array.from({ length: cols }, () => count(rng, k))), k);
}

export function randomOneWay(rng: () => number, k: number): DisclosureInput {
  return oneWay(Array.from({ length: 2 + Math.floor(rng() * 7) }, () => count(rng, k)), k);
}

export interface LinkedShape {
  structures: number;
  types: number;
  partners: number;
  /** Breakdown categories adding up to the row total `served` at every level. */
  categories: number;
  /** Further figures of each structure that add up across levels but not to `served` (entries, exits…). */
  figures: number;
}

/**
 * The sheets of one export: s{n} structures, each of a type t{n} and a partner p{n}; level units `T` (total),
 * types and partners. Cells `${unit}.${figure}`; figures `c{n}` (categories), `served` = Σ categories, and
 * `f{n}`. Relations: every figure of a type, a partner and the total is the sum of its structures'; `served`
 * is the sum of the categories at every level. The per-type and per-partner sheets share the total.
 */
export function linked(rng: () => number, shape: LinkedShape, k: number, value: (rng: () => number) => number = (r) => count(r, k)): DisclosureInput {
  const structures = Array.from({ length: shape.structures }, (_, n) => ({
    id: `s${n}`, type: `t${n % shape.types}`, partner: `p${Math.floor(rng() * shape.partners)}`,
    c: Array.from({ length: shape.categories }, () => value(rng)),
    f: Array.from({ length: shape.figures }, () => value(rng)),
  }));
  const figures = [...Array.from({ length: shape.categories }, (_, n) => `c${n}`), 'served', ...Array.from({ length: shape.figures }, (_, n) => `f${n}`)];
  const valueOf = (s: (typeof structures)[number], f: string) =>
    f === 'served' ? s.c.reduce((a, b) => a + b, 0) : f.startsWith('c') ? s.c[Number(f.slice(1))]! : s.f[Number(f.slice(1))]!;
  const units = new Map<string, typeof structures>([['T', structures]]);
  for (const s of structures) {
    units.set(s.id, [s]);
    for (const group of [s.type, s.partner]) units.set(group, [...(units.get(group) ?? []), s]);
  }
  const cells: DisclosureCell[] = [];
  const relations: DisclosureRelation[] = [];
  for (const [unit, members] of units) {
    for (const f of figures) cells.push({ id: `${unit}.${f}`, value: members.reduce((a, s) => a + valueOf(s, f), 0) });
    relations.push({ total: `${unit}.served`, parts: figures.filter((f) => f.startsWith('c')).map((f) => `${unit}.${f}`) });
    if (unit.startsWith('s')) continue;
    for (const f of figures) relations.push({ total: `${unit}.${f}`, parts: members.map((s) => `${s.id}.${f}`) });
  }
  // The total sheet is also the sum of the type sheet and of the partner sheet.
  const groups = [...units.keys()];
  for (const prefix of ['t', 'p'])
    for (const f of figures) relations.push({ total: `T.${f}`, parts: groups.filter((u) => u.startsWith(prefix)).map((u) => `${u}.${f}`) });
  return { cells, relations, k };
}
