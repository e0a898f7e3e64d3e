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

/** The records of a batch, sorted by id. */
export function recordsOf(results: Result[]): CoalitionRecord[] {
  return results.flatMap((r) => (r.record ? [r.record] : [])).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** File name → content of every file the dataset holds. */
export function renderDataset(results: Result[], options: RenderOptions): Map<string, string> {
  const records = recordsOf(results);
  const files = new Map<string, string>();
  if (options.formats.includes('json')) files.set('coalitions.json', `${JSON.stringify(records, null, 2)}\n`);
  if (options.formats.includes('jsonl')) files.set('coalitions.jsonl', records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  if (options.formats.includes('csv')) {
    for (const table of tables) {
      const rows = table.rows(records).map((row) => table.columns.map((column) => column.cell(row) ?? ''));
      files.set(
        table.file,
        stringify([table.columns.map((c) => c.name), ...rows], {
          bom: options.csvExcel,
          delimiter: options.csvExcel ? ';' : ',',
          record_delimiter: 'unix',
          escape_formulas: true,
        }),
      );
    }
    files.set('datapackage.json', `${JSON.stringify(datapackage(options), null, 2)}\n`);
  }
  const rejected = results.filter((r) => r.rejected);
  files.set(
    'rejected.jsonl',
    rejected.map((r) => `${JSON.stringify({ path: r.path, sha256: r.sha256, reason: r.rejected!.reason, message: r.rejected!.message })}\n`).join(''),
  );
  files.set(
    'manifest.json',
    `${JSON.stringify(
      {
        tool: { name: 'coalex', version: options.toolVersion },
        rulesHash: options.rulesHash,
        formats: options.formats,
        records: records.length,
        rejected: rejected.length,
        inputs: results.map((r) => ({ path: r.path, sha256: r.sha256, status: r.rejected ? 'rejected' : 'extracted' })),
      },
      null,
      2,
    )}\n`,
  );
  return files;
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
