// The app:// scheme the renderer is served from, instead of file://. Under file:// with the fuse
// grantFileProtocolExtraPrivileges off, Chromium refuses Vite's <script type="module" crossorigin>, and
// a CSP header set through webRequest never reaches a file:// page. A standard, secure scheme gives the
// page a real origin (app://approdo), so its own module scripts load same-origin and every response
// carries our CSP header.
// This module decides which file, if any, answers a request; main.ts only reads that file and wraps it
// in a Response. No runtime import of Electron here, so all of it is unit-tested without the binary.
import { promises as fsPromises } from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './security';

export const APP_SCHEME = 'app';
export const APP_HOST = 'approdo';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window loads; navigation, IPC sender trust and the app URL checks all compare to it. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * For protocol.registerSchemesAsPrivileged. standard: relative URLs resolve and the page has an origin;
 * secure: a secure context, like https; supportFetchAPI: the page may fetch its own files. Deliberately
 * no bypassCSP (our CSP must apply) and no corsEnabled: the page's module scripts are same-origin, and
 * without it no other origin can read app:// responses.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

const INDEX_FILE = 'index.html';
const MAX_URL_LENGTH = 2048;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** With nosniff, an unknown type is never guessed into something executable. */
const FALLBACK_CONTENT_TYPE = 'application/octet-stream';

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? FALLBACK_CONTENT_TYPE;
}

/** The headers every app:// response carries, whatever its status. */
function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  };
}

export type AppProtocolResult =
  | { status: 200; headers: Record<string, string>; filePath: string }
  | { status: 404 | 405; headers: Record<string, string>; filePath: null };

/** The file system calls the resolver needs; Node's fs (asar-aware in Electron) by default, a fake in tests. */
export interface AppProtocolFs {
  realpath(target: string): Promise<string>;
  stat(target: string): Promise<{ isFile(): boolean }>;
}

const nodeFs: AppProtocolFs = {
  realpath: (target) => fsPromises.realpath(target),
  stat: (target) => fsPromises.stat(target),
};

export interface AppRequestOptions {
  /** The request's HTTP method; only GET and HEAD are served. Default GET. */
  method?: string;
  fs?: AppProtocolFs;
}

function refused(status: 404 | 405): AppProtocolResult {
  const headers: Record<string, string> = { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' };
  if (status === 405) headers.Allow = 'GET, HEAD';
  return { status, headers, filePath: null };
}

/** True when `target` is `root` itself or lies below it (both absolute and normalised). */
function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * The path segments below the renderer folder that a request URL names, or null when the URL is not one
 * of ours or could step outside: another scheme or host, credentials or a port, undecodable
 * percent-encoding, a backslash, a colon (Windows drive or stream), a control character, or a "." / ".."
 * segment once decoded. "/" names index.html; any other path ending in "/" names a folder and is refused.
 */
export function requestSegments(requestUrl: string): string[] | null {
  if (typeof requestUrl !== 'string' || requestUrl.length === 0 || requestUrl.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:`) return null;
  if (url.hostname.toLowerCase() !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') {
    return null;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (decoded === '' || decoded === '/') return [INDEX_FILE];
  if (!decoded.startsWith('/') || decoded.endsWith('/')) return null;
  if (/[\\:\u0000-\u001f\u007f]/.test(decoded)) return null;
  const segments = decoded.slice(1).split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return null;
  return segments;
}

/**
 * Which file under `rendererRoot` answers an app:// request, with the response's status and headers.
 * Anything that is not an existing regular file inside the root, after following symlinks, is a 404.
 */
export async function resolveAppRequest(
  requestUrl: string,
  rendererRoot: string,
  options: AppRequestOptions = {},
): Promise<AppProtocolResult> {
  const method = (options.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return refused(405);
  const fs = options.fs ?? nodeFs;

  const segments = requestSegments(requestUrl);
  if (!segments) return refused(404);

  const root = path.resolve(rendererRoot);
  const candidate = path.resolve(root, ...segments);
  if (!isInside(root, candidate)) return refused(404);

  try {
    // A symlink inside the folder must not lead outside it: compare the real locations too.
    const realRoot = await fs.realpath(root);
    const realFile = await fs.realpath(candidate);
    if (!isInside(realRoot, realFile)) return refused(404);
    if (!(await fs.stat(realFile)).isFile()) return refused(404);
    return { status: 200, headers: { ...baseHeaders(), 'Content-Type': contentTypeFor(realFile) }, filePath: realFile };
  } catch {
    return refused(404);
  }
}
