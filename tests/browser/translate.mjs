// Translates a message on the translation page of a running `kyr serve`,
// as a volunteer does on a phone (Chromium, 360 px wide): types into the
// field, sees the mistake explained beside it (bold left open, then the
// hotline left out), fixes it on two lines with the hotline's chip, saves,
// and the page moves to the next message.
//
// usage: node translate.mjs <page URL> <screenshot folder>
//
// Prints one JSON result on stdout (what the page showed and said, the
// requests it made, the script errors seen); exits 1 when a check fails
// (summary on stderr), 2 on a usage or launch error.

import fs from 'node:fs';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const [url, shots] = process.argv.slice(2);
if (!url || !shots) {
  process.stderr.write('error: missing arguments\nusage: node translate.mjs <page URL> <screenshot folder>\n');
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

// Fluent isolates the names it puts into sentences.
const plain = (text) => (text || '').replace(/[\u2068\u2069]/g, '').trim();

const failures = [];
const result = { url, errors: [], requests: [] };
try {
  const page = await browser.newPage({ viewport: { width: 360, height: 780 } });
  page.on('pageerror', (e) => result.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') result.errors.push(m.text()); });
  page.on('request', (r) => result.requests.push(`${r.method()} ${r.url()}`));

  const response = await page.goto(url);
  result.status = response.status();
  result.lang = await page.getAttribute('html', 'lang');
  result.position = plain(await page.textContent('#position'));
  result.bridge = plain(await page.textContent('#bridge'));
  result.today = plain(await page.textContent('#today'));
  result.width = await page.evaluate(() => document.documentElement.scrollWidth);

  // A mistake: bold opened and not closed.
  await page.click('#field');
  await page.keyboard.type('Bul xaatim **dara. Woo ');
  await page.waitForSelector('#findings li.error', { timeout: 10000 });
  result.mistake = plain(await page.textContent('#findings li.error'));
  result.mistakeSaveDisabled = await page.isDisabled('#save');
  await page.screenshot({ path: path.join(shots, 'mistake.png'), fullPage: true });

  // Fixed, but the hotline is left out: a warning.
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('Bul xaatim **dara**.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Woo ');
  await page.waitForFunction(() => {
    const li = document.querySelector('#findings li');
    return li && li.classList.contains('warning');
  }, null, { timeout: 10000 });
  result.warning = plain(await page.textContent('#findings li.warning'));
  await page.screenshot({ path: path.join(shots, 'hotline-left-out.png'), fullPage: true });

  // The hotline put in with its chip: nothing left to say.
  await page.click('.add-chip[data-var="hotline"]');
  await page.keyboard.type('.');
  await page.waitForSelector('#findings li.ok', { timeout: 10000 });
  result.fixed = plain(await page.textContent('#findings li.ok'));
  result.preview = await page.innerHTML('#preview');
  result.saveDisabled = await page.isDisabled('#save');
  await page.screenshot({ path: path.join(shots, 'fixed.png'), fullPage: true });

  await page.click('#save');
  await page.waitForFunction(() => document.getElementById('status').classList.contains('ok'), null, { timeout: 30000 });
  result.said = plain(await page.textContent('#status'));
  await page.waitForURL(/at=6$/, { timeout: 10000 });
  result.movedTo = page.url();
  result.nextPosition = plain(await page.textContent('#position'));
  result.width = Math.max(result.width, await page.evaluate(() => document.documentElement.scrollWidth));
  await page.screenshot({ path: path.join(shots, 'next.png'), fullPage: true });
} catch (e) {
  failures.push(`the page did not work: ${e.message}`);
}
await browser.close();

if (result.errors.length) { failures.push(`script errors: ${result.errors.join('; ')}`); }
const origin = new URL(url).origin;
const elsewhere = result.requests.filter((r) => !r.split(' ')[1].startsWith(origin));
if (elsewhere.length) { failures.push(`requests off the server: ${elsewhere.join(', ')}`); }
if (result.width > 360) { failures.push(`the page is ${result.width} px wide on a 360 px phone`); }
process.stdout.write(JSON.stringify(result));
if (failures.length) {
  process.stderr.write(failures.join('\n') + '\n');
  process.exit(1);
}
