// A fresh browser host on a fresh register folder for every test.
import { test as base, expect } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HOST_START_MS = 90_000;

export interface Host {
  url: string;
  dir: string;
}

export async function startHost(options: { idleMs?: number; dir?: string } = {}): Promise<Host & { stop(): Promise<void> }> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'approdo-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['dist/host/server.cjs'], {
    env: {
      ...process.env,
      APPRODO_DATA_DIR: dir,
      APPRODO_PORT: '0',
      APPRODO_QUIET_LOG: '1',
      ...(options.idleMs ? { APPRODO_IDLE_LOCK_MS: String(options.idleMs) } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Generous: a Node start, a build's bundle read and, for a seeded register, a large file opened, on a
  // machine that may be running other tests. A host that never prints its URL still fails, saying so.
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`browser host (pid ${child.pid}) printed no APPRODO_HOST_URL within ${HOST_START_MS} ms; its output: ${out || 'none'}`));
    }, HOST_START_MS);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /APPRODO_HOST_URL=(\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`browser host exited (code ${code}, signal ${signal}) before printing its URL; its output: ${out || 'none'}`));
    });
  });
  return {
    url,
    dir,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        // It closes the register (and writes nothing more) on SIGTERM; one that does not is killed, not awaited forever.
        const stubborn = setTimeout(() => child.kill('SIGKILL'), HOST_START_MS);
        await exited;
        clearTimeout(stubborn);
      }
      // The register folder and what the app keeps beside it (logs, backups, quarantine, demo register).
      if (!options.dir) for (const path of [dir, `${dir}-logs`, `${dir}-backups`, `${dir}-quarantine`, `${dir}-demo`]) rmSync(path, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{ host: Host; idleMs: number | undefined }>({
  idleMs: [undefined, { option: true }],
  host: async ({ idleMs }, use) => {
    const host = await startHost({ idleMs });
    await use(host);
    await host.stop();
  },
});

/** The admin of the generated reference register. */
export const referenceAdmin = { username: 'admin', passphrase: 'seed passphrase 2026' };

/** A browser host on a register generated at the reference size of docs/domain.md (`dist/tools/seed.cjs`), made per test. */
export const referenceTest = base.extend<{ url: string }>({
  url: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'approdo-e2e-ref-'));
    const registerDir = join(dir, 'register');
    execFileSync(process.execPath, ['dist/tools/seed.cjs', registerDir, 'reference', referenceAdmin.username, referenceAdmin.passphrase], { stdio: 'pipe' });
    const host = await startHost({ dir: registerDir });
    await use(host.url);
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };
