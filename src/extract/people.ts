/**
 * People and contacts. Person names are found by compromise, with the Dutch first-name lexicon
 * of rules, in the few lines that can hold one (a first name, a role word, a contact label or
 * cue); initials (`J. de Vries`) and label values (`Contactpersoon: …`) by their shape.
 */
import { answer, type Lookups, type NameMatch } from '../document.js';
import type { CoalitionRecord } from '../schema/record.js';
import type { Rules } from '../rules/compile.js';
import { escapeRegExp, lastWord, someCapitalisedWord, stripDiacritics } from '../util/text.js';
import type { Range } from '../util/lines.js';
import { subRange, type Context } from './context.js';
import { lookup } from './municipalities.js';
import { sectionsOf } from './sections.js';
import { links, mayHoldPhone, phones, type Found } from './values.js';

type Person = CoalitionRecord['people'][number];
type Contact = CoalitionRecord['contacts'][number];

/** A name found in a range, with the role and organisation that stand next to it. */
export interface NameHit {
  range: Range;
  role: string | null;
  organization: string | null;
}

type Nlp = (typeof import('compromise/one'))['default'];
let nlp: Nlp | undefined;
let lexiconFor: Rules | undefined;
/** Per rules: compromise's compiled name match and the initials pattern. */
const matchers = new WeakMap<Rules, { names: unknown; initials: RegExp }>();

/** Loads compromise (the small `one` build) once, and teaches it the first names of rules. */
async function loadNlp(rules: Rules): Promise<Nlp> {
  nlp ??= (await import('compromise/one')).default;
  if (lexiconFor !== rules) {
    nlp.addWords(Object.fromEntries([...lexiconOf(rules)].map((key) => [key, 'FirstName'])));
    lexiconFor = rules;
  }
  return nlp;
}

/** compromise, when it is loaded and knows the first names of rules; else undefined. */
function loadedNlp(rules: Rules): Nlp | undefined {
  return lexiconFor === rules ? nlp : undefined;
}

/** The compiled matchers of a rules set (compiled once; compromise parses a match string on every call otherwise). */
function matchersFor(rules: Rules, parse: Nlp | undefined): { names: unknown; initials: RegExp } {
  let m = matchers.get(rules);
  if (!m || (parse && m.names === null)) {
    const particles = [...rules.particles].map(escapeRegExp).join('|');
    m = {
      // compromise reads `'t` as `t`; `Oude` starts a two-word surname (`Gerben Oude Kotte`).
      names: parse
        ? parse.parseMatch(
            `#FirstName+ (${[...new Set([...rules.particles].map((p) => p.replace(/^['’]/u, '')))].join('|')}){0,3} (${[...rules.surnameStarts].join('|')})? @isTitleCase`,
          )
        : null,
      initials: new RegExp(`(?<![\\p{L}.])(?:\\p{Lu}\\.){1,4}\\s?(?:(?:${particles})\\s+){0,3}\\p{Lu}[\\p{Ll}]+(?:-\\p{Lu}[\\p{Ll}]+)?(?![@\\p{L}])`, 'gu'),
    };
    matchers.set(rules, m);
  }
  return m;
}

/**
 * The role a word names, in its singular form: a role word of rules (`ambassadeurs` →
 * `ambassadeur`) or a compound ending in one (`dorpsconsulenten` → `dorpsconsulent`,
 * `programmasecretaris`); null for any other word.
 */
export function roleOf(word: string, rules: Rules): string | null {
  const lower = word.toLowerCase();
  const exact = rules.roles.get(lower);
  if (exact !== undefined) return exact;
  for (let i = 3; i <= lower.length - 5; i++) {
    const base = rules.roles.get(lower.slice(i));
    if (base !== undefined && /^\p{Ll}+$/u.test(lower.slice(0, i))) return lower.slice(0, i) + base;
  }
  return null;
}

const NAME_WORD = /^\p{Lu}[\p{Ll}\p{Lu}]*(?:-\p{Lu}?[\p{Ll}]+)*$/u;

/** Whether a text holds a capitalised first name of the lexicon (then compromise reads it). */
function hasFirstName(text: string, rules: Rules): boolean {
  return someCapitalisedWord(text, (word) => rules.firstNames.has(word));
}

const INITIAL = /\p{Lu}\./u;

/**
 * Whether a text without a first name may still hold a name: initials (`J. de Vries`) or a
 * contact cue (`Bel met Marije Bosma`), the only other ways findNames finds one.
 */
function otherNameSigns(text: string, rules: Rules): boolean {
  const { initials } = matchersFor(rules, undefined);
  initials.lastIndex = 0;
  rules.contactCue.lastIndex = 0;
  // Initials need a capital and a dot (`J.`): most lines have none, and the full pattern is slow to fail.
  return (INITIAL.test(text) && initials.test(text)) || rules.contactCue.test(text);
}

/** The length a piece for compromise grows to by merging (the old fixed windows were 400 characters). */
const MAX_WINDOW = 400;

/** Per rules: every word compromise tags `#FirstName` (its lexicon keys: lower case, with and without diacritics). */
const lexiconKeys = new WeakMap<Rules, Set<string>>();

