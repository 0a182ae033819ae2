// The summary's tables as rows: the levels (structures, types, partners) and each breakdown of a level's
// figures. Pure functions of the month's figures: no DOM or React, so unit tests read this file in Node.
import type { TFunction } from 'i18next';
import {
  AGE_BANDS, HOUSEHOLD_TYPES, STAY_BANDS, SUMMARY_EXIT_REASONS, type FigureBlock, type MonthSummary,
} from '../../../../electron/shared/channels/summary';
import { CONTRIBUTION_TYPES, type ContributionType } from '../../../../electron/shared/contributions';
import { monthName as sharedMonthName, nextMonth } from '../../../../electron/shared/dates';
import { DECLINE_REASONS, GENDERS, STRUCTURE_TYPES, VULNERABILITIES } from '../../../../electron/shared/domain';
import { codeLabel, nationalityLabel, type CodeList } from './figure-labels';

export type LevelKind = 'structures' | 'types' | 'partners';

export interface LevelRow {
  /** `structure:4`, `type:shelter`, `partner:2`: also the value of the level picker. */
  key: string;
  name: string;
  /** Structures only: their type and partner, in words. */
  type?: string;
  partner?: string;
  figures: FigureBlock;
}

const partnerName = (summary: MonthSummary, id: number) => summary.partners.find((p) => p.id === id)?.name ?? `#${id}`;

export function levelRows(t: TFunction, summary: MonthSummary, kind: LevelKind): LevelRow[] {
  switch (kind) {
    case 'structures':
      return summary.structures.map((s) => ({
        key: `structure:${s.id}`, name: s.name, type: codeLabel(t, 'structureTypes', s.type), partner: partnerName(summary, s.partnerId), figures: s.figures,
      }));
    case 'types':
      return summary.types.map((s) => ({ key: `type:${s.type}`, name: codeLabel(t, 'structureTypes', s.type), figures: s.figures }));
    case 'partners':
      return summary.partners.map((p) => ({ key: `partner:${p.id}`, name: p.name, figures: p.figures }));
  }
}

/** The figures of the level chosen in the picker (`total` or a level row's key); the total when it is gone. */
export function figuresOf(t: TFunction, summary: MonthSummary, key: string): { key: string; name: string; figures: FigureBlock } {
  for (const kind of ['structures', 'types', 'partners'] as const) {
    const row = levelRows(t, summary, kind).find((r) => r.key === key);
    if (row) return row;
  }
  return { key: 'total', name: t('summary.levelTotal'), figures: summary.total };
}

export interface CountRow {
  key: string;
  label: string;
  count: number;
}

const coded = <C extends string>(t: TFunction, list: CodeList, codes: readonly C[], counts: Record<C, number>): CountRow[] =>
  codes.map((code) => ({ key: code, label: codeLabel(t, list, code), count: counts[code] }));

export type BreakdownKey = 'byGender' | 'byAgeBand' | 'byNationality' | 'byStructureType' | 'byPartner' | 'byVulnerability' | 'byHouseholdType';
export const BREAKDOWNS: readonly BreakdownKey[] = ['byGender', 'byAgeBand', 'byNationality', 'byStructureType', 'byPartner', 'byVulnerability', 'byHouseholdType'];

/** One breakdown of the persons served as rows, in the list's own order (the table sorts them on demand). */
export function breakdownRows(t: TFunction, summary: MonthSummary, figures: FigureBlock, key: BreakdownKey, locale: string): CountRow[] {
  switch (key) {
    case 'byGender': return coded(t, 'genders', GENDERS, figures.byGender);
    case 'byAgeBand': return coded(t, 'ageBands', AGE_BANDS, figures.byAgeBand);
    case 'byStructureType': return coded(t, 'structureTypes', STRUCTURE_TYPES, figures.byStructureType);
    case 'byVulnerability': return coded(t, 'vulnerabilities', VULNERABILITIES, figures.byVulnerability);
    case 'byHouseholdType': return coded(t, 'householdTypes', HOUSEHOLD_TYPES, figures.byHouseholdType);
    case 'byNationality': return figures.byNationality.map((n) => ({ key: n.code, label: nationalityLabel(t, n.code, locale), count: n.count }));
    case 'byPartner': return figures.byPartner.map((p) => ({ key: String(p.partnerId), label: partnerName(summary, p.partnerId), count: p.count }));
  }
}

export const exitReasonRows = (t: TFunction, figures: FigureBlock): CountRow[] => coded(t, 'exitReasons', SUMMARY_EXIT_REASONS, figures.exitsByReason);
export const stayBandRows = (t: TFunction, figures: FigureBlock): CountRow[] => coded(t, 'stayBands', STAY_BANDS, figures.lengthOfStay.bands);
export const declineRows = (t: TFunction, byReason: NonNullable<FigureBlock['referrals']['declinedByReason']>): CountRow[] => coded(t, 'declineReasons', DECLINE_REASONS, byReason);

export interface ContributionRow {
  key: ContributionType;
  label: string;
  decidedCount: number;
  decidedCents: number;
  disbursedCount: number;
  disbursedCents: number;
  ytdApprovedCents: number;
  ytdPaidCents: number;
  /** Null: no budget set for the year. */
  budgetCents: number | null;
}

/** The contributions by type; null at a level where contributions do not exist (structures and types). */
export function contributionRows(t: TFunction, figures: FigureBlock): ContributionRow[] | null {
  const c = figures.contributions;
  if (!c) return null;
  return CONTRIBUTION_TYPES.map((type) => ({
    key: type,
    label: codeLabel(t, 'contributionTypes', type),
    decidedCount: c.decided[type].count,
    decidedCents: c.decided[type].cents,
    disbursedCount: c.disbursed[type].count,
    disbursedCents: c.disbursed[type].cents,
    ytdApprovedCents: c.yearToDate[type].approvedCents,
    ytdPaidCents: c.yearToDate[type].paidCents,
    budgetCents: c.yearToDate[type].budgetCents,
  }));
}

/** openAtStart + entries − exits against openAtEnd: the identity every level must satisfy. */
export function balanceOf(figures: FigureBlock): { expected: number; balanced: boolean } {
  const expected = figures.openAtStart + figures.entries - figures.exits;
  return { expected, balanced: expected === figures.openAtEnd };
}

// ——— Months

/** 'YYYY-MM' of the month before the one `today` ('YYYY-MM-DD') is in: the last complete month. */
export function lastCompleteMonth(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

export { nextMonth };

/** A month's name with its year, in the interface language ("marzo 2026", "March 2026"). */
export function monthName(month: string, locale: string, style: 'long' | 'short' = 'long'): string {
  const text = sharedMonthName(month, locale, style);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
