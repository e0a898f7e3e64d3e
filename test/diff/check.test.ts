/** `coalex check` with the diff report, run as a user runs the built CLI, on temporary copies of the seeds. */
import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { diffSchema } from '../../src/schema/diff.js';
import { cli, root, tempDir } from '../helpers.js';

/** A project folder with input/ (the seeds) extracted into output/ with `args`. */
function project(...args: string[]): string {
  const dir = tempDir();
  cpSync(join(root, 'input'), join(dir, 'input'), { recursive: true });
  expect(cli(['extract', '--quiet', ...args], dir).code).toBe(0);
  return dir;
}

/** Makes output/ stale: one more phone number in the Rijswijk input. */
function addPhone(dir: string): void {
  appendFileSync(join(dir, 'input/004_5e9e29e7f646534a.txt'), '\nTelefoon: 070 123 4567\n');
}

describe('coalex check with a report', () => {
  test('stale: the text report on stdout, the stale message on stderr; exit 1', () => {
    const dir = project();
    addPhone(dir);
    const run = cli(['check'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr.startsWith('output is stale: run `coalex extract` and commit the result.\n')).toBe(true);
    expect(run.stdout).toMatch(/^Dataset diff: output → extraction of input\nRecords: 0 added, 0 removed, 1 changed, 4 unchanged\n/u);
    expect(run.stdout).toMatch(/\n {2}phones\n {4}\+ \+31701234567 {2}input\/004_5e9e29e7f646534a\.txt:\d+\n/u);
  });
  test('--format json: the diff report, valid against its schema', () => {
    const dir = project();
    addPhone(dir);
    const run = cli(['check', '--format', 'json'], dir);
    const json = JSON.parse(run.stdout) as { changed: { id: string; fields: Record<string, unknown> }[] };
    expect(run.code).toBe(1);
    expect(new Ajv({ strict: true }).validate(diffSchema, json)).toBe(true);
    expect(json).toMatchObject({ summary: { added: 0, removed: 0, changed: 1, unchanged: 4 }, added: [], removed: [] });
    expect(json.changed[0]!.id).toBe('rijswijk');
    expect(json.changed[0]!.fields.phones).toEqual({ added: ['+31701234567'], removed: [] });
  });
  test('--format markdown --output: the file for a pull-request comment, nothing on stdout', () => {
    const dir = project();
    addPhone(dir);
    const run = cli(['check', '--format', 'markdown', '--output', 'dataset-diff.md', '--quiet'], dir);
    expect([run.code, run.stdout]).toEqual([1, '']);
    const markdown = readFileSync(join(dir, 'dataset-diff.md'), 'utf8');
    expect(markdown.startsWith('### Dataset changes\n\n`output` → `extraction of input`\n\n| | added | removed | changed | unchanged |\n')).toBe(true);
    expect(markdown).toContain('<details><summary><code>rijswijk</code>: ');
  });
  test('current: --output still writes a report, so CI always finds the file; exit 0', () => {
    const dir = project();
    const run = cli(['check', '--format', 'markdown', '--output', 'dataset-diff.md'], dir);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: 'output is current.\n0 added, 0 removed, 0 changed, 5 unchanged → dataset-diff.md\n' });
    expect(readFileSync(join(dir, 'dataset-diff.md'), 'utf8')).toBe('### Dataset changes\n\n`output` → `extraction of input`\n\nNo changes to the data: 5 records unchanged.\n');
  });
  test('a committed dataset that cannot be read (a merge conflict): stale, no report, and why', () => {
    const dir = project();
    writeFileSync(join(dir, 'output/coalitions.json'), '<<<<<<< HEAD\n[]\n=======\n[]\n>>>>>>> branch\n');
    const run = cli(['check', '--quiet'], dir);
    expect([run.code, run.stdout]).toEqual([1, '']);
    expect(run.stderr).toContain('\nCannot read dataset `output`: output/coalitions.json: invalid JSON\n');
  });
  test('regenerates with the dataset formats of the committed manifest, not all three', () => {
    const dir = project('--format', 'json');
    expect(cli(['check'], dir)).toMatchObject({ code: 0, stdout: '', stderr: 'output is current.\n' });
  });
  test('exit 2 on a bad report format, and when the report cannot be written', () => {
    const dir = project();
    expect(cli(['check', '--format', 'csv'], dir)).toMatchObject({ code: 2, stderr: 'coalex: Option --format expects one of text, markdown, json, got `csv`\n' });
    addPhone(dir);
    const run = cli(['check', '--output', 'no/such/dir/r.md', '--quiet'], dir);
    expect([run.code, run.stderr.endsWith('Cannot write report `no/such/dir/r.md`: ENOENT\n')]).toEqual([2, true]);
  });
});
