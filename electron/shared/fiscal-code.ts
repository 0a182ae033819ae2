// Italian fiscal code (codice fiscale): 16 characters with the check letter (omocodia letters allowed),
// or the 11-digit provisional number (same check digit as a VAT number).

const ODD: Record<string, number> = {
  0: 1, 1: 0, 2: 5, 3: 7, 4: 9, 5: 13, 6: 15, 7: 17, 8: 19, 9: 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18, N: 20, O: 11, P: 3,
  Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
};
const evenValue = (c: string) => (c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 65);

const SHAPE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

/** Translation key of the problem, or null when valid. Expects upper case without spaces. */
export function fiscalCodeProblem(code: string): string | null {
  if (/^\d{11}$/.test(code)) return provisionalCheckDigit(code.slice(0, 10)) === Number(code[10]) ? null : 'validation.fiscalCodeChecksum';
  if (code.length !== 16) return 'validation.fiscalCodeLength';
  if (!SHAPE.test(code)) return 'validation.fiscalCodeFormat';
  let sum = 0;
  for (let i = 0; i < 15; i += 1) sum += i % 2 === 0 ? ODD[code[i]!]! : evenValue(code[i]!);
  return String.fromCharCode(65 + (sum % 26)) === code[15] ? null : 'validation.fiscalCodeChecksum';
}

function provisionalCheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i += 1) {
    const d = Number(first10[i]);
    if (i % 2 === 0) sum += d;
    else sum += d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return (10 - (sum % 10)) % 10;
}
