// How kyr's own lines read on a phone 360 px wide: each language's state
// on the index, the print lists, the footer's lines and the sources, in
// headless Chromium over file://. For every such line it reads the
// computed direction, the languages of its text (text in an isolate with
// no language of its own, such as a file name or a phone number, is
// neither), where its first line starts, and the boxes of its words and
// isolates in reading order.
//
// A line whose text is in one language must run in that language's
// direction and start at that direction's start edge, and its words and
// isolates must follow each other the way that language reads: on one
// line each after the last in its direction, or on a lower line. Text
// laid out in the other direction breaks this as soon as it wraps (two
// sentences run into each other, a file name lands mid-sentence).
//
// usage: node lines.mjs <site folder> <screenshot folder> <page>...
//
// Prints one JSON object on stdout: { pages: [{ path, shot, lines: [{ what,
// within, text, dir, langs, expected, gap, breaks, failures }] }] }; exits 1 when a
// line fails or a page has no such line, 2 on a usage or launch error.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';
import { expectedDir } from './direction.mjs';

// The narrowest phones still in use.
const VIEWPORT = { width: 360, height: 800 };
// kyr's own lines, on the index and on a document's page.
const LINES = [
  '.index section > .state',
  '.index section li',
  'section.print h2',
  'section.print li',
  '.notice p',
  'footer p',
  'footer h2',
  '.sources li',
].join(', ');

const [site, shots, ...pages] = process.argv.slice(2);
if (!site || !shots || pages.length === 0) {
  process.stderr.write('usage: node lines.mjs <site folder> <screenshot folder> <page>...\n');
  process.exit(2);
}
fs.mkdirSync(shots, { recursive: true });

/** In the page: every line's direction, languages, start and reading order. */
function readLines(selector) {
  // An isolate with no language of its own: a variable, a file name.
  const neutral = (node, line) => {
    for (let e = node.parentElement; e && e !== line; e = e.parentElement) {
      if ((e.localName === 'bdi' || e.hasAttribute('dir')) && !e.hasAttribute('lang')) return e;
    }
    return null;
  };
  const boxes = (rects) => [...rects].filter((r) => r.width > 0 && r.height > 0);
  return [...document.querySelectorAll(selector)].map((line) => {
    const style = getComputedStyle(line);
    const langs = new Set();
    const units = [];
    const seen = new Set();
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.data.trim()) continue;
      const isolate = neutral(node, line);
      if (isolate) {
        if (seen.has(isolate)) continue;
        seen.add(isolate);
        const rects = boxes(isolate.getClientRects());
        if (rects.length) units.push({ text: isolate.textContent, rects });
        continue;
      }
      langs.add(node.parentElement.closest('[lang]')?.getAttribute('lang') ?? '');
      for (const word of node.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const rects = boxes(range.getClientRects());
        if (rects.length) units.push({ text: word[0], rects });
      }
    }
    const box = line.getBoundingClientRect();
    const px = (name) => parseFloat(style[name]) || 0;
    const content = {
      left: box.left + px('borderLeftWidth') + px('paddingLeft'),
      right: box.right - px('borderRightWidth') - px('paddingRight'),
    };
    const plain = (r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
    return {
      what: `${line.localName}${line.className ? `.${line.className}` : ''}`,
      // The language of the page, or of the index's section, it is in.
      within: (line.closest('section[lang]') ?? document.documentElement).getAttribute('lang'),
      text: line.textContent.trim().replace(/\s+/g, ' '),
      dir: style.direction,
      align: style.textAlign,
      langs: [...langs],
      content,
      units: units.map((u) => ({ text: u.text, first: plain(u.rects[0]), last: plain(u.rects.at(-1)) })),
    };
  });
}

/** Where reading order breaks: a unit that is not after the one before it. */
function orderBreaks(units, dir) {
  const breaks = [];
  for (let i = 1; i < units.length; i += 1) {
    const a = units[i - 1].last;
    const b = units[i].first;
    const middle = (r) => (r.top + r.bottom) / 2;
    const sameLine = Math.abs(middle(a) - middle(b)) < Math.min(a.bottom - a.top, b.bottom - b.top) / 2;
    const after = sameLine
      ? dir === 'ltr'
        ? b.left >= a.right - 1
        : b.right <= a.left + 1
      : middle(b) > middle(a);
    if (!after) breaks.push(`${units[i - 1].text} → ${units[i].text}`);
  }
  return breaks;
}

/** What is wrong with a line, from what `readLines` found. */
function judge(line) {
  const failures = [];
  const expected = line.langs.length === 1 ? expectedDir(line.langs[0]) : null;
  if (expected && line.dir !== expected) {
    failures.push(`${line.langs[0]} text laid out ${line.dir}`);
  }
  const dir = expected ?? line.dir;
  // The first line starts at the start edge of its direction.
  const first = line.units[0]?.first;
  let gap = null;
  if (first) {
    const onFirst = line.units
      .map((u) => u.first)
      .filter((r) => Math.abs(r.top - first.top) < (first.bottom - first.top) / 2);
    gap =
      dir === 'ltr'
        ? Math.min(...onFirst.map((r) => r.left)) - line.content.left
        : line.content.right - Math.max(...onFirst.map((r) => r.right));
    if (Math.abs(gap) > 1.5) failures.push(`starts ${gap.toFixed(1)} px from its ${dir} start edge`);
  }
  const breaks = orderBreaks(line.units, dir);
  for (const b of breaks) failures.push(`reads out of order in ${dir}: ${b}`);
  return { ...line, expected, gap, breaks, failures };
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }).catch((e) => {
  process.stderr.write(`cannot launch ${CHROMIUM}: ${e.message}\n`);
  process.exit(2);
});
const results = [];
let failed = false;
try {
  const context = await browser.newContext({ viewport: VIEWPORT });
  for (const rel of pages) {
    const page = await context.newPage();
    await page.goto(pathToFileURL(path.join(site, rel)).href);
    await page.evaluate(() => document.fonts.ready);
    const lines = (await page.evaluate(readLines, LINES)).map(judge);
    const shot = path.join(shots, `${rel.replace(/\.html$/, '').replaceAll('/', '-')}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    await page.close();
    if (lines.length === 0) {
      process.stderr.write(`${rel}: no line to check\n`);
      failed = true;
    }
    for (const line of lines) {
      for (const f of line.failures) {
        process.stderr.write(`${rel}: ${line.what} "${line.text.slice(0, 60)}": ${f}\n`);
        failed = true;
      }
    }
    results.push({
      path: rel,
      shot,
      lines: lines.map(({ units, content, ...line }) => line),
    });
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify({ pages: results }, null, 2));
if (failed) process.exit(1);
