/** `coalex report` and `coalex extract --report`, run as a user runs them. */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, root, tempDir } from '../helpers.js';

function project(): string {
  const dir = tempDir();
  cpSync(join(root, 'input'), join(dir, 'input'), { recursive: true });
  return dir;
}

const dataset = [
  'activities.csv', 'coalitions.csv', 'coalitions.json', 'coalitions.jsonl', 'contacts.csv', 'datapackage.json', 'goals.csv',
  'manifest.json', 'organizations.csv', 'people.csv', 'rejected.jsonl', 'sections.csv', 'targets.csv', 'warnings.csv',
];

describe('coalex report', () => {
  test('writes only <out>/report.html, names it, prints the warnings like extract; exit 0', () => {
    const dir = project();
    const run = cli(['report', '--out', 'review'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n').slice(-3)).toEqual([
      'input/003_50a3185e2e5032f2.txt:7:30: warning: Unexpected glued words `eenzaamheidBijna`, expected a space before `Bijna` [glued-words]',
      '5 records, 0 rejected → review/report.html',
      '',
    ]);
    expect(readdirSync(join(dir, 'review'))).toEqual(['report.html']);
    expect(readFileSync(join(dir, 'review/report.html'), 'utf8')).toMatch(/^<!doctype html>\n[^]*<\/html>\n$/u);
  });

  test('into an existing dataset folder: adds report.html, leaves the dataset alone, and check still passes', () => {
    const dir = project();
    expect(cli(['extract', '--quiet'], dir).code).toBe(0);
    const before = readFileSync(join(dir, 'output/coalitions.json'), 'utf8');
    expect(cli(['report', '--quiet'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readdirSync(join(dir, 'output')).sort()).toEqual([...dataset, 'report.html'].sort());
    expect(readFileSync(join(dir, 'output/coalitions.json'), 'utf8')).toBe(before);
    expect(cli(['check', '--quiet'], dir).code).toBe(0);
  });

  test('two runs give the same bytes, without absolute paths', () => {
    const dir = project();
    expect(cli(['report', '--quiet', '--out', 'a'], dir).code).toBe(0);
    expect(cli(['report', '--quiet', '--out', 'b', '--jobs', '2'], dir).code).toBe(0);
    const a = readFileSync(join(dir, 'a/report.html'), 'utf8');
    expect(readFileSync(join(dir, 'b/report.html'), 'utf8')).toBe(a);
    expect(a.includes(dir)).toBe(false);
  });

  test('an --out in folders that do not exist yet is created', () => {
    const dir = project();
    expect(cli(['report', '--quiet', '--out', 'x/y/review'], dir).code).toBe(0);
    expect(readdirSync(join(dir, 'x/y/review'))).toEqual(['report.html']);
    expect(readdirSync(join(dir, 'x/y'))).toEqual(['review']);
  });

  test('an --out that cannot be written: exit 2 with the path, no temporary file left', () => {
    const dir = project();
    writeFileSync(join(dir, 'taken'), 'a file, not a folder');
    const run = cli(['report', '--quiet', '--out', 'taken'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Cannot write the review page `taken\/report\.html`: E[A-Z]+\n$/u);
    expect(readdirSync(dir).sort()).toEqual(['input', 'taken']);
  });

  test('--json: the findings and the report path on stdout', () => {
    const run = cli(['report', '--json'], project());
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ records: 5, rejected: 0, report: 'output/report.html' });
  });
});

describe('coalex extract --report', () => {
  test('writes the dataset and report.html together; check ignores report.html', () => {
    const dir = project();
    expect(cli(['extract', '--quiet', '--report'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readdirSync(join(dir, 'output')).sort()).toEqual([...dataset, 'report.html'].sort());
    const viaReport = project();
    expect(cli(['report', '--quiet'], viaReport).code).toBe(0);
    expect(readFileSync(join(dir, 'output/report.html'), 'utf8')).toBe(readFileSync(join(viaReport, 'output/report.html'), 'utf8'));
    expect(cli(['check', '--quiet'], dir).code).toBe(0);
  });
});
