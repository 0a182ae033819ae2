// Names and capacity the persons and structures screens show: countries and languages named by Intl in the
// interface language, accent-blind search, and tonight's capacity under the half-open night convention.
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, isCountryCode } from '../../electron/shared/countries';
import * as names from '../../renderer/src/components/intl-names';
import * as capacity from '../../renderer/src/features/structures/capacity';

describe('countries and languages', () => {
  it('holds every ISO 3166-1 alpha-2 country once, plus Kosovo', () => {
    expect(COUNTRY_CODES.length).toBe(250);
    expect(new Set(COUNTRY_CODES).size).toBe(250);
    expect(isCountryCode('XK')).toBe(true);
    expect(isCountryCode('UK')).toBe(false);
  });

  it('names countries in the interface language, never leaving a bare code', () => {
    expect(names.countryName('DE', 'it')).toBe('Germania');
    expect(names.countryName('DE', 'en')).toBe('Germany');
    for (const locale of ['it', 'en']) for (const option of names.countryOptions(locale)) expect(option.label).not.toBe(option.value);
  });

  it('sorts the country list by its names in the language shown', () => {
    const labels = names.countryOptions('it').map((o) => o.label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator('it-IT').compare));
    expect(names.countryOptions('it')[0]?.value).toBe('AF');
  });

  it('names languages capitalised, in the interface language', () => {
    expect(names.languageName('ar', 'it')).toBe('Arabo');
    expect(names.languageName('ti', 'en')).toBe('Tigrinya');
    expect(new Set(names.languageOptions('it').map((o) => o.label)).size).toBe(names.languageOptions('it').length);
  });

  it('compares searches without accents or case', () => {
    expect(names.foldForSearch('Côte d’Ivoire')).toBe('cote d’ivoire');
    expect(names.foldForSearch('ÉTIOPIA')).toBe('etiopia');
  });
});

type Place = Parameters<typeof capacity.placeActiveOn>[0];

describe('structure capacity', () => {
  const place = (id: number, activeFrom: string, activeTo: string | null, outOfService: [string, string | null][] = []): Place => ({
    id, roomId: 1, label: `P${id}`, kind: 'bed', activeFrom, activeTo,
    outOfService: outOfService.map(([fromDate, toDate], i) => ({ id: i + 1, placeId: id, reason: 'r', fromDate, toDate })),
  });

  it('counts a place active from its first night and no longer on its end day', () => {
    const room = { id: 1, structureId: 1, name: 'A', active: true, places: [place(1, '2026-05-01', null), place(2, '2026-05-02', null), place(3, '2026-01-01', '2026-05-01')] };
    expect(capacity.roomCapacity(room, '2026-05-01')).toEqual({ active: 1, outOfService: 0 });
  });

  it('counts out of service only the active places whose period covers the night', () => {
    const room = {
      id: 1, structureId: 1, name: 'A', active: true,
      places: [place(1, '2026-01-01', null, [['2026-05-01', '2026-05-03']]), place(2, '2026-01-01', null, [['2026-04-01', '2026-05-01']]), place(3, '2026-06-01', null, [['2026-05-01', null]])],
    };
    expect(capacity.roomCapacity(room, '2026-05-01')).toEqual({ active: 2, outOfService: 1 });
  });

  it('adds up the list’s capacity', () => {
    const row = (places: number, free: number, occupied: number, out: number) => ({ rooms: 2, places, freeToday: free, occupiedToday: occupied, outOfServiceToday: out });
    expect(capacity.capacityTotals([row(10, 3, 6, 1), row(4, 4, 0, 0)])).toEqual({ structures: 2, rooms: 4, places: 14, freeToday: 7, occupiedToday: 6, outOfServiceToday: 1 });
  });
});
