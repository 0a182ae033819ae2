// The persons screens' own rules: the register query sent per page, the form's values and duplicate question,
// the stay timeline, permit and age flags, and labels for every code list in both languages.
import { describe, expect, it } from 'vitest';
import { personFieldsSchema } from '../../electron/shared/channels/people';
import {
  DECLINE_REASONS, EXIT_REASONS, GENDERS, PERMIT_TYPES, PLACE_KINDS, REFERRAL_OUTCOMES, REFERRAL_SOURCES, RELATIONSHIPS,
  STRUCTURE_TYPES, URGENCIES, VULNERABILITIES,
} from '../../electron/shared/domain';

import * as query from '../../renderer/src/features/persons/persons-query';
import * as timeline from '../../renderer/src/features/persons/person-timeline';
import * as format from '../../renderer/src/features/persons/person-format';
import * as formValues from '../../renderer/src/features/persons/person-form-values';
import { en as enDict, it as itDict } from '../../renderer/src/i18n/resources';

type Tree = { [key: string]: string | Tree };

describe('persons register query', () => {
  it('asks for the first hundred rows sorted by code when nothing is chosen, with no filter at all', () => {
    expect(query.searchInput(query.NO_FILTERS, { id: 'code', desc: false }, 0)).toEqual({
      query: '', sort: 'code', direction: 'asc', offset: 0, limit: 100,
    });
  });

  it('sends each chosen filter, the trimmed search, the sort direction and the offset of the next page', () => {
    const filters: query.PersonFilters = { ...query.NO_FILTERS, query: '  Amina ', structureId: 7, status: 'present', gender: 'female', nationality: 'NG', vulnerability: 'pregnancy', permitWithinDays: 30 as const };
    expect(query.searchInput(filters, { id: 'permitExpiry', desc: true }, 200)).toEqual({
      query: 'Amina', structureId: 7, status: 'present', gender: 'female', nationality: 'NG', vulnerability: 'pregnancy',
      permitExpiringWithinDays: 30, sort: 'permitExpiry', direction: 'desc', offset: 200, limit: 100,
    });
  });

  it('never sends a sort the register cannot do in SQL', () => {
    expect(query.searchInput(query.NO_FILTERS, { id: 'vulnerabilities', desc: true }, 0)).toMatchObject({ sort: 'code', direction: 'desc' });
  });

  it('asks for the next page only near the end of what is loaded, once, and never past the total', () => {
    expect(query.needsNextPage(20, 100, 50_000, false)).toBe(false);
    expect(query.needsNextPage(70, 100, 50_000, false)).toBe(true);
    expect(query.needsNextPage(70, 100, 50_000, true)).toBe(false);
    expect(query.needsNextPage(99, 100, 100, false)).toBe(false);
    expect(query.needsNextPage(99, 100, null, false)).toBe(false);
  });
});

type Stay = Parameters<typeof timeline.stayEvents>[0];
const stay = (over: Partial<Stay>): Stay => ({
  id: 1, entryDate: '2026-03-01', exitDate: null, plannedEnd: '2026-06-01', exitReason: null, destination: null, referralId: null,
  extensions: [], placements: [], ...over,
});
const placement = (id: number, startDate: string, endDate: string | null) => ({
  id, placeId: id, placeLabel: `L${id}`, roomName: 'R', structureId: 1, structureName: 'S', startDate, endDate,
});

describe('stay timeline', () => {
  it('tells a stay in date order and marks a placement starting the day another ends as a transfer', () => {
    const events = timeline.stayEvents(stay({
      exitDate: '2026-05-10', exitReason: 'socio_economic_inclusion',
      placements: [placement(2, '2026-04-01', '2026-05-10'), placement(1, '2026-03-01', '2026-04-01')],
      extensions: [{ id: 9, previousPlannedEnd: '2026-04-15', newPlannedEnd: '2026-06-01', grantedBy: 'Coord', grantedAt: '2026-04-10T09:00:00.000Z' }],
    }));
    expect(events.map((e) => [e.kind, e.date, e.kind === 'placement' ? e.transfer : null])).toEqual([
      ['entry', '2026-03-01', null],
      ['placement', '2026-03-01', false],
      ['placement', '2026-04-01', true],
      ['extension', '2026-04-10', null],
      ['exit', '2026-05-10', null],
    ]);
  });

  it('offers a discharge together only with the other members’ open stays, restricted members by code', () => {
    const household: Parameters<typeof timeline.householdOpenStays>[0] = {
      id: 1, headPersonId: 10,
      members: [
        { personId: 10, code: 'AP-1', displayName: 'Amina', relationship: 'head', gender: 'female', birthYear: 1990 },
        { personId: 11, code: 'AP-2', displayName: null, relationship: 'child', gender: 'male', birthYear: 2018 },
        { personId: 12, code: 'AP-3', displayName: 'Sara', relationship: 'child', gender: 'female', birthYear: 2020 },
      ],
    };
    const byPerson = new Map([
      [10, [stay({ id: 100 })]],
      [11, [stay({ id: 110 }), stay({ id: 111, exitDate: '2026-02-01' })]],
      [12, [stay({ id: 120, exitDate: '2026-04-01' })]],
    ]);
    expect(timeline.householdOpenStays(household, 10, byPerson)).toEqual([{ stayId: 110, personId: 11, code: 'AP-2', label: 'AP-2' }]);
    expect(timeline.householdOpenStays(null, 10, byPerson)).toEqual([]);
  });
});

