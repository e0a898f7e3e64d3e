/** Fields read from one kind of section: goals, targets, activities and organisations. */
import type { CoalitionRecord, OrganizationType, SectionKind } from '../schema/record.js';
import { headingShaped, type Block, type Item, type Section } from '../stages/segment.js';
import { joinRanges, type Range } from '../util/lines.js';
import type { Context } from './context.js';
import { years as findYears } from './values.js';

type Goal = CoalitionRecord['goals'][number];
type Target = CoalitionRecord['targets'][number];
type Activity = CoalitionRecord['activities'][number];
type Organization = CoalitionRecord['organizations'][number];

/** The sections of a kind, in document order. */
export function sectionsOf(context: Context, kind: SectionKind): Section[] {
  return context.structure.sections.filter((section) => section.kind === kind);
}

/** Trailing `;`, `:` and `,` (and a final-item `en`) are list punctuation, not part of the value. */
export function cleanItem(range: Range, dropPeriod = false): Range {
  const trailing = dropPeriod ? /[\s;:,.]+$/u : /[\s;:,]+$/u;
  const text = range.text.replace(trailing, '');
  const lead = /^(?:en|of)\s+/u.exec(text)?.[0].length ?? 0;
  return { text: text.slice(lead), start: range.start + lead, end: range.start + text.length };
}

function lists(section: Section): Item[][] {
  return section.blocks.flatMap((block) => (block.type === 'list' ? [block.items] : []));
}

function paragraphs(section: Section): Range[] {
  return section.blocks.flatMap((block) => (block.type === 'paragraph' ? [joinRanges(block.lines)] : []));
}

/**
 * Goals: the bullets of the goals section (nested bullets become subitems); or short goal
 * lines each followed by their paragraph; or, for prose only, one goal. Without a goals
 * section, the bullets of the approach section.
 */
export function goals(context: Context): Goal[] {
  const own = sectionsOf(context, 'goals');
  const result: Goal[] = [];
  for (const section of own) {
    const items = lists(section).flat();
    if (items.length > 0) result.push(...items.map((item) => goalFromItem(item, context)));
    else result.push(...headedParagraphs(section.blocks, context));
  }
  if (own.length > 0) return result;
  return sectionsOf(context, 'approach').flatMap((section) => lists(section).flat().map((item) => goalFromItem(item, context)));
}

function goalFromItem(item: Item, context: Context): Goal {
  const range = cleanItem(item);
  const goal: Goal = { text: range.text, span: context.span(range) };
  if (item.children.length > 0) goal.subitems = flatten(item.children).map((child) => cleanItem(child).text);
  return goal;
}

/** `Short goal line` + its paragraph (on the next line or after a blank line) → goal with description. */
function headedParagraphs(blocks: Block[], context: Context): Goal[] {
  const goals: Goal[] = [];
  const prose: Range[] = [];
  let pending: Range | null = null;
  for (const block of blocks) {
    if (block.type === 'heading') {
      if (/:$/u.test(block.range.text)) continue; // a lead-in such as `Verminderen van eenzaamheid door:`
      pending = block.range;
    } else if (block.type === 'paragraph') {
      const [first, ...rest] = block.lines;
      if (pending) {
        const description = joinRanges(block.lines);
        goals.push({ text: pending.text, description: description.text, span: context.span({ start: pending.start, end: description.end }) });
        pending = null;
      } else if (rest.length > 0 && headingShaped(first!.text, context.rules) && !/:$/u.test(first!.text)) {
        const description = joinRanges(rest);
        goals.push({ text: first!.text, description: description.text, span: context.span({ start: first!.start, end: description.end }) });
      } else prose.push(joinRanges(block.lines));
    }
  }
  if (pending) goals.push({ text: pending.text, span: context.span(pending) });
  if (goals.length === 0 && prose.length > 0) {
    // `… vier doelen afgesproken. 1. Iedere inwoner … 2. Vrijwilligers …`: goals numbered inside the prose.
    const numbered = prose.flatMap((range) => inlineNumbered(range));
    if (numbered.length > 0) return numbered.map((range) => ({ text: range.text, span: context.span(range) }));
    const all = joinRanges(prose);
    goals.push({ text: all.text, span: context.span(all) });
  }
  return goals;
}

