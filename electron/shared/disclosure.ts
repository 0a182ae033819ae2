// Disclosure control of the aggregate exports (docs/disclosure.md): which cells of a set of linked tables
// leave as `<k` (primary suppression), which leave hidden (complementary suppression) and which derived
// figures (sums of money, percentages) are hidden with the counts they come from.
// Pure and synchronous (no Node): the main process protects every export with it, and the renderer's
// preview can show the same result.
// Method: primary suppression, the margin rule, then an attacker who solves linear programs over everything
// published; complements are added until the attacker learns nothing about a small cell that the `<k`
// labels do not already say. docs/disclosure.md gives the reasons.
import { solve, type Constraint } from 'yalps';

/** The smallest k the register accepts: a count of 1 or 2 never leaves as a number. */
export const MIN_DISCLOSURE_K = 3;
export const DEFAULT_DISCLOSURE_K = 3;

export interface DisclosureCell {
  readonly id: string;
  /** A non-negative integer count. */
  readonly value: number;
  /** A count of people or households (the default): below k it is hidden as primary. A figure that
   * describes no one (places, available nights) is `sensitive: false`: never primary, possibly a complement. */
  readonly sensitive?: boolean;
}

/** Σ total = Σ parts. Usually one total (`{ total: 'T', parts: ['a', 'b'] }`); a balance such as
 * start + entries = end + exits has several cells on each side (`{ total: ['start', 'entries'], parts: ['end', 'exits'] }`). */
export interface DisclosureRelation {
  readonly total: string | readonly string[];
  readonly parts: readonly string[];
}

/** A figure computed from counts (a sum of money, a percentage, a mean): hidden when any of them is hidden.
 * Money sums that add up like their counts must follow the same relations as those counts
 * (docs/disclosure.md explains why the counts' pattern then protects them too). */
export interface DerivedCell {
  readonly id: string;
  readonly from: readonly string[];
}

export interface DisclosureInput {
  readonly cells: readonly DisclosureCell[];
  readonly relations: readonly DisclosureRelation[];
  readonly derived?: readonly DerivedCell[];
  /** Default 3; never below 3. */
  readonly k?: number;
}

export type CellStatus = 'published' | 'primary' | 'complementary' | 'derived';

export interface DisclosureResult {
  readonly k: number;
  /** Non-zero counts below k: shown as `<k`. */
  readonly primary: readonly string[];
  /** Cells hidden so that no hidden cell can be recomputed or narrowed: shown as hidden, not as `<k`. */
  readonly complementary: readonly string[];
  /** Derived figures hidden with the counts they come from. */
  readonly derived: readonly string[];
  /** Primary cells whose `<k` labels alone (a `<3` total of two `<3` parts: both are 1) say more than `<k`:
   * no suppression can change that; the export's note names them. */
  readonly labelBound: readonly string[];
  /** Cells that could not be protected (nothing left to hide): an export must refuse to leave. */
  readonly exposed: readonly string[];
  status(id: string): CellStatus;
}

export class DisclosureInputError extends Error {}

/** How a cell leaves: its number, `<k`, or null for hidden. */
export function shownValue(result: DisclosureResult, id: string, value: number): number | string | null {
  const status = result.status(id);
  if (status === 'published') return value;
  return status === 'primary' ? `<${result.k}` : null;
}

const EPS = 1e-6;

interface Relation {
  /** Cell indexes and coefficients (parts +1, totals −1): Σ coef·x = 0. */
  readonly cells: readonly number[];
  readonly coefs: readonly number[];
}

/** An attacker's world: what they know of each cell. `fixed`: the value is known; otherwise bounds. */
interface Bounds {
  lo: number;
  hi: number; // Infinity when unbounded
}

type Point = Float64Array; // a full table consistent with what is published (indexed by cell)

