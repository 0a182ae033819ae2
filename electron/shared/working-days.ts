// Working days and Italian public holidays, for the summary's timeliness (docs/summary.md › Timeliness):
// an entry or exit is on time when the Rome calendar day it was recorded is on or before the third working
// day after its date. Pure (no Node import): the renderer may use it too. Dates are 'YYYY-MM-DD'.
import { addDays, romeInstant, todayInRome } from './dates';

export interface WorkingDayOptions {
  /** 24 June (Saint John, Turin's patron saint) is a holiday: the register's setting, on by default. */
  saintJohn: boolean;
}

export const DEFAULT_WORKING_DAY_OPTIONS: WorkingDayOptions = { saintJohn: true };

/** The working days an entry or exit may take to be recorded on time. */
export const TIMELY_WORKING_DAYS = 3;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/**
 * Easter Sunday of a Gregorian year: the anonymous Gregorian algorithm (Meeus/Jones/Butcher), valid for
 * every year of the Gregorian calendar.
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** The fixed national holidays, as 'MM-DD'. 4 October (Saint Francis) is added from 2026 (Law 151/2025). */
const FIXED = ['01-01', '01-06', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26'] as const;
const SAINT_FRANCIS_FROM = 2026;
/** One-off national holidays: 17 March 2011, the 150th anniversary of Italy's unification (DL 5/2011). */
const ONE_OFF = ['2011-03-17'];

/** The Italian public holidays of a year, sorted, each once (Easter Monday can fall on 25 April; Easter
 * Sunday is a Sunday anyway and not listed). */
export function italianHolidays(year: number, options: WorkingDayOptions = DEFAULT_WORKING_DAY_OPTIONS): string[] {
  const days = new Set<string>(FIXED.map((md) => `${year}-${md}`));
  days.add(addDays(easterSunday(year), 1));
  if (year >= SAINT_FRANCIS_FROM) days.add(`${year}-10-04`);
  if (options.saintJohn) days.add(`${year}-06-24`);
  for (const day of ONE_OFF) if (day.startsWith(`${year}-`)) days.add(day);
  return [...days].sort();
}

// The holidays of a year are asked again and again (every day of every entry of a month): kept per year and option.
const holidayCache = new Map<string, ReadonlySet<string>>();
function holidaySet(year: number, options: WorkingDayOptions): ReadonlySet<string> {
  const key = `${year}:${options.saintJohn ? 1 : 0}`;
  let set = holidayCache.get(key);
  if (!set) {
    set = new Set(italianHolidays(year, options));
    holidayCache.set(key, set);
  }
  return set;
}

export function isHoliday(date: string, options: WorkingDayOptions = DEFAULT_WORKING_DAY_OPTIONS): boolean {
  return holidaySet(Number(date.slice(0, 4)), options).has(date);
}

/** Day of the week of a calendar date, 0 = Sunday … 6 = Saturday (computed in UTC: no time zone can shift it). */
function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Monday to Friday, and not a public holiday. */
export function isWorkingDay(date: string, options: WorkingDayOptions = DEFAULT_WORKING_DAY_OPTIONS): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !isHoliday(date, options);
}

/**
 * The n-th working day after `date` (n ≥ 0; `date` itself never counts: with n = 0 the date is returned as
 * it is). So from Friday 29 March 2024 (Easter Monday on 1 April), 3 working days later is Thursday 4 April.
 */
export function addWorkingDays(date: string, n: number, options: WorkingDayOptions = DEFAULT_WORKING_DAY_OPTIONS): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays: n must be a whole number ≥ 0, got ${n}`);
  let day = date;
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, options)) left -= 1;
  }
  return day;
}

/**
 * Was an entry or exit dated `eventDate` recorded on time? The Rome calendar day of `recordedAt` (an ISO
 * instant) must be on or before the third working day after the event's date; a recording before the date
 * (an exit planned and saved ahead) is on time. Null when the recording time is unknown or unreadable.
 */
export function recordedOnTime(eventDate: string, recordedAt: string | null, options: WorkingDayOptions = DEFAULT_WORKING_DAY_OPTIONS): boolean | null {
  if (!recordedAt) return null;
  const instant = romeInstant(recordedAt);
  if (!instant) return null;
  return todayInRome(instant) <= addWorkingDays(eventDate, TIMELY_WORKING_DAYS, options);
}
