// i18next set-up: Italian by default and as fallback; the language follows the signed-in user's locale.
// Keys are typed (see ./i18next.d.ts): a misspelt key fails `tsc -b`. How to add strings: docs/i18n.md.
import i18next, { type ParseKeys } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../electron/shared/contract';
import { en, it } from './resources';

/** A key of the renderer's dictionaries, for tables of labels (e.g. the navigation). */
export type TKey = ParseKeys;

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { it: { translation: it }, en: { translation: en } },
  lng: 'it',
  fallbackLng: 'it',
  supportedLngs: ['it', 'en'],
  initAsync: false,
  interpolation: { escapeValue: false }, // React already escapes
  returnNull: false,
});

/** Switches the interface language and the document's `lang` (screen readers pronounce accordingly). */
export function applyLocale(locale: Locale): void {
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}

/**
 * Translates a key that came from the main process (an error or validation key, a plain string at run time),
 * with a generic fallback. The one place an untyped key is accepted: it is checked with `exists` first.
 */
export function translateKey(key: string | undefined, fallback: 'validation.invalid' | 'errors.INTERNAL' = 'validation.invalid'): string {
  if (key && i18n.exists(key)) return i18n.t(key as never);
  return i18n.t(fallback);
}
