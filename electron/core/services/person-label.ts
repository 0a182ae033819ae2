// How a person appears in lists and rows: by her alias, or, when she is restricted, by her code alone. In SQL
// (`personLabel`: the name never leaves the database) or on a row already read (`shownName`). One rule for the
// bed board, the Today page, households, searches and the bench (docs/domain.md › restricted persons).
import { sql } from 'drizzle-orm';
import { persons } from '../db/schema';

/** The label a list shows: the code when the person is restricted, else her alias. */
export const personLabel = sql<string>`CASE WHEN ${persons.restricted} THEN ${persons.code} ELSE ${persons.displayName} END`;

/** A row's display name as handed out: null when the person is restricted (the screen then shows the code). */
export const shownName = (row: { restricted: boolean | number; displayName: string | null }): string | null =>
  row.restricted ? null : row.displayName;
