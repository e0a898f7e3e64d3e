/** `coalex eval --gold <dir> [paths...]`: extracts the inputs and scores them against gold files. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { prf, scoreRecord, total, type Miss, type Scores } from '../eval/score.js';
import { buildDataset, type ExtractOptions } from './extract.js';
import { EXIT, type Io } from './io.js';

/** Options of eval. */
export interface EvalOptions extends ExtractOptions {
  gold: string;
  /** Exit 1 when the overall micro F1 is below this. */
  minF1: number | null;
  /** Also list, per document, the gold values missed and the values extracted that gold lacks. */
  details: boolean;
}

/** The per-field table, as rows. */
export function scoreTable(scores: Scores): { field: string; tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }[] {
  const rows = [...scores.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([field, c]) => ({ field, ...c, ...prf(c) }));
  const all = total(scores);
  return [...rows, { field: 'overall (micro)', ...all, ...prf(all) }];
}

/** Runs eval; prints the table (or JSON). */
export async function evalCommand(options: EvalOptions, io: Io): Promise<number> {
  let goldFiles: string[];
  try {
    goldFiles = readdirSync(options.gold).filter((f) => f.endsWith('.gold.json')).sort();
  } catch {
    io.err(`Cannot read gold folder \`${options.gold}\`\n`);
    return EXIT.usage;
  }
  const built = await buildDataset({ ...options, uniqueIds: false, keepRecords: true }, io);
  if (typeof built === 'number') return built;
  const byStem = new Map(built.results.map((r) => [basename(r.path, extname(r.path)), r]));
  const scores: Scores = new Map();
  const unpaired: string[] = [];
  let paired = 0;
  const details: { path: string; misses: Miss[] }[] = [];
  for (const goldFile of goldFiles) {
    const stem = goldFile.replace(/\.gold\.json$/u, '');
    const result = byStem.get(stem);
    if (!result) {
      unpaired.push(goldFile);
      continue;
    }
    paired++;
    let gold: Record<string, unknown>;
    try {
      gold = JSON.parse(readFileSync(join(options.gold, goldFile), 'utf8')) as Record<string, unknown>;
    } catch (error) {
      io.err(`Cannot read gold file \`${join(options.gold, goldFile)}\`: ${(error as Error).message}\n`);
      return EXIT.usage;
    }
    const misses: Miss[] = [];
    scoreRecord(gold, result.record, scores, misses);
    if (misses.length > 0) details.push({ path: result.path, misses });
  }
  const rows = scoreTable(scores);
  const overall = rows[rows.length - 1]!;
  if (io.json) io.out(`${JSON.stringify({ documents: paired, unpaired, fields: rows, ...(options.details ? { details } : {}) }, null, 2)}\n`);
  else {
    if (options.details) {
      for (const doc of details) {
        io.out(`${doc.path}\n`);
        for (const miss of doc.misses) io.out(`  ${miss.kind === 'missed' ? '-' : '+'} ${miss.field}: ${JSON.stringify(miss.value)}\n`);
      }
      io.out('\n');
    }
    const pct = (x: number) => x.toFixed(3);
    const width = Math.max(...rows.map((r) => r.field.length));
    io.out(`${'field'.padEnd(width)}     tp    fp    fn  precision  recall     f1\n`);
    for (const r of rows) {
      io.out(`${r.field.padEnd(width)} ${String(r.tp).padStart(6)}${String(r.fp).padStart(6)}${String(r.fn).padStart(6)}  ${pct(r.precision).padStart(9)}  ${pct(r.recall).padStart(6)}  ${pct(r.f1).padStart(5)}\n`);
    }
    io.out(`${paired} documents scored${unpaired.length > 0 ? `; gold files without an input: ${unpaired.join(', ')}` : ''}\n`);
  }
  if (options.minF1 !== null && overall.f1 < options.minF1) {
    io.err(`Overall micro F1 ${overall.f1.toFixed(3)} is below --min-f1 ${options.minF1}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}
