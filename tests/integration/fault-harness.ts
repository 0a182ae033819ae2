// Shared by the fault tests: a small register made once for child processes, the bundled worker
// (crash-worker.ts), spawning it (under a file size limit, or without root's permission bypass), and the
// checks that a register is whole after a fault: it opens, integrity_check, audit chain, whole transactions.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { build } from 'esbuild';
import { common } from '../../scripts/esbuild-options.mjs';
import { openRegisterDb } from '../../electron/core/db/connection';
import { registerPaths } from '../../electron/core/register';
import { verifyAuditChain } from '../../electron/core/audit';
import { MIGRATIONS, core, setUpRegister, tempDir } from './helpers';
import { buildRegister } from './register-fixtures';

export { MIGRATIONS };

/** Bundles a TypeScript entry into one CommonJS file runnable by plain node, as scripts/build.mjs bundles the app (the SQLite addon stays external). */
export async function bundle(entry: string, name: string, define: Record<string, string> = {}): Promise<string> {
  const outfile = join(tempDir(), `${name}.cjs`);
  await build({ ...common, entryPoints: [resolve(entry)], outfile, define });
  return outfile;
}

/** The worker; `quick` leaves the app core out (only the `stream` mode then), for a start several times faster. */
export const bundleWorker = (quick: boolean) =>
  bundle('tests/integration/crash-worker.ts', quick ? 'crash-worker-quick' : 'crash-worker', quick ? { 'process.env.APPRODO_WORKER_QUICK': '"1"' } : {});

export type WorkerMode = 'stream' | 'dispatch' | 'claim';
export const workerArgs = (mode: WorkerMode, dir: string, seed = 1) => [mode, dir, registerPaths(dir).db, MIGRATIONS, String(seed)];

export interface FaultRegister {
  dir: string;
  /** The data key, kept in this process's memory and handed to children on a pipe: never written to disk. */
  key: Buffer;
}

/** A register with one unrestricted structure of 14 places and 26 adult women, made through the real
 * setup (one key derivation), then shut down so a child process can take its folder. */
export async function makeFaultRegister(): Promise<FaultRegister> {
  const dir = tempDir();
  const app = core(dir);
  await setUpRegister(app);
  const open = app.session.open();
  buildRegister(open.conn.db, {
    structures: [{
      key: 'house', type: 'cohousing',
      places: Array.from({ length: 14 }, (_, i) => ({ key: `p${i}`, room: `Stanza ${1 + (i % 4)}` })),
    }],
    persons: Array.from({ length: 26 }, (_, i) => ({ key: `w${i}`, birthDate: '1985-06-01' })),
  });
  const key = Buffer.from(open.dataKey);
  app.shutdown();
  return { dir, key };
}

export interface WorkerLine {
  ready?: boolean;
  refused?: string;
  openFailed?: string;
  crashed?: string;
  op?: 'admit' | 'transfer' | 'discharge';
  date?: string;
  stayIds?: number[];
  placementIds?: number[];
  audit?: [number, number];
  /** When this process read the line (performance.now()). */
  receivedAt?: number;
  [key: string]: unknown;
}

export type WorkerExit = { code: number | null; signal: NodeJS.Signals | null };

/**
 * How long a wait on a worker may last before it fails. Generous on purpose: a worker is a Node start, a
 * SQLCipher open and a few fsyncs, which a loaded 2-core machine can stretch from 0.1 s to many seconds;
 * a real hang still fails, with what was awaited and the worker's last words (`Worker.describe`).
 */
export const WORKER_WAIT_MS = Number(process.env.APPRODO_WORKER_WAIT_MS ?? 90_000);
/** A test's own time limit when it waits on workers: room for its waits, so theirs is the message seen. */
export const WORKER_TEST_MS = 3 * WORKER_WAIT_MS;

export interface Worker {
  child: ChildProcess;
  lines: WorkerLine[];
  stderr: () => string;
  exited: Promise<WorkerExit>;
  /**
   * Resolves when a line matching `test` arrives. Rejects when the worker exits first, or after `timeoutMs`:
   * then the worker is killed and the error says what was awaited, for how long, and `describe()`.
   */
  waitFor(what: string, test: (line: WorkerLine) => boolean, timeoutMs?: number): Promise<WorkerLine>;
  /** Waits for the worker to exit on its own; after `timeoutMs` kills it and rejects as `waitFor` does. */
  finished(what: string, timeoutMs?: number): Promise<WorkerExit>;
  /** SIGKILL, and its exit once the streams have drained. */
  kill(): Promise<WorkerExit>;
  /** Label (run, seed), pid, the last lines it printed and its stderr: the context of any failure. */
  describe(): string;
}

