// Calendar dates 'YYYY-MM-DD' (Europe/Rome) and the one counting convention of PRODUCT.md: a period
// [from, to) covers the nights d with from ≤ d < to; a null `to` runs on.
import { addDays as addDaysFns, differenceInCalendarDays, format, isValid, parse } from 'date-fns';

const fromIso = (iso: string) => parse(iso, 'yyyy-MM-dd', new Date(2000, 0, 1));
const toIso = (date: Date) => format(date, 'yyyy-MM-dd');

export const addDays = (iso: string, days: number): string => toIso(addDaysFns(fromIso(iso), days));
/** Nights from `from` to `to` (to − from, in calendar days). */
export const daysBetween = (from: string, to: string): number => differenceInCalendarDays(fromIso(to), fromIso(from));

/** Today's calendar date in Rome, whatever the machine's time zone. */
export function todayInRome(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Do [aFrom, aTo) and [bFrom, bTo) share a night? Null ends run on; an empty period shares nothing. */
export function periodsOverlap(aFrom: string, aTo: string | null, bFrom: string, bTo: string | null): boolean {
  if (aTo !== null && aTo <= aFrom) return false;
  if (bTo !== null && bTo <= bFrom) return false;
  return (bTo === null || aFrom < bTo) && (aTo === null || bFrom < aTo);
}

/** Is the night d inside [from, to)? */
export const coversNight = (from: string, to: string | null, d: string) => from <= d && (to === null || d < to);

/** 'dd/mm/yyyy' as typed → 'YYYY-MM-DD', or null when it is not a real date. */
export function parseItalianDate(typed: string): string | null {
  const trimmed = typed.trim();
  if (!/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(trimmed)) return null;
  const date = parse(trimmed, 'd/M/yyyy', new Date(2000, 0, 1));
  return isValid(date) ? toIso(date) : null;
}

export const formatItalianDate = (iso: string): string => format(fromIso(iso), 'dd/MM/yyyy');
