// What every summary export says about itself: the month, the partner(s), whether the month is closed (its
// version and the snapshot's SHA-256) or amended since, k, and who generated it when.
import type { MonthStatus } from '../../shared/channels/summary';
import type { Locale } from '../../shared/schema-kit';

export interface ExportMeta {
  month: string;
  /** "marzo 2026" / "March 2026". */
  monthLabel: string;
  /** The partner associations whose figures these are. */
  partner: string;
  status: MonthStatus;
  /** The last closed version and its hash; null while the month is open. */
  version: number | null;
  sha256: string | null;
  k: number;
  generatedAt: string;
  generatedBy: string;
  locale: Locale;
  /** The same facts as name → value, for the CSV's `meta` lines. */
  fields: Record<string, string | number>;
}
