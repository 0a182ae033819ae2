// How a referral reads in lists: waiting time ("3 h", "2 g"), urgency badge, needs in one line, language names.
import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../../electron/shared/channels/people';
import { waitingParts } from './queue';
import { vocabLabel } from '../../components/vocab';

export function formatWaiting(hours: number, t: TFunction): string {
  const { unit, count } = waitingParts(hours);
  if (unit === 'lessThanHour') return t('referrals.waitLessThanHour');
  return unit === 'hours' ? t('referrals.waitHours', { count }) : t('referrals.waitDays', { count });
}

const URGENCY_COLORS: Record<string, string> = { low: 'gray', normal: 'blue', high: 'orange', immediate: 'red' };

export function UrgencyBadge({ urgency }: { urgency: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={URGENCY_COLORS[urgency] ?? 'gray'} variant={urgency === 'immediate' ? 'filled' : 'light'} tt="none" style={{ flex: 'none', overflow: 'visible' }} data-testid="urgency-badge">
      {vocabLabel(t, 'urgencies', urgency)}
    </Badge>
  );
}

/** Language codes offered for a referral's needs; the names come from Intl in the interface language. */
export const LANGUAGE_CODES = [
  'it', 'en', 'fr', 'es', 'pt', 'de', 'ar', 'fa', 'ps', 'ur', 'bn', 'hi', 'pa', 'ta', 'zh', 'tl', 'ru', 'uk', 'ro', 'sq',
  'sr', 'tr', 'ku', 'ti', 'am', 'so', 'om', 'wo', 'ff', 'ha', 'yo', 'ig', 'tw', 'ln', 'sw', 'bm',
] as const;

export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale === 'en' ? 'en' : 'it'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageOptions(locale: string): { value: string; label: string }[] {
  return LANGUAGE_CODES.map((code) => ({ value: code, label: languageName(code, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale));
}

/** The household's needs in one line: people, children and their ages, flags, language. */
export function needsSummary(referral: Pick<Referral, 'people' | 'childrenAges' | 'womenOnly' | 'accessibility' | 'lgbtSafe' | 'language'>, t: TFunction, locale: string): string {
  const parts = [t('referrals.peopleCount', { count: referral.people })];
  // Each age with its own plural ("1 anno", "9 anni"): i18next picks the form from the number.
  const ages = referral.childrenAges.map((age) => t('referrals.ageYears', { count: age })).join(', ');
  if (referral.childrenAges.length > 0) parts.push(t('referrals.childrenAges', { count: referral.childrenAges.length, ages }));
  if (referral.womenOnly) parts.push(t('referrals.womenOnly'));
  if (referral.accessibility) parts.push(t('referrals.accessibility'));
  if (referral.lgbtSafe) parts.push(t('referrals.lgbtSafe'));
  if (referral.language) parts.push(t('referrals.languageIs', { language: languageName(referral.language, locale) }));
  return parts.join(' · ');
}
