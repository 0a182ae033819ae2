// What the charts draw, as plain rows: the same rows feed the chart and its "show as table" view, so the two
// never disagree. No DOM or React: unit tests read this file in Node.
import type { SeriesPoint } from '../../../../electron/shared/channels/summary';
import { monthName } from './summary-rows';

export interface SeriesRow {
  /** 'YYYY-MM', the row's key. */
  month: string;
  /** The month as the axis and the table show it ("mar 2026"). */
  label: string;
  availableNights: number;
  occupiedNights: number;
  /** Null when no place was available that month: a gap in the line, a dash in the table. */
  occupancyPct: number | null;
  entries: number;
  exits: number;
}

/** The 12-month series in month order, labelled for the interface language. */
export function seriesRows(series: readonly SeriesPoint[], locale: string): SeriesRow[] {
  return [...series]
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((p) => ({ ...p, label: monthName(p.month, locale, 'short') }));
}

/** The occupancy axis: 0 to at least 110 % (so the 100 % line and a little above always show), higher when a month is. */
export function occupancyAxisMax(rows: readonly SeriesRow[]): number {
  const highest = Math.max(0, ...rows.map((r) => r.occupancyPct ?? 0));
  return Math.max(110, Math.ceil((highest + 5) / 10) * 10);
}
