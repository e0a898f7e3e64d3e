/** Scores records against gold files (SPEC §6): precision, recall and F1 per field and overall. */
import { websiteKey } from '../extract/values.js';
import type { CoalitionRecord } from '../schema/record.js';

/** Counts of one field. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Scores per field name (`municipality.code`, `goals`, …). */
export type Scores = Map<string, Counts>;

/** SPEC §6 string comparison: NFC, whitespace runs (NBSP too) → one space, trimmed, trailing `.;:,` removed, case-folded. */
export function normalize(value: unknown): string {
  return String(value)
    .normalize('NFC')
    .replace(/[\s\u00a0\u200b-\u200d\ufeff]+/gu, ' ')
    .trim()
    .replace(/[.;:,]+$/u, '')
    .trim()
    .toLowerCase();
}

function tokens(text: string): Set<string> {
  return new Set(normalize(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean));
}

/** Jaccard overlap of two texts' token sets. */
export function jaccard(a: string, b: string): number {
  const x = tokens(a);
  const y = tokens(b);
  if (x.size === 0 && y.size === 0) return 1;
  let both = 0;
  for (const t of x) if (y.has(t)) both++;
  return both / (x.size + y.size - both);
}

type Item = Record<string, unknown> | string | number;

/** Whether a predicted item matches a gold item: by key (Jaccard ≥ 0.8 for goals and activities), and every other field the gold item gives. */
export function itemMatches(field: string, gold: Item, predicted: Item): boolean {
  if (typeof gold !== 'object') {
    if (field === 'websites') return websiteKey(String(gold)) === websiteKey(String(predicted));
    return normalize(gold) === normalize(predicted);
  }
  const p = predicted as Record<string, unknown>;
  if (field === 'targets') return ['from', 'to', 'ageMin', 'ageMax'].every((k) => (gold[k] ?? null) === (p[k] ?? null));
  const fuzzy = field === 'goals' || field === 'activities';
  for (const [key, value] of Object.entries(gold)) {
    if (key === 'span') continue;
    const other = p[key];
    if (Array.isArray(value)) {
      const got = Array.isArray(other) ? other.map(normalize).sort() : [];
      if (JSON.stringify(value.map(normalize).sort()) !== JSON.stringify(got)) return false;
    } else if (value === null) {
      if (other !== null && other !== undefined) return false;
    } else if (fuzzy && (key === 'text' || key === 'description') && typeof other === 'string') {
      if (jaccard(String(value), other) < 0.8) return false;
    } else if (other === undefined || other === null || normalize(value) !== normalize(other)) return false;
  }
  return true;
}

function add(scores: Scores, field: string, counts: Counts): void {
  const total = scores.get(field) ?? { tp: 0, fp: 0, fn: 0 };
  total.tp += counts.tp;
  total.fp += counts.fp;
  total.fn += counts.fn;
  scores.set(field, total);
}

/** One miss: a gold value not found (`missed`) or a predicted value not in gold (`extra`). */
export interface Miss {
  field: string;
  kind: 'missed' | 'extra';
  value: unknown;
}

/** Matches two lists as multisets: each gold item takes the first unused predicted item that matches. */
function scoreList(field: string, gold: Item[], predicted: Item[], misses?: Miss[]): Counts {
  const used = new Set<number>();
  let tp = 0;
  for (const g of gold) {
    const index = predicted.findIndex((p, i) => !used.has(i) && itemMatches(field, g, p));
    if (index >= 0) {
      used.add(index);
      tp++;
    } else misses?.push({ field, kind: 'missed', value: g });
  }
  predicted.forEach((p, i) => {
    if (!used.has(i)) misses?.push({ field, kind: 'extra', value: withoutSpan(p) });
  });
  return { tp, fp: predicted.length - tp, fn: gold.length - tp };
}

function withoutSpan(item: Item): Item {
  if (typeof item !== 'object') return item;
  const { span: _span, ...rest } = item;
  return rest;
}

function scoreScalar(gold: unknown, predicted: unknown, field: string, misses?: Miss[]): Counts {
  const counts =
    gold === null
      ? predicted === null || predicted === undefined
        ? { tp: 1, fp: 0, fn: 0 }
        : { tp: 0, fp: 1, fn: 1 }
      : predicted === null || predicted === undefined
        ? { tp: 0, fp: 0, fn: 1 }
        : normalize(gold) === normalize(predicted)
          ? { tp: 1, fp: 0, fn: 0 }
          : { tp: 0, fp: 1, fn: 1 };
  if (counts.tp === 0) {
    misses?.push({ field, kind: 'missed', value: gold });
    if (counts.fp) misses?.push({ field, kind: 'extra', value: predicted });
  }
  return counts;
}

/** Adds the scores of one record against its gold file to `scores`; lists what did not match in `misses`. */
export function scoreRecord(gold: Record<string, unknown>, record: CoalitionRecord | null, scores: Scores, misses?: Miss[]): void {
  const predicted = (record ?? {}) as Record<string, unknown>;
  for (const [field, value] of Object.entries(gold)) {
    if (Array.isArray(value)) {
      add(scores, field, scoreList(field, value as Item[], (predicted[field] as Item[] | undefined) ?? [], misses));
    } else if (value !== null && typeof value === 'object') {
      const inner = predicted[field] as Record<string, unknown> | null | undefined;
      for (const [key, v] of Object.entries(value)) add(scores, `${field}.${key}`, scoreScalar(v, inner?.[key], `${field}.${key}`, misses));
    } else if (value === null && field === 'municipality') {
      add(scores, 'municipality.code', scoreScalar(null, (predicted[field] as { code?: string } | null)?.code ?? null, 'municipality.code', misses));
    } else {
      add(scores, field, scoreScalar(value, predicted[field], field, misses));
    }
  }
}

/** Precision, recall and F1 of counts (1 when there was nothing to find and nothing was found). */
export function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** The micro-averaged total over all fields. */
export function total(scores: Scores): Counts {
  const sum = { tp: 0, fp: 0, fn: 0 };
  for (const c of scores.values()) {
    sum.tp += c.tp;
    sum.fp += c.fp;
    sum.fn += c.fn;
  }
  return sum;
}
