// A referral's "received at" as desk staff type it (a date and a time in Rome) and as sent to the register:
// the same wall-clock time with Rome's offset, so the date part stays the local day and the instant is exact.

const ROME = 'Europe/Rome';

/** Rome's offset from UTC, in minutes, at an instant (60 in winter, 120 in summer). */
function romeOffsetMinutes(ms: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: ROME, timeZoneName: 'longOffset' })
    .formatToParts(new Date(ms))
    .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** Now as Rome's wall clock: 'YYYY-MM-DDTHH:mm'. */
export function romeWallClock(now = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: ROME, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** 'YYYY-MM-DDTHH:mm' on Rome's wall clock → 'YYYY-MM-DDTHH:mm:00+01:00' (or +02:00 in summer time); null if malformed. */
export function withRomeOffset(wallClock: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wallClock);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // The offset depends on the instant we are computing: take it at the first guess, then check it there.
  let offset = romeOffsetMinutes(asUtc - romeOffsetMinutes(asUtc) * 60_000);
  if (romeOffsetMinutes(asUtc - offset * 60_000) !== offset) offset = romeOffsetMinutes(asUtc);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wallClock}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** "21:30", "21.30" or "2130" → "21:30"; null when it is not a time of day. */
export function normaliseTime(typed: string): string | null {
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(typed.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? `${String(hours).padStart(2, '0')}:${match[2]}` : null;
}
