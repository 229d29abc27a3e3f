// Which fonts headless Chromium really draws a piece of a page with, when
// the page is opened over file:// from a kyr `out/` folder: the web fonts
// the page declares (`document.fonts`), the fonts Chromium used for the
// element's glyphs (DevTools' CSS.getPlatformFontsForNode), a screenshot of
// the element with the page's fonts and one with its @font-face rules taken
// out, and the width of its longest word in the probe's script joined and
// with its letters kept apart (U+200C), which differ only when the font
// joins them (Arabic and Adlam are both written joined).
//
// usage: node fonts.mjs <site folder> <screenshot folder> <probe>...
// where a probe is `<page>|<CSS selector>|<script>`: the first element the
// selector matches whose text holds a letter of that Unicode script
// (`Adlam`, `Arabic`, `Latin`).
//
// Prints one JSON object on stdout: { probes: [{ path, selector, script,
// text, faces, used, usedWithout, shot, shotWithout, joining }] }; exits 1
// when a probe finds no such element, 2 on a usage or launch error.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS, VIEWPORT } from './chromium.mjs';


const [site, shots, ...probes] = process.argv.slice(2);
if (!site || !shots || probes.length === 0) {
  process.stderr.write('usage: node fonts.mjs <site folder> <screenshot folder> <page>|<selector>|<script>...\n');
  process.exit(2);
}
fs.mkdirSync(shots, { recursive: true });

/** The fonts Chromium drew `selector`'s text with: family, custom or not, glyphs. */
async function usedFonts(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  // The element reports the fonts of all the text inside it.
  const { fonts: all } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return all.map((f) => ({ family: f.familyName, custom: f.isCustomFont, glyphs: f.glyphCount }));
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }).catch((e) => {
  process.stderr.write(`cannot launch ${CHROMIUM}: ${e.message}\n`);
  process.exit(2);
});
const results = [];
let missing = false;
try {
  const context = await browser.newContext({ viewport: VIEWPORT });
  for (const probe of probes) {
    const [rel, selector, script] = probe.split('|');
    const page = await context.newPage();
    await page.goto(pathToFileURL(path.join(site, rel)).href);
    await page.evaluate(() => document.fonts.ready);
    const text = await page.evaluate(
      ({ selector, script }) => {
        const letter = new RegExp(`\\p{Script=${script}}`, 'u');
        const element = [...document.querySelectorAll(selector)].find((e) => letter.test(e.textContent));
        if (!element) return null;
        element.setAttribute('data-probe', '');
        return element.textContent;
      },
      { selector, script },
    );
    if (text === null) {
      process.stderr.write(`${rel}: no \`${selector}\` holds ${script} text\n`);
      missing = true;
      await page.close();
      continue;
    }
    const faces = await page.evaluate(() =>
      [...document.fonts].map((f) => ({ family: f.family.replace(/"/g, ''), weight: f.weight, status: f.status })),
    );
    const element = page.locator('[data-probe]');
    const name = `${rel}-${script}`.replace(/[^A-Za-z0-9-]/g, '_');
    const shot = path.join(shots, `${name}.png`);
    await element.screenshot({ path: shot });
    const used = await usedFonts(page, '[data-probe]');

    // Arabic and Adlam join: the longest word, whole and with its letters
    // kept apart, in the element's font.
    const joining = await page.evaluate((script) => {
      const probe = document.querySelector('[data-probe]');
      const words = probe.textContent.match(new RegExp(`\\p{Script=${script}}+`, 'gu')) || [];
      const word = words.sort((a, b) => b.length - a.length)[0];
      if (!word) return null;
      const width = (text) => {
        const span = document.createElement('span');
        span.textContent = text;
        span.style.font = getComputedStyle(probe).font;
        span.style.whiteSpace = 'nowrap';
        probe.append(span);
        const w = span.getBoundingClientRect().width;
        span.remove();
        return w;
      };
      // The pixels that differ between the two drawn in the element's
      // font: joined forms differ from apart ones even where their
      // widths are the same (Adlam's).
      const draw = (text, w) => {
        const canvas = document.createElement('canvas');
        canvas.width = w;
        canvas.height = 100;
        const g = canvas.getContext('2d');
        g.font = getComputedStyle(probe).font;
        g.fillText(text, 10, 70);
        return g.getImageData(0, 0, canvas.width, canvas.height).data;
      };
      const apart = [...word].join('\u200c');
      const w = Math.ceil(Math.max(width(word), width(apart))) + 20;
      const [a, b] = [draw(word, w), draw(apart, w)];
      let differing = 0;
      for (let i = 3; i < a.length; i += 4) if (a[i] !== b[i]) differing += 1;
      return { word, joined: width(word), apart: width(apart), differing };
    }, script);

    // The same element without the page's @font-face rules: what a reader
    // without the fonts would see.
    await page.evaluate(() => {
      for (const style of document.querySelectorAll('style')) {
        style.textContent = style.textContent.replace(/@font-face\{[^}]*\}\n?/g, '');
      }
    });
    await page.evaluate(() => document.fonts.ready);
    const shotWithout = path.join(shots, `${name}-without-fonts.png`);
    await element.screenshot({ path: shotWithout });
    const usedWithout = await usedFonts(page, '[data-probe]');
    results.push({ path: rel, selector, script, text, faces, used, usedWithout, shot, shotWithout, joining });
    await page.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify({ probes: results }, null, 2));
if (missing) process.exit(1);
