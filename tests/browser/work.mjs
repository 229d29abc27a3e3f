// Opens the work index of a running `kyr serve` (`/`) on a phone, 360 px
// wide, and reports its languages (name, tag, direction, in page order)
// and the links to the next thing to do, then follows the first link to
// a recording page.
//
// usage: node work.mjs <server URL> <screenshot folder>
//
// Prints one JSON result on stdout; exits 1 when a check fails (summary
// on stderr), 2 on a usage or launch error.

import fs from 'node:fs';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const PHONE = { width: 360, height: 740 };

const [url, shots] = process.argv.slice(2);
if (!url || !shots) {
  process.stderr.write('error: missing arguments\nusage: node work.mjs <server URL> <screenshot folder>\n');
  process.exit(2);
}
fs.mkdirSync(shots, { recursive: true });

let browser;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
} catch (e) {
  process.stderr.write(`error: cannot start Chromium: ${e.message}\n`);
  process.exit(2);
}

const failures = [];
const result = { url, errors: [] };
try {
  const page = await browser.newPage({ viewport: PHONE, locale: 'fr-FR' });
  page.on('pageerror', (e) => result.errors.push(e.message));
  // A missing file is said by its address below, not by the console.
  page.on('console', (m) => { if (m.type() === 'error' && !/^Failed to load resource/.test(m.text())) result.errors.push(m.text()); });
  result.missing = [];
  page.on('response', (r) => { if (r.status() >= 400) result.missing.push(`${r.status()} ${r.url()}`); });
  const response = await page.goto(url);
  result.status = response.status();
  result.lang = await page.getAttribute('html', 'lang');
  result.heading = await page.textContent('h1');
  result.languages = await page.$$eval('section.work-language h2', (hs) => hs.map((h) => ({
    name: h.textContent, tag: h.lang, dir: getComputedStyle(h).direction,
  })));
  result.next = await page.$$eval('a.next', (as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })));
  result.wide = await page.evaluate(() => document.documentElement.scrollWidth);
  // Every language's own name is drawn with a font that has its letters:
  // kyr's own Adlam and Arabic faces, served by kyr serve, on a phone
  // that has none.
  await page.evaluate(() => document.fonts.ready);
  result.fonts = await page.evaluate(async () => {
    const faces = {};
    for (const [family, sample] of [['kyr Noto Sans Adlam', '\u{1E900}'], ['kyr Noto Naskh Arabic', '\u0627']]) {
      const loaded = await document.fonts.load(`18px "${family}"`, sample);
      faces[family] = loaded.some((f) => f.status === 'loaded');
    }
    return faces;
  });
  await page.screenshot({ path: path.join(shots, 'work.png'), fullPage: true });
  const record = await page.$('a.next-record');
  if (record) {
    await Promise.all([page.waitForLoadState(), record.click()]);
    result.followed = { url: page.url(), position: await page.textContent('#position').catch(() => null) };
  }
  // The built site's own index, still served at /index.html.
  const site = await page.goto(new URL('index.html', url).href);
  result.site = { status: site.status(), work: (await page.content()).includes('work-language') };
  if (result.status !== 200) failures.push(`the index answered ${result.status}`);
  if (result.wide > PHONE.width) failures.push(`the index is ${result.wide} px wide on a ${PHONE.width} px phone`);
  if (result.missing.length) failures.push(`not found: ${result.missing.join(', ')}`);
  if (result.errors.length) failures.push(`script errors: ${result.errors.join('; ')}`);
  for (const [family, loaded] of Object.entries(result.fonts)) {
    if (!loaded) failures.push(`the font ${family} was not loaded from kyr serve`);
  }
} catch (e) {
  failures.push(`${e.message}`);
} finally {
  await browser.close();
}

process.stdout.write(JSON.stringify(result, null, 2) + '\n');
if (failures.length) {
  process.stderr.write(failures.map((f) => `work.mjs: ${f}`).join('\n') + '\n');
  process.exit(1);
}
