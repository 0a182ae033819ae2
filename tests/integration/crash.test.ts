// Crash safety: a child process (crash-worker.ts) writes admissions, transfers and discharges through the
// stays services, the same transactions their IPC handlers run, and is killed with SIGKILL at random
// moments; after every kill the register must open, pass integrity_check and the audit chain, hold every
// transaction wholly or not at all, and hold everything the child reported as committed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync } from 'node:fs';
import { openRegisterDb } from '../../electron/core/db/connection';
import { registerPaths } from '../../electron/core/register';
import { admit, transfer } from '../../electron/core/services/stays';
import { ADMIN, call, cleanupDirs, core, login, tempDir } from './helpers';
import { bundleWorker, checkRegister, makeFaultRegister, spawnWorker, workerArgs, type FaultRegister, type Worker, type WorkerLine } from './fault-harness';

const KILLS = Number(process.env.APPRODO_CRASH_KILLS ?? 100);
// Two registers killed side by side: each run is mostly a process start, which two cores can overlap.
const LANES = 2;
// Not a wait for a condition: the random moment of a kill (the moment is what the test is about).
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let script: string;
let registers: FaultRegister[];
let pristine: FaultRegister;
beforeAll(async () => {
  const [bundled, reg] = await Promise.all([bundleWorker(true), makeFaultRegister()]);
  script = bundled;
  const copyOf = (): FaultRegister => {
    const dir = tempDir();
    cpSync(reg.dir, dir, { recursive: true });
    return { dir, key: reg.key };
  };
  pristine = reg;
  registers = Array.from({ length: LANES }, copyOf);
});
afterAll(cleanupDirs);

interface Tally {
  kills: number;
  committed: number;
  beforeReady: number;
  unreportedCommit: number;
}

/** Time between two commits of the worker, as last seen: kills are timed against it, so they fall at
 * random points inside a transaction however fast or loaded the machine is. */
let txMs = 20;

/** The workers alive now, across lanes: the first failure kills them all. */
const live = new Set<Worker>();

/** Starts the worker, kills it at a random moment, and checks the register; `run` picks the kind of moment. */
async function killOnce(reg: FaultRegister, run: number, tally: Tally): Promise<void> {
  const seed = 1 + Math.floor(Math.random() * 1e9);
  // Every other run checkpoints every few pages, so some kills land while the WAL is copied into the file.
  const worker = spawnWorker(script, workerArgs('stream', reg.dir, seed), {
    key: reg.key, label: `run ${run} of ${KILLS}, seed ${seed}, register ${reg.dir}`, env: run % 2 ? { APPRODO_WORKER_AUTOCHECKPOINT: '4' } : {},
  });
  live.add(worker);
  try {
    if (run % 10 === 9) {
      // Some kills during start-up: WAL recovery, migration check, taking over the dead worker's lock.
      await sleep(Math.random() * 300);
    } else {
      // After 0–3 commits, somewhere in the next transaction (or just after it).
      const commits = Math.floor(Math.random() * 4);
      await worker.waitFor('its ready line', (line) => line.ready === true);
      if (commits) await worker.waitFor(`commit ${commits}`, (line) => line.n === commits);
      await sleep(Math.random() * txMs * 1.5);
    }
  } finally {
    await worker.kill();
    live.delete(worker);
  }
  const exit = await worker.exited;
  const context = worker.describe();
  expect(exit.signal, context).toBe('SIGKILL');
  if (!worker.lines.some((l) => l.ready)) tally.beforeReady += 1;
  const reported = worker.lines.filter((line): line is WorkerLine & { audit: [number, number] } => line.op !== undefined);
  tally.committed += reported.length;
  if (reported.length >= 2) txMs = (reported.at(-1)!.receivedAt! - reported[0]!.receivedAt!) / (reported.length - 1);
  tally.kills += 1;

  const verdict = checkRegister(reg, reported);
  expect(verdict.integrity, context).toBe('ok');
  expect(verdict.chainOk, context).toBe(true);
  expect(verdict.problems, context).toEqual([]);
  const lastReported = reported.at(-1)?.audit[1] ?? 0;
  expect(verdict.maxAudit, context).toBeGreaterThanOrEqual(lastReported);
  if (reported.length && verdict.maxAudit > lastReported) tally.unreportedCommit += 1;
}

