/** A temporary git repository whose two commits hold the two fixture datasets as output/coalitions.json. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';
import { fixtures } from './fixtures.js';

/** Creates the repository in os.tmpdir(): HEAD~1 holds old/, HEAD holds new/; returns its folder. */
export function gitRepo(): string {
  const dir = tempDir('coalex-git-');
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=coalex', '-c', 'user.email=coalex@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  mkdirSync(join(dir, 'output'));
  for (const version of ['old', 'new']) {
    copyFileSync(join(fixtures, version, 'coalitions.json'), join(dir, 'output/coalitions.json'));
    git('add', 'output/coalitions.json');
    git('commit', '-q', '-m', version);
  }
  return dir;
}
