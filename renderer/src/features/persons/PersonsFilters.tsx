// The persons register's search box and filters. The search is sent as typed (debounced by the page): the
// register compares names, codes and fiscal codes without accents or case.
import { Box, Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PERSON_STATUSES } from '../../../../electron/shared/channels/people';
import { GENDERS, VULNERABILITIES } from '../../../../electron/shared/domain';
import { CountrySelect } from '../../components/CountrySelect';
import { vocabOptions } from '../../components/vocab';
import { useChannel } from '../../ipc/use-channel';
import { activeFilterCount, NO_FILTERS, type PersonFilters } from './persons-query';

interface PersonsFiltersProps {
  search: string;
  onSearchChange: (value: string) => void;
  filters: PersonFilters;
  onFiltersChange: (filters: PersonFilters) => void;
}

export function PersonsFilters({ search, onSearchChange, filters, onFiltersChange }: PersonsFiltersProps) {
  const { t } = useTranslation();
  const structures = useChannel('structures.list', { includeInactive: true });
  const set = <K extends keyof PersonFilters>(key: K, value: PersonFilters[K]) => onFiltersChange({ ...filters, [key]: value });
  const count = activeFilterCount(filters);

  return (
    <Box role="search" aria-label={t('persons.search')}>
      <TextInput
        type="search"
        label={t('persons.search')}
        description={t('persons.searchHint')}
        value={search}
        onChange={(event) => onSearchChange(event.currentTarget.value)}
        autoComplete="off"
        spellCheck={false}
        data-testid="persons-search"
        mb="xs"
        maw={520}
      />
      <SimpleGrid cols={{ base: 1, xs: 2, sm: 3, lg: 6 }} spacing="sm" role="group" aria-label={t('persons.filters')}>
        <Select
          label={t('persons.filterStructure')}
          placeholder={t('persons.any')}
          clearable
          searchable
          data={(structures.value ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
          value={filters.structureId === null ? null : String(filters.structureId)}
          onChange={(value) => set('structureId', value ? Number(value) : null)}
          data-testid="filter-structure"
        />
        <Select
          label={t('persons.filterStatus')}
          placeholder={t('persons.any')}
          clearable
          data={vocabOptions(t, 'personStatuses', PERSON_STATUSES)}
          value={filters.status}
          onChange={(value) => set('status', (value as PersonFilters['status']) ?? null)}
          data-testid="filter-status"
        />
        <Select
          label={t('persons.filterGender')}
          placeholder={t('persons.any')}
          clearable
          data={vocabOptions(t, 'genders', GENDERS)}
          value={filters.gender}
          onChange={(value) => set('gender', (value as PersonFilters['gender']) ?? null)}
          data-testid="filter-gender"
        />
        <CountrySelect
          label={t('persons.filterNationality')}
          placeholder={t('persons.any')}
          value={filters.nationality}
          onChange={(value) => set('nationality', value ?? null)}
          data-testid="filter-nationality"
        />
        <Select
          label={t('persons.filterVulnerability')}
          placeholder={t('persons.any')}
          clearable
          searchable
          data={vocabOptions(t, 'vulnerabilities', VULNERABILITIES)}
          value={filters.vulnerability}
          onChange={(value) => set('vulnerability', (value as PersonFilters['vulnerability']) ?? null)}
          data-testid="filter-vulnerability"
        />
        <Select
          label={t('persons.filterPermit')}
          placeholder={t('persons.any')}
          clearable
          data={[
            { value: '30', label: t('persons.permitWithin30') },
            { value: '60', label: t('persons.permitWithin60') },
          ]}
          value={filters.permitWithinDays === null ? null : String(filters.permitWithinDays)}
          onChange={(value) => set('permitWithinDays', value === '30' ? 30 : value === '60' ? 60 : null)}
          data-testid="filter-permit"
        />
      </SimpleGrid>
      {count > 0 && (
        <Group mt="xs">
          <Button variant="subtle" size="xs" onClick={() => onFiltersChange({ ...NO_FILTERS, query: filters.query })}>
            {t('persons.clearFilters', { count })}
          </Button>
        </Group>
      )}
    </Box>
  );
}
