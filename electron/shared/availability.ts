// Reading the availability answer (places.available, electron/core/services/availability.ts) the same
// way in the main process and the renderer.
import type { AvailablePlace } from './channels/places';

/** Does the place take someone from the night `from`? Then until which night (null: open-ended). */
export function takesFrom(place: Pick<AvailablePlace, 'free'>, from: string): { until: string | null } | null {
  const first = place.free[0];
  return first && first.from === from ? { until: first.until } : null;
}
