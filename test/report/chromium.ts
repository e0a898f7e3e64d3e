/** Debian's Chromium for the review page's browser tests, driven by playwright-core. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where Debian installs Chromium (`apt-get install chromium`, or `.ci/install-chromium`). */
export const CHROMIUM = '/usr/bin/chromium';

/** Launch flags: headless, no sandbox (containers), and no network of its own. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Starts Chromium; a missing browser is an error that says how to install it, never a silent skip. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The browser tests need Chromium at ${CHROMIUM}, which is missing: run \`.ci/install-chromium\` (or \`apt-get install chromium\`).`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A page that collects console errors and uncaught exceptions into `errors`. */
export async function watchedPage(browser: Browser, errors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) errors.push(`request: ${request.url()}`);
  });
  return page;
}

/** Opens `file` (a report.html) at `hash` and waits until its script has drawn the index (and opened the document). */
export async function openReport(page: Page, file: string, hash = ''): Promise<void> {
  await page.goto(`file://${file}${hash}`);
  await page.waitForSelector('html[data-ready="true"]');
  const doc = /^#doc\/([^/]+)/u.exec(hash);
  if (doc) await page.waitForSelector(`html[data-doc="${doc[1]}"]`);
}
