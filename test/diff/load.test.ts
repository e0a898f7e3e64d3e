/** Loading a side of a diff: a folder, a .json or .jsonl file, or git:<rev>; clear errors naming the side. */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../../src/diff/load.js';
import { tempDir } from '../helpers.js';
import { fixtures } from './fixtures.js';
import { gitRepo } from './git.js';

const oldJson = () => readFileSync(join(fixtures, 'old/coalitions.json'), 'utf8');
const ids = ['002-58e02a60da1cd0e6', 'lansingerland', 'lisse', 'rijswijk', 'westland'];

/** A temporary folder holding `files`. */
function folder(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const jsonl = () => (JSON.parse(oldJson()) as unknown[]).reverse().map((r) => `${JSON.stringify(r)}\n`).join('');

describe('loadDataset', () => {
  test('a folder holding coalitions.json; records sorted by id; the label is the side as given', () => {
    const side = loadDataset('old', fixtures);
    expect([side.label, side.entries.map((e) => e.id)]).toEqual(['old', ids]);
  });
  test('a coalitions.json file', () => {
    expect(loadDataset('old/coalitions.json', fixtures).entries.map((e) => e.id)).toEqual(ids);
  });
  test('a folder holding only coalitions.jsonl, and a .jsonl file (any order, blank lines skipped)', () => {
    const dir = folder({ 'data/coalitions.jsonl': `${jsonl()}\n` });
    expect(loadDataset('data', dir).entries.map((e) => e.id)).toEqual(ids);
    expect(loadDataset('data/coalitions.jsonl', dir).entries.map((e) => e.id)).toEqual(ids);
  });
  test('any JSON layout gives the same records as the layout coalex writes (2-space indent, CRLF, compact, key order)', () => {
    const records = JSON.parse(oldJson()) as Record<string, unknown>[];
    const reordered = records.map(({ id, ...rest }) => ({ ...rest, id }));
    const dir = folder({
      'crlf.json': oldJson().replace(/\n/gu, '\r\n'),
      'compact.json': JSON.stringify(records),
      'reordered.json': `${JSON.stringify(reordered, null, 2)}\n`,
    });
    const expected = loadDataset('old', fixtures).entries.map((e) => e.record());
    for (const file of ['crlf.json', 'compact.json', 'reordered.json']) {
      expect(loadDataset(file, dir).entries.map((e) => e.record())).toEqual(expected);
    }
  });
  test('git:<rev> reads output/coalitions.json committed at that revision', () => {
    const repo = gitRepo();
    expect(loadDataset('git:HEAD~1', repo).entries.map((e) => e.id)).toEqual(ids);
    expect(loadDataset('git:HEAD', repo).entries.map((e) => e.id)).toContain('hillegom');
  });
});

describe('loadDataset errors name the side', () => {
  const error = (spec: string, cwd: string) => {
    try {
      loadDataset(spec, cwd);
    } catch (e) {
      return (e as Error).message;
    }
    return 'no error';
  };
  test('a folder without a dataset', () => {
    expect(error('.', tempDir())).toBe('Cannot read dataset `.`: no coalitions.json or coalitions.jsonl in it');
  });
  test('a path that does not exist', () => {
    expect(error('nowhere', tempDir())).toBe('Cannot read dataset `nowhere`: no such file or folder');
  });
  test('invalid JSON, with the line', () => {
    const dir = folder({ 'coalitions.json': '[\n  {"id": "a"}\n  {"id": "b"}\n]\n' });
    expect(error('coalitions.json', dir)).toBe('Cannot read dataset `coalitions.json`: coalitions.json:3: invalid JSON');
    const lines = folder({ 'x/coalitions.jsonl': '{"id": "a"}\n{"id"\n' });
    expect(error('x', lines)).toBe('Cannot read dataset `x`: x/coalitions.jsonl:2: invalid JSON');
  });
  test('not an array of records with unique string ids', () => {
    expect(error('d.json', folder({ 'd.json': '{"id": "a"}' }))).toBe('Cannot read dataset `d.json`: d.json: expected an array of records');
    expect(error('d.json', folder({ 'd.json': '[{"id": "a"}, {"name": "b"}]' }))).toBe('Cannot read dataset `d.json`: d.json record 2: expected a record with a string `id`');
    expect(error('d.jsonl', folder({ 'd.jsonl': '{"id": "a"}\n{"id": "a"}\n' }))).toBe('Cannot read dataset `d.jsonl`: d.jsonl:2: id `a` appears twice (first at d.jsonl:1)');
  });
  test('a record that is not JSON, in the layout coalex writes, is named when it is needed', () => {
    const dir = folder({ 'a.json': '[\n  {\n    "id": "a",\n    "title": \n  }\n]\n', 'b.json': '[]\n' });
    const side = loadDataset('a.json', dir);
    expect(side.entries.map((e) => e.id)).toEqual(['a']);
    expect(() => side.entries[0]!.record()).toThrow('Cannot read dataset `a.json`: a.json record 1: invalid JSON');
  });
  test('a revision git does not know, or one that looks like an option', () => {
    const repo = gitRepo();
    expect(error('git:nope', repo)).toMatch(/^Cannot read dataset `git:nope`: git cannot show `output\/coalitions.json` at revision `nope` \(.*nope.*\)$/u);
    expect(error('git:--output=x', repo)).toBe('Cannot read dataset `git:--output=x`: `--output=x` is not a git revision');
    expect(error('git:', repo)).toBe('Cannot read dataset `git:`: `` is not a git revision');
  });
  test('git:<rev> outside a git repository', () => {
    expect(error('git:HEAD', tempDir())).toMatch(/^Cannot read dataset `git:HEAD`: git cannot show `output\/coalitions.json` at revision `HEAD` \(not a git repository/u);
  });
});
