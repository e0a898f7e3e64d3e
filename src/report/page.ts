/** The review page as one self-contained HTML file: markup, inline style and script, data blocks, a strict CSP. */
import { createHash } from 'node:crypto';
import { clientScript } from './client.js';
import type { DocData, IndexData } from './data.js';
import { escapeHtml, jsonForScript } from './escape.js';
import { reportCss } from './style.js';

function cspHash(content: string): string {
  return `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;
}

/**
 * The page. Only the inline style and script with these exact hashes may run; nothing may be
 * loaded (`default-src 'none'`), so even a value that escaped its escaping could not fetch or run anything.
 */
export function reportPage(index: IndexData, docs: DocData[]): string {
  const css = reportCss();
  const csp = `default-src 'none'; script-src ${cspHash(clientScript)}; style-src ${cspHash(css)}; base-uri 'none'; form-action 'none'`;
  const parts = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(index.title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    `<header class="top"><h1>coalex review</h1><span class="sub">${escapeHtml(index.title.replace(/^coalex review: /u, ''))}</span></header>`,
    '<section id="index-view" class="view">',
    '<div class="controls">',
    '<input id="q" type="search" placeholder="Search id, municipality, title, path" aria-label="Search documents" autocomplete="off">',
    '<label>kind <select id="kind"><option value="">all</option><option value="coalition">coalition</option><option value="other">other</option></select></label>',
    '<label>warnings <select id="warn"><option value="">all</option><option value="with">with warnings</option><option value="without">without warnings</option></select></label>',
    '<span id="count" class="count" aria-live="polite"></span>',
    '</div>',
    '<details id="rejected" class="rejected" hidden></details>',
    '<div class="table"><div id="head" class="head grid" role="row"></div>',
    '<div id="rows" class="rows"><div id="spacer" class="spacer"></div><p id="no-match" class="empty-index" hidden>No document matches.</p></div></div>',
    '</section>',
    '<section id="doc-view" class="view" hidden>',
    '<div class="doc-head"><nav><a href="#">\u2190 All documents</a><a id="prev" href="#">\u2039 previous</a><a id="next" href="#">next \u203a</a></nav>',
    '<h2 id="doc-title"></h2><div id="doc-meta" class="meta"></div><p id="notice" class="notice" role="status" hidden></p></div>',
    '<div id="legend" class="legend" aria-label="Fields"></div>',
    '<div class="panes"><div id="text-pane" class="pane" aria-label="Source text"></div><div id="record-pane" class="pane" aria-label="Record"></div></div>',
    '</section>',
    `<script type="application/json" id="coalex-index">${jsonForScript(index)}</script>`,
    // The script comes before the documents' data: the index works while the browser still reads them.
    `<script>${clientScript}</script>`,
    ...docs.map((doc, n) => `<script type="application/json" id="coalex-doc-${n}">${jsonForScript(doc)}</script>`),
    '</body>',
    '</html>',
    '',
  ];
  return parts.join('\n');
}
