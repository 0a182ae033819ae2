// The availability answer (places.available) for the screens: which places take someone from a date,
// with their free runs; the bed board's free cells, the admission's and transfer's pickers all read it.
import { useEffect, useState } from 'react';
import type { AvailablePlace } from '../../../../electron/shared/channels/places';
import { call } from '../../ipc/client';

export function useAvailablePlaces(from: string | null, personId?: number, to?: string | null, structureId?: number): { places: AvailablePlace[]; loading: boolean } {
  const key = from ? `${from}|${to ?? ''}|${personId ?? ''}|${structureId ?? ''}` : '';
  const [state, setState] = useState<{ key: string; places: AvailablePlace[] } | null>(null);
  useEffect(() => {
    if (!from) return;
    let current = true;
    void call('places.available', {
      from, to: to ?? null, guests: personId === undefined ? [] : [{ personId }], ...(structureId === undefined ? {} : { structureId }),
    }).then((result) => {
      if (current && result.ok) setState({ key, places: result.value.places });
    });
    return () => {
      current = false;
    };
  }, [key]);
  return { places: state?.key === key ? state.places : [], loading: !!key && state?.key !== key };
}