function lexiconOf(rules: Rules): Set<string> {
  let keys = lexiconKeys.get(rules);
  if (!keys) {
    keys = new Set([...rules.firstNames].flatMap((name) => [name.toLowerCase(), stripDiacritics(name).toLowerCase()]));
    lexiconKeys.set(rules, keys);
  }
  return keys;
}

/**
 * The words a name match can reach past its last first name: three particles, a surname start,
 * the surname, and a margin for dashes and the like (`Anna – de Vries`). A word is a run of
 * non-space characters (the first may be glued to the name: `Anna,`).
 */
const WORDS_AFTER_FIRST_NAME = /(?:\s*\S+){0,8}/uy;

/**
 * The pieces of a range compromise reads: from each word it tags `#FirstName` to a few words
 * past it, pieces that touch merged. compromise/one tags from its lexicon alone, so text further
 * away cannot change a match, and its cost follows the names instead of the text (on the bench
 * corpus it cost 10% of the run while it read whole lines).
 */
function nameWindows(text: string, rules: Rules): { text: string; start: number }[] {
  const keys = lexiconOf(rules);
  const result: { start: number; end: number }[] = [];
  const word = /\p{L}+/gu;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const lower = m[0].toLowerCase();
    if (!keys.has(lower) && !keys.has(stripDiacritics(lower))) continue;
    const from = m.index + m[0].length;
    WORDS_AFTER_FIRST_NAME.lastIndex = from;
    const end = from + WORDS_AFTER_FIRST_NAME.exec(text)![0].length;
    const last = result[result.length - 1];
    // Touching pieces merge, up to ~400 characters: compromise's cost grows faster than the text it reads.
    if (last && m.index <= last.end && last.end - last.start < MAX_WINDOW) last.end = Math.max(last.end, end);
    else result.push({ start: m.index, end });
  }
  return result.map((w) => ({ text: text.slice(w.start, w.end), start: w.start }));
}

/**
 * Names in one range: compromise for `Firstname (particles) Surname`, a pattern for initials.
 * Synchronous (no await per line) unless compromise still has to be loaded.
 */
export function findNames(range: Range, context: Context): NameHit[] | Promise<NameHit[]> {
  const { rules } = context;
  const known = context.lookups.names.get(range.text);
  const firstName = known === undefined ? hasFirstName(range.text, rules) : known !== null;
  if (!firstName && !otherNameSigns(range.text, rules)) return [];
  if (firstName && !loadedNlp(rules)) return loadNlp(rules).then(() => namesIn(range, context, firstName));
  return namesIn(range, context, firstName);
}

/** compromise's `Firstname (particles) Surname` matches in a text, read in its name windows. */
function nameMatches(text: string, rules: Rules, parse: Nlp): NameMatch[] {
  const names = matchersFor(rules, parse).names as string;
  const matches: NameMatch[] = [];
  for (const window of nameWindows(text, rules)) {
    const json = parse(window.text).match(names).json({ offset: true }) as { terms: { text: string; offset: { start: number } }[] }[];
    for (const hit of json) matches.push(hit.terms.map((t) => ({ text: t.text, start: t.offset.start + window.start })));
  }
  return matches;
}

/**
 * The look-up stage of names: asks compromise about these texts (the ranges findNames will
 * read), for `memo`: their name matches, or null for a text without a first name. Run for a
 * group of documents in a row, compromise stays in the processor's caches: on the bench corpus a
 * call took ~120 µs between the other extractors and ~30 µs in a loop of its own.
 */
export async function lookUpNames(texts: string[], rules: Rules, memo: Lookups['names']): Promise<void> {
  for (const text of texts) {
    if (memo.has(text)) continue;
    if (!hasFirstName(text, rules)) memo.set(text, null);
    else memo.set(text, nameMatches(text, rules, loadedNlp(rules) ?? (await loadNlp(rules))));
  }
}

