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
  return text.replace(SPACE, '') === '';
}
