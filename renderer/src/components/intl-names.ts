// Country and language names in the interface language, from Intl.DisplayNames (never hand-written tables),
// and the sorted option lists the selects show. No DOM or React: unit tests read this file in Node.
import { COUNTRY_CODES } from '../../../electron/shared/countries';
import { LANGUAGE_CODES } from './language-codes';

export interface NameOption {
  value: string;
  label: string;
}

const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : 'it-IT');
const displayNames = new Map<string, Intl.DisplayNames>();

function namesFor(locale: string, type: 'region' | 'language'): Intl.DisplayNames {
  const key = `${locale}:${type}`;
  let names = displayNames.get(key);
  if (!names) {
    names = new Intl.DisplayNames([intlLocale(locale)], { type, fallback: 'code' });
    displayNames.set(key, names);
  }
  return names;
}

/** A country's name, or its code when the runtime does not know it. */
export function countryName(code: string | null | undefined, locale: string): string {
  if (!code) return '';
  try {
    return namesFor(locale, 'region').of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageName(code: string | null | undefined, locale: string): string {
  if (!code) return '';
  try {
    const name = namesFor(locale, 'language').of(code) ?? code;
    // Italian names come lower-case ("arabo"); a list reads better capitalised.
    return name.charAt(0).toLocaleUpperCase(intlLocale(locale)) + name.slice(1);
  } catch {
    return code;
  }
}

const optionCache = new Map<string, NameOption[]>();

function sortedOptions(key: string, codes: readonly string[], name: (code: string) => string, locale: string): NameOption[] {
  let options = optionCache.get(key);
  if (!options) {
    const collator = new Intl.Collator(intlLocale(locale));
    options = codes.map((value) => ({ value, label: name(value) })).sort((a, b) => collator.compare(a.label, b.label));
    optionCache.set(key, options);
  }
  return options;
}

export const countryOptions = (locale: string): NameOption[] =>
  sortedOptions(`country:${locale}`, COUNTRY_CODES, (code) => countryName(code, locale), locale);

export const languageOptions = (locale: string): NameOption[] =>
  sortedOptions(`language:${locale}`, LANGUAGE_CODES, (code) => languageName(code, locale), locale);

/** Lower case without accents: what a search box compares, so "Cote" finds "Côte d’Avorio". */
export const foldForSearch = (value: string): string => value.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
