/** Stage 3, parse: text → syntax tree with positions (unified + remark-parse; rehype-parse for HTML). */
import type { Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import type { Extension } from 'micromark-util-types';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { Doc } from '../document.js';
import { renderHtml } from '../render/html.js';
import { renderMarkdown } from '../render/markdown.js';

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
let htmlParser: Processor | undefined;

/**
 * Parses the document. Markdown and HTML are parsed as such, then rendered to plain text with
 * the same conventions as the text inputs (headings as lone lines, `•` bullets), keeping the
 * offset of every character in the original file; all formats then share one extraction.
 */
export function parse(file: Doc): void {
  const source = String(file.value);
  let text = source;
  if (file.data.format === 'markdown') {
    markdownParser ??= unified().use(remarkParse) as unknown as Processor<Root>;
    const rendering = renderMarkdown(markdownParser.parse(source), source);
    text = rendering.text;
    file.data.offsets = rendering.offsets;
  } else if (file.data.format === 'html') {
    htmlParser ??= unified().use(rehypeParse) as unknown as Processor;
    const rendering = renderHtml(htmlParser.parse(source) as never, source);
    text = rendering.text;
    file.data.offsets = rendering.offsets;
  }
  file.data.text = text;
  textParser ??= unified().use(remarkParse).use(remarkPlainText) as unknown as Processor<Root>;
  file.data.tree = textParser.parse(text);
}
