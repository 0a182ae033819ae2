import { describe, it, expect, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { LOCALES, type Locale } from '../../electron/shared/contract';
import { localeForSystem, MAIN_TEXT, mainText, menuTemplate, type MenuActions } from '../../electron/main/menu';

const PLATFORMS: NodeJS.Platform[] = ['linux', 'win32', 'darwin'];

function fakeActions() {
  return { lock: vi.fn<() => void>(), quit: vi.fn<() => void>(), about: vi.fn<() => void>() } satisfies MenuActions;
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function byId(template: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const found = items(template).find((item) => item.id === id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

describe('menu text', () => {
  it('has the same keys, all filled in, in Italian and English', () => {
    const keys = Object.keys(MAIN_TEXT.en).sort();
    expect(Object.keys(MAIN_TEXT.it).sort()).toEqual(keys);
    for (const locale of LOCALES) {
      for (const key of keys) expect(mainText(locale)[key as keyof typeof MAIN_TEXT.en].trim()).not.toBe('');
    }
  });

  it('is actually translated', () => {
    expect(mainText('it').lock).toBe('Blocca');
    expect(mainText('en').lock).toBe('Lock');
    expect(mainText('it').registerMenu).not.toBe(mainText('en').registerMenu);
  });

  it('picks Italian for an Italian system and English for anything else', () => {
    expect(localeForSystem('it')).toBe('it');
    expect(localeForSystem('it-IT')).toBe('it');
    expect(localeForSystem('it-CH')).toBe('it');
    expect(localeForSystem('en-US')).toBe('en');
    expect(localeForSystem('de-DE')).toBe('en');
    expect(localeForSystem('')).toBe('en');
    expect(localeForSystem(undefined)).toBe('en');
  });
});

describe('menuTemplate', () => {
  it.each(PLATFORMS.flatMap((platform) => LOCALES.map((locale) => [platform, locale] as const)))(
    'on %s in %s, labels every item from that language’s table',
    (platform, locale: Locale) => {
      const allowed = new Set<string>([...Object.values(MAIN_TEXT[locale]), 'Approdo']);
      for (const item of items(menuTemplate(locale, fakeActions(), platform, { dev: true }))) {
        if (item.type === 'separator') continue;
        expect(item.label, JSON.stringify(item)).toBeDefined();
        expect(allowed.has(item.label!), item.label).toBe(true);
      }
    },
  );

  it.each(PLATFORMS)('on %s, locks the register with CmdOrCtrl+L', (platform) => {
    const actions = fakeActions();
    const lock = byId(menuTemplate('it', actions, platform), 'lock');
    expect(lock.accelerator).toBe('CmdOrCtrl+L');
    expect(lock.label).toBe('Blocca');
    click(lock);
    expect(actions.lock).toHaveBeenCalledTimes(1);
    expect(actions.quit).not.toHaveBeenCalled();
  });

  it.each(PLATFORMS)('on %s, quits and shows the about box through the given actions', (platform) => {
    const actions = fakeActions();
    const template = menuTemplate('en', actions, platform);
    click(byId(template, 'quit'));
    click(byId(template, 'about'));
    expect(actions.quit).toHaveBeenCalledTimes(1);
    expect(actions.about).toHaveBeenCalledTimes(1);
    expect(actions.lock).not.toHaveBeenCalled();
  });

  it('puts the register menu first on Windows and Linux, with Lock and Quit', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const [first] = menuTemplate('it', fakeActions(), platform);
      expect(first?.label).toBe('Registro');
      expect((first?.submenu as MenuItemConstructorOptions[]).map((i) => i.id ?? i.type)).toEqual(['lock', 'separator', 'quit']);
    }
  });

  it('on macOS, opens with the application menu holding About and Quit, and has no Help menu', () => {
    const template = menuTemplate('en', fakeActions(), 'darwin');
    const ids = (template[0]?.submenu as MenuItemConstructorOptions[]).map((i) => i.id);
    expect(ids).toContain('about');
    expect(ids).toContain('quit');
    expect(template.some((menu) => menu.id === 'help')).toBe(false);
  });

  it('offers the standard editing roles', () => {
    const roles = items(menuTemplate('en', fakeActions(), 'linux')).map((i) => i.role);
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    expect(roles).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']));
  });

  it.each(PLATFORMS)('on %s, has no developer tools and no reload in production', (platform) => {
    for (const template of [menuTemplate('en', fakeActions(), platform), menuTemplate('it', fakeActions(), platform, { dev: false })]) {
      const roles = items(template).map((i) => i.role);
      expect(roles).not.toContain('toggleDevTools');
      expect(roles).not.toContain('reload');
      expect(roles).not.toContain('forceReload');
    }
  });

  it('adds reload and developer tools for a development run', () => {
    const roles = items(menuTemplate('en', fakeActions(), 'linux', { dev: true })).map((i) => i.role);
    expect(roles).toContain('toggleDevTools');
    expect(roles).toContain('reload');
  });
});
