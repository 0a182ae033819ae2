// The log file sink: where the logs folder is, the line format, rotation by size, and that a broken
// disk never throws into the caller.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFileLogSink, formatLogLine, LOG_FILE, logsDirFor, teeSinks } from '../../electron/core/log-file';
import type { LogLevel } from '../../electron/core/log';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'approdo-log-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const T = new Date('2026-03-01T10:20:30.000Z');

describe('logsDirFor', () => {
  it('puts the logs folder beside the register folder, named after it', () => {
    expect(logsDirFor('/home/u/.config/Approdo/register')).toBe(path.resolve('/home/u/.config/Approdo/register-logs'));
    expect(logsDirFor('/tmp/approdo-e2e-abc/')).toBe(path.resolve('/tmp/approdo-e2e-abc-logs'));
  });
});

describe('formatLogLine', () => {
  it('writes time, level, area and message on one line', () => {
    expect(formatLogLine(T, 'warn', 'session', 'locked after inactivity')).toBe('2026-03-01T10:20:30.000Z warn [session] locked after inactivity\n');
  });

  it('flattens line breaks and control characters so one message cannot forge another line', () => {
    const line = formatLogLine(T, 'info', 'ipc', 'first\n2026-01-01T00:00:00.000Z error [session] forged\r\u2028x');
    expect(line.split('\n')).toHaveLength(2);
    expect(line.endsWith('x\n')).toBe(true);
  });

  it('cuts an overlong message', () => {
    expect(formatLogLine(T, 'info', 'ipc', 'a'.repeat(5000)).length).toBeLessThan(600);
  });
});

describe('createFileLogSink', () => {
  it('makes the folder and appends one line per event', () => {
    const dir = path.join(tempDir(), 'logs');
    const sink = createFileLogSink({ dir, now: () => T });
    sink.write('info', 'session', 'unlocked');
    sink.write('error', 'ipc', 'handler failed on persons.create: SqliteError');
    expect(readFileSync(path.join(dir, LOG_FILE), 'utf8')).toBe(
      '2026-03-01T10:20:30.000Z info [session] unlocked\n2026-03-01T10:20:30.000Z error [ipc] handler failed on persons.create: SqliteError\n',
    );
  });

  it.skipIf(process.platform === 'win32')('keeps the folder and files readable by their owner only', () => {
    const dir = path.join(tempDir(), 'logs');
    createFileLogSink({ dir }).write('info', 'session', 'unlocked');
    expect(statSync(dir).mode & 0o077).toBe(0);
    expect(statSync(path.join(dir, LOG_FILE)).mode & 0o077).toBe(0);
  });

  it('rotates by size, newest generation first, and keeps only the configured number of old files', () => {
    const dir = tempDir();
    const sink = createFileLogSink({ dir, maxBytes: 200, keep: 3, now: () => T });
    // Each line is 60 bytes: three fit in a file, the fourth starts a new one.
    for (let i = 0; i < 30; i += 1) sink.write('info', 'test', `event ${String(i).padStart(3, '0')} ${'x'.repeat(12)}`);
    expect(readdirSync(dir).sort()).toEqual(['approdo.1.log', 'approdo.2.log', 'approdo.3.log', 'approdo.log']);
    for (const name of readdirSync(dir)) expect(statSync(path.join(dir, name)).size).toBeLessThanOrEqual(200);
    const events = (name: string) => [...readFileSync(path.join(dir, name), 'utf8').matchAll(/event (\d+)/g)].map((m) => Number(m[1]));
    expect(events('approdo.log')).toEqual([27, 28, 29]);
    expect(events('approdo.1.log')).toEqual([24, 25, 26]);
    expect(events('approdo.3.log')).toEqual([18, 19, 20]);
  });

  it('continues an existing file after a restart and rotates it when full', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, LOG_FILE), 'x'.repeat(190) + '\n');
    createFileLogSink({ dir, maxBytes: 200, now: () => T }).write('info', 'session', 'unlocked');
    expect(readFileSync(path.join(dir, 'approdo.1.log'), 'utf8')).toHaveLength(191);
    expect(readFileSync(path.join(dir, LOG_FILE), 'utf8')).toContain('unlocked');
  });

  it('loses the line, never throws, when the folder cannot be made or written', () => {
    // A file where the folder should be: fails for every user, root included.
    const blocked = path.join(tempDir(), 'not-a-folder');
    writeFileSync(blocked, '');
    const sink = createFileLogSink({ dir: path.join(blocked, 'logs') });
    expect(() => sink.write('error', 'ipc', 'x')).not.toThrow();
    expect(() => sink.write('info', 'ipc', 'y')).not.toThrow();
  });
});

describe('teeSinks', () => {
  it('hands every line to each sink', () => {
    const seen: string[] = [];
    const collect = (name: string) => ({ write: (level: LogLevel, area: string, message: string) => void seen.push(`${name} ${level} ${area} ${message}`) });
    teeSinks(collect('a'), collect('b')).write('warn', 'shell', 'blocked a new window');
    expect(seen).toEqual(['a warn shell blocked a new window', 'b warn shell blocked a new window']);
  });
});
