// Labels and select options for the register's code lists (electron/shared/domain.ts): `vocab.<list>.<code>`
// in the dictionaries. A code the dictionaries do not know (e.g. from a newer register) shows as itself.
import type { TFunction } from 'i18next';

export type VocabList =
  | 'structureTypes' | 'placeKinds' | 'genders' | 'relationships' | 'urgencies' | 'referralOutcomes'
  | 'exitReasons' | 'permitTypes' | 'vulnerabilities' | 'referralSources' | 'declineReasons' | 'personStatuses'
  | 'pathwayAreas' | 'goalStatuses' | 'interventionTypes' | 'vettingOutcomes' | 'contributionStatuses';

export function vocabLabel(t: TFunction, list: VocabList, code: string | null | undefined): string {
  if (!code) return '';
  return t(`vocab.${list}.${code}`, { defaultValue: code });
}

export function vocabOptions<C extends string>(t: TFunction, list: VocabList, codes: readonly C[]): { value: C; label: string }[] {
  return codes.map((value) => ({ value, label: vocabLabel(t, list, value) }));
}
