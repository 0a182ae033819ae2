import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../electron/shared/dates';
import {
  addWorkingDays, easterSunday, isHoliday, isWorkingDay, italianHolidays, recordedOnTime,
} from '../../electron/shared/working-days';

const noSaintJohn = { saintJohn: false };

describe('Easter and the Italian public holidays', () => {
  it('computes Easter Sunday (anonymous Gregorian algorithm)', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2038)).toBe('2038-04-25'); // the latest possible date
    expect(easterSunday(2285)).toBe('2285-03-22'); // the earliest possible date
    expect(easterSunday(2000)).toBe('2000-04-23');
  });

  it('lists a year’s holidays, Easter Monday included', () => {
    expect(italianHolidays(2025, noSaintJohn)).toEqual([
      '2025-01-01', '2025-01-06', '2025-04-21', '2025-04-25', '2025-05-01', '2025-06-02', '2025-08-15',
      '2025-11-01', '2025-12-08', '2025-12-25', '2025-12-26',
    ]);
    expect(italianHolidays(2026)).toContain('2026-04-06');
    expect(italianHolidays(2026)).toContain('2026-06-24');
    expect(italianHolidays(2026, noSaintJohn)).not.toContain('2026-06-24');
  });

  it('makes 4 October a holiday from 2026 (Law 151/2025), not before', () => {
    expect(isHoliday('2025-10-04')).toBe(false);
    expect(isHoliday('2026-10-04')).toBe(true);
    expect(isHoliday('2027-10-04')).toBe(true);
    // 4 October 2027 is a Monday: no longer a working day.
    expect(isWorkingDay('2027-10-04')).toBe(false);
    expect(isWorkingDay('2024-10-04')).toBe(true); // a Friday, before the law
  });

  it('makes 24 June a holiday only with the Turin option', () => {
    // 24 June 2026 is a Wednesday.
    expect(isWorkingDay('2026-06-24')).toBe(false);
    expect(isWorkingDay('2026-06-24', { saintJohn: true })).toBe(false);
    expect(isWorkingDay('2026-06-24', noSaintJohn)).toBe(true);
  });

  it('skips weekends', () => {
    expect(isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08')).toBe(false); // Sunday
    expect(isWorkingDay('2026-03-09')).toBe(true); // Monday
  });
});

describe('working days', () => {
  it('adds working days over weekends and Easter Monday', () => {
    // Friday 29 March 2024; Easter Monday 1 April → Tue 2, Wed 3, Thu 4.
    expect(addWorkingDays('2024-03-29', 3)).toBe('2024-04-04');
    // Friday 3 April 2026; Easter Monday 6 April → Tue 7, Wed 8, Thu 9.
    expect(addWorkingDays('2026-04-03', 3)).toBe('2026-04-09');
    // A Wednesday with no holiday near: Thu, Fri, Mon.
    expect(addWorkingDays('2026-03-11', 3)).toBe('2026-03-16');
    // From a Saturday: Mon, Tue, Wed.
    expect(addWorkingDays('2026-03-14', 3)).toBe('2026-03-18');
    // Christmas 2026 is a Friday: 24 Dec (Thu) → Mon 28, Tue 29, Wed 30 (25 and 26 skipped).
    expect(addWorkingDays('2026-12-24', 3)).toBe('2026-12-30');
    // Across the year: Wed 30 Dec 2026 → Thu 31, (1 Jan holiday) Mon 4, Tue 5 Jan 2027 (6 Jan is Epiphany).
    expect(addWorkingDays('2026-12-30', 3)).toBe('2027-01-05');
    expect(addWorkingDays('2026-12-30', 0)).toBe('2026-12-30');
    expect(() => addWorkingDays('2026-12-30', -1)).toThrow(RangeError);
  });

  it('knows 24 June moves the deadline in Turin', () => {
    // Monday 22 June 2026: Tue 23, (Wed 24 Saint John) Thu 25, Fri 26; without the option Wed 24 counts.
    expect(addWorkingDays('2026-06-22', 3)).toBe('2026-06-26');
    expect(addWorkingDays('2026-06-22', 3, noSaintJohn)).toBe('2026-06-25');
  });
});

