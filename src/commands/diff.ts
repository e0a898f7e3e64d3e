/** `coalex diff <old> <new>`, and the report `coalex check` gives when the committed dataset is stale. */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { diffDatasets } from '../diff/compare.js';
import { DatasetError } from '../diff/errors.js';
import { loadDataset } from '../diff/load.js';
import { isReportFormat, renderReport, type ReportFormat } from '../diff/render.js';
import { datasetOf, hasDifferences, type DataRecord, type Dataset, type DiffReport } from '../diff/types.js';
import { EXIT, type Io } from './io.js';

/** Where and how the report is written. */
export interface ReportOptions {
  format: ReportFormat;
  /** A file to write the report to; null: stdout. */
  output: string | null;
  /** Whether stdout is a terminal that shows colour (only used for text on stdout). */
  color: boolean;
}

/** The report format `value` names, or null. */
export function parseReportFormat(value: string): ReportFormat | null {
  return isReportFormat(value) ? value : null;
}

/** `coalex diff`: exit 0 when the data is the same, 1 when it differs, 2 when a side cannot be read or the report cannot be written. */
export function diffCommand(oldSpec: string, newSpec: string, options: ReportOptions, io: Io): number {
  let report: DiffReport;
  try {
    report = diffDatasets(loadDataset(oldSpec, io.cwd), loadDataset(newSpec, io.cwd));
  } catch (error) {
    if (error instanceof DatasetError) {
      io.err(`${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  // Like `git diff --quiet`: the exit code only, unless a file was asked for.
  if (!emit(report, options, io, !io.quiet)) return EXIT.usage;
  return hasDifferences(report) ? EXIT.failed : EXIT.ok;
}

/**
 * `coalex check`'s report: the dataset committed in `out` against the fresh records. Printed when
 * stale; with --output written on every run, so CI always finds the file. Exit 2 when it cannot be written.
 */
export function checkReport(out: string, fresh: DataRecord[], stale: boolean, options: ReportOptions & { label: string }, io: Io): number {
  if (!stale && options.output === null) return EXIT.ok;
  let report: DiffReport;
  try {
    report = diffDatasets(committedDataset(out, io.cwd), datasetOf(options.label, fresh));
  } catch (error) {
    // A committed dataset that cannot be read (a merge conflict in it) is stale anyway: say why there is no report.
    if (!(error instanceof DatasetError)) throw error;
    io.err(`${error.message}\n`);
    return EXIT.ok;
  }
  return emit(report, options, io, true) ? EXIT.ok : EXIT.usage;
}

/** The records committed in `out`; none when it holds no coalitions.json or .jsonl yet (a first run, or CSV only). */
function committedDataset(out: string, cwd: string): Dataset {
  const dir = resolve(cwd, out);
  if (!existsSync(join(dir, 'coalitions.json')) && !existsSync(join(dir, 'coalitions.jsonl'))) return datasetOf(out, []);
  return loadDataset(out, cwd);
}

/** Writes the report to --output (with a summary line on stderr unless --quiet) or to stdout; false when the file cannot be written. */
function emit(report: DiffReport, options: ReportOptions, io: Io, toStdout: boolean): boolean {
  const text = renderReport(report, options.format, { color: options.color && options.output === null });
  if (options.output === null) {
    if (toStdout) io.out(text);
    return true;
  }
  try {
    writeFileSync(resolve(io.cwd, options.output), text);
  } catch (error) {
    io.err(`Cannot write report \`${options.output}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return false;
  }
  if (!io.quiet) {
    const counts = `${report.added.length} added, ${report.removed.length} removed, ${report.changed.length} changed, ${report.unchanged} unchanged`;
    io.err(`${counts} → ${options.output}\n`);
  }
  return true;
}
