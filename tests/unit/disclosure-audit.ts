// An independent audit of disclosure control (docs/disclosure.md), written apart from the module it checks:
// another solver (GLPK, compiled to WebAssembly) and another model (every cell a variable, no grouping, no
// shifting, no witnesses). For every hidden cell it asks GLPK for the least and greatest value consistent
// with everything an export publishes: the published numbers, every relation, the `<k` labels (1..k−1), and
// that an unlabelled hidden count is at least k (zeros are always shown, small counts always labelled).
import GLPK, { type GLPK as Glpk, type LP } from 'glpk.js/node';
import type { DisclosureInput, DisclosureResult } from '../../electron/shared/disclosure';

let glpk: Glpk | undefined;
export async function loadGlpk(): Promise<Glpk> {
  glpk ??= await GLPK();
  return glpk;
}

type World = 'published' | 'labels';
interface Range { min: number; max: number }
const EPS = 1e-6;

export class Audit {
  private readonly ids: string[];
  private readonly value = new Map<string, number>();
  private readonly sensitive = new Map<string, boolean>();
  private readonly zerosHidden: boolean;
  private readonly rows: { name: string; vars: { name: string; coef: number }[] }[];

  constructor(private readonly g: Glpk, private readonly input: DisclosureInput, private readonly result: DisclosureResult) {
    this.ids = input.cells.map((c) => c.id);
    for (const c of input.cells) {
      this.value.set(c.id, c.value);
      this.sensitive.set(c.id, c.sensitive ?? true);
    }
    this.zerosHidden = input.cells.some((c) => c.value === 0 && result.status(c.id) !== 'published');
    this.rows = input.relations.map((r, n) => {
      const coef = new Map<string, number>();
      for (const t of typeof r.total === 'string' ? [r.total] : r.total) coef.set(t, (coef.get(t) ?? 0) - 1);
      for (const p of r.parts) coef.set(p, (coef.get(p) ?? 0) + 1);
      return { name: `rel${n}`, vars: [...coef].map(([name, c]) => ({ name: v(name), coef: c })) };
    });
  }

  private bounds(id: string, world: World, fixed: ReadonlyMap<string, number>) {
    const g = this.g;
    const k = this.result.k;
    const f = fixed.get(id);
    if (f !== undefined) return { type: g.GLP_FX, lb: f, ub: f };
    const status = this.result.status(id);
    const floor = this.sensitive.get(id) ? k : 1;
    if (status === 'primary') return { type: g.GLP_DB, lb: 1, ub: k - 1 };
    // Were a zero ever hidden, an unlabelled hidden cell could be 0 too.
    if (status === 'complementary') return { type: g.GLP_LO, lb: this.zerosHidden ? 0 : floor, ub: 0 };
    const value = this.value.get(id)!;
    if (world === 'published' || value === 0) return { type: g.GLP_FX, lb: value, ub: value };
    return { type: g.GLP_LO, lb: floor, ub: 0 };
  }

  /** The least and greatest value of `id` an attacker can reach (±Infinity when unbounded). */
  range(id: string, world: World, fixed: ReadonlyMap<string, number> = new Map()): Range {
    const g = this.g;
    const solveFor = (direction: number): number => {
      const lp: LP = {
        name: 'attack',
        objective: { direction, name: 'z', vars: [{ name: v(id), coef: 1 }] },
        subjectTo: this.rows.map((r) => ({ ...r, bnds: { type: g.GLP_FX, lb: 0, ub: 0 } })),
        bounds: this.ids.map((c) => ({ name: v(c), ...this.bounds(c, world, fixed) })),
      };
      const out = g.solve(lp, { msglev: g.GLP_MSG_OFF, presol: false }).result;
      if (out.status === g.GLP_UNBND) return direction === g.GLP_MAX ? Infinity : -Infinity;
      if (out.status !== g.GLP_OPT) throw new Error(`GLPK found no attack point for ${id} (status ${out.status}): the published tables contradict themselves`);
      return out.z;
    };
    return { min: solveFor(g.GLP_MIN), max: solveFor(g.GLP_MAX) };
  }

  /** Everything wrong with the result; empty when the tables are safe to publish. */
  problems(): string[] {
    const { result, input } = this;
    const k = result.k;
    const out: string[] = [];
    const primaries = this.ids.filter((id) => result.status(id) === 'primary');
    for (const c of input.cells) {
      const small = (c.sensitive ?? true) && c.value > 0 && c.value < k;
      if (small !== (result.status(c.id) === 'primary')) out.push(`${c.id} = ${c.value} is ${result.status(c.id)}`);
      if (c.value === 0 && result.status(c.id) !== 'published') out.push(`zero ${c.id} is hidden`);
    }
    for (const d of input.derived ?? []) {
      const should = d.from.some((f) => result.status(f) !== 'published');
      if (should !== (result.status(d.id) === 'derived')) out.push(`derived ${d.id} is ${result.status(d.id)}`);
    }
    if (result.exposed.length > 0) out.push(`exposed: ${result.exposed.join(', ')}`);
    for (const id of primaries) {
      const published = this.range(id, 'published');
      const labels = this.range(id, 'labels');
      if (published.min > labels.min + EPS || published.max < labels.max - EPS)
        out.push(`primary ${id} = ${this.value.get(id)} narrowed to [${published.min}, ${published.max}] (labels allow [${labels.min}, ${labels.max}])`);
      if ((labels.min > 1 + EPS || labels.max < k - 1 - EPS) && !result.labelBound.includes(id)) out.push(`primary ${id}: labels narrow it, not reported`);
    }
    for (const id of this.ids.filter((c) => result.status(c) === 'complementary')) {
      const r = this.range(id, 'published');
      if (r.max - r.min < EPS) out.push(`complement ${id} = ${this.value.get(id)} recomputed`);
    }
    for (const s of primaries.filter((id) => this.value.get(id) === 1)) {
      const knows = new Map([[s, 1]]);
      for (const q of primaries) {
        if (q === s) continue;
        const r = this.range(q, 'published', knows);
        if (r.max - r.min > EPS) continue;
        const l = this.range(q, 'labels', knows);
        if (l.max - l.min > EPS) out.push(`singleton ${s} recomputes ${q} = ${r.min}`);
      }
    }
    return out;
  }
}

/** GLPK's names: letters, digits and a few signs; ids are encoded so that any id works. */
const v = (id: string) => `c_${Buffer.from(id).toString('hex')}`;

/** A suppression pattern given by hand, audited as if the module had produced it (to show what the audit catches). */
export function patternResult(k: number, primary: string[], complementary: string[], labelBound: string[] = []): DisclosureResult {
  return {
    k, primary, complementary, derived: [], labelBound, exposed: [],
    status: (id) => (primary.includes(id) ? 'primary' : complementary.includes(id) ? 'complementary' : 'published'),
  };
}
