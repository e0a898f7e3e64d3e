/**
 * The review page's script, as text for an inline `<script>`. It builds every element with
 * `createElement` and `textContent` (never `innerHTML`), so no document text is ever parsed as
 * HTML; it draws the index as a virtual list and parses a document's data only when opened.
 * Plain browser JavaScript in strings, because it runs in the page, not in Node; the parts
 * share one function scope, in this order.
 */
import { commonScript } from './client/common.js';
import { documentScript } from './client/document.js';
import { indexScript } from './client/index.js';
import { routeScript } from './client/route.js';
import { textScript } from './client/text.js';

/** The whole script. */
export const clientScript = `(function () {${[commonScript, indexScript, textScript, documentScript, routeScript].join('')}})();\n`;
