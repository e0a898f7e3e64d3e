/**
 * People and contacts. Person names are found by compromise, with the Dutch first-name lexicon
 * of rules, in the few lines that can hold one (a first name, a role word, a contact label or
 * cue); initials (`J. de Vries`) and label values (`Contactpersoon: …`) by their shape.
 */
import type { CoalitionRecord } from '../schema/record.js';
import type { Rules } from '../rules/compile.js';
import { escapeRegExp, stripDiacritics } from '../util/text.js';
import type { Range } from '../util/lines.js';
import { subRange, type Context } from './context.js';
import { sectionsOf } from './sections.js';
import { links, phones, type Found } from './values.js';

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

/** Loads compromise (the small `one` build) once, and teaches it the first names of rules. */
async function loadNlp(rules: Rules): Promise<Nlp> {
  nlp ??= (await import('compromise/one')).default;
  if (lexiconFor !== rules) {
    const lexicon: Record<string, string> = {};
    for (const name of rules.firstNames) {
      lexicon[name.toLowerCase()] = 'FirstName';
      lexicon[stripDiacritics(name).toLowerCase()] = 'FirstName';
    }
    nlp.addWords(lexicon);
    lexiconFor = rules;
  }
  return nlp;
}

const NAME_WORD = /^\p{Lu}[\p{Ll}\p{Lu}]*(?:-\p{Lu}?[\p{Ll}]+)*$/u;

/** Whether a range may hold a person name: a first name of the lexicon, initials, or a role word. */
function mayHoldName(text: string, rules: Rules): boolean {
  for (const word of text.match(/\p{Lu}[\p{L}]+/gu) ?? []) if (rules.firstNames.has(word)) return true;
  rules.roleWord.lastIndex = 0;
  return /(?<![\p{L}])(?:\p{Lu}\.){1,4}\s?\p{Lu}/u.test(text) || rules.roleWord.test(text);
}

