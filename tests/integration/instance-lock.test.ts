// One process per register folder: a second core or process is refused with REGISTER_IN_USE (the
// browser host says so in one line and exits 1); a lock left by a dead process, a reboot or a copied
// folder is taken over; the lock goes away on shutdown and at exit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';
import { LOCK_FILE, type LockRecord } from '../../electron/core/instance-lock';
import { ADMIN, call, cleanupDirs, core, refusal, setUpRegister, tempDir } from './helpers';
import { MIGRATIONS, WORKER_TEST_MS, bundle, bundleWorker, spawnWorker, workerArgs } from './fault-harness';

let host: string;
let worker: string;
beforeAll(async () => {
  [host, worker] = await Promise.all([bundle('electron/host/server.ts', 'server'), bundleWorker(false)]);
});
afterAll(cleanupDirs);

const lockOf = (dir: string) => JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as LockRecord;

/** A lock file as another process on this machine would have written it. */
function writeLock(dir: string, pid: number, overrides: Partial<LockRecord> = {}): void {
  const st = statSync(dir, { bigint: true });
  const record: LockRecord = {
    pid, token: 'f'.repeat(32), host: hostname(), folder: `${st.dev}:${st.ino}`, bootedAt: Date.now() - uptime() * 1000,
    at: new Date().toISOString(), ...overrides,
  };
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify(record));
}

/** A process id that is no longer running (the child has exited and been reaped). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((done) => child.once('exit', done));
  return child.pid!;
}

describe('a second core on the same register folder', () => {
  it('is refused with REGISTER_IN_USE from session.state and login, and gets in once the first shuts down', async () => {
    const dir = tempDir();
    const first = core(dir);
    await setUpRegister(first);
    const second = core(dir);
    expect(await refusal(second, 'session.state', {})).toEqual({ code: 'REGISTER_IN_USE', messageKey: 'errors.REGISTER_IN_USE' });
    expect((await refusal(second, 'session.login', { username: ADMIN.username, passphrase: ADMIN.passphrase })).code).toBe('REGISTER_IN_USE');
    expect(second.session.current).toBeNull();
    expect((await call(first, 'session.state', {})).state).toBe('unlocked'); // the first is untouched
    expect(lockOf(dir).pid).toBe(process.pid);

    first.shutdown();
    expect(first.session.current).toBeNull();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expect((await call(second, 'session.state', {})).register).toBe('present');
    expect(lockOf(dir).pid).toBe(process.pid); // now held by `second`
    second.shutdown();
  });

  it('of a copied folder is its own: a lock copied along with the register does not hold the copy', async () => {
    const dir = tempDir();
    const first = core(dir);
    expect(first.claim()).toBeNull();
    const copy = tempDir();
    cpSync(dir, copy, { recursive: true });
    expect(existsSync(join(copy, LOCK_FILE))).toBe(true);
    const onCopy = core(copy);
    expect(onCopy.claim()).toBeNull();
    expect(core(dir).claim()).toBe('REGISTER_IN_USE');
    first.shutdown();
    onCopy.shutdown();
  });
});

describe('a lock left behind', () => {
  it('by a process that has died is taken over', async () => {
    const dir = tempDir();
    writeLock(dir, await deadPid());
    const app = core(dir);
    expect((await call(app, 'session.state', {})).register).toBe('absent');
    expect(lockOf(dir)).toMatchObject({ pid: process.pid });
    app.shutdown();
  });

  it('by a process that still runs is respected, and taken over as soon as that process ends', async () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeLock(dir, holder.pid!);
      const app = core(dir);
      expect((await refusal(app, 'session.state', {})).code).toBe('REGISTER_IN_USE');
      const gone = new Promise((done) => holder.once('exit', done));
      holder.kill('SIGKILL');
      await gone;
      expect((await call(app, 'session.state', {})).register).toBe('absent');
      app.shutdown();
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('before the machine restarted is taken over, even if its process id is running again', async () => {
    const dir = tempDir();
    // Our own parent's pid is alive; the lock says it was taken during an earlier boot.
    writeLock(dir, process.ppid, { bootedAt: Date.now() - uptime() * 1000 - 3_600_000 });
    const app = core(dir);
    expect(app.claim()).toBeNull();
    app.shutdown();
  });

  it('by a process that exited without shutting down is removed at its exit', async () => {
    const dir = tempDir();
    const child = spawnWorker(worker, workerArgs('claim', dir));
    expect((await child.waitFor('its session.state answer', (line) => line.state !== undefined)).state).toMatchObject({ ok: true });
    expect(await child.finished('its exit'), child.describe()).toEqual({ code: 0, signal: null });
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  }, WORKER_TEST_MS);
});

describe('the browser host', () => {
  it('started on a register folder another process holds prints one clear line and exits 1; started alone it runs and frees the folder when stopped', async () => {
    const dir = tempDir();
    const holder = core(dir);
    expect(holder.claim()).toBeNull();
    const env = { ...process.env, APPRODO_DATA_DIR: dir, APPRODO_PORT: '0', APPRODO_QUIET_LOG: '1', APPRODO_MIGRATIONS: MIGRATIONS, APPRODO_RENDERER: tempDir(), NODE_PATH: join(process.cwd(), 'node_modules') };
    const run = (onStdout?: (text: string) => void) => {
      const child = spawn(process.execPath, [host], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); onStdout?.(stdout); });
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((done) => child.once('exit', (code) => setImmediate(() => done(code))));
      return { child, exited, out: () => ({ stdout, stderr }) };
    };

    const refused = run();
    expect(await refused.exited).toBe(1);
    const { stdout, stderr } = refused.out();
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([`Approdo browser host not started: the register folder ${dir} is already in use by another Approdo process; close that one first.`]);
    expect(lockOf(dir).pid).toBe(process.pid);

    holder.shutdown();
    let started!: () => void;
    const listening = new Promise<void>((done) => (started = done));
    const alone = run((text) => text.includes('APPRODO_HOST_URL=') && started());
    await Promise.race([listening, alone.exited.then((code) => { throw new Error(`host exited with ${code}: ${alone.out().stderr}`); })]);
    expect(lockOf(dir).pid).toBe(alone.child.pid);
    alone.child.kill('SIGTERM');
    expect(await alone.exited).toBe(0);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});
