// A header cell of a table sorted in SQL: the column's label as a button that asks for the other order,
// with aria-sort, and the arrows hidden from screen readers. Shared by the persons and contributions lists.
import { Table, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';

export interface SortableThProps {
  id: string;
  label: string;
  width: number | undefined;
  sorted: false | 'asc' | 'desc';
  canSort: boolean;
  onToggle: ((event: unknown) => void) | undefined;
  /** The button's accessible name, e.g. "Ordina per Codice". */
  sortLabel: string;
}

export function SortableTh({ id, label, width, sorted, canSort, onToggle, sortLabel }: SortableThProps): ReactNode {
  return (
    <Table.Th scope="col" style={{ width, verticalAlign: 'bottom' }} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
      {canSort ? (
        <UnstyledButton onClick={onToggle} fw={700} fz="sm" data-testid={`sort-${id}`} aria-label={sortLabel}>
          {label} <span aria-hidden>{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}</span>
        </UnstyledButton>
      ) : (
        label
      )}
    </Table.Th>
  );
}

/** What SortableHeaderRows reads of a TanStack header (its column's label and width from the column's meta). */
interface SortableHeader {
  id: string;
  column: {
    id: string;
    columnDef: { meta?: { label?: string; width?: number } };
    getIsSorted: () => false | 'asc' | 'desc';
    getCanSort: () => boolean;
    getToggleSortingHandler: () => ((event: unknown) => void) | undefined;
  };
}

/** The header rows of a sortable TanStack table (`table.getHeaderGroups()`): one SortableTh per column. Shared by
 * the persons and contributions lists and the summary's tables. */
export function SortableHeaderRows({ groups, sortLabel, ariaRowIndex }: {
  groups: readonly { id: string; headers: readonly SortableHeader[] }[];
  /** The sort button's accessible name for a column's label. */
  sortLabel: (label: string) => string;
  ariaRowIndex?: number;
}): ReactNode {
  return groups.map((group) => (
    <Table.Tr key={group.id} aria-rowindex={ariaRowIndex}>
      {group.headers.map((header) => {
        const column = header.column;
        const label = column.columnDef.meta?.label ?? column.id;
        return (
          <SortableTh key={header.id} id={column.id} label={label} width={column.columnDef.meta?.width} sorted={column.getIsSorted()}
            canSort={column.getCanSort()} onToggle={column.getToggleSortingHandler()} sortLabel={sortLabel(label)} />
        );
      })}
    </Table.Tr>
  ));
}
