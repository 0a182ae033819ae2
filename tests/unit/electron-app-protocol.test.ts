// The app:// resolver against a real renderer folder in a temporary directory, with a secret file next to
// it that no request may ever reach (directly, encoded, or through a symlink).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  APP_INDEX_URL,
  APP_ORIGIN,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  contentTypeFor,
  requestSegments,
  resolveAppRequest,
  type AppProtocolResult,
} from '../../electron/main/appProtocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';

let base: string;
let root: string;
let secret: string;
const symlinks = process.platform !== 'win32';

beforeAll(() => {
  base = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'approdo-app-protocol-')));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  writeFileSync(path.join(root, 'assets', 'x.js'), 'export {};');
  writeFileSync(path.join(root, 'assets', 'x.css'), 'body{}');
  writeFileSync(path.join(root, 'assets', 'font.woff2'), '');
  writeFileSync(path.join(root, 'assets', 'a b.js'), 'export {};');
  writeFileSync(path.join(root, 'assets', 'blob.bin'), '');
  secret = path.join(base, 'secret');
  writeFileSync(secret, 'the register key');
  mkdirSync(path.join(base, 'outside'));
  writeFileSync(path.join(base, 'outside', 'secret'), 'another secret');
  if (symlinks) {
    symlinkSync(secret, path.join(root, 'leak.js'));
    symlinkSync(path.join(base, 'outside'), path.join(root, 'linked'), 'dir');
    symlinkSync(path.join(root, 'assets', 'x.js'), path.join(root, 'alias.js'));
    symlinkSync(root, path.join(base, 'renderer-link'), 'dir');
  }
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

const resolve = (url: string, method?: string) => resolveAppRequest(url, root, { method });

function expectRefused(result: AppProtocolResult, status = 404): void {
  expect(result.status).toBe(status);
  expect(result.filePath).toBeNull();
}

describe('the app:// scheme', () => {
  it('loads the page from app://approdo/index.html', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_ORIGIN).toBe('app://approdo');
    expect(APP_INDEX_URL).toBe('app://approdo/index.html');
  });

  it('is standard and secure with fetch, but neither bypasses the CSP nor opens itself to other origins', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true });
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('corsEnabled');
  });
});

