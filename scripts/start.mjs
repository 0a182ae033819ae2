// `npm start`: builds everything, then runs the app in Electron. Electron 45 has no postinstall, so the
// binary is fetched on first start; when that is impossible it says so in one line instead of a stack trace.
// Usage: node scripts/start.mjs [extra arguments passed to the app]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const DOWNLOAD_TIMEOUT_MS = 5 * 60_000;

const CANNOT_START =
  'Approdo cannot start here: the Electron binary is not installed and could not be downloaded ' +
  '(no access to its download server). Use "npm run dev:web" for the browser host.';

/** The binary's path as node_modules/electron/index.js computes it, or null when it is not on disk. */
function installedElectron() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist');
  const binary = path.join(base, relative);
  return relative && existsSync(binary) ? binary : null;
}

function downloadElectron() {
  // The installer's own output is a stack trace when offline: keep it out of the way.
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    stdio: 'ignore',
    timeout: DOWNLOAD_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  return result.status === 0;
}

const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

let electron = installedElectron();
if (!electron && existsSync(path.join(electronDir, 'install.js'))) {
  // A large one-time download: tell a person at a terminal why nothing seems to happen.
  if (process.stdout.isTTY) console.log('Downloading the Electron binary (first start)...');
  if (downloadElectron()) electron = installedElectron();
}
if (!electron) {
  console.error(CANNOT_START);
  process.exit(1);
}

const env = { ...process.env };
// Set by some tools; it would turn Electron into plain Node and skip the app entirely.
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electron, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!child.killed) child.kill(signal);
  });
}
child.on('error', () => {
  console.error(`Approdo cannot start: the Electron binary at ${electron} could not be run.`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
