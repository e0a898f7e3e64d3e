/** Values found anywhere in the text: e-mails, web addresses, phone numbers and years. */
import LinkifyIt from 'linkify-it';
import type { Rules } from '../rules/compile.js';
import type { Range } from '../util/lines.js';
import type { Context } from './context.js';
import { answer, type LinkMatch, type Lookups, type PhoneMatch } from '../document.js';

/** A value with where it stands. */
export interface Found {
  value: string;
  range: Range;
}

/** One linkify-it per rules (its extra top-level domains come from rules). */
const linkifiers = new WeakMap<Rules, LinkifyIt>();
type FindPhones = (typeof import('libphonenumber-js/max'))['findPhoneNumbersInText'];
let findPhones: FindPhones | undefined;

/** Loads the phone metadata (about 150 kB) the first time a document holds digits that could be one. */
async function phoneFinder(): Promise<FindPhones> {
  findPhones ??= (await import('libphonenumber-js/max')).findPhoneNumbersInText;
  return findPhones;
}

const LINK_SIGN = /@|\/\/|\.\p{L}/u;

/** What linkify-it finds in a text (its matches, as plain data). */
function linkMatches(text: string, rules: Rules): LinkMatch[] {
  let linkify = linkifiers.get(rules);
  if (!linkify) {
    linkify = new LinkifyIt().tlds(rules.webDomains, true);
    linkifiers.set(rules, linkify);
  }
  // Every link linkify-it finds holds `@` (e-mail), `//` (a scheme) or a dot before a letter (a
  // domain): most lines have none, and linkify's own test is far slower than this one.
  if (!LINK_SIGN.test(text)) return [];
  return (linkify.match(text) ?? []).map((m) => ({ schema: m.schema, index: m.index, lastIndex: m.lastIndex, raw: m.raw }));
}

/** The look-up stage of links: asks linkify-it about these texts, for `memo`. */
export function lookUpLinks(texts: string[], rules: Rules, memo: Lookups['links']): void {
  for (const text of texts) answer(memo, text, (t) => linkMatches(t, rules));
}

/** E-mail addresses and web addresses of one range, by linkify-it. */
export function links(range: Range, context: Context): { emails: Found[]; websites: Found[] } {
  const emails: Found[] = [];
  const websites: Found[] = [];
  for (const match of answer(context.lookups.links, range.text, (text) => linkMatches(text, context.rules))) {
    const at = { text: match.raw, start: range.start + match.index, end: range.start + match.lastIndex };
    if (match.schema === 'mailto:') emails.push({ value: match.raw.replace(/^mailto:/iu, '').toLowerCase(), range: at });
    else if (/^(https?:|)$/u.test(match.schema) && !/@/u.test(match.raw) && (match.schema !== '' || bareHost(match.raw, context))) websites.push({ value: website(match.raw), range: at });
  }
  const { re: obfuscatedEmail, marker, dotMarker } = context.rules.obfuscatedEmail;
  obfuscatedEmail.lastIndex = 0;
  for (let m = marker.test(range.text) ? obfuscatedEmail.exec(range.text) : null; m; m = obfuscatedEmail.exec(range.text)) {
    const value = m[0].replace(marker, '@').replace(dotMarker, '.').toLowerCase();
    emails.push({ value, range: { text: m[0], start: range.start + m.index, end: range.start + m.index + m[0].length } });
  }
  emails.sort((a, b) => a.range.start - b.range.start);
  // `jan [at] welzijn.nl`: the domain of an e-mail address is not a website.
  return { emails, websites: websites.filter((w) => !emails.some((e) => e.range.start <= w.range.start && w.range.end <= e.range.end)) };
}

