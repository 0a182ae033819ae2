// Finds a person by name, code or fiscal code (persons.search, in SQL) and picks one. Restricted persons
// are offered by their code only, as in every list.
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRow } from '../../../electron/shared/channels/people';
import { call } from '../ipc/client';

interface PersonPickerProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter'> {
  value: PersonRow | null;
  onChange: (person: PersonRow | null) => void;
  /** Persons not to offer (e.g. those already in the household). */
  excludeIds?: readonly number[];
}

export function personLabel(row: { code: string; displayName: string | null }, restrictedWord: string): string {
  return row.displayName ? `${row.code} · ${row.displayName}` : `${row.code} (${restrictedWord})`;
}

export function PersonPicker({ value, onChange, excludeIds = [], ...rest }: PersonPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [rows, setRows] = useState<PersonRow[]>([]);
  const [loading, setLoading] = useState(false);
  const excluded = excludeIds.join(',');

  useEffect(() => {
    const query = debounced.trim();
    // The picker's own label of the chosen person is not a new search.
    if (query.length < 2 || (value && query === personLabel(value, t('persons.restricted')))) {
      setRows([]);
      return;
    }
    let current = true;
    setLoading(true);
    void call('persons.search', { query, limit: 20 }).then((result) => {
      if (!current) return;
      setLoading(false);
      const skip = new Set(excluded ? excluded.split(',').map(Number) : []);
      setRows(result.ok ? result.value.rows.filter((row) => !skip.has(row.id)) : []);
    });
    return () => {
      current = false;
    };
  }, [debounced, excluded, value, t]);

  const options = [...(value && !rows.some((r) => r.id === value.id) ? [value] : []), ...rows];
  return (
    <Select
      {...rest}
      searchable
      clearable
      data={options.map((row) => ({ value: String(row.id), label: personLabel(row, t('persons.restricted')) }))}
      value={value ? String(value.id) : null}
      onChange={(id) => onChange(options.find((row) => String(row.id) === id) ?? null)}
      searchValue={search}
      onSearchChange={setSearch}
      // The register already filtered (accent-insensitive, by name, code or fiscal code).
      filter={({ options: all }) => all}
      nothingFoundMessage={loading ? t('app.loading') : search.trim().length < 2 ? t('persons.pickerHint') : t('common.nothingFound')}
    />
  );
}