describe('a write process killed at random moments', () => {
  it(`leaves the register whole after each of ${KILLS} SIGKILLs: it opens, integrity_check and the audit chain pass, no transaction is half there, nothing reported is missing`, async () => {
    const started = Date.now();
    const tally: Tally = { kills: 0, committed: 0, beforeReady: 0, unreportedCommit: 0 };
    // The first failure stops every lane: no lane starts another run, the workers alive are killed, and the
    // test reports that failure once every lane has stopped (nothing still writes during the clean-up).
    let failure: { error: unknown } | null = null;
    await Promise.all(registers.map(async (reg, lane) => {
      try {
        for (let run = lane; run < KILLS && !failure; run += LANES) await killOnce(reg, run, tally);
      } catch (error) {
        failure ??= { error };
        await Promise.all([...live].map((worker) => worker.kill()));
      }
    }));
    if (failure) throw (failure as { error: unknown }).error;
    expect(tally.kills).toBe(KILLS);
    // The stream did real work between kills (how much depends on the machine's load and its fsync speed).
    expect(tally.committed).toBeGreaterThanOrEqual(KILLS / 2);

    // And the real app still opens it with a passphrase (one key derivation), with the whole history there.
    const app = core(registers[0]!.dir);
    await login(app, ADMIN.username, ADMIN.passphrase);
    expect((await call(app, 'audit.list', { page: 1, pageSize: 1 })).chain.ok).toBe(true);
    app.shutdown();
    const last = checkRegister(registers[0]!);
    expect(last.problems).toEqual([]);
    console.info(`crash test: ${tally.kills} kills (${tally.beforeReady} during start-up, ${tally.unreportedCommit} right after an unreported commit), `
      + `${tally.committed} reported transactions; first register: ${last.stays} stays, ${last.placements} placements, ${last.auditEvents} audit events; `
      + `${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 900_000);

  it('would notice a half-written transaction: the checks find a placement end without its pair, a stay closed alone, a stay without its audit event', () => {
    /** The pristine register with one whole admission and transfer made through the services, then `mutation` applied. */
    const broken = (mutation: string) => {
      const dir = tempDir();
      cpSync(pristine.dir, dir, { recursive: true });
      const reg = { dir, key: pristine.key };
      const conn = openRegisterDb(registerPaths(dir).db, reg.key);
      const now = new Date('2026-02-01T09:00:00Z');
      const ctx = { db: conn.db, sqlite: conn.sqlite, now, today: '2026-02-01', user: { id: 1, username: 'admin', displayName: 'Admin', role: 'admin' as const, locale: 'it' as const } };
      const [a, b] = conn.sqlite.prepare('SELECT id FROM places ORDER BY id LIMIT 2').pluck().all() as number[];
      const personId = conn.sqlite.prepare('SELECT id FROM persons ORDER BY id LIMIT 1').pluck().get() as number;
      admit(ctx, { entryDate: '2026-01-10', plannedEnd: null, members: [{ personId, placeId: a! }] });
      transfer(ctx, { personId, date: '2026-01-20', toPlaceId: b! });
      conn.sqlite.exec(mutation);
      conn.sqlite.close();
      return checkRegister(reg).problems;
    };
    expect(broken('SELECT 1')).toEqual([]);
    // The transfer's old placement ended, its new one gone.
    expect(broken(`DELETE FROM placements WHERE id = (SELECT max(id) FROM placements)`)).not.toEqual([]);
    // The stay closed without its placement.
    expect(broken(`UPDATE stays SET exit_date = '2026-01-25', exit_reason = 'other'`)).not.toEqual([]);
    // A stay with its placement but no audit event.
    expect(broken(`INSERT INTO stays (person_id, entry_date, created_at) SELECT person_id, '2026-03-01', created_at FROM stays;
      INSERT INTO placements (stay_id, person_id, place_id, start_date) SELECT max(id), person_id, ${'(SELECT max(id) FROM places)'}, '2026-03-01' FROM stays`)).not.toEqual([]);
  });
});
