// Assembles the main-process core for a register folder: its claim on the folder, the session, the handlers and the dispatcher.
// Used by the Electron shell and by the browser host alike; it imports nothing from Electron.
import type { Shell } from './shell';
import { registerPaths } from './register';
import { createDemoData } from './demo/generator';
import { todayInRome } from '../shared/dates';
import { Session, type SessionOptions } from './session';
import { createHandlers } from './ipc/handlers';
import { createDispatcher, type Dispatch } from './ipc/dispatch';
import { InstanceLock, type LockState } from './instance-lock';
import { storageFault } from './storage-faults';
import { errorBody, type ErrorCode } from '../shared/errors';
import { log } from './log';
import { installSafetyNet } from './backup/automatic';

export interface AppCoreOptions {
  registerDir: string;
  migrationsFolder: string;
  idleMsOverride?: number;
  failureDelayMs?: SessionOptions['failureDelayMs'];
  populateDemo?: SessionOptions['populateDemo'];
  globalFailureDelayMs?: SessionOptions['globalFailureDelayMs'];
  clock?: SessionOptions['clock'];
  /** Native dialogs of the Electron shell; absent in the browser host and the tests. */
  shell?: Shell;
}

export interface AppCore {
  session: Session;
  dispatch: Dispatch;
  /** Takes (or confirms) this core's exclusive claim on the register folder, `approdo.lock`: null when held,
   * else why not (REGISTER_IN_USE, READ_ONLY, DISK_FULL). Asked before every request, so a second instance
   * is refused while the first runs and gets in once the first has quit. */
  claim(): ErrorCode | null;
  lock(): void;
  /** Locks the register and gives up the folder, for another process to take. */
  shutdown(): void;
}

export function createAppCore(options: AppCoreOptions): AppCore {
  const session = new Session({
    paths: registerPaths(options.registerDir),
    // The demo register lives beside the real one, in its own folder with its own keys.
    demoPaths: registerPaths(`${options.registerDir}-demo`),
    populateDemo: options.populateDemo ?? ((conn, now) => void createDemoData(conn.db, conn.sqlite, todayInRome(now), { userId: 1, now })),
    migrationsFolder: options.migrationsFolder,
    idleMsOverride: options.idleMsOverride,
    failureDelayMs: options.failureDelayMs,
    globalFailureDelayMs: options.globalFailureDelayMs,
    clock: options.clock,
  });
  // Backups on lock, quit and daily, and the page check after each unlock: every host (Electron shell,
  // browser host, tests) builds its core here.
  installSafetyNet(session);
  const instance = new InstanceLock(options.registerDir);
  let refusing = false;
  const claim = (): ErrorCode | null => {
    let state: LockState;
    try {
      state = instance.acquire();
    } catch (error) {
      log.error('instance', `cannot take the register folder: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`);
      return storageFault(error) ?? 'INTERNAL';
    }
    if (state.held) {
      refusing = false;
      return null;
    }
    // Logged once per refusal, not once per request.
    if (!refusing) log.warn('instance', `register folder in use by process ${state.holder?.pid ?? 'unknown'}`);
    refusing = true;
    // Another process holds the folder now (ours was removed and taken): stop writing at once.
    if (session.current) session.lock();
    return 'REGISTER_IN_USE';
  };
  claim();
  const inner = createDispatcher(session, createHandlers(session, options.shell));
  // Untrusted senders are refused by the dispatcher alone: they learn nothing about the folder.
  const dispatch: Dispatch = async (channel, payload, sender) => {
    const problem = sender.trusted ? claim() : null;
    if (problem) return { ok: false, error: errorBody(problem) };
    return inner(channel, payload, sender);
  };
  return {
    session,
    dispatch,
    claim,
    lock: () => session.lock(),
    shutdown: () => {
      try {
        session.lock();
      } finally {
        instance.release();
      }
    },
  };
}