const hasSetpriv = process.platform === 'linux' && spawnSync('setpriv', ['--version']).status === 0;
const isRoot = process.getuid?.() === 0;
/** Whether this machine lets a child mount a tmpfs in a mount namespace of its own (root on Linux). */
export function canMountTmpfs(): boolean {
  if (process.platform !== 'linux' || !isRoot) return false;
  const probe = tempDir();
  return spawnSync('unshare', ['-m', '--propagation', 'private', '/bin/sh', '-c', 'mount -t tmpfs -o size=64k tmpfs "$0"', probe]).status === 0;
}

/** Root ignores file permissions; without setpriv to drop that privilege a permission test could not fail. */
export const permissionsUntestable = process.platform === 'win32' || (isRoot && !hasSetpriv);

export interface SpawnOptions {
  key?: Buffer;
  /** Says which worker this is in failure messages, e.g. `run 17, seed 40213`. */
  label?: string;
  /** RLIMIT_FSIZE for the child: no file it writes may grow past this many bytes. */
  fileSizeLimit?: number;
  /** Run as root without CAP_DAC_OVERRIDE, so file permissions apply as they do for a normal user. */
  obeyPermissions?: boolean;
  /** Run on a private tmpfs of this many bytes mounted at `at` (in a mount namespace of the child's own),
   * holding a copy of `from`, which gets the files back when the child ends. Root only: see `canMountTmpfs`. */
  tinyFileSystem?: { bytes: number; at: string; from: string };
  env?: Record<string, string>;
}

/** The test's environment minus what only slows a child's start (extra CA certificates are read at start-up). */
function childEnv(): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _certs, ...env } = process.env;
  return env;
}

