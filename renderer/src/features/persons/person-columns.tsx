// The persons register's columns (TanStack Table v9 column helper). Sortable columns are exactly the sorts
// persons.search does in SQL; the others only show.
import { Badge, Group, Text } from '@mantine/core';
import { columnVisibilityFeature, createColumnHelper, metaHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { PersonRow } from '../../../../electron/shared/channels/people';
import { countryName } from '../../components/intl-names';
import { vocabLabel } from '../../components/vocab';
import { formatDate } from '../../i18n/format';
import { PERMIT_COLORS, permitState } from './person-format';

export const personTableFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  columnMeta: metaHelper<{ label: string; width: number }>(),
});

const helper = createColumnHelper<typeof personTableFeatures, PersonRow>();

/** Columns hidden until the user asks for them. */
export const DEFAULT_HIDDEN = ['gender', 'placeLabel', 'vulnerabilities'] as const;

export function RestrictedBadge({ t }: { t: TFunction }) {
  return (
    <Badge color="grape" variant="light" tt="none" data-testid="restricted-badge">
      {t('persons.restricted')}
    </Badge>
  );
}

export function personColumns(t: TFunction, locale: string, today: string) {
  // Only the sorts persons.search does in SQL are offered (see PERSON_SORTS).
  const columns = helper.columns([
    helper.accessor('code', {
      meta: { label: t('persons.colCode'), width: 130 },
      enableHiding: false,
      cell: (info) => (
        <Text span ff="monospace" size="sm">
          {info.getValue()}
        </Text>
      ),
    }),
    helper.accessor('displayName', {
      meta: { label: t('persons.colName'), width: 210 },
      enableHiding: false,
      cell: (info) => info.getValue() ?? <RestrictedBadge t={t} />,
    }),
    helper.accessor('gender', {
      enableSorting: false,
      meta: { label: t('persons.colGender'), width: 110 },
      cell: (info) => vocabLabel(t, 'genders', info.getValue()),
    }),
    helper.accessor('birthYear', {
      meta: { label: t('persons.colBirthYear'), width: 90 },
      cell: (info) => info.getValue() ?? '',
    }),
    helper.accessor('nationality', {
      meta: { label: t('persons.colNationality'), width: 140 },
      cell: (info) => countryName(info.getValue(), locale),
    }),
    helper.accessor('status', {
      enableSorting: false,
      // Wide enough for the longest status ("Accolta in passato", "Received in the past") at 1366×768.
      meta: { label: t('persons.colStatus'), width: 170 },
      cell: (info) => {
        const status = info.getValue();
        return (
          <Badge variant="light" tt="none" color={status === 'present' ? 'teal' : 'gray'} styles={{ label: { overflow: 'visible', textOverflow: 'clip' } }}>
            {vocabLabel(t, 'personStatuses', status)}
          </Badge>
        );
      },
    }),
    helper.accessor('structureName', {
      meta: { label: t('persons.colStructure'), width: 160 },
      cell: (info) => info.getValue() ?? '',
    }),
    helper.accessor('placeLabel', {
      enableSorting: false,
      meta: { label: t('persons.colPlace'), width: 100 },
      cell: (info) => info.getValue() ?? '',
    }),
    helper.accessor('entryDate', {
      meta: { label: t('persons.colEntryDate'), width: 100 },
      cell: (info) => formatDate(info.getValue(), locale),
    }),
    helper.accessor('permitExpiry', {
      meta: { label: t('persons.colPermitExpiry'), width: 120 },
      cell: (info) => {
        const expiry = info.getValue();
        const state = permitState(expiry, today);
        if (!expiry) return '';
        return state ? (
          <Badge variant="light" tt="none" color={PERMIT_COLORS[state]} title={t(`persons.permit.${state}`)}>
            {formatDate(expiry, locale)}
          </Badge>
        ) : (
          formatDate(expiry, locale)
        );
      },
    }),
    helper.accessor('vulnerabilities', {
      enableSorting: false,
      meta: { label: t('persons.colVulnerabilities'), width: 220 },
      cell: (info) => (
        <Group gap={4} wrap="nowrap">
          {info.getValue().map((code) => (
            <Badge key={code} size="xs" variant="outline" tt="none">
              {vocabLabel(t, 'vulnerabilities', code)}
            </Badge>
          ))}
        </Group>
      ),
    }),
  ]);
  return columns;
}
