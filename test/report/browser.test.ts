/** The review page in Chromium: built by the CLI from the seeds, opened as a data steward opens it. */
import { cpSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Result } from '../../src/batch.js';
import { renderReport } from '../../src/report/render.js';
import { reportFields } from '../../src/report/fields.js';
import { reportItems } from '../../src/report/items.js';
import type { CoalitionRecord } from '../../src/schema/record.js';
import { toText } from '../../src/stages/decode.js';
import { cli, root, tempDir } from '../helpers.js';
import { launchChromium, openReport, watchedPage } from './chromium.js';

/** The page's globals as these tests use them inside `page.evaluate` (the project's TypeScript has no DOM library). */
interface PageElement {
  dataset: Record<string, string | undefined>;
  textContent: string | null;
  scrollTop: number;
  getBoundingClientRect(): { top: number; bottom: number; height: number };
}
declare const document: {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  getElementById(id: string): PageElement | null;
};
declare const location: { hash: string };
declare const window: { pwned?: unknown };

let browser: Browser;
let seeds: string;
let records: CoalitionRecord[];

beforeAll(async () => {
  browser = await launchChromium();
  seeds = tempDir();
  cpSync(join(root, 'input'), join(seeds, 'input'), { recursive: true });
  const report = cli(['report', '--quiet', '--out', 'review'], seeds);
  expect([report.code, report.stderr]).toEqual([0, '']);
  const extract = cli(['extract', '--quiet', '--format', 'json', '--out', 'data'], seeds);
  expect(extract.code).toBe(0);
  records = JSON.parse(readFileSync(join(seeds, 'data/coalitions.json'), 'utf8')) as CoalitionRecord[];
});

afterAll(async () => {
  await browser?.close();
});

const reportOf = (dir: string, out = 'review'): string => join(dir, out, 'report.html');

async function openDoc(page: Page, id: string): Promise<void> {
  await page.evaluate((hash) => { location.hash = hash; }, `#doc/${id}`);
  await page.waitForSelector(`html[data-doc="${id}"]`);
}

/** Whether the element matching `selector` lies inside the visible part of its scrolling pane. */
function inView(page: Page, selector: string, pane: string): Promise<boolean> {
  return page.evaluate(([s, p]) => {
    const r = document.querySelector(s!)!.getBoundingClientRect();
    const box = document.getElementById(p!)!.getBoundingClientRect();
    return r.height > 0 && r.top >= box.top && r.bottom <= box.bottom;
  }, [selector, pane]);
}