export function protectTables(input: DisclosureInput): DisclosureResult {
  const k = input.k ?? DEFAULT_DISCLOSURE_K;
  if (!Number.isInteger(k) || k < MIN_DISCLOSURE_K) throw new DisclosureInputError(`k must be an integer of at least ${MIN_DISCLOSURE_K}`);
  const model = new TableModel(input);
  const hidden = new Uint8Array(model.n); // 0 published, 1 primary, 2 complementary
  for (let i = 0; i < model.n; i++) if (model.sensitive[i] && model.values[i]! > 0 && model.values[i]! < k) hidden[i] = 1;

  const attacker = new Attacker(model, k);
  const exposed = new Set<number>();
  /** Complements shown again because the published tables give them back anyway: never hidden again. */
  const known = new Set<number>();
  const labelBound = new Set<number>();
  for (let round = 0; round <= model.n; round++) {
    model.applyMarginRule(hidden, known);
    const failures = attacker.failures(hidden, labelBound);
    const added = new Set<number>();
    let released = false;
    for (const f of failures) {
      const pick = model.complementFor(f, hidden, k, added, known);
      if (pick !== null) added.add(pick);
      else if (hidden[f] === 1) exposed.add(f);
      else {
        // A complement the attacker recomputes, with nothing left to hide around it: hiding it protects
        // nothing (publishing it tells the attacker what they already know), so it is shown.
        hidden[f] = 0;
        known.add(f);
        released = true;
      }
    }
    if (added.size === 0 && !released) break;
    for (const i of added) hidden[i] = 2;
    exposed.clear();
  }

  const statusOf = new Map<string, CellStatus>();
  const primary: string[] = [];
  const complementary: string[] = [];
  model.ids.forEach((id, i) => {
    if (hidden[i] === 1) primary.push(id);
    if (hidden[i] === 2) complementary.push(id);
    statusOf.set(id, hidden[i] === 1 ? 'primary' : hidden[i] === 2 ? 'complementary' : 'published');
  });
  const derived: string[] = [];
  for (const d of input.derived ?? []) {
    if (statusOf.has(d.id)) throw new DisclosureInputError(`derived cell ${d.id} is also a count cell`);
    for (const f of d.from) if (!statusOf.has(f)) throw new DisclosureInputError(`derived cell ${d.id} names an unknown cell ${f}`);
    if (d.from.some((f) => statusOf.get(f) !== 'published')) derived.push(d.id);
  }
  const derivedSet = new Set(derived);
  return {
    k,
    primary,
    complementary,
    derived,
    labelBound: [...labelBound].map((i) => model.ids[i]!),
    exposed: [...exposed].map((i) => model.ids[i]!),
    status(id: string): CellStatus {
      const s = statusOf.get(id);
      if (s) return s;
      if (derivedSet.has(id)) return 'derived';
      if ((input.derived ?? []).some((d) => d.id === id)) return 'published';
      throw new DisclosureInputError(`unknown cell ${id}`);
    },
  };
}

/** The cells and relations as indexes, checked. */
class TableModel {
  readonly ids: string[];
  readonly values: number[];
  readonly sensitive: boolean[];
  readonly relations: Relation[];
  /** Relations each cell is in. */
  readonly relationsOf: number[][];
  readonly n: number;

  constructor(input: DisclosureInput) {
    const index = new Map<string, number>();
    this.ids = [];
    this.values = [];
    this.sensitive = [];
    for (const c of input.cells) {
      if (index.has(c.id)) throw new DisclosureInputError(`cell ${c.id} is given twice`);
      if (!Number.isInteger(c.value) || c.value < 0) throw new DisclosureInputError(`cell ${c.id} is not a count: ${c.value}`);
      index.set(c.id, this.ids.length);
      this.ids.push(c.id);
      this.values.push(c.value);
      this.sensitive.push(c.sensitive ?? true);
    }
    this.n = this.ids.length;
    const at = (id: string) => {
      const i = index.get(id);
      if (i === undefined) throw new DisclosureInputError(`a relation names an unknown cell ${id}`);
      return i;
    };
    this.relations = input.relations.map((r) => {
      const coef = new Map<number, number>();
      for (const id of typeof r.total === 'string' ? [r.total] : r.total) coef.set(at(id), (coef.get(at(id)) ?? 0) - 1);
      for (const id of r.parts) coef.set(at(id), (coef.get(at(id)) ?? 0) + 1);
      const cells = [...coef.keys()].filter((i) => coef.get(i) !== 0);
      const coefs = cells.map((i) => coef.get(i)!);
      const sum = cells.reduce((s, i, j) => s + coefs[j]! * this.values[i]!, 0);
      if (sum !== 0) throw new DisclosureInputError(`a relation does not hold: ${JSON.stringify(r)}`);
      return { cells, coefs };
    });
    this.relationsOf = this.ids.map(() => []);
    this.relations.forEach((r, ri) => r.cells.forEach((i) => this.relationsOf[i]!.push(ri)));
  }

