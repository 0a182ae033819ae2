// Shared fixtures: real encrypted registers in temp folders, built with the real migrations.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { createAppCore, type AppCore } from '../../electron/core/app';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../electron/shared/contract';
import type { ErrorBody } from '../../electron/shared/errors';

process.env.APPRODO_QUIET_LOG = '1';

export const MIGRATIONS = resolve('drizzle');
export const ADMIN = { username: 'admin', displayName: 'Amministratrice Prova', passphrase: 'correct horse battery' };
export const OPERATOR = { username: 'operatrice', displayName: 'Operatrice Prova', role: 'operator' as const, passphrase: 'first passphrase 123' };
const dirs: string[] = [];

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'approdo-test-'));
  dirs.push(dir);
  return dir;
}

/** Removes the temp folders and what the app kept beside them (`<dir>-backups`, `-logs`, `-quarantine`, `-demo`…). */
export function cleanupDirs(): void {
  for (const dir of dirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
    const parent = dirname(dir);
    for (const name of readdirSync(parent)) if (name.startsWith(`${basename(dir)}-`)) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

export function core(registerDir: string, options: Partial<Parameters<typeof createAppCore>[0]> = {}): AppCore {
  return createAppCore({ registerDir, migrationsFolder: MIGRATIONS, failureDelayMs: () => 0, ...options });
}

const trusted = { trusted: true };

/** Calls a channel through the real dispatcher and returns the value, or throws the error body. */
export async function call<C extends ChannelName>(app: AppCore, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await app.dispatch(channel, input, trusted);
  if (!result.ok) throw Object.assign(new Error(result.error.code), { body: result.error });
  return result.value as ChannelOutput<C>;
}

/** Calls a channel expecting a refusal; returns its error body. */
export async function refusal(app: AppCore, channel: string, input: unknown, sender = trusted): Promise<ErrorBody> {
  const result = await app.dispatch(channel, input, sender);
  if (result.ok) throw new Error(`expected ${channel} to be refused`);
  return result.error;
}

/** Creates a register with an admin (recovery key confirmed) and returns the recovery key. */
export async function setUpRegister(app: AppCore): Promise<string> {
  const shown = await call(app, 'register.create', { ...ADMIN, passphraseRepeat: ADMIN.passphrase });
  const group = shown.groups[shown.confirmGroup - 1]!;
  await call(app, 'setup.confirmRecoveryKey', { group: shown.confirmGroup, value: group });
  return shown.groups.join('-');
}

export interface Template {
  dir: string;
  recoveryKey: string;
}

/** A locked register with an admin and an operator (who must still change her first passphrase), made once and copied per test. */
export async function makeTemplate(): Promise<Template> {
  const dir = tempDir();
  const app = core(dir);
  const recoveryKey = await setUpRegister(app);
  await call(app, 'users.create', { ...OPERATOR, passphraseRepeat: OPERATOR.passphrase });
  app.lock();
  return { dir, recoveryKey };
}

export function copyOf(template: Template): string {
  const dir = tempDir();
  cpSync(template.dir, dir, { recursive: true });
  return dir;
}

export const login = (app: AppCore, username: string, passphrase: string) => call(app, 'session.login', { username, passphrase });

/** sha256 of every register file in the folder, by name: proves that nothing was written. The instance
 * lock (`approdo.lock`, pid and token of the process holding the folder) is not register data. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort().filter((n) => n !== 'approdo.lock')) out[name] = createHash('sha256').update(readFileSync(join(dir, name))).digest('hex');
  return out;
}

export function registerFiles(dir: string): string[] {
  return readdirSync(dir).map((name) => join(dir, name)).filter((p) => existsSync(p));
}

/** Waits until `condition()` holds, checking every 20 ms; fails after `timeoutMs` saying what was awaited. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
