/** Compares two datasets record by record, keyed by `id`: added, removed, changed, and counts per field. */
import { jsonEqual } from './equal.js';
import { dataFields } from './fields.js';
import { diffRecord } from './record.js';
import { sourcePath, type Dataset, type DiffReport, type Entry, type FieldCount, type RecordChange } from './types.js';

/** The report of what changed from `before` to `after`; throws DatasetError when a record needed turns out unreadable. */
export function diffDatasets(before: Dataset, after: Dataset): DiffReport {
  const old = new Map(before.entries.map((e) => [e.id, e]));
  const report: DiffReport = { old: before.label, new: after.label, added: [], removed: [], changed: [], unchanged: 0, cosmetic: [], fields: [] };
  for (const entry of after.entries) {
    const previous = old.get(entry.id);
    old.delete(entry.id);
    if (!previous) report.added.push(entry.record());
    else if (same(previous, entry)) report.unchanged++;
    else {
      const changes = diffRecord(previous.record(), entry.record());
      if (changes.length > 0) report.changed.push({ id: entry.id, path: sourcePath(entry.record()), changes });
      else {
        report.unchanged++;
        report.cosmetic.push(entry.id);
      }
    }
  }
  report.removed = [...old.values()].map((e) => e.record());
  report.fields = fieldCounts(report.changed, before, after);
  return report;
}

/** Most records of a new version are byte-identical: those need neither parsing nor a field-by-field comparison. */
function same(a: Entry, b: Entry): boolean {
  if (a.raw !== null && b.raw !== null && a.raw.equals(b.raw)) return true;
  return jsonEqual(a.record(), b.record());
}

/** Per changed field: in how many records, and (list fields) how many items were added, removed and changed in place. */
function fieldCounts(changed: RecordChange[], before: Dataset, after: Dataset): [string, FieldCount][] {
  const counts = new Map<string, FieldCount>();
  for (const record of changed) {
    for (const change of record.changes) {
      const count = counts.get(change.field) ?? (change.kind === 'list' ? { records: 0, added: 0, removed: 0, modified: 0 } : { records: 0 });
      count.records++;
      if (change.kind === 'list') {
        count.added! += change.added.length;
        count.removed! += change.removed.length;
        count.modified! += change.modified.length;
      }
      counts.set(change.field, count);
    }
  }
  const first = (dataset: Dataset) => dataset.entries[0]?.record() ?? { id: '' };
  const order = dataFields(first(before), first(after));
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  return [...counts.entries()].sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
