// Example guests' identity documents: Italian fiscal codes (16 characters, or the 11-digit provisional
// number given to asylum seekers) and residence-permit numbers. The check character is whatever the
// register's own validator accepts, so every generated code passes the same check the form applies.
import { fiscalCodeProblem } from '../../shared/fiscal-code';
import { normaliseText } from '../../shared/text-normalise';
import type { Rng } from './random';

const MONTH_LETTERS = 'ABCDEHLMPRST';
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

function letters(name: string): { consonants: string[]; vowels: string[] } {
  const chars = normaliseText(name).replace(/[^a-z]/g, '').split('');
  return { consonants: chars.filter((c) => !VOWELS.has(c)), vowels: chars.filter((c) => VOWELS.has(c)) };
}

/** Surname part: consonants, then vowels, then X, three letters. */
function surnamePart(family: string): string {
  const { consonants, vowels } = letters(family);
  return [...consonants, ...vowels, 'x', 'x', 'x'].slice(0, 3).join('').toUpperCase();
}

/** Given-name part: with four or more consonants the 1st, 3rd and 4th; otherwise as the surname. */
function givenPart(given: string): string {
  const { consonants, vowels } = letters(given);
  if (consonants.length >= 4) return [consonants[0], consonants[2], consonants[3]].join('').toUpperCase();
  return [...consonants, ...vowels, 'x', 'x', 'x'].slice(0, 3).join('').toUpperCase();
}

/** The letter or digit that makes `body` valid for the register's own validator. */
function completing(body: string, alphabet: string): string | null {
  for (const c of alphabet) if (fiscalCodeProblem(body + c) === null) return body + c;
  return null;
}

export function fiscalCode(p: { given: string; family: string; birthDate: string; female: boolean; birthPlace: string }): string {
  const year = p.birthDate.slice(2, 4);
  const month = MONTH_LETTERS[Number(p.birthDate.slice(5, 7)) - 1]!;
  const day = String(Number(p.birthDate.slice(8, 10)) + (p.female ? 40 : 0)).padStart(2, '0');
  const body = `${surnamePart(p.family)}${givenPart(p.given)}${year}${month}${day}${p.birthPlace}`;
  const code = completing(body, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
  if (!code) throw new Error('fiscal code without a check letter');
  return code;
}

/** The numeric provisional code (11 digits, last one a check digit). */
export function provisionalFiscalCode(rng: Rng): string {
  const body = `${rng.int(1, 9)}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
  const code = completing(body, '0123456789');
  if (!code) throw new Error('provisional code without a check digit');
  return code;
}

/** An electronic residence permit's number: two letters and seven digits. */
export function permitNumber(rng: Rng): string {
  const letter = () => String.fromCharCode(65 + rng.int(0, 25));
  return `${letter()}${letter()}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
}
