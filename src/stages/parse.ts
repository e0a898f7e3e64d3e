/** Stage 3, parse: Markdown and HTML → syntax tree with positions (unified + remark-parse, rehype-parse) → plain text with offsets. */
import type { Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { Doc } from '../document.js';
import { renderHtml } from '../render/html.js';
import { renderMarkdown } from '../render/markdown.js';

let markdownParser: Processor<Root> | undefined;
let htmlParser: Processor | undefined;

/**
 * Parses the document. Markdown and HTML are parsed as such, then rendered to plain text with
 * the same conventions as the text inputs (headings as lone lines, `•` bullets), keeping the
 * offset of every character in the original file; all formats then share one extraction.
 *
 * Plain text is not Markdown, and is not run through remark: with every Markdown construct
 * off, remark-parse only groups lines into paragraphs at blank lines, which segment does by
 * itself in one scan of the lines (`lineGroups`, tested equal to remark's paragraphs). That
 * pass cost 0.75× a full remark parse of the same text, a third of coalex's time (issue 6).
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
}
