/** The review page's data: a small index of every document, and each document's detail, as plain JSON values. */
import type { Result } from '../batch.js';
import type { CoalitionRecord } from '../schema/record.js';
import { fieldStyles, reportFields } from './fields.js';
import { reportItems } from './items.js';
import { nestRanges, type Mark } from './nest.js';
import type { Source } from './source.js';

/** An index row: id, kind, municipality, title, source path, number of values per field (in `reportFields` order). */
export type IndexRow = [string, string, string, string, string, number[]];

/** What the page's index needs; parsed when the page opens. */
export interface IndexData {
  title: string;
  fields: string[];
  short: Record<string, string>;
  scalars: string[];
  docs: IndexRow[];
  rejected: [string, string][];
}

/** A record value: field number, label, other properties, start and end offset (-1: no span), start line (0: none). */
export type ItemRow = [number, string, string, number, number, number];

/** A highlight: item number, start, end, and the highlights inside it (left out when none). */
export type MarkRow = [number, number, number] | [number, number, number, MarkRow[]];

/** One document's detail; parsed only when the document is opened. */
export interface DocData {
  id: string;
  kind: string;
  title: string | null;
  municipality: string | null;
  source: CoalitionRecord['source'];
  text: string | null;
  notice: string | null;
  items: ItemRow[];
  marks: MarkRow[];
}

/** The records of `results` sorted by id, each with its index row and detail; `sourceOf` gives each record's text. */
export function reportData(results: Result[], sourceOf: (record: CoalitionRecord) => Source): { index: IndexData; docs: DocData[] } {
  const records = results.flatMap((r) => (r.record ? [r.record] : [])).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows: IndexRow[] = [];
  const docs: DocData[] = [];
  for (const record of records) {
    const items = reportItems(record);
    const counts = reportFields.map((field) => items.filter((item) => item.field === field).length);
    rows.push([record.id, record.kind, record.municipality?.name ?? '', record.title ?? '', record.source.path, counts]);
    const source = sourceOf(record);
    const ranges = items.flatMap((item, index) => (item.span ? [{ item: index, start: item.span.start, end: item.span.end }] : []));
    docs.push({
      id: record.id,
      kind: record.kind,
      title: record.title,
      municipality: record.municipality?.name ?? null,
      source: record.source,
      text: source.text,
      notice: source.notice,
      items: items.map((item) => [reportFields.indexOf(item.field), item.label, item.props, item.span?.start ?? -1, item.span?.end ?? -1, item.span?.line ?? 0]),
      marks: source.text === null ? [] : nestRanges(ranges, source.text.length).map(markRow),
    });
  }
  const rejected = results.flatMap((r): [string, string][] => (r.rejected ? [[r.path, r.rejected.message]] : []));
  const index: IndexData = {
    title: `coalex review: ${records.length} ${records.length === 1 ? 'document' : 'documents'}`,
    fields: [...reportFields],
    short: Object.fromEntries(reportFields.map((f) => [f, fieldStyles[f].short])),
    scalars: ['title', 'name', 'summary', 'municipality'],
    docs: rows,
    rejected,
  };
  return { index, docs };
}

function markRow(mark: Mark): MarkRow {
  return mark.children.length === 0 ? [mark.item, mark.start, mark.end] : [mark.item, mark.start, mark.end, mark.children.map(markRow)];
}