/** Items numbered 1., 2., … inside a paragraph (after its start or a sentence end), at least two; else none. */
function inlineNumbered(range: Range): Range[] {
  const marks: { at: number; from: number }[] = [];
  let expect = 1;
  for (const m of range.text.matchAll(/(?:^|(?<=[.:;!?]\s))(\d{1,2})[.)]\s+(?=\p{Lu})/gu)) {
    if (Number(m[1]) !== expect) continue;
    marks.push({ at: m.index, from: m.index + m[0].length });
    expect++;
  }
  if (marks.length < 2) return [];
  return marks.map((mark, i) => {
    const end = i + 1 < marks.length ? marks[i + 1]!.at : range.text.length;
    const raw = range.text.slice(mark.from, end).trimEnd();
    return { text: raw, start: range.start + mark.from, end: range.start + mark.from + raw.length };
  });
}

/** Items and their nested items, in document order. */
export function flatten(items: Item[]): Item[] {
  return items.flatMap((item) => [item, ...flatten(item.children)]);
}

/** Quantified goals: a change `van 8% naar 4%`, with the age group the goal names. */
export function targets(goalList: Goal[], context: Context): Target[] {
  const result: Target[] = [];
  const t = context.rules.targets;
  const first = (id: string, text: string) => {
    const re = t.get(id)!;
    re.lastIndex = 0;
    return re.exec(text);
  };
  // A goal's own text (with its description), and each of its subitems on its own.
  const texts = goalList.flatMap((goal) => [
    { goal, text: goal.description ? `${goal.text} ${goal.description}` : goal.text },
    ...(goal.subitems ?? []).map((text) => ({ goal: { ...goal, text }, text })),
  ]);
  for (const { goal, text } of texts) {
    const change = t.get('target-change')!;
    change.lastIndex = 0;
    for (let m = change.exec(text); m; m = change.exec(text)) {
      const range = first('target-age-range', text);
      const above = range ? null : first('target-age-above', text);
      const below = range ? null : first('target-age-below', text);
      const groups = m.groups!;
      const number = (value: string | undefined) => (value === undefined ? null : Number(value.replace(',', '.')));
      result.push({
        text: goal.text,
        indicator: first('target-indicator', text)?.groups?.indicator ?? null,
        ageMin: number(range?.groups?.min ?? range?.groups?.min2 ?? above?.groups?.min ?? above?.groups?.min2 ?? above?.groups?.min3),
        ageMax: number(range?.groups?.max ?? range?.groups?.max2 ?? below?.groups?.max),
        from: number(groups.from),
        to: number(groups.to),
        unit: groups.unit ?? groups.unit2 ? '%' : null,
        span: goal.span,
      });
    }
  }
  return result;
}

/** Activities: one per bullet of an activities section, or one per paragraph when it is prose. */
export function activities(context: Context): Activity[] {
  return sectionsOf(context, 'activities').flatMap((section) => {
    const items = lists(section).flatMap(flatten);
    const ranges = items.length > 0 ? items.map((item) => cleanItem(item)) : paragraphs(section);
    return ranges.map((range) => ({
      text: range.text,
      years: [...new Set(findYears(range, context).map((f) => Number(f.value)))].sort((a, b) => a - b),
      span: context.span(range),
    }));
  });
}

/**
 * Organisations: the bullets of the organisations section decide; without bullets, its prose
 * lists (`… bestaat uit A, B en C.`, `Kerngroep: …`, a bare comma-separated line); without such
 * a section, a sentence elsewhere that lists the members after a cue and a colon.
 */
