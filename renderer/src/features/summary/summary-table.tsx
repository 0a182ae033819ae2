// Every table of the summary page: a TanStack Table v9 table sorted in the browser (the month's figures are a
// few hundred rows at most, already in memory), with the shared sortable header cell and an optional total
// row in the footer, which stays put whatever the order.
import { Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import {
  createColumnHelper, createSortedRowModel, metaHelper, rowSortingFeature, tableFeatures, useTable,
  type ColumnDef, type Row, type RowData, type SortingState,
} from '@tanstack/react-table';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SortableHeaderRows } from '../../components/SortableTh';

export interface SummaryColumnMeta {
  label: string;
  /** Numbers align right. */
  numeric?: boolean;
  width?: number;
}

export const summaryTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  columnMeta: metaHelper<SummaryColumnMeta>(),
});
export type SummaryFeatures = typeof summaryTableFeatures;
export type SummaryColumn<T extends RowData> = ColumnDef<SummaryFeatures, T, any>;

export const summaryColumnHelper = <T extends RowData>() => createColumnHelper<SummaryFeatures, T>();

/** Text in the interface language's order (accents and case as a reader expects). */
export const byText = (locale: string) => <T extends RowData>(a: Row<SummaryFeatures, T>, b: Row<SummaryFeatures, T>, id: string) =>
  String(a.getValue(id) ?? '').localeCompare(String(b.getValue(id) ?? ''), locale === 'en' ? 'en-GB' : 'it-IT', { sensitivity: 'base', numeric: true });

/** Numbers; a figure that does not exist (null) reads as undefined and sorts last in either order. */
export const byNumber = <T extends RowData>(a: Row<SummaryFeatures, T>, b: Row<SummaryFeatures, T>, id: string) =>
  (a.getValue(id) as number) - (b.getValue(id) as number);

/** A figure that does not exist: a dash with the reason as a tooltip (and for screen readers). */
export function Absent({ why }: { why: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={why} multiline maw={320} withArrow>
      <Text span c="dimmed" tabIndex={0} aria-label={why} data-testid="figure-absent">
        {t('summary.absent')}
      </Text>
    </Tooltip>
  );
}

export interface SummaryTableProps<T extends RowData> {
  columns: SummaryColumn<T>[];
  data: T[];
  /** Read by screen readers and shown to nobody else: what the table is. */
  caption: string;
  getRowId: (row: T) => string;
  /** The footer row, cell by cell in column order (e.g. the totals); none when absent. */
  footer?: ReactNode[];
  initialSorting?: SortingState;
  testId: string;
  /** Rows render with data-testid `${testId}-row` and data-key the row id. */
  maxWidth?: number;
}

export function SummaryTable<T extends RowData>({ columns, data, caption, getRowId, footer, initialSorting = [], testId, maxWidth }: SummaryTableProps<T>) {
  const { t } = useTranslation();
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const table = useTable({
    features: summaryTableFeatures,
    columns,
    data,
    getRowId,
    state: { sorting },
    onSortingChange: setSorting,
    enableMultiSort: false,
  });
  const rows = table.getRowModel().rows;
  const visible = table.getAllLeafColumns();
  return (
    <Table.ScrollContainer minWidth={Math.min(maxWidth ?? 10_000, visible.reduce((sum, c) => sum + (c.columnDef.meta?.width ?? 110), 0))}>
      <Table striped highlightOnHover verticalSpacing={4} data-testid={testId} maw={maxWidth}>
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <SortableHeaderRows groups={table.getHeaderGroups()} sortLabel={(column) => t('summary.sortBy', { column })} />
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id} data-testid={`${testId}-row`} data-key={row.id}>
              {row.getAllCells().map((cell, i) => (
                <Table.Td key={cell.id} ta={cell.column.columnDef.meta?.numeric ? 'right' : undefined} style={{ whiteSpace: i === 0 ? undefined : 'nowrap' }}>
                  <table.FlexRender cell={cell} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={visible.length}>
                <Text c="dimmed" size="sm">{t('summary.noRows')}</Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
        {footer && (
          <Table.Tfoot>
            <Table.Tr data-testid={`${testId}-footer`}>
              {footer.map((cell, i) => (
                <Table.Th key={i} scope={i === 0 ? 'row' : undefined} ta={i > 0 && visible[i]?.columnDef.meta?.numeric ? 'right' : undefined} style={{ whiteSpace: 'nowrap' }}>
                  {cell}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
