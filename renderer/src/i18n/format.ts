// Dates and numbers through Intl, one convention everywhere: it-IT / en-GB (dd/mm/yyyy), Europe/Rome.
import type { Locale } from '../../../electron/shared/contract';

const TIME_ZONE = 'Europe/Rome';
const intlLocale = (locale: string): string => (locale === 'en' ? 'en-GB' : 'it-IT');
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Building an Intl formatter is costly and long lists (persons table, bed board) format thousands of
// cells: one formatter per locale and option set, made once.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}
const dateFormat = (locale: string, timeZone: string) =>
  cached(`date|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(intlLocale(locale), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone }));

/** A calendar date (`YYYY-MM-DD`) or an instant (ISO timestamp) as dd/mm/yyyy. */
export function formatDate(value: string | null | undefined, locale: Locale | string): string {
  if (!value) return '';
  const calendar = CALENDAR_DATE.exec(value);
  // A calendar date has no time zone: format it as is, never shifted by the local offset.
  if (calendar) {
    const [, y, m, d] = calendar;
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    return dateFormat(locale, 'UTC').format(date);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return dateFormat(locale, TIME_ZONE).format(date);
}

/** An instant's time of day (24 h, hh:mm). */
export function formatTime(value: string | null | undefined, locale: Locale | string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return cached(`time|${locale}`, () => new Intl.DateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: TIME_ZONE })).format(date);
}

/** An instant as `dd/mm/yyyy hh:mm`. */
export function formatDateTime(value: string | null | undefined, locale: Locale | string): string {
  if (!value) return '';
  const date = formatDate(value, locale);
  const time = formatTime(value, locale);
  return time && time !== value ? `${date} ${time}` : date;
}

export function formatNumber(value: number, locale: Locale | string): string {
  return cached(`number|${locale}`, () => new Intl.NumberFormat(intlLocale(locale))).format(value);
}
