/** `coalex report`: extracts the inputs like extract, and writes only `<out>/report.html`, the review page. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { OutputError } from '../output/atomic.js';
import { recordsOf } from '../output/dataset.js';
import { withLock } from '../output/lock.js';
import { renderReport, writeReport } from '../report/render.js';
import { batchExit, buildDataset, report, type ExtractOptions } from './extract.js';
import { EXIT, type Io } from './io.js';

/** Runs the batch and writes the review page; exit codes as extract's. */
export async function reportCommand(options: ExtractOptions, io: Io): Promise<number> {
  const built = await buildDataset({ ...options, keepRecords: true }, io);
  if (typeof built === 'number') return built;
  const html = renderReport(built.results, io.cwd);
  let path: string;
  try {
    try {
      mkdirSync(dirname(options.out), { recursive: true });
    } catch {
      // writeReport names the problem
    }
    // The same lock as extract's: a report never lands in a folder that an extract is swapping out.
    path = await withLock(options.out, () => writeReport(options.out, html));
  } catch (error) {
    if (error instanceof OutputError) {
      io.err(`${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  const records = recordsOf(built.results).length;
  const rejected = built.results.filter((r) => r.rejected).length;
  report(built.results, io, { records, rejected, report: path });
  if (!io.quiet && !io.json) io.err(`${records} records, ${rejected} rejected → ${path}\n`);
  return batchExit(built.results, options.strict);
}
