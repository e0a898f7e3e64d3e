/** `coalex validate <path>`: checks records in a folder, .json or .jsonl file against the schema. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { recordProblems } from '../stages/validate.js';
import { EXIT, type Io } from './io.js';

/** Reads records with the line each starts on: a folder's coalitions.json, a .json array, or .jsonl. */
export function readRecords(path: string): { record: unknown; line: number }[] {
  const file = statSync(path).isDirectory() ? pickDatasetFile(path) : path;
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.jsonl')) {
    return text
      .split('\n')
      .map((line, index) => ({ line, index }))
      .filter(({ line }) => line.trim() !== '')
      .map(({ line, index }) => {
        try {
          return { record: JSON.parse(line) as unknown, line: index + 1 };
        } catch (error) {
          throw new SyntaxError(`${file}:${index + 1}: invalid JSON (${(error as Error).message})`);
        }
      });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SyntaxError(`${file}: invalid JSON (${(error as Error).message})`);
  }
  const records = Array.isArray(value) ? value : [value];
  // Each record of a 2-space-indented array starts on a line `  {`.
  const starts = text.split('\n').flatMap((line, index) => (line === '  {' ? [index + 1] : []));
  return records.map((record, index) => ({ record, line: starts[index] ?? 1 }));
}

function pickDatasetFile(dir: string): string {
  for (const name of ['coalitions.json', 'coalitions.jsonl']) if (existsSync(join(dir, name))) return join(dir, name);
  throw new Error(`Cannot find \`coalitions.json\` or \`coalitions.jsonl\` in \`${dir}\``);
}

/** Validates every record; exit 1 when one does not fit, 2 when the path cannot be read. */
export function validateCommand(path: string, io: Io): number {
  let records;
  try {
    records = readRecords(path);
  } catch (error) {
    io.err(`Cannot validate \`${path}\`: ${(error as Error).message}\n`);
    return EXIT.usage;
  }
  const problems = records.flatMap(({ record, line }) =>
    recordProblems(record).map((problem) => ({ line, id: (record as { id?: string }).id ?? null, problem })),
  );
  if (io.json) io.out(`${JSON.stringify({ records: records.length, valid: problems.length === 0, problems }, null, 2)}\n`);
  else {
    for (const p of problems) io.err(`${path}:${p.line}: error: record \`${p.id ?? '?'}\`: ${p.problem} [invalid-record]\n`);
    if (!io.quiet) io.err(`${records.length} records, ${problems.length === 0 ? 'all valid' : `${new Set(problems.map((p) => p.line)).size} invalid`}\n`);
  }
  return problems.length === 0 ? EXIT.ok : EXIT.failed;
}
