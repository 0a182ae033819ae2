// The persons register's table: TanStack Table v9 for columns, sorting state and column choice; TanStack
// Virtual so only the rows in view are in the DOM (a constant number of <tr> at 50,000 persons). Sorting and
// paging happen in SQL: this component only reports what the user asked for.
import { Box, Button, Group, Menu, Table, Text, VisuallyHidden } from '@mantine/core';
import { SortableHeaderRows } from '../../components/SortableTh';
import { useRowKeyboard } from '../../components/row-keyboard';
import { functionalUpdate, useTable, type ColumnVisibilityState, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRow } from '../../../../electron/shared/channels/people';
import { todayInRome } from '../../../../electron/shared/dates';
import { formatNumber } from '../../i18n/format';
import { personColumns, personTableFeatures } from './person-columns';
import { needsNextPage, type SortState } from './persons-query';

/** Every row has this height (text does not wrap), so the virtualiser's positions are exact. */
const ROW_HEIGHT = 44;
const OVERSCAN = 8;

interface PersonsTableProps {
  rows: PersonRow[];
  total: number | null;
  loading: boolean;
  sort: SortState;
  onSortChange: (sort: SortState) => void;
  columnVisibility: ColumnVisibilityState;
  onColumnVisibilityChange: (visibility: ColumnVisibilityState) => void;
  onLoadMore: () => void;
  onOpen: (personId: number) => void;
  /** Changes with the query (search, filters, sort): the list then starts again from the top. */
  queryKey: string;
}

export function PersonsTable(props: PersonsTableProps) {
  const { rows, total, loading, sort, onSortChange, columnVisibility, onColumnVisibilityChange, onLoadMore, onOpen, queryKey } = props;
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const today = todayInRome();
  const columns = useMemo(() => personColumns(t, locale, today), [t, locale, today]);
  const sorting = useMemo<SortingState>(() => [sort], [sort]);

  const table = useTable({
    features: personTableFeatures,
    columns,
    data: rows,
    getRowId: (row) => String(row.id),
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    sortDescFirst: false,
    state: { sorting, columnVisibility },
    onSortingChange: (updater) => {
      const [next] = functionalUpdate(updater, sorting);
      if (next) onSortChange({ id: next.id, desc: next.desc });
    },
    onColumnVisibilityChange: (updater) => onColumnVisibilityChange(functionalUpdate(updater, columnVisibility)),
  });

  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    getItemKey: (index) => tableRows[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (needsNextPage(lastIndex, rows.length, total, loading)) onLoadMore();
  }, [lastIndex, rows.length, total, loading, onLoadMore]);

  // A new query (other filters or sort) starts from the top.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [queryKey]);

  const onRowKey = useRowKeyboard({ scrollRef, virtualizer, rowCount: tableRows.length, rowHeight: ROW_HEIGHT, onOpen });

  const visibleColumns = table.getVisibleLeafColumns();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items.at(-1)!.end : 0;

  return (
    <Box>
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed" role="status" aria-live="polite" data-testid="persons-total">
          {total === null ? t('app.loading') : t('persons.total', { count: total, formatted: formatNumber(total, locale) })}
        </Text>
        <Menu closeOnItemClick={false} position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="default" size="xs" data-testid="persons-columns">
              {t('persons.columns')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown aria-label={t('persons.columns')}>
            <Menu.Label>{t('persons.columnsHint')}</Menu.Label>
            {table
              .getAllLeafColumns()
              .filter((column) => column.getCanHide())
              .map((column) => (
                <Menu.CheckboxItem key={column.id} checked={column.getIsVisible()} onChange={(checked) => column.toggleVisibility(checked)}>
                  {column.columnDef.meta?.label ?? column.id}
                </Menu.CheckboxItem>
              ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
      <Box
        ref={scrollRef}
        data-testid="persons-table-scroll"
        style={{ height: 'calc(100dvh - 360px)', minHeight: 300, overflow: 'auto', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}
      >
        <Table
          layout="fixed"
          stickyHeader
          highlightOnHover
          verticalSpacing={0}
          aria-rowcount={(total ?? rows.length) + 1}
          aria-busy={loading}
          style={{ minWidth: visibleColumns.reduce((sum, column) => sum + (column.columnDef.meta?.width ?? 120), 0) }}
        >
          <VisuallyHidden component="caption">{t('persons.tableCaption')}</VisuallyHidden>
          <Table.Thead>
            <SortableHeaderRows groups={table.getHeaderGroups()} ariaRowIndex={1} sortLabel={(column) => t('persons.sortBy', { column })} />
          </Table.Thead>
          <Table.Tbody>
            {paddingTop > 0 && (
              <tr aria-hidden>
                <td colSpan={visibleColumns.length} style={{ height: paddingTop, padding: 0, border: 0 }} />
              </tr>
            )}
            {items.map((item) => {
              const row = tableRows[item.index];
              if (!row) return null;
              const person = row.original;
              return (
                <Table.Tr
                  key={row.id}
                  data-index={item.index}
                  data-testid="person-row"
                  data-person-id={person.id}
                  aria-rowindex={item.index + 2}
                  tabIndex={0}
                  onClick={() => onOpen(person.id)}
                  onKeyDown={(event) => onRowKey(event, item.index, person.id)}
                  style={{ height: ROW_HEIGHT, cursor: 'pointer' }}
                >
                  {row.getVisibleCells().map((cell) => (
                    <Table.Td key={cell.id} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                      <table.FlexRender cell={cell} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden>
                <td colSpan={visibleColumns.length} style={{ height: paddingBottom, padding: 0, border: 0 }} />
              </tr>
            )}
            {total === 0 && !loading && (
              <Table.Tr>
                <Table.Td colSpan={visibleColumns.length}>{t('persons.empty')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Box>
    </Box>
  );
}
