/**
 * Issue 6: plain text is no longer run through remark-parse. With every Markdown construct off,
 * remark only groups lines into paragraphs; segment's `lineGroups` must give the same groups
 * as remark's paragraphs cut at lines that are blank to coalex (NBSP, zero-width characters),
 * which is what segment did with remark's tree before. remark-parse here is the oracle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Root } from 'mdast';
import type { Extension } from 'micromark-util-types';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { lineGroups } from '../../src/stages/segment.js';
import { lineAt, lineStarts, type Line } from '../../src/util/lines.js';

/** The plain-text parser coalex used until issue 6: remark-parse with every construct off. */
const plainText: Extension = {
  disable: {
    null: [
      'attention', 'autolink', 'blockQuote', 'characterEscape', 'characterReference', 'codeFenced',
      'codeIndented', 'codeText', 'definition', 'hardBreakEscape', 'hardBreakTrailing', 'headingAtx',
      'htmlFlow', 'htmlText', 'labelEnd', 'labelStartImage', 'labelStartLink', 'list', 'setextUnderline',
      'thematicBreak',
    ],
  },
};
const parser = unified()
  .use(remarkParse)
  .use(function plain(this: Processor) {
    const data = this.data() as { micromarkExtensions?: Extension[] };
    (data.micromarkExtensions ??= []).push(plainText);
  }) as unknown as Processor<Root>;

/** segment's groups before issue 6: remark's paragraphs, each cut at lines that are blank to coalex. */
function remarkGroups(text: string): Line[][] {
  const starts = lineStarts(text);
  const groups: Line[][] = [];
  for (const node of parser.parse(text).children) {
    let group: Line[] = [];
    for (let n = node.position!.start.line; n <= node.position!.end.line; n++) {
      const line = lineAt(text, starts, n - 1);
      if (line.text === '') {
        if (group.length > 0) groups.push(group);
        group = [];
      } else group.push(line);
    }
    if (group.length > 0) groups.push(group);
  }
  return groups;
}

describe('lineGroups equals remark-parse paragraphs of plain text', () => {
  test('an example: blank lines (spaces, NBSP, a tab) separate groups; indented and Markdown-like lines are text', () => {
    const text = 'Titel\n  ingesprongen\n\n \u00a0\t\n# geen kop\n> geen citaat\r\n- geen lijst\r\rlaatste';
    expect(lineGroups(text).map((group) => group.map((line) => [line.text, line.start, line.end, line.indent]))).toEqual([
      [['Titel', 0, 5, 0], ['ingesprongen', 8, 20, 2]],
      [['# geen kop', 26, 36, 0], ['> geen citaat', 37, 50, 0], ['- geen lijst', 52, 64, 0]],
      [['laatste', 66, 73, 0]],
    ]);
    expect(lineGroups(text)).toEqual(remarkGroups(text));
  });

  test('every text input of the seeds, corpus and held-out sets', () => {
    let files = 0;
    for (const dir of ['input', 'test/corpus', 'test/holdout', 'test/holdout2', 'test/holdout3', 'test/holdout4', 'test/holdout5']) {
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
        const text = readFileSync(join(dir, name), 'utf8');
        expect({ name, groups: lineGroups(text) }).toEqual({ name, groups: remarkGroups(text) });
        files++;
      }
    }
    expect(files).toBeGreaterThan(50);
  });

  test('random texts of line endings, whitespace and Markdown punctuation (2,000 cases)', () => {
    const piece = fc.constantFrom(
      '\n', '\r', '\r\n', '\n\n', ' ', '  ', '    ', '\t', '\u00a0', '\u200b', '\ufeff', '\f', '\v', '\u2028', '\0',
      'a', 'Tekst', '#', '# Kop', '***', '---', '===', '- ', '* ', '1. ', '> ', '```', '~~~', '<div>', '<!--', '&amp;',
      '[x]: /u', '[a](b)', '`code`', '|', '| a | b |', '\\', '_', '<http://x.nl>',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(lineGroups(text)).toEqual(remarkGroups(text));
      }),
      { numRuns: 2000, seed: 6 },
    );
  });
});
