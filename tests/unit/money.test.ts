import { describe, expect, it } from 'vitest';
import { centsToInput, formatEuro, parseEuro, sumCents } from '../../electron/shared/money';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money in integer cents', () => {
  it('formats it-IT with grouping from four digits, and en', () => {
    expect(nbsp(formatEuro(123_450))).toBe('1.234,50 €');
    expect(nbsp(formatEuro(1))).toBe('0,01 €');
    expect(nbsp(formatEuro(33_333))).toBe('333,33 €');
    expect(nbsp(formatEuro(123_456_789))).toBe('1.234.567,89 €');
    expect(nbsp(formatEuro(-50_000))).toBe('-500,00 €');
    expect(formatEuro(123_450, 'en')).toBe('€1,234.50');
  });

  it('reads what people type', () => {
    expect(parseEuro('1234,5')).toBe(123_450);
    expect(parseEuro('1.234,50')).toBe(123_450);
    expect(parseEuro('1.234,50 €')).toBe(123_450);
    expect(parseEuro('€ 1 234,50')).toBe(123_450);
    expect(parseEuro('1234.50')).toBe(123_450);
    expect(parseEuro('1,234.50')).toBe(123_450);
    expect(parseEuro('1.234')).toBe(123_400);
    expect(parseEuro('0,01')).toBe(1);
    expect(parseEuro('12')).toBe(1200);
    expect(parseEuro('1.234.567,89')).toBe(123_456_789);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '-5', '1,2,3', '12,345,6', '1.23.4', '1,234,5', '12,', '1.2345,00', '1,234.567', '0,001', '99999999999'])
      expect(parseEuro(bad), bad).toBeNull();
  });

  it('round-trips every amount from the editing text', () => {
    for (const cents of [0, 1, 10, 99, 100, 33_333, 123_450, 999_999_99])
      for (const locale of ['it', 'en'] as const) expect(parseEuro(centsToInput(cents, locale))).toBe(cents);
  });

  it('sums only integers', () => {
    expect(sumCents([1, 33_333, 66_666])).toBe(100_000);
    expect(() => sumCents([0.1, 0.2])).toThrow();
  });
});
