/**
 * Stage 4, segment: the text → the document's structure: title, sub-title, kind,
 * and sections of headings, paragraphs and (nested) lists, every piece with its offsets.
 */
import type { Doc } from '../document.js';
import { resolveTitle, type TitlePlace } from '../extract/municipalities.js';
import { normalizeHeading, type Rules } from '../rules/compile.js';
import type { SectionKind } from '../schema/record.js';
import { lineAt, lineStarts, type Line, type Range } from '../util/lines.js';

/** A list item: its own text (marker removed), nesting depth and nested items. */
export interface Item extends Range {
  depth: number;
  children: Item[];
}

/** A block of the document. `kind` of a heading is null when no alias matches. */
export type Block =
  | { type: 'heading'; range: Range; kind: SectionKind | null; keyword?: boolean }
  | { type: 'paragraph'; lines: Line[] }
  | { type: 'list'; items: Item[] };

/** A section: its heading (null for the introduction) and the blocks under it. */
export interface Section {
  heading: Range | null;
  kind: SectionKind | null;
  blocks: Block[];
}

/** What segment finds. */
export interface Structure {
  title: Range | null;
  subtitle: Range | null;
  nameLine: Range | null;
  kind: 'coalition' | 'other';
  place: TitlePlace | null;
  sections: Section[];
  /** Every piece of text that holds content, in document order (for scanners). */
  ranges: Range[];
  /** Lines dropped as page chrome, captions or attributions. */
  noise: (Range & { rule: string })[];
}

/** Builds `data.structure` from `data.text`. */
export function segment(file: Doc, rules: Rules): void {
  const noise: Structure['noise'] = [];
  const blocks = textBlocks(file.data.text!, rules, noise);
  file.data.structure = structure(blocks, rules, noise);
}

/**
 * The paragraphs of plain text: runs of non-blank lines, each line trimmed. A line of only
 * whitespace (NBSP and zero-width characters too) is blank. These are remark-parse's
 * paragraphs with every Markdown construct off, found in one scan (test/unit/line-groups.test.ts).
 */
