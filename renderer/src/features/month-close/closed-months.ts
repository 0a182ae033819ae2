// Which closed months a date entered or corrected in a form would change (docs/summary.md › Month close and
// amendments), and the list of closed months itself, read once per session and shared by every form.
// No DOM or React here: the unit tests run it in Node.
import { nextMonth, todayInRome } from '../../../../electron/shared/dates';
import { call } from '../../ipc/client';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The stretch of time a change touches. A date moved from one day to another changes the figures of every month
 * between them (the nights, who was open at the start and end of each); a new entry, an exit or a move of a
 * stay still open changes every month from its date to today (`untilToday`). Without `to` nor `untilToday`,
 * the month of `from` only. A date that is missing or not a date yet (still being typed) touches nothing.
 */
export interface Span {
  from: string | null | undefined;
  to?: string | null | undefined;
  untilToday?: boolean;
}

const monthOf = (date: string) => date.slice(0, 7);

/** The closed months (sorted, 'YYYY-MM') inside any of the spans, oldest first. */
export function closedMonthsTouched(closed: readonly string[], spans: readonly Span[], today: string = todayInRome()): string[] {
  const closedSet = new Set(closed);
  const out = new Set<string>();
  for (const span of spans) {
    const ends = [span.from, span.to, span.untilToday ? today : undefined].filter((d): d is string => typeof d === 'string' && ISO_DATE.test(d));
    // A span needs its own date: `to` alone (the old value of a date being cleared) touches nothing.
    if (!(typeof span.from === 'string' && ISO_DATE.test(span.from))) continue;
    ends.sort();
    const last = monthOf(ends[ends.length - 1]!);
    for (let month = monthOf(ends[0]!); month <= last; month = nextMonth(month)) if (closedSet.has(month)) out.add(month);
  }
  return [...out].sort();
}

// ——— The closed months of the open register, shared by every form.
//
// Read once and kept; each form that shows the notice asks again when it opens (the list is short: one row
// per closed month), so a month closed meanwhile, in this window or another, shows at the next form. The
// summary page calls refreshClosedMonths() after closing a month.

type Listener = () => void;
let months: readonly string[] = [];
let loaded = false;
let pending: Promise<void> | null = null;
const listeners = new Set<Listener>();

function publish(next: readonly string[]): void {
  const changed = !loaded || next.length !== months.length || next.some((m, i) => m !== months[i]);
  loaded = true;
  if (!changed) return;
  months = next;
  listeners.forEach((listener) => listener());
}

/** Reads the list again (at most one read at a time); on a refusal (locked, signed out) keeps what it had. */
export function refreshClosedMonths(): Promise<void> {
  pending ??= call('summary.closedMonths', {}).then((result) => {
    pending = null;
    if (result.ok) publish(result.value);
  });
  return pending;
}

export const closedMonthsStore = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  snapshot: (): readonly string[] => months,
};
