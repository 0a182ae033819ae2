// Disclosure control (docs/disclosure.md): hand-worked tables with the classic traps, then many seeded
// random tables, each checked by an independent audit (tests/unit/disclosure-audit.ts: GLPK finds the least
// and greatest value of every hidden cell given everything published).
import { beforeAll, describe, expect, it } from 'vitest';
import { DisclosureInputError, protectTables, shownValue, type DisclosureInput } from '../../electron/shared/disclosure';
import { Audit, loadGlpk, patternResult } from './disclosure-audit';
import { linked, oneWay, randomOneWay, randomTwoWay, seeded, twoWay } from './disclosure-tables';
import type { GLPK } from 'glpk.js/node';

let glpk: GLPK;
beforeAll(async () => {
  glpk = await loadGlpk();
});

const audit = (input: DisclosureInput, result = protectTables(input)) => new Audit(glpk, input, result).problems();
const hidden = (input: DisclosureInput) => {
  const r = protectTables(input);
  return { r, primary: [...r.primary].sort(), complementary: [...r.complementary].sort() };
};

describe('primary suppression', () => {
  it('shows a non-zero count below k as <k, zero as zero, and the rest as numbers', () => {
    const input = oneWay([0, 1, 2, 3, 12]);
    const r = protectTables(input);
    expect(shownValue(r, 'p0', 0)).toBe(0);
    expect(shownValue(r, 'p1', 1)).toBe('<3');
    expect(shownValue(r, 'p2', 2)).toBe('<3');
    expect(r.primary).toEqual(['p1', 'p2']);
    expect(audit(input)).toEqual([]);
  });

  it('takes k from the setting, never below 3', () => {
    const input = oneWay([0, 3, 4, 5, 9, 20], 5);
    const r = protectTables(input);
    expect(r.primary).toEqual(['p1', 'p2']);
    expect(shownValue(r, 'p1', 3)).toBe('<5');
    expect(audit(input)).toEqual([]);
    expect(() => protectTables({ ...input, k: 2 })).toThrow(DisclosureInputError);
    expect(() => protectTables({ ...input, k: 3.5 })).toThrow(DisclosureInputError);
  });

  it('never hides a figure that counts no one as primary', () => {
    const input: DisclosureInput = { cells: [{ id: 'places', value: 2, sensitive: false }, { id: 'p', value: 9 }], relations: [] };
    expect(protectTables(input).primary).toEqual([]);
  });

  it('refuses tables whose relations do not hold or name unknown cells', () => {
    expect(() => protectTables({ cells: [{ id: 'a', value: 1 }, { id: 'T', value: 5 }], relations: [{ total: 'T', parts: ['a'] }] })).toThrow(/does not hold/);
    expect(() => protectTables({ cells: [{ id: 'a', value: 1 }], relations: [{ total: 'T', parts: ['a'] }] })).toThrow(/unknown cell T/);
    expect(() => protectTables({ cells: [{ id: 'a', value: -1 }], relations: [] })).toThrow(/not a count/);
  });
});

