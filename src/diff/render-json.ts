/** The `json` report: exactly the SPEC §5 shape (see src/schema/diff.ts), with counts per field in `summary.fields`. */
import type { DiffJson } from '../schema/diff.js';
import type { DiffReport, FieldChange } from './types.js';

/** The report as a plain object. */
export function reportJson(report: DiffReport): DiffJson {
  return {
    summary: {
      added: report.added.length,
      removed: report.removed.length,
      changed: report.changed.length,
      unchanged: report.unchanged,
      // An item changed in place is one removed and one added, as in the lists of `changed`.
      fields: Object.fromEntries(
        report.fields.map(([field, c]) => [field, c.modified === undefined ? { records: c.records } : { records: c.records, added: c.added! + c.modified, removed: c.removed! + c.modified }]),
      ),
    },
    added: report.added.map((r) => r.id),
    removed: report.removed.map((r) => r.id),
    changed: report.changed.map((r) => ({ id: r.id, fields: Object.fromEntries(r.changes.map((c) => [c.field, fieldJson(c)])) })),
  };
}

function fieldJson(change: FieldChange): { old: unknown; new: unknown } | { added: (string | number)[]; removed: (string | number)[] } {
  if (change.kind === 'scalar') return { old: change.old, new: change.new };
  return {
    added: [...change.added, ...change.modified.map((m) => m.new)].map((ref) => ref.label),
    removed: [...change.removed, ...change.modified.map((m) => m.old)].map((ref) => ref.label),
  };
}

/** The report as JSON text, 2-space indent, trailing newline. */
export function renderJson(report: DiffReport): string {
  return `${JSON.stringify(reportJson(report), null, 2)}\n`;
}
