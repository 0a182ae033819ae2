// The dictionaries agree with each other and cover every message key the main process or the UI can produce.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it as test } from 'vitest';
import { ERROR_CODES } from '../../electron/shared/errors';
import { en as enDictionary, it as itDictionary } from '../../renderer/src/i18n/resources';

const root = resolve(__dirname, '../..');
type Tree = { [key: string]: string | Tree };

// Importing the dictionaries runs their assembly, which throws if two feature dictionaries define the same section.
const it: Tree = itDictionary;
const en: Tree = enDictionary;

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const dictionaries = { it: leaves(it), en: leaves(en) };

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

function keysIn(files: string[], pattern: RegExp): Set<string> {
  const keys = new Set<string>();
  for (const file of files) for (const match of readFileSync(file, 'utf8').matchAll(pattern)) keys.add(match[1]!);
  return keys;
}

/** A key exists if it is a leaf, or (for counts) its plural forms are. */
const hasKey = (dict: Map<string, string>, key: string) => dict.has(key) || (dict.has(`${key}_one`) && dict.has(`${key}_other`));

describe('translations', () => {
  test('Italian and English have exactly the same keys', () => {
    expect([...dictionaries.en.keys()].sort()).toEqual([...dictionaries.it.keys()].sort());
  });

  test('no translation is empty', () => {
    for (const [locale, dict] of Object.entries(dictionaries))
      for (const [key, value] of dict) expect(value.trim(), `${locale}: ${key}`).not.toBe('');
  });

  test('every error code has a message in both languages', () => {
    for (const code of ERROR_CODES)
      for (const [locale, dict] of Object.entries(dictionaries)) expect(dict.has(`errors.${code}`), `${locale}: errors.${code}`).toBe(true);
  });

  test('every validation key the main process can send is translated in both languages', () => {
    const sources = [
      ...filesUnder(join(root, 'electron/shared'), /\.ts$/),
      join(root, 'electron/core/ipc/dispatch.ts'),
    ];
    const keys = keysIn(sources, /['"`](validation\.[A-Za-z0-9_]+)['"`]/g);
    for (const generic of ['validation.unexpectedField', 'validation.tooLong', 'validation.required', 'validation.invalid'])
      expect(keys.has(generic), `dispatch no longer uses ${generic}?`).toBe(true);
    expect(keys.size).toBeGreaterThan(8);
    for (const key of keys)
      for (const [locale, dict] of Object.entries(dictionaries)) expect(dict.has(key), `${locale}: ${key}`).toBe(true);
  });

  test('every literal key the renderer translates exists', () => {
    const sources = filesUnder(join(root, 'renderer/src'), /\.tsx?$/);
    const keys = keysIn(sources, /\bt\(\s*'([a-zA-Z]+\.[A-Za-z0-9_.]+)'/g);
    expect(keys.size).toBeGreaterThan(50);
    for (const key of keys) expect(hasKey(dictionaries.it, key), key).toBe(true);
  });
});

describe('plurals through i18next', () => {
  test('says "1 anno" and "9 anni", "1 year old" and "9 years old", never "1 anni"', async () => {
    const i18next = (await import('i18next')).default.createInstance();
    await i18next.init({ resources: { it: { translation: it }, en: { translation: en } }, lng: 'it', fallbackLng: 'it', interpolation: { escapeValue: false } });
    expect(i18next.t('referrals.ageYears', { count: 1 })).toBe('1 anno');
    expect(i18next.t('referrals.ageYears', { count: 9 })).toBe('9 anni');
    expect(i18next.t('admission.age', { count: 1 })).toBe('1 anno');
    expect(i18next.t('admission.doneSummary', { count: 1, date: '08/12/2026' })).toBe('1 persona accolta dal 08/12/2026');
    expect(i18next.t('referrals.ageYears', { count: 1, lng: 'en' })).toBe('1 year old');
    expect(i18next.t('referrals.ageYears', { count: 9, lng: 'en' })).toBe('9 years old');
  });
});
