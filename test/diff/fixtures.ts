/** The two dataset versions of test/fixtures/diff/ and a writable stream that keeps what is written. */
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { root } from '../helpers.js';
import { loadDataset } from '../../src/diff/load.js';
import type { DataRecord, Dataset } from '../../src/diff/types.js';

/** The folder holding `old/` and `new/`. */
export const fixtures = join(root, 'test/fixtures/diff');

/**
 * old → new: `westland` removed, `hillegom` added; `rijswijk` changed (title, name, an organisation
 * added, one removed, one changed in type, a phone added); `lansingerland` only reordered (and one
 * extra space); `lisse` only shifted by a blank line after its title; `002-…` identical.
 */
export function versions(): { old: Dataset; new: Dataset } {
  return { old: loadDataset('old', fixtures), new: loadDataset('new', fixtures) };
}

/** The records of a dataset, parsed. */
export function records(dataset: Dataset): DataRecord[] {
  return dataset.entries.map((e) => e.record());
}

/** A stream for `main()` that collects its text. */
export function sink(isTTY = false): Writable & { text: string; isTTY: boolean } {
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      stream.text += chunk.toString();
      done();
    },
  }) as Writable & { text: string; isTTY: boolean };
  stream.text = '';
  stream.isTTY = isTTY;
  return stream;
}
