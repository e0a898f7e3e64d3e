/** The source text of a record, read again from its input path, for the review page's highlights. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CoalitionRecord } from '../schema/record.js';
import { toText } from '../stages/decode.js';

/** The decoded text as the pipeline saw it, or why it cannot be shown (then the page shows no highlights). */
export type Source = { text: string; notice: null } | { text: null; notice: string };

/** Reads `record.source.path` (relative to `cwd`) and decodes it as the pipeline does; checks its sha256. */
export function loadSource(record: CoalitionRecord, cwd: string): Source {
  const shown = record.source.path;
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(cwd, shown));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? 'unknown error');
    return { text: null, notice: `Cannot read the source \`${shown}\` (${why}): the values are shown without highlights.` };
  }
  if (createHash('sha256').update(bytes).digest('hex') !== record.source.sha256) {
    return { text: null, notice: `The source \`${shown}\` has changed since it was extracted (its sha256 differs): the values are shown without highlights.` };
  }
  return { text: toText(bytes).text, notice: null };
}
