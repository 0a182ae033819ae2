// Small judgements the person screens show: how close a permit is to expiry, and a person's age. Pure.
import { daysBetween } from '../../../../electron/shared/dates';
import { ageIsEstimated, ageOn as sharedAgeOn } from '../../../../electron/shared/guest-rules';

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

/** Age in whole years on `today` (the shared guest rules' age), marked approximate when only the year is known. */
export function ageOn(today: string, birthDate: string | null, birthYear: number | null): { years: number; approximate: boolean } | null {
  const years = sharedAgeOn({ birthDate, birthYear }, today);
  return years === null || years < 0 ? null : { years, approximate: ageIsEstimated({ birthDate, birthYear }) };
}
