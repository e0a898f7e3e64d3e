/** Escaping for the review page: text into HTML, data into a `<script type="application/json">` block. */

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` safe as HTML text or as a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => htmlEntities[c]!);
}

/**
 * `value` as JSON that cannot end or confuse the script block holding it: `<`, `>` and `&` become
 * `\u003c`, `\u003e`, `\u0026` (so no `</script>` or `<!--`), U+2028 and U+2029 are escaped too.
 * `JSON.parse` of the block's text gives `value` back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
