/** Writes a folder of files atomically: into a temporary folder beside it, then swapped in. */
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { sameFile } from './sinks.js';

/** An output folder that cannot be written. */
export class OutputError extends Error {}

/** Why a file operation failed, in words (`EACCES` → `permission denied`). */
export function because(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a file is in the way where a folder should be';
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'no space left on the device';
  return code ?? (error as Error).message;
}

/**
 * Writes `files` as the whole content of `dir`. A run that fails or is killed before the swap
 * leaves the previous folder as it was; only a leftover `.<name>.coalex-*` folder beside it.
 */
export function writeFolder(dir: string, files: Map<string, string> | ((tmp: string) => string[])): void {
  const parent = dirname(dir);
  const name = basename(dir);
  const tmp = join(parent, `.${name}.coalex-new-${process.pid}`);
  const old = join(parent, `.${name}.coalex-old-${process.pid}`);
  try {
    mkdirSync(parent, { recursive: true });
    restoreSetAside(parent, name, dir);
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp);
    // The new files: given as contents, or written into the temporary folder by a callback (streaming).
    const written =
      typeof files === 'function' ? files(tmp) : [...files.entries()].sort().map(([file, content]) => (writeFileSync(join(tmp, file), content), file));
    // Files and folders of the old folder that coalex does not write (a README, .gitkeep, images/) are kept.
    if (existsSync(dir)) {
      for (const entry of readdirSync(dir)) {
        if (!written.includes(entry) && !known.has(entry)) cpSync(join(dir, entry), join(tmp, entry), { recursive: true, verbatimSymlinks: true });
      }
    }
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(tmp, dir);
    rmSync(old, { recursive: true, force: true });
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(dir) && existsSync(old)) renameSync(old, dir);
    throw new OutputError(`Cannot write output folder \`${dir}\`: ${because(error)}`);
  }
}

/**
 * A run killed between its two renames leaves no `dir`, only the previous folder set aside as
 * `.<name>.coalex-old-<pid>`: put the newest such folder back (callers hold the lock, so no live run owns it).
 */
function restoreSetAside(parent: string, name: string, dir: string): void {
  if (existsSync(dir)) return;
  const aside = readdirSync(parent)
    .filter((entry) => entry.startsWith(`.${name}.coalex-old-`))
    .map((entry) => join(parent, entry))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (aside[0]) renameSync(aside[0], dir);
}

/** Every file name coalex may write (a later run without csv removes the old CSVs). */
const known = new Set([
  'coalitions.json', 'coalitions.jsonl', 'coalitions.csv', 'organizations.csv', 'goals.csv', 'targets.csv', 'activities.csv',
  'contacts.csv', 'people.csv', 'sections.csv', 'warnings.csv', 'rejected.jsonl', 'datapackage.json', 'manifest.json', 'report.html',
]);

/** Which of the files `names` in `fresh` differ from what `dir` holds (missing, changed), and which known files `dir` holds extra. */
export function compareFolder(dir: string, fresh: string, names: string[]): { changed: string[]; missing: string[]; extra: string[] } {
  const changed: string[] = [];
  const missing: string[] = [];
  for (const file of [...names].sort()) {
    if (!existsSync(join(dir, file))) missing.push(file);
    else if (!sameFile(join(dir, file), join(fresh, file))) changed.push(file);
  }
  let present: string[] = [];
  try {
    present = readdirSync(dir);
  } catch {
    // no folder: everything is missing
  }
  const extra = present.filter((f) => known.has(f) && !names.includes(f) && f !== 'report.html').sort();
  return { changed, missing, extra };
}
