// Records a message on the recording page of a running `kyr serve`, as a
// volunteer does: Chromium's fake microphone (a beep) and its fake
// permission prompt (always yes), ~1.5 s of the first message, the take
// played back, then saved; the page must say it was saved.
//
// usage: node record.mjs <page URL> <screenshot folder>
//
// Prints one JSON result on stdout (the MediaRecorder's mime type, what
// the page said, the script errors seen); exits 1 when a check fails
// (summary on stderr), 2 on a usage or launch error.

import fs from 'node:fs';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS, VIEWPORT } from './chromium.mjs';

const [url, shots] = process.argv.slice(2);
if (!url || !shots) {
  process.stderr.write('error: missing arguments\nusage: node record.mjs <page URL> <screenshot folder>\n');
  process.exit(2);
}
fs.mkdirSync(shots, { recursive: true });

let browser;
try {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
} catch (e) {
  process.stderr.write(`error: cannot start Chromium: ${e.message}\n`);
  process.exit(2);
}

const failures = [];
const result = { url, errors: [], requests: [] };
try {
  const page = await browser.newPage({ viewport: VIEWPORT });
  page.on('pageerror', (e) => result.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') result.errors.push(m.text()); });
  page.on('request', (r) => result.requests.push(`${r.method()} ${r.url()}`));

  const response = await page.goto(url);
  result.status = response.status();
  result.position = await page.textContent('#position');
  result.text = await page.textContent('#text');
  result.supports = await page.evaluate(() => ({
    ogg: MediaRecorder.isTypeSupported('audio/ogg;codecs=opus'),
    webm: MediaRecorder.isTypeSupported('audio/webm;codecs=opus'),
  }));

  await page.click('#record');
  await page.waitForFunction(() => !document.getElementById('stop').disabled, null, { timeout: 10000 });
  await page.waitForTimeout(1500);
  await page.click('#stop');
  await page.waitForFunction(() => !document.getElementById('save').disabled, null, { timeout: 10000 });
  result.mime = await page.evaluate(() => document.getElementById('recorder').dataset.mime);

  // Play the take back, as the volunteer does before saving.
  result.played = await page.evaluate(() => new Promise((resolve) => {
    const take = document.getElementById('take');
    take.addEventListener('playing', () => resolve(true), { once: true });
    take.addEventListener('error', () => resolve(false), { once: true });
    take.play().catch(() => resolve(false));
    setTimeout(() => resolve(false), 5000);
  }));
  await page.screenshot({ path: path.join(shots, 'recorded.png'), fullPage: true });

  await page.click('#save');
  await page.waitForFunction(() => /^Saved|^Not saved/.test(document.getElementById('status').textContent), null, { timeout: 30000 });
  result.said = await page.textContent('#status');
  result.state = await page.textContent('#state');
  await page.screenshot({ path: path.join(shots, 'saved.png'), fullPage: true });

  if (result.status !== 200) failures.push(`the page answered ${result.status}`);
  if (!result.played) failures.push('the take did not play back');
  if (!/^Saved/.test(result.said)) failures.push(`the page said: ${result.said}`);
  if (result.errors.length) failures.push(`script errors: ${result.errors.join('; ')}`);
  for (const r of result.requests) {
    if (!/^(GET|POST) (http:\/\/(127\.0\.0\.1|localhost):\d+\/|blob:|data:)/.test(r)) failures.push(`request elsewhere: ${r}`);
  }
} catch (e) {
  failures.push(`${e.message}`);
} finally {
  await browser.close();
}

process.stdout.write(JSON.stringify(result, null, 2) + '\n');
if (failures.length) {
  process.stderr.write(failures.map((f) => `record.mjs: ${f}`).join('\n') + '\n');
  process.exit(1);
}
