/** HTML → the plain-text conventions of coalex (headings as lone lines, `•` bullets), with source offsets. */
import type { Element, Nodes, Root } from 'hast';
import { TextBuilder, type Rendering } from './builder.js';
import { linkTarget } from './markdown.js';

/** Elements whose content is not text of the page (an image caption is no text of the page either). */
const SKIP = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'nav', 'button', 'select', 'iframe', 'object', 'figcaption']);
/** Elements that start a block of their own (an empty line before and after). */
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'figure', 'figcaption', 'address',
  'table', 'form', 'fieldset', 'details', 'summary', 'pre', 'dl', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'body', 'html',
]);
/** Elements that end a line. */
const LINE = new Set(['tr', 'dt', 'br']);

/** The text content of an element. */
function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' || node.type === 'root' ? node.children.map(textOf).join('') : '';
}

/** First cells of the two-cell rows of label tables (filled as tables are walked). */
const labelCells = new WeakSet<Element>();

/** The first `<h1>` outside skipped elements and the elements that contain it, if any. */
function firstH1(tree: Root): { h1: Element; ancestors: Set<Nodes> } | null {
  const path: Nodes[] = [];
  const find = (node: Nodes): Element | null => {
    if (node.type === 'element' && SKIP.has(node.tagName)) return null;
    if (node.type === 'element' && node.tagName === 'h1') return node;
    if (node.type !== 'element' && node.type !== 'root') return null;
    path.push(node);
    for (const child of node.children) {
      const found = find(child);
      if (found) return found;
    }
    path.pop();
    return null;
  };
  const h1 = find(tree);
  return h1 ? { h1, ancestors: new Set(path) } : null;
}

/**
 * Renders a hast tree of `source`. The page starts at its `<h1>`: what comes before it (skip
 * links, cookie bars, menus, breadcrumbs) is page chrome, not text of the page.
 */
export function renderHtml(tree: Root, source: string): Rendering {
  const out = new TextBuilder(source);
  const pageStart = firstH1(tree);
  let started = pageStart === null;
  /** How many `<main>`/`<article>` elements enclose the node being walked. */
  let content = 0;
  const walk = (node: Nodes, depth: number, pre: boolean): void => {
    if (!started) {
      if (node === pageStart!.h1) started = true;
      else if (pageStart!.ancestors.has(node) && (node.type === 'element' || node.type === 'root')) {
        for (const child of node.children) walk(child, depth, pre);
        return;
      } else return;
    }
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    if (node.type === 'text') {
      out.text(node.value, start, end, pre);
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      const tag = node.tagName;
      if (SKIP.has(tag)) return;
      // The page's footer (links, share buttons, colofon) is chrome; a footer inside the article is not.
      if (tag === 'footer' && content === 0) return;
      if (tag === 'main' || tag === 'article') {
        content++;
        out.break(start, true);
        for (const child of node.children) walk(child, depth, pre);
        out.break(end, true);
        content--;
        return;
      }
      // A page header holds menus; only its headings (the page title) are text of the page.
      if (tag === 'header') {
        const headings: Nodes[] = [];
        const find = (n: Nodes): void => {
          if (n.type === 'element' && /^h[1-6]$/u.test(n.tagName)) headings.push(n);
          else if (n.type === 'element' || n.type === 'root') for (const c of n.children) find(c);
        };
        find(node);
        for (const heading of headings) walk(heading, depth, pre);
        return;
      }
      if (tag === 'ul' || tag === 'ol') {
        if (depth === 0) out.break(start, true);
        let n = 0;
        for (const child of node.children) {
          if (child.type === 'element' && child.tagName === 'li') listItem(child, depth, tag === 'ol' ? `${++n}. ` : '• ');
        }
        if (depth === 0) out.break(end, true);
        return;
      }
      // A table with a header row is a data table; a table without one holds label rows (`Telefoon | 0578 …`).
      if (tag === 'table' && !node.children.some((c) => c.type === 'element' && c.tagName === 'thead')) {
        const rows: Element[] = [];
        const collect = (n: Element): void => {
          for (const c of n.children) {
            if (c.type !== 'element') continue;
            if (c.tagName === 'tr') rows.push(c);
            else if (c.tagName !== 'table') collect(c);
          }
        };
        collect(node);
        for (const row of rows) {
          const cells = row.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
          if (cells.length === 2) labelCells.add(cells[0]!);
        }
      }
      if (BLOCK.has(tag)) out.break(start, true);
      else if (LINE.has(tag)) out.break(start);
      for (const child of node.children) walk(child, depth, pre || tag === 'pre');
      if (tag === 'a' && typeof node.properties?.href === 'string') linkTarget(out, source, node.properties.href, textOf(node), start, end);
      if (BLOCK.has(tag)) out.break(end, true);
      // `<dt>Telefoon</dt><dd>…</dd>` and a two-cell row `Telefoon | …` read as a label line `Telefoon: …`.
      else if (tag === 'dt' || ((tag === 'td' || tag === 'th') && labelCells.has(node))) out.mark(': ', end);
      else if (tag === 'td' || tag === 'th') out.mark(' ', end);
      else if (tag === 'dd') out.break(end);
      return;
    }
    for (const child of node.children) walk(child, depth, pre);
  };
  const listItem = (li: Element, depth: number, marker: string): void => {
    const start = li.position?.start.offset ?? 0;
    out.break(start);
    out.mark(`${'  '.repeat(depth)}${marker}`, start);
    for (const child of li.children) {
      if (child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol')) walk(child, depth + 1, false);
      else if (child.type === 'element' && child.tagName === 'p') for (const inner of child.children) walk(inner, depth + 1, false);
      else walk(child, depth + 1, false);
    }
  };
  walk(tree, 0, false);
  return out.done();
}
