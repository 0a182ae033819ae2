// The contributions list: TanStack Table v9 for columns and sorting state, TanStack Virtual so only the rows
// in view are in the DOM (constant at 10,000 contributions). Filtering, sorting, paging and the footer totals
// are done in SQL (contributions.list): the totals are of everything the filter selects, not only what is loaded.
import { Box, Table, Text, VisuallyHidden } from '@mantine/core';
import { SortableHeaderRows } from '../../components/SortableTh';
import { useRowKeyboard } from '../../components/row-keyboard';
import { functionalUpdate, useTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContributionRow } from '../../../../electron/shared/channels/contributions';
import { formatNumber } from '../../i18n/format';
import { needsNextPage } from '../persons/persons-query';
import { contributionColumns, contributionTableFeatures } from './contribution-columns';
import { useEuro } from './money';

const ROW_HEIGHT = 44;

export interface ContributionsTableProps {
  rows: ContributionRow[];
  total: number | null;
  totals: { proposedCents: number; approvedCents: number; paidCents: number } | null;
  loading: boolean;
  sort: { id: string; desc: boolean };
  onSortChange: (sort: { id: string; desc: boolean }) => void;
  onLoadMore: () => void;
  onOpen: (id: number) => void;
  queryKey: string;
}

export function ContributionsTable(props: ContributionsTableProps) {
  const { rows, total, totals, loading, sort, onSortChange, onLoadMore, onOpen, queryKey } = props;
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const euro = useEuro();
  const columns = useMemo(() => contributionColumns(t, locale), [t, locale]);
  const sorting = useMemo<SortingState>(() => [sort], [sort]);
  const table = useTable({
    features: contributionTableFeatures,
    columns,
    data: rows,
    getRowId: (row) => String(row.id),
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: (updater) => {
      const [next] = functionalUpdate(updater, sorting);
      if (next) onSortChange({ id: next.id, desc: next.desc });
    },
  });

  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => tableRows[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (needsNextPage(lastIndex, rows.length, total, loading)) onLoadMore();
  }, [lastIndex, rows.length, total, loading, onLoadMore]);
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [queryKey]);

  const onRowKey = useRowKeyboard({ scrollRef, virtualizer, rowCount: tableRows.length, rowHeight: ROW_HEIGHT, onOpen });

  const visible = table.getVisibleLeafColumns();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items.at(-1)!.end : 0;

  return (
    <Box>
      <Text size="sm" c="dimmed" role="status" aria-live="polite" mb="xs" data-testid="contributions-total">
        {total === null ? t('app.loading') : t('contributions.total', { count: total, formatted: formatNumber(total, locale) })}
      </Text>
      <Box ref={scrollRef} data-testid="contributions-scroll"
        style={{ height: 'calc(100dvh - 380px)', minHeight: 300, overflow: 'auto', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}>
        <Table layout="fixed" stickyHeader highlightOnHover verticalSpacing={0} aria-rowcount={(total ?? rows.length) + 2} aria-busy={loading}
          style={{ minWidth: visible.reduce((sum, c) => sum + (c.columnDef.meta?.width ?? 120), 0) }}>
          <VisuallyHidden component="caption">{t('contributions.tableCaption')}</VisuallyHidden>
          <Table.Thead>
            <SortableHeaderRows groups={table.getHeaderGroups()} sortLabel={(column) => t('contributions.sortBy', { column })} />
          </Table.Thead>
          <Table.Tbody>
            {paddingTop > 0 && <tr aria-hidden><td colSpan={visible.length} style={{ height: paddingTop, padding: 0, border: 0 }} /></tr>}
            {items.map((item) => {
              const row = tableRows[item.index];
              if (!row) return null;
              return (
                <Table.Tr key={row.id} data-index={item.index} data-testid="contribution-row" data-reference={row.original.reference} tabIndex={0}
                  onClick={() => onOpen(row.original.id)} onKeyDown={(event) => onRowKey(event, item.index, row.original.id)}
                  style={{ height: ROW_HEIGHT, cursor: 'pointer' }}>
                  {row.getVisibleCells().map((cell) => (
                    <Table.Td key={cell.id} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                      <table.FlexRender cell={cell} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
            {paddingBottom > 0 && <tr aria-hidden><td colSpan={visible.length} style={{ height: paddingBottom, padding: 0, border: 0 }} /></tr>}
            {total === 0 && !loading && (
              <Table.Tr><Table.Td colSpan={visible.length}>{t('contributions.empty')}</Table.Td></Table.Tr>
            )}
          </Table.Tbody>
          <Table.Tfoot style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-body)', boxShadow: '0 -1px 0 var(--mantine-color-gray-3)' }}>
            <Table.Tr data-testid="contributions-footer">
              {visible.map((column, i) => {
                const money = column.columnDef.meta?.money;
                return (
                  <Table.Th key={column.id} scope={i === 0 ? 'row' : undefined} style={{ textAlign: money ? 'right' : undefined, whiteSpace: 'nowrap' }}
                    data-testid={money ? `footer-${money}` : undefined}>
                    {i === 0 ? t('contributions.footerTotals') : money && totals ? euro(totals[money]) : ''}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Box>
    </Box>
  );
}