describe('recorded on time', () => {
  it('compares the Rome calendar day of the recording with the third working day after the date', () => {
    // An exit on Friday 3 April 2026: the deadline is Thursday 9 April (Easter Monday skipped).
    expect(recordedOnTime('2026-04-03', '2026-04-09T21:59:59.000Z')).toBe(true); // 23:59:59 in Rome (+02:00)
    expect(recordedOnTime('2026-04-03', '2026-04-09T22:00:00.000Z')).toBe(false); // already Friday 10 in Rome
    expect(recordedOnTime('2026-04-03', '2026-04-10T08:00:00+02:00')).toBe(false);
    // In winter Rome is at +01:00: 23:30 UTC on 16 March is 00:30 on the 17th in Rome.
    expect(recordedOnTime('2026-03-11', '2026-03-16T22:59:00.000Z')).toBe(true);
    expect(recordedOnTime('2026-03-11', '2026-03-16T23:30:00.000Z')).toBe(false);
    // Recorded before the date: on time.
    expect(recordedOnTime('2026-03-11', '2026-03-02T10:00:00.000Z')).toBe(true);
    // Same day.
    expect(recordedOnTime('2026-03-11', '2026-03-11T10:00:00.000Z')).toBe(true);
    // Unknown or unreadable.
    expect(recordedOnTime('2026-03-11', null)).toBeNull();
    expect(recordedOnTime('2026-03-11', 'not a time')).toBeNull();
  });

  it('honours the Turin option', () => {
    // Monday 22 June 2026, recorded on Friday 26 June: on time only when 24 June is a holiday.
    expect(recordedOnTime('2026-06-22', '2026-06-26T10:00:00+02:00')).toBe(true);
    expect(recordedOnTime('2026-06-22', '2026-06-26T10:00:00+02:00', noSaintJohn)).toBe(false);
  });
});

describe('against date-holidays, 1990–2100', () => {
  // date-holidays (an independent data set) as the oracle for every day of 111 years. Its Italian data lists
  // Easter Sunday (a Sunday: we do not list it, it is no working day anyway) and, in the version pinned, has
  // 4 October from 2026 already; it has no Turin calendar, so 24 June (Saint John, a local holiday) is
  // compared with the option off, and checked on its own above.
  const oracle = new Holidays('IT');
  const publicDays = (year: number) =>
    new Set(oracle.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));

  it('agrees on Easter Sunday every year', () => {
    for (let year = 1990; year <= 2100; year += 1) {
      const names = oracle.getHolidays(year).filter((h) => h.date.slice(0, 10) === easterSunday(year));
      expect(names.length, `Easter ${year}`).toBeGreaterThan(0);
    }
  });

  it('agrees on every holiday and every working day', () => {
    let days = 0;
    const disagreements: string[] = [];
    for (let year = 1990; year <= 2100; year += 1) {
      const expected = publicDays(year);
      // Should a future release of date-holidays drop 4 October again, this line says why the test fails.
      if (year >= 2026) expect(expected.has(`${year}-10-04`), `4 October ${year} in date-holidays`).toBe(true);
      // Easter Sunday added to ours (a Set: in 2038 it is 25 April itself).
      const ours = new Set([...italianHolidays(year, noSaintJohn), easterSunday(year)]);
      expect([...ours].sort(), `holidays of ${year}`).toEqual([...expected].sort());
      for (let day = `${year}-01-01`; day.startsWith(String(year)); day = addDays(day, 1)) {
        const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
        if (isWorkingDay(day, noSaintJohn) !== (weekday !== 0 && weekday !== 6 && !expected.has(day))) disagreements.push(day);
        days += 1;
      }
    }
    expect(disagreements).toEqual([]);
    expect(days).toBe(111 * 365 + 27); // 27 leap years from 1992 to 2096 (2000 is one; 2100 is not)
  });
});
