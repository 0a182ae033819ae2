// The Electron shell: one window, one IPC registration loop, the menu. Every decision lives in the plain
// modules (security, paths, menu) and in the core; this file only connects them to Electron's events.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  session,
  shell,
  type IpcMainInvokeEvent,
  type Session,
  type WebContents,
} from 'electron';
import { createAppCore, type AppCore } from '../core/app';
import { log } from '../core/log';
import { CHANNEL_NAMES, wireName } from '../shared/contract';
import { localeForSystem, mainText, menuTemplate, type MainText } from './menu';
import { migrationsFolderFor, preloadFor, registerDirFor, rendererIndexFor } from './paths';
import {
  appIndexUrlFor,
  denyPermissionCheck,
  denyPermissionRequest,
  isTrustedSender,
  navigationGuard,
  windowOpenDecision,
  windowOptions,
  withContentSecurityPolicy,
} from './security';

const appPath = app.getAppPath();
const indexPath = rendererIndexFor(appPath);
const appIndexUrl = appIndexUrlFor(indexPath);

let core: AppCore | null = null;
let mainWindow: BrowserWindow | null = null;

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
    if (navigationGuard(url, appIndexUrl) === 'allow') return;
    event.preventDefault();
    log.warn('shell', 'blocked a navigation away from the app page');
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.openExternally) {
      shell.openExternal(decision.openExternally).catch(() => log.warn('shell', 'could not open an external link'));
    }
    return { action: decision.action };
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

/** The sender frame's URL; a frame already gone (navigated or closed) reads as no URL, hence untrusted. */
function senderUrl(event: IpcMainInvokeEvent): string | undefined {
  try {
    return event.senderFrame?.url;
  } catch {
    return undefined;
  }
}

function registerIpc(appCore: AppCore): void {
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(wireName(name), (event, payload: unknown) =>
      appCore.dispatch(name, payload, { trusted: isTrustedSender(senderUrl(event), appIndexUrl) }),
    );
  }
}

function lockNow(): void {
  core?.lock();
  // Reloading the page drops every record the renderer had cached; it comes back on the locked screen.
  mainWindow?.webContents.reload();
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
  const win = new BrowserWindow(windowOptions(preloadFor(appPath), { devTools: !app.isPackaged }));
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    log.error('shell', `renderer gone: ${details.reason}`);
  });
  await win.loadFile(indexPath);
}

async function start(): Promise<void> {
  core = createAppCore({
    registerDir: registerDirFor({ env: process.env, userDataDir: app.getPath('userData') }),
    migrationsFolder: migrationsFolderFor({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath }),
  });
  hardenSession(session.defaultSession);
  registerIpc(core);
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
  app.enableSandbox();
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
