// The Electronegativity step of `npm test`: scans the Electron code (electron/**, the built renderer,
// package.json) offline and fails on any finding of medium or higher severity, on a lower finding or an
// inline `eng-disable` whose check the README does not explain, on a file the tool could not parse, and
// on an unsafe web preference written anywhere in electron/** (where the tool is blind, see below).
// Writes reports/electronegativity.sarif (the tool's own format, for code scanning) and
// reports/electronegativity.json (our verdict). Usage: node scripts/electronegativity.mjs [--root=DIR]
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(process.argv.find((a) => a.startsWith('--root='))?.slice(7) ?? '.');
const reports = path.resolve('reports');
const SECTION = 'Electronegativity findings we accept';
// What gets scanned, relative to the project root; the renderer is the built one (index.html carries the CSP).
const INPUTS = ['electron', 'dist/renderer', 'package.json'];
// Asks GitHub whether a newer Electron has security fixes: network, and the answer changes by the day.
// Keeping Electron current is the dependency policy's job, not a reproducible test's.
const EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];
// The tool's severity scale: 0 informational, 1 low, 2 medium, 3 high.
const MEDIUM = 2;

const require = createRequire(import.meta.url);
const Module = require('node:module');

// The tool fetches fresh translations over the network before every run; answer "not found" instead,
// so it keeps its bundled English texts and the step behaves the same offline and on CI.
const loadModule = Module._load;
Module._load = function load(request, ...rest) {
  if (request === 'got') {
    const notFound = async () => ({ statusCode: 404, headers: {}, body: '' });
    return Object.assign(notFound, { head: notFound, get: notFound });
  }
  return loadModule.call(this, request, ...rest);
};
process.env.LANG = 'en-US';

