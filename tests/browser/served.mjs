// Opens a page of a running `kyr serve` as a reader does, and checks what
// the server adds to it: the page's own style applies under the server's
// security policy, nothing is blocked by it, and the page reloads itself
// once the site is rebuilt (the test rebuilds it when this script prints
// `loaded`).
//
// usage: node served.mjs <page URL>
//
// Prints `loaded`, then one JSON result on stdout (the policy violations
// and script errors seen, the body's font family, whether it reloaded);
// exits 1 when a check fails (summary on stderr), 2 on a usage or launch
// error.

import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS, VIEWPORT } from './chromium.mjs';

const [url] = process.argv.slice(2);
if (!url) {
  process.stderr.write('error: missing argument\nusage: node served.mjs <page URL>\n');
  process.exit(2);
}

let browser;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
} catch (e) {
  process.stderr.write(`error: cannot start Chromium: ${e.message}\n`);
  process.exit(2);
}
const page = await browser.newPage({ viewport: VIEWPORT });
const blocked = [];
const errors = [];
page.on('console', (m) => {
  if (/Content Security Policy|Refused to/i.test(m.text())) blocked.push(m.text());
});
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto(url, { waitUntil: 'load' });
const styled = await page.evaluate(() => ({
  font: getComputedStyle(document.body).fontFamily,
  margin: getComputedStyle(document.body).marginTop,
  sheets: document.styleSheets.length,
}));
const reloaded = page.waitForEvent('load', { timeout: 60000 }).then(() => true, () => false);
process.stdout.write('loaded\n');
const result = { blocked, errors, styled, reloaded: await reloaded };
process.stdout.write(`${JSON.stringify(result)}\n`);
await browser.close();
const failed = [];
if (blocked.length) failed.push(`the policy blocked: ${blocked.join(' | ')}`);
if (errors.length) failed.push(`script errors: ${errors.join(' | ')}`);
if (!result.reloaded) failed.push('the page did not reload after the rebuild');
if (failed.length) {
  process.stderr.write(`${failed.join('\n')}\n`);
  process.exit(1);
}
