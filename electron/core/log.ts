// The main-process log: operational events only. Callers pass fixed texts and identifiers, never
// register data (names, codes, free text) and never raw error messages that could quote it.
export type LogLevel = 'info' | 'warn' | 'error';
export interface LogSink {
  write(level: LogLevel, area: string, message: string): void;
}

/** The console, for development runs (tests silence it with APPRODO_QUIET_LOG). */
export const consoleSink: LogSink = {
  write(level, area, message) {
    if (process.env.APPRODO_QUIET_LOG) return;
    const line = `${new Date().toISOString()} ${level} [${area}] ${message}`;
    if (level === 'error') console.error(line);
    else console.log(line);
  },
};

let sink: LogSink = consoleSink;

export function setLogSink(next: LogSink): void {
  sink = next;
}

export const log = {
  info: (area: string, message: string) => sink.write('info', area, message),
  warn: (area: string, message: string) => sink.write('warn', area, message),
  error: (area: string, message: string) => sink.write('error', area, message),
};
