// Small judgements the person screens show: how close a permit is to expiry, and a person's age. Pure.
import { daysBetween } from '../../../../electron/shared/dates';

export type PermitState = 'expired' | 'within30' | 'within60' | null;

/** Expired (the expiry day itself counts as expired), within 30 or 60 days, or nothing to flag. */
export function permitState(expiry: string | null, today: string): PermitState {
  if (!expiry) return null;
  const days = daysBetween(today, expiry);
  if (days <= 0) return 'expired';
  if (days <= 30) return 'within30';
  if (days <= 60) return 'within60';
  return null;
}

export const PERMIT_COLORS: Record<Exclude<PermitState, null>, string> = { expired: 'red', within30: 'orange', within60: 'yellow' };

/** Age in whole years on `today`, from the birth date or, failing that, the estimated year (then approximate). */
export function ageOn(today: string, birthDate: string | null, birthYear: number | null): { years: number; approximate: boolean } | null {
  if (birthDate) {
    const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
    const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
    const years = ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
    return years >= 0 ? { years, approximate: false } : null;
  }
  if (birthYear !== null) {
    const years = Number(today.slice(0, 4)) - birthYear;
    return years >= 0 ? { years, approximate: true } : null;
  }
  return null;
}
