// The places someone can be put in over a range of nights (active, in service, unoccupied), read from the
// bed board of the whole register; used by the admission and the transfer.
import { useEffect, useMemo, useState } from 'react';
import type { BoardPlace } from '../../../../electron/shared/channels/places';
import { call } from '../../ipc/client';
import { freePlaces, type BoardData, type NightRange } from './board-model';

export interface FreePlaces {
  free: BoardPlace[];
  /** Every place on the board for the range, to name a chosen place that is not free. */
  allPlaces: Map<number, BoardPlace>;
  loading: boolean;
}

export function useFreePlaces(range: NightRange | null): FreePlaces {
  const [board, setBoard] = useState<{ key: string; data: BoardData } | null>(null);
  const key = range ? `${range.from}|${range.to}` : '';
  useEffect(() => {
    if (!key) return;
    const [from, to] = key.split('|') as [string, string];
    let current = true;
    void call('board.get', { from, to }).then((result) => {
      if (current && result.ok) setBoard({ key, data: result.value });
    });
    return () => {
      current = false;
    };
  }, [key]);
  const free = useMemo(() => (board && range ? freePlaces(board.data, range) : []), [board, range]);
  const allPlaces = useMemo(() => new Map((board?.data.places ?? []).map((p) => [p.placeId, p])), [board]);
  return { free, allPlaces, loading: !!key && board?.key !== key };
}
