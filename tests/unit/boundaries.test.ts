// The architecture's boundaries, checked on the source: every import of every file under electron/ and
// renderer/src (type-only ones included) is read with the TypeScript parser and resolved.
//  - electron/shared: the code both processes run. Nothing from Node, Electron, core, main, preload, host or the
//    renderer.
//  - electron/core: the register's rules. Never Electron, main, preload, host or the renderer, so it runs the
//    same behind the desktop app, the browser host, the tests and the bench.
//  - electron/preload: only the contract (shared) and Electron.
//  - renderer/src: the untrusted UI. Nothing from Node, Electron, core, main, preload or host: it reaches the
//    register only through `call()`.
//  - electron/main and electron/host: anything but the renderer and preload (host may read main's CSP).
//  - No import cycles anywhere (type-only imports count: a cycle of types is a cycle of ideas).
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const SOURCE = /\.tsx?$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return SOURCE.test(name) ? [path] : [];
  });
}

/** Every module specifier a file names: imports, re-exports, `import type`, `import()` and `typeof import()`. */
function specifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      out.push(node.moduleSpecifier.text);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression))
      out.push(node.moduleReference.expression.text);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0]))
      out.push(node.arguments[0].text);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal))
      out.push(node.argument.literal.text);
    else if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) out.push(node.name.text); // `declare module 'x'`
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** A relative specifier as the repository file it names (bundler resolution), or null for a package. */
function resolveRelative(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')])
    if (SOURCE.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  // Not TypeScript (a stylesheet, JSON): still a path, for the layer check; not part of the graph.
  return base;
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const isNode = (specifier: string) => specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0]!);
const isElectron = (specifier: string) => specifier === 'electron' || specifier.startsWith('electron/');

type Layer = 'shared' | 'core' | 'main' | 'preload' | 'host' | 'renderer';
const LAYERS: [Layer, string][] = [
  ['shared', 'electron/shared/'], ['core', 'electron/core/'], ['main', 'electron/main/'], ['preload', 'electron/preload/'],
  ['host', 'electron/host/'], ['renderer', 'renderer/src/'],
];
const layerOf = (path: string): Layer | 'outside' => {
  const rel = relative(root, path).split('\\').join('/');
  return LAYERS.find(([, prefix]) => rel.startsWith(prefix))?.[0] ?? 'outside';
};

/** What each layer may not import: other layers, Node's built-ins, the Electron package. */
const RULES: Record<Layer, { layers: (Layer | 'outside')[]; node: boolean; electron: boolean }> = {
  shared: { layers: ['core', 'main', 'preload', 'host', 'renderer', 'outside'], node: true, electron: true },
  core: { layers: ['main', 'preload', 'host', 'renderer', 'outside'], node: false, electron: true },
  preload: { layers: ['core', 'main', 'host', 'renderer', 'outside'], node: false, electron: false },
  renderer: { layers: ['core', 'main', 'preload', 'host', 'outside'], node: true, electron: true },
  main: { layers: ['preload', 'host', 'renderer', 'outside'], node: false, electron: false },
  // The browser host stands in for main outside Electron and serves main's own Content-Security-Policy.
  host: { layers: ['preload', 'renderer', 'outside'], node: false, electron: true },
};

const files = [...filesUnder(join(root, 'electron')), ...filesUnder(join(root, 'renderer/src'))];
const graph = new Map<string, { specifier: string; target: string | null }[]>(
  files.map((file) => [file, specifiers(file).map((specifier) => ({ specifier, target: resolveRelative(file, specifier) }))]),
);
const show = (path: string) => relative(root, path).split('\\').join('/');

/** Strongly connected components of more than one file (Tarjan), each as one cycle path through it. */
function cycles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const edges = (file: string) => (graph.get(file) ?? []).map((e) => e.target).filter((t): t is string => t !== null && graph.has(t));
  const connect = (file: string): void => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const target of edges(file)) {
      if (!index.has(target)) {
        connect(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || edges(file).includes(file)) found.push(component.map(show).sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) connect(file);
  return found;
}

/**
 * Cycles being removed elsewhere, listed so the rule holds for every other file meanwhile. An entry that no
 * longer matches fails the test: delete it when its cycle is gone. Nothing is to be added here.
 */
const KNOWN_CYCLES: string[] = [];

describe('architecture boundaries', () => {
  it('reads the whole tree (a broken walk would pass every rule)', () => {
    expect(files.length).toBeGreaterThan(150);
    const shared = [...graph].find(([file]) => show(file) === 'electron/core/ipc/dispatch.ts');
    expect(shared?.[1].some((e) => e.target && show(e.target) === 'electron/shared/contract.ts')).toBe(true);
  });

  it('each layer imports only what it may', () => {
    const violations: string[] = [];
    for (const [file, imports] of graph) {
      const layer = layerOf(file);
      if (layer === 'outside') continue;
      const rule = RULES[layer];
      for (const { specifier, target } of imports) {
        if (target !== null && rule.layers.includes(layerOf(target))) violations.push(`${show(file)} (${layer}) imports ${show(target)} (${layerOf(target)})`);
        if (target === null && rule.node && isNode(specifier)) violations.push(`${show(file)} (${layer}) imports Node's '${specifier}'`);
        if (target === null && rule.electron && isElectron(specifier)) violations.push(`${show(file)} (${layer}) imports '${specifier}'`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('the rules catch what they are for', () => {
    // The checks above only prove something if they can fail: the same classification on known-bad imports.
    expect(isNode('node:fs') && isNode('path') && isNode('fs/promises')).toBe(true);
    expect(isNode('zod') || isNode('./fs')).toBe(false);
    expect(isElectron('electron') && !isElectron('./electron')).toBe(true);
    expect(layerOf(join(root, 'renderer/src/i18n/common.ts'))).toBe('renderer');
    expect(RULES.core.layers).toContain(layerOf(resolveRelative(join(root, 'electron/core/x.ts'), '../../renderer/src/i18n/common')!));
    expect(RULES.shared.layers).toContain(layerOf(resolveRelative(join(root, 'electron/shared/x.ts'), '../core/session')!));
  });

  it('no import cycles, type-only imports included', () => {
    const found = cycles().map((files) => files.join(' ↔ '));
    expect(found.filter((cycle) => !KNOWN_CYCLES.includes(cycle))).toEqual([]);
    for (const known of KNOWN_CYCLES) expect(found, `the cycle ${known} is gone: remove it from KNOWN_CYCLES in tests/unit/boundaries.test.ts`).toContain(known);
  });
});
