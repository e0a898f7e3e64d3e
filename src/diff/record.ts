/** Compares two versions of one record field by field. */
import { canonical, dataFields, itemLabel, withoutSpans } from './fields.js';
import { jsonEqual } from './equal.js';
import { diffList } from './items.js';
import type { DataRecord, FieldChange, ItemRef } from './types.js';

/** The changed data fields of a record, in schema order; empty when only spans, source, warnings, whitespace or case differ. */
export function diffRecord(before: DataRecord, after: DataRecord): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of dataFields(before, after)) {
    const a = before[field];
    const b = after[field];
    if (jsonEqual(a, b)) continue;
    if (Array.isArray(a) || Array.isArray(b)) {
      const oldItems = Array.isArray(a) ? (a as unknown[]) : [];
      const newItems = Array.isArray(b) ? (b as unknown[]) : [];
      const delta = diffList(field, oldItems, newItems);
      if (delta.added.length + delta.removed.length + delta.modified.length === 0) continue;
      const ref = (items: unknown[], index: number, record: DataRecord | null): ItemRef => ({
        label: itemLabel(field, items[index]),
        item: items[index],
        line: record ? itemLine(record, field, items[index], index) : null,
      });
      changes.push({
        kind: 'list',
        field,
        added: delta.added.map((i) => ref(newItems, i, after)),
        removed: delta.removed.map((i) => ref(oldItems, i, null)),
        modified: delta.modified.map(([o, n]) => ({ old: ref(oldItems, o, null), new: ref(newItems, n, after) })),
      });
    } else if (canonical(a) !== canonical(b)) {
      changes.push({ kind: 'scalar', field, old: withoutSpans(a), new: withoutSpans(b), line: scalarLine(after, field) });
    }
  }
  return changes;
}

type Position = { start?: { line?: number } } | null | undefined;
type Located = { span?: Position } | null | undefined;

/** Where a scalar's value stands: its own span (`municipality`), or the record's `spans` entry (`title`, `name`, `summary`). */
function scalarLine(record: DataRecord, field: string): number | null {
  const own = (record[field] as Located)?.span?.start?.line;
  const listed = (record.spans as Record<string, Position> | undefined)?.[field]?.start?.line;
  return own ?? listed ?? null;
}

/** Where an item stands: its span, or for plain values (e-mails, years, …) the span at the same index of `spans`. */
function itemLine(record: DataRecord, field: string, item: unknown, index: number): number | null {
  const own = typeof item === 'object' ? (item as Located)?.span?.start?.line : undefined;
  const spans = (record.spans as Record<string, unknown> | undefined)?.[field];
  const listed = Array.isArray(spans) ? (spans[index] as Position)?.start?.line : undefined;
  return own ?? listed ?? null;
}