describe('the classic traps', () => {
  it('a single hidden cell in a row: its total gives it back, so a second cell is hidden', () => {
    const input = oneWay([1, 5, 8]);
    // Hiding the 1 alone: the total recomputes it.
    expect(audit(input, patternResult(3, ['p0'], []))).toEqual(['primary p0 = 1 narrowed to [1, 1] (labels allow [1, 2])']);
    const { primary, complementary } = hidden(input);
    expect(primary).toEqual(['p0']);
    expect(complementary).toEqual(['p1']);
    expect(audit(input)).toEqual([]);
  });

  it('the next smallest cell can be too small: a 1 beside a hidden 3 is pinned, since a hidden count is at least 3', () => {
    const input = oneWay([1, 3, 10]);
    // 1 + 3 = 4 and the unlabelled hidden cell is at least 3: the <3 cell can only be 1.
    expect(audit(input, patternResult(3, ['p0'], ['p1']))).toContain('primary p0 = 1 narrowed to [1, 1] (labels allow [1, 2])');
    const { complementary } = hidden(input);
    expect(complementary).toContain('p2');
    expect(audit(input)).toEqual([]);
  });

  it('a table where the smallest complement is zero: the zero stays shown and a non-zero cell is hidden', () => {
    const input = oneWay([1, 0, 10]);
    // Hiding the zero protects nothing: the hidden cells add up to 1, so the <3 cell is 1.
    expect(audit(input, patternResult(3, ['p0'], ['p1']))).toEqual(expect.arrayContaining(['zero p1 is hidden', 'primary p0 = 1 narrowed to [1, 1] (labels allow [1, 2])']));
    const { r, complementary } = hidden(input);
    expect(complementary).toEqual(['p2']);
    expect(r.status('p1')).toBe('published');
    expect(audit(input)).toEqual([]);
  });

  it('two hidden cells whose difference is known from two margins: two per row and column is not enough', () => {
    const input = twoWay([[1, 2, 9], [3, 3, 9], [9, 9, 9]]);
    // The rectangle of the 1, the 2 and the two 3s below them has two hidden cells in every row and column,
    // yet column 0 gives 1 + x = 4 with x ≥ 3: the 1 is pinned, and the 2 with it.
    const naive = patternResult(3, ['r0c0', 'r0c1'], ['r1c0', 'r1c1']);
    const problems = audit(input, naive);
    expect(problems).toContain('primary r0c0 = 1 narrowed to [1, 1] (labels allow [1, 2])');
    expect(problems).toContain('primary r0c1 = 2 narrowed to [2, 2] (labels allow [1, 2])');
    expect(audit(input)).toEqual([]);
    expect(hidden(input).complementary.length).toBeGreaterThan(2);
  });

  it('the same difference trap with nothing but linear algebra: two cells of a column and their rows', () => {
    // Hidden 1 and 4 in column 0 and the 4 and 5 beside them: rows and columns give the 1 − 5 difference
    // and the 1 + 4 sum, so the 1 is recomputed. The module hides more.
    const input = twoWay([[1, 4, 20], [4, 5, 20], [20, 20, 20]]);
    expect(audit(input, patternResult(3, ['r0c0'], ['r1c0', 'r0c1']))).toContain('primary r0c0 = 1 narrowed to [1, 1] (labels allow [1, 2])');
    expect(audit(input)).toEqual([]);
  });

  it('a singleton beside one other hidden small cell recomputes it', () => {
    const input = oneWay([1, 2, 20, 20]);
    // The 1 and the 2 hidden together: their sum is 3, and the person counted in the 1 subtracts.
    expect(audit(input, patternResult(3, ['p0', 'p1'], []))).toContain('singleton p0 recomputes p1 = 2');
    expect(audit(input)).toEqual([]);
    expect(hidden(input).complementary.length).toBeGreaterThan(0);
  });

  it('a <k total of two <k parts says both are 1: reported as bound by the labels, not hidden further', () => {
    const input = oneWay([1, 1, 0]);
    const r = protectTables(input);
    expect([...r.labelBound].sort()).toEqual(['T', 'p0', 'p1']);
    expect(r.exposed).toEqual([]);
    expect(audit(input, r)).toEqual([]);
  });

  it('hides the money and the percentages that come from hidden counts, and nothing else', () => {
    const input: DisclosureInput = {
      ...oneWay([1, 5, 8]),
      derived: [
        { id: 'p0.euro', from: ['p0'] }, { id: 'p1.euro', from: ['p1'] }, { id: 'p2.euro', from: ['p2'] }, { id: 'T.euro', from: ['T'] },
        { id: 'p2.share', from: ['p2', 'T'] },
      ],
    };
    const r = protectTables(input);
    expect(r.derived).toEqual(['p0.euro', 'p1.euro']);
    expect(r.status('p2.share')).toBe('published');
    expect(r.status('p1.euro')).toBe('derived');
    expect(shownValue(r, 'p1.euro', 120_000)).toBeNull();
    expect(audit(input, r)).toEqual([]);
  });

  it('protects linked sheets together: a structure hidden in its type sheet stays hidden in the partner sheet', () => {
    // Two structures of one type and two partners: hiding the small one per type is undone by the partner
    // sheet unless the two sheets are protected together.
    const input: DisclosureInput = {
      cells: [
        { id: 's0', value: 1 }, { id: 's1', value: 7 }, { id: 's2', value: 9 }, { id: 's3', value: 6 },
        { id: 'tA', value: 8 }, { id: 'tB', value: 15 }, { id: 'pX', value: 10 }, { id: 'pY', value: 13 }, { id: 'T', value: 23 },
      ],
      relations: [
        { total: 'tA', parts: ['s0', 's1'] }, { total: 'tB', parts: ['s2', 's3'] },
        { total: 'pX', parts: ['s0', 's2'] }, { total: 'pY', parts: ['s1', 's3'] },
        { total: 'T', parts: ['tA', 'tB'] }, { total: 'T', parts: ['pX', 'pY'] },
      ],
    };
    // Protecting the type sheet alone (hide s0 and s1) leaves s0 = pX − s2 in the partner sheet.
    expect(audit(input, patternResult(3, ['s0'], ['s1']))).toContain('primary s0 = 1 narrowed to [1, 1] (labels allow [1, 2])');
    expect(audit(input)).toEqual([]);
  });
});

describe('random tables, audited', () => {
  const KS = [3, 3, 3, 4, 5];
  it('one-way tables', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const rng = seeded(seed);
      const input = randomOneWay(rng, KS[seed % KS.length]!);
      expect({ seed, problems: audit(input) }).toEqual({ seed, problems: [] });
    }
  });

  it('two-way tables with row, column and grand totals', () => {
    for (let seed = 1; seed <= 120; seed++) {
      const rng = seeded(1000 + seed);
      const input = randomTwoWay(rng, KS[seed % KS.length]!);
      expect({ seed, problems: audit(input) }).toEqual({ seed, problems: [] });
    }
  });

  it('linked sheets sharing totals: per structure, type, partner and total, with a breakdown that adds up', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rng = seeded(5000 + seed);
      const shape = { structures: 3 + Math.floor(rng() * 5), types: 2, partners: 2 + Math.floor(rng() * 2), categories: 2 + Math.floor(rng() * 2), figures: 1 };
      const input = linked(rng, shape, KS[seed % KS.length]!);
      expect({ seed, problems: audit(input) }).toEqual({ seed, problems: [] });
    }
  });
});
