// The accountant's ledger of a budget year as an XLSX workbook (docs/contributions.md): one row per payment
// of the contributions charged to the year — household code, never a name — cancelled payments marked and
// left out of the totals, and a sheet of totals per type equal to the budget page's. Built in memory
// (write-excel-file zips with fflate, no temporary file); the export is audited.
import writeExcelFile, { type Cell, type Row } from 'write-excel-file/node';
import { and, asc, eq } from 'drizzle-orm';
import { CONTRIBUTION_TYPES, type ContributionType } from '../../shared/contributions';
import { it as itVocabulary, en as enVocabulary } from '../../shared/i18n/vocabulary';
import type { Locale } from '../../shared/schema-kit';
import { contributionPayments, contributions, partners } from '../db/schema';
import { budgetPage } from './budgets';
import { write, type Ctx } from './context';

const TEXT = {
  it: {
    ledgerSheet: 'Registro pagamenti', totalsSheet: 'Totali per tipo', fileName: 'registro-contributi',
    headers: ['Data', 'Riferimento decisione', 'Codice nucleo', 'Ente', 'Tipo', 'Importo', 'Metodo', 'Riferimento ricevuta', 'Stato', 'Annullato il'],
    paid: 'Pagato', cancelled: 'Annullato',
    totalsHeaders: ['Tipo', 'Bilancio', 'Approvato', 'Impegnato (da pagare)', 'Pagato', 'Residuo', 'Pagamenti', 'Annullati (esclusi)'],
    total: 'Totale',
  },
  en: {
    ledgerSheet: 'Payments ledger', totalsSheet: 'Totals by type', fileName: 'contributions-ledger',
    headers: ['Date', 'Decision reference', 'Household code', 'Partner', 'Type', 'Amount', 'Method', 'Receipt reference', 'Status', 'Cancelled on'],
    paid: 'Paid', cancelled: 'Cancelled',
    totalsHeaders: ['Type', 'Budget', 'Approved', 'Committed (to pay)', 'Paid', 'Remaining', 'Payments', 'Cancelled (left out)'],
    total: 'Total',
  },
} as const;

const EURO = '#,##0.00 "€"';
const DAY = 'dd/mm/yyyy';

/** A calendar date as the UTC midnight write-excel-file expects (it converts dates as UTC): the cell shows that very day. */
const calendarDate = (iso: string): Date => new Date(`${iso.slice(0, 10)}T00:00:00.000Z`);
/** Cents as the euro number of the cell: the only division, at the file's edge; sums are made in cents before. */
const euros = (cents: number): number => cents / 100;
/** Always a text cell (`@`), never a formula, whatever it starts with (`=`, `+`, `-`, `@`, tab, carriage return). */
const textCell = (value: string | null): Cell => (value === null || value === '' ? null : { value, type: String, format: '@' });

export interface LedgerTotals {
  type: ContributionType;
  paidCents: number;
  payments: number;
  cancelledPayments: number;
}

export interface Ledger {
  fileName: string;
  bytes: Uint8Array;
  rows: number;
  totals: LedgerTotals[];
}

/** The workbook of a year. Reads in one transaction with the audit event of the export. */
export async function ledgerWorkbook(ctx: Ctx, year: number, locale: Locale = ctx.user.locale): Promise<Ledger> {
  const text = TEXT[locale];
  const vocab = (locale === 'it' ? itVocabulary : enVocabulary).vocab;
  const { payments, page } = write(ctx, (tx, audit) => {
    const rows = tx.select({
      date: contributionPayments.date, reference: contributions.reference, householdCode: contributions.householdCode, partner: partners.name,
      type: contributions.type, amountCents: contributionPayments.amountCents, method: contributionPayments.method,
      receipt: contributionPayments.receiptReference, cancelledAt: contributionPayments.cancelledAt,
    }).from(contributionPayments)
      .innerJoin(contributions, eq(contributions.id, contributionPayments.contributionId))
      .leftJoin(partners, eq(partners.id, contributions.partnerId))
      // A contribution with payments is approved (rejecting or withdrawing needs none), so the filter loses nothing.
      .where(and(eq(contributions.year, year), eq(contributions.status, 'approved')))
      .orderBy(asc(contributionPayments.date), asc(contributions.reference), asc(contributionPayments.id))
      .all();
    audit({ action: 'ledger.export', entity: 'budget', recordId: String(year), fields: [] });
    return { payments: rows, page: budgetPage(ctx, year, tx) };
  });

  const header: Row = text.headers.map((value) => ({ value, fontWeight: 'bold' as const }));
  const data: Row[] = [header];
  for (const p of payments) {
    const cancelled = p.cancelledAt !== null;
    data.push([
      { value: calendarDate(p.date), type: Date, format: DAY },
      textCell(p.reference),
      textCell(p.householdCode),
      textCell(p.partner),
      textCell(vocab.contributionTypes[p.type]),
      { value: euros(p.amountCents), type: Number, format: EURO, ...(cancelled ? { textColor: '#999999' } : {}) },
      textCell(vocab.paymentMethods[p.method]),
      textCell(p.receipt),
      textCell(cancelled ? text.cancelled : text.paid),
      cancelled ? { value: calendarDate(p.cancelledAt!), type: Date, format: DAY } : null,
    ]);
  }

  const totals: LedgerTotals[] = CONTRIBUTION_TYPES.map((type) => {
    const ofType = payments.filter((p) => p.type === type);
    const counted = ofType.filter((p) => p.cancelledAt === null);
    return { type, paidCents: counted.reduce((sum, p) => sum + p.amountCents, 0), payments: counted.length, cancelledPayments: ofType.length - counted.length };
  });
  const totalsData: Row[] = [text.totalsHeaders.map((value) => ({ value, fontWeight: 'bold' as const }))];
  const money = (cents: number): Cell => ({ value: euros(cents), type: Number, format: EURO });
  for (const t of totals) {
    const line = page.lines.find((l) => l.type === t.type && l.partnerId === null)!;
    totalsData.push([
      textCell(vocab.contributionTypes[t.type]), money(line.budgetCents), money(line.committedCents + line.paidCents), money(line.committedCents),
      money(t.paidCents), money(line.remainingCents), t.payments, t.cancelledPayments,
    ]);
  }
  const sum = (f: (t: LedgerTotals) => number) => totals.reduce((s, t) => s + f(t), 0);
  totalsData.push([
    { value: text.total, fontWeight: 'bold' }, money(page.totals.budgetCents), money(page.totals.committedCents + page.totals.paidCents),
    money(page.totals.committedCents), money(sum((t) => t.paidCents)), money(page.totals.remainingCents), sum((t) => t.payments), sum((t) => t.cancelledPayments),
  ]);

  const widths = (rows: Row[]) => rows[0]!.map((_, i) => ({
    width: Math.min(40, Math.max(10, ...rows.slice(0, 2000).map((r) => {
      const cell = r[i];
      const value = cell !== null && typeof cell === 'object' && !(cell instanceof Date) && 'value' in cell ? cell.value : cell;
      return value instanceof Date ? 10 : typeof value === 'number' ? 14 : String(value ?? '').length + 2;
    }))),
  }));
  const buffer = await writeExcelFile([
    { data, sheet: text.ledgerSheet, columns: widths(data), stickyRowsCount: 1 },
    { data: totalsData, sheet: text.totalsSheet, columns: widths(totalsData), stickyRowsCount: 1 },
  ]).toBuffer();
  return { fileName: `${text.fileName}-${year}.xlsx`, bytes: new Uint8Array(buffer), rows: payments.length, totals };
}
