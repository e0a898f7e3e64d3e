/** Stage 6, extract: the structure → one record with every field of the schema. */
import { basename, extname } from 'node:path';
import type { Doc } from '../document.js';
import { createContext, type Context } from '../extract/context.js';
import { mentions } from '../extract/municipalities.js';
import { contacts, findNames, people, type NameHit } from '../extract/people.js';
import { activities, flatten, goals, organizations, sectionsOf, targets } from '../extract/sections.js';
import { documentWarnings } from '../extract/warnings.js';
import { links, mayHoldPhone, phones, unique, websiteKey, years, type Found } from '../extract/values.js';
import type { Rules } from '../rules/compile.js';
import type { CoalitionRecord, SectionKind } from '../schema/record.js';
import { joinRanges, type Range } from '../util/lines.js';
import { slug } from '../util/text.js';

/** Builds `data.record`. */
export async function extract(file: Doc, rules: Rules): Promise<void> {
  const context = createContext(file, rules);
  const { structure } = context;
  const place = structure.place;

  const emails: Found[] = [];
  const websites: Found[] = [];
  const phoneList: Found[] = [];
  const yearList: Found[] = [];
  const names = new Map<Range, NameHit[]>();
  // `Parochie H. Johannes de Doper`: a name inside an organisation's name is no person.
  const organizationItems = new Set<Range>(
    sectionsOf(context, 'organizations').flatMap((section) => section.blocks.flatMap((block) => (block.type === 'list' ? flatten(block.items) : []))),
  );
  for (const range of structure.ranges) {
    const found = links(range, context);
    emails.push(...found.emails);
    websites.push(...found.websites);
    // Most lines have no digits of a phone number: no call (and no await) for them.
    if (mayHoldPhone(range.text)) phoneList.push(...(await phones(range, context)));
    yearList.push(...years(range, context));
    const finding = findNames(range, context);
    const named = Array.isArray(finding) ? finding : await finding;
    const hits = organizationItems.has(range) ? named.filter((hit) => hit.range.start === range.start) : named;
    if (hits.length > 0) names.set(range, hits);
  }
  // `– Wethouder X` under a quote is no text of the page, but X is a person of it.
  for (const range of structure.noise.filter((n) => n.rule === 'quote-attribution')) {
    const hits = await findNames(range, context);
    if (hits.length > 0) names.set(range, hits);
  }
  const contactResult = await contacts(context, names);
  const goalList = goals(context);
  const emailsOnce = unique(emails);
  const websitesOnce = unique(websites, websiteKey);
  const phonesOnce = unique(phoneList);
  // `+31 6 4815 2093`: digits of a phone number are no year.
  const inPhone = (year: Found) => phoneList.some((p) => p.range.start <= year.range.start && year.range.end <= p.range.end);
  const yearsOnce = unique(yearList.filter((year) => !inPhone(year))).sort((a, b) => Number(a.value) - Number(b.value));
  const summary = summaryRange(context);

  const record: CoalitionRecord = {
    id: place ? municipalitySlug(place.name, rules) : slug(basename(file.data.shownPath, extname(file.data.shownPath))) || 'document',
    kind: structure.kind,
    source: {
      path: file.data.shownPath,
      sha256: file.data.sha256!,
      bytes: file.data.size!,
      encoding: file.data.encoding!,
      format: file.data.format!,
    },
    title: structure.title?.text ?? null,
    municipality: place ? { name: place.name, code: place.code, province: place.province, span: context.span(place.range) } : null,
    municipalitiesMentioned: mentions(structure.ranges, rules, place).map((m) => ({ name: m.name, code: m.code, span: context.span(m.range) })),
    name: structure.nameLine?.text ?? null,
    summary: summary?.text ?? null,
    goals: goalList,
    targets: targets(goalList, context),
    activities: activities(context),
    organizations: organizations(context),
    contacts: contactResult.contacts,
    people: people([...[...names.values()].flat(), ...contactResult.hits].sort((a, b) => a.range.start - b.range.start), context),
    emails: emailsOnce.map((f) => f.value),
    phones: phonesOnce.map((f) => f.value),
    websites: websitesOnce.map((f) => f.value),
    years: yearsOnce.map((f) => Number(f.value)),
    sections: structure.sections.slice(1).map((section) => ({
      heading: normalizeHeadingText(section.heading!.text),
      kind: section.kind as SectionKind,
      span: context.span(section.heading!),
    })),
    warnings: context.warnings,
    spans: {
      title: structure.title ? context.span(structure.title) : null,
      name: structure.nameLine ? context.span(structure.nameLine) : null,
      summary: summary ? context.span(summary) : null,
      emails: emailsOnce.map((f) => context.span(f.range)),
      phones: phonesOnce.map((f) => context.span(f.range)),
      websites: websitesOnce.map((f) => context.span(f.range)),
      years: yearsOnce.map((f) => context.span(f.range)),
    },
  };
  documentWarnings(record, context);
  record.warnings.sort((a, b) => (a.span?.start.offset ?? -1) - (b.span?.start.offset ?? -1));
  for (const warning of record.warnings) {
    const message = file.message(warning.message, { place: warning.span, ruleId: warning.code, source: 'coalex' });
    message.fatal = false;
  }
  file.data.record = record;
}

/** `Rijswijk (ZH.)` → `rijswijk`; `Bergen (NH.)` → `bergen-nh`, since two municipalities are called Bergen. */
export function municipalitySlug(name: string, rules: Rules): string {
  const bare = name.replace(/\s*\([^)]*\)$/u, '');
  const shared = (rules.municipalities.byName.get(bare.toLowerCase()) ?? []).length > 1;
  return slug(shared ? name : bare);
}

/** A heading as listed in `sections`: as written, without numbering or a trailing colon. */
function normalizeHeadingText(text: string): string {
  return text.replace(/^(?:\d{1,2}|[A-Za-z])[.)]\s+/u, '').replace(/\s*:$/u, '');
}

/** The introduction: paragraphs before the first section heading (title and sub-titles are not in the tree here). */
function summaryRange(context: Context): Range | null {
  const intro = context.structure.sections[0]!;
  // A short line in the introduction that is no section heading is text of the introduction.
  const paragraphs = intro.blocks.flatMap((block) =>
    block.type === 'paragraph' ? [joinRanges(block.lines)] : block.type === 'heading' ? [block.range] : [],
  );
  if (paragraphs.length === 0) return null;
  return { text: paragraphs.map((p) => p.text).join('\n\n'), start: paragraphs[0]!.start, end: paragraphs[paragraphs.length - 1]!.end };
}
