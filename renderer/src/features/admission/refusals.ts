// Where a refusal of `intake.admit` belongs on the intake: the field paths of the main process
// (`people.<i>.placeId`, `people.<i>.fields.displayName`, …) become that row's field; the dates are the
// page's own fields; anything else goes to the form's alert.

export type RowField = 'placeId' | 'personId' | 'placementEnd' | 'relationship' | 'displayName' | 'gender' | 'birthDate' | 'birthYear' | 'fiscalCode';

const ROW_FIELDS: readonly string[] = ['placeId', 'personId', 'placementEnd', 'relationship', 'displayName', 'gender', 'birthDate', 'birthYear', 'fiscalCode'];

export function rowErrorTarget(name: string, rowCount: number): { row: number; field: RowField } | null {
  const match = /^people\.(\d+)(?:\.fields)?(?:\.(\w+))?/.exec(name);
  if (!match) return null;
  const row = Number(match[1]);
  if (row >= rowCount) return null;
  const field = match[2] ?? 'placeId';
  return ROW_FIELDS.includes(field) ? { row, field: field as RowField } : { row, field: 'displayName' };
}
