// The main-process log on disk: `<register>-logs/approdo.log` beside the register folder, one line per event
// (time, level, area, message), rotated by size into approdo.1.log … approdo.N.log (1 is the newest).
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { LogLevel, LogSink } from './log';

export const LOG_FILE = 'approdo.log';
const DEFAULT_MAX_BYTES = 1024 * 1024;
const DEFAULT_KEEP = 5;
// A message is a fixed text with identifiers; anything longer was not meant for the log.
const MAX_MESSAGE_CHARS = 500;

export interface FileLogOptions {
  /** The logs folder, made if missing (owner only). */
  dir: string;
  /** Size at which the current file is rotated. */
  maxBytes?: number;
  /** Rotated files kept besides the current one. */
  keep?: number;
  now?: () => Date;
}

/**
 * `<register folder>-logs`, beside it: <userData>/register-logs in the desktop app. The register's name as
 * prefix, like its backups and quarantine folders, keeps each test's or host's log apart (a plain `logs`
 * beside a temp register would be one shared /tmp/logs).
 */
export function logsDirFor(registerDir: string): string {
  return `${path.resolve(registerDir)}-logs`;
}

/** Line breaks and control characters would let one message forge further lines. */
function oneLine(text: string, max: number): string {
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

export function formatLogLine(time: Date, level: LogLevel, area: string, message: string): string {
  return `${time.toISOString()} ${level} [${oneLine(area, 40)}] ${oneLine(message, MAX_MESSAGE_CHARS)}\n`;
}

export function createFileLogSink(options: FileLogOptions): LogSink {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const keep = Math.max(1, options.keep ?? DEFAULT_KEEP);
  const now = options.now ?? (() => new Date());
  const file = (n: number) => path.join(options.dir, n === 0 ? LOG_FILE : `approdo.${n}.log`);
  let size: number | null = null;

  function currentSize(): number {
    if (size === null) {
      mkdirSync(options.dir, { recursive: true, mode: 0o700 });
      try {
        size = statSync(file(0)).size;
      } catch {
        size = 0;
      }
    }
    return size;
  }

  function rotate(): void {
    rmSync(file(keep), { force: true });
    for (let n = keep - 1; n >= 0; n -= 1) {
      try {
        renameSync(file(n), file(n + 1));
      } catch {
        // a missing generation: nothing to shift
      }
    }
    size = 0;
  }

  return {
    write(level, area, message) {
      const line = formatLogLine(now(), level, area, message);
      const bytes = Buffer.byteLength(line);
      try {
        if (currentSize() > 0 && currentSize() + bytes > maxBytes) rotate();
        const fd = openSync(file(0), 'a', 0o600);
        try {
          writeSync(fd, line);
          // Errors are rare and are what a crash report needs: make sure they reach the disk.
          if (level === 'error') fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        size = currentSize() + bytes;
      } catch {
        // The log must never break the register: a full or read-only disk loses the line, nothing else.
        size = null;
      }
    },
  };
}

/** Every line to each sink in turn (the desktop app: the file and, in development, the console). */
export function teeSinks(...sinks: LogSink[]): LogSink {
  return {
    write(level, area, message) {
      for (const sink of sinks) sink.write(level, area, message);
    },
  };
}
