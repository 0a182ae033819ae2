// Persone: the register of guests — search, filters, SQL-sorted and virtualised table, column choice —
// and the way to register a new person.
import { Button, Group, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ColumnVisibilityState } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, type Route } from '../../app/navigation';
import { FormAlert } from '../../components/forms';
import { PageTitle } from '../../components/PageTitle';
import { DEFAULT_HIDDEN } from './person-columns';
import { PersonsFilters } from './PersonsFilters';
import { DEFAULT_SORT, NO_FILTERS, type PersonFilters, type SortState } from './persons-query';
import { PersonsTable } from './PersonsTable';
import { usePersonPages } from './use-person-pages';

const COLUMNS_KEY = 'approdo.persons.columns';

/** Which columns are shown is a preference of this computer, not register data: it may live in localStorage. */
function storedVisibility(): ColumnVisibilityState {
  try {
    const stored = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null') as unknown;
    if (stored && typeof stored === 'object' && !Array.isArray(stored)) {
      return Object.fromEntries(Object.entries(stored).filter(([, v]) => typeof v === 'boolean')) as ColumnVisibilityState;
    }
  } catch {
    // A damaged preference falls back to the default columns.
  }
  return Object.fromEntries(DEFAULT_HIDDEN.map((id) => [id, false]));
}

// Filters and sort survive moving between pages, so coming back to the register finds the same view. The
// search text does not: it may hold a name, and nothing typed about a person outlives its screen.
let lastView: { filters: PersonFilters; sort: SortState } = { filters: NO_FILTERS, sort: DEFAULT_SORT };

export function PersonsPage(props: { route: Route }) {
  void props;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [filterState, setFilters] = useState<PersonFilters>(lastView.filters);
  const [sort, setSort] = useState<SortState>(lastView.sort);
  const [visibility, setVisibility] = useState<ColumnVisibilityState>(storedVisibility);
  const filters = useMemo(() => ({ ...filterState, query: debounced }), [filterState, debounced]);
  useEffect(() => {
    lastView = { filters: filterState, sort };
  }, [filterState, sort]);
  const pages = usePersonPages(filters, sort);

  const changeVisibility = (next: ColumnVisibilityState) => {
    setVisibility(next);
    try {
      localStorage.setItem(COLUMNS_KEY, JSON.stringify(next));
    } catch {
      // Not being able to remember the choice is no reason to refuse it.
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <PageTitle>{t('persons.title')}</PageTitle>
        <Button onClick={() => navigate({ area: 'personNew' })} data-testid="person-new">
          {t('persons.new')}
        </Button>
      </Group>
      <PersonsFilters search={search} onSearchChange={setSearch} filters={filterState} onFiltersChange={setFilters} />
      <FormAlert messageKey={pages.error?.messageKey ?? null} />
      <PersonsTable
        rows={pages.rows}
        total={pages.total}
        loading={pages.loading}
        sort={sort}
        onSortChange={setSort}
        columnVisibility={visibility}
        onColumnVisibilityChange={changeVisibility}
        onLoadMore={pages.loadMore}
        onOpen={(personId) => navigate({ area: 'person', personId })}
        queryKey={JSON.stringify({ filters, sort })}
      />
    </Stack>
  );
}
