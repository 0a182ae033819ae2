// The person form's values: empty for a new person, filled from persons.get for an edit, and the
// duplicate check's question. Pure: the unit tests read it.
import type { ChannelInput } from '../../../../electron/shared/contract';
import type { PersonDetail, PersonFields } from '../../../../electron/shared/channels/people';

/** What the form holds: text inputs hold '' rather than null (the schema turns '' back into null). */
export type PersonFormValues = PersonFields;

export function emptyPersonValues(): Partial<PersonFormValues> {
  return {
    displayName: '',
    givenNames: '',
    familyNames: '',
    birthDate: null,
    birthYear: null,
    nationality: null,
    languages: [],
    permitType: null,
    permitNumber: '',
    permitExpiry: null,
    fiscalCode: '',
    referralSource: null,
    vulnerabilities: [],
    restricted: false,
    notes: '',
  };
}

/** The stored fields as the form edits them. Only call with names shown: hidden names would be saved empty. */
export function valuesFromDetail(fields: PersonDetail['fields']): PersonFormValues {
  return {
    displayName: fields.displayName ?? '',
    givenNames: fields.givenNames ?? '',
    familyNames: fields.familyNames ?? '',
    gender: fields.gender,
    birthDate: fields.birthDate,
    birthYear: fields.birthYear,
    nationality: fields.nationality,
    languages: [...fields.languages],
    permitType: (fields.permitType as PersonFormValues['permitType']) ?? null,
    permitNumber: fields.permitNumber ?? '',
    permitExpiry: fields.permitExpiry,
    fiscalCode: fields.fiscalCode ?? '',
    referralSource: (fields.referralSource as PersonFormValues['referralSource']) ?? null,
    vulnerabilities: fields.vulnerabilities as PersonFormValues['vulnerabilities'],
    restricted: fields.restricted,
    notes: fields.notes ?? '',
  };
}

/** The duplicate check asks about what identifies a person: fiscal code, names and birth date. */
export function duplicateQuestion(fields: {
  fiscalCode?: string | null;
  displayName: string;
  givenNames?: string | null;
  familyNames?: string | null;
  birthDate?: string | null;
}, excludeId?: number): ChannelInput<'persons.findDuplicates'> {
  return {
    ...(excludeId ? { excludeId } : {}),
    fiscalCode: fields.fiscalCode || null,
    displayName: fields.displayName || null,
    givenNames: fields.givenNames || null,
    familyNames: fields.familyNames || null,
    birthDate: fields.birthDate || null,
  };
}
