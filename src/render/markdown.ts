/** Markdown (mdast) → the plain-text conventions of coalex, with source offsets. */
import type { List, Nodes, Root } from 'mdast';
import { TextBuilder, type Rendering } from './builder.js';

/** The visible text of a node. */
function toText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? (node.children as Nodes[]).map(toText).join('') : '';
}

/**
 * A link whose text does not show its address (`[Karin Zwart](mailto:k.zwart@…)`, `[de agenda](https://…)`):
 * the address follows the text in parentheses, each character mapped to the address in the source.
 */
export function linkTarget(out: TextBuilder, source: string, url: string, text: string, start: number, end: number): void {
  const shown = url.replace(/^mailto:/iu, '');
  if (!/^(?:mailto:|https?:\/\/)/iu.test(url) || shown === '' || text.toLowerCase().includes(shown.replace(/^https?:\/\/(?:www\.)?/iu, '').replace(/\/$/u, '').toLowerCase())) return;
  const at = source.indexOf(shown, start);
  if (at < 0 || at >= end) return;
  out.mark(' (', at);
  out.text(shown, at, at + shown.length);
  out.mark(')', at + shown.length);
}

/** Renders an mdast tree of `source`. */
export function renderMarkdown(tree: Root, source: string): Rendering {
  const out = new TextBuilder(source);
  const offsets = (node: Nodes) => [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0] as const;
  const inline = (node: Nodes): void => {
    const [start, end] = offsets(node);
    if (node.type === 'text') out.text(node.value, start, end, true);
    else if (node.type === 'inlineCode') out.text(node.value, start, end);
    else if (node.type === 'break') out.break(start);
    else if ('children' in node) for (const child of node.children) inline(child as Nodes);
    if (node.type === 'link') linkTarget(out, source, node.url, toText(node), start, end);
  };
  const list = (node: List, depth: number): void => {
    let n = node.start ?? 1;
    for (const item of node.children) {
      const [start] = offsets(item);
      out.break(start);
      out.mark(`${'  '.repeat(depth)}${node.ordered ? `${n++}. ` : '• '}`, start);
      let first = true;
      for (const child of item.children) {
        if (child.type === 'list') list(child, depth + 1);
        else {
          if (!first) {
            out.break(offsets(child)[0]);
            out.mark('  '.repeat(depth + 1), offsets(child)[0]);
          }
          inline(child);
        }
        first = false;
      }
    }
  };
  const block = (node: Nodes): void => {
    const [start, end] = offsets(node);
    if (node.type === 'heading' || node.type === 'paragraph') {
      out.break(start, true);
      inline(node);
      out.break(end, true);
    } else if (node.type === 'list') {
      out.break(start, true);
      list(node, 0);
      out.break(end, true);
    } else if (node.type === 'code') {
      out.break(start, true);
      out.text(node.value, start, end, true);
      out.break(end, true);
    } else if (node.type === 'blockquote' || node.type === 'root') {
      for (const child of node.children) block(child as Nodes);
    }
  };
  block(tree);
  return out.done();
}