export function lineGroups(text: string): Line[][] {
  const starts = lineStarts(text);
  const groups: Line[][] = [];
  let group: Line[] = [];
  for (let n = 0; n < starts.length; n++) {
    const line = lineAt(text, starts, n);
    if (line.text === '') {
      if (group.length > 0) groups.push(group);
      group = [];
    } else group.push(line);
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/** Plain text: paragraphs of lines, cut into blocks by rules. */
function textBlocks(text: string, rules: Rules, noise: Structure['noise']): Block[] {
  const groups = lineGroups(text);
  const blocks: Block[] = [];
  let previous: Line | undefined;
  for (const group of groups) {
    const kept: Line[] = [];
    for (const row of group.flatMap(labelParts)) {
      // `| Telefoon | 035 - 603 44 10 |` (a two-cell table row) reads as `Telefoon: 035 …`; `|---|---|` is no text.
      if (/^\|[\s|:-]*\|$/u.test(row.text)) continue;
      const line = tableRow(row);
      const cleaned = dropNoise(line, previous, rules, noise);
      if (cleaned) kept.push(cleaned);
      previous = line;
    }
    if (kept.length > 0) blocks.push(...groupBlocks(kept, rules));
  }
  return blocks;
}

/**
 * `Contactpersoon: Roos Jacobs | Functie: … | Tel: 06 …`: label parts joined by ` | ` on one line
 * are lines of their own (each a slice of the line, so offsets hold).
 */
function labelParts(line: Line): Line[] {
  if (!line.text.includes(' | ') || line.text.startsWith('|')) return [line];
  const parts: Line[] = [];
  let from = 0;
  for (const m of line.text.matchAll(/\s+\|\s+/gu)) {
    parts.push({ text: line.text.slice(from, m.index), start: line.start + from, end: line.start + m.index, indent: line.indent });
    from = m.index + m[0].length;
  }
  parts.push({ text: line.text.slice(from), start: line.start + from, end: line.end, indent: line.indent });
  const labelled = parts.filter((part) => /^[\p{L}][\p{L} .-]{0,24}:\s*\S/u.test(part.text)).length;
  return labelled >= 2 ? parts : [line];
}

/** A two-cell table row `| A | B |` as the label line `A: B`, keeping every character at its offset. */
function tableRow(line: Line): Line {
  const m = /^\|\s*([^|]*?\S)(\s*\|\s*)([^|]*?\S)\s*\|$/u.exec(line.text);
  if (!m) return line;
  const from = line.text.indexOf(m[1]!, 1);
  const between = m[2]!;
  const text = `${m[1]}:${' '.repeat(between.length - 1)}${m[3]}`;
  return { text, start: line.start + from, end: line.start + from + text.length, indent: line.indent };
}

/**
 * Where a caption glued to the next sentence ends (`Beeldmerk … eenzaamheidBijna de helft …`):
 * at a known glued word (the noise keeps that word, so the glued-words warning still sees the
 * seam), else at the rule's seam (a lower-case letter right before a capitalised sentence).
 */
function captionEnd(text: string, seam: RegExp, rules: Rules): { cut: number; noiseEnd: number } | null {
  rules.gluedWords.lastIndex = 0;
  const glued = rules.gluedWords.exec(text);
  if (glued) {
    const cut = glued.index + glued.groups!.left!.length;
    return { cut, noiseEnd: cut + glued.groups!.right!.length };
  }
  const m = seam.exec(text);
  return m ? { cut: m.index + m[0].length, noiseEnd: m.index + m[0].length } : null;
}

/** Removes a noise line, or the caption glued to the start of a line; returns what is left. */
function dropNoise(line: Line, previous: Line | undefined, rules: Rules, noise: Structure['noise']): Line | null {
  for (const rule of rules.noise) {
    if (!rule.re.test(line.text)) continue;
    if (rule.afterQuote && !(previous && /['"’”]$/u.test(previous.text))) continue;
    const split = rule.seam ? captionEnd(line.text, rule.seam, rules) : null;
    if (split) {
      noise.push({ text: line.text.slice(0, split.noiseEnd), start: line.start, end: line.start + split.noiseEnd, rule: rule.id });
      return { text: line.text.slice(split.cut), start: line.start + split.cut, end: line.end, indent: line.indent };
    }
    noise.push({ ...line, rule: rule.id });
    return null;
  }
  return line;
}

/** A line without the decoration around a heading (`>> Contact`, `— Doelen —`); the line itself when it has none. */
function undecorated(line: Line, rules: Rules): Line {
  const re = rules.heading.decoration;
  re.lastIndex = 0;
  let start = 0;
  let end = line.text.length;
  for (let m = re.exec(line.text); m; m = re.exec(line.text)) {
    if (!/[^\s]/u.test(m[0])) continue;
    if (m.index === 0) start = m[0].length;
    else end = m.index;
  }
  if (start === 0 && end === line.text.length) return line;
  // `— Ilse de Vries, vrijwilliger` under a quote is an attribution: a dash decorates only on both sides.
  if (/^[\s—–-]+$/u.test(line.text.slice(0, start)) && end === line.text.length) return line;
  return { text: line.text.slice(start, end), start: line.start + start, end: line.start + end, indent: line.indent };
}

/** One run of lines between blank lines → a heading, a paragraph and/or a list. */
function groupBlocks(lines: Line[], rules: Rules): Block[] {
  const raw = lines[0]!;
  // `>> Wat willen we bereiken`: a decorated heading is a heading without its decoration.
  const bare = undecorated(raw, rules);
  const first = bare !== raw && headingShaped(bare.text, rules) ? bare : raw;
  // `1. Doelen` alone is a numbered heading, not a list of one item.
  const numberedHeading = /^\d/u.test(first.text) && headingShaped(first.text, rules) && classify(first.text, rules) !== null;
  if (!isItem(first, rules) || numberedHeading) {
    if (lines.length === 1 && headingShaped(first.text, rules)) return [headingBlock(first, rules)];
    // A heading followed by its text on the very next line.
    const heading = headingShaped(first.text, rules) ? headingBlock(first, rules) : null;
    if (heading?.kind) return [heading, ...groupBlocks(lines.slice(1), rules)];
  }
  const blocks: Block[] = [];
  let paragraph: Line[] = [];
  let list: { items: Item[]; stack: { indent: number; item: Item }[] } | null = null;
  for (const line of lines) {
    const marker = rules.bullet.exec(line.text);
    if (marker) {
      if (paragraph.length > 0) blocks.push({ type: 'paragraph', lines: paragraph });
      paragraph = [];
      if (!list) {
        list = { items: [], stack: [] };
        blocks.push({ type: 'list', items: list.items });
      }
      const width = marker[0].length;
      const item: Item = { text: line.text.slice(width), start: line.start + width, end: line.end, depth: 0, children: [] };
      while (list.stack.length > 0 && list.stack[list.stack.length - 1]!.indent >= line.indent) list.stack.pop();
      const parent = list.stack[list.stack.length - 1];
      item.depth = list.stack.length;
      (parent ? parent.item.children : list.items).push(item);
      list.stack.push({ indent: line.indent, item });
    } else if (list && list.stack.length > 0 && line.indent > list.stack[list.stack.length - 1]!.indent) {
      // A wrapped item: the line continues the item above it.
      const item = list.stack[list.stack.length - 1]!.item;
      item.text = `${item.text} ${line.text}`;
      item.end = line.end;
    } else {
      list = null;
      paragraph.push(line);
    }
  }
  if (paragraph.length > 0) blocks.push({ type: 'paragraph', lines: paragraph });
  return blocks;
}

function isItem(line: Line, rules: Rules): boolean {
  return rules.bullet.test(line.text);
}

/** A line that could be a heading: short, not a sentence, not a label with a value. */
export function headingShaped(text: string, rules: Rules): boolean {
  if (text.length > rules.heading.maxChars || /[.,;]$/u.test(text) || !/^[\p{Lu}\d]/u.test(text)) return false;
  // A comma-separated enumeration (`Welzijn Breda, KBO Breda, Rode Kruis`) is content, not a heading.
  if (text.split(/\s+/u).length > rules.heading.maxWords || (text.match(/,/gu)?.length ?? 0) > 1) return false;
  if (/@|https?:|www\./iu.test(text) || /\d{5,}|\d{2,4}[ -]\d{5,}/u.test(text)) return false;
  if (rules.heading.linkEndings.some((ending) => text.endsWith(ending))) return false;
  // `Welzijn Breda; Rode Kruis / Bibliotheek`: a list, not a heading.
  if (/;|\s\/\s/u.test(text)) return false;
  // `Telefoon: 06 …`: a label with a value after the colon is content, not a heading.
  return !/:\s*\S/u.test(text);
}

/** A title may be longer than a heading and hold a colon (`Vacature: projectleider …`), but is no sentence. */
function titleShaped(text: string, rules: Rules): boolean {
  return text.length <= rules.heading.maxChars * 2 && text.split(/\s+/u).length <= rules.heading.maxWords * 2 && !/[.,;]$/u.test(text) && /^[\p{Lu}\d'‘"“]/u.test(text) && !/@|https?:/iu.test(text);
}

function headingBlock(line: Line, rules: Rules): Block & { type: 'heading' } {
  const { kind, keyword } = classifyHeading(line.text, rules);
  return keyword ? { type: 'heading', range: line, kind, keyword } : { type: 'heading', range: line, kind };
}

/** The section kind of a heading text, from the aliases in rules (first match wins), else from its keywords. */
export function classify(text: string, rules: Rules): SectionKind | null {
  return classifyHeading(text, rules).kind;
}

/** The kind of a heading and whether only a keyword (not a whole-heading alias) gave it. */
export function classifyHeading(text: string, rules: Rules): { kind: SectionKind | null; keyword: boolean } {
  // Pages repeat the same few headings (`Contact`, `Onze doelen`): each text is tried against the rules once.
  let cache = headingKinds.get(rules);
  if (!cache || cache.size >= HEADING_CACHE_SIZE) headingKinds.set(rules, (cache = new Map()));
  let found = cache.get(text);
  if (!found) cache.set(text, (found = classifyUncached(text, rules)));
  return found;
}

/** Heading texts already classified, per rules (emptied when full, so hostile input cannot grow it). */
const headingKinds = new WeakMap<Rules, Map<string, { kind: SectionKind | null; keyword: boolean }>>();
const HEADING_CACHE_SIZE = 10_000;

function classifyUncached(text: string, rules: Rules): { kind: SectionKind | null; keyword: boolean } {
  const normalized = normalizeHeading(text);
  for (const alias of rules.heading.aliases) if (alias.re.test(normalized)) return { kind: alias.kind, keyword: false };
  if (normalized.split(' ').length <= rules.heading.keywordMaxWords) {
    for (const entry of rules.heading.keywords) if (entry.re.test(normalized)) return { kind: entry.kind, keyword: true };
  }
  return { kind: null, keyword: false };
}

/** Title, sub-title, name line, kind and sections from the blocks. */
function structure(blocks: Block[], rules: Rules, noise: Structure['noise']): Structure {
  let index = 0;
  const single = (block: Block | undefined): Range | null => {
    if (!block) return null;
    if (block.type === 'heading') return block.range;
    if (block.type === 'paragraph' && block.lines.length === 1) return block.lines[0]!;
    return null;
  };
  let title: Range | null = null;
  const first = single(blocks[0]);
  // A title may hold a section keyword (`Fryslân tegen eenzaamheid: provinciale aanpak`), not be a heading alias.
  if (first && titleShaped(first.text, rules) && (classifyHeading(first.text, rules).keyword || classify(first.text, rules) === null)) {
    title = first;
    index = 1;
  }
  let subtitle: Range | null = null;
  const second = single(blocks[index]);
  if (title && second && rules.subtitles.some((re) => re.test(second.text))) {
    subtitle = second;
    index++;
  }
  let nameLine: Range | null = null;
  const candidate = single(blocks[index]);
  // `"Noaberschap Dinkelland"`: quotes around the name are not part of it.
  const quoted = candidate ? /^(["'“‘„])(.+)(["'”’])$/u.exec(candidate.text) : null;
  const third = candidate && quoted ? { text: quoted[2]!, start: candidate.start + 1, end: candidate.end - 1 } : candidate;
  const repeatsSubtitle = (text: string) => text === subtitle?.text || text === title?.text || rules.subtitles.some((re) => re.test(text));
  const notAHeading = (text: string) => {
    const { kind, keyword } = classifyHeading(text, rules);
    return kind === null || (keyword && /^\S+\s.*\p{Lu}/u.test(text) && !/[?:]$/u.test(text));
  };
  if (subtitle && third && (headingShaped(third.text, rules) || /!$/u.test(third.text)) && notAHeading(third.text) && !repeatsSubtitle(third.text)) {
    nameLine = third;
    index++;
  }
  const place = resolveTitle(title, subtitle, rules);
  const kind = place ? 'coalition' : 'other';

  const sections: Section[] = [{ heading: null, kind: null, blocks: [] }];
  const ranges: Range[] = [title, subtitle, nameLine].filter((r): r is Range => r !== null);
  const repeated = new Set([title?.text, subtitle?.text].filter(Boolean));
  for (let block of blocks.slice(index)) {
    const line = single(block);
    if (line && repeated.has(line.text)) {
      noise.push({ ...line, rule: 'repeated-subtitle' });
      continue;
    }
    collectRanges(block, ranges);
    if (block.type === 'heading') {
      // Keywords are for coalition pages, whose sections are the programme's (nothing invented elsewhere).
      if (block.keyword && kind === 'other') block = { type: 'heading', range: block.range, kind: null };
      // `Activiteiten voor jongeren` inside the activities section is a sub-heading of it.
      const current = sections[sections.length - 1]!.kind;
      // A heading of no known kind starts a section (`other`) on other pages, and on coalition
      // pages before the first known section (`AANLEIDING`); after one it is a sub-heading.
      const shortIntroHeading = sections.length === 1 && block.range.text.split(/\s+/u).length <= rules.heading.keywordMaxWords;
      const unknownStarts = (kind === 'other' || shortIntroHeading) && !/:$/u.test(block.range.text);
      const startsSection = block.keyword ? block.kind !== current : block.kind !== null || unknownStarts;
      if (startsSection) {
        sections.push({ heading: block.range, kind: block.kind ?? 'other', blocks: [] });
        continue;
      }
    }
    sections[sections.length - 1]!.blocks.push(block);
  }
  return { title, subtitle, nameLine, kind, place, sections, ranges, noise };
}

function collectRanges(block: Block, into: Range[]): void {
  if (block.type === 'heading') into.push(block.range);
  else if (block.type === 'paragraph') into.push(...block.lines);
  else {
    const walk = (items: Item[]): void => {
      for (const item of items) {
        into.push(item);
        walk(item.children);
      }
    };
    walk(block.items);
  }
}