describe('resolveAppRequest serves the renderer', () => {
  it.each(['app://approdo/', 'app://approdo', 'app://approdo/index.html', APP_INDEX_URL, `${APP_INDEX_URL}#/users`])(
    'answers %s with index.html as HTML',
    async (url) => {
      const result = await resolve(url);
      expect(result.status).toBe(200);
      expect(result.filePath).toBe(path.join(root, 'index.html'));
      expect(result.headers['Content-Type']).toBe('text/html; charset=utf-8');
    },
  );

  it('answers /assets/x.js with exactly that file, as JavaScript (module scripts need a JavaScript type)', async () => {
    const result = await resolve('app://approdo/assets/x.js');
    expect(result).toMatchObject({ status: 200, filePath: path.join(root, 'assets', 'x.js') });
    expect(result.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
  });

  it('answers stylesheets and fonts with their types', async () => {
    expect((await resolve('app://approdo/assets/x.css')).headers['Content-Type']).toBe('text/css; charset=utf-8');
    expect((await resolve('app://approdo/assets/font.woff2')).headers['Content-Type']).toBe('font/woff2');
  });

  it('gives an unknown kind of file a type nothing will execute', async () => {
    const result = await resolve('app://approdo/assets/blob.bin');
    expect(result.status).toBe(200);
    expect(result.headers['Content-Type']).toBe('application/octet-stream');
    expect(contentTypeFor('X.JS')).toBe('text/javascript; charset=utf-8');
  });

  it('decodes a percent-encoded file name and ignores the query', async () => {
    const result = await resolve('app://approdo/assets/a%20b.js?v=1');
    expect(result.filePath).toBe(path.join(root, 'assets', 'a b.js'));
  });

  it('puts the CSP header and nosniff on every answer, found or not', async () => {
    for (const url of ['app://approdo/', 'app://approdo/assets/x.js', 'app://approdo/missing.js', 'app://evil/']) {
      const { headers } = await resolve(url);
      expect(headers['Content-Security-Policy'], url).toBe(CONTENT_SECURITY_POLICY);
      expect(headers['X-Content-Type-Options'], url).toBe('nosniff');
    }
  });

  it('answers HEAD like GET and refuses every other method', async () => {
    expect((await resolve('app://approdo/assets/x.js', 'HEAD')).status).toBe(200);
    const post = await resolve('app://approdo/index.html', 'POST');
    expectRefused(post, 405);
    expect(post.headers.Allow).toBe('GET, HEAD');
  });
});

describe('resolveAppRequest refuses', () => {
  it.each([
    ['a plain parent step', 'app://approdo/../secret'],
    ['a parent step below a folder', 'app://approdo/assets/../../secret'],
    ['encoded dots', 'app://approdo/%2e%2e/secret'],
    ['encoded dots and slash', 'app://approdo/%2e%2e%2fsecret'],
    ['upper-case encoding', 'app://approdo/%2E%2E%2Fsecret'],
    ['an encoded slash after real dots', 'app://approdo/..%2fsecret'],
    ['an encoded slash below a folder', 'app://approdo/assets%2f..%2f..%2fsecret'],
    ['encoded backslashes', 'app://approdo/..%5csecret'],
    ['encoded backslashes below a folder', 'app://approdo/assets%5C..%5C..%5Csecret'],
    ['a literal backslash', 'app://approdo/..\\secret'],
    ['a double-encoded parent step', 'app://approdo/%252e%252e%252fsecret'],
    ['an absolute path', 'app://approdo/%2fetc%2fpasswd'],
    ['a doubled slash', 'app://approdo//etc/passwd'],
    ['a Windows drive', 'app://approdo/C:%5cWindows%5cwin.ini'],
    ['a NUL byte', 'app://approdo/index.html%00.js'],
    ['a single-dot segment', 'app://approdo/./index.html%2f.'],
    ['broken percent-encoding', 'app://approdo/%E0%A4%A'],
  ])('%s (%s)', async (_label, url) => {
    const result = await resolve(url);
    expectRefused(result);
  });

  it('never hands out a file outside the renderer folder, whatever the request', async () => {
    const attempts = [
      'app://approdo/../secret',
      'app://approdo/%2e%2e%2fsecret',
      'app://approdo/..%5csecret',
      'app://approdo/../outside/secret',
      'app://approdo/linked/secret',
      'app://approdo/leak.js',
    ];
    for (const url of attempts) {
      const { filePath } = await resolve(url);
      expect(filePath === null || filePath.startsWith(root + path.sep), url).toBe(true);
    }
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['a look-alike host', 'app://approdo.evil/index.html'],
    ['a port', 'app://approdo:8080/index.html'],
    ['credentials', 'app://user:pw@approdo/index.html'],
    ['another scheme', 'https://approdo/index.html'],
    ['a file URL', `file://${root}/index.html`],
    ['junk', 'not a url'],
    ['an empty URL', ''],
    ['an overlong URL', `app://approdo/${'a'.repeat(3000)}.js`],
  ])('%s', async (_label, url) => {
    expectRefused(await resolve(url));
  });

  it.each(['app://approdo/assets', 'app://approdo/assets/', 'app://approdo/index.html/'])(
    'a folder or folder-like path (%s)',
    async (url) => {
      expectRefused(await resolve(url));
    },
  );

  it('a missing file', async () => {
    expectRefused(await resolve('app://approdo/assets/missing.js'));
    expectRefused(await resolve('app://approdo/favicon.ico'));
  });

  it('a renderer folder that does not exist', async () => {
    expectRefused(await resolveAppRequest(APP_INDEX_URL, path.join(base, 'no-such-folder')));
  });
});

describe.skipIf(!symlinks)('resolveAppRequest and symlinks', () => {
  it('refuses a symlink inside the folder that points at a file outside it', async () => {
    expectRefused(await resolve('app://approdo/leak.js'));
  });

  it('refuses a file reached through a symlinked folder that points outside', async () => {
    expectRefused(await resolve('app://approdo/linked/secret'));
  });

  it('serves a symlink that stays inside the folder, as the real file', async () => {
    const result = await resolve('app://approdo/alias.js');
    expect(result).toMatchObject({ status: 200, filePath: path.join(root, 'assets', 'x.js') });
  });

  it('works when the renderer folder itself is reached through a symlink', async () => {
    const result = await resolveAppRequest('app://approdo/assets/x.js', path.join(base, 'renderer-link'));
    expect(result).toMatchObject({ status: 200, filePath: path.join(root, 'assets', 'x.js') });
    expectRefused(await resolveAppRequest('app://approdo/../secret', path.join(base, 'renderer-link')));
  });
});

describe('requestSegments', () => {
  it('names the file below the renderer folder', () => {
    expect(requestSegments('app://approdo/')).toEqual(['index.html']);
    expect(requestSegments('app://approdo/assets/x.js')).toEqual(['assets', 'x.js']);
  });

  it('stops traversal before any file system access', () => {
    expect(requestSegments('app://approdo/%2e%2e%2fsecret')).toBeNull();
    expect(requestSegments('app://approdo/..%5csecret')).toBeNull();
    expect(requestSegments('app://evil/index.html')).toBeNull();
  });
});

describe('resolveAppRequest with a fake file system', () => {
  it('refuses what the file system reports as a folder, and anything it cannot look up', async () => {
    const folder = {
      realpath: async (target: string) => target,
      stat: async () => ({ isFile: () => false }),
    };
    expectRefused(await resolveAppRequest('app://approdo/index.html', '/srv/renderer', { fs: folder }));
    const failing = {
      realpath: async () => {
        throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      },
      stat: async () => ({ isFile: () => true }),
    };
    expectRefused(await resolveAppRequest('app://approdo/index.html', '/srv/renderer', { fs: failing }));
  });

  it('refuses a file whose real location the file system puts outside the folder', async () => {
    const escaping = {
      realpath: async (target: string) => (target.endsWith('x.js') ? '/etc/passwd' : target),
      stat: async () => ({ isFile: () => true }),
    };
    expectRefused(await resolveAppRequest('app://approdo/assets/x.js', '/srv/renderer', { fs: escaping }));
  });
});
