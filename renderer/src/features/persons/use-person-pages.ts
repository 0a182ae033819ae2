// Loads the persons register page by page (offset/limit, in SQL) for one query; a new query starts over.
// Answers to an older query are dropped, so a quick typist never sees rows of a search they already left.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PersonRow } from '../../../../electron/shared/channels/people';
import type { ErrorBody } from '../../../../electron/shared/errors';
import { call } from '../../ipc/client';
import { PAGE_SIZE, searchInput, type PersonFilters, type SortState } from './persons-query';

export interface PersonPages {
  rows: PersonRow[];
  total: number | null;
  loading: boolean;
  error: ErrorBody | null;
  loadMore: () => void;
}

const NO_ROWS: PersonRow[] = [];

export function usePersonPages(filters: PersonFilters, sort: SortState): PersonPages {
  const [rows, setRows] = useState<PersonRow[]>(NO_ROWS);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ErrorBody | null>(null);
  const generation = useRef(0);
  const busy = useRef(false);
  // A page that failed is not asked for again by scrolling (that would loop); a new query clears this.
  const stalled = useRef(false);
  const loaded = useRef({ rows: NO_ROWS, total: null as number | null });
  const key = JSON.stringify({ filters, sort });

  const fetchPage = useCallback(
    async (offset: number) => {
      const mine = generation.current;
      busy.current = true;
      setLoading(true);
      const parsed = JSON.parse(key) as { filters: PersonFilters; sort: SortState };
      const result = await call('persons.search', searchInput(parsed.filters, parsed.sort, offset, PAGE_SIZE));
      if (mine !== generation.current) return;
      busy.current = false;
      setLoading(false);
      if (!result.ok) {
        stalled.current = true;
        setError(result.error);
        return;
      }
      setError(null);
      // A person registered meanwhile shifts the offsets by one: never show the same row twice.
      const seen = new Set(offset === 0 ? [] : loaded.current.rows.map((row) => row.id));
      const fresh = result.value.rows.filter((row) => !seen.has(row.id));
      const next = offset === 0 ? fresh : [...loaded.current.rows, ...fresh];
      loaded.current = { rows: next, total: result.value.total };
      setRows(next);
      setTotal(result.value.total);
    },
    [key],
  );

  useEffect(() => {
    generation.current += 1;
    // The previous rows stay on screen (marked busy) until the new first page arrives: no flash of empty.
    loaded.current = { rows: NO_ROWS, total: null };
    stalled.current = false;
    void fetchPage(0);
    return () => {
      generation.current += 1;
      busy.current = false;
    };
  }, [fetchPage]);

  const loadMore = useCallback(() => {
    const { rows: have, total: all } = loaded.current;
    if (busy.current || stalled.current || all === null || have.length >= all) return;
    void fetchPage(have.length);
  }, [fetchPage]);

  return { rows, total, loading, error, loadMore };
}
