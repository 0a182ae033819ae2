// Accent-free, lower-case text for search and duplicate keys: the same function runs on stored names
// (main) and on what is typed (main and renderer), so 'José' and 'jose' meet.

/** Letters that Unicode decomposition leaves whole (ø, ł, đ, æ…): spelled the way Italian desks type them. */
const FOLD: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h',
};

/**
 * 'D’Ángelo-Núñez ' → 'dangelo nunez'. Apostrophes vanish (so "d'angelo" and "dangelo" match), other
 * punctuation becomes a space, runs of spaces collapse.
 */
export function normaliseText(value: string | null | undefined): string {
  if (!value) return '';
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþıħ]/g, (c) => FOLD[c] ?? c)
    .replace(/['’‘`´ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a typed query, normalised, at most `max` of them (each must match somewhere). */
export function queryWords(query: string, max = 5): string[] {
  const words = normaliseText(query).split(' ').filter(Boolean);
  // Past the limit the remaining words are kept as one phrase rather than dropped.
  return words.length <= max ? words : [...words.slice(0, max - 1), words.slice(max - 1).join(' ')];
}
