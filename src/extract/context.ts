/** What every extractor gets: the text, its structure, the rules, and span and warning helpers. */
import { location } from 'vfile-location';
import type { Doc } from '../document.js';
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
}

/** Creates the context for a document that has been segmented. */
export function createContext(file: Doc, rules: Rules): Context {
  const text = String(file.value);
  const place = location(file);
  const span = (range: { start: number; end: number }): Span => {
    const start = place.toPoint(range.start)!;
    // The end point of a value that ends the file is one past its last character.
    const end = place.toPoint(range.end) ?? endPoint(text);
    return {
      start: { line: start.line, column: start.column, offset: start.offset! },
      end: { line: end.line, column: end.column, offset: end.offset! },
    };
  };
  const warnings: Warning[] = [];
  return {
    text,
    rules,
    structure: file.data.structure!,
    span,
    warnings,
    warn(code, message, range) {
      const warning: Warning = range ? { code, message, span: span(range) } : { code, message };
      if (!warnings.some((w) => w.code === code && w.message === message)) warnings.push(warning);
    },
  };
}

function endPoint(text: string): { line: number; column: number; offset: number } {
  const lines = text.split(/\r\n|\r|\n/u);
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1, offset: text.length };
}

/** A range cut out of another by offsets relative to its text. */
export function subRange(range: Range, from: number, to: number): Range {
  return { text: range.text.slice(from, to), start: range.start + from, end: range.start + to };
}