describe('permit and age flags', () => {
  it('flags a permit expired on its expiry day, then within 30 and 60 days', () => {
    expect(format.permitState('2026-05-01', '2026-05-01')).toBe('expired');
    expect(format.permitState('2026-05-31', '2026-05-01')).toBe('within30');
    expect(format.permitState('2026-06-01', '2026-05-01')).toBe('within60');
    expect(format.permitState('2026-07-01', '2026-05-01')).toBeNull();
    expect(format.permitState(null, '2026-05-01')).toBeNull();
  });

  it('counts age in whole years from the birth date, and approximately from an estimated year', () => {
    expect(format.ageOn('2026-05-01', '2008-05-02', 2008)).toEqual({ years: 17, approximate: false });
    expect(format.ageOn('2026-05-02', '2008-05-02', 2008)).toEqual({ years: 18, approximate: false });
    expect(format.ageOn('2026-05-01', null, 1990)).toEqual({ years: 36, approximate: true });
    expect(format.ageOn('2026-05-01', null, null)).toBeNull();
  });
});

describe('person form values', () => {
  const stored: Parameters<typeof formValues.valuesFromDetail>[0] = {
    displayName: 'Amina', givenNames: null, familyNames: 'Diallo', gender: 'female', birthDate: '1990-04-02', birthYear: 1990,
    nationality: 'GN', languages: ['fr', 'ff'], permitType: 'asylum', permitNumber: null, permitExpiry: '2027-01-31',
    fiscalCode: null, referralSource: 'anti_violence_centre', vulnerabilities: ['single_parent'], restricted: true, notes: null,
  };

  it('turns a stored person into values the contract schema accepts unchanged', () => {
    const parsed = personFieldsSchema.parse(formValues.valuesFromDetail(stored));
    expect(parsed).toEqual({ ...stored });
  });

  it('starts a new person empty, and the schema asks for the name and the gender', () => {
    const result = personFieldsSchema.safeParse(formValues.emptyPersonValues());
    expect(result.success).toBe(false);
    const messages = Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));
    expect(messages).toEqual({ displayName: 'validation.required', gender: 'validation.required' });
  });

  it('says why a fiscal code is wrong', () => {
    const result = personFieldsSchema.safeParse({ ...formValues.valuesFromDetail(stored), fiscalCode: 'rssmra80a01l219x' });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['fiscalCode', 'validation.fiscalCodeChecksum']]);
  });

  it('asks the duplicate check about fiscal code, names and birth date only, empty ones as null', () => {
    expect(formValues.duplicateQuestion({ ...stored, displayName: 'Amina', fiscalCode: '' }, 4)).toEqual({
      excludeId: 4, fiscalCode: null, displayName: 'Amina', givenNames: null, familyNames: 'Diallo', birthDate: '1990-04-02',
    });
  });
});

describe('code list labels', () => {
  const lists = {
    structureTypes: STRUCTURE_TYPES, placeKinds: PLACE_KINDS, genders: GENDERS, relationships: RELATIONSHIPS, urgencies: URGENCIES,
    referralOutcomes: REFERRAL_OUTCOMES, exitReasons: EXIT_REASONS, permitTypes: PERMIT_TYPES, vulnerabilities: VULNERABILITIES,
    referralSources: REFERRAL_SOURCES, declineReasons: DECLINE_REASONS, personStatuses: ['present', 'past', 'never'],
  };

  it('labels every code of every list in Italian and English, each label distinct within its list', () => {
    for (const [dictName, dict] of Object.entries({ it: itDict, en: enDict })) {
      const vocab = dict.vocab as Tree;
      for (const [list, codes] of Object.entries(lists)) {
        const labels = vocab[list] as Record<string, string> | undefined;
        expect(Object.keys(labels ?? {}).sort(), `${dictName} vocab.${list}`).toEqual([...codes].sort());
        expect(new Set(Object.values(labels ?? {})).size, `${dictName} vocab.${list} duplicates`).toBe(codes.length);
      }
    }
  });

  it('uses the official SAI wording for exit reasons in Italian', () => {
    expect(Object.values((itDict.vocab as Tree).exitReasons as Tree)).toEqual([
      'Inserimento socio-economico', 'Scadenza termini', 'Abbandono volontario', 'Allontanamento',
      'Trasferimento ad altro progetto', 'Rimpatrio volontario assistito', 'Altro',
    ]);
  });
});