  /** The rule as the product states it: a relation with a single hidden cell would give it back from its
   * total, so the smallest published non-zero cell beside it is hidden too (parts before totals), until no
   * relation has exactly one hidden cell. Zeros are never hidden (docs/disclosure.md: a hidden zero protects
   * nothing and says which cells are small). */
  applyMarginRule(hidden: Uint8Array, known: ReadonlySet<number>): void {
    let changed = true;
    while (changed) {
      changed = false;
      for (const r of this.relations) {
        let count = 0;
        for (const i of r.cells) if (hidden[i]) count++;
        if (count !== 1) continue;
        let best = -1;
        for (let j = 0; j < r.cells.length; j++) {
          const i = r.cells[j]!;
          if (hidden[i] || this.values[i] === 0 || known.has(i)) continue;
          if (best < 0 || this.rank(i, r, j) < this.rank(best, r, r.cells.indexOf(best))) best = i;
        }
        if (best >= 0) {
          hidden[best] = 2;
          changed = true;
        }
      }
    }
  }

  /** Order of preference among candidates of one relation: smallest value, then parts before totals, then
   * cells in fewer relations (hiding them opens fewer other tables), then the input's order. */
  private rank(i: number, r: Relation, j: number): number {
    return this.values[i]! * 1e6 + (r.coefs[j]! < 0 ? 1e5 : 0) + this.relationsOf[i]!.length * 1e3 + i / (this.n + 1);
  }

  /** A published cell to hide so that the failing cell `f` gains room: among the cells sharing a relation with
   * it (or else with any hidden cell linked to it), the smallest whose value leaves an up-move of a small cell
   * its full range (2k − 1 − v), else the largest. Null when nothing is left to hide. */
  complementFor(f: number, hidden: Uint8Array, k: number, alreadyAdded: Set<number>, known: ReadonlySet<number>): number | null {
    const free = (i: number) => !hidden[i] && this.values[i]! > 0 && !known.has(i);
    const near = new Set<number>();
    for (const ri of this.relationsOf[f]!) for (const i of this.relations[ri]!.cells) if (free(i)) near.add(i);
    let pool = near;
    if (pool.size === 0) {
      pool = new Set<number>();
      for (const c of this.linkedHidden(f, hidden))
        for (const ri of this.relationsOf[c]!) for (const i of this.relations[ri]!.cells) if (free(i)) pool.add(i);
    }
    if (pool.size === 0) return null;
    for (const i of pool) if (alreadyAdded.has(i)) return i; // one new complement may serve several failures
    const need = 2 * k - 1 - Math.min(this.values[f]!, k - 1);
    const sorted = [...pool].sort((a, b) => this.values[a]! - this.values[b]! || this.relationsOf[a]!.length - this.relationsOf[b]!.length || a - b);
    return sorted.find((i) => this.values[i]! >= need) ?? sorted[sorted.length - 1]!;
  }

  /** The hidden cells reachable from `start` through relations that hold hidden cells. */
  linkedHidden(start: number, hidden: Uint8Array): number[] {
    const seen = new Set<number>([start]);
    const queue = [start];
    while (queue.length) {
      const c = queue.pop()!;
      for (const ri of this.relationsOf[c]!)
        for (const i of this.relations[ri]!.cells)
          if (hidden[i] && !seen.has(i)) {
            seen.add(i);
            queue.push(i);
          }
    }
    return [...seen];
  }

  /** Groups of hidden cells linked by relations (each checked on its own: the others are constants to it). */
  components(hidden: Uint8Array): number[][] {
    const done = new Uint8Array(this.n);
    const out: number[][] = [];
    for (let i = 0; i < this.n; i++) {
      if (!hidden[i] || done[i]) continue;
      const group = this.linkedHidden(i, hidden);
      for (const c of group) done[c] = 1;
      out.push(group.sort((a, b) => a - b));
    }
    return out;
  }
}

