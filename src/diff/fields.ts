/**
 * How each record field is compared: which fields hold no data of their own, how list items
 * are named (SPEC §5) and matched (SPEC §6 normalisation), and how objects lose their spans.
 */
import { normalize } from '../eval/score.js';
import { websiteKey } from '../extract/values.js';
import { recordFields } from '../schema/record.js';
import type { DataRecord } from './types.js';

/** Fields that are not data: the key, where values stand, and what a reviewer should look at. */
const IGNORED = new Set(['id', 'source', 'warnings', 'spans']);

/** The attribute that names an item of each object list (SPEC §5). */
const LABEL_KEY: Record<string, string> = {
  organizations: 'name', contacts: 'name', people: 'name',
  goals: 'text', targets: 'text', activities: 'text',
  sections: 'heading', municipalitiesMentioned: 'code',
};

/** The data fields of two records: schema order first, then fields the schema does not know, sorted. */
export function dataFields(a: DataRecord, b: DataRecord): string[] {
  const known = recordFields as string[];
  const extra = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => !known.includes(f)).sort();
  return [...known, ...extra].filter((f) => !IGNORED.has(f));
}

/** The name of a list item: `name`, `text`, `heading` or `code` of an object, the value itself otherwise. */
export function itemLabel(field: string, item: unknown): string | number {
  if (typeof item === 'string' || typeof item === 'number') return item;
  if (item !== null && typeof item === 'object') {
    const named = item as Record<string, unknown>;
    for (const key of [LABEL_KEY[field], 'name', 'text', 'heading', 'code']) {
      const value = key === undefined ? undefined : named[key];
      if (typeof value === 'string' || typeof value === 'number') return value;
    }
  }
  return canonical(item);
}

/** Items with the same match key are the same item, whatever else changed in them. */
export function matchKey(field: string, item: unknown): string {
  if (field === 'websites' && typeof item === 'string') return websiteKey(item);
  return normalize(itemLabel(field, item));
}

/** Items with the same content key are equal: spans dropped, strings normalised, inner lists unordered. */
export function contentKey(field: string, item: unknown): string {
  if (field === 'websites' && typeof item === 'string') return websiteKey(item);
  return canonical(item);
}

/** A value without spans: what a scalar field is compared and reported by (`municipality` by name, code, province). */
export function withoutSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSpans);
  if (value === null || typeof value !== 'object') return value ?? null;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'span' && key !== 'spans').map(([key, v]) => [key, withoutSpans(v)]));
}

/** A string that is equal for values the data considers equal. */
export function canonical(value: unknown): string {
  return JSON.stringify(canonicalValue(value));
}

function canonicalValue(value: unknown): unknown {
  if (typeof value === 'string') return normalize(value);
  if (Array.isArray(value)) return value.map((v) => JSON.stringify(canonicalValue(v))).sort();
  if (value === null || typeof value !== 'object') return value ?? null;
  return Object.keys(value)
    .filter((key) => key !== 'span' && key !== 'spans' && (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => [key, canonicalValue((value as Record<string, unknown>)[key])]);
}
