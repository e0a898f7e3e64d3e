/** The review page without a browser: escaping, nesting of spans, items, sources, and the page's markup. */
import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Result } from '../../src/batch.js';
import { escapeHtml, jsonForScript } from '../../src/report/escape.js';
import { reportItems } from '../../src/report/items.js';
import { nestRanges } from '../../src/report/nest.js';
import { renderReport } from '../../src/report/render.js';
import { loadSource } from '../../src/report/source.js';
import type { CoalitionRecord } from '../../src/schema/record.js';
import { run } from '../helpers.js';

/** Runs the pipeline on `text`; the record, and the folder its `source.path` is relative to. */
async function extracted(text: string | Uint8Array, name = 'input.txt'): Promise<{ record: CoalitionRecord; cwd: string }> {
  const file = await run(text, name);
  if (!file.data.record || file.data.rejected) throw new Error(`rejected: ${file.data.rejected?.message}`);
  return { record: file.data.record, cwd: dirname(file.data.readPath) };
}

function result(record: CoalitionRecord): Result {
  return { path: record.source.path, sha256: record.source.sha256, record, rejected: null, findings: [] };
}

/** The JSON data blocks of a page, parsed. */
function blocks(html: string): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  for (const m of html.matchAll(/<script type="application\/json" id="([^"]+)">([^<]*)<\/script>/gu)) found[m[1]!] = JSON.parse(m[2]!);
  return found;
}

const injection = [
  'Coalitie in Lisse, Zuid-Holland',
  '',
  '<script>window.pwned=1</script> en <img src=x onerror="window.pwned=1"> en javascript:alert(1)',
  '',
  'Contact',
  '',
  'Mail </script><!-- naar a&b@lisse.nl of bel 06-18417476',
  '',
].join('\n');

