// The browser host: the same dispatcher as the Electron shell, served over HTTP on 127.0.0.1 behind a
// per-run random token, with the built renderer. For `npm run dev:web` and the end-to-end tests only —
// it is not part of the packaged app (electron-builder ships dist/electron and dist/renderer, not dist/host).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { createAppCore } from '../core/app';
import { CONTENT_SECURITY_POLICY } from '../main/security';
import { consoleSink, log, setLogSink } from '../core/log';
import { createFileLogSink, logsDirFor, teeSinks } from '../core/log-file';
import { DomainError, errorBody, type Envelope } from '../shared/errors';

const MAX_BODY_BYTES = 64 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.ico': 'image/x-icon', '.json': 'application/json',
};

export interface HostOptions {
  registerDir: string;
  migrationsFolder: string;
  rendererDir: string;
  port?: number;
  idleMsOverride?: number;
}

function tokenMatches(expected: Buffer, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const candidate = Buffer.from(given, 'utf8');
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolveBody(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** decodeURIComponent, or null for a path that does not decode (a stray `%`). */
function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy': CONTENT_SECURITY_POLICY,
  });
  res.end(body);
}

export async function startHost(options: HostOptions) {
  const token = randomBytes(32).toString('hex');
  const tokenBytes = Buffer.from(token, 'utf8');
  const core = createAppCore({ registerDir: options.registerDir, migrationsFolder: options.migrationsFolder, idleMsOverride: options.idleMsOverride });
  // Another process holds this register folder (or it cannot be written): refuse to start rather than serve refusals.
  const claimed = core.claim();
  if (claimed) throw new DomainError(claimed);
  const root = resolve(options.rendererDir);
  let origin = '';

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', origin);
      // Refuse requests addressed to another host name (DNS rebinding): only our own origin.
      if (req.headers.host !== new URL(origin).host) return send(res, 421, 'text/plain', 'wrong host');
      if (url.pathname.startsWith('/ipc/')) {
        if (req.method !== 'POST') return send(res, 405, 'text/plain', 'method not allowed');
        const trusted = tokenMatches(tokenBytes, req.headers['x-approdo-token']);
        const body = await readBody(req);
        const reply = (envelope: Envelope<unknown>) =>
          send(res, trusted ? 200 : 403, 'application/json; charset=utf-8', JSON.stringify(envelope));
        if (!trusted) return reply({ ok: false, error: errorBody('BAD_SENDER') });
        if (body === null) return reply({ ok: false, error: errorBody('PAYLOAD_TOO_LARGE') });
        let payload: unknown;
        try {
          payload = JSON.parse(body || '{}');
        } catch {
          return reply({ ok: false, error: errorBody('INVALID_INPUT') });
        }
        return reply(await core.dispatch(decodePath(url.pathname.slice(5)) ?? '', payload, { trusted }));
      }
      if (req.method !== 'GET') return send(res, 405, 'text/plain', 'method not allowed');
      // A path that does not decode or leads out of the renderer's folder is refused without a log line: any
      // local process can send these, and must not be able to fill (and so rotate away) the log.
      const relative = url.pathname === '/' ? 'index.html' : decodePath(url.pathname.slice(1));
      const file = relative === null ? null : resolve(join(root, relative));
      if (file === null || (file !== root && !file.startsWith(root + sep))) return send(res, 403, 'text/plain', 'forbidden');
      const content = await readFile(file).catch(() => null);
      if (!content) return send(res, 404, 'text/plain', 'not found');
      return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', content);
    } catch {
      log.error('host', 'request failed');
      if (!res.headersSent) send(res, 500, 'text/plain', 'error');
    }
  });

  await new Promise<void>((resolveListen) => server.listen(options.port ?? 0, '127.0.0.1', resolveListen));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    core,
    close: () =>
      new Promise<void>((done) => {
        core.shutdown();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

async function main() {
  // Register files, their WAL and the slot file are readable by this user only.
  process.umask(0o077);
  const registerDir = process.env.APPRODO_DATA_DIR ?? resolve('.approdo-dev/register');
  setLogSink(teeSinks(consoleSink, createFileLogSink({ dir: logsDirFor(registerDir) })));
  log.info('host', 'browser host starting');
  const idle = process.env.APPRODO_IDLE_LOCK_MS ? Number(process.env.APPRODO_IDLE_LOCK_MS) : undefined;
  const host = await startHost({
    registerDir,
    migrationsFolder: resolve(process.env.APPRODO_MIGRATIONS ?? 'drizzle'),
    rendererDir: resolve(process.env.APPRODO_RENDERER ?? 'dist/renderer'),
    port: process.env.APPRODO_PORT ? Number(process.env.APPRODO_PORT) : 5174,
    idleMsOverride: idle && idle > 0 ? idle : undefined,
  });
  // Before the URL is printed: whoever reads it may stop the host at once, and must find it ready to close.
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // One machine-readable line for tests, then a human one.
  console.log(`APPRODO_HOST_URL=${host.url}`);
  console.log(`Approdo browser host (development and tests only): open ${host.url}  — register: ${registerDir}`);
}

const STARTUP_REFUSALS: Record<string, string> = {
  REGISTER_IN_USE: 'is already in use by another Approdo process; close that one first',
  READ_ONLY: 'cannot be written (read-only or missing permissions)',
  DISK_FULL: 'is on a full disk',
};

if (require.main === module) {
  main().catch((error: unknown) => {
    // One clear line, then exit 1: a refusal is not a crash, so no stack trace.
    const reason = error instanceof DomainError ? STARTUP_REFUSALS[error.code] : undefined;
    const dir = process.env.APPRODO_DATA_DIR ?? resolve('.approdo-dev/register');
    console.error(reason ? `Approdo browser host not started: the register folder ${dir} ${reason}.` : `Approdo browser host failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
