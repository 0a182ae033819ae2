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