/** Check ids named in backticks in the README section that explains accepted findings. */
function acceptedIds() {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const start = readme.indexOf(`## ${SECTION}`);
  if (start < 0) return new Set();
  const rest = readme.slice(start + SECTION.length + 3);
  const end = rest.search(/^#{1,2} /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  return new Set([...section.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]));
}

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** Every check an inline or whole-file `eng-disable` comment silences, with where. */
function silencedChecks(scanRoot) {
  const found = [];
  for (const file of filesUnder(scanRoot)) {
    if (!/\.(m?[jt]sx?|html?)$/.test(file)) continue;
    readFileSync(file, 'utf8').split('\n').forEach((line, index) => {
      const match = line.match(/(?:\/\*|\/\/|<!--)[ \t]*eng-disable[ \t]+([\w \t,]+)/);
      if (!match) return;
      for (const id of match[1].trim().split(/[\s,]+/)) {
        found.push({ id: id.toUpperCase(), file: path.relative(scanRoot, file), line: index + 1 });
      }
    });
  }
  return found;
}

// Electronegativity only reads options written inside `new BrowserWindow(…)` and ignores Node integration
// when the same literal sets sandbox: an unsafe web preference written anywhere in electron/** fails too.
const UNSAFE_PREFERENCE =
  /\b(?:nodeIntegration(?:InWorker|InSubFrames)?|webviewTag|allowRunningInsecureContent|experimentalFeatures)\s*:\s*true\b|\b(?:contextIsolation|sandbox|webSecurity)\s*:\s*false\b/;

function unsafePreferences(scanRoot) {
  const found = [];
  for (const file of filesUnder(path.join(scanRoot, 'electron'))) {
    if (!/\.(m?[jt]sx?)$/.test(file)) continue;
    readFileSync(file, 'utf8').split('\n').forEach((line, index) => {
      const match = line.match(UNSAFE_PREFERENCE);
      if (match) found.push(`${match[0]} at ${path.relative(scanRoot, file)}:${index + 1}`);
    });
  }
  return found;
}

function describe(issue) {
  const where = issue.file === 'N/A' ? '(whole app)' : `${issue.file}:${issue.location.line}`;
  return `${issue.id} ${issue.severity.name}/${issue.confidence.name} ${where} — ${issue.description}`;
}

async function main() {
  for (const input of INPUTS) {
    if (!existsSync(path.join(root, input))) throw new Error(`${input} is missing (run the build first)`);
  }
  const electronVersion = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies?.electron;
  if (!electronVersion) throw new Error('package.json names no electron version');

  // The tool takes one input folder: a copy holding only what is scanned, with the project's own layout,
  // so reported paths read as project paths and tests, scripts or other bundles never count.
  const scanRoot = mkdtempSync(path.join(tmpdir(), 'approdo-eng-'));
  try {
    for (const input of INPUTS) {
      const from = path.join(root, input);
      cpSync(from, path.join(scanRoot, input), { recursive: statSync(from).isDirectory() });
    }
    const run = require('@doyensec/electronegativity');
    mkdirSync(reports, { recursive: true });
    const result = await run({
      input: scanRoot,
      output: path.join(reports, 'electronegativity.sarif'),
      isSarif: true,
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: EXCLUDED,
    });

    const accepted = acceptedIds();
    const blocking = [];
    const explained = [];
    for (const issue of result.issues) {
      if (issue.severity.value >= MEDIUM) blocking.push({ issue, why: 'medium or higher severity' });
      else if (!accepted.has(issue.id)) blocking.push({ issue, why: `lower finding not explained in README "${SECTION}"` });
      else explained.push(issue);
    }
    const silenced = silencedChecks(scanRoot);
    const unexplainedSilences = silenced.filter((s) => !accepted.has(s.id));
    const parseErrors = result.errors.filter((e) => !e.tolerable);
    const unsafe = unsafePreferences(scanRoot);

    console.log(`Electronegativity ${result.globalChecks} global + ${result.atomicChecks} atomic checks over ${INPUTS.join(', ')}`);
    for (const issue of explained) console.log(`  accepted (README): ${describe(issue)}`);
    for (const s of silenced) console.log(`  silenced in code: ${s.id} at ${s.file}:${s.line}`);
    for (const { issue, why } of blocking) console.log(`  ✗ ${why}: ${describe(issue)}`);
    for (const s of unexplainedSilences) console.log(`  ✗ eng-disable not explained in README "${SECTION}": ${s.id} at ${s.file}:${s.line}`);
    for (const u of unsafe) console.log(`  ✗ unsafe web preference: ${u}`);
    for (const e of parseErrors) console.log(`  ✗ could not parse ${path.relative(scanRoot, e.file)}: ${e.message}`);

    const ok = blocking.length === 0 && unexplainedSilences.length === 0 && parseErrors.length === 0 && unsafe.length === 0;
    writeFileSync(
      path.join(reports, 'electronegativity.json'),
      `${JSON.stringify(
        {
          ok,
          inputs: INPUTS,
          excludedChecks: EXCLUDED,
          blocking: blocking.map(({ issue, why }) => ({ why, finding: describe(issue) })),
          accepted: explained.map(describe),
          silenced: silenced.map((s) => `${s.id} ${s.file}:${s.line}`),
          unexplainedSilences: unexplainedSilences.map((s) => `${s.id} ${s.file}:${s.line}`),
          unsafePreferences: unsafe,
          parseErrors: parseErrors.map((e) => `${path.relative(scanRoot, e.file)}: ${e.message}`),
        },
        null,
        2,
      )}\n`,
    );
    console.log(ok ? 'Electronegativity: no blocking finding' : 'Electronegativity: blocking findings (above)');
    return ok;
  } finally {
    rmSync(scanRoot, { recursive: true, force: true });
  }
}

// exitCode, not exit(): the tool writes its SARIF file asynchronously without waiting for it.
main().then(
  (ok) => {
    process.exitCode = ok ? 0 : 1;
  },
  (error) => {
    console.error(`Electronegativity could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
