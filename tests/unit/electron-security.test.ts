import { describe, it, expect, vi } from 'vitest';
import { APP_INDEX_URL } from '../../electron/main/appProtocol';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_META,
  denyPermissionCheck,
  denyPermissionRequest,
  isAppUrl,
  isTrustedSender,
  navigationGuard,
  windowOptions,
  withContentSecurityPolicy,
} from '../../electron/main/security';

const APP = APP_INDEX_URL;
/** Where the page used to be loaded from with loadFile, before the app:// scheme. */
const OLD_FILE_APP = 'file:///opt/Approdo/resources/app.asar/dist/renderer/index.html';

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );
}

describe('windowOptions', () => {
  it('creates a hidden, isolated, sandboxed window that loads the given preload and has no Node', () => {
    const options = windowOptions('/app/dist/electron/preload.cjs');
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.minHeight).toBeGreaterThanOrEqual(500);
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    });
  });

  it('keeps developer tools off unless a development run asks for them', () => {
    expect(windowOptions('/p.cjs').webPreferences?.devTools).toBe(false);
    expect(windowOptions('/p.cjs', { devTools: true }).webPreferences?.devTools).toBe(true);
  });
});

describe('content security policy', () => {
  it('allows scripts, connections and everything else only from the app itself', () => {
    const csp = directives(CONTENT_SECURITY_POLICY);
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('connect-src')).toBe("'self'");
    expect(csp.get('img-src')).toBe("'self' data:");
    expect(csp.get('font-src')).toBe("'self' data:");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it("permits inline styles (Mantine) but never inline scripts", () => {
    const csp = directives(CONTENT_SECURITY_POLICY);
    expect(csp.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(csp.get('script-src')).not.toContain('unsafe-inline');
  });

  it('replaces any policy a response already carried, whatever its letter case, and keeps other headers', () => {
    const headers = withContentSecurityPolicy({
      'content-security-policy': ["default-src *"],
      'Content-Security-Policy-Report-Only': "script-src *",
      'Content-Type': ['text/html'],
    });
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  it('adds the policy to a response that had no headers at all', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('offers a meta-tag variant without the header-only frame-ancestors directive', () => {
    const meta = directives(CONTENT_SECURITY_POLICY_META);
    expect(meta.has('frame-ancestors')).toBe(false);
    expect(meta.get('script-src')).toBe("'self'");
    expect(meta.get('default-src')).toBe("'none'");
  });
});

describe('isAppUrl and navigationGuard', () => {
  it('is the app:// page the window loads', () => {
    expect(APP).toBe('app://approdo/index.html');
  });

  it('allows the app page itself, with any hash or query', () => {
    expect(navigationGuard(APP, APP)).toBe('allow');
    expect(navigationGuard(`${APP}#/users`, APP)).toBe('allow');
    expect(navigationGuard(`${APP}?x=1`, APP)).toBe('allow');
  });

  it.each([
    ['an https site', 'https://example.org/'],
    ['an http site', 'http://localhost:5173/index.html'],
    ['the same page as a local file', OLD_FILE_APP],
    ['another local file', 'file:///etc/passwd'],
    ['another page of the app', 'app://approdo/other.html'],
    ['a script of the app', 'app://approdo/assets/index.js'],
    ['the app root instead of its page', 'app://approdo/'],
    ['a look-alike file name', `${APP}.html`],
    ['the app folder instead of its page', `${APP}/..`],
    ['the same page on another host', 'app://evil/index.html'],
    ['the same page on a look-alike host', 'app://approdo.evil/index.html'],
    ['the same page with a port', 'app://approdo:8080/index.html'],
    ['the same page with credentials', 'app://user:pw@approdo/index.html'],
    ['the same page over https', 'https://approdo/index.html'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: page', 'data:text/html,<script>alert(1)</script>'],
    ['about:blank', 'about:blank'],
    ['an empty string', ''],
    ['junk', 'not a url'],
  ])('denies navigation to %s', (_label, url) => {
    expect(navigationGuard(url, APP)).toBe('deny');
  });

  it('denies everything when there is no URL at all', () => {
    expect(navigationGuard(undefined, APP)).toBe('deny');
  });

  it('recognises the page whatever the percent-encoding of its path or the case of its host', () => {
    expect(isAppUrl('app://approdo/ind%65x.html', APP)).toBe(true);
    expect(isAppUrl('app://APPRODO/index.html', APP)).toBe(true);
    expect(isAppUrl('app://approdo/other%2ehtml', APP)).toBe(false);
    expect(isAppUrl('app://approdo/%E0%A4%A', APP)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts the app page, including after an in-page route change', () => {
    expect(isTrustedSender(APP, APP)).toBe(true);
    expect(isTrustedSender(`${APP}#/audit`, APP)).toBe(true);
  });

  it.each([
    ['the same page as a local file (the old loadFile address)', OLD_FILE_APP],
    ['another local file', 'file:///tmp/evil.html'],
    ['another app:// host', 'app://evil/index.html'],
    ['another app:// page', 'app://approdo/other.html'],
    ['an http page', 'http://localhost:5173/'],
    ['an http page at the same path', 'http://approdo/index.html'],
    ['an https page', 'https://example.org/'],
    ['the developer tools', 'devtools://devtools/bundled/devtools_app.html'],
    ['about:blank', 'about:blank'],
    ['an empty URL', ''],
  ])('refuses %s', (_label, url) => {
    expect(isTrustedSender(url, APP)).toBe(false);
  });

  it('refuses a sender whose frame is gone', () => {
    expect(isTrustedSender(undefined, APP)).toBe(false);
    expect(isTrustedSender(null, APP)).toBe(false);
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid'])(
    'denies a request for %s exactly once',
    (permission) => {
      const callback = vi.fn();
      denyPermissionRequest({}, permission, callback);
      expect(callback).toHaveBeenCalledTimes(1);
      expect(callback).toHaveBeenCalledWith(false);
    },
  );

  it('answers every permission check with no', () => {
    expect(denyPermissionCheck()).toBe(false);
  });
});