describe('the review page of the seeds', () => {
  test('opens without console errors; the index lists every document; every document opens without errors', async () => {
    const errors: string[] = [];
    const page = await watchedPage(browser, errors);
    await openReport(page, reportOf(seeds));
    expect(await page.locator('#spacer .row .id').allTextContents()).toEqual(records.map((r) => r.id));
    expect(await page.textContent('#count')).toBe('5 documents');
    for (const record of records) await openDoc(page, record.id);
    await page.close();
    expect(errors).toEqual([]);
  });

  test('every value with a span is highlighted with its field, and the text under it is the text at its span', async () => {
    const page = await watchedPage(browser, []);
    await openReport(page, reportOf(seeds));
    const fieldsSeen = new Set<string>();
    for (const record of records) {
      await openDoc(page, record.id);
      const text = readFileSync(join(seeds, record.source.path), 'utf8');
      const items = reportItems(record);
      // per item: its field, and the text of all its fragments (a span across lines or crossing another is split)
      const marks = await page.evaluate(() => {
        const found: Record<string, { field: string; text: string }> = {};
        for (const m of document.querySelectorAll('#text mark[data-item]')) {
          const entry = (found[m.dataset.item!] ??= { field: m.dataset.field!, text: '' });
          entry.text += m.textContent;
        }
        return found;
      });
      items.forEach((item, index) => {
        if (!item.span || item.span.end <= item.span.start) return;
        fieldsSeen.add(item.field);
        const expected = text.slice(item.span.start, item.span.end).replace(/\r\n|\r|\n/gu, '');
        expect([record.id, index, marks[String(index)]]).toEqual([record.id, index, { field: item.field, text: expected }]);
      });
    }
    // the seeds have values of every field, so every field's colour is on show somewhere
    expect([...fieldsSeen].sort()).toEqual([...reportFields].sort());
    await page.close();
  });

  test('a click on a record value scrolls its highlight into view, and a click on the highlight scrolls back', async () => {
    const page = await watchedPage(browser, []);
    await openReport(page, reportOf(seeds), '#doc/lansingerland');
    const record = records.find((r) => r.id === 'lansingerland')!;
    const item = reportItems(record).findIndex((i) => i.field === 'emails');
    const mark = `#text mark[data-item="${item}"]`;
    const value = `#record .val[data-item="${item}"]`;
    expect(await inView(page, mark, 'text-pane')).toBe(false);
    await page.click(value);
    expect(await inView(page, mark, 'text-pane')).toBe(true);
    expect(await page.getAttribute(mark, 'class')).toContain('flash');
    await page.evaluate(() => { document.getElementById('record-pane')!.scrollTop = 0; });
    expect(await inView(page, value, 'record-pane')).toBe(false);
    await page.click(mark);
    expect(await inView(page, value, 'record-pane')).toBe(true);
    await page.close();
  });

  test('a warning links to its line', async () => {
    const page = await watchedPage(browser, []);
    await openReport(page, reportOf(seeds), '#doc/lisse');
    expect(await page.textContent('#record li[data-field="warnings"]')).toBe(
      'line 42: Expected a contact person, e-mail address or phone number in the contact section, found nonecode: no-contact-data',
    );
    expect(await inView(page, '.line[data-line="42"]', 'text-pane')).toBe(false);
    await page.click('#record li[data-field="warnings"] a.line-link');
    await page.waitForFunction(() => location.hash === '#doc/lisse/L42');
    expect(await inView(page, '.line[data-line="42"]', 'text-pane')).toBe(true);
    expect(await page.getAttribute('.line[data-line="42"]', 'class')).toBe('line flash');
    await page.close();
  });

  test('search and filters narrow the index', async () => {
    const page = await watchedPage(browser, []);
    await openReport(page, reportOf(seeds));
    const ids = () => page.locator('#spacer .row .id').allTextContents();
    await page.fill('#q', 'LIS');
    expect(await ids()).toEqual(['lisse']);
    expect(await page.textContent('#count')).toBe('1 of 5 documents');
    await page.fill('#q', '');
    await page.selectOption('#kind', 'other');
    expect(await ids()).toEqual(['002-58e02a60da1cd0e6']);
    await page.selectOption('#kind', '');
    await page.selectOption('#warn', 'with');
    expect(await ids()).toEqual(['002-58e02a60da1cd0e6', 'lisse', 'westland']);
    await page.selectOption('#warn', 'without');
    expect(await ids()).toEqual(['lansingerland', 'rijswijk']);
    await page.selectOption('#warn', '');
    await page.click('#head button[data-field="organizations"]');
    expect(await ids()).toEqual(['lansingerland', 'rijswijk', 'westland', 'lisse', '002-58e02a60da1cd0e6']);
    expect(await page.getAttribute('#head button[data-field="organizations"]', 'aria-sort')).toBe('descending');
    await page.close();
  });
});

describe('line ends, encodings and rejected inputs', () => {
  test('CRLF in UTF-16 and lone CR: numbered lines and highlights match the spans; a rejected input is listed', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'input'));
    const crlf = readFileSync(join(root, 'input/001_509f6fae87228b94.txt'), 'utf8').replace(/\n/gu, '\r\n');
    writeFileSync(join(dir, 'input/a.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(crlf, 'utf16le')]));
    writeFileSync(join(dir, 'input/b.txt'), readFileSync(join(root, 'input/004_5e9e29e7f646534a.txt'), 'utf8').replace(/\n/gu, '\r'));
    writeFileSync(join(dir, 'input/c.txt'), '');
    expect(cli(['report', '--quiet'], dir).code).toBe(1);
    expect(cli(['extract', '--quiet', '--format', 'json', '--out', 'data'], dir).code).toBe(1);
    const byId = JSON.parse(readFileSync(join(dir, 'data/coalitions.json'), 'utf8')) as CoalitionRecord[];
    expect(byId.map((r) => [r.id, r.source.encoding])).toEqual([['lansingerland', 'utf-16le'], ['rijswijk', 'utf-8']]);
    const errors: string[] = [];
    const page = await watchedPage(browser, errors);
    await openReport(page, reportOf(dir, 'output'));
    expect(await page.textContent('#rejected')).toBe('1 input rejected (no record)input/c.txt: Cannot extract `input/c.txt`: the file is empty');
    for (const record of byId) {
      await openDoc(page, record.id);
      const text = toText(readFileSync(join(dir, record.source.path))).text;
      const lines = text.split(/\r\n|\r|\n/u);
      expect(await page.evaluate(() => [...document.querySelectorAll('#text .line')].map((l) => l.textContent))).toEqual(lines);
      const marks = await page.evaluate(() => {
        const found: Record<string, string> = {};
        for (const m of document.querySelectorAll('#text mark[data-item]')) found[m.dataset.item!] = (found[m.dataset.item!] ?? '') + m.textContent;
        return found;
      });
      reportItems(record).forEach((item, index) => {
        if (item.span) expect([record.id, index, marks[String(index)]]).toEqual([record.id, index, text.slice(item.span.start, item.span.end).replace(/\r\n|\r|\n/gu, '')]);
      });
    }
    await page.close();
    expect(errors).toEqual([]);
  });
});

