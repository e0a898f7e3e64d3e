/**
 * The whole flow of one document, in one visible list:
 * read → decode → parse → segment → extract → validate (write is per batch, see batch.ts).
 */
import { createDocument, reject, type Doc } from './document.js';
import type { Rules } from './rules/compile.js';
import { decode } from './stages/decode.js';
import { extract } from './stages/extract.js';
import { parse } from './stages/parse.js';
import { read, type ReadOptions } from './stages/read.js';
import { segment } from './stages/segment.js';
import { validate } from './stages/validate.js';

/** A stage works on the document; it records a fatal message instead of throwing. */
type Stage = (file: Doc, rules: Rules, options: ReadOptions) => void | Promise<void>;

/** The stages, in order. */
export const stages: [name: string, stage: Stage][] = [
  ['read', (file, _rules, options) => read(file, options)],
  ['decode', (file) => decode(file)],
  ['parse', (file) => parse(file)],
  ['segment', (file, rules) => segment(file, rules)],
  ['extract', (file, rules) => extract(file, rules)],
  ['validate', (file) => validate(file)],
];

/** Runs one input through every stage; a stage that fails stops only this document. */
export async function processDocument(path: string, shownPath: string, rules: Rules, options: ReadOptions): Promise<Doc> {
  const file = createDocument(path, shownPath);
  for (const [name, stage] of stages) {
    try {
      await stage(file, rules, options);
    } catch (error) {
      // A bug must not sink the batch: the document is rejected with what went wrong.
      reject(file, 'internal-error', `Cannot extract \`${shownPath}\`: the ${name} stage failed (${(error as Error).message})`);
      file.data.debug = (error as Error).stack;
    }
    if (file.data.rejected) break;
  }
  return file;
}
