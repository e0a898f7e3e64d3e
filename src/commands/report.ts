/** `coalex report`: extracts the inputs like extract, and writes only `<out>/report.html`, the review page. */
import { OutputError } from '../output/atomic.js';
import { recordsOf } from '../output/dataset.js';
import { renderReport, writeReport } from '../report/render.js';
import { batchExit, buildDataset, report, type ExtractOptions } from './extract.js';
import { EXIT, type Io } from './io.js';

/** Runs the batch and writes the review page; exit codes as extract's. */
export async function reportCommand(options: ExtractOptions, io: Io): Promise<number> {
  const built = await buildDataset(options, io);
  if (typeof built === 'number') return built;
  let path: string;
  try {
    path = writeReport(options.out, renderReport(built.results, io.cwd));
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
