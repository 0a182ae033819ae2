// The contributions list's columns (TanStack Table v9 column helper). Every column sorts in SQL
// (CONTRIBUTION_SORTS) except the last payment date, which only shows.
import { Badge, Text } from '@mantine/core';
import { columnVisibilityFeature, createColumnHelper, metaHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { ContributionRow } from '../../../../electron/shared/channels/contributions';
import { formatEuro } from '../../../../electron/shared/money';
import { formatDate } from '../../i18n/format';

export const contributionTableFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  columnMeta: metaHelper<{ label: string; width: number; money?: 'proposedCents' | 'approvedCents' | 'paidCents' }>(),
});

const helper = createColumnHelper<typeof contributionTableFeatures, ContributionRow>();

export const STATUS_COLORS = { proposed: 'blue', approved: 'teal', rejected: 'red', withdrawn: 'gray' } as const;

export function contributionColumns(t: TFunction, locale: string) {
  const euro = (cents: number | null) => (cents === null ? '' : formatEuro(cents, locale === 'en' ? 'en' : 'it'));
  const right = { textAlign: 'right' as const, display: 'block' };
  return helper.columns([
    helper.accessor('reference', {
      meta: { label: t('contributions.colReference'), width: 130 },
      cell: (info) => <Text span ff="monospace" size="sm">{info.getValue()}</Text>,
    }),
    helper.accessor('householdCode', {
      meta: { label: t('contributions.colHousehold'), width: 130 },
      cell: (info) => <Text span ff="monospace" size="sm">{info.getValue()}</Text>,
    }),
    helper.accessor('type', {
      meta: { label: t('contributions.colType'), width: 190 },
      cell: (info) => t(`vocab.contributionTypes.${info.getValue()}`),
    }),
    helper.accessor('status', {
      meta: { label: t('contributions.colStatus'), width: 110 },
      cell: (info) => (
        <Badge variant="light" tt="none" color={STATUS_COLORS[info.getValue()]}>
          {t(`vocab.contributionStatuses.${info.getValue()}`)}
        </Badge>
      ),
    }),
    helper.accessor('year', { meta: { label: t('contributions.colYear'), width: 70 } }),
    helper.accessor('proposedCents', {
      meta: { label: t('contributions.colProposed'), width: 120, money: 'proposedCents' },
      cell: (info) => <span style={right}>{euro(info.getValue())}</span>,
    }),
    helper.accessor('approvedCents', {
      meta: { label: t('contributions.colApproved'), width: 120, money: 'approvedCents' },
      cell: (info) => <span style={right}>{euro(info.getValue())}</span>,
    }),
    helper.accessor('paidCents', {
      meta: { label: t('contributions.colPaid'), width: 120, money: 'paidCents' },
      cell: (info) => <span style={right}>{info.row.original.status === 'approved' || info.getValue() > 0 ? euro(info.getValue()) : ''}</span>,
    }),
    helper.accessor('proposedAt', {
      meta: { label: t('contributions.colProposedAt'), width: 110 },
      cell: (info) => formatDate(info.getValue(), locale),
    }),
    helper.accessor('decidedAt', {
      meta: { label: t('contributions.colDecidedAt'), width: 110 },
      cell: (info) => formatDate(info.getValue(), locale),
    }),
    helper.accessor('lastPaymentAt', {
      enableSorting: false,
      meta: { label: t('contributions.colLastPayment'), width: 130 },
      cell: (info) => formatDate(info.getValue(), locale),
    }),
  ]);
}
