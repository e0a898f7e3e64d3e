/**
 * Issue 5: one batch of the five seeds plus every kind of bad input, through the built CLI.
 * The good documents come out as in a clean run; every bad one is named, with its reason; exit 1.
 */
import { accessSync, constants, chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { cli, root } from '../helpers.js';
import { seedNames, seedProject } from './support.js';

type Rec = { id: string; source: { path: string; encoding: string }; sections: { heading: string; span: { start: { line: number; column: number } } }[] };

const rijswijk = readFileSync(join(root, 'input/004_5e9e29e7f646534a.txt'), 'utf8');
/** The Rijswijk seed moved to another municipality (so that its id is unique in the batch). */
const moved = (place: string): string => rijswijk.split('Rijswijk').join(place);

const readRecords = (dir: string): Map<string, Rec> =>
  new Map((JSON.parse(readFileSync(join(dir, 'coalitions.json'), 'utf8')) as Rec[]).map((r) => [r.id, r]));
const withoutPath = (r: Rec): unknown => ({ ...r, source: { ...r.source, path: null } });

/** Builds the project: seeds, then the bad and the odd inputs. */
function mixedProject(): { dir: string; lockedReadable: boolean } {
  const dir = seedProject();
  const input = (name: string) => join(dir, 'input', name);
  writeFileSync(input('empty.txt'), '');
  writeFileSync(input('blank.txt'), ' \n\t\u00a0\n\r\n   ');
  writeFileSync(input('nul.txt'), Buffer.from('Coalitie in Lisse\u0000\u0001\u0002 binary', 'latin1'));
  writeFileSync(input('report.txt'), '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
  writeFileSync(input('logo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  writeFileSync(input('archive.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0]));
  writeFileSync(input('big.txt'), 'woord '.repeat(5000)); // 30,000 bytes, over --max-bytes 20000
  symlinkSync('loop-b.txt', input('loop-a.txt'));
  symlinkSync('loop-a.txt', input('loop-b.txt'));
  symlinkSync('nowhere.txt', input('dangling.txt'));
  mkdirSync(input('x.txt'));
  writeFileSync(join(input('x.txt'), 'inside.md'), '# not read: x.txt is named like an input, so it is reported, not searched\n');
  execFileSync('mkfifo', [input('pipe.txt')]);
  writeFileSync(input('cp1252.txt'), iconv.encode(moved('Leiden'), 'win1252'));
  writeFileSync(input('utf16le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(moved('Delft'), 'utf-16le')]));
  writeFileSync(input('utf16be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(moved('Gouda'), 'utf-16be')]));
  writeFileSync(input('crlf.txt'), moved('Noordwijk').replace(/\n/g, '\r\n'));
  writeFileSync(input('cr.txt'), moved('Katwijk').replace(/\n/g, '\r'));
  writeFileSync(input('locked.txt'), moved('Hillegom'));
  chmodSync(input('locked.txt'), 0o000);
  let lockedReadable = true;
  try {
    accessSync(input('locked.txt'), constants.R_OK); // root reads a mode-000 file
  } catch {
    lockedReadable = false;
  }
  return { dir, lockedReadable };
}

const seedWarnings = [
  'input/000_726c9bee1be36c53.txt:42:1: warning: Expected a contact person, e-mail address or phone number in the contact section, found none [no-contact-data]',
  'input/002_58e02a60da1cd0e6.txt:30:1: warning: Section `Meer informatie` is empty [empty-section]',
  'input/003_50a3185e2e5032f2.txt:7:30: warning: Unexpected glued words `eenzaamheidBijna`, expected a space before `Bijna` [glued-words]',
];

/** Each bad input: path, reason code, message, and whether its sha256 is known (the bytes were read). */
const bad: [path: string, reason: string, message: string, read: boolean][] = [
  ['input/archive.txt', 'binary', 'Cannot extract `input/archive.txt`: it is a ZIP (or Office document) file, not text', true],
  ['input/big.txt', 'too-large', 'Cannot read `input/big.txt`: 30000 bytes is more than the limit of 20000 (--max-bytes)', false],
  ['input/blank.txt', 'empty', 'Cannot extract `input/blank.txt`: the file holds only whitespace', true],
  ['input/dangling.txt', 'unreadable', 'Cannot read `input/dangling.txt`: no such file', false],
  ['input/empty.txt', 'empty', 'Cannot extract `input/empty.txt`: the file is empty', true],
  ['input/logo.txt', 'binary', 'Cannot extract `input/logo.txt`: it is a PNG file, not text', true],
  ['input/loop-a.txt', 'unreadable', 'Cannot read `input/loop-a.txt`: too many symbolic links (a loop)', false],
  ['input/loop-b.txt', 'unreadable', 'Cannot read `input/loop-b.txt`: too many symbolic links (a loop)', false],
  ['input/nul.txt', 'binary', 'Cannot extract `input/nul.txt`: it contains NUL bytes (binary data), not text', true],
  ['input/pipe.txt', 'not-a-file', 'Cannot read `input/pipe.txt`: it is not a regular file', false],
  ['input/report.txt', 'binary', 'Cannot extract `input/report.txt`: it is a PDF file, not text', true],
  ['input/x.txt', 'not-a-file', 'Cannot read `input/x.txt`: it is not a regular file', false],
];
const lockedRejection: (typeof bad)[number] = ['input/locked.txt', 'unreadable', 'Cannot read `input/locked.txt`: permission denied', false];

describe('a batch of the seeds and every kind of bad input (built CLI, --max-bytes 20000)', () => {
  const { dir, lockedReadable } = mixedProject();
  const rejectedRows = bad.concat(lockedReadable ? [] : [lockedRejection]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  // The seeds alone, in a project of their own (same paths): the reference.
  const clean = seedProject();
  let cleanRun: ReturnType<typeof cli>;
  let run: ReturnType<typeof cli>;
  let records: Map<string, Rec>;
  beforeAll(() => {
    cleanRun = cli(['extract', '--quiet', '--out', 'clean'], clean);
    run = cli(['extract', '--max-bytes', '20000'], dir);
    records = readRecords(join(dir, 'output'));
  });

  test('exit 1: inputs were rejected, and the batch went on', () => {
    expect(cleanRun.code).toBe(0);
    expect(run.code).toBe(1);
  });

  test('the five seed records are exactly those of a clean run', () => {
    const reference = readRecords(join(clean, 'clean'));
    expect([...reference.keys()]).toEqual(['002-58e02a60da1cd0e6', 'lansingerland', 'lisse', 'rijswijk', 'westland']);
    for (const [id, record] of reference) expect([id, withoutPath(records.get(id)!)]).toEqual([id, withoutPath(record)]);
    expect(seedNames.every((name) => [...records.values()].some((r) => r.source.path === `input/${name}`))).toBe(true);
  });

  test('every bad input is a line of rejected.jsonl with its reason code and message', () => {
    const lines = readFileSync(join(dir, 'output/rejected.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.path, l.reason, l.message, typeof l.sha256 === 'string' && /^[0-9a-f]{64}$/u.test(l.sha256)])).toEqual(
      rejectedRows.map(([path, reason, message, read]) => [path, reason, message, read]),
    );
    expect(lines.find((l) => l.path === 'input/empty.txt')!.sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(lines.filter((l) => !['input/big.txt', 'input/dangling.txt', 'input/loop-a.txt', 'input/loop-b.txt', 'input/pipe.txt', 'input/x.txt', 'input/locked.txt'].includes(l.path as string)).every((l) => l.sha256 !== null)).toBe(true);
  });

  test('stderr: the exact line of every warning and every rejection, then the summary', () => {
    const errors = rejectedRows.map(([path, reason, message]) => `${path}: error: ${message} [${reason}]`);
    const lines = [...seedWarnings, ...errors].sort((a, b) => (a.split(':')[0]! < b.split(':')[0]! ? -1 : 1));
    const records = 5 + 5 + (lockedReadable ? 1 : 0);
    expect(run.stderr.split('\n')).toEqual([...lines, `${records} records, ${rejectedRows.length} rejected → output`, '']);
  });

  test('Windows-1252, UTF-16 LE and BE (with BOM) are extracted, with source.encoding recorded', () => {
    expect(['leiden', 'delft', 'gouda'].map((id) => [id, records.get(id)?.source.encoding, records.get(id)?.source.path])).toEqual([
      ['leiden', 'windows-1252', 'input/cp1252.txt'],
      ['delft', 'utf-16le', 'input/utf16le.txt'],
      ['gouda', 'utf-16be', 'input/utf16be.txt'],
    ]);
  });

  test('CRLF and CR files keep the line numbers of the LF original (every re-encoded copy of the Rijswijk seed does)', () => {
    const lines = (r: Rec | undefined) => r?.sections.map((s) => `${s.heading.replace(/Rijswijk|Noordwijk|Katwijk|Leiden|Delft|Gouda/u, 'X')}@${s.span.start.line}:${s.span.start.column}`);
    const reference = lines(records.get('rijswijk'));
    expect(reference!.length).toBeGreaterThan(3);
    for (const id of ['noordwijk', 'katwijk', 'leiden', 'delft', 'gouda']) expect([id, lines(records.get(id))]).toEqual([id, reference]);
  });

  // chmod 000 stops every user but root: which behaviour applies depends on who runs the tests.
  test(`a mode-000 file is ${lockedReadable ? 'read (the tests run as root, who may read it)' : 'rejected as unreadable: permission denied'}`, () => {
    if (lockedReadable) expect(records.get('hillegom')?.source.path).toBe('input/locked.txt');
    else expect(records.has('hillegom')).toBe(false);
  });

  test('--jobs 2 (worker threads) gives the same dataset, rejections included', () => {
    expect(cli(['extract', '--quiet', '--max-bytes', '20000', '--jobs', '2', '--out', 'jobs2'], dir).code).toBe(1);
    for (const file of ['coalitions.json', 'rejected.jsonl', 'manifest.json']) {
      expect([file, readFileSync(join(dir, 'jobs2', file), 'utf8')]).toEqual([file, readFileSync(join(dir, 'output', file), 'utf8')]);
    }
  });
});