/** An address without scheme: `www.…`, or a host ending in a known domain as written in lower case (`hebben.In` is a missing space). */
function bareHost(raw: string, context: Context): boolean {
  if (/^www\./iu.test(raw)) return true;
  const tld = /\.([\p{L}]+)(?=[/?#:]|$)/u.exec(raw.split(/[/?#]/u)[0]!)?.[1] ?? '';
  return context.rules.bareDomains.has(tld);
}

/** `www.Example.nl/pad` → `https://www.example.nl/pad`. */
export function website(raw: string): string {
  const withScheme = /^https?:\/\//iu.test(raw) ? raw : `https://${raw}`;
  return withScheme.replace(/^(https?:\/\/)([^/?#]+)/iu, (_, scheme: string, host: string) => scheme.toLowerCase() + host.toLowerCase());
}

/** The same address with and without `www.`, scheme or trailing `/` is one website. */
export function websiteKey(url: string): string {
  return url.replace(/^https?:\/\//iu, '').replace(/^www\./iu, '').replace(/\/$/u, '').toLowerCase();
}

/** Digits that may be a phone number: the range (and each part of a list) is searched only when it has some. */
const PHONE_SIGN = /\d[\d\s()./-]{4,}\d/u;

/** Whether `phones()` can find anything in a text (false: it finds nothing, and warns of nothing). */
export function mayHoldPhone(text: string): boolean {
  return PHONE_SIGN.test(text);
}

/**
 * The parts of a text between list separators, with their offsets: numbers are looked for in
 * each part alone (`06 …, 14 0174` must not read as one number).
 */
function listParts(text: string): { text: string; from: number }[] {
  const parts: { text: string; from: number }[] = [];
  let from = 0;
  for (const separator of text.matchAll(/,\s+|;\s*|\s+(?:of|en|\/)\s+/gu)) {
    parts.push({ text: text.slice(from, separator.index), from });
    from = separator.index + separator[0].length;
  }
  parts.push({ text: text.slice(from), from });
  return parts;
}

/** The numbers libphonenumber-js finds in one list part. */
function phoneMatches(chunk: string, find: FindPhones): PhoneMatch[] {
  return PHONE_SIGN.test(chunk) ? find(chunk, 'NL').map((m) => ({ startsAt: m.startsAt, endsAt: m.endsAt, number: m.number.number as string })) : [];
}

/** The look-up stage of phones: asks libphonenumber-js about every list part of these texts that may hold a number, for `memo`. */
export async function lookUpPhones(texts: string[], memo: Lookups['phones']): Promise<void> {
  for (const text of texts) {
    if (!PHONE_SIGN.test(text)) continue;
    const find = await phoneFinder();
    for (const part of listParts(text)) answer(memo, part.text, (t) => phoneMatches(t, find));
  }
}

/** Phone numbers of one range in E.164; phone-like digits that are not a valid number are warned about. */
export async function phones(range: Range, context: Context): Promise<Found[]> {
  if (!PHONE_SIGN.test(range.text)) return [];
  const find = await phoneFinder();
  const found: Found[] = [];
  for (const { text: chunk, from } of listParts(range.text)) {
    for (const m of answer(context.lookups.phones, chunk, (t) => phoneMatches(t, find))) {
      // A Dutch number is written from its 0, +31, 0031 or 14: `9.00–17.00 uur` is a time.
      const raw = chunk.slice(m.startsAt, m.endsAt);
      if (!/^(?:\+|\(?0|14)/u.test(raw) || context.rules.openingHours.test(raw)) continue;
      const start = from + m.startsAt;
      found.push({ value: m.number, range: { text: raw, start: range.start + start, end: range.start + from + m.endsAt } });
    }
  }
  const phoneLike = context.rules.phoneLike;
  phoneLike.lastIndex = 0;
  for (let m = phoneLike.exec(range.text); m; m = phoneLike.exec(range.text)) {
    const start = range.start + m.index;
    const end = start + m[0].trimEnd().length;
    if (found.some((f) => f.range.start < end && start < f.range.end)) continue;
    // Two numbers joined by `/` are each checked on their own.
    for (const part of m[0].split(/\s\/\s|\/(?=\s*0)/u)) {
      const digits = part.replace(/\D/gu, '');
      if (digits.length < 6 || /^(19|20)\d\d\D+(19|20)\d\d$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/u.test(part.trim()) || context.rules.openingHours.test(part.trim())) continue;
      const offset = range.text.indexOf(part.trim(), m.index);
      context.warn(
        'invalid-phone',
        `Unexpected phone number \`${part.trim()}\`, expected 10 digits starting with 0 (or +31)`,
        { start: range.start + offset, end: range.start + offset + part.trim().length },
      );
    }
  }
  return found;
}

/** Years 1900–2100 mentioned in one range. */
export function years(range: Range, context: Context): Found[] {
  // A year is four digits: most lines have none, and the rule's pattern starts with look-behinds tried at every character.
  if (!/\d{4}/u.test(range.text)) return [];
  const re = context.rules.year;
  re.lastIndex = 0;
  const found: Found[] = [];
  for (let m = re.exec(range.text); m; m = re.exec(range.text)) {
    found.push({ value: m[0], range: { text: m[0], start: range.start + m.index, end: range.start + m.index + m[0].length } });
  }
  return found;
}

/** Keeps the first of each value (by key), in order. */
export function unique(found: Found[], key: (value: string) => string = (v) => v): Found[] {
  const seen = new Set<string>();
  return found.filter((f) => {
    const k = key(f.value);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
