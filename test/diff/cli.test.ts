/** `coalex diff` through main() of src/cli.ts with fake streams: reports, --output, --quiet, and each exit code. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { main } from '../../src/cli.js';
import { diffSchema } from '../../src/schema/diff.js';
import { tempDir } from '../helpers.js';
import { expectedJson, expectedText } from './expected.js';
import { fixtures, sink } from './fixtures.js';
import { gitRepo } from './git.js';

/** Runs `coalex …args` in `cwd` (default: the fixtures folder holding old/ and new/). */
async function coalex(args: string[], options: { cwd?: string; tty?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  const stdout = sink(options.tty ?? false);
  const stderr = sink(false);
  const code = await main(args, { stdout, stderr }, options.env ?? {}, options.cwd ?? fixtures);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('coalex diff: exit codes', () => {
  test('0: no differences in the data', async () => {
    expect(await coalex(['diff', 'old', 'old/coalitions.json'])).toEqual({
      code: 0, stdout: 'Dataset diff: old → old/coalitions.json\nNo differences: 5 records unchanged.\n', stderr: '',
    });
  });
  test('1: differences, the text report on stdout', async () => {
    expect(await coalex(['diff', 'old', 'new'])).toEqual({ code: 1, stdout: expectedText, stderr: '' });
  });
  test('2: a side that cannot be read', async () => {
    expect(await coalex(['diff', 'old', 'nowhere'])).toEqual({ code: 2, stdout: '', stderr: 'Cannot read dataset `nowhere`: no such file or folder\n' });
    expect(await coalex(['diff', '.', 'new'])).toEqual({ code: 2, stdout: '', stderr: 'Cannot read dataset `.`: no coalitions.json or coalitions.jsonl in it\n' });
  });
  test('2: a record that turns out not to be JSON', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.json'), '[\n  {\n    "id": "a",\n    "title": \n  }\n]\n');
    writeFileSync(join(dir, 'b.json'), '[\n  {\n    "id": "a",\n    "title": "A"\n  }\n]\n');
    expect(await coalex(['diff', 'a.json', 'b.json'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: 'Cannot read dataset `a.json`: a.json record 1: invalid JSON\n' });
  });
  test('2: a bad format', async () => {
    expect(await coalex(['diff', 'old', 'new', '--format', 'html'])).toEqual({ code: 2, stdout: '', stderr: 'coalex: Option --format expects one of text, markdown, json, got `html`\n' });
  });
  test('2: a bad git revision', async () => {
    const run = await coalex(['diff', 'git:no-such-rev', 'git:HEAD'], { cwd: gitRepo() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Cannot read dataset `git:no-such-rev`: git cannot show `output\/coalitions.json` at revision `no-such-rev` \(/u);
  });
  test('2: a missing argument', async () => {
    expect((await coalex(['diff', 'old'])).code).toBe(2);
  });
  test('2: a report that cannot be written', async () => {
    expect(await coalex(['diff', 'old', 'new', '--output', 'no/such/dir/r.md'])).toEqual({ code: 2, stdout: '', stderr: 'Cannot write report `no/such/dir/r.md`: ENOENT\n' });
  });
});

describe('coalex diff: formats and options', () => {
  test('--format json: the SPEC §5 shape, valid against the shipped schema', async () => {
    const run = await coalex(['diff', 'old', 'new', '--format', 'json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual(expectedJson);
    expect(new Ajv({ strict: true }).validate(diffSchema, JSON.parse(run.stdout))).toBe(true);
  });
  test('--format markdown', async () => {
    const run = await coalex(['diff', 'old', 'new', '--format', 'markdown']);
    expect(run.stdout.startsWith('### Dataset changes\n\n`old` → `new`\n')).toBe(true);
    expect(run.stdout).toContain('<details><summary><code>rijswijk</code>: title, name, organizations, phones</summary>');
  });
  test('--output writes the file (without colour) and says so on stderr', async () => {
    const dir = tempDir();
    const file = join(dir, 'report.txt');
    expect(await coalex(['diff', 'old', 'new', '--output', file], { tty: true })).toEqual({ code: 1, stdout: '', stderr: `1 added, 1 removed, 1 changed, 3 unchanged → ${file}\n` });
    expect(readFileSync(file, 'utf8')).toBe(expectedText);
  });
  test('--quiet: no report, the exit code tells; with --output the file is still written', async () => {
    expect(await coalex(['diff', 'old', 'new', '--quiet'])).toEqual({ code: 1, stdout: '', stderr: '' });
    const file = join(tempDir(), 'r.json');
    expect(await coalex(['diff', 'old', 'new', '--quiet', '--format', 'json', '--output', file])).toEqual({ code: 1, stdout: '', stderr: '' });
    expect(existsSync(file)).toBe(true);
  });
  test('colour when stdout is a terminal, unless NO_COLOR', async () => {
    expect((await coalex(['diff', 'old', 'new'], { tty: true })).stdout).toContain('\x1b[31m- Optisport\x1b[0m');
    expect((await coalex(['diff', 'old', 'new'], { tty: true, env: { NO_COLOR: '1' } })).stdout).toBe(expectedText);
  });
  test('git:<rev> against git:<rev> and against a folder', async () => {
    const repo = gitRepo();
    const run = await coalex(['diff', 'git:HEAD~1', 'git:HEAD', '--format', 'json'], { cwd: repo });
    expect([run.code, JSON.parse(run.stdout)]).toEqual([1, expectedJson]);
    expect(await coalex(['diff', 'git:HEAD', 'output'], { cwd: repo })).toEqual({
      code: 0, stdout: 'Dataset diff: git:HEAD → output\nNo differences: 5 records unchanged.\n', stderr: '',
    });
  });
});
