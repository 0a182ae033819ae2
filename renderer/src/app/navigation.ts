// In-app navigation between areas (no URL routing: the window shows one app page). Every screen that
// links to another uses `useNavigate()`; AppLayout renders the area of the current route.
import { createContext, useContext } from 'react';

export type Route =
  | { area: 'home' }
  | { area: 'today' }
  /** The bed board at a date; from the summary's warnings also a month's view of one structure. */
  | { area: 'board'; date?: string; view?: 'week' | 'month'; structureId?: number }
  | { area: 'persons' }
  | { area: 'person'; personId: number }
  | { area: 'personNew'; referralId?: number }
  | { area: 'structures' }
  | { area: 'structure'; structureId: number }
  | { area: 'referrals'; referralId?: number }
  /** Admission: from a referral (with matching), from a free cell of the bed board, or from a person. */
  | { area: 'admission'; referralId?: number; placeId?: number; date?: string; personId?: number }
  | { area: 'services' }
  | { area: 'backups' }
  | { area: 'retention' }
  | { area: 'contributions' }
  | { area: 'contribution'; contributionId: number }
  /** A new contribution for the person's household (a household of one when the person has none). */
  | { area: 'contributionNew'; personId: number }
  | { area: 'budget' }
  | { area: 'contributionRules' }
  /** The monthly summary of a month ('YYYY-MM'); the last complete month when none. */
  | { area: 'summary'; month?: string }
  | { area: 'settings' };

export type Area = Route['area'];

export const NavigationContext = createContext<((route: Route) => void) | null>(null);

export function useNavigate(): (route: Route) => void {
  const navigate = useContext(NavigationContext);
  if (!navigate) throw new Error('useNavigate outside AppLayout');
  return navigate;
}
