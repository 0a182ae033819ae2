// i18next set-up: Italian by default and as fallback; the language follows the signed-in user's locale.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../electron/shared/contract';
import { en } from './en';
import { it } from './it';

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

/** Translates a key that came from the main process (error or validation), with a generic fallback. */
export function translateKey(key: string | undefined, fallback = 'validation.invalid'): string {
  if (key && i18n.exists(key)) return i18n.t(key);
  return i18n.t(fallback);
}