/** A document opened after a click on a phone number in its record: the picture in the README. */
test('the README screenshot (UPDATE_SCREENSHOT=1 takes it again) is there and small', async () => {
  const file = join(root, 'test/report/screenshot.png');
  if (process.env.UPDATE_SCREENSHOT === '1') {
    const page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
    await openReport(page, reportOf(seeds), '#doc/lansingerland');
    await page.click('#record li[data-field="phones"] .val');
    await page.evaluate(() => {
      const text = document.getElementById('text-pane')!;
      text.scrollTop += document.querySelector('.line[data-line="51"]')!.getBoundingClientRect().top - text.getBoundingClientRect().top - 8;
      const record = document.getElementById('record-pane')!;
      record.scrollTop += document.querySelector('#record li[data-field="contacts"]')!.getBoundingClientRect().top - record.getBoundingClientRect().top - 32;
    });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: file });
    await page.close();
  }
  expect(statSync(file).size).toBeLessThan(300 * 1024);
});

describe('a document that tries to inject markup', () => {
  const evil = [
    'Coalitie in Lisse, Zuid-Holland',
    '',
    'Gemeente Lisse',
    '',
    '<script>window.pwned=1</script>',
    '<img src=x onerror="window.pwned=1">',
    '<a href="javascript:alert(1)">klik</a> javascript:alert(1)',
    '"><svg onload=window.pwned=1>',
    '',
    'Contact',
    '',
    'Mail </script><!-- naar info@lisse.nl',
    '',
  ].join('\n');

  test('runs nothing and shows the text literally', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'input'));
    writeFileSync(join(dir, 'input', 'evil<img src=x onerror=window.pwned=2>.txt'), evil);
    const run = cli(['report', '--quiet'], dir);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const errors: string[] = [];
    const page = await watchedPage(browser, errors);
    await openReport(page, reportOf(dir, 'output'));
    expect(await page.locator('#spacer .row').count()).toBe(1);
    await openDoc(page, 'lisse');
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => window.pwned)).toBeUndefined();
    expect(await page.locator('img, svg, iframe, a[href^="javascript"]').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(3);
    const shown = await page.evaluate(() => [...document.querySelectorAll('#text .line')].map((l) => l.textContent));
    expect(shown).toEqual(evil.split('\n'));
    expect(await page.textContent('#doc-meta')).toBe('lisse · coalition · Lisse · input/evil<img src=x onerror=window.pwned=2>.txt');
    await page.close();
    expect(errors).toEqual([]);
  });

  test('a source that changed after extraction: the record without highlights, and a notice', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'input'));
    writeFileSync(join(dir, 'input', 'lisse.txt'), evil);
    const extract = cli(['extract', '--quiet', '--format', 'json'], dir);
    expect(extract.code).toBe(0);
    const record = (JSON.parse(readFileSync(join(dir, 'output/coalitions.json'), 'utf8')) as CoalitionRecord[])[0]!;
    writeFileSync(join(dir, 'input', 'lisse.txt'), `${evil}\nchanged`);
    const result: Result = { path: record.source.path, sha256: record.source.sha256, record, rejected: null, findings: [] };
    writeFileSync(join(dir, 'changed.html'), renderReport([result], dir));
    const errors: string[] = [];
    const page = await watchedPage(browser, errors);
    await openReport(page, join(dir, 'changed.html'), '#doc/lisse');
    expect(await page.textContent('#notice')).toBe(
      'The source `input/lisse.txt` has changed since it was extracted (its sha256 differs): the values are shown without highlights.',
    );
    expect(await page.isVisible('#notice')).toBe(true);
    expect(await page.locator('#text mark').count()).toBe(0);
    expect(await page.locator('#record span.val[data-item]').count()).toBe(reportItems(record).length);
    await page.close();
    expect(errors).toEqual([]);
  });
});
