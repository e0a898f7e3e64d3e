/** Renders the review page (`report.html`) of a batch, and writes it atomically. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../batch.js';
import { OutputError } from '../output/atomic.js';
import { reportData } from './data.js';
import { reportPage } from './page.js';
import { loadSource } from './source.js';

/** The name of the review page in the output folder. */
export const REPORT_FILE = 'report.html';

/** The review page of `results`; each source is read again from its path (relative to `cwd`). */
export function renderReport(results: Result[], cwd: string): string {
  const { index, docs } = reportData(results, (record) => loadSource(record, cwd));
  return reportPage(index, docs);
}

/** Writes `html` as `<dir>/report.html`: into a temporary file beside it, then renamed over it. */
export function writeReport(dir: string, html: string): string {
  const path = join(dir, REPORT_FILE);
  const tmp = join(dir, `.${REPORT_FILE}.coalex-new-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, html);
    renameSync(tmp, path);
  } catch (error) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // the folder itself is not writable: there is no temporary file to remove
    }
    throw new OutputError(`Cannot write the review page \`${path}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return path;
}
