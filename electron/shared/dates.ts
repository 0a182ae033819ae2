// Calendar dates 'YYYY-MM-DD' (Europe/Rome) and the one counting convention (docs/domain.md › Dates and nights): a period
// [from, to) covers the nights d with from ≤ d < to; a null `to` runs on.
import { addDays as addDaysFns, differenceInCalendarDays, format, isValid, parse } from 'date-fns';

const fromIso = (iso: string) => parse(iso, 'yyyy-MM-dd', new Date(2000, 0, 1));
const toIso = (date: Date) => format(date, 'yyyy-MM-dd');

export const addDays = (iso: string, days: number): string => toIso(addDaysFns(fromIso(iso), days));
/** Nights from `from` to `to` (to − from, in calendar days). */
export const daysBetween = (from: string, to: string): number => differenceInCalendarDays(fromIso(to), fromIso(from));

// ——— Rome's wall clock. Every date and time of the register is Rome's: the one conversion between an instant
// and Rome's wall clock (offset +01:00 in winter, +02:00 in summer) is here, for main and renderer alike.

const ROME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Rome', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** Rome's wall clock at an instant, as numbers. */
function romeParts(at: number): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(ROME.formatToParts(at).map((part) => [part.type, Number(part.value)]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Minutes Rome is ahead of UTC at that instant (60 or 120). */
export function romeOffsetMinutes(at: number): number {
  const p = romeParts(at);
  return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at / 1000) * 1000) / 60_000);
}

/** Now (or `now`) on Rome's wall clock: 'YYYY-MM-DDTHH:mm'. */
export function romeWallClock(now = new Date()): string {
  const p = romeParts(now.getTime());
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** Today's calendar date in Rome, whatever the machine's time zone. */
export const todayInRome = (now = new Date()): string => romeWallClock(now).slice(0, 10);

/**
 * An ISO date-time as an instant. With a zone ('Z', '+01:00') it is taken as written; without one it is
 * a Rome wall-clock time (what the desk typed), and a bare date is Rome midnight. Null when not a real time.
 */
export function romeInstant(value: string): Date | null {
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', s = '0', ms = '0'] = m.slice(1).map((v) => v ?? undefined) as string[];
  const wall = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s, +ms.padEnd(3, '0'));
  const check = new Date(wall);
  if (check.getUTCFullYear() !== +y! || check.getUTCMonth() !== +mo! - 1 || check.getUTCDate() !== +d! || +h > 23 || +mi > 59 || +s > 59) return null;
  // The offset at the wall time itself, corrected once for the hours around a DST change.
  const first = wall - romeOffsetMinutes(wall) * 60_000;
  return new Date(wall - romeOffsetMinutes(first) * 60_000);
}

/** 'YYYY-MM-DDTHH:mm' on Rome's wall clock → 'YYYY-MM-DDTHH:mm:00+01:00' (or +02:00 in summer time); null if malformed.
 * The date part stays the local day and the instant is exact. */
export function withRomeOffset(wallClock: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(wallClock)) return null;
  const instant = romeInstant(wallClock);
  if (!instant) return null;
  const offset = Math.round((Date.parse(`${wallClock}:00Z`) - instant.getTime()) / 60_000);
  return `${wallClock}:00${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
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

// ——— Months 'YYYY-MM' (the summary's, the month close's and the forms' closed-month notice)

/** The month after ('YYYY-MM'). */
export function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** The days of a month 'YYYY-MM': its first and last day and how many there are (28 to 31). */
export function monthRange(month: string): { from: string; to: string; days: number } {
  const to = addDays(`${nextMonth(month)}-01`, -1);
  return { from: `${month}-01`, to, days: Number(to.slice(8, 10)) };
}

/** A month's name with its year ("marzo 2026", "March 2026"; `short`: "mar 2026"), as written mid-sentence. */
export function monthName(month: string, locale: string, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'it-IT', { month: style, year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${month}-01T00:00:00Z`));
}
