/** A batch: finds the inputs, runs each through the pipeline (on worker threads when asked), checks ids. */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { cpus } from 'node:os';
import { isAbsolute, join, relative, sep } from 'node:path';
import { processDocuments } from './pipeline.js';
import type { Doc, RejectReason } from './document.js';
import { loadRules } from './rules/load.js';
import { formats } from './stages/read.js';
import type { CoalitionRecord } from './schema/record.js';
import { runOnWorkers } from './workers/pool.js';

/** A finding about an input: `path:line:col: severity reason [rule-id]`. */
export interface Finding {
  path: string;
  line: number | null;
  column: number | null;
  severity: 'error' | 'warning';
  reason: string;
  ruleId: string;
}

/** What one input gave: a record, or a rejection; plain data, so it crosses worker threads. */
export interface Result {
  path: string;
  sha256: string | null;
  record: CoalitionRecord | null;
  /** The record's id (kept when the record itself went to a spool). */
  id?: string;
  /** The record as JSON, as a worker thread sends it (cheaper to pass than the object). */
  recordJson?: string;
  rejected: { reason: RejectReason; message: string } | null;
  findings: Finding[];
  debug?: string;
}

/** Options of a batch run. */
export interface BatchOptions {
  rulesDir: string;
  /** Worker threads; null: as many as cores, but none for small batches. */
  jobs: number | null;
  maxBytes: number;
  /** Reject a document whose id another one already has (off for eval, which scores every document). */
  uniqueIds?: boolean;
  /** Called with each result as it is finished (in any order), e.g. to move its record to a spool. */
  onResult?: (result: Result) => void;
  /** Takes a worker's record as JSON (to spool it as it is); without it the record is parsed back. */
  onRecordJson?: (path: string, json: string, id: string | undefined) => void;
}

/** A path that is neither a file nor a folder. */
export class InputError extends Error {}

/** The input files under the given paths: folders searched recursively, sorted by path. */
export function collectInputs(paths: string[], cwd = process.cwd()): { path: string; shown: string }[] {
  const found = new Map<string, string>();
  const visit = (path: string, explicit: boolean): void => {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      if (explicit) throw new InputError(`Cannot find input \`${path}\``);
      isDir = false; // a broken link inside a folder: read reports it
    }
    if (!isDir) {
      if (explicit || extensionOk(path)) found.set(path, shownPath(path, cwd));
      return;
    }
    // A folder named like an input (`x.txt/`) is reported, not searched, when named explicitly.
    let entries: Dirent[];
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch {
      throw new InputError(`Cannot read folder \`${path}\``);
    }
    for (const dirent of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const entry = dirent.name;
      if (entry.startsWith('.') || entry === 'node_modules') continue;
      const child = join(path, entry);
      // The entry's type comes with the listing; only a link (or an unknown type) needs a stat.
      let childIsDir = dirent.isDirectory();
      if (dirent.isSymbolicLink() || (!childIsDir && !dirent.isFile())) {
        try {
          childIsDir = statSync(child).isDirectory();
        } catch {
          // unreadable or a dangling link: keep it when its name is an input's, read will say why
        }
      }
      if (childIsDir && extensionOk(entry)) found.set(child, shownPath(child, cwd));
      else if (childIsDir) visit(child, false);
      else if (extensionOk(entry)) found.set(child, shownPath(child, cwd));
    }
  };
  for (const path of paths) visit(path, true);
  return [...found.entries()].map(([path, shown]) => ({ path, shown })).sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
}

function extensionOk(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && name.slice(dot).toLowerCase() in formats;
}

/** A path as records and messages show it: relative to the working folder when inside it, `/` separators. */
export function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  const shown = !isAbsolute(path) || (!rel.startsWith('..') && !isAbsolute(rel)) ? rel || path : path;
  return shown.split(sep).join('/');
}

/** Runs inputs in this thread (in groups, stage by stage); results in input order. */
export async function* runInputs(inputs: { path: string; shown: string }[], rulesDir: string, maxBytes: number): AsyncGenerator<Result> {
  const rules = loadRules(rulesDir);
  for await (const file of processDocuments(inputs, rules, { maxBytes })) yield toResult(file);
}

function toResult(file: Doc): Result {
  return {
    path: file.data.shownPath,
    sha256: file.data.sha256 ?? null,
    record: file.data.rejected ? null : file.data.record ?? null,
    rejected: file.data.rejected ?? null,
    findings: file.messages.map((m) => ({
      path: file.data.shownPath,
      line: m.place && 'start' in m.place ? m.place.start.line : (m.place?.line ?? null),
      column: m.place && 'start' in m.place ? m.place.start.column : (m.place?.column ?? null),
      severity: m.fatal ? 'error' : 'warning',
      reason: m.reason,
      ruleId: m.ruleId ?? 'coalex',
    })),
    ...(file.data.debug ? { debug: file.data.debug } : {}),
  };
}

/**
 * Small batches run in this thread: each worker loads and warms up the modules and rules again,
 * and on this 2-core machine two busy threads each run about 1.5× slower (a single thread
 * already keeps ~1.3 cores busy with V8's helper threads). Measured on the bench corpus,
 * one thread against two workers: 2,500 files 5.6–6.7 s against 7.3–7.6 s; 5,000 files
 * 9.8–10.3 s against 9.9–11.0 s; 10,000 files 17.4–17.9 s against 15.9–16.3 s. Since the
 * documents run in groups (pipeline.ts), 10,000 files take 12.5 s either way, and 50,000 files
 * 69.0 s in one thread against 45.3 s on two workers.
 */
const MIN_FILES_PER_WORKER = 2500;

/** Runs every input; results in input order, duplicate ids rejected (the later path loses). */
export async function runBatch(inputs: { path: string; shown: string }[], options: BatchOptions, onProgress?: (done: number) => void): Promise<Result[]> {
  const jobs =
    options.jobs === null
      ? Math.min(cpus().length, Math.floor(inputs.length / MIN_FILES_PER_WORKER))
      : Math.min(options.jobs, inputs.length);
  let results: Result[];
  if (jobs <= 1) {
    results = [];
    for await (const result of runInputs(inputs, options.rulesDir, options.maxBytes)) {
      result.id = result.record?.id;
      options.onResult?.(result);
      results.push(result);
      onProgress?.(results.length);
    }
  } else {
    results = await runOnWorkers(inputs, options, jobs, onProgress, (result) => {
      if (result.recordJson !== undefined) {
        if (options.onRecordJson) options.onRecordJson(result.path, result.recordJson, result.id);
        else result.record = JSON.parse(result.recordJson) as CoalitionRecord;
        delete result.recordJson;
      } else result.id ??= result.record?.id;
      options.onResult?.(result);
    });
  }
  return options.uniqueIds === false ? results : rejectDuplicateIds(results);
}

function rejectDuplicateIds(results: Result[]): Result[] {
  const owner = new Map<string, string>();
  for (const result of results) {
    if (result.rejected || !result.id) continue;
    const first = owner.get(result.id);
    if (first === undefined) {
      owner.set(result.id, result.path);
      continue;
    }
    const message = `Duplicate id \`${result.id}\`: \`${result.path}\` and \`${first}\` give the same id; \`${result.path}\` is not in the dataset`;
    result.record = null;
    result.rejected = { reason: 'duplicate-id', message };
    result.findings.push({ path: result.path, line: null, column: null, severity: 'error', reason: message, ruleId: 'duplicate-id' });
  }
  return results;
}
