/** Stage 3, parse: text → mdast syntax tree with positions into the original file (unified + remark-parse). */
import type { Root } from 'mdast';
import type { Extension } from 'micromark-util-types';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { Doc } from '../document.js';

/**
 * Plain text is not Markdown: with these constructs off, remark only groups lines into
 * paragraphs, so that indented lines stay text (no code blocks) and `*`, `_`, `#`, `>`, `[`
 * and `&` stay as written. Headings and bullets are found later from rules.
 */
const plainTextConstructs: Extension = {
  disable: {
    null: [
      'attention', 'autolink', 'blockQuote', 'characterEscape', 'characterReference', 'codeFenced',
      'codeIndented', 'codeText', 'definition', 'hardBreakEscape', 'hardBreakTrailing', 'headingAtx',
      'htmlFlow', 'htmlText', 'labelEnd', 'labelStartImage', 'labelStartLink', 'list', 'setextUnderline',
      'thematicBreak',
    ],
  },
};

/** unified plugin: parse as plain text (paragraphs of lines, nothing else). */
function remarkPlainText(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: Extension[] };
  (data.micromarkExtensions ??= []).push(plainTextConstructs);
}

let textParser: Processor<Root> | undefined;
let markdownParser: Processor<Root> | undefined;

/** Parses `file.value` into `data.tree`; HTML is parsed by the html module into the same shape. */
export function parse(file: Doc): void {
  const text = String(file.value);
  if (file.data.format === 'markdown') {
    markdownParser ??= unified().use(remarkParse) as unknown as Processor<Root>;
    file.data.tree = markdownParser.parse(text);
  } else {
    textParser ??= unified().use(remarkParse).use(remarkPlainText) as unknown as Processor<Root>;
    file.data.tree = textParser.parse(text);
  }
}
