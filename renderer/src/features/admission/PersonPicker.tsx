// Finds a registered person by name, code or fiscal code (persons.search) and hands the chosen row back.
// Restricted persons appear by code only, as in every list.
import { Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRow } from '../../../../electron/shared/channels/people';
import { call } from '../../ipc/client';

interface Props {
  label: string;
  onPick: (row: PersonRow) => void;
  /** People already chosen: not offered again. */
  excludeIds?: readonly number[];
  description?: string;
}

export function PersonPicker({ label, onPick, excludeIds = [], description }: Props) {
  const { t } = useTranslation();
  const resultsId = useId();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const [rows, setRows] = useState<PersonRow[] | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (debounced.length < 2) {
      setRows(null);
      return;
    }
    let current = true;
    setBusy(true);
    void call('persons.search', { query: debounced, limit: 8 }).then((result) => {
      if (!current) return;
      setBusy(false);
      setRows(result.ok ? result.value.rows : []);
    });
    return () => {
      current = false;
    };
  }, [debounced]);

  const shown = (rows ?? []).filter((row) => !excludeIds.includes(row.id));

  return (
    <Stack gap={6}>
      <TextInput
        type="search"
        label={label}
        description={description ?? t('admission.searchHint')}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          // Enter picks the only match: quick at the desk, and never submits the surrounding form.
          if (event.key === 'Enter') {
            event.preventDefault();
            if (shown.length === 1 && shown[0]) {
              onPick(shown[0]);
              setQuery('');
            }
          }
        }}
        rightSection={busy ? <Loader size="xs" aria-label={t('app.loading')} /> : null}
        aria-controls={resultsId}
        autoComplete="off"
        data-testid="person-search"
      />
      <div id={resultsId} role="region" aria-live="polite" aria-label={t('admission.searchResults')}>
        {rows !== null && shown.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('admission.noPersonFound')}
          </Text>
        )}
        {shown.length > 0 && (
          <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {shown.map((row) => (
              <li key={row.id}>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  fullWidth
                  justify="flex-start"
                  data-testid="person-search-result"
                  onClick={() => {
                    onPick(row);
                    setQuery('');
                  }}
                >
                  <Group gap={8} wrap="nowrap">
                    <Text span ff="monospace" size="sm">
                      {row.code}
                    </Text>
                    {row.displayName && <Text span size="sm" fw={600}>{row.displayName}</Text>}
                    <Text span size="xs" c="dimmed">
                      {[row.birthYear, t(`vocab.personStatuses.${row.status}`), row.structureName].filter(Boolean).join(' · ')}
                    </Text>
                  </Group>
                </Button>
              </li>
            ))}
          </Stack>
        )}
      </div>
    </Stack>
  );
}
