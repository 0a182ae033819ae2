// Assembles the main-process core for a register folder: the session, the handlers and the dispatcher.
// Used by the Electron shell and by the browser host alike; it imports nothing from Electron.
import { registerPaths } from './register';
import { createDemoData } from './demo/generator';
import { todayInRome } from '../shared/dates';
import { Session, type SessionOptions } from './session';
import { createHandlers } from './ipc/handlers';
import { createDispatcher, type Dispatch } from './ipc/dispatch';

export interface AppCoreOptions {
  registerDir: string;
  migrationsFolder: string;
  idleMsOverride?: number;
  failureDelayMs?: SessionOptions['failureDelayMs'];
  populateDemo?: SessionOptions['populateDemo'];
}

export interface AppCore {
  session: Session;
  dispatch: Dispatch;
  lock(): void;
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
  });
  const dispatch = createDispatcher(session, createHandlers(session));
  return { session, dispatch, lock: () => session.lock(), shutdown: () => session.lock() };
}
