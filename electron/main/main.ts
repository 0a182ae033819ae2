// The Electron shell: one window, one IPC registration loop, the menu, the app:// scheme the renderer is
// served from. Every decision lives in the plain modules (security, appProtocol, paths, menu) and in the
// core; this file only connects them to Electron's events.
import { promises as fsPromises } from 'node:fs';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  type IpcMainInvokeEvent,
  type Session,
  type WebContents,
} from 'electron';
import { createAppCore, type AppCore } from '../core/app';
import type { SaveFileRequest } from '../core/shell';
import { consoleSink, log, setLogSink } from '../core/log';
import { createFileLogSink, logsDirFor, teeSinks } from '../core/log-file';
import { CHANNEL_NAMES, wireName } from '../shared/contract';
import { localeForSystem, mainText, menuTemplate, type MainText } from './menu';
import { folderPicker } from './shell';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, resolveAppRequest } from './appProtocol';
import { migrationsFolderFor, preloadFor, registerDirFor, rendererRootFor } from './paths';
import {
  denyPermissionCheck,
  denyPermissionRequest,
  isTrustedSender,
  navigationGuard,
  windowOptions,
  withContentSecurityPolicy,
} from './security';

const appPath = app.getAppPath();
const rendererRoot = rendererRootFor(appPath);

let core: AppCore | null = null;
let mainWindow: BrowserWindow | null = null;

/** An export the user asked for (the ledger), saved where the native dialog says: the only copy, no temporary file. */
async function saveWithDialog(request: SaveFileRequest): Promise<boolean> {
  const options = { defaultPath: join(app.getPath('documents'), request.suggestedName), filters: [request.filter] };
  const chosen = await (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options));
  if (chosen.canceled || !chosen.filePath) return false;
  await fsPromises.writeFile(chosen.filePath, request.bytes);
  return true;
}

function text(): MainText {
  return mainText(localeForSystem(app.isReady() ? app.getLocale() : undefined));
}

function showStartupError(error: unknown): void {
  const t = text();
  const detail = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox(t.startupErrorTitle, `${t.startupErrorMessage}\n\n${detail}`);
}

function hardenContents(contents: WebContents): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (navigationGuard(url, APP_INDEX_URL) === 'allow') return;
    event.preventDefault();
    log.warn('shell', 'blocked a navigation away from the app page');
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No window opens, and nothing is handed to the system browser either: the renderer has no external
  // link, and an opened URL (path or query) would be a way out for register data that the CSP's
  // connect-src 'self' otherwise closes, should the page ever be compromised.
  contents.setWindowOpenHandler(() => {
    log.warn('shell', 'blocked a new window');
    return { action: 'deny' };
  });
}

function hardenSession(ses: Session): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  ses.setPermissionRequestHandler(denyPermissionRequest);
  ses.setPermissionCheckHandler(denyPermissionCheck);
  ses.setDevicePermissionHandler(denyPermissionCheck);
}

/** app://approdo/<path>: the file appProtocol picks under the renderer folder, or its refusal. */
async function serveAppRequest(request: Request): Promise<Response> {
  const result = await resolveAppRequest(request.url, rendererRoot, { method: request.method });
  if (result.filePath === null) return new Response(null, { status: result.status, headers: result.headers });
  let body: Buffer;
  try {
    body = await fsPromises.readFile(result.filePath);
  } catch {
    log.warn('shell', 'could not read a renderer file');
    return new Response(null, { status: 404, headers: result.headers });
  }
  return new Response(request.method.toUpperCase() === 'HEAD' ? null : body, {
    status: result.status,
    headers: result.headers,
  });
}

/** The sender frame's URL; a frame already gone (navigated or closed) reads as no URL, hence untrusted. */
function senderUrl(event: IpcMainInvokeEvent): string | undefined {
  try {
    return event.senderFrame?.url;
  } catch {
    return undefined;
  }
}

/** Trusted: the top frame of our own window, showing the app page. */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  const fromOurWindow = mainWindow !== null && event.sender.id === mainWindow.webContents.id && event.senderFrame?.parent === null;
  return fromOurWindow && isTrustedSender(senderUrl(event), APP_INDEX_URL);
}

function registerIpc(appCore: AppCore): void {
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(wireName(name), (event, payload: unknown) => appCore.dispatch(name, payload, { trusted: trustedSender(event) }));
  }
}

function lockNow(): void {
  core?.lock(); // the session's lock listener reloads the page
}

function showAbout(): void {
  const t = text();
  const options = { type: 'info' as const, title: t.about, message: `Approdo ${app.getVersion()}`, detail: t.aboutDetail };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

function installMenu(): void {
  const template = menuTemplate(
    localeForSystem(app.getLocale()),
    { lock: lockNow, quit: () => app.quit(), about: showAbout },
    process.platform,
    { dev: !app.isPackaged },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function openWindow(): Promise<void> {
  const options = windowOptions(preloadFor(appPath), { devTools: !app.isPackaged });
  // The isolation flags are restated in the literal: they hold whatever windowOptions returns, and
  // Electronegativity (npm test) reads only the object written inside `new BrowserWindow(…)`.
  // Auxclick: the Blink flag it asks for is gone from Chromium; a middle-click's new window meets the
  // deny-all window-open handler above (README, "Electronegativity findings we accept").
  const win = new BrowserWindow({ // eng-disable AUXCLICK_JS_CHECK
    ...options,
    webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    log.error('shell', `renderer gone: ${details.reason}`);
  });
  await win.loadURL(APP_INDEX_URL);
}

async function start(): Promise<void> {
  const registerDir = registerDirFor({ env: process.env, userDataDir: app.getPath('userData') });
  // <userData>/register-logs, rotated; the console as well, for a development run.
  setLogSink(teeSinks(consoleSink, createFileLogSink({ dir: logsDirFor(registerDir) })));
  log.info('shell', `Approdo ${app.getVersion()} starting`);
  core = createAppCore({
    registerDir,
    migrationsFolder: migrationsFolderFor({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath }),
    shell: { saveFile: saveWithDialog, ...folderPicker(dialog, () => mainWindow, () => text().backupFolderTitle) },
  });
  hardenSession(session.defaultSession);
  // The window uses the default session, which is the one protocol.handle registers on.
  protocol.handle(APP_SCHEME, serveAppRequest);
  registerIpc(core);
  // Whatever locked the register (menu, shortcut, idle timer, rekey failure): reloading the page drops every
  // record the renderer held; it comes back on the lock screen.
  core.session.onLock(() => mainWindow?.webContents.reload());
  installMenu();
  await openWindow();
}

function shutdown(): void {
  const open = core;
  core = null;
  open?.shutdown();
}

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first (which focuses its window) and leaves.
  app.quit();
} else {
  // Register files, their WAL and the slot file are readable by this user only.
  process.umask(0o077);
  app.enableSandbox();
  // Only possible before 'ready', and only once for the whole app.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  // Every web contents, including any the app never meant to create, gets the same guards.
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (core && !mainWindow) openWindow().catch(showStartupError);
  });
  app.on('will-quit', shutdown);

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      showStartupError(error);
      shutdown();
      app.exit(1);
    });
}
