// Disk faults under a running app core: a full disk (a file size limit, and a tiny file system where
// mounting is allowed) and a read-only folder or file. The write is refused with DISK_FULL or READ_ONLY,
// every earlier write stays, nothing of the refused one is left, and the register stays whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, cpSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { registerPaths } from '../../electron/core/register';
import { cleanupDirs, snapshot, tempDir } from './helpers';
import {
  WORKER_TEST_MS, bundleWorker, canMountTmpfs, checkRegister, makeFaultRegister, permissionsUntestable, spawnWorker, workerArgs,
  type FaultRegister, type Worker, type WorkerLine,
} from './fault-harness';

let script: string;
let template: FaultRegister;
beforeAll(async () => {
  [script, template] = await Promise.all([bundleWorker(false), makeFaultRegister()]);
});
afterAll(cleanupDirs);

function copy(): FaultRegister {
  const dir = tempDir();
  cpSync(template.dir, dir, { recursive: true });
  return { dir, key: template.key };
}

const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const reportedOf = (worker: Worker) => worker.lines.filter((line): line is WorkerLine & { audit: [number, number] } => line.op !== undefined);

/** Runs the stream until the disk refuses a write, then checks what is left on disk. */
async function fillUntilRefused(reg: FaultRegister, worker: Worker) {
  const exit = await worker.finished('the write the full disk refuses, and its exit');
  const context = worker.describe();
  expect(exit, context).toEqual({ code: 0, signal: null });
  const reported = reportedOf(worker);
  expect(worker.lines.at(-1), context).toMatchObject({ refused: 'DISK_FULL' });
  // Some writes fitted before the disk was full: they must all still be there.
  expect(reported.length, context).toBeGreaterThan(0);
  const verdict = checkRegister(reg, reported);
  expect(verdict.integrity).toBe('ok');
  expect(verdict.chainOk).toBe(true);
  expect(verdict.problems).toEqual([]);
  // The refused write left no audit event, and (by the whole-transaction check) no row without one.
  expect(verdict.maxAudit).toBe(reported.at(-1)!.audit[1]);
  return verdict;
}

/** Once there is room again, the same register takes writes again. */
async function writesAgain(reg: FaultRegister) {
  const worker = spawnWorker(script, workerArgs('dispatch', reg.dir, 2), { key: reg.key });
  await worker.waitFor('a committed write', (line) => line.op !== undefined);
  await worker.kill();
  const verdict = checkRegister(reg, reportedOf(worker));
  expect(verdict.problems).toEqual([]);
  expect(verdict.integrity).toBe('ok');
}

const posixOnly = process.platform === 'win32';
const mountable = canMountTmpfs();

describe('a full disk', () => {
  it.skipIf(posixOnly)('refuses the write that no longer fits with DISK_FULL, keeping every earlier write and nothing of the refused one (file size limit, EFBIG)', async () => {
    const reg = copy();
    const limit = statSync(registerPaths(reg.dir).db).size + 32 * 1024;
    await fillUntilRefused(reg, spawnWorker(script, workerArgs('dispatch', reg.dir), { key: reg.key, fileSizeLimit: limit }));
    await writesAgain(reg);
  }, WORKER_TEST_MS);

  it.skipIf(!mountable)(`refuses the write that no longer fits with DISK_FULL on a full file system (a tiny tmpfs, ENOSPC)${mountable ? '' : ' — skipped: mounting a tmpfs needs root on Linux'}`, async () => {
    const reg = copy();
    const at = tempDir();
    const used = statSync(registerPaths(reg.dir).db).size + statSync(registerPaths(reg.dir).slots).size;
    // Room for the shared-memory index (32 KiB) and a few transactions of WAL, then full.
    const bytes = Math.ceil((used + 96 * 1024) / 4096) * 4096;
    await fillUntilRefused(reg, spawnWorker(script, workerArgs('dispatch', at), { key: reg.key, tinyFileSystem: { bytes, at, from: reg.dir } }));
    await writesAgain(reg);
  }, WORKER_TEST_MS);
});

const rootBypass = permissionsUntestable ? ' — skipped: file permissions cannot be enforced here (Windows, or root without setpriv)' : '';

describe('a read-only register', () => {
  it.skipIf(permissionsUntestable)(`in a folder the app cannot write is refused with READ_ONLY from session.state and login, and nothing in it changes${rootBypass}`, async () => {
    const reg = copy();
    const before = snapshot(reg.dir);
    chmodSync(reg.dir, 0o500);
    let worker: Worker;
    try {
      worker = spawnWorker(script, workerArgs('claim', reg.dir), { obeyPermissions: true });
      await worker.finished('its answers to session.state and login');
    } finally {
      chmodSync(reg.dir, 0o700);
    }
    const reply = worker.lines.at(-1);
    expect(reply, worker.describe()).toMatchObject({
      state: { ok: false, error: { code: 'READ_ONLY', messageKey: 'errors.READ_ONLY' } },
      login: { ok: false, error: { code: 'READ_ONLY', messageKey: 'errors.READ_ONLY' } },
    });
    expect(snapshot(reg.dir)).toEqual(before);
  }, WORKER_TEST_MS);

  it.skipIf(permissionsUntestable)(`whose database file turned read-only refuses a write with READ_ONLY and writes nothing${rootBypass}`, async () => {
    const reg = copy();
    const { db } = registerPaths(reg.dir);
    const before = checkRegister(reg);
    const hash = fileHash(db);
    chmodSync(db, 0o400);
    let worker: Worker;
    try {
      worker = spawnWorker(script, workerArgs('dispatch', reg.dir), { key: reg.key, obeyPermissions: true });
      await worker.finished('the refusal of its first write');
    } finally {
      chmodSync(db, 0o600);
    }
    expect(worker.lines.at(-1), worker.describe()).toMatchObject({ refused: 'READ_ONLY' });
    expect(reportedOf(worker)).toEqual([]);
    expect(fileHash(db)).toBe(hash);
    const after = checkRegister(reg);
    expect(after).toEqual(before);
    expect(after.problems).toEqual([]);
  }, WORKER_TEST_MS);
});