describe('escaping', () => {
  test('escapeHtml escapes & < > " \'', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&amp;`)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;amp;');
  });

  test('jsonForScript leaves no < > & (so no </script> or <!--) and parses back to the same value', () => {
    const value = { text: '</script><script>alert(1)</script><!-- & \u2028\u2029 "q" \\ é', n: [1, null] };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/u);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('nesting of spans', () => {
  test('a phone inside a contact nests; siblings stay in order', () => {
    expect(nestRanges([{ item: 1, start: 10, end: 20 }, { item: 0, start: 0, end: 30 }, { item: 2, start: 22, end: 25 }], 40)).toEqual([
      { item: 0, start: 0, end: 30, children: [{ item: 1, start: 10, end: 20, children: [] }, { item: 2, start: 22, end: 25, children: [] }] },
    ]);
  });

  test('crossing spans: the later one is split at the end of the earlier one', () => {
    expect(nestRanges([{ item: 0, start: 0, end: 10 }, { item: 1, start: 5, end: 15 }], 20)).toEqual([
      { item: 0, start: 0, end: 10, children: [{ item: 1, start: 5, end: 10, children: [] }] },
      { item: 1, start: 10, end: 15, children: [] },
    ]);
  });

  test('a span crossing a nested one is split inside each container', () => {
    // 0 [A ........ 20]   5 [B ... 12]   10 [C ............. 25]
    expect(nestRanges([{ item: 0, start: 0, end: 20 }, { item: 1, start: 5, end: 12 }, { item: 2, start: 10, end: 25 }], 30)).toEqual([
      {
        item: 0, start: 0, end: 20, children: [
          { item: 1, start: 5, end: 12, children: [{ item: 2, start: 10, end: 12, children: [] }] },
          { item: 2, start: 12, end: 20, children: [] },
        ],
      },
      { item: 2, start: 20, end: 25, children: [] },
    ]);
  });

  test('equal spans: the lower item (earlier field) is outside; same start: the longer is outside', () => {
    expect(nestRanges([{ item: 4, start: 3, end: 8 }, { item: 3, start: 3, end: 8 }, { item: 5, start: 3, end: 5 }], 10)).toEqual([
      { item: 3, start: 3, end: 8, children: [{ item: 4, start: 3, end: 8, children: [{ item: 5, start: 3, end: 5, children: [] }] }] },
    ]);
  });

  test('empty spans and spans outside the text are left out', () => {
    expect(nestRanges([{ item: 0, start: 4, end: 4 }, { item: 1, start: 8, end: 12 }, { item: 2, start: -1, end: 2 }, { item: 3, start: 1, end: 2 }], 10)).toEqual([
      { item: 3, start: 1, end: 2, children: [] },
    ]);
  });
});

describe('record items', () => {
  test('every value with its span offsets: plain lists from record.spans, objects from their own span', async () => {
    const { record } = await extracted(injection);
    const items = reportItems(record);
    const emails = items.filter((i) => i.field === 'emails');
    expect(emails).toEqual([{ field: 'emails', label: 'a&b@lisse.nl', props: '', span: { start: expect.any(Number), end: expect.any(Number), line: 7 } }]);
    expect(injection.slice(emails[0]!.span!.start, emails[0]!.span!.end)).toBe('a&b@lisse.nl');
    const phone = items.find((i) => i.field === 'phones')!;
    expect([phone.label, injection.slice(phone.span!.start, phone.span!.end)]).toEqual(['+31618417476', '06-18417476']);
    expect(items.find((i) => i.field === 'municipality')).toEqual({
      field: 'municipality', label: 'Lisse', props: 'code: GM0553 · province: Zuid-Holland', span: { start: 12, end: 17, line: 1 },
    });
  });
});

describe('sources', () => {
  test('the source is read again and decoded as the pipeline does (UTF-16 with BOM: same offsets)', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(injection, 'utf16le')]);
    const { record, cwd } = await extracted(bytes);
    expect(loadSource(record, cwd)).toEqual({ text: injection, notice: null });
  });

  test('a missing or changed source gives a notice and no text', async () => {
    const { record, cwd } = await extracted(injection);
    expect(loadSource(record, `${cwd}/elsewhere`)).toEqual({
      text: null,
      notice: 'Cannot read the source `input.txt` (no such file): the values are shown without highlights.',
    });
    writeFileSync(`${cwd}/input.txt`, `${injection}changed`);
    expect(loadSource(record, cwd)).toEqual({
      text: null,
      notice: 'The source `input.txt` has changed since it was extracted (its sha256 differs): the values are shown without highlights.',
    });
  });
});

describe('the page', () => {
  test('document text only inside escaped JSON data blocks: one script runs, no markup from the text', async () => {
    const { record, cwd } = await extracted(injection);
    const html = renderReport([result(record)], cwd);
    expect(html.match(/<script/gu)).toHaveLength(3); // index, one document, the page's script
    expect(html.match(/<script>/gu)).toHaveLength(1);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('window.pwned=1</script>');
    expect(html).toContain('\\u003cscript\\u003ewindow.pwned=1\\u003c/script\\u003e');
    const data = blocks(html) as { 'coalex-doc-0': { text: string; notice: null; marks: unknown[] } };
    expect(data['coalex-doc-0'].text).toBe(injection);
    expect(data['coalex-doc-0'].marks.length).toBeGreaterThan(0);
  });

  test('a strict Content-Security-Policy: nothing loads, only the page\'s own script and style (by hash)', async () => {
    const { record, cwd } = await extracted(injection);
    const html = renderReport([result(record)], cwd);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/u.exec(html)![1]!.replace(/&#39;/gu, "'");
    expect(csp).toMatch(/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'; style-src 'sha256-[A-Za-z0-9+/=]+'; base-uri 'none'; form-action 'none'$/u);
    expect(html).not.toMatch(/https?:\/\/(?!coalex\.invalid)/u);
  });

  test('index rows count values per field; a missing source shows the record without marks, with a notice', async () => {
    const { record, cwd } = await extracted(injection);
    const html = renderReport([result(record), { path: 'gone.txt', sha256: null, record: null, rejected: { reason: 'unreadable', message: 'Cannot read `gone.txt`: no such file' }, findings: [] }], `${cwd}/elsewhere`);
    const data = blocks(html) as { 'coalex-index': { fields: string[]; docs: [string, string, string, string, string, number[]][]; rejected: string[][] }; 'coalex-doc-0': { text: null; notice: string; marks: unknown[]; items: unknown[] } };
    const index = data['coalex-index'];
    const counts = Object.fromEntries(index.fields.map((f, i) => [f, index.docs[0]![5][i]]));
    expect(index.docs[0]!.slice(0, 5)).toEqual(['lisse', 'coalition', 'Lisse', 'Coalitie in Lisse, Zuid-Holland', 'input.txt']);
    expect(counts).toMatchObject({ title: 1, name: 0, municipality: 1, emails: 1, phones: 1, sections: 1 });
    expect(index.rejected).toEqual([['gone.txt', 'Cannot read `gone.txt`: no such file']]);
    expect(data['coalex-doc-0']).toMatchObject({ text: null, marks: [], notice: expect.stringContaining('Cannot read the source `input.txt`') });
    expect(data['coalex-doc-0'].items.length).toBe(reportItems(record).length);
  });

  test('the same results give the same bytes (no timestamps, no absolute paths)', async () => {
    const { record, cwd } = await extracted(injection);
    const html = renderReport([result(record)], cwd);
    expect(renderReport([result(record)], cwd)).toBe(html);
    expect(html).not.toContain(cwd);
  });
});
