// Opens a page of a running `kyr serve` that has problems, 360 px wide as
// on a phone, and checks the problems box the server adds at its top: it
// is shown, at the top of the page and inside the screen, in the language
// and direction it says, its file names read left to right, the page is
// no wider than the screen, and the server's security policy blocks
// nothing (the box's style is allowed by its hash).
//
// usage: node problems.mjs <page URL> <screenshot file> [Accept-Language]
//
// Prints one JSON result on stdout; exits 1 when a check fails (summary
// on stderr), 2 on a usage or launch error.

import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const [url, screenshot, language] = process.argv.slice(2);
if (!url || !screenshot) {
  process.stderr.write('error: missing argument\nusage: node problems.mjs <page URL> <screenshot file> [Accept-Language]\n');
  process.exit(2);
}

let browser;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
} catch (e) {
  process.stderr.write(`error: cannot start Chromium: ${e.message}\n`);
  process.exit(2);
}
const width = 360;
const context = await browser.newContext({
  viewport: { width, height: 740 },
  extraHTTPHeaders: language ? { 'Accept-Language': language } : {},
});
const page = await context.newPage();
const blocked = [];
const errors = [];
page.on('console', (m) => {
  if (/Content Security Policy|Refused to/i.test(m.text())) blocked.push(m.text());
});
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto(url, { waitUntil: 'load' });
const seen = await page.evaluate(() => {
  const box = document.querySelector('aside.kyr-problems');
  if (!box) return { found: false };
  const rect = box.getBoundingClientRect();
  const place = box.querySelector('bdi');
  const style = getComputedStyle(box);
  return {
    found: true,
    lang: box.lang,
    dir: style.direction,
    pageDir: getComputedStyle(document.documentElement).direction,
    top: rect.top,
    left: rect.left,
    right: rect.right,
    height: rect.height,
    styled: style.borderTopStyle === 'solid' && style.fontFamily.includes('system-ui'),
    first: document.body.firstElementChild === box,
    place: place ? place.textContent : null,
    placeDir: place ? getComputedStyle(place).direction : null,
    detailDir: (() => { const d = box.querySelector(".kyr-detail > span[lang=en]"); return d ? getComputedStyle(d).direction + " " + getComputedStyle(d).display : null; })(),
    heading: box.querySelector('summary').innerText,
    scrollWidth: document.documentElement.scrollWidth,
  };
});
await page.screenshot({ path: screenshot, fullPage: false });
await browser.close();
const result = { blocked, errors, ...seen };
process.stdout.write(`${JSON.stringify(result)}\n`);
const failed = [];
if (!seen.found) failed.push('no problems box');
else {
  if (!seen.first) failed.push('the box is not the first thing in the body');
  if (seen.top < 0 || seen.top > 40) failed.push(`the box is not at the top: ${seen.top}px`);
  if (seen.left < 0 || seen.right > width) failed.push(`the box leaves the screen: ${seen.left}..${seen.right}`);
  if (seen.scrollWidth > width) failed.push(`the page is ${seen.scrollWidth}px wide`);
  if (!seen.styled) failed.push('the box has not its own style');
  if (seen.placeDir !== 'ltr') failed.push(`the file name reads ${seen.placeDir}`);
  if (seen.detailDir !== 'ltr block') failed.push(`kyr's English words read ${seen.detailDir}, not as a left-to-right block of their own`);
}
if (blocked.length) failed.push(`the policy blocked: ${blocked.join(' | ')}`);
if (errors.length) failed.push(`script errors: ${errors.join(' | ')}`);
if (failed.length) {
  process.stderr.write(`${failed.join('\n')}\n`);
  process.exit(1);
}
