// A referral's "received at" as desk staff type it: a time of day (the date and Rome's offset are
// electron/shared/dates.ts: romeWallClock, withRomeOffset).
/** "21:30", "21.30" or "2130" → "21:30"; null when it is not a time of day. */
export function normaliseTime(typed: string): string | null {
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(typed.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? `${String(hours).padStart(2, '0')}:${match[2]}` : null;
}
