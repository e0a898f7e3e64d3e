/** Test helpers: run the pipeline on a text, and run the built CLI as a user does. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processDocument } from '../src/pipeline.js';
import { loadRules } from '../src/rules/load.js';
import type { CoalitionRecord } from '../src/schema/record.js';
import type { Doc } from '../src/document.js';

/** The repository root. */
export const root = fileURLToPath(new URL('..', import.meta.url));

/** A fresh temporary folder. */
export function tempDir(prefix = 'coalex-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs the pipeline on `content` saved as `name`; returns the document. */
export async function run(content: string | Uint8Array, name = 'input.txt'): Promise<Doc> {
  const dir = tempDir();
  const path = join(dir, name);
  writeFileSync(path, content);
  return processDocument(path, name, loadRules(), { maxBytes: 10 * 1024 * 1024 });
}

/** Runs the pipeline and returns the record (fails the test when the document was rejected). */
export async function recordOf(content: string | Uint8Array, name = 'input.txt'): Promise<CoalitionRecord> {
  const file = await run(content, name);
  if (!file.data.record || file.data.rejected) throw new Error(`rejected: ${file.data.rejected?.message}`);
  return file.data.record;
}

/** Runs `node bin/coalex.js …` in `cwd`. */
export function cli(args: string[], cwd: string, env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(root, 'bin/coalex.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', CI: '', ...env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A record without its spans (for comparing values only). */
export function withoutSpans<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'span' || key === 'spans' ? undefined : v))) as T;
}
