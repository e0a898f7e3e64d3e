/** `coalex extract` and `coalex check`: run the batch, then write the dataset or compare with it. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { collectInputs, InputError, runBatch, type Result } from '../batch.js';
import { compareFolder, OutputError, writeFolder } from '../output/atomic.js';
import { withLock } from '../output/lock.js';
import { emitDataset, recordsOf, type OutputFormat, type RecordSource, type RenderOptions } from '../output/dataset.js';
import { fileSinks } from '../output/sinks.js';
import { RecordSpool } from '../output/spool.js';
import { loadRules, RulesError } from '../rules/load.js';
import { loadGenerated } from '../schema/validators.js';
import { EXIT, formatFinding, progress, type Io } from './io.js';
import { toolVersion } from '../version.js';
import type { CoalitionRecord } from '../schema/record.js';

/** Options shared by extract and check. */
export interface ExtractOptions {
  paths: string[];
  out: string;
  rulesDir: string;
  /** The rules folder as messages name it. */
  rulesLabel: string;
  formats: OutputFormat[];
  /** Worker threads; null: automatic. */
  jobs: number | null;
  maxBytes: number;
  csvExcel: boolean;
  strict: boolean;
  ci: boolean;
  /** False for eval: every document is scored, also when two share an id. */
  uniqueIds?: boolean;
  /** extract --report: also write report.html, the review page, into the output folder. */
  report?: boolean;
  /** Keep every record in memory (eval, report); otherwise records wait in a spool on disk. */
  keepRecords?: boolean;
}

/** A finished batch: its results (records in memory or in the spool) and what the files need. */
export interface Built {
  results: Result[];
  spool: RecordSpool | null;
  render: RenderOptions;
}

