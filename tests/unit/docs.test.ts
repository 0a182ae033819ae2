// The repository explains itself: docs/roles.md's access table is the contract's `access`, every document a
// comment points to exists, and nothing points to a specification outside the repository.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, ROLES, contract } from '../../electron/shared/contract';

const root = resolve(__dirname, '../..');
const ROLES_DOC = join(root, 'docs/roles.md');
const START = '<!-- access table: generated from electron/shared/contract.ts by tests/unit/docs.test.ts -->';
const END = '<!-- end of access table -->';

/** One row per channel, grouped by its domain (the part before the dot): who may call it. */
function accessTable(): string {
  const head = `| Channel | ${ROLES.join(' | ')} |\n| --- | ${ROLES.map(() => ':---:').join(' | ')} |`;
  const rows = [...CHANNEL_NAMES].sort().map((name) => {
    const access = contract[name].access;
    const cell = (role: (typeof ROLES)[number]) =>
      access === 'public' ? 'anyone' : access === 'unlocked' ? 'signed in' : access.includes(role) ? '✓' : '';
    return `| \`${name}\` | ${ROLES.map(cell).join(' | ')} |`;
  });
  return [head, ...rows].join('\n');
}

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return filesUnder(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

const sources = [
  ...['electron', 'renderer/src', 'tests', 'scripts', 'docs'].flatMap((dir) => filesUnder(join(root, dir), /\.(ts|tsx|mjs|md)$/)),
  join(root, 'README.md'),
];

describe('the documentation', () => {
  it('lists in docs/roles.md exactly the access the contract declares (APPRODO_UPDATE_DOCS=1 rewrites it)', () => {
    const text = readFileSync(ROLES_DOC, 'utf8');
    const start = text.indexOf(START);
    const end = text.indexOf(END);
    expect(start, `docs/roles.md has no "${START}" line`).toBeGreaterThanOrEqual(0);
    const current = text.slice(start + START.length, end).trim();
    if (process.env.APPRODO_UPDATE_DOCS === '1' && current !== accessTable())
      writeFileSync(ROLES_DOC, `${text.slice(0, start + START.length)}\n${accessTable()}\n${text.slice(end)}`);
    else expect(current, 'docs/roles.md is out of date: run APPRODO_UPDATE_DOCS=1 npx vitest run tests/unit/docs.test.ts').toBe(accessTable());
  });

  it('points only to documents that exist, and to no specification outside the repository', () => {
    const problems: string[] = [];
    for (const file of sources) {
      if (file.endsWith('docs.test.ts')) continue;
      const text = readFileSync(file, 'utf8');
      const where = file.slice(root.length + 1);
      for (const [, doc] of text.matchAll(/\bdocs\/([a-z0-9-]+\.(?:md|png))/g)) if (!existsSync(join(root, 'docs', doc!))) problems.push(`${where}: docs/${doc} does not exist`);
      for (const [found] of text.matchAll(/PRODUCT\.md|STYLE\.md|\bthe spec\b|\/work\/shared/g)) problems.push(`${where}: mentions ${found}`);
    }
    expect(problems).toEqual([]);
  });
});
