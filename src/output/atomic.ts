/** Writes a folder of files atomically: into a temporary folder beside it, then swapped in. */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** An output folder that cannot be written. */
export class OutputError extends Error {}

/**
 * Writes `files` as the whole content of `dir`. A run that fails or is killed before the swap
 * leaves the previous folder as it was; only a leftover `.<name>.coalex-*` folder beside it.
 */
export function writeFolder(dir: string, files: Map<string, string>): void {
  const parent = dirname(dir);
  const name = basename(dir);
  const tmp = join(parent, `.${name}.coalex-new-${process.pid}`);
  const old = join(parent, `.${name}.coalex-old-${process.pid}`);
  try {
    mkdirSync(parent, { recursive: true });
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp);
    // Files of the old folder that coalex does not write (a README, .gitkeep) are kept.
    if (existsSync(dir)) {
      for (const entry of readdirSync(dir)) {
        if (!files.has(entry) && !known.has(entry)) writeFileSync(join(tmp, entry), readFileSync(join(dir, entry)));
      }
    }
    for (const [file, content] of [...files.entries()].sort()) writeFileSync(join(tmp, file), content);
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(tmp, dir);
    rmSync(old, { recursive: true, force: true });
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(dir) && existsSync(old)) renameSync(old, dir);
    throw new OutputError(`Cannot write output folder \`${dir}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Every file name coalex may write (a later run without csv removes the old CSVs). */
const known = new Set([
  'coalitions.json', 'coalitions.jsonl', 'coalitions.csv', 'organizations.csv', 'goals.csv', 'targets.csv', 'activities.csv',
  'contacts.csv', 'people.csv', 'sections.csv', 'warnings.csv', 'rejected.jsonl', 'datapackage.json', 'manifest.json', 'report.html',
]);

/** Which of `files` differ from what `dir` holds (missing, changed), and which known files it holds extra. */
export function compareFolder(dir: string, files: Map<string, string>): { changed: string[]; missing: string[]; extra: string[] } {
  const changed: string[] = [];
  const missing: string[] = [];
  for (const [file, content] of [...files.entries()].sort()) {
    let current: string;
    try {
      current = readFileSync(join(dir, file), 'utf8');
    } catch {
      missing.push(file);
      continue;
    }
    if (current !== content) changed.push(file);
  }
  let present: string[] = [];
  try {
    present = readdirSync(dir);
  } catch {
    // no folder: everything is missing
  }
  const extra = present.filter((f) => known.has(f) && !files.has(f) && f !== 'report.html').sort();
  return { changed, missing, extra };
}
