#!/usr/bin/env node
// Benchmark of the review page: builds a report of 5,000 documents (the seed records, cloned
// with new ids, so each has a real source text and highlights) and measures in Chromium the
// time from navigation to the index being interactive, a search, and opening a document.
// Usage: npm run build && node test/bench/report-bench.mjs [documents=5000] [runs=3]
/* global document, window, location, Event, PerformanceObserver, requestAnimationFrame -- used inside page.evaluate, which runs in the browser */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
const documents = Number(process.argv[2] ?? 5000);
const runs = Number(process.argv[3] ?? 3);
const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) throw new Error(`The benchmark needs Chromium at ${CHROMIUM}: run .ci/install-chromium`);
if (!existsSync(join(root, 'dist/report/render.js'))) throw new Error('The build is missing: run `npm run build` first');
const { renderReport } = await import(join(root, 'dist/report/render.js'));

// The seed records, extracted by the CLI in a temporary project (their sources stay readable there).
const dir = mkdtempSync(join(tmpdir(), 'coalex-bench-'));
cpSync(join(root, 'input'), join(dir, 'input'), { recursive: true });
const extract = spawnSync(process.execPath, [join(root, 'bin/coalex.js'), 'extract', '--quiet', '--format', 'json', '--out', 'data'], { cwd: dir, encoding: 'utf8' });
if (extract.status !== 0) throw new Error(`extract failed: ${extract.stderr}`);
const seeds = JSON.parse(readFileSync(join(dir, 'data/coalitions.json'), 'utf8'));

const results = [];
for (let n = 0; n < documents; n++) {
  const seed = seeds[n % seeds.length];
  const record = { ...seed, id: `${seed.id}-${String(n).padStart(5, '0')}`, kind: n % 7 === 0 ? 'other' : seed.kind };
  results.push({ path: record.source.path, sha256: record.source.sha256, record, rejected: null, findings: [] });
}
let started = performance.now();
const html = renderReport(results, dir);
const file = join(dir, 'report.html');
writeFileSync(file, html);
const buildMs = performance.now() - started;
const megabytes = statSync(file).size / 1024 / 1024;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const samples = [];
for (let run = 0; run < runs; run++) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // long tasks (> 50 ms of script or parsing without a break) show whether the page freezes while it loads
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`file://${file}`, { waitUntil: 'commit' });
  await page.waitForSelector('html[data-ready="true"]', { timeout: 120000 });
  // ms from navigation start to the index drawn and its handlers in place, then to the next frame painted
  const ready = await page.evaluate(() => performance.getEntriesByName('coalex-index-ready')[0].startTime);
  const search = await page.evaluate(async () => {
    const t = performance.now();
    const q = document.getElementById('q');
    q.value = 'lisse';
    q.dispatchEvent(new Event('input'));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return { ms: performance.now() - t, count: document.getElementById('count').textContent };
  });
  await page.waitForFunction(() => document.readyState !== 'loading');
  const domContentLoaded = await page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd);
  const open = await page.evaluate(async (id) => {
    const t = performance.now();
    location.hash = `#doc/${id}`;
    while (document.documentElement.dataset.doc !== id) await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - t;
  }, results[documents - 2].record.id);
  const longTasks = await page.evaluate(() => window.__longTasks);
  samples.push({ ready, domContentLoaded, search: search.ms, count: search.count, open, longest: Math.max(0, ...longTasks), errors });
  await page.close();
}
await browser.close();

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (ms) => Math.round(ms);
process.stdout.write(`${JSON.stringify({
  documents,
  reportMegabytes: Math.round(megabytes * 10) / 10,
  buildMs: round(buildMs),
  runs,
  navigationToIndexInteractiveMs: round(median(samples.map((s) => s.ready))),
  allDataReadMs: round(median(samples.map((s) => s.domContentLoaded))),
  longestTaskMs: round(median(samples.map((s) => s.longest))),
  searchMs: round(median(samples.map((s) => s.search))),
  searchResult: samples[0].count,
  openDocumentMs: round(median(samples.map((s) => s.open))),
  samples: samples.map((s) => ({ ready: round(s.ready), allDataRead: round(s.domContentLoaded), longestTask: s.longest, search: round(s.search), open: round(s.open), errors: s.errors })),
}, null, 2)}\n`);
