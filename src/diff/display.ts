/** How values, items, places and counts read in the text and Markdown reports. */
import { canonical, withoutSpans } from './fields.js';
import type { FieldCount, ItemRef } from './types.js';

/** A value on one line: `(none)` for null, whitespace runs as one space, a municipality as `Lisse (GM0553, Zuid-Holland)`. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  if (typeof value === 'string') return value.replace(/\s+/gu, ' ').trim();
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(showValue).join(', ');
  if (typeof value === 'object') {
    const o = withoutSpans(value) as Record<string, unknown>;
    if (typeof o.name === 'string' && typeof o.code === 'string') {
      return `${o.name} (${[o.code, o.province].filter((v) => typeof v === 'string').join(', ')})`;
    }
    return JSON.stringify(o);
  }
  return String(value);
}

/** A list item by its name; a municipality as `Lisse (GM0553)`. */
export function showItem(field: string, ref: ItemRef): string {
  if (field === 'municipalitiesMentioned') return showValue(ref.item);
  return showValue(ref.label);
}

/** The attributes that differ between two versions of an item: `type: other → care; role: (none) → wethouder`. */
export function attributeChanges(before: unknown, after: unknown): string {
  if (before === null || after === null || typeof before !== 'object' || typeof after !== 'object') {
    return `${showValue(before)} → ${showValue(after)}`;
  }
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== 'span');
  return keys
    .filter((k) => canonical(a[k]) !== canonical(b[k]))
    .map((k) => `${k}: ${showValue(a[k])} → ${showValue(b[k])}`)
    .join('; ');
}

/** `input/x.txt:41`, or the path alone, or nothing when the place is unknown. */
export function place(path: string | null, line: number | null): string {
  if (path === null) return '';
  return line === null ? path : `${path}:${line}`;
}

/** `1 record`, or for a list field `+3 -1 ~1 in 2 records` (added, removed, changed in place). */
export function showCount(count: FieldCount): string {
  const records = plural(count.records, 'record');
  const items = [count.added ? `+${count.added}` : '', count.removed ? `-${count.removed}` : '', count.modified ? `~${count.modified}` : ''].filter(Boolean).join(' ');
  return items ? `${items} in ${records}` : records;
}

/** `2 records`, `1 record`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The note on records whose JSON differs without a data change. */
export function cosmeticNote(ids: string[], limit = Infinity): string {
  const shown = ids.slice(0, limit).join(', ');
  const more = ids.length > limit ? ` … and ${ids.length - limit} more` : '';
  return `${plural(ids.length, 'unchanged record')} ${ids.length === 1 ? 'differs' : 'differ'} only in spans, source, warnings, whitespace or case: ${shown}${more}`;
}
