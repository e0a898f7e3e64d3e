/**
 * Issue 5: property tests with fast-check. Whatever the text, extraction never throws and gives
 * either a record valid against the schema, whose spans point inside the text with line and
 * column matching their offset, or a rejection for a reason about the input (empty, binary).
 * The stages run in memory (src/pipeline.ts `stages`, without `read`), exceptions not caught.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Doc } from '../../src/document.js';
import { recordProblems } from '../../src/stages/validate.js';
import { root } from '../helpers.js';
import { extractInMemory, seedNames } from './support.js';

const seeds = seedNames.map((name) => readFileSync(join(root, 'input', name), 'utf8'));

/** Problems of the spans of `record`: outside the text, start after end, or line/column not at the offset. */
function spanProblems(record: unknown, text: string): string[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  const problems: string[] = [];
  const point = (p: { line: number; column: number; offset: number }, where: string): void => {
    if (!(p.offset >= 0 && p.offset <= text.length)) {
      problems.push(`${where}: offset ${p.offset} outside the text (${text.length})`);
      return;
    }
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1]! <= p.offset) line++;
    if (p.line !== line + 1 || p.column !== p.offset - starts[line]! + 1) problems.push(`${where}: ${p.line}:${p.column}, but offset ${p.offset} is ${line + 1}:${p.offset - starts[line]! + 1}`);
  };
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}/${i}`));
    else if (value && typeof value === 'object') {
      const v = value as Record<string, unknown> & { start?: { offset?: number }; end?: { offset: number } };
      if (v.start && v.end && typeof v.start.offset === 'number') {
        point(v.start as never, `${path}/start`);
        point(v.end as never, `${path}/end`);
        if (v.start.offset > v.end.offset) problems.push(`${path}: starts after its end`);
        return;
      }
      for (const [key, item] of Object.entries(v)) walk(item, `${path}/${key}`);
    }
  };
  walk(record, '');
  return problems;
}

/** The property: a rejection for an input reason, or a schema-valid record with sound spans. */
function expectSound(file: Doc): void {
  if (file.data.rejected) {
    expect(['empty', 'binary']).toContain(file.data.rejected.reason);
    return;
  }
  expect(recordProblems(file.data.record)).toEqual([]);
  expect(spanProblems(file.data.record, String(file.value))).toEqual([]);
}

const seedChars = [...new Set(`${seeds.join('')}•\n\t -*:@.()`)].sort();
const fromSeeds = (maxLength: number) => fc.string({ unit: fc.constantFrom(...seedChars), maxLength });

/** Edits of a text by lines: delete, duplicate, insert, shuffle a range; replace characters. */
type Edit =
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate'; at: number; length: number; to: number }
  | { op: 'insert'; at: number; lines: string[] }
  | { op: 'shuffle'; at: number; length: number; seed: number }
  | { op: 'replace'; at: number; chars: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }), to: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), lines: fc.array(fromSeeds(60), { maxLength: 4 }) }),
  fc.record({ op: fc.constant('shuffle' as const), at: fc.nat(), length: fc.integer({ min: 2, max: 10 }), seed: fc.nat() }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), chars: fromSeeds(5).filter((s) => s.length > 0) }),
);

function mutate(text: string, edits: Edit[]): string {
  let lines = text.split('\n');
  for (const e of edits) {
    const at = lines.length > 0 ? e.at % lines.length : 0;
    if (e.op === 'delete') lines.splice(at, e.length);
    else if (e.op === 'duplicate') lines.splice(e.to % (lines.length + 1), 0, ...lines.slice(at, at + e.length));
    else if (e.op === 'insert') lines.splice(at, 0, ...e.lines);
    else if (e.op === 'shuffle') {
      const part = lines.slice(at, at + e.length);
      let state = e.seed;
      for (let i = part.length - 1; i > 0; i--) {
        state = (state * 1103515245 + 12345) % 2147483648;
        const j = state % (i + 1);
        [part[i], part[j]] = [part[j]!, part[i]!];
      }
      lines.splice(at, part.length, ...part);
    } else {
      const joined = lines.join('\n');
      const p = joined.length > 0 ? e.at % joined.length : 0;
      lines = (joined.slice(0, p) + e.chars + joined.slice(p + e.chars.length)).split('\n');
    }
  }
  return lines.join('\n');
}

/** Pieces of coalition pages: titles, headings, bullets, labels, contacts, line ends, odd characters. */
const pieces = [
  'Coalitie in Lisse, Zuid-Holland', 'Coalitie in Bergen, Noord-Holland', 'Coalitie in Den Haag', 'Gemeente Lisse', 'Gemeente Westland', 'Samen aan zet!',
  'Doelen', 'Wat wil gemeente Lisse bereiken?', 'Deelnemende organisaties', 'Contact', 'Contactpersoon', 'Activiteiten', 'Aanpak', 'Meer informatie',
  '• ', '- ', '* ', '1. ', '– ', '· ', '  ', '    ', '\t', 'Telefoon: ', 'E-mail: ', 'Website: ', 'www.lisse.nl', 'info@lisse.nl', 'm.bakema@welzijn.nl',
  '06-18417476', '070 123 4567', '06 1234', '+31 6 12345678', 'wethouder Ankie van Tatenhove', 'Jan de Vries', 'Mariëlle Bakema, projectleider',
  'X en Y (coördinatoren)', 'Stuur een mail naar ', 'De coalitie bestaat uit ', 'Stichting Welzijn', ', ', ' en ', '.', ';', ':', '(', ')',
  'van 8% naar 4%', 'jongeren (12-18 jaar)', 'boven de 65 jaar', '2023', '1899', '2101', 'eenzaamheidBijna', ' ', '\u00a0', '\u200b', '\ufeff',
  '\r\n', '\r', '\n', '\n\n', '\n\n', '#', '## ', '<h1>', '</h1>', '<ul><li>', '</li></ul>', '<p>', '&amp;', '<script>', '\u2028', 'IJsselstein',
  "'s-Hertogenbosch", 'Beeldmerk ', 'Lees meer', '– Wethouder Jan de Vries', '"', 'Stap 1: ', 'a',
];
const page = fc.array(fc.constantFrom(...pieces), { maxLength: 120 }).map((parts) => parts.join(''));

const runs = { numRuns: 1000 };

describe('extraction never throws: a schema-valid record with sound spans, or a rejection', () => {
  test('any Unicode string (1,000 cases)', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (text) => expectSound(await extractInMemory(text))), runs);
  });

  test('strings of the seeds’ characters and `•\\n\\t -*:@.()` (1,000 cases)', async () => {
    await fc.assert(fc.asyncProperty(fromSeeds(600), async (text) => expectSound(await extractInMemory(text))), runs);
  });

  test('any bytes, with or without a UTF-8 or UTF-16 byte order mark (1,000 cases)', async () => {
    const bom = fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]);
    await fc.assert(
      fc.asyncProperty(bom, fc.uint8Array({ maxLength: 300 }), async (mark, bytes) => expectSound(await extractInMemory(Buffer.concat([Buffer.from(mark), bytes])))),
      runs,
    );
  });

  test('the seeds with lines deleted, duplicated, inserted, shuffled and characters replaced (1,000 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(seeds.length - 1), fc.array(edit, { minLength: 1, maxLength: 6 }), async (seed, edits) => expectSound(await extractInMemory(mutate(seeds[seed]!, edits)))),
      runs,
    );
  });

  test.each([
    ['plain text', 'doc.txt', 1000],
    ['Markdown', 'doc.md', 300],
    ['HTML', 'doc.html', 300],
  ])('pages pieced together from titles, headings, bullets, labels and odd characters, as %s (`%s`, %i cases)', async (_format, name, numRuns) => {
    await fc.assert(fc.asyncProperty(page, async (text) => expectSound(await extractInMemory(text, name))), { numRuns });
  });
});

describe('found by the property tests', () => {
  // fast-check's shrunk counterexample: `De coalitie bestaat uit E-mail: \r\nCoalitie in Lisse, Zuid-Holland`.
  const text = 'Coalitie in Lisse, Zuid-Holland\n\nGemeente Lisse\n\nDeelnemende organisaties\n\nDe coalitie bestaat uit Stichting Welzijn Lisse,\nde bibliotheek en\nKBO Lisse.\n';
  const under = (file: Doc) => file.data.record!.organizations.map((o) => String(file.value).slice(o.span.start.offset, o.span.end.offset));

  test('a prose list of organisations over several LF lines: each span covers the name', async () => {
    expect(under(await extractInMemory(text))).toEqual(['Stichting Welzijn Lisse', 'de bibliotheek', 'KBO Lisse']);
  });

  test.failing(
    'the same list with CRLF line ends (or indented / trailing-space lines): each span covers the name — KNOWN BUG: proseList in src/extract/sections.ts cuts the paragraph joined by joinRanges (lines joined with one space) and maps positions back as paragraph.start + index, so every line break that is not exactly one character (CRLF, indentation, trailing spaces) shifts the spans',
    async () => {
      expect(under(await extractInMemory(text.replace(/\n/g, '\r\n')))).toEqual(['Stichting Welzijn Lisse', 'de bibliotheek', 'KBO Lisse']);
    },
  );
});
