/** The diff model: what differs between two datasets, before it is rendered as text, Markdown or JSON. */

/** A record as read from a dataset: any object with a string `id` (older datasets may lack fields). */
export type DataRecord = Record<string, unknown> & { id: string };

/** A record of a dataset side: its id, its bytes as stored (when read from a file), and the record, parsed on first use. */
export interface Entry {
  id: string;
  raw: Buffer | null;
  record(): DataRecord;
}

/** One side of a comparison: its label as the user gave it, and its entries sorted by id. */
export interface Dataset {
  label: string;
  entries: Entry[];
}

/** A dataset of records already in memory (the fresh extraction of `coalex check`, tests). */
export function datasetOf(label: string, records: DataRecord[]): Dataset {
  const entries = records.map((record): Entry => ({ id: record.id, raw: null, record: () => record }));
  return { label, entries: entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
}

/** A list item: its name (SPEC §5), the item itself, and the line of the source where it stands (new side). */
export interface ItemRef {
  label: string | number;
  item: unknown;
  line: number | null;
}

/** A scalar field whose value changed; objects such as `municipality` without their span. */
export interface ScalarChange {
  kind: 'scalar';
  field: string;
  old: unknown;
  new: unknown;
  /** Line of the new value in the new record's source. */
  line: number | null;
}

/** A list field whose items changed; `modified` pairs have the same name but other attributes differ. */
export interface ListChange {
  kind: 'list';
  field: string;
  added: ItemRef[];
  removed: ItemRef[];
  modified: { old: ItemRef; new: ItemRef }[];
}

/** A change of one field. */
export type FieldChange = ScalarChange | ListChange;

/** A record present on both sides whose data differs. */
export interface RecordChange {
  id: string;
  /** `source.path` of the new record (where the new values stand), or null. */
  path: string | null;
  changes: FieldChange[];
}

/** How much changed in one field over the whole dataset. */
export interface FieldCount {
  /** Records in which the field changed. */
  records: number;
  /** List fields: items added, removed, and changed in place (same name, other attributes differ). */
  added?: number;
  removed?: number;
  modified?: number;
}

/** The whole comparison. */
export interface DiffReport {
  old: string;
  new: string;
  added: DataRecord[];
  removed: DataRecord[];
  changed: RecordChange[];
  unchanged: number;
  /** Ids of unchanged records that differ only in spans, source, warnings, whitespace or case. */
  cosmetic: string[];
  /** Counts per changed field, in schema order. */
  fields: [string, FieldCount][];
}

/** Whether the report holds any change of the data. */
export function hasDifferences(report: DiffReport): boolean {
  return report.added.length + report.removed.length + report.changed.length > 0;
}

/** `source.path` of a record, when it has one. */
export function sourcePath(record: DataRecord): string | null {
  const source = record.source as { path?: unknown } | null | undefined;
  return typeof source?.path === 'string' ? source.path : null;
}
