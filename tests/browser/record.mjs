// Records a message on the recording page of a running `kyr serve`, as a
// volunteer does on a phone (360 px wide), then checks the page after.
//
// usage: node record.mjs <page URL> <screenshot folder> [<recording>]
//
// Without <recording>: the microphone (Chromium's fake one, a beep, and
// its fake permission prompt, always yes), ~1.5 s of the message. With
// it: the file the phone's own recorder made, chosen through the page's
// file input. Either way the take is played back, saved, and the page
// must move to the next message saying so; back on the saved message, it
// must show its recording, as kept, in its one player, and play it.
//
// Prints one JSON result on stdout (what the pages said and showed, the
// script errors and requests seen); exits 1 when a check fails (summary
// on stderr), 2 on a usage or launch error.

import fs from 'node:fs';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const PHONE = { width: 360, height: 740 };

const [url, shots, recording] = process.argv.slice(2);
if (!url || !shots) {
  process.stderr.write('error: missing arguments\nusage: node record.mjs <page URL> <screenshot folder> [<recording>]\n');
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

// Whether the page's one player plays what it holds.
function plays(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const player = document.getElementById('player');
    player.addEventListener('playing', () => resolve(true), { once: true });
    player.addEventListener('error', () => resolve(false), { once: true });
    player.play().catch(() => resolve(false));
    setTimeout(() => resolve(false), 5000);
  }));
}

// The page's players: how many, and how many show.
function players(page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('audio')];
    return { count: all.length, shown: all.filter((a) => a.getBoundingClientRect().height > 0).length };
  });
}

const failures = [];
const result = { url, errors: [], requests: [], mode: recording ? 'file' : 'microphone' };
try {
  const page = await browser.newPage({ viewport: PHONE });
  page.on('pageerror', (e) => result.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') result.errors.push(m.text()); });
  page.on('request', (r) => result.requests.push(`${r.method()} ${r.url()}`));

  const response = await page.goto(url);
  result.status = response.status();
  result.lang = await page.getAttribute('html', 'lang');
  result.title = await page.textContent('h1');
  result.position = await page.textContent('#position');
  result.text = await page.textContent('#text');
  result.before = { state: await page.textContent('#state'), players: await players(page) };
  result.wide = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.screenshot({ path: path.join(shots, 'before.png'), fullPage: true });

  if (recording) {
    await page.setInputFiles('#file', recording);
  } else {
    await page.click('#record');
    await page.waitForFunction(() => !document.getElementById('stop').disabled, null, { timeout: 10000 });
    await page.waitForTimeout(1500);
    await page.click('#stop');
    result.mime = await page.evaluate(() => new Promise((resolve) => {
      const wait = () => (document.getElementById('recorder').dataset.mime ? resolve(document.getElementById('recorder').dataset.mime) : setTimeout(wait, 100));
      wait();
    }));
  }
  await page.waitForFunction(() => !document.getElementById('save').disabled, null, { timeout: 10000 });
  result.take = { said: await page.textContent('#status'), label: await page.textContent('#player-label'), players: await players(page) };
  // Play the take back, as the volunteer does before saving.
  result.take.played = await plays(page);
  await page.screenshot({ path: path.join(shots, 'take.png'), fullPage: true });

  // Save: the page moves to the next message, and says so.
  const first = new URL(page.url());
  await Promise.all([
    page.waitForURL((u) => u.searchParams.get('saved') === (first.searchParams.get('at') || '1'), { timeout: 30000 }).catch(() => {}),
    page.click('#save'),
  ]);
  result.after = { url: page.url(), status: await page.textContent('#status') };
  result.after.saved = await page.$eval('#saved', (e) => e.textContent).catch(() => null);
  result.after.position = await page.textContent('#position').catch(() => null);
  await page.screenshot({ path: path.join(shots, 'next.png'), fullPage: true });

  // Back on the saved message: recorded, its recording in the one player.
  await page.click('#prev');
  await page.waitForLoadState();
  result.back = {
    state: await page.textContent('#state'),
    src: await page.getAttribute('#player', 'src'),
    label: await page.textContent('#player-label'),
    players: await players(page),
  };
  result.back.played = await plays(page);
  await page.screenshot({ path: path.join(shots, 'recorded.png'), fullPage: true });

  if (result.status !== 200) failures.push(`the page answered ${result.status}`);
  if (result.wide > PHONE.width) failures.push(`the page is ${result.wide} px wide on a ${PHONE.width} px phone`);
  if (result.before.players.count !== 1) failures.push(`the page has ${result.before.players.count} players`);
  if (!result.take.played) failures.push('the take did not play back');
  if (result.take.players.shown !== 1) failures.push(`${result.take.players.shown} players show the take`);
  if (!result.after.saved) failures.push(`the page did not move on saying it saved: ${JSON.stringify(result.after)}`);
  if (!result.back.src) failures.push('the saved message has no recording in its player');
  if (!result.back.played) failures.push('the saved recording does not play');
  if (result.back.players.count !== 1 || result.back.players.shown !== 1) failures.push(`the saved message shows ${JSON.stringify(result.back.players)} players`);
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
