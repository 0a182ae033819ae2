// Money is integer euro cents everywhere: in the database, over IPC and in every computation. Only the
// edges turn it into text: `formatEuro` for display, `parseEuro` for what a person types. No floating-point
// sum is ever made; the only float touched is a typed amount's digits, which are read as integers.

/** Largest amount any field accepts: € 10.000.000,00 — far above any contribution or yearly budget, and
 * far below Number.MAX_SAFE_INTEGER, so every sum of the register's amounts stays an exact integer. */
export const MAX_CENTS = 1_000_000_000;

const formatters = new Map<string, Intl.NumberFormat>();

/** it-IT `1.234,50 €`, en `€1,234.50`. `useGrouping: 'always'`: it-IT would otherwise write `1234,50 €`
 * (CLDR groups Italian numbers only from five digits). */
export function formatEuro(cents: number, locale: 'it' | 'en' = 'it'): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale === 'it' ? 'it-IT' : 'en-GB', {
      style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: 'always',
    });
    formatters.set(locale, formatter);
  }
  // Integer division keeps the digits exact; the formatter only lays them out.
  const sign = cents < 0 ? -1 : 1;
  const abs = Math.abs(cents);
  return formatter.format(sign * (Math.trunc(abs / 100) + (abs % 100) / 100));
}

/** `1234,5` as the number the field shows while editing (no currency sign, no grouping): it `1234,50`, en `1234.50`. */
export function centsToInput(cents: number, locale: 'it' | 'en' = 'it'): string {
  const abs = Math.abs(cents);
  const text = `${cents < 0 ? '-' : ''}${Math.trunc(abs / 100)}${locale === 'it' ? ',' : '.'}${String(abs % 100).padStart(2, '0')}`;
  return text;
}

/**
 * What a person typed, as cents, or null when it is not an amount. Accepts `1234,5`, `1.234,50`,
 * `1234.50`, `€ 1.234,50`, `1 234,50`. The separator that comes last, followed by one or two digits, is the
 * decimal one; the other is a grouping separator and must group by three. A lone `.` or `,` followed by
 * exactly three digits (`1.234`) is grouping in Italian and decimal in no locale here (amounts have cents,
 * not thousandths) — so `1.234` is € 1.234,00 in both languages; `1,234` likewise. Negative amounts and
 * more than two decimals are refused, and so is anything above MAX_CENTS.
 */
export function parseEuro(typed: string): number | null {
  const text = typed.replace(/[\s\u00a0\u202f€]/g, '');
  if (!/^\d[\d.,]*$/.test(text)) return null;
  const last = Math.max(text.lastIndexOf(','), text.lastIndexOf('.'));
  let whole = text;
  let fraction = '';
  if (last >= 0 && text.length - last - 1 <= 2) {
    whole = text.slice(0, last);
    fraction = text.slice(last + 1);
    if (fraction === '') return null;
  }
  if (whole.includes(',') || whole.includes('.')) {
    const groups = whole.split(/[.,]/);
    const separators = whole.replace(/\d/g, '');
    if (new Set(separators).size > 1) return null;
    if (separators.includes(text[last] ?? '') && fraction !== '') return null;
    if (!/^[1-9]\d{0,2}$/.test(groups[0]!) || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return null;
    whole = groups.join('');
  }
  if (!/^\d+$/.test(whole) || !/^\d{0,2}$/.test(fraction)) return null;
  if (whole.length > 9) return null;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return cents <= MAX_CENTS ? cents : null;
}

/** Exact sum of integer cents (throws if a value is not an integer: a float never enters a money sum). */
export function sumCents(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) {
    if (!Number.isSafeInteger(v)) throw new Error('money values are integer cents');
    total += v;
  }
  return total;
}
