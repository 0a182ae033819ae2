// `npm test`: type-check, build, Electronegativity, unit + integration tests (vitest), end-to-end tests (Playwright),
// then one summary line `N passed, N failed` (also written to reports/summary.txt for CI).
// Reports live in reports/, not test-results/ (Playwright empties that folder when it starts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

mkdirSync('reports', { recursive: true });
let passed = 0;
let failed = 0;

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
  return result.status === 0;
}

function countVitest(file) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numTotalTestSuites && report.success === false && !report.numFailedTests ? 1 : 0);
  return true;
}

function countPlaywright(file) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const stats = report.stats ?? {};
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += (stats.unexpected ?? 0) + ((report.errors ?? []).length > 0 && !stats.unexpected ? 1 : 0);
  return true;
}

// 1. Type-check both projects (main/preload and renderer): one check.
if (run('typecheck', 'npx', ['tsc', '-b'])) passed += 1;
else failed += 1;

// 2. Build the renderer, main, preload and browser host (the e2e tests run the built host).
const built = run('build', 'node', ['scripts/build.mjs']);
if (built) passed += 1;
else failed += 1;

// 3. Electronegativity over the Electron code and the built renderer, offline: one check
// (scripts/electronegativity.mjs says what fails it; reports/electronegativity.{json,sarif}).
rmSync('reports/electronegativity.json', { force: true });
const scanned = built && run('electronegativity', 'node', ['scripts/electronegativity.mjs']);
if (scanned && existsSync('reports/electronegativity.json') && JSON.parse(readFileSync('reports/electronegativity.json', 'utf8')).ok === true) passed += 1;
else failed += 1;

// 4. Unit and integration tests.
rmSync('reports/vitest.json', { force: true });
run('unit + integration', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json']);
if (!countVitest('reports/vitest.json')) failed += 1;

// 5. End-to-end tests against the browser host.
rmSync('reports/playwright.json', { force: true });
if (built) {
  run('end-to-end', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: 'reports/playwright.json' });
  if (!countPlaywright('reports/playwright.json')) failed += 1;
} else failed += 1;

const summary = `${passed} passed, ${failed} failed`;
writeFileSync('reports/summary.txt', `${summary}\n`);
console.log(`\n${summary}`);
process.exit(failed === 0 ? 0 : 1);
