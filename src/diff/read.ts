/**
 * Reads the text of one side of a diff: a folder holding coalitions.json (or .jsonl), such a file,
 * or `git:<rev>`, the committed output/ at that revision of the git repository in the working folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatasetError } from './errors.js';

/** The bytes of a dataset file (without BOM), the name messages give it, and whether it holds JSON Lines. */
export interface DatasetBytes {
  bytes: Buffer;
  file: string;
  jsonl: boolean;
}

const NAMES = ['coalitions.json', 'coalitions.jsonl'] as const;

/** Reads the dataset `spec` names; throws DatasetError naming `spec` when it cannot. */
export function readSide(spec: string, cwd: string): DatasetBytes {
  if (spec.startsWith('git:')) return readGit(spec, spec.slice('git:'.length), cwd);
  const path = resolve(cwd, spec);
  let folder: boolean;
  try {
    folder = statSync(path).isDirectory();
  } catch {
    throw new DatasetError(spec, 'no such file or folder');
  }
  if (!folder) return readFile(spec, path, spec);
  const name = NAMES.find((n) => existsSync(join(path, n)));
  if (!name) throw new DatasetError(spec, 'no coalitions.json or coalitions.jsonl in it');
  return readFile(spec, join(path, name), join(spec, name).replace(/\\/gu, '/'));
}

function readFile(spec: string, path: string, file: string): DatasetBytes {
  try {
    return { bytes: withoutBom(readFileSync(path)), file, jsonl: path.endsWith('.jsonl') };
  } catch (error) {
    throw new DatasetError(spec, `${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** `git show <rev>:output/coalitions.json` (then .jsonl), run without a shell. */
function readGit(spec: string, rev: string, cwd: string): DatasetBytes {
  // A revision starting with `-` would reach git as an option.
  if (rev === '' || rev.startsWith('-')) throw new DatasetError(spec, `\`${rev}\` is not a git revision`);
  let reason = '';
  for (const name of NAMES) {
    try {
      const bytes = execFileSync('git', ['show', `${rev}:output/${name}`], {
        cwd,
        maxBuffer: 1024 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return { bytes: withoutBom(bytes), file: `${rev}:output/${name}`, jsonl: name.endsWith('.jsonl') };
    } catch (error) {
      const failure = error as NodeJS.ErrnoException & { stderr?: string };
      if (failure.code === 'ENOENT') throw new DatasetError(spec, 'git is not installed (or not on the PATH)');
      reason ||= String(failure.stderr ?? '').split('\n')[0]!.replace(/^fatal:\s*/u, '').trim();
    }
  }
  throw new DatasetError(spec, `git cannot show \`output/coalitions.json\` at revision \`${rev}\`${reason ? ` (${reason})` : ''}`);
}

/** Bytes are kept undecoded: records equal byte for byte need no parsing (see parse.ts). */
function withoutBom(bytes: Buffer): Buffer {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}