/**
 * The attacker: knows every published number, the relations, that a `<k` cell is 1..k−1 and that a cell
 * hidden without a label is at least k (a count of people; at least 1 for a figure that is not sensitive),
 * since zeros are always shown and every small count is labelled. Over the real numbers (linear programming)
 * they find the least and greatest value of each hidden cell.
 * A result must satisfy, for every group of linked hidden cells:
 *  - every primary cell can still be anything its label allows (1 and k−1 are both reachable), unless the
 *    labels alone already narrow it (`labelBound`);
 *  - no complementary cell is pinned to one value;
 *  - for every primary cell of value 1 (a singleton: that person knows it is 1), no other primary cell of the
 *    group is pinned once that 1 is known, unless the labels and that 1 alone pin it.
 * Every point the solver finds is a whole table consistent with what is published: it is kept and serves as
 * a witness for the other cells before any new program is solved.
 */
class Attacker {
  /** Whole tables consistent with what is published. Hiding more cells only widens the attacker's world,
   * and a complement is shown again only when every such table already holds its true value, so a witness
   * stays valid for the rest of the run. The true table is the first one. */
  private readonly witnesses: Point[];
  /** How far the labels alone let a primary cell go, per direction (the labels world does not depend on the
   * complements chosen, so it is solved once per cell). */
  private readonly labelsReach = new Map<string, number>();
  /** Directions in which a primary cell goes as far as the labels allow (hiding more cannot change that). */
  private readonly settled = new Set<string>();
  /** Pairs (singleton, cell): whether the labels and that 1 alone pin the cell. */
  private readonly labelsPinned = new Map<string, boolean>();

  constructor(private readonly model: TableModel, private readonly k: number) {
    this.witnesses = [Float64Array.from(model.values)];
  }

  failures(hidden: Uint8Array, labelBound: Set<number>): number[] {
    const out: number[] = [];
    for (const group of this.model.components(hidden)) out.push(...this.checkGroup(group, hidden, labelBound));
    return out;
  }

  private bounds(i: number, hidden: Uint8Array, world: 'published' | 'labels'): Bounds {
    const v = this.model.values[i]!;
    const floor = this.model.sensitive[i] ? this.k : 1;
    if (hidden[i] === 1) return { lo: 1, hi: this.k - 1 };
    if (hidden[i] === 2) return { lo: floor, hi: Infinity };
    if (world === 'published' || v === 0) return { lo: v, hi: v };
    // Labels only: the published numbers unknown, but a non-zero published count is not small.
    return { lo: floor, hi: Infinity };
  }

  private reached(i: number, target: number, where?: (p: Point) => boolean): boolean {
    return this.witnesses.some((p) => Math.abs(p[i]! - target) < EPS && (!where || where(p)));
  }

  private moved(i: number, where?: (p: Point) => boolean): boolean {
    const v = this.model.values[i]!;
    return this.witnesses.some((p) => Math.abs(p[i]! - v) > EPS && (!where || where(p)));
  }

  /** Solves in the published world and keeps the point as a witness. */
  private attack(group: number[], hidden: Uint8Array, objective: Map<number, number>, fixed?: Map<number, number>): Point | null | 'unbounded' {
    // A lighter second aim: keep the group's singletons at 1 where that costs the main aim nothing, so the
    // point also shows what each of those persons cannot recompute.
    const singletons = group.filter((i) => hidden[i] === 1 && this.model.values[i] === 1 && !objective.has(i) && !fixed?.has(i));
    const weight = 1000 * (singletons.length + 1);
    const aims = new Map([...objective].map(([i, w]) => [i, w * weight]));
    for (const i of singletons) aims.set(i, -1);
    const point = this.optimise(group, hidden, 'published', aims, fixed);
    if (point && point !== 'unbounded') this.witnesses.push(point);
    return point;
  }

