/** Shared pieces of the robustness tests: seed copies, a large batch made from the seeds, folder snapshots, timing. */
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { root, tempDir } from '../helpers.js';
import { stages } from '../../src/pipeline.js';
import { createDocument, type Doc } from '../../src/document.js';
import { loadRules } from '../../src/rules/load.js';

/** The five seed files, by name. */
export const seedNames = readdirSync(join(root, 'input')).filter((f) => f.endsWith('.txt')).sort();

/** A temporary project folder holding `input/` with copies of the seeds. */
export function seedProject(): string {
  const dir = tempDir('coalex-robust-');
  cpSync(join(root, 'input'), join(dir, 'input'), { recursive: true });
  return dir;
}

/** Every file under `dir` (recursively, hidden ones too) → the sha256 of its bytes, for byte-identity checks. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (path: string, rel: string): void => {
    for (const entry of readdirSync(path).sort()) {
      const full = join(path, entry);
      const name = rel ? `${rel}/${entry}` : entry;
      if (statSync(full).isDirectory()) visit(full, name);
      else out[name] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  visit(dir, '');
  return out;
}

const coalitionSeeds: [file: string, place: string][] = [
  ['000_726c9bee1be36c53.txt', 'Lisse'],
  ['001_509f6fae87228b94.txt', 'Lansingerland'],
  ['003_50a3185e2e5032f2.txt', 'Westland'],
  ['004_5e9e29e7f646534a.txt', 'Rijswijk'],
];

/**
 * Writes `count` documents into `dir`: the coalition seeds with their municipality replaced by
 * each municipality of the register in turn (so every id is unique), then copies of the national
 * programme page (id from the file name). `tail` is appended to every document (to change inputs).
 */
export function largeBatch(dir: string, count: number, tail = ''): void {
  mkdirSync(dir, { recursive: true });
  const seeds = coalitionSeeds.map(([file, place]) => [readFileSync(join(root, 'input', file), 'utf8'), place] as const);
  const other = readFileSync(join(root, 'input/002_58e02a60da1cd0e6.txt'), 'utf8');
  const rows = readFileSync(join(root, 'rules/municipalities.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
  for (let i = 0; i < count; i++) {
    let text = other;
    const row = rows[i];
    if (row) {
      const [, name, province] = row as [string, string, string];
      const short = name.replace(/\s*\(.*\)$/u, '');
      const [seed, place] = seeds[i % seeds.length]!;
      const lines = seed.split(place).join(short).split('\n');
      lines[0] = `Coalitie in ${short}, ${province}`;
      text = lines.join('\n');
    }
    writeFileSync(join(dir, `doc-${String(i).padStart(3, '0')}.txt`), text + tail);
  }
}

let rules: ReturnType<typeof loadRules> | undefined;

/**
 * Runs the stages after `read` on in-memory text (no disk), as `processDocument` would after
 * reading a file named `name`. Unlike `processDocument`, an exception is not caught: it fails the test.
 */
export async function extractInMemory(content: string | Buffer, name = 'doc.txt'): Promise<Doc> {
  rules ??= loadRules();
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const file = createDocument(`/in-memory/${name}`, name);
  const format = name.endsWith('.md') ? 'markdown' : name.endsWith('.html') ? 'html' : 'text';
  Object.assign(file.data, { bytes, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), format });
  for (const [stageName, stage] of stages) {
    if (stageName === 'read') continue;
    await stage(file, rules, { maxBytes: Number.MAX_SAFE_INTEGER });
    if (file.data.rejected) break;
  }
  return file;
}

/** Milliseconds `work` takes (best of `tries`, to damp noise from GC and other processes). */
export async function bestTime(work: () => unknown, tries = 2): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < tries; i++) {
    const start = performance.now();
    await work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}
