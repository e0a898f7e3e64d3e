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

const UPPER = /^\p{Lu}$/u;

/**
 * Whether `test` holds for some capitalised word of `text`: each match of `/\p{Lu}\p{L}+/gu`,
 * in order, by a scan (the expression allocated an array of every capitalised word of every line).
 */
export function someCapitalisedWord(text: string, test: (word: string) => boolean): boolean {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const width = pairAt(text, i) ? 2 : 1;
    const upper = code >= 65 && code <= 90 ? true : code < 128 ? false : UPPER.test(text.slice(i, i + width));
    if (!upper) {
      i += width;
      continue;
    }
    let end = i + width;
    for (let w = letterWidth(text, end); w > 0; w = letterWidth(text, end)) end += w;
    if (end > i + width && test(text.slice(i, end))) return true;
    i = end;
  }
  return false;
}

/** The width (1 or 2 code units) of the letter at `i`, or 0 when no letter stands there. */
function letterWidth(text: string, i: number): number {
  if (i >= text.length) return 0;
  const code = text.charCodeAt(i);
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return 1;
  if (code < 128) return 0;
  const width = pairAt(text, i) ? 2 : 1;
  return LETTER.test(text.slice(i, i + width)) ? width : 0;
}

/** Whether a surrogate pair (one code point of two code units) starts at `i`. */
function pairAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return false;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}