function namesIn(range: Range, context: Context, firstName: boolean): NameHit[] {
  const { rules } = context;
  const spans: { start: number; end: number }[] = [];
  if (firstName) {
    const matches = answer(context.lookups.names, range.text, (text) => nameMatches(text, rules, loadedNlp(rules)!));
    for (const terms of matches ?? []) {
      if (!terms.every((t) => NAME_WORD.test(t.text) || rules.particles.has(t.text) || rules.particles.has(`'${t.text}`))) continue;
      const first = terms[0]!;
      // `in de Kees Boekezaal`: a name after `de`/`het` names a place or a thing, not a person.
      if (rules.afterArticle.test(range.text.slice(Math.max(0, first.start - 5), first.start))) continue;
      // `Sint-Cecilia Schin`: a first name that ends a compound word is no person.
      if (/[-\p{L}]$/u.test(range.text.slice(Math.max(0, first.start - 1), first.start))) continue;
      const last = terms[terms.length - 1]!;
      if (rules.notNames.has(last.text) || rules.roles.has(last.text.toLowerCase())) continue;
      let end = last.start + last.text.length;
      // `Janssen-Houben`, `Wissink-te Lintelo`: a second surname after the hyphen, maybe with particles.
      const hyphened = rules.hyphenSurname.exec(range.text.slice(end, end + 60));
      if (hyphened) {
        // `Hendrik-Ido-Ambacht`: a first name that starts a compound place name is no person;
        // `Mieke Janssen-Houben` (compromise splits at the hyphen): a double surname.
        if (terms.length < 2 || /^-/u.test(range.text.slice(first.start + first.text.length))) continue;
        end += hyphened[0].length;
      } else if (/^-\p{L}/u.test(range.text.slice(end, end + 2))) continue;
      spans.push({ start: first.start, end });
    }
  }
  const initials = matchersFor(rules, undefined).initials;
  initials.lastIndex = 0;
  for (let m = INITIAL.test(range.text) ? initials.exec(range.text) : null; m; m = initials.exec(range.text)) {
    // `H. Johannes de Doper` (a saint), `H.I. Ambacht` (a place): initials before a first name or a place are no person.
    const surname = /\p{Lu}[\p{Ll}]+(?:-\p{Lu}[\p{Ll}]+)?$/u.exec(m[0])![0];
    if (rules.firstNames.has(surname) || lookup(m[0], rules).length > 0) continue;
    if (!spans.some((s) => s.start <= m!.index && m!.index < s.end)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  // After a contact phrase, a name-shaped phrase is a name even when its first name is not in
  // the lexicon (`Bel met Marije Bosma, …`). Not after a role word: `coördinator Hoorn Verbindt`
  // names a project as often as a person.
  const cue = rules.contactCue;
  cue.lastIndex = 0;
  for (let m = cue.exec(range.text); m; m = cue.exec(range.text)) {
    const at = m.index + m[0].length;
    if (spans.some((s) => s.start <= at && at < s.end)) continue;
    const shaped = nameAt(range.text.slice(at, at + 80), rules);
    if (shaped) spans.push({ start: at, end: at + shaped.length });
  }
  spans.sort((a, b) => a.start - b.start);
  return withRoles(range, spans, rules);
}

const NAME_AT_CACHE = new WeakMap<Rules, RegExp>();

/** A `Firstname (particles) Surname` phrase at the start of `text` that is name-shaped, or null. */
function nameAt(text: string, rules: Rules): string | null {
  let re = NAME_AT_CACHE.get(rules);
  if (!re) {
    const particles = [...rules.particles].map(escapeRegExp).join('|');
    re = new RegExp(`^\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?(?:\\s+(?:${particles})){0,3}\\s+\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)*(?![\\p{L}@])`, 'u');
    NAME_AT_CACHE.set(rules, re);
  }
  const m = re.exec(text);
  return m && nameShaped(m[0], rules) && !rules.notNames.has(m[0].split(/\s+/u).pop()!) && lookup(m[0], rules).length === 0 ? m[0] : null;
}

/** Adds the role word before a name, or the role phrase after it, and a `(Organisation)` after it. */
function withRoles(range: Range, spans: { start: number; end: number }[], rules: Rules): NameHit[] {
  const hits: NameHit[] = spans.map((s) => ({ range: subRange(range, s.start, s.end), role: null, organization: null }));
  for (let i = 0; i < hits.length; i++) {
    // Only the nearby text matters: slicing more would make long lines quadratic.
    const before = range.text.slice(Math.max(0, spans[i]!.start - 60), spans[i]!.start);
    const word = lastWord(before).toLowerCase();
    const role = word ? roleOf(word, rules) : null;
    if (role) hits[i]!.role = role;
    // `ambassadeurs X en Y`: Y shares the role that stands before X.
    else if (i > 0 && /^\s*(?:,|en|&)\s*$/u.test(range.text.slice(spans[i - 1]!.end, spans[i]!.start))) hits[i]!.role = hits[i - 1]!.role;
  }
  for (let i = hits.length - 1; i >= 0; i--) {
    // What follows the name, up to the end of its sentence or a colon; an address in parentheses
    // right after the name (`Karin Zwart (k.zwart@…), kwartiermaker`) is skipped.
    const tail = range.text.slice(spans[i]!.end, spans[i]!.end + 300).replace(/^\s*\((?:[^()]*@[^()]*|https?:\/\/[^()]*)\)/u, '');
    const stop = /[.:;!?](?=\s|$)/u.exec(tail.replace(/\([^)]*\)/gu, (m) => 'x'.repeat(m.length)));
    const after = stop ? tail.slice(0, stop.index) : tail;
    const joined = i + 1 < hits.length && /^\s*(?:,|en|&)\s*$/u.test(range.text.slice(spans[i]!.end, spans[i + 1]!.start));
    if (joined) {
      // `X en Y (coördinatoren)`: the parenthesis after the last name is everybody's.
      hits[i]!.role ??= hits[i + 1]!.role;
      hits[i]!.organization ??= hits[i + 1]!.organization;
      continue;
    }
    const paren = /^\s*\(([^)@]+)\)/u.exec(after);
    // `, projectleider …` or ` – projectleider, gemeente …`
    const comma = /^\s*(?:,|\s[–—-](?=\s))\s*/u.exec(after);
    const of = /^\s+van\s+((?:de\s+)?\p{Lu}[^,.():;]*?)(?=\s+(?:via|of|op|met|om|tel|telefoon)\b|[,.():;]|$)/u.exec(after);
    if (paren) {
      if (/^\p{Ll}/u.test(paren[1]!)) hits[i]!.role ??= paren[1]!.trim();
      else hits[i]!.organization = paren[1]!.trim();
    } else if (comma) {
      const parts = describeParts(after.slice(comma[0].length), rules);
      hits[i]!.role ??= parts.role;
      hits[i]!.organization ??= parts.organization;
    } else if (of) hits[i]!.organization = of[1]!.trim();
  }
  return hits;
}

