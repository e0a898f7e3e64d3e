/** A record as the review page lists it: every value of every highlighted field, with its span's offsets. */
import type { CoalitionRecord, Span } from '../schema/record.js';
import { reportFields, type ReportField } from './fields.js';

/** One value of the record: its field, what the page shows, and where it stands (null: no span). */
export interface ReportItem {
  field: ReportField;
  label: string;
  /** The value's other properties, `key: value` joined by ` · ` (empty when none). */
  props: string;
  span: { start: number; end: number; line: number } | null;
}

/** The property that names an item of each object-valued field. */
const labelKey: Partial<Record<ReportField, string>> = {
  municipality: 'name', municipalitiesMentioned: 'name', organizations: 'name', contacts: 'name', people: 'name',
  goals: 'text', targets: 'text', activities: 'text', sections: 'heading', warnings: 'message',
};

/** Every value of `record`, field by field in record order, values in record order. */
export function reportItems(record: CoalitionRecord): ReportItem[] {
  const items: ReportItem[] = [];
  for (const field of reportFields) {
    const key = labelKey[field];
    if (key !== undefined) {
      const value = (record as Record<string, unknown>)[field];
      const list = value === null ? [] : Array.isArray(value) ? value : [value];
      for (const item of list as Record<string, unknown>[]) items.push({ field, label: String(item[key]), props: propsOf(item, key), span: offsets(item.span as Span | undefined) });
    } else if (field === 'title' || field === 'name' || field === 'summary') {
      const value = record[field];
      if (value !== null) items.push({ field, label: value, props: '', span: offsets(record.spans[field]) });
    } else {
      const values = record[field as 'emails' | 'phones' | 'websites' | 'years'] as (string | number)[];
      const spans = record.spans[field as 'emails' | 'phones' | 'websites' | 'years'];
      values.forEach((value, index) => items.push({ field, label: String(value), props: '', span: offsets(spans[index]) }));
    }
  }
  return items;
}

function offsets(span: Span | null | undefined): ReportItem['span'] {
  return span ? { start: span.start.offset, end: span.end.offset, line: span.start.line } : null;
}

/** `type: welfare · emails: a@b.nl, c@d.nl`: the properties besides the label and the span, empty ones left out. */
function propsOf(item: Record<string, unknown>, key: string): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(item)) {
    if (name === key || name === 'span' || value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) parts.push(`${name}: ${value.join(', ')}`);
    } else parts.push(`${name}: ${String(value)}`);
  }
  return parts.join(' · ');
}
