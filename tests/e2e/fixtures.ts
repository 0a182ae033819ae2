// A fresh browser host on a fresh register folder for every test.
import { test as base, expect } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /APPRODO_HOST_URL=(\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`browser host exited with ${code}`)));
    setTimeout(() => reject(new Error('browser host did not start')), 20_000);
  });
  return {
    url,
    dir,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
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

/** A browser host on a register generated at PRODUCT.md's reference size (`dist/tools/seed.cjs`), made per test. */
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
