// The monthly summary's aggregate exports (docs/disclosure.md): the preview and the XLSX and CSV files, all
// from the same tables with disclosure control applied (summary-tables.ts), with what the file says about
// itself (the month's close: version and hash, or amended). Read in one transaction with the export's audit
// event; the file is built in memory and leaves through the native save dialog or as a download.
import { monthSummary } from '../services/summary';
import { monthState } from '../services/month-close';
import { write, type Ctx } from '../services/context';
import { disclosureK } from '../settings';
import { monthName, romeWallClock } from '../../shared/dates';
import type { Locale } from '../../shared/schema-kit';
import { summaryTables, type SummaryTables } from './summary-tables';
import type { ExportMeta } from './summary-meta';
import { summaryCsv } from './summary-csv';
import { disclosureNote, headerLines, summaryXlsx } from './summary-xlsx';

export type SummaryFormat = 'xlsx' | 'csv';

/** The tables and the export's description, read in the caller's transaction. */
function prepare(ctx: Ctx, month: string, locale: Locale): { tables: SummaryTables; meta: ExportMeta } {
  const summary = monthSummary(ctx.db, month);
  const state = monthState(ctx, month);
  const last = state.versions.at(-1) ?? null;
  const k = disclosureK(ctx.db);
  const tables = summaryTables(summary, locale, k);
  const partner = summary.partners.map((p) => p.name).join(' · ');
  const generatedAt = romeWallClock(ctx.now).slice(0, 16).replace('T', ' ');
  const meta: ExportMeta = {
    month, monthLabel: monthName(month, locale), partner, status: state.status, version: last?.version ?? null, sha256: last?.sha256 ?? null, k,
    generatedAt, generatedBy: ctx.user.displayName, locale,
    fields: {
      month, partner, status: state.status, version: last?.version ?? '', sha256: last?.sha256 ?? '', k, generated_at: generatedAt, generated_by: ctx.user.displayName,
    },
  };
  return { tables, meta };
}

/** What the coordinator sees before choosing a format: exactly the tables that leave, and their note. */
export function summaryPreview(ctx: Ctx, month: string, locale: Locale) {
  // One read transaction (the summary's own reads join it as savepoints): figures and state of the same moment.
  const { tables, meta } = ctx.sqlite.transaction(() => prepare(ctx, month, locale))();
  return {
    header: headerLines(meta, locale),
    note: disclosureNote(tables, locale),
    k: tables.k,
    hidden: tables.hidden,
    tables: tables.tables.map((t) => ({
      section: t.section, level: t.level, title: t.title, keyHeader: t.keyHeader, columns: t.columns,
      rows: t.rows.map((r) => ({ key: r.key, label: r.label, cells: r.cells.map((c) => ({ status: c.status, shown: c.shown })) })),
    })),
  };
}

const FILE_NAME = { it: 'riepilogo-mensile', en: 'monthly-summary' } as const;
const AMENDED = { it: 'rettificato', en: 'amended' } as const;

export async function summaryFile(ctx: Ctx, input: { month: string; format: SummaryFormat; separator?: ';' | ','; locale?: Locale })
  : Promise<{ fileName: string; bytes: Uint8Array }> {
  const locale = input.locale ?? ctx.user.locale;
  // The summary reads through ctx.db (the connection), which inside write() is the same transaction.
  const { tables, meta } = write(ctx, (_tx, audit) => {
    const prepared = prepare(ctx, input.month, locale);
    audit({ action: 'export.summary', entity: 'month', recordId: input.month, fields: [] });
    return prepared;
  });
  // An export never leaves with a small cell that no suppression could protect (not expected: the note in docs/disclosure.md).
  if (tables.exposed.length > 0) throw new Error(`disclosure control could not protect ${tables.exposed.length} cells`);
  const version = meta.version === null ? '' : `-v${meta.version}${meta.status === 'amended' ? `-${AMENDED[locale]}` : ''}`;
  const base = `${FILE_NAME[locale]}-${input.month}${version}`;
  if (input.format === 'csv') return { fileName: `${base}.csv`, bytes: summaryCsv(tables, meta, input.separator ?? ';') };
  return { fileName: `${base}.xlsx`, bytes: await summaryXlsx(tables, meta) };
}