/** Runs the batch and renders the dataset; a usage problem becomes exit 2 with its message. */
export async function buildDataset(options: ExtractOptions, io: Io): Promise<Built | number> {
  let rules;
  await loadGenerated();
  try {
    rules = loadRules(options.rulesDir, options.rulesLabel);
  } catch (error) {
    if (error instanceof RulesError) {
      io.err(`${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  let inputs;
  try {
    inputs = collectInputs(options.paths, io.cwd);
  } catch (error) {
    if (error instanceof InputError) {
      io.err(`${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  const spool = options.keepRecords ? null : new RecordSpool();
  // A record whose id an earlier input (in path order) already has can never be in the dataset:
  // the earlier one, or one before it, owns the id. It is not spooled (on the bench corpus, 97%
  // of the records, 110 MB of JSON for 10,000 pages).
  const order = new Map(inputs.map((input, i) => [input.shown, i]));
  const firstWithId = new Map<string, number>();
  const surelyDuplicate = (path: string, id: string | undefined): boolean => {
    const at = order.get(path);
    if (options.uniqueIds === false || id === undefined || at === undefined) return false;
    const first = firstWithId.get(id);
    if (first !== undefined && first < at) return true;
    firstWithId.set(id, at);
    return false;
  };
  const onResult = (result: Result) => {
    if (spool && result.record) {
      if (!surelyDuplicate(result.path, result.record.id)) spool.add(result.path, result.record);
      result.record = null;
    }
  };
  try {
    const results = await runBatch(
      inputs,
      {
        rulesDir: options.rulesDir,
        jobs: options.jobs,
        maxBytes: options.maxBytes,
        uniqueIds: options.uniqueIds,
        onResult,
        ...(spool ? { onRecordJson: (path: string, json: string, id: string | undefined) => surelyDuplicate(path, id) || spool.addJson(path, json) } : {}),
      },
      progress(io, inputs.length, options.ci),
    );
    return { results, spool, render: { formats: options.formats, csvExcel: options.csvExcel, toolVersion: toolVersion(), rulesHash: rules.hash } };
  } catch (error) {
    spool?.close();
    throw error;
  }
}

/** The records of a batch in id order, one at a time (from the spool when there is one). */
function source(built: Built): RecordSource {
  const kept = built.results.filter((r) => !r.rejected && r.id).sort((a, b) => (a.id! < b.id! ? -1 : a.id! > b.id! ? 1 : 0));
  return { count: kept.length, forEach: (visit) => kept.forEach((r) => visit(r.record ?? built.spool!.get(r.path))) };
}

/** The results with their records in memory (for the review page and the check report). */
export function withRecords(built: Built): Result[] {
  return built.results.map((r) => (r.rejected || !r.id || r.record ? r : { ...r, record: built.spool!.get(r.path) }));
}

/** Writes the dataset's files into `dir`, record by record; returns their names. */
function writeDataset(dir: string, built: Built): string[] {
  const sinks = fileSinks(dir);
  emitDataset(source(built), built.results, built.render, sinks.open);
  return sinks.close();
}

/** Prints the findings: errors always, warnings unless --quiet; with --json, one JSON document on stdout. */
export function report(results: Result[], io: Io, extra: Record<string, unknown> = {}): void {
  const findings = results.flatMap((r) => r.findings);
  if (io.json) {
    io.out(`${JSON.stringify({ findings, ...extra }, null, 2)}\n`);
    return;
  }
  for (const finding of findings) {
    if (finding.severity === 'warning' && io.quiet) continue;
    io.err(`${formatFinding(finding)}\n`);
  }
  if (io.debug) for (const r of results) if (r.debug) io.err(`${r.path}: ${r.debug}\n`);
}

/** The exit code of a finished batch: 1 when an input was rejected (or, with --strict, warned about). */
export function batchExit(results: Result[], strict: boolean): number {
  const rejected = results.some((r) => r.rejected);
  const warned = strict && results.some((r) => r.findings.some((f) => f.severity === 'warning'));
  return rejected || warned ? EXIT.failed : EXIT.ok;
}

/** `coalex extract`: writes the dataset into --out, atomically. */
export async function extractCommand(options: ExtractOptions, io: Io): Promise<number> {
  const built = await buildDataset(options, io);
  if (typeof built === 'number') return built;
  try {
    const page = options.report ? await import('../report/render.js') : null;
    const html = page ? page.renderReport(withRecords(built), io.cwd) : null;
    await withLock(options.out, () =>
      writeFolder(options.out, (tmp) => {
        const names = writeDataset(tmp, built);
        if (!page || html === null) return names;
        writeFileSync(join(tmp, page.REPORT_FILE), html);
        return [...names, page.REPORT_FILE];
      }),
    );
  } catch (error) {
    if (error instanceof OutputError) {
      io.err(`${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  } finally {
    built.spool?.close();
  }
  const records = built.results.filter((r) => !r.rejected && r.id).length;
  const rejected = built.results.filter((r) => r.rejected).length;
  report(built.results, io, { records, rejected, out: options.out });
  if (!io.quiet && !io.json) io.err(`${records} records, ${rejected} rejected → ${options.out}\n`);
  return batchExit(built.results, options.strict);
}

/**
 * `coalex check`: like extract, writes nothing; exit 1 when --out is not what extract would write.
 * `describe` gets the fresh records (to report what changed) and returns an exit code: 2 when its report cannot be written.
 */
export async function checkCommand(options: ExtractOptions, io: Io, describe: (records: CoalitionRecord[], stale: boolean) => number): Promise<number> {
  const built = await buildDataset(options, io);
  if (typeof built === 'number') return built;
  const fresh = mkdtempSync(join(tmpdir(), 'coalex-check-'));
  try {
    return finishCheck(options, io, built, fresh, describe);
  } finally {
    rmSync(fresh, { recursive: true, force: true });
    built.spool?.close();
  }
}

function finishCheck(options: ExtractOptions, io: Io, built: Built, fresh: string, describe: (records: CoalitionRecord[], stale: boolean) => number): number {
  const { changed, missing, extra } = compareFolder(options.out, fresh, writeDataset(fresh, built));
  const stale = changed.length + missing.length + extra.length > 0;
  if (io.json) {
    io.out(`${JSON.stringify({ stale, changed, missing, extra }, null, 2)}\n`);
  } else if (stale) {
    const lines = [
      `${options.out} is stale: run \`coalex extract\` and commit the result.`,
      ...missing.map((f) => `  missing: ${f}`),
      ...changed.map((f) => `  changed: ${f}`),
      ...extra.map((f) => `  not written any more: ${f}`),
    ];
    io.err(`${lines.join('\n')}\n`);
  } else if (!io.quiet) io.err(`${options.out} is current.\n`);
  if (!io.json && describe(recordsOf(withRecords(built)), stale) === EXIT.usage) return EXIT.usage;
  if (stale) return EXIT.failed;
  return built.results.some((r) => r.rejected) ? EXIT.failed : EXIT.ok;
}

/** The dataset formats of the committed `out` (its manifest's `formats`), so check regenerates what extract wrote; all three when unknown. */
export function committedFormats(out: string, cwd: string): OutputFormat[] {
  const all: OutputFormat[] = ['json', 'jsonl', 'csv'];
  let formats: unknown;
  try {
    formats = (JSON.parse(readFileSync(resolve(cwd, out, 'manifest.json'), 'utf8')) as { formats?: unknown }).formats;
  } catch {
    return all;
  }
  const known = Array.isArray(formats) ? all.filter((f) => formats.includes(f)) : [];
  return known.length > 0 ? known : all;
}