export function organizations(context: Context): Organization[] {
  const ranges: Range[] = [];
  const own = sectionsOf(context, 'organizations');
  for (const section of own) {
    const items = lists(section).flatMap(flatten);
    if (items.length > 0) {
      // A parent item that ends in `:` names a group (`Zorg:`); its children are the organisations.
      ranges.push(...items.filter((item) => !(item.children.length > 0 && /:$/u.test(item.text))).map((item) => cleanItem(item, true)));
    } else {
      for (const block of section.blocks) {
        // A lone name line between blank lines (`Welzijn Breda`) looks like a heading but is an organisation.
        if (block.type === 'heading' && block.kind === null && oneName(block.range.text)) {
          ranges.push(cleanItem(block.range, true));
          continue;
        }
        if (block.type !== 'paragraph') continue;
        // Organisations one per line, without markers: each short line that is no sentence is one.
        if (block.lines.length >= 2 && block.lines.every((line) => oneName(line.text))) {
          ranges.push(...block.lines.map((line) => cleanItem(line, true)));
          continue;
        }
        for (const part of labelledParts(block.lines)) ranges.push(...proseList(part, context, false));
      }
    }
  }
  if (ranges.length === 0) {
    for (const section of context.structure.sections) {
      if (section.kind === 'organizations') continue;
      for (const paragraph of paragraphs(section)) ranges.push(...proseList(paragraph, context, true));
    }
  }
  return ranges.filter((range) => range.text.length > 0).map((range) => ({ name: range.text, type: organizationType(range.text, context), span: context.span(range) }));
}

/** A line that can be one organisation's name: short, no list or label (`Kerngroep: A, B`), no sentence (`Humanitas Drachten e.o.` may end in an abbreviation's dot). */
function oneName(text: string): boolean {
  const words = text.split(/\s+/u).length;
  return words <= 8 && !/[!?:,;]/u.test(text) && (!/\.$/u.test(text) || words <= 4);
}

/** Lines of a paragraph, regrouped so that each `Label: …` line starts a part of its own. */
function labelledParts(lines: Range[]): Range[] {
  const parts: Range[][] = [];
  for (const line of lines) {
    if (parts.length === 0 || /^[\p{L} ]{2,30}:\s/u.test(line.text)) parts.push([line]);
    else parts[parts.length - 1]!.push(line);
  }
  return parts.map(joinRanges);
}

/**
 * `… bestaat uit A, B (C), D en gemeente E.` → one range each, up to the end of that sentence.
 * With `needCue`, only after a member cue and a colon; else a bare comma-separated line counts too.
 * Prose that is not a list (long parts) gives nothing.
 */
export function proseList(paragraph: Range, context: Context, needCue: boolean): Range[] {
  const text = paragraph.text;
  // The last cue before the list starts (`De kerngroep van de coalitie bestaat uit A, B en C`).
  const firstComma = text.search(/[,:]/u);
  let cue: RegExpExecArray | null = null;
  for (const m of text.matchAll(context.rules.memberCue)) if (cue === null || firstComma < 0 || m.index < firstComma) cue = m;
  let lead = 0;
  if (cue) {
    lead = cue.index + cue[0].length;
    const colon = text.slice(lead, lead + 60).indexOf(':');
    if (colon >= 0) lead += colon + 1;
    else if (needCue) return [];
  } else if (needCue) return [];
  else if (/[.!?]\s+\p{Lu}/u.test(text)) return [];
  const rest = text.slice(lead);
  const stop = /[.!?](?=\s+\p{Lu}|\s*$)/u.exec(rest);
  const body = stop ? rest.slice(0, stop.index) : rest;
  if (!/[,;]|\sen\s|\s\/\s/u.test(body)) return [];
  const parts: Range[] = [];
  let depth = 0;
  let from = 0;
  const push = (to: number) => {
    const raw = body.slice(from, to);
    const left = raw.length - raw.trimStart().length;
    const start = paragraph.start + lead + from + left;
    const piece = cleanItem({ text: raw.trim(), start, end: start + raw.trim().length }, true);
    if (piece.text) parts.push(piece);
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === ',' || c === ';')) {
      push(i);
      from = i + 1;
    } else if (depth === 0 && body.startsWith(' / ', i)) {
      // `Gemeente Tynaarlo / Welzijnswerk Tynaarlo / …`
      push(i);
      from = i + 3;
      i += 2;
    } else if (depth === 0 && body.startsWith(' en ', i)) {
      push(i);
      from = i + 4;
      i += 3;
    }
  }
  push(body.length);
  // `van de bibliotheek tot de voetbalclub`: parts that start with a preposition are prose, not names.
  if (parts.some((part) => context.rules.notListStart.test(part.text))) return [];
  return parts.every((part) => part.text.split(/\s+/u).length <= 8) ? parts : [];
}

/** The organisation type from rules (first matching entry), else `other`. */
export function organizationType(name: string, context: Context): OrganizationType {
  return context.rules.organizationTypes.find((entry) => entry.test(name))?.type ?? 'other';
}
