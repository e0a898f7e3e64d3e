import iconv from 'iconv-lite';
import { toText } from '../../src/stages/decode.js';
import { recordOf, run, withoutSpans } from '../helpers.js';

const text = 'Coalitie in Lisse, Zuid-Holland\n\nGemeente Lisse\n\nDe coalitie in Lisse ontmoet ouderen in café De Ooievaar.\n\nContact\n\nE-mail: info@lisse.nl\n';

describe('decode', () => {
  test.each([
    ['utf-8', Buffer.from(text, 'utf8')],
    ['utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')])],
    ['windows-1252', iconv.encode(text, 'win1252')],
  ])('%s gives the same text', (encoding, bytes) => {
    expect(toText(bytes)).toEqual({ text, encoding });
  });

  test('every encoding gives the same record apart from source', async () => {
    const records = await Promise.all(
      [Buffer.from(text), iconv.encode(text, 'win1252'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])].map((b) => recordOf(b)),
    );
    const strip = (r: object) => ({ ...withoutSpans(r), source: null });
    expect(records.map((r) => r.source.encoding)).toEqual(['utf-8', 'windows-1252', 'utf-16le']);
    expect(strip(records[1]!)).toEqual(strip(records[0]!));
    expect(strip(records[2]!)).toEqual(strip(records[0]!));
  });

  test('CRLF and CR line ends keep line numbers', async () => {
    const lf = await recordOf(text);
    const crlf = await recordOf(text.replace(/\n/g, '\r\n'));
    const cr = await recordOf(text.replace(/\n/g, '\r'));
    const lines = (r: typeof lf) => r.sections.map((s) => [s.heading, s.span.start.line, s.span.start.column]);
    expect(lines(lf)).toEqual([['Contact', 7, 1]]);
    expect(lines(crlf)).toEqual([['Contact', 7, 1]]);
    expect(lines(cr)).toEqual([['Contact', 7, 1]]);
    expect(crlf.emails).toEqual(['info@lisse.nl']);
  });

  test.each([
    ['empty', Buffer.alloc(0), 'empty', 'Cannot extract `input.txt`: the file is empty'],
    ['whitespace', Buffer.from(' \n\u00a0\n\t'), 'empty', 'Cannot extract `input.txt`: the file holds only whitespace'],
    ['PDF', Buffer.from('%PDF-1.7\n...'), 'binary', 'Cannot extract `input.txt`: it is a PDF file, not text'],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'binary', 'Cannot extract `input.txt`: it is a PNG file, not text'],
    ['NUL bytes', Buffer.from('abc\u0000def'), 'binary', 'Cannot extract `input.txt`: it contains NUL bytes (binary data), not text'],
  ])('%s input is rejected with a reason', async (_name, bytes, reason, message) => {
    const file = await run(bytes);
    expect(file.data.rejected).toEqual({ reason, message });
    expect(file.messages.map((m) => [m.reason, m.ruleId, m.fatal])).toEqual([[message, reason, true]]);
  });
});
