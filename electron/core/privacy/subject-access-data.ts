// The shape of the subject-access document (the JSON given to the person, and what the PDF renders), apart
// from the code that gathers it (subject-access.ts) and the code that prints it (subject-access-pdf.ts).
import type { Locale } from '../../shared/schema-kit';
import type { persons } from '../db/schema';
import type { personDetail } from '../services/persons';
import type { contributionsForSubjectAccess } from '../services/contributions';
import type { Plan } from '../../shared/channels/pathway';

type Detail = ReturnType<typeof personDetail>;

export const SUBJECT_ACCESS_FORMAT = 'approdo-subject-access/1';

/**
 * The document given to the person. Staff appear by role, never by name: the person is told what was
 * done with their data and in which capacity, without exposing the staff of a confidential shelter.
 * Other household members appear by code and relationship only: their names are their own data.
 */
export interface SubjectAccessData {
  format: typeof SUBJECT_ACCESS_FORMAT;
  generatedAt: string;
  locale: Locale;
  retentionYears: number;
  person: Omit<typeof persons.$inferSelect, 'id' | 'searchText' | 'nameKey' | 'languages' | 'vulnerabilities'> & {
    languages: string[];
    vulnerabilities: string[];
  };
  household: { relationship: string | null; members: { code: string; relationship: string; birthYear: number | null; self: boolean }[] } | null;
  stays: Detail['stays'];
  referrals: Omit<Detail['referrals'][number], 'personId' | 'householdId' | 'personCode' | 'waitingHours'>[];
  consents: Omit<Detail['consents'][number], 'personId'>[];
  nameReveals: { at: string; byRole: string | null; reason: string }[];
  dateCorrections: { at: string; byRole: string | null; entity: string; recordId: number; field: string; oldValue: string | null; newValue: string | null; reason: string }[];
  anonymisations: { at: string; kind: string; reason: string | null }[];
  /** The housing contributions of the person's household. */
  contributions: ReturnType<typeof contributionsForSubjectAccess>['contributions'];
  /** The accompaniment: plans with goals and reviews, services received, case notes (all of them: they are
   * the person's data, confidential ones included), host-family agreements. Staff by role. */
  pathway: {
    plans: (Omit<Plan, 'reviews'> & { reviews: (Omit<Plan['reviews'][number], 'byName'> & { byRole: string | null })[] })[];
    interventions: { date: string; area: string; type: string; minutes: number; byRole: string | null; provider: string | null; outcome: string | null }[];
    caseNotes: { date: string; byRole: string | null; confidential: boolean; body: string }[];
    agreements: { signedOn: string; startDate: string; endDate: string | null; conditions: string | null }[];
  };
  auditEvents: { at: string; byRole: string | null; action: string; entity: string; recordId: string | null; fields: string[] }[];
}
