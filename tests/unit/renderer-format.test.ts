// Dates in the UI: dd/mm/yyyy in both locales, calendar dates never shifted, instants shown in Europe/Rome.
import { describe, expect, it } from 'vitest';
import * as format from '../../renderer/src/i18n/format';

describe('renderer date formatting', () => {
  it('shows a calendar date as dd/mm/yyyy in Italian and English', () => {
    expect(format.formatDate('2026-11-25', 'it')).toBe('25/11/2026');
    expect(format.formatDate('2026-11-25', 'en')).toBe('25/11/2026');
  });

  it('never moves a calendar date by the time zone', () => {
    expect(format.formatDate('2026-01-01', 'it')).toBe('01/01/2026');
    expect(format.formatDate('2026-12-31', 'en')).toBe('31/12/2026');
  });

  it('shows an instant on the Rome calendar and clock', () => {
    // 23:30 UTC on 25 November is 00:30 on 26 November in Rome (CET, UTC+1).
    expect(format.formatDate('2026-11-25T23:30:00.000Z', 'it')).toBe('26/11/2026');
    expect(format.formatTime('2026-11-25T23:30:00.000Z', 'it')).toBe('00:30');
    expect(format.formatDateTime('2026-07-01T10:05:00.000Z', 'en')).toBe('01/07/2026 12:05');
  });

  it('leaves empty values empty', () => {
    expect(format.formatDate(null, 'it')).toBe('');
    expect(format.formatDateTime(undefined, 'en')).toBe('');
  });
});
