/** The built CLI, run as a user runs it, on temporary copies of the seeds. */
import { cpSync, readFileSync, readdirSync, writeFileSync, appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli, root, tempDir } from '../helpers.js';

/** A temporary project folder holding input/ (the seeds). */
function project(): string {
  const dir = tempDir();
  cpSync(join(root, 'input'), join(dir, 'input'), { recursive: true });
  return dir;
}

function folder(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('coalex extract', () => {
  test('writes every file of the dataset; exit 0', () => {
    const dir = project();
    const run = cli(['extract', '--quiet'], dir);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(Object.keys(folder(join(dir, 'output')))).toEqual([
      'activities.csv', 'coalitions.csv', 'coalitions.json', 'coalitions.jsonl', 'contacts.csv', 'datapackage.json', 'goals.csv',
      'manifest.json', 'organizations.csv', 'people.csv', 'rejected.jsonl', 'sections.csv', 'targets.csv', 'warnings.csv',
    ]);
    const records = JSON.parse(readFileSync(join(dir, 'output/coalitions.json'), 'utf8')) as { id: string }[];
    expect(records.map((r) => r.id)).toEqual(['002-58e02a60da1cd0e6', 'lansingerland', 'lisse', 'rijswijk', 'westland']);
  });

  test('prints warnings as path:line:col: severity reason [rule-id]', () => {
    const run = cli(['extract'], project());
    expect(run.stderr.split('\n')).toEqual([
      'input/000_726c9bee1be36c53.txt:42:1: warning: Expected a contact person, e-mail address or phone number in the contact section, found none [no-contact-data]',
      'input/002_58e02a60da1cd0e6.txt:30:1: warning: Section `Meer informatie` is empty [empty-section]',
      'input/003_50a3185e2e5032f2.txt:7:30: warning: Unexpected glued words `eenzaamheidBijna`, expected a space before `Bijna` [glued-words]',
      '5 records, 0 rejected → output',
      '',
    ]);
  });

  test('two runs and a run with --jobs 2 give byte-identical output, with no absolute paths or timestamps', () => {
    const dir = project();
    expect(cli(['extract', '--quiet', '--out', 'a'], dir).code).toBe(0);
    expect(cli(['extract', '--quiet', '--out', 'b'], dir).code).toBe(0);
    expect(cli(['extract', '--quiet', '--out', 'c', '--jobs', '2'], dir).code).toBe(0);
    const a = folder(join(dir, 'a'));
    expect(folder(join(dir, 'b'))).toEqual(a);
    expect(folder(join(dir, 'c'))).toEqual(a);
    const all = Object.values(a).join('\n');
    expect(all.includes(dir)).toBe(false);
    expect(all.includes(root)).toBe(false);
    expect(/\d{4}-\d\d-\d\dT\d\d:\d\d/u.test(all)).toBe(false);
  });

  test('the committed output/ is what the code produces now', () => {
    const run = cli(['check', '--quiet'], root);
    expect([run.code, run.stderr]).toEqual([0, '']);
  });

  test('a broken file does not sink the batch: it is rejected, exit 1', () => {
    const dir = project();
    writeFileSync(join(dir, 'input/leeg.txt'), '');
    const run = cli(['extract', '--quiet'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('input/leeg.txt: error: Cannot extract `input/leeg.txt`: the file is empty [empty]\n');
    expect(readFileSync(join(dir, 'output/rejected.jsonl'), 'utf8')).toBe(
      '{"path":"input/leeg.txt","sha256":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855","reason":"empty","message":"Cannot extract `input/leeg.txt`: the file is empty"}\n',
    );
    expect((JSON.parse(readFileSync(join(dir, 'output/coalitions.json'), 'utf8')) as unknown[]).length).toBe(5);
  });

  test('two documents with one id: the second is rejected naming both files', () => {
    const dir = project();
    mkdirSync(join(dir, 'input/zz'));
    cpSync(join(dir, 'input/004_5e9e29e7f646534a.txt'), join(dir, 'input/zz/rijswijk.txt'));
    const run = cli(['extract', '--quiet'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'input/zz/rijswijk.txt: error: Duplicate id `rijswijk`: `input/zz/rijswijk.txt` and `input/004_5e9e29e7f646534a.txt` give the same id; `input/zz/rijswijk.txt` is not in the dataset [duplicate-id]\n',
    );
  });

  test('of several documents with one id the first path owns it, with one thread or many (later records are not even spooled or sent)', () => {
    const dir = project();
    const names = ['a/rijswijk.txt', ...Array.from({ length: 9 }, (_, i) => `zz/rijswijk-${i}.txt`)];
    for (const name of names) {
      mkdirSync(join(dir, 'input', name, '..'), { recursive: true });
      writeFileSync(join(dir, 'input', name), `${readFileSync(join(dir, 'input/004_5e9e29e7f646534a.txt'), 'utf8')}\nTelefoon: 070 123 45${name.length}\n`);
    }
    const one = cli(['extract', '--quiet', '--jobs', '1'], dir);
    const first = folder(join(dir, 'output'));
    for (const jobs of ['2', '3']) {
      const many = cli(['extract', '--quiet', '--jobs', jobs], dir);
      expect([one.code, many.code, many.stderr]).toEqual([1, 1, one.stderr]);
      expect(folder(join(dir, 'output'))).toEqual(first);
    }
    const rijswijk = (JSON.parse(first['coalitions.json']!) as { id: string; source: { path: string } }[]).find((r) => r.id === 'rijswijk');
    expect(rijswijk?.source.path).toBe('input/004_5e9e29e7f646534a.txt');
    expect(one.stderr.match(/Duplicate id `rijswijk`: `[^`]+`/gu)).toEqual(names.map((name) => `Duplicate id \`rijswijk\`: \`input/${name}\``));
  });
});

describe('coalex check', () => {
  test('exit 0 when output/ is current', () => {
    const dir = project();
    cli(['extract', '--quiet'], dir);
    expect(cli(['check'], dir)).toMatchObject({ code: 0, stderr: 'output is current.\n' });
  });
  test('exit 1 after an input changes, naming what changed', () => {
    const dir = project();
    cli(['extract', '--quiet'], dir);
    appendFileSync(join(dir, 'input/004_5e9e29e7f646534a.txt'), '\nTelefoon: 070 123 4567\n');
    const run = cli(['check', '--quiet'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('output is stale: run `coalex extract` and commit the result.\n');
    expect(run.stderr).toContain('  changed: coalitions.json\n');
    expect(run.stdout).toContain('rijswijk');
  });
  test('exit 2 on bad usage', () => {
    const run = cli(['check', '--jobs', 'many'], project());
    expect(run).toMatchObject({ code: 2, stderr: 'coalex: Option --jobs expects a whole number of at least 1, got `many`\n' });
    expect(cli(['check', '--no-such-option'], project()).code).toBe(2);
  });
  test('exit 2 when a path does not exist', () => {
    expect(cli(['check', 'nowhere'], project())).toMatchObject({ code: 2, stderr: 'Cannot find input `nowhere`\n' });
  });
  test('exit 2 on invalid rules', () => {
    const dir = project();
    cpSync(join(root, 'rules'), join(dir, 'myrules'), { recursive: true });
    writeFileSync(join(dir, 'myrules/sections.yaml'), 'headings: 3\nkeywords: []\n');
    expect(cli(['check', '--rules', 'myrules'], dir)).toMatchObject({ code: 2, stderr: 'Cannot read rules file `myrules/sections.yaml`: key `headings`: must be array\n' });
  });
});

describe('coalex validate, schema, eval, --help, --version', () => {
  test('validate: 0 on a valid dataset, 1 on an invalid record, 2 on an unreadable path', () => {
    const dir = project();
    cli(['extract', '--quiet'], dir);
    expect(cli(['validate', 'output'], dir)).toMatchObject({ code: 0, stderr: '5 records, all valid\n' });
    const records = JSON.parse(readFileSync(join(dir, 'output/coalitions.json'), 'utf8')) as Record<string, unknown>[];
    records[1]!.kind = 'coalitie';
    writeFileSync(join(dir, 'bad.json'), `${JSON.stringify(records, null, 2)}\n`);
    const bad = cli(['validate', 'bad.json'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr.split('\n')[0]).toBe('bad.json:309: error: record `lansingerland`: /kind: must be equal to one of the allowed values [invalid-record]');
    expect(cli(['validate', 'nothing.json'], dir).code).toBe(2);
    // A span is validated by a referenced schema (the record's validator would be too large inlined): paths stay whole.
    records[1]!.kind = 'coalition';
    (records[2]!.goals as { span: { start: { line: number } } }[])[0]!.span.start.line = 0;
    writeFileSync(join(dir, 'bad.json'), `${JSON.stringify(records, null, 2)}\n`);
    expect(cli(['validate', 'bad.json'], dir).stderr.split('\n')[0]).toBe('bad.json:1179: error: record `lisse`: /goals/0/span/start/line: must be >= 1 [invalid-record]');
  });
  test('schema prints the record JSON Schema', () => {
    const run = cli(['schema'], root);
    const schema = JSON.parse(run.stdout) as { title: string; required: string[] };
    expect([run.code, schema.title, schema.required[0], schema.required.length]).toEqual([0, 'coalex record', 'id', 21]);
  });
  test('eval on the seeds: micro F1 ≥ 0.98, and 1.0 for the exact fields', () => {
    const run = cli(['eval', '--gold', 'test/gold', '--json', '--quiet', 'input'], root);
    expect(run.code).toBe(0);
    const fields = (JSON.parse(run.stdout) as { fields: { field: string; f1: number }[] }).fields;
    const f1 = Object.fromEntries(fields.map((f) => [f.field, f.f1]));
    expect(f1['overall (micro)']).toBeGreaterThanOrEqual(0.98);
    for (const field of ['emails', 'phones', 'websites', 'municipality.code', 'sections', 'kind']) expect([field, f1[field]]).toEqual([field, 1]);
  });
  test('eval --min-f1 above the score exits 1', () => {
    const dir = project();
    cpSync(join(root, 'test/gold'), join(dir, 'gold'), { recursive: true });
    const gold = join(dir, 'gold/004_5e9e29e7f646534a.gold.json');
    writeFileSync(gold, readFileSync(gold, 'utf8').replace('"GM0603"', '"GM0000"'));
    const run = cli(['eval', '--gold', 'gold', '--min-f1', '0.999', '--quiet'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Overall micro F1 0\.99\d is below --min-f1 0\.999\n$/u);
  });
  test('--help and --version exit 0', () => {
    expect(cli(['--help'], root).stdout).toContain('Usage: coalex');
    expect(cli(['--version'], root)).toMatchObject({ code: 0, stdout: `${(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version}\n` });
    expect(cli(['frobnicate'], root).code).toBe(2);
  });
});