  private checkGroup(group: number[], hidden: Uint8Array, labelBound: Set<number>): number[] {
    const m = this.model;
    const k = this.k;
    const failures = new Set<number>();
    const primaries = group.filter((i) => hidden[i] === 1);
    const complements = group.filter((i) => hidden[i] === 2);

    // Primary cells: both ends of the label reachable. One program pushes all of them at once; the rest one by one.
    const needUp = primaries.filter((i) => !this.reached(i, k - 1));
    const needDown = primaries.filter((i) => !this.reached(i, 1));
    if (needUp.length + needDown.length > 0)
      this.attack(group, hidden, new Map([...needUp.map((i) => [i, 1] as [number, number]), ...needDown.map((i) => [i, -1] as [number, number])]));
    // Complements: not pinned.
    const stuck = complements.filter((i) => !this.moved(i));
    if (stuck.length > 0) this.attack(group, hidden, new Map(stuck.map((i) => [i, 1] as [number, number])));
    for (const i of primaries) {
      for (const [target, sign] of [[k - 1, 1], [1, -1]] as const) {
        if (this.reached(i, target) || this.settled.has(`${i}:${sign}`)) continue;
        const p = this.attack(group, hidden, new Map([[i, sign]]));
        if (p && p !== 'unbounded' && Math.abs(p[i]! - target) < EPS) continue;
        // Narrowed: by the published numbers, or by the labels themselves?
        const key = `${i}:${sign}`;
        if (!this.labelsReach.has(key)) {
          const q = this.optimise(group, hidden, 'labels', new Map([[i, sign]]));
          this.labelsReach.set(key, q && q !== 'unbounded' ? q[i]! : target);
        }
        if (p && p !== 'unbounded' && sign * (p[i]! - this.labelsReach.get(key)!) > -EPS) {
          labelBound.add(i);
          this.settled.add(key);
        } else failures.add(i);
      }
    }
    for (const i of complements) {
      if (this.moved(i)) continue;
      // Unbounded above: certainly not pinned.
      const up = this.attack(group, hidden, new Map([[i, 1]]));
      if (up === 'unbounded' || (up && Math.abs(up[i]! - m.values[i]!) > EPS)) continue;
      const down = this.attack(group, hidden, new Map([[i, -1]]));
      if (!(down && down !== 'unbounded' && Math.abs(down[i]! - m.values[i]!) > EPS)) failures.add(i);
    }

    // Singletons: the person counted in a cell of 1 knows it is 1. A point where every singleton is 1 serves
    // each of them at once: first all primary cells pushed together with every singleton held at 1, then each
    // cell alone (a singleton cell with the others held at 1), and only what is still pinned pair by pair.
    const singletons = primaries.filter((i) => m.values[i] === 1);
    const direction = (q: number) => (m.values[q]! < k - 1 ? 1 : -1);
    const othersAtOne = (q: number) => (p: Point) => singletons.every((s) => s === q || Math.abs(p[s]! - 1) < EPS);
    const loose = primaries.filter((q) => !failures.has(q) && !this.moved(q, othersAtOne(q)));
    if (singletons.length > 0 && loose.length > 0) {
      const nonSingletons = loose.filter((q) => m.values[q] !== 1);
      if (nonSingletons.length > 0) this.attack(group, hidden, new Map(nonSingletons.map((q) => [q, direction(q)] as [number, number])), new Map(singletons.map((s) => [s, 1])));
      for (const q of loose) {
        if (this.moved(q, othersAtOne(q))) continue;
        this.attack(group, hidden, new Map([[q, direction(q)]]), new Map(singletons.filter((s) => s !== q).map((s) => [s, 1])));
      }
    }
    for (const s of singletons) {
      const knowsOne = (p: Point) => Math.abs(p[s]! - 1) < EPS;
      const fixed = new Map([[s, 1]]);
      const others = primaries.filter((q) => q !== s && !failures.has(q) && this.labelsPinned.get(`${s}:${q}`) !== true && !this.moved(q, knowsOne));
      if (others.length === 0) continue;
      this.attack(group, hidden, new Map(others.map((q) => [q, m.values[q]! < k - 1 ? 1 : -1] as [number, number])), fixed);
      for (const q of others) {
        if (this.moved(q, knowsOne)) continue;
        // The labels and that 1 alone may pin it (then the published numbers, which only add to them, do too,
        // and nothing hidden can help): asked first, as it is the smaller question.
        const pair = `${s}:${q}`;
        if (!this.labelsPinned.has(pair)) {
          const lo = this.optimise(group, hidden, 'labels', new Map([[q, -1]]), fixed);
          const hi = this.optimise(group, hidden, 'labels', new Map([[q, 1]]), fixed);
          this.labelsPinned.set(pair, !!lo && !!hi && lo !== 'unbounded' && hi !== 'unbounded' && hi[q]! - lo[q]! < EPS);
        }
        if (this.labelsPinned.get(pair)) {
          labelBound.add(q);
          continue;
        }
        const first = m.values[q]! < k - 1 ? 1 : -1;
        this.attack(group, hidden, new Map([[q, first]]), fixed);
        if (this.moved(q, knowsOne)) continue;
        this.attack(group, hidden, new Map([[q, -first]]), fixed);
        if (!this.moved(q, knowsOne)) failures.add(q);
      }
    }
    return [...failures];
  }