export function spawnWorker(script: string, args: string[], options: SpawnOptions = {}): Worker {
  let command = process.execPath;
  let argv = [script, ...args];
  if (options.fileSizeLimit) {
    // POSIX sh counts ulimit -f in 512-byte blocks.
    argv = ['-c', 'ulimit -f "$1" && shift && exec "$@"', 'sh', String(Math.floor(options.fileSizeLimit / 512)), command, ...argv];
    command = '/bin/sh';
  }
  if (options.tinyFileSystem) {
    const { bytes, at, from } = options.tinyFileSystem;
    argv = ['-m', '--propagation', 'private', '/bin/sh', '-c',
      'mount -t tmpfs -o size="$1" tmpfs "$2" && cp -a "$3"/. "$2"/ || exit 90; at="$2"; from="$3"; shift 3; "$@"; rc=$?; cp -a "$at"/. "$from"/; exit $rc',
      'sh', String(bytes), at, from, command, ...argv];
    command = 'unshare';
  }
  if (options.obeyPermissions && isRoot) {
    argv = ['--bounding-set=-dac_override,-dac_read_search', '--', command, ...argv];
    command = 'setpriv';
  }
  const child = spawn(command, argv, {
    env: { ...childEnv(), NODE_PATH: resolve('node_modules'), APPRODO_QUIET_LOG: '1', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin!.on('error', () => undefined); // a worker killed before reading its key
  child.stdin!.end(`${options.key ? options.key.toString('hex') : ''}\n`);
  const lines: WorkerLine[] = [];
  const waiters = new Set<() => void>();
  let partial = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    partial += chunk.toString('utf8');
    let end: number;
    while ((end = partial.indexOf('\n')) >= 0) {
      const text = partial.slice(0, end);
      let line: WorkerLine;
      try {
        line = JSON.parse(text) as WorkerLine;
      } catch {
        line = { unparsed: text }; // not the worker's protocol (a runtime warning?): kept for describe()
      }
      lines.push({ ...line, receivedAt: performance.now() });
      partial = partial.slice(end + 1);
    }
    for (const wake of waiters) wake();
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  let exit: WorkerExit | null = null;
  const exited = new Promise<WorkerExit>((done) =>
    // 'close', not 'exit': it comes once the process has ended and its output streams are drained, so every
    // line it printed is in `lines`. `exit` is set before the waiters wake, so a wait that can no longer be
    // met fails now rather than at its timeout.
    child.once('close', (code, signal) => {
      exit = { code, signal };
      for (const wake of waiters) wake();
      done(exit);
    }));
  const started = performance.now();
  const describe = () => {
    const last = lines.slice(-3).map(({ receivedAt: _at, ...line }) => JSON.stringify(line)).join(' | ') || 'none';
    const state = exit ? `exited (code ${exit.code}, signal ${exit.signal})` : 'running';
    return `worker ${options.label ?? args[0] ?? ''} (pid ${child.pid ?? '?'}, ${state}, ${((performance.now() - started) / 1000).toFixed(1)} s since spawn); `
      + `last lines: ${last}; stderr: ${stderr.trim().slice(-2000) || 'empty'}`;
  };
  const kill = () => {
    if (!exit) child.kill('SIGKILL');
    return exited;
  };
  /** Waits until `done()` gives a value; fails on the worker's exit (unless `done` accepts it) or on time. */
  const until = <T>(what: string, done: () => T | undefined, timeoutMs: number) =>
    new Promise<T>((resolveValue, reject) => {
      const timer = setTimeout(() => {
        // Said now (the worker's state when time ran out), reported once it is killed and its output drained.
        const error = new Error(`waited ${timeoutMs} ms for ${what}, in vain: ${describe()}`);
        waiters.delete(check);
        void kill().then(() => finish(error));
      }, timeoutMs);
      const finish = (error: Error | null, value?: T) => {
        clearTimeout(timer);
        waiters.delete(check);
        if (error) reject(error);
        else resolveValue(value!);
      };
      const check = () => {
        const value = done();
        if (value !== undefined) finish(null, value);
        else if (exit) finish(new Error(`the worker exited before ${what}: ${describe()}`));
      };
      waiters.add(check);
      check();
    });
  const waitFor = (what: string, test: (line: WorkerLine) => boolean, timeoutMs = WORKER_WAIT_MS) => until(what, () => lines.find(test), timeoutMs);
  const finished = (what: string, timeoutMs = WORKER_WAIT_MS) => until(what, () => exit ?? undefined, timeoutMs);
  return { child, lines, stderr: () => stderr, exited, waitFor, finished, kill, describe };
}

// ——— Checks after a fault

export interface Verdict {
  integrity: string;
  chainOk: boolean;
  auditEvents: number;
  maxAudit: number;
  stays: number;
  placements: number;
  /** Each entry names a transaction found half-written, or a reported one missing. Empty when whole. */
  problems: string[];
}

interface StayRow { id: number; personId: number; entry: string; exit: string | null }
interface PlacementRow { id: number; stayId: number; personId: number; placeId: number; start: string; end: string | null }

/** Opens the register as the app does (SQLCipher key, WAL recovery) and checks it from top to bottom. */
export function checkRegister(reg: FaultRegister, reported: WorkerLine[] = []): Verdict {
  const conn = openRegisterDb(registerPaths(reg.dir).db, reg.key);
  try {
    const { sqlite } = conn;
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const chain = verifyAuditChain(sqlite);
    const stays = sqlite.prepare('SELECT id, person_id AS personId, entry_date AS entry, exit_date AS exit FROM stays ORDER BY id').all() as StayRow[];
    const placements = sqlite.prepare(`SELECT id, stay_id AS stayId, person_id AS personId, place_id AS placeId, start_date AS start, end_date AS "end"
      FROM placements ORDER BY stay_id, start_date, id`).all() as PlacementRow[];
    const { n: auditEvents, top: maxAudit } = sqlite.prepare('SELECT count(*) AS n, coalesce(max(id), 0) AS top FROM audit_events').get() as { n: number; top: number };
    const problems = [...wholeTransactionProblems(sqlite, stays, placements), ...reportedProblems(sqlite, stays, placements, reported)];
    if (chain.checked !== auditEvents) problems.push(`audit chain checked ${chain.checked} of ${auditEvents} events`);
    return { integrity, chainOk: chain.ok, auditEvents, maxAudit, stays: stays.length, placements: placements.length, problems };
  } finally {
    conn.sqlite.close();
  }
}

const idSet = (ids: Iterable<number | string>) => [...new Set([...ids].map(String))].sort();

/**
 * Structural proof that no admission, transfer or discharge is half there, whether or not it was
 * reported: each stay's placements chain from entry to exit with no gap (a transfer's end and next start
 * together; a discharge's exit and placement end together), and each row has exactly its audit event.
 */
function wholeTransactionProblems(sqlite: Database.Database, stays: StayRow[], placements: PlacementRow[]): string[] {
  const problems: string[] = [];
  const byStay = new Map<number, PlacementRow[]>();
  for (const p of placements) byStay.set(p.stayId, [...(byStay.get(p.stayId) ?? []), p]);
  const last = new Set<number>();
  const transferred = new Set<number>();
  for (const stay of stays) {
    const chain = byStay.get(stay.id) ?? [];
    if (chain.length === 0) {
      problems.push(`stay ${stay.id} has no placement`);
      continue;
    }
    if (chain[0]!.start !== stay.entry) problems.push(`stay ${stay.id}: first placement starts ${chain[0]!.start}, entry ${stay.entry}`);
    chain.forEach((p, i) => {
      const next = chain[i + 1];
      if (next && p.end !== next.start) problems.push(`stay ${stay.id}: placement ${p.id} ends ${p.end}, next starts ${next.start}`);
      if (next) transferred.add(p.id);
    });
    const tail = chain.at(-1)!;
    last.add(tail.id);
    if (tail.end !== stay.exit) problems.push(`stay ${stay.id}: exit ${stay.exit}, last placement ends ${tail.end}`);
  }
  const events = sqlite.prepare(`SELECT action, record_id AS recordId, fields FROM audit_events
    WHERE action IN ('stay.admit', 'placement.create', 'placement.transfer', 'stay.discharge', 'placement.close')`).all() as { action: string; recordId: string; fields: string }[];
  const audited = (action: string, fields?: string) => events.filter((e) => e.action === action && (!fields || e.fields === fields)).map((e) => e.recordId);
  const expectSame = (what: string, actual: string[], expected: Iterable<number>) => {
    if (actual.length !== new Set(actual).size) problems.push(`${what}: an event appears twice`);
    const a = idSet(actual);
    const b = idSet(expected);
    if (JSON.stringify(a) !== JSON.stringify(b)) problems.push(`${what}: audited ${a.length} ≠ rows ${b.length} (${a.filter((x) => !b.includes(x)).concat(b.filter((x) => !a.includes(x))).slice(0, 5).join(',')})`);
  };
  expectSame('admissions', audited('stay.admit'), stays.map((s) => s.id));
  expectSame('placements created', audited('placement.create'), placements.map((p) => p.id));
  expectSame('transfers (end of the old placement)', audited('placement.transfer', '["endDate"]'), transferred);
  expectSame('discharges', audited('stay.discharge'), stays.filter((s) => s.exit !== null).map((s) => s.id));
  expectSame('placements closed by discharge', audited('placement.close'), placements.filter((p) => last.has(p.id) && p.end !== null).map((p) => p.id));
  const clash = sqlite.prepare(`SELECT a.id AS a, b.id AS b FROM placements a JOIN placements b ON a.id < b.id
    AND (a.place_id = b.place_id OR a.person_id = b.person_id)
    AND a.start_date < coalesce(b.end_date, '9999-12-31') AND b.start_date < coalesce(a.end_date, '9999-12-31')
    AND a.start_date < coalesce(a.end_date, '9999-12-31') AND b.start_date < coalesce(b.end_date, '9999-12-31') LIMIT 1`).get() as { a: number; b: number } | undefined;
  if (clash) problems.push(`placements ${clash.a} and ${clash.b} share a night in one place or for one person`);
  return problems;
}

/** Everything the worker reported as committed is there, with its audit events in the range it reported. */
function reportedProblems(sqlite: Database.Database, stays: StayRow[], placements: PlacementRow[], reported: WorkerLine[]): string[] {
  const problems: string[] = [];
  const stayById = new Map(stays.map((s) => [s.id, s]));
  const placementById = new Map(placements.map((p) => [p.id, p]));
  const eventsIn = sqlite.prepare('SELECT action, record_id AS recordId FROM audit_events WHERE id BETWEEN ? AND ? ORDER BY id');
  for (const line of reported) {
    if (!line.op) continue;
    const [from, to] = line.audit!;
    const got = (eventsIn.all(from, to) as { action: string; recordId: string }[]).map((e) => `${e.action}:${e.recordId}`).sort();
    const stayIds = line.stayIds ?? [];
    const pIds = line.placementIds ?? [];
    let expected: string[] = [];
    const fail = (what: string) => problems.push(`reported ${line.op} #${String(line.n)}: ${what}`);
    if (line.op === 'admit') {
      expected = stayIds.flatMap((s, i) => [`stay.admit:${s}`, `placement.create:${pIds[i]}`]);
      stayIds.forEach((s, i) => {
        if (stayById.get(s)?.entry !== line.date) fail(`stay ${s} missing`);
        const p = placementById.get(pIds[i]!);
        if (!p || p.stayId !== s || p.start !== line.date) fail(`placement ${pIds[i]} missing`);
      });
    } else if (line.op === 'transfer') {
      expected = [`placement.transfer:${pIds[0]}`, ...(pIds[1] ? [`placement.create:${pIds[1]}`] : [])];
      const old = placementById.get(pIds[0]!);
      const next = pIds[1] ? placementById.get(pIds[1]) : undefined;
      if (pIds[1] && (!old || !next || old.end !== line.date || next.start !== line.date || next.stayId !== old.stayId)) fail('old end and new start not both there');
      if (!pIds[1] && old?.start !== line.date) fail(`placement ${pIds[0]} missing`);
    } else {
      expected = [...stayIds.map((s) => `stay.discharge:${s}`), ...pIds.map((p) => `placement.close:${p}`)];
      for (const s of stayIds) if (stayById.get(s)?.exit !== line.date) fail(`stay ${s} not closed`);
      for (const p of pIds) if (placementById.get(p)?.end !== line.date) fail(`placement ${p} not closed`);
    }
    if (JSON.stringify(got) !== JSON.stringify(expected.sort())) fail(`audit ${from}–${to} holds ${got.join(' ')}`);
  }
  return problems;
}
