// Assembles the main-process core for a register folder: the session, the handlers and the dispatcher.
// Used by the Electron shell and by the browser host alike; it imports nothing from Electron.
import { registerPaths } from './register';
import { Session, type SessionOptions } from './session';
import { createHandlers } from './ipc/handlers';
import { createDispatcher, type Dispatch } from './ipc/dispatch';

export interface AppCoreOptions {
  registerDir: string;
  migrationsFolder: string;
  idleMsOverride?: number;
  failureDelayMs?: SessionOptions['failureDelayMs'];
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
    migrationsFolder: options.migrationsFolder,
    idleMsOverride: options.idleMsOverride,
    failureDelayMs: options.failureDelayMs,
  });
  const dispatch = createDispatcher(session, createHandlers(session));
  return { session, dispatch, lock: () => session.lock(), shutdown: () => session.lock() };
}
