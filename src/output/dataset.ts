/** Renders the output folder of SPEC §4 as file contents: deterministic, no timestamps or absolute paths. */
import { stringify } from 'csv-stringify/sync';
import type { Result } from '../batch.js';
import type { CoalitionRecord } from '../schema/record.js';
import { tables } from './tables.js';

/** Output formats a user can ask for. */
export type OutputFormat = 'json' | 'jsonl' | 'csv';

/** Options that shape the files. */
export interface RenderOptions {
  formats: OutputFormat[];
  /** Dutch Excel: a BOM and `;` separators. */
  csvExcel: boolean;
  toolVersion: string;
  rulesHash: string;
}

/** The records of a batch, sorted by id (for batches kept in memory). */
export function recordsOf(results: Result[]): CoalitionRecord[] {
  return results.flatMap((r) => (r.record ? [r.record] : [])).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Where the dataset's files go: an append-only sink per file name. */
export type Sinks = (file: string) => { write(text: string): void };

/** The records to write, in id order, one at a time. */
export interface RecordSource {
  count: number;
  forEach(visit: (record: CoalitionRecord) => void): void;
}

/** The records of results kept in memory, as a source. */
export function memorySource(results: Result[]): RecordSource {
  const records = recordsOf(results);
  return { count: records.length, forEach: (visit) => records.forEach((r) => visit(r)) };
}

/** File name → content of every file the dataset holds (a batch kept in memory). */
export function renderDataset(results: Result[], options: RenderOptions): Map<string, string> {
  const parts = new Map<string, string[]>();
  emitDataset(memorySource(results), results, options, (file) => {
    const chunks: string[] = [];
    parts.set(file, chunks);
    return { write: (text) => void chunks.push(text) };
  });
  return new Map([...parts.entries()].map(([file, chunks]) => [file, chunks.join('')]));
}

/**
 * Writes every file of the dataset record by record, so no file is ever held whole:
 * `coalitions.json` is the same bytes as `JSON.stringify(records, null, 2)`.
 */
export function emitDataset(source: RecordSource, results: Result[], options: RenderOptions, open: Sinks): void {
  const json = options.formats.includes('json') ? open('coalitions.json') : null;
  const jsonl = options.formats.includes('jsonl') ? open('coalitions.jsonl') : null;
  const csv = options.formats.includes('csv') ? tables.map((table) => ({ table, sink: open(table.file) })) : [];
  const csvOptions = { delimiter: options.csvExcel ? ';' : ',', record_delimiter: 'unix' as const, escape_formulas: true };
  for (const { table, sink } of csv) sink.write(stringify([table.columns.map((c) => c.name)], { ...csvOptions, bom: options.csvExcel }));
  json?.write(source.count === 0 ? '[]' : '[\n');
  let first = true;
  source.forEach((record) => {
    if (json) {
      json.write(`${first ? '' : ',\n'}  ${JSON.stringify(record, null, 2).replace(/\n/gu, '\n  ')}`);
      first = false;
    }
    jsonl?.write(`${JSON.stringify(record)}\n`);
    for (const { table, sink } of csv) {
      const rows = table.rows([record]).map((row) => table.columns.map((column) => column.cell(row) ?? ''));
      if (rows.length > 0) sink.write(stringify(rows, csvOptions));
    }
  });
  json?.write(source.count === 0 ? '\n' : '\n]\n');
  if (csv.length > 0) open('datapackage.json').write(`${JSON.stringify(datapackage(options), null, 2)}\n`);
  const rejected = results.filter((r) => r.rejected);
  const rejectedSink = open('rejected.jsonl');
  for (const r of rejected) rejectedSink.write(`${JSON.stringify({ path: r.path, sha256: r.sha256, reason: r.rejected!.reason, message: r.rejected!.message })}\n`);
  open('manifest.json').write(
    `${JSON.stringify(
      {
        tool: { name: 'coalex', version: options.toolVersion },
        rulesHash: options.rulesHash,
        formats: options.formats,
        records: source.count,
        rejected: rejected.length,
        inputs: results.map((r) => ({ path: r.path, sha256: r.sha256, status: r.rejected ? 'rejected' : 'extracted' })),
      },
      null,
      2,
    )}\n`,
  );
}

/** A Frictionless Data Package describing every CSV. */
function datapackage(options: RenderOptions): object {
  return {
    name: 'coalex-coalitions',
    title: 'Local coalitions against loneliness',
    description: 'Extracted by coalex from texts about local coalitions against loneliness (Eén tegen eenzaamheid).',
    version: options.toolVersion,
    resources: tables.map((table) => ({
      name: table.file.replace(/\.csv$/u, '').replace(/_/gu, '-'),
      path: table.file,
      description: table.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: options.csvExcel ? ';' : ',', header: true },
      schema: { fields: table.columns.map((c) => ({ name: c.name, type: c.type })) },
    })),
  };
}