/** Every named person, once each (the first mention, with the first role found). */
export function people(hits: NameHit[], context: Context): Person[] {
  const byName = new Map<string, Person>();
  // `Anne-Marie` inside `Anne-Marie in 't Veld` (two finders, one name): the longer one counts.
  // One sweep in start order (longer first at one start): a hit ending before the furthest end so far is inside.
  const inside = new Set<NameHit>();
  let outer: Range | null = null;
  for (const hit of [...hits].sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end)) {
    // The same range twice (two finders) is one name, not one inside the other.
    const same = outer !== null && outer.start === hit.range.start && outer.end === hit.range.end;
    if (outer !== null && hit.range.end <= outer.end && !same) inside.add(hit);
    else if (outer === null || hit.range.end > outer.end) outer = hit.range;
  }
  for (const hit of hits) {
    if (inside.has(hit)) continue;
    const known = byName.get(hit.range.text);
    if (known) known.role ??= hit.role;
    else byName.set(hit.range.text, { name: hit.range.text, role: hit.role, span: context.span(hit.range) });
  }
  return [...byName.values()];
}

/**
 * The parts after a name, separated by commas: the first lower-case phrase is the role, a
 * capitalised phrase (or `gemeente X`) the organisation; a contact detail ends the list.
 */
export function describeParts(text: string, rules: Rules): { role: string | null; organization: string | null } {
  let role: string | null = null;
  let organization: string | null = null;
  for (const raw of splitTopLevel(text)) {
    const part = raw.replace(/\s*\(.*$/u, '').replace(/[.:;]+$/u, '').trim();
    // `coördinator (Mens De Bilt)`: the organisation in parentheses after a role.
    const inParens = /\(([^)]*)\)/u.exec(raw)?.[1]?.trim() ?? null;
    const parenthesised = inParens && (/^\p{Lu}/u.test(inParens) || rules.organizationStart.test(inParens)) ? inParens : null;
    if (!part || /@|(?<![\p{L}\d])\d{2,}/u.test(part) || rules.notRole.test(part) || rules.labels.some((l) => l.re.test(`${part}:`) && part.split(/\s+/u).length === 1 && l.field !== 'person')) break;
    if (/^\p{Lu}/u.test(part) || rules.organizationStart.test(part)) organization ??= part;
    else if (role === null && organization === null) {
      // `coördinator eenzaamheid bij Stichting Welzijn Epe`: the role, then its organisation.
      const at = rules.organizationLink.exec(part);
      role = at ? part.slice(0, at.index) : part;
      if (at) organization = part.slice(at.index + at[0].length);
      else if (parenthesised) organization = parenthesised;
    } else break;
    if (/[(:]/u.test(raw)) break;
  }
  return { role, organization };
}

/** Splits on commas outside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth = Math.max(0, depth - 1);
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts;
}

/** Whether a phrase is shaped like a person's name: capitalised words and particles, no organisation word. */
function nameShaped(text: string, rules: Rules): boolean {
  const words = text.split(/\s+/u);
  if (words.length < 2 || words.length > 6) return false;
  // `Mail Karin Zwart`: a label word (Mail, Bel, Tel) starts no name; initials do (`E. van den Heuvel`, though `E:` is a label).
  if (!/^(?:\p{Lu}\.)+$/u.test(words[0]!) && rules.labels.some((l) => l.re.test(`${words[0]}:`))) return false;
  if (rules.notNames.has(words[0]!) || rules.notNameEnding.test(words[0]!) || rules.organizationTypes.some((t) => t.type !== 'category' && t.test(words[0]!))) return false;
  return words.every((w) => rules.particles.has(w) || /^(?:\p{Lu}\.)+$/u.test(w) || /^\p{Lu}[\p{L}'’-]*$/u.test(w)) && !rules.particles.has(words[0]!) && !rules.particles.has(words[words.length - 1]!);
}

/**
 * The person(s) of a contact line: `Henriëtte Staarthof en Joanne Engels (coördinatoren)`,
 * `Gijs Kamphuis, netwerkregisseur Zwolle Samen`, `J.P. de Groot, beleidsadviseur, gemeente Middelburg`.
 * `labelRole` is the role when the label itself was one (`Projectleider: …`).
 */
function contactLineNames(value: Range, context: Context, labelRole: string | null): NameHit[] {
  const { rules } = context;
  // `Yvonne Schreurs – projectleider, gemeente X`: a spaced dash after the name separates like a comma (same length, so offsets hold).
  const text = value.text.replace(/\s[–—-]\s/u, (dash) => `,${' '.repeat(dash.length - 1)}`);
  const first = splitTopLevel(text)[0]!;
  // The names, split at `en`, `&` or `/` outside parentheses: `X (Org A) en Y (Org B)`, `X en Y (coördinatoren)`.
  const masked = first.replace(/\([^)]*\)/gu, (m) => 'x'.repeat(m.length));
  const pieces: { at: number; text: string; paren: string | null }[] = [];
  let cut = 0;
  for (const m of [...masked.matchAll(/\s+(?:en|&)\s+|\s*\/\s*/gu), null]) {
    const end = m ? m.index : first.length;
    const piece = first.slice(cut, end);
    // `(coördinatoren)` or `(Welzijn X)` after a name; an address in parentheses is neither.
    const paren = /\(([^)@]*)\)/u.exec(piece);
    pieces.push({ at: cut, text: paren ? piece.slice(0, paren.index) : piece, paren: paren ? paren[1]!.trim() : null });
    if (m) cut = m.index + m[0].length;
  }
  // A parenthesis after the last name only is everybody's (`X en Y (coördinatoren)`).
  const shared = pieces.length > 1 && pieces.slice(0, -1).every((p) => p.paren === null) ? pieces[pieces.length - 1]!.paren : null;
  const hits: NameHit[] = [];
  const parens = new Map<NameHit, string | null>();
  for (const { at, text: pieceText, paren } of pieces) {
    const piece = pieceText;
    const trimmed = piece.replace(/[.:;]+$/u, '').trimEnd();
    // `Programmasecretaris Noor Habets`: a role word before the name is the role.
    const roleWord = /^(\p{L}+)\s+/u.exec(trimmed);
    const role = roleWord && roleOf(roleWord[1]!, rules) ? roleWord[1]!.toLowerCase() : null;
    const afterRole = role ? trimmed.slice(roleWord![0].length) : trimmed;
    const cleaned = afterRole.replace(rules.titles, '');
    const lead = trimmed.length - cleaned.length;
    if (!nameShaped(cleaned, rules)) continue;
    // `Noaberschap Dinkelland`, `Samen Dutkum`: a phrase that ends in a place and starts with no first name is no person.
    if (!startsWithFirstName(cleaned, rules) && lookup(cleaned.split(/\s+/u).pop()!, rules).length > 0) continue;
    // `Zilveren Lijn`: a desk word anywhere, without a first name, names a desk; the coalition's own name is no person either.
    if (!startsWithFirstName(cleaned, rules) && cleaned.split(/\s+/u).some((word) => rules.notNameEnding.test(word))) continue;
    if (cleaned === context.structure.nameLine?.text) continue;
    const hit: NameHit = { range: subRange(value, at + lead, at + trimmed.length), role: role ?? labelRole, organization: null };
    hits.push(hit);
    parens.set(hit, paren ?? shared);
  }
  if (hits.length === 0) return hits;
  const described = describeParts(text.slice(first.length + 1), rules);
  for (const hit of hits) {
    const paren = parens.get(hit) ?? null;
    if (paren && /^\p{Ll}/u.test(paren) && !rules.organizationStart.test(paren)) hit.role ??= paren;
    else if (paren) hit.organization = paren;
    hit.role ??= first.length < text.length ? described.role : null;
    hit.organization ??= first.length < text.length ? described.organization : null;
  }
  return hits;
}

/**
 * A contact found: its name hit and data. `role`/`organization` come from lines below the name
 * (`Functie: …`, a role line under a name line): the contact's, not the role next to the name.
 */
type Gathered = { hit: NameHit; emails: Found[]; phones: Found[]; role?: string; organization?: string };

/**
 * Whether data at `to` on a line still belongs to the name that ends at `from`: in the same
 * sentence, or in a later one that is about the person (`Hij is bereikbaar op …`) or is short
 * (`Tel. 06 …`). `Voor algemene vragen kunt u de gemeente bellen op 14 038.` is not.
 */
function sameTopic(line: Range, from: number, to: number, rules: Rules): boolean {
  // Far apart, the data is in another sentence (and slicing more would make long lines quadratic).
  if (to - from > 400) return false;
  const between = line.text.slice(Math.max(0, from - line.start), Math.max(0, to - line.start));
  let last = -1;
  for (const m of between.matchAll(/[.!?]\s+(?=\p{Lu})/gu)) last = m.index + m[0].length;
  if (last < 0) return true;
  const words = between.slice(last).split(/\s+/u).filter(Boolean);
  return words.length <= 3 || words.slice(0, 3).some((w) => rules.continuations.has(w.toLowerCase()));
}

/** The data of a line shared out over its names: what stands after a name (up to the next) is its; what stands before the first name goes to it when it has nothing else. */
function share(hits: NameHit[], emails: Found[], phones: Found[], line?: Range, rules?: Rules): Gathered[] {
  const gathered: Gathered[] = hits.map((hit) => ({ hit, emails: [] as Found[], phones: [] as Found[] }));
  const dropped: Found[] = [];
  const owner = (found: Found): Gathered | undefined | null => {
    let index = -1;
    for (let i = 0; i < hits.length; i++) if (hits[i]!.range.start <= found.range.start) index = i;
    if (index >= 0 && line && rules && !sameTopic(line, hits[index]!.range.end, found.range.start, rules)) return null;
    return gathered[index];
  };
  const before: { emails: Found[]; phones: Found[] } = { emails: [], phones: [] };
  for (const e of emails) {
    const o = owner(e);
    (o === null ? dropped : (o?.emails ?? before.emails)).push(e);
  }
  for (const p of phones) {
    const o = owner(p);
    (o === null ? dropped : (o?.phones ?? before.phones)).push(p);
  }
  const first = gathered[0];
  if (first && first.emails.length === 0 && first.phones.length === 0) {
    // `X en Y (coördinatoren)` with the numbers on other lines, or `Gemeente X: 06… Anna Y.`
    first.emails.push(...before.emails);
    first.phones.push(...before.phones);
  }
  // Names listed together (`X en Y`) with data after the last one share that data.
  for (let i = gathered.length - 2; i >= 0; i--) {
    const g = gathered[i]!;
    if (g.emails.length === 0 && g.phones.length === 0 && g.hit.role === gathered[i + 1]!.hit.role) {
      g.emails.push(...gathered[i + 1]!.emails);
      g.phones.push(...gathered[i + 1]!.phones);
    }
  }
  return gathered;
}

/** Whether a text starts with a first name of the lexicon, initials or a title (`Anna …`, `J. de Vries`, `drs. …`). */
function startsWithFirstName(text: string, rules: Rules): boolean {
  const first = /^\p{L}+/u.exec(text)?.[0] ?? '';
  return rules.firstNames.has(first) || /^(?:\p{Lu}\.)+/u.test(text) || rules.titles.test(text);
}

/** A line that can name a desk: a few capitalised words, no sentence, no digits. */
function deskLine(text: string): boolean {
  return /^\p{Lu}/u.test(text) && text.split(/\s+/u).length <= 6 && !/[.!?:,;]$|\d/u.test(text);
}

/** Whether a line holds nothing but the names found in it (`Mieke Pijnenburg`, `X en Y`). */
function onlyNames(line: Range, hits: NameHit[], data: Found[] = []): boolean {
  let rest = line.text;
  // `Sanne Kool <s.kool@welzijnvhl.nl>`: the name's own address may stand with it.
  const pieces = [...hits.map((h) => h.range), ...data.map((f) => f.range)].sort((a, b) => b.start - a.start);
  for (const piece of pieces) rest = rest.slice(0, piece.start - line.start) + rest.slice(piece.end - line.start);
  return /^(?:[\s,.;:&<>()]|\ben\b)*$/u.test(rest);
}

/** A line that starts with a role word: `Kwartiermaker Samen Thuis (Welzijnswerk Drie Kernen)`. */
function roleLine(text: string, rules: Rules): boolean {
  const first = /^\p{L}+/u.exec(text)?.[0];
  return first !== undefined && roleOf(first, rules) !== null && !/@|\d{3}/u.test(text);
}

/** A role line as written (up to `(` or `,`), and the organisation in its parenthesis or after its comma. */
function describeRoleLine(text: string, rules: Rules): { role: string | null; organization: string | null } {
  const role = text.split(/\s*[(,]/u)[0]!.replace(/[.;:]+$/u, '').trim();
  const paren = /\(([^)]+)\)/u.exec(text);
  if (paren) return { role, organization: paren[1]!.trim() };
  const comma = text.indexOf(',');
  return { role, organization: comma >= 0 ? describeParts(text.slice(comma + 1), rules).organization : null };
}

/** A line of contact data only (`06 - 19 83 51 62`, an address), not a sentence of its own (`Voor algemene vragen: …`). */
function dataOnly(line: Range, found: { emails: Found[]; phones: Found[] }, rules: Rules): boolean {
  let rest = line.text;
  for (const f of [...found.emails, ...found.phones].sort((a, b) => b.range.start - a.range.start)) {
    rest = rest.slice(0, f.range.start - line.start) + rest.slice(f.range.end - line.start);
  }
  const words = rest.replace(/https?:\/\/\S+|www\.\S+/giu, '').split(/[\s,;/]+/u).filter((w) => /\p{L}/u.test(w));
  if (/^[^:]{1,40}:/u.test(rest) && !rules.labels.some((l) => l.re.test(rest))) return false;
  return words.length <= 3;
}

/** The desk a line names before its phone number (`Bel de Haagse Hulplijn: 0800-2351120`), if any. */
async function deskOf(range: Range, context: Context): Promise<Gathered | null> {
  // A desk is named before its phone number: no number, no desk.
  if (!mayHoldPhone(range.text)) return null;
  // A copy: the loop awaits, and a shared global expression's lastIndex must not be shared.
  const desk = new RegExp(context.rules.desk);
  for (let m = desk.exec(range.text); m; m = desk.exec(range.text)) {
    const name = m[1]!.replace(/^(?:De|Het)\s+/u, '');
    if (context.rules.labels.some((l) => l.re.test(`${name}:`)) || context.rules.roles.has(name.toLowerCase())) continue;
    // Without a colon (`Wijkteam Enschede, 053 …`, `de Praatlijn via 0800 …`) only a desk word makes a desk.
    if (m[2] !== ':' && !name.split(/\s+/u).some((word) => context.rules.notNameEnding.test(word))) continue;
    const tail = subRange(range, m.index + m[0].length, range.text.length);
    const found = await phones(tail, context);
    if (found.length === 0 || found[0]!.range.start !== tail.start) continue;
    // `Gemeente Tiel: 0611109967 Marloes Verbeek.`: a name after the number makes it a person's line.
    if (/^\s+\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(range.text.slice(found[0]!.range.end - range.start))) continue;
    const start = m.index + m[1]!.length - name.length;
    // `… Steunpunt Belservice: 0513 - 61 84 00 (…) of belservice@…`: the e-mail of the same sentence is the desk's too.
    const sentenceEnd = /[.!?](?:\s|$)(?![^(]*\))/u.exec(range.text.slice(found[0]!.range.end - range.start));
    const rest = subRange(range, found[0]!.range.end - range.start, sentenceEnd ? found[0]!.range.end - range.start + sentenceEnd.index : range.text.length);
    return { hit: { range: subRange(range, start, m.index + m[1]!.length), role: null, organization: null }, emails: links(rest, context).emails, phones: [found[0]!] };
  }
  return null;
}

/**
 * Contacts: persons of the contact sections (label lines and name lines, with the data on and
 * below their line), persons in contact sentences anywhere (`Stuur een mail naar …`), and desks.
 */
export async function contacts(context: Context, names: Map<Range, NameHit[]>): Promise<{ contacts: Contact[]; hits: NameHit[] }> {
  const { rules } = context;
  const result: Gathered[] = [];
  const extraHits: NameHit[] = [];
  const inContactSection = new Set<Range>();
  for (const section of sectionsOf(context, 'contact')) {
    let current: Gathered[] = [];
    const tentative: Gathered[] = [];
    let desk: Range | null = null;
    const orphans: { emails: Found[]; phones: Found[] } = { emails: [], phones: [] };
    for (const block of section.blocks) {
      const lines = block.type === 'paragraph' ? block.lines : block.type === 'heading' ? [block.range] : block.items;
      // Whether the line above (in this block) held nothing but the current contact's name(s).
      let nameLineAbove = false;
      // Whether the line above (in this block) named the current contact(s).
      let contactLineAbove = false;
      for (const [index, line] of lines.entries()) {
        const afterNameLine = nameLineAbove;
        const afterContactLine = contactLineAbove;
        nameLineAbove = false;
        contactLineAbove = false;
        inContactSection.add(line);
        const label = rules.labels.find((l) => l.re.test(line.text));
        // `Projectleider: …`, and a person label that is a role word itself (`Coördinator: …`).
        const roleLabel = label && label.field !== 'person' ? null : /^(\p{L}+)\s*:\s*/u.exec(line.text);
        const labelRole = roleLabel && roleOf(roleLabel[1]!, rules) ? roleLabel[1]!.toLowerCase() : null;
        const valueStart = label ? label.re.exec(line.text)![0].length : labelRole ? roleLabel![0].length : 0;
        const value = subRange(line, valueStart, line.text.length);
        const found = { emails: links(value, context).emails, phones: await phones(value, context) };
        // `Functie: …` / `Organisatie: …` below a name, or a role line under a bare name line
        // (`Beleidsadviseur, gemeente Loon op Zand`): the contact's role and organisation.
        const below = label?.field === 'role' || label?.field === 'organization' ? label.field : !label && afterNameLine && roleLine(line.text, rules) ? 'role-line' : null;
        if (below && current.length > 0) {
          const described = below === 'role-line' ? describeRoleLine(line.text, rules) : below === 'role' ? { role: value.text.trim(), organization: null } : { role: null, organization: value.text.trim() };
          for (const c of current) {
            if (described.role) c.role ??= described.role;
            if (described.organization) c.organization ??= described.organization;
            c.emails.push(...found.emails);
            c.phones.push(...found.phones);
          }
          contactLineAbove = true;
          continue;
        }
        // `WijZijn Traverse Groep` under `Yvonne Geers-Kerstens, coördinator …`: the contact's organisation.
        if (!label && afterContactLine && current.length > 0 && found.emails.length === 0 && found.phones.length === 0 && deskLine(line.text) && !startsWithFirstName(line.text, rules)) {
          for (const c of current) c.organization ??= line.text.trim();
          contactLineAbove = true;
          continue;
        }
        let hits: NameHit[] = [];
        if (label?.field === 'person' || labelRole) hits = contactLineNames(value, context, labelRole);
        else if (!label) {
          hits = contactLineNames(value, context, null);
          // A name in a prose sentence of the section (`Wethouder X: "…"`) is a contact only with contact data or a contact phrase.
          if (hits.length === 0) {
            rules.contactCue.lastIndex = 0;
            const contactish = found.emails.length + found.phones.length > 0 || line.text.split(/\s+/u).length <= 12 || rules.contactCue.test(line.text);
            hits = contactish ? (names.get(line) ?? []) : [];
          }
          // `Gemeente Tiel: 0611109967 Marloes Verbeek.`: the organisation before the colon.
          const org = /^([^:]{2,50}):\s/u.exec(line.text);
          if (org && hits.length > 0 && hits[0]!.range.start > line.start + org[0].length) for (const hit of hits) hit.organization ??= org[1]!;
        }
        const deskHere = hits.length === 0 ? await deskOf(line, context) : null;
        if (hits.length > 0) {
          extraHits.push(...hits);
          current = share(hits, found.emails, found.phones, line, rules);
          // `Mobiel Sandra Peeters: 06 …` below `Contactpersonen: Sandra Peeters …`: the same contact.
          current = current.map((g) => {
            const known = result.find((r) => r.hit.range.text === g.hit.range.text);
            if (!known) return g;
            known.emails.push(...g.emails);
            known.phones.push(...g.phones);
            return known;
          });
          result.push(...current.filter((g) => !result.includes(g)));
          nameLineAbove = onlyNames(line, hits, [...found.emails, ...found.phones]);
          contactLineAbove = true;
        } else if (deskHere) {
          current = [deskHere];
          result.push(deskHere);
        } else if (!label && index === 0 && lines.length > 1 && found.emails.length === 0 && found.phones.length === 0 && deskLine(line.text)) {
          // `Informatiepunt Goes Samen` with `Telefoon: …` below it: a desk, when data follows.
          // `Steunpunt Samen Castricum (Welzijn Castricum)`: the organisation in parentheses.
          const paren = /\s*\(([^)]+)\)\s*$/u.exec(line.text);
          const name = paren ? subRange(line, 0, paren.index) : line;
          const gathered: Gathered = { hit: { range: name, role: null, organization: paren ? paren[1]!.trim() : null }, emails: [], phones: [] };
          current = [gathered];
          tentative.push(gathered);
        } else if (current.length > 0 && (label || dataOnly(line, found, rules))) {
          for (const c of current) {
            c.emails.push(...found.emails);
            c.phones.push(...found.phones);
          }
        } else {
          orphans.emails.push(...found.emails);
          orphans.phones.push(...found.phones);
          if (!label && found.emails.length === 0 && found.phones.length === 0 && line.text.length <= 60 && !/[.!?:]$/u.test(line.text)) desk = line;
        }
      }
    }
    result.push(...tentative.filter((g) => g.emails.length > 0 || g.phones.length > 0));
    if (current.length === 0 && result.length === 0 && desk && (orphans.emails.length > 0 || orphans.phones.length > 0)) {
      result.push({ hit: { range: desk, role: null, organization: null }, ...orphans });
    }
  }
  // Outside the contact sections: a paragraph that starts with a contact line (`Hester Kuipers,
  // regioadviseur Noord`) and goes on with data lines only (`Tel. …`, an address) is a contact.
  for (const section of context.structure.sections) {
    if (section.kind === 'contact') continue;
    for (const block of section.blocks) {
      if (block.type !== 'paragraph' || block.lines.length < 2 || /[.!?]$/u.test(block.lines[0]!.text)) continue;
      const hits = contactLineNames(block.lines[0]!, context, null);
      if (hits.length === 0) continue;
      const data: { emails: Found[]; phones: Found[] } = { emails: [], phones: [] };
      for (const line of block.lines.slice(1)) {
        const label = rules.labels.find((l) => l.re.test(line.text));
        const value = label ? subRange(line, label.re.exec(line.text)![0].length, line.text.length) : line;
        const found = { emails: links(value, context).emails, phones: await phones(value, context) };
        if (!(label || dataOnly(line, found, rules))) break;
        data.emails.push(...found.emails);
        data.phones.push(...found.phones);
      }
      if (data.emails.length === 0 && data.phones.length === 0) continue;
      extraHits.push(...hits);
      result.push(...share(hits, data.emails, data.phones));
    }
  }
  const taken = new Set(result.map((r) => r.hit.range.start));
  for (const [range, hits] of names) {
    if (inContactSection.has(range)) continue;
    // `Stuur een mail naar Mariëlle Bakema, projectleider … (m.bakema@…)`.
    const cue = rules.contactCue;
    cue.lastIndex = 0;
    for (let m = cue.exec(range.text); m; m = cue.exec(range.text)) {
      const at = range.start + m.index + m[0].length;
      // The name right after the phrase, or after `de`/`het` or a role word (`Meld je aan bij coördinator Ineke Smit`).
      const lead = /^(?:(?:de|het)\s+)?(?:(\p{L}+)\s+)?/iu.exec(range.text.slice(at - range.start))!;
      const skip = [0, /^(?:de|het)\s+/iu.exec(lead[0])?.[0].length ?? -1, lead[1] && roleOf(lead[1], rules) ? lead[0].length : -1];
      const hit = hits.find((h) => skip.some((n) => n >= 0 && h.range.start === at + n));
      if (!hit || taken.has(hit.range.start)) continue;
      taken.add(hit.range.start);
      const sentenceEnd = /[.!?](?:\s|$)(?![^(]*\))/u.exec(range.text.slice(hit.range.end - range.start));
      const rest = subRange(range, hit.range.end - range.start, sentenceEnd ? hit.range.end - range.start + sentenceEnd.index + 1 : range.text.length);
      result.push({ hit, emails: links(rest, context).emails, phones: await phones(rest, context) });
    }
  }
  for (const range of context.structure.ranges) {
    if (inContactSection.has(range) || names.has(range)) continue;
    const desk = await deskOf(range, context);
    if (desk) result.push(desk);
  }
  result.sort((a, b) => a.hit.range.start - b.hit.range.start);
  const contactList = result.map(({ hit, emails, phones: found, role, organization }) => ({
    name: hit.range.text,
    role: hit.role ?? role ?? null,
    organization: hit.organization ?? organization ?? null,
    emails: [...new Set(emails.map((f) => f.value))],
    phones: [...new Set(found.map((f) => f.value))],
    span: context.span(hit.range),
  }));
  return { contacts: contactList, hits: extraHits };
}