  /**
   * The point of the attacker's world that maximises Σ objective·x over the group; 'unbounded' when the
   * objective has no maximum (a complement has no upper bound); null when the solver finds no point (cannot
   * happen in the published world, which the true table satisfies; treated as a failure, never as safe). Cells outside the group are
   * constants (in the labels world, relations that hold unknown published cells are dropped: they constrain
   * nothing the attacker can use without those numbers, so they are solved as free variables instead).
   */
  private optimise(group: number[], hidden: Uint8Array, world: 'published' | 'labels', objective: Map<number, number>, fixed: Map<number, number> = new Map()): Point | null | 'unbounded' {
    const m = this.model;
    // Variables: the group's hidden cells and, in the labels world, the published non-zero cells of its relations.
    const vars = new Set<number>(group.filter((i) => !fixed.has(i)));
    const rels = new Set<number>();
    for (const c of group) for (const ri of m.relationsOf[c]!) rels.add(ri);
    if (world === 'labels')
      // The labels world, kept to the group's own relations: their published non-zero cells become unknowns
      // (at least k, or 1) and their other relations are dropped. Dropping constraints can only widen what
      // the labels allow, so the requirement "the published numbers narrow nothing the labels do not" gets
      // stricter, never looser, and the program stays the size of the group.
      for (const ri of rels) for (const i of m.relations[ri]!.cells) if (m.values[i]! > 0 && !fixed.has(i)) vars.add(i);
    // Cells in `fixed` are constants. Shift every variable to its lower bound (x = lo + y, y ≥ 0): the solver's variables are non-negative.
    const bound = new Map<number, Bounds>();
    for (const i of vars) bound.set(i, this.bounds(i, hidden, world));
    const constraints = new Map<string, Constraint>();
    const coefficients = new Map<number, Map<string, number>>([...vars].map((i) => [i, new Map<string, number>()]));
    for (const ri of rels) {
      const r = m.relations[ri]!;
      let rhs = 0;
      let any = false;
      r.cells.forEach((i, j) => {
        const c = r.coefs[j]!;
        if (vars.has(i)) {
          rhs -= c * bound.get(i)!.lo;
          coefficients.get(i)!.set(`r${ri}`, c);
          any = true;
        } else rhs -= c * (fixed.get(i) ?? m.values[i]!);
      });
      if (any) constraints.set(`r${ri}`, { equal: rhs });
    }
    for (const i of vars) {
      const b = bound.get(i)!;
      if (b.hi !== Infinity) {
        constraints.set(`u${i}`, { max: b.hi - b.lo });
        coefficients.get(i)!.set(`u${i}`, 1);
      }
      const w = objective.get(i);
      if (w) coefficients.get(i)!.set('objective', w);
    }
    const solution = solve(
      { direction: 'maximize', objective: 'objective', constraints, variables: [...coefficients].map(([i, c]) => [i, c] as const) },
      { maxPivots: 100_000 },
    );
    if (solution.status === 'unbounded') return 'unbounded';
    // 'infeasible' cannot happen; 'cycled' (the pivot limit) counts as no point: the cell is then treated as
    // unprotected and more is hidden, never less.
    if (solution.status !== 'optimal') return null;
    const point = Float64Array.from(m.values);
    for (const [i, f] of fixed) point[i] = f;
    for (const i of vars) point[i] = bound.get(i)!.lo;
    for (const [i, y] of solution.variables) point[i] = bound.get(i)!.lo + y;
    return point;
  }
}
