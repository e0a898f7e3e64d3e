/** Small text helpers shared by rules, extraction and evaluation. */

/** Escapes a string for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Whitespace as it occurs in scraped text: spaces, tabs, NBSP, zero-width characters. */
export const SPACE = /[\s\u00a0\u200b-\u200d\u2060\ufeff]+/gu;

/** Collapses every whitespace run (NBSP and zero-width included) into one space and trims. */
export function squash(text: string): string {
  return text.replace(SPACE, ' ').trim();
}

/** Key for case-insensitive lookups: NFC, straight apostrophes, one space, lower case. */
export function fold(text: string): string {
  return squash(text.normalize('NFC').replace(/[’‘`]/g, "'")).toLowerCase();
}

/** Removes diacritics (for slugs). */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** `Capelle aan den IJssel` → `capelle-aan-den-ijssel`. */
export function slug(text: string): string {
  return stripDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Whether a string is blank: only whitespace, NBSP or zero-width characters. */
export function isBlank(text: string): boolean {
  return !NOT_SPACE.test(text);
}

const LOWER_UPPER = /\p{Ll}\p{Lu}/u;
const ASCII_LOWER_UPPER = /[a-z][A-Z]/;
const NON_ASCII = /[^\t\n\r -~]/;

/**
 * Whether a lower-case letter directly precedes a capital (`eenzaamheidBijna`), as
 * `/\p{Ll}\p{Lu}/u` tells; Unicode classes are slow, so ASCII pairs are looked for first and
 * the full pattern runs only on text with non-ASCII characters.
 */
export function hasLowerUpper(text: string): boolean {
  return ASCII_LOWER_UPPER.test(text) || (NON_ASCII.test(text) && LOWER_UPPER.test(text));
}

const NOT_SPACE = /[^\s\u00a0\u200b-\u200d\u2060\ufeff]/u;
const LETTER = /\p{L}/u;
const WHITE = /\s/u;

/**
 * The word (letters) right before the whitespace that ends `text`, as `/(\p{L}+)\s+$/u` gives
 * it, or '' when `text` does not end in whitespace after a letter. A scan from the end: the
 * pattern is tried at every position of the text.
 */
export function lastWord(text: string): string {
  let end = text.length;
  while (end > 0 && WHITE.test(text[end - 1]!)) end--;
  if (end === text.length) return '';
  let start = end;
  while (start > 0) {
    const code = text.charCodeAt(start - 1);
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) start--;
    else if (code < 128) break;
    else if (code >= 0xdc00 && code <= 0xdfff && start >= 2 && LETTER.test(text.slice(start - 2, start))) start -= 2;
    else if (LETTER.test(text[start - 1]!)) start--;
    else break;
  }
  return text.slice(start, end);
}
