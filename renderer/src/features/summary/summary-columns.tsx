// The columns of the summary's tables (TanStack Table v9 column helpers): the levels with the main figures
// as columns, a count breakdown, the contributions by type. Every column sorts; figures that do not exist
// (null) sort last and show as a dash with the reason.
import type { TFunction } from 'i18next';
import { formatFigure, MAIN_FIGURES, figureLabel, type FigureUnit } from './figure-labels';
import { Absent, byNumber, byText, summaryColumnHelper, type SummaryColumn } from './summary-table';
import type { ContributionRow, CountRow, LevelKind, LevelRow } from './summary-rows';

/** A numeric cell: the figure, or a dash with `why` when it does not exist. */
export function figureCell(value: number | null | undefined, unit: FigureUnit, locale: string, why: string) {
  return value === null || value === undefined ? <Absent why={why} /> : formatFigure(value, unit, locale);
}

export function levelColumns(t: TFunction, locale: string, kind: LevelKind): SummaryColumn<LevelRow>[] {
  const helper = summaryColumnHelper<LevelRow>();
  const text = byText(locale);
  const nameLabel = t(kind === 'structures' ? 'summary.colStructure' : kind === 'types' ? 'summary.colType' : 'summary.colPartner');
  const columns: SummaryColumn<LevelRow>[] = [
    helper.accessor('name', { id: 'name', meta: { label: nameLabel, width: 200 }, sortFn: text }),
  ];
  if (kind === 'structures') {
    columns.push(
      helper.accessor((row) => row.type ?? '', { id: 'type', meta: { label: t('summary.colType'), width: 150 }, sortFn: text }),
      helper.accessor((row) => row.partner ?? '', { id: 'partner', meta: { label: t('summary.colPartner'), width: 160 }, sortFn: text }),
    );
  }
  for (const figure of MAIN_FIGURES) {
    columns.push(
      helper.accessor((row) => figure.get(row.figures) ?? undefined, {
        id: figure.key,
        meta: { label: figureLabel(t, figure.key), numeric: true, width: 105 },
        sortFn: byNumber,
        sortUndefined: 'last',
        sortDescFirst: true,
        cell: (info) => figureCell(info.getValue() as number | undefined, figure.unit, locale, t('summary.absentPct')),
      }),
    );
  }
  return columns;
}

/** A breakdown's columns: its category, the count, and the share of `base` (the persons served). */
export function countColumns(t: TFunction, locale: string, base: number, categoryLabel?: string): SummaryColumn<CountRow>[] {
  const helper = summaryColumnHelper<CountRow>();
  return [
    helper.accessor('label', { id: 'label', meta: { label: categoryLabel ?? t('summary.colCategory'), width: 220 }, sortFn: byText(locale) }),
    helper.accessor('count', {
      id: 'count', meta: { label: t('summary.colCount'), numeric: true, width: 90 }, sortFn: byNumber, sortDescFirst: true,
      cell: (info) => formatFigure(info.getValue(), 'count', locale),
    }),
    helper.accessor((row) => (base > 0 ? Math.round((row.count / base) * 1000) / 10 : undefined), {
      id: 'share', meta: { label: t('summary.colShare'), numeric: true, width: 90 }, sortFn: byNumber, sortUndefined: 'last', sortDescFirst: true,
      cell: (info) => figureCell(info.getValue() as number | undefined, 'pct', locale, t('summary.absentPct')),
    }),
  ];
}

export function contributionColumns(t: TFunction, locale: string): SummaryColumn<ContributionRow>[] {
  const helper = summaryColumnHelper<ContributionRow>();
  const money = (key: 'decidedCents' | 'disbursedCents' | 'ytdApprovedCents' | 'ytdPaidCents', label: string) =>
    helper.accessor(key, { id: key, meta: { label, numeric: true, width: 130 }, sortFn: byNumber, sortDescFirst: true, cell: (info) => formatFigure(info.getValue(), 'cents', locale) });
  const count = (key: 'decidedCount' | 'disbursedCount', label: string) =>
    helper.accessor(key, { id: key, meta: { label, numeric: true, width: 100 }, sortFn: byNumber, sortDescFirst: true, cell: (info) => formatFigure(info.getValue(), 'count', locale) });
  return [
    helper.accessor('label', { id: 'label', meta: { label: t('summary.contributions.type'), width: 220 }, sortFn: byText(locale) }),
    count('decidedCount', t('summary.contributions.decidedCount')),
    money('decidedCents', t('summary.contributions.decidedCents')),
    count('disbursedCount', t('summary.contributions.disbursedCount')),
    money('disbursedCents', t('summary.contributions.disbursedCents')),
    money('ytdApprovedCents', t('summary.contributions.ytdApproved')),
    money('ytdPaidCents', t('summary.contributions.ytdPaid')),
    helper.accessor((row) => row.budgetCents ?? undefined, {
      id: 'budgetCents', meta: { label: t('summary.contributions.budget'), numeric: true, width: 130 }, sortFn: byNumber, sortUndefined: 'last', sortDescFirst: true,
      cell: (info) => figureCell(info.getValue() as number | undefined, 'cents', locale, t('summary.absentBudget')),
    }),
  ];
}
