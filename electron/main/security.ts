// Every security decision of the Electron shell, as plain functions: window options, CSP, navigation,
// new windows, external links, IPC sender trust and permissions. main.ts only wires them to Electron.
// No runtime import of Electron here, so all of it is unit-tested without the binary.
import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsExtras {
  /** Developer tools are only for a development run, never for a packaged app. */
  devTools?: boolean;
}

export function windowOptions(preloadPath: string, extras: WindowOptionsExtras = {}): BrowserWindowConstructorOptions {
  return {
    title: 'Approdo',
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    // Shown on 'ready-to-show', so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#f8f9fa',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // The spellchecker would send typed words (names of the people hosted) to a dictionary service.
      spellcheck: false,
      navigateOnDragDrop: false,
      experimentalFeatures: false,
      devTools: extras.devTools ?? false,
    },
  };
}

export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  // Mantine needs inline styles: it injects a <style> element with its theme's CSS variables and sets
  // style attributes from style props at runtime; without this the UI renders unstyled. Scripts stay 'self'.
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
  ['object-src', "'none'"],
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

/** The same policy for a <meta http-equiv> tag, which ignores frame-ancestors (header-only directive). */
export const CONTENT_SECURITY_POLICY_META = CSP_DIRECTIVES.filter(([name]) => name !== 'frame-ancestors')
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');

export type ResponseHeaders = Record<string, string | string[]>;

/** Response headers with our CSP, replacing any policy (in any letter case) a response already carried. */
export function withContentSecurityPolicy(headers: ResponseHeaders | undefined): ResponseHeaders {
  const out: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-security-policy' || lower === 'content-security-policy-report-only') continue;
    out[name] = value;
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

const MAX_URL_LENGTH = 2048;

function parseUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_URL_LENGTH) return null;
  // Whitespace and control characters are silently stripped by the URL parser: refuse them instead.
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** Path of a URL with percent-encoding undone, for comparison (the app:// handler decodes it the same way). */
function comparablePath(url: URL): string | null {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
}

/**
 * True only for the app's own index page, app://approdo/index.html in the shell (any hash or query),
 * never for another file, scheme or host; main.ts passes APP_INDEX_URL from appProtocol.ts.
 */
export function isAppUrl(url: unknown, appIndexUrl: string): boolean {
  const candidate = parseUrl(url);
  const app = parseUrl(appIndexUrl);
  if (!candidate || !app) return false;
  if (candidate.username || candidate.password) return false;
  if (candidate.protocol !== app.protocol || candidate.host.toLowerCase() !== app.host.toLowerCase()) return false;
  const path = comparablePath(candidate);
  return path !== null && path === comparablePath(app);
}

export type NavigationDecision = 'allow' | 'deny';

/** For will-navigate and will-redirect: the page may only ever be the app's own index file. */
export function navigationGuard(url: unknown, appIndexUrl: string): NavigationDecision {
  return isAppUrl(url, appIndexUrl) ? 'allow' : 'deny';
}

/** IPC is answered only for frames showing the app's own page; a missing frame is never trusted. */
export function isTrustedSender(frameUrl: string | null | undefined, appIndexUrl: string): boolean {
  return isAppUrl(frameUrl, appIndexUrl);
}

/** setPermissionRequestHandler: the register needs no camera, location, notifications or anything else. */
export function denyPermissionRequest(
  _webContents: unknown,
  _permission: string,
  callback: (permissionGranted: boolean) => void,
): void {
  callback(false);
}

/** setPermissionCheckHandler and setDevicePermissionHandler: every check answers no. */
export function denyPermissionCheck(): boolean {
  return false;
}