/** Names in one range: compromise for `Firstname (particles) Surname`, a pattern for initials. */
export async function findNames(range: Range, context: Context): Promise<NameHit[]> {
  const { rules } = context;
  if (!mayHoldName(range.text, rules)) return [];
  const particles = [...rules.particles].map(escapeRegExp).join('|');
  const spans: { start: number; end: number }[] = [];
  const words = range.text.match(/\p{Lu}[\p{L}]+/gu) ?? [];
  if (words.some((word) => rules.firstNames.has(word))) {
    const parse = await loadNlp(rules);
    const doc = parse(range.text);
    const match = doc.match(`#FirstName+ (${[...rules.particles].join('|')}){0,3} @isTitleCase`);
    for (const hit of match.json({ offset: true }) as { terms: { text: string; offset: { start: number; length: number } }[] }[]) {
      const terms = hit.terms;
      if (!terms.every((t) => NAME_WORD.test(t.text) || rules.particles.has(t.text))) continue;
      const last = terms[terms.length - 1]!;
      if (rules.notNames.has(last.text) || rules.roles.has(last.text.toLowerCase())) continue;
      spans.push({ start: terms[0]!.offset.start, end: last.offset.start + last.text.length });
    }
  }
  const initials = new RegExp(`(?<![\\p{L}.])(?:\\p{Lu}\\.){1,4}\\s?(?:(?:${particles})\\s+){0,3}\\p{Lu}[\\p{Ll}]+(?:-\\p{Lu}[\\p{Ll}]+)?`, 'gu');
  for (let m = initials.exec(range.text); m; m = initials.exec(range.text)) {
    if (!spans.some((s) => s.start <= m!.index && m!.index < s.end)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  spans.sort((a, b) => a.start - b.start);
  return withRoles(range, spans, rules);
}

/** Adds the role word before a name, or the role phrase after it, and a `(Organisation)` after it. */
function withRoles(range: Range, spans: { start: number; end: number }[], rules: Rules): NameHit[] {
  const hits: NameHit[] = spans.map((s) => ({ range: subRange(range, s.start, s.end), role: null, organization: null }));
  for (let i = 0; i < hits.length; i++) {
    const before = range.text.slice(0, spans[i]!.start);
    const word = /([\p{L}]+)\s+$/u.exec(before)?.[1]?.toLowerCase();
    if (word && rules.roles.has(word)) hits[i]!.role = rules.roles.get(word)!;
    // `ambassadeurs X en Y`: Y shares the role that stands before X.
    else if (i > 0 && /^\s*(?:,|en|&)\s*$/u.test(range.text.slice(spans[i - 1]!.end, spans[i]!.start))) hits[i]!.role = hits[i - 1]!.role;
  }
  for (let i = hits.length - 1; i >= 0; i--) {
    const after = range.text.slice(spans[i]!.end);
    const joined = i + 1 < hits.length && /^\s*(?:,|en|&)\s*$/u.test(range.text.slice(spans[i]!.end, spans[i + 1]!.start));
    if (joined) {
      // `X en Y (coördinatoren)`: the parenthesis after the last name is everybody's.
      hits[i]!.role ??= hits[i + 1]!.role;
      hits[i]!.organization ??= hits[i + 1]!.organization;
      continue;
    }
    const paren = /^\s*\(([^)@]+)\)/u.exec(after);
    const comma = /^\s*,\s*([^,(@]+?)\s*(?=\(|,|\.(?:\s|$)|$)/u.exec(after);
    if (paren) {
      if (/^\p{Ll}/u.test(paren[1]!)) hits[i]!.role ??= paren[1]!.trim();
      else hits[i]!.organization = paren[1]!.trim();
    } else if (comma && rules.roles.has(comma[1]!.split(/\s+/u)[0]!.toLowerCase())) {
      hits[i]!.role ??= comma[1]!.trim();
      const rest = after.slice(comma[0].length);
      const org = /^\s*,\s*([^,(@]+?)\s*(?=\(|,|\.(?:\s|$)|$)/u.exec(rest);
      if (org && /^\p{Lu}/u.test(org[1]!)) hits[i]!.organization = org[1]!.trim();
    } else {
      const of = /^\s+van\s+((?:Stichting|Gemeente|Vereniging|de\s+)?\p{Lu}[^,.()]*)/u.exec(after);
      if (of) hits[i]!.organization = of[1]!.trim();
    }
  }
  return hits;
}

/** Every named person, once each (the first mention, with the first role found). */
export function people(hits: NameHit[], context: Context): Person[] {
  const byName = new Map<string, Person>();
  for (const hit of hits) {
    const known = byName.get(hit.range.text);
    if (known) known.role ??= hit.role;
    else byName.set(hit.range.text, { name: hit.range.text, role: hit.role, span: context.span(hit.range) });
  }
  return [...byName.values()];
}

/** Names in a label value: `Henriëtte Staarthof en Joanne Engels (coördinatoren Eenzaamheid)`. */
function labelNames(value: Range, context: Context): NameHit[] {
  const text = value.text;
  const paren = /\(([^)]*)\)\s*[.]?$/u.exec(text);
  const body = paren ? text.slice(0, paren.index).trimEnd() : text;
  const parts = body.split(/\s*(?:,|\sen\s|&|\/)\s*/u);
  const hits: NameHit[] = [];
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    from = at + part.length;
    const cleaned = part.replace(context.rules.titles, '');
    const lead = part.length - cleaned.length;
    if (!/^\p{Lu}/u.test(cleaned) || cleaned.split(/\s+/u).length > 6) continue;
    hits.push({ range: subRange(value, at + lead, at + part.length), role: null, organization: null });
  }
  if (paren && hits.length > 0) {
    for (const hit of hits) {
      if (/^\p{Ll}/u.test(paren[1]!)) hit.role = paren[1]!.trim();
      else hit.organization = paren[1]!.trim();
    }
  }
  return hits;
}

/** Contacts from the contact sections (label lines and name lines, with the data below them) and from contact sentences. */
export async function contacts(context: Context, names: Map<Range, NameHit[]>): Promise<{ contacts: Contact[]; hits: NameHit[] }> {
  const result: { hit: NameHit; emails: Found[]; phones: Found[] }[] = [];
  const extraHits: NameHit[] = [];
  for (const section of sectionsOf(context, 'contact')) {
    let current: typeof result = [];
    let desk: Range | null = null;
    const orphans: { emails: Found[]; phones: Found[] } = { emails: [], phones: [] };
    for (const block of section.blocks) {
      const lines = block.type === 'paragraph' ? block.lines : block.type === 'heading' ? [block.range] : block.items;
      for (const line of lines) {
        const label = context.rules.labels.find((l) => l.re.test(line.text));
        const valueStart = label ? label.re.exec(line.text)![0].length : 0;
        const value = subRange(line, valueStart, line.text.length);
        const data = { emails: links(value).emails, phones: await phones(value, context) };
        let hits: NameHit[] = [];
        if (label?.field === 'person') {
          hits = labelNames(value, context);
          extraHits.push(...hits);
        } else if (!label) hits = names.get(line) ?? [];
        if (hits.length > 0) {
          current = hits.map((hit) => ({ hit, emails: [...data.emails], phones: [...data.phones] }));
          result.push(...current);
        } else if (current.length > 0) {
          for (const c of current) {
            c.emails.push(...data.emails);
            c.phones.push(...data.phones);
          }
        } else {
          orphans.emails.push(...data.emails);
          orphans.phones.push(...data.phones);
          if (!label && data.emails.length === 0 && data.phones.length === 0 && line.text.length <= 60 && !/[.!?]$/u.test(line.text)) desk = line;
          else if (!label && (data.emails.length > 0 || data.phones.length > 0)) {
            // `Gemeente X: 0612345678`: a desk named before its number on the same line.
            const named = /^([^:]{2,50}):\s/u.exec(line.text);
            if (named) desk = subRange(line, 0, named[1]!.length);
          }
        }
      }
    }
    if (result.length === 0 && desk && (orphans.emails.length > 0 || orphans.phones.length > 0)) {
      result.push({ hit: { range: desk, role: null, organization: null }, ...orphans });
    }
  }
  // `Stuur een mail naar Mariëlle Bakema, projectleider … (m.bakema@…)`.
  for (const [range, hits] of names) {
    const cue = context.rules.contactCue;
    cue.lastIndex = 0;
    for (let m = cue.exec(range.text); m; m = cue.exec(range.text)) {
      const at = range.start + m.index + m[0].length;
      const hit = hits.find((h) => h.range.start === at);
      if (!hit || result.some((r) => r.hit.range.start === hit.range.start)) continue;
      const sentenceEnd = /[.!?](?:\s|$)(?![^(]*\))/u.exec(range.text.slice(hit.range.end - range.start));
      const rest = subRange(range, hit.range.end - range.start, sentenceEnd ? hit.range.end - range.start + sentenceEnd.index + 1 : range.text.length);
      result.push({ hit, emails: links(rest).emails, phones: await phones(rest, context) });
    }
  }
  result.sort((a, b) => a.hit.range.start - b.hit.range.start);
  const contactList = result.map(({ hit, emails, phones: found }) => ({
    name: hit.range.text,
    role: hit.role,
    organization: hit.organization,
    emails: [...new Set(emails.map((f) => f.value))],
    phones: [...new Set(found.map((f) => f.value))],
    span: context.span(hit.range),
  }));
  return { contacts: contactList, hits: extraHits };
}
