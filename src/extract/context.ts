/** What every extractor gets: the text, its structure, the rules, and span and warning helpers. */
import { location } from 'vfile-location';
import { lookupsOf, type Doc, type Lookups } from '../document.js';
import type { Rules } from '../rules/compile.js';
import type { CoalitionRecord, Span } from '../schema/record.js';
import type { Structure } from '../stages/segment.js';
import type { Range } from '../util/lines.js';

/** One record warning. */
export type Warning = CoalitionRecord['warnings'][number];

/** Extraction context of one document. */
export interface Context {
  text: string;
  rules: Rules;
  structure: Structure;
  /** The span of a range (or of two offsets). */
  span(range: { start: number; end: number }): Span;
  /** Adds a record warning (also reported as a message on the file). */
  warn(code: string, message: string, range?: { start: number; end: number }): void;
  warnings: Warning[];
  /** The libraries' answers per piece of text (asked ahead by the look-up stages, or as extract needs them). */
  lookups: Lookups;
}

/** Creates the context for a document that has been segmented. */
export function createContext(file: Doc, rules: Rules): Context {
  const source = String(file.value);
  const text = file.data.text ?? source;
  const offsets = file.data.offsets;
  const place = location(file);
  const span = (range: { start: number; end: number }): Span => {
    const [from, to] = offsets ? toSource(offsets, source, range) : [range.start, range.end];
    const start = place.toPoint(from)!;
    // The end point of a value that ends the file is one past its last character.
    const end = place.toPoint(to) ?? endPoint(source);
    return {
      start: { line: start.line, column: start.column, offset: start.offset! },
      end: { line: end.line, column: end.column, offset: end.offset! },
    };
  };
  const warnings: Warning[] = [];
  const seen = new Set<string>();
  return {
    text,
    rules,
    structure: file.data.structure!,
    span,
    warnings,
    lookups: lookupsOf(file),
    warn(code, message, range) {
      const warning: Warning = range ? { code, message, span: span(range) } : { code, message };
      const key = `${code}\0${message}`;
      if (!seen.has(key)) {
        seen.add(key);
        warnings.push(warning);
      }
    },
  };
}

/** Rendered offsets → offsets in the original file; the end covers a whole entity such as `&amp;`. */
function toSource(offsets: number[], source: string, range: { start: number; end: number }): [number, number] {
  const from = offsets[range.start] ?? source.length;
  if (range.end <= range.start) return [from, from];
  const last = offsets[range.end - 1]!;
  const entity = source[last] === '&' ? /^&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});?/iu.exec(source.slice(last, last + 40)) : null;
  return [from, last + (entity ? entity[0].length : 1)];
}

function endPoint(text: string): { line: number; column: number; offset: number } {
  const lines = text.split(/\r\n|\r|\n/u);
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1, offset: text.length };
}

/** A range cut out of another by offsets relative to its text. */
export function subRange(range: Range, from: number, to: number): Range {
  return { text: range.text.slice(from, to), start: range.start + from, end: range.start + to };
}
