// The monthly summary as CSV (docs/disclosure.md › Formats): RFC 4180, UTF-8 with a BOM (Excel in Italy then
// reads the accents right), `;` for Italian Excel or `,`, in a tidy long format — one line per published
// figure: section, level, dimension (the row's name), key (its stable id or code), figure, value — that can be
// filtered and re-aggregated. Values are the published ones: a number, `<k`, or `x` for a cell hidden by
// disclosure control; a figure that does not exist at a level has no line. The first lines (section `meta`)
// say the month, the partner, the closed version and its hash, and k.
// csv-stringify does the quoting and the formula escaping (names are user input); numbers stay numbers.
import { stringify } from 'csv-stringify/sync';
import type { ExportMeta } from './summary-meta';
import type { SummaryTables } from './summary-tables';

export const HIDDEN_MARK = 'x';

export function summaryCsv(tables: SummaryTables, meta: ExportMeta, separator: ';' | ','): Uint8Array {
  const lines: (string | number)[][] = [['section', 'level', 'dimension', 'key', 'figure', 'value']];
  for (const [figure, value] of Object.entries(meta.fields)) lines.push(['meta', '', '', '', figure, value]);
  for (const table of tables.tables) {
    for (const row of table.rows) {
      row.cells.forEach((cell, i) => {
        if (cell.status === 'absent') return;
        lines.push([table.section, table.level, row.label, row.key, table.columns[i]!.key, cell.shown ?? HIDDEN_MARK]);
      });
    }
  }
  const text = stringify(lines, {
    delimiter: separator,
    record_delimiter: '\r\n',
    bom: true,
    // A lone \n inside a field is quoted only with this option (csv-stringify quotes the record delimiter, not its parts).
    quote_record_delimiter: true,
    escape_formulas: true,
    // Numbers as numbers, with a decimal point for `,` files and a decimal comma for `;` (Italian Excel) files.
    cast: { number: (value) => (separator === ';' ? String(value).replace('.', ',') : String(value)) },
  });
  return new TextEncoder().encode(text);
}
