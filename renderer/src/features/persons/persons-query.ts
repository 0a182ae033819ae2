// The persons register's query: filters, search and sort as the table holds them → one persons.search
// input per page. Pure (no React): the unit tests read it.
import type { ChannelInput } from '../../../../electron/shared/contract';
import { PERSON_SORTS, type PERSON_STATUSES } from '../../../../electron/shared/channels/people';
import type { Gender, VULNERABILITIES } from '../../../../electron/shared/domain';

export const PAGE_SIZE = 100;
/** Load the next page when the last row on screen is this close to the end of what is loaded. */
export const LOAD_AHEAD = 40;

export type PersonSort = (typeof PERSON_SORTS)[number];

export interface PersonFilters {
  query: string;
  structureId: number | null;
  status: (typeof PERSON_STATUSES)[number] | null;
  gender: Gender | null;
  nationality: string | null;
  vulnerability: (typeof VULNERABILITIES)[number] | null;
  /** Permits expiring within 30 or 60 days (already expired included). */
  permitWithinDays: 30 | 60 | null;
}

export const NO_FILTERS: PersonFilters = {
  query: '',
  structureId: null,
  status: null,
  gender: null,
  nationality: null,
  vulnerability: null,
  permitWithinDays: null,
};

export interface SortState {
  id: string;
  desc: boolean;
}

export const DEFAULT_SORT: SortState = { id: 'code', desc: false };

export const isSortable = (columnId: string): columnId is PersonSort => (PERSON_SORTS as readonly string[]).includes(columnId);

/** The persons.search input for one page. Empty filters are left out, so the register applies none. */
export function searchInput(filters: PersonFilters, sort: SortState, offset: number, limit = PAGE_SIZE): ChannelInput<'persons.search'> {
  const input: ChannelInput<'persons.search'> = {
    query: filters.query.trim(),
    sort: isSortable(sort.id) ? sort.id : DEFAULT_SORT.id as PersonSort,
    direction: sort.desc ? 'desc' : 'asc',
    offset,
    limit,
  };
  if (filters.structureId !== null) input.structureId = filters.structureId;
  if (filters.status) input.status = filters.status;
  if (filters.gender) input.gender = filters.gender;
  if (filters.nationality) input.nationality = filters.nationality;
  if (filters.vulnerability) input.vulnerability = filters.vulnerability;
  if (filters.permitWithinDays !== null) input.permitExpiringWithinDays = filters.permitWithinDays;
  return input;
}

/** Whether scrolling has come near enough to the end of the loaded rows to ask for the next page. */
export function needsNextPage(lastVisibleIndex: number, loaded: number, total: number | null, busy: boolean): boolean {
  if (busy || total === null || loaded >= total) return false;
  return lastVisibleIndex >= loaded - LOAD_AHEAD;
}

export const activeFilterCount = (filters: PersonFilters): number =>
  [filters.structureId, filters.status, filters.gender, filters.nationality, filters.vulnerability, filters.permitWithinDays].filter((v) => v !== null).length;
