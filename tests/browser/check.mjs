// Opens every page of a built kyr site in headless Chromium, the way a
// reader does from a USB stick (file://, no network), and checks what the
// reader gets: the reading direction of the locale, no request leaving the
// machine, no script error, no serious accessibility problem (axe-core), no
// file name of a print link broken across lines.
//
// usage: node check.mjs [--with-text] <site folder> <screenshot folder>
//
// <site folder> is a kyr `out/` folder: `index.html` (reference locale `en`)
// and `<locale>/<doc>.html`. Prints one JSON result on stdout; exits 1 when
// a check fails (summary on stderr), 2 on a usage or launch error.
// --with-text adds each page's visible text (`body.innerText`) to the JSON.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS, VIEWPORT } from './chromium.mjs';
import { expectedDir } from './direction.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

const REFERENCE_LOCALE = 'en';
// Schemes a page opened from a USB stick may load without leaving the machine.
const LOCAL = /^(file|data|about):/i;
const FAILING_IMPACTS = new Set(['serious', 'critical']);

function usage(message) {
  process.stderr.write(`error: ${message}\nusage: node check.mjs [--with-text] <site folder> <screenshot folder>\n`);
  process.exit(2);
}

/** `index.html` and `<locale>/<doc>.html`, sorted, with their locale. */
function findPages(site) {
  const pages = [];
  if (fs.existsSync(path.join(site, 'index.html'))) {
    pages.push({ rel: 'index.html', locale: REFERENCE_LOCALE });
  }
  for (const entry of fs.readdirSync(site, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const file of fs.readdirSync(path.join(site, entry.name))) {
      if (file.endsWith('.html')) {
        pages.push({ rel: `${entry.name}/${file}`, locale: entry.name });
      }
    }
  }
  return pages.sort((a, b) => a.rel.localeCompare(b.rel));
}

async function checkPage(context, site, shots, { rel, locale }, withText) {
  const result = {
    path: rel,
    locale,
    expected_dir: expectedDir(locale),
    lang: null,
    dir: null,
    main_dir: null,
    requests: [],
    blocked: [],
    console_errors: [],
    page_errors: [],
    dialogs: [],
    active_content: [],
    broken_file_names: [],
    violations: [],
    screenshot: null,
    failures: [],
  };
  const page = await context.newPage();
  page.on('request', (r) => result.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') result.console_errors.push(m.text());
  });
  page.on('pageerror', (e) => result.page_errors.push(String(e)));
  page.on('dialog', (d) => {
    result.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  try {
    const url = pathToFileURL(path.join(site, rel)).href;
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    Object.assign(
      result,
      await page.evaluate(() => {
        const html = document.documentElement;
        const main = document.querySelector('main') ?? document.body;
        // Anything that could run or load something; counted before axe
        // adds its own script.
        const active = [];
        for (const el of document.querySelectorAll('*')) {
          const tag = el.localName;
          if (['script', 'iframe', 'object', 'embed', 'frame'].includes(tag)) active.push(`<${tag}>`);
          for (const a of el.attributes) {
            if (a.name.startsWith('on')) active.push(`<${tag} ${a.name}>`);
          }
        }
        // A file name to print, laid out on more than one line, reads
        // out of order in right-to-left text.
        const broken = [...document.querySelectorAll('.print a')]
          .filter((a) => a.getClientRects().length > 1)
          .map((a) => a.textContent);
        return {
          lang: html.getAttribute('lang'),
          dir: getComputedStyle(html).direction,
          main_dir: getComputedStyle(main).direction,
          active_content: active,
          broken_file_names: broken,
        };
      }),
    );
    if (withText) result.text = await page.evaluate(() => document.body.innerText);

    await page.addScriptTag({ path: AXE });
    const axe = await page.evaluate(() =>
      // eslint-disable-next-line no-undef
      axe.run(document, { resultTypes: ['violations'] }),
    );
    result.violations = axe.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));

    const shot = path.join(shots, `${rel.replace(/\.html$/, '').replaceAll('/', '-')}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    result.screenshot = shot;
  } catch (e) {
    result.failures.push(`could not check the page: ${e.message.split('\n')[0]}`);
  } finally {
    await page.close();
  }

  const f = result.failures;
  for (const url of result.requests) {
    if (!LOCAL.test(url)) f.push(`network request attempted: ${url}`);
  }
  if (result.lang !== locale) f.push(`<html lang> is \`${result.lang}\`, expected \`${locale}\``);
  if (result.dir && result.dir !== result.expected_dir) {
    f.push(`<html> direction is ${result.dir}, expected ${result.expected_dir}`);
  }
  if (result.main_dir && result.main_dir !== result.expected_dir) {
    f.push(`<main> direction is ${result.main_dir}, expected ${result.expected_dir}`);
  }
  for (const m of result.console_errors) f.push(`console error: ${m}`);
  for (const m of result.page_errors) f.push(`page error: ${m}`);
  for (const m of result.dialogs) f.push(`a script opened a dialog: ${m}`);
  for (const m of result.active_content) f.push(`active content in the page: ${m}`);
  for (const m of result.broken_file_names ?? []) f.push(`a print link breaks across lines: ${m}`);
  for (const v of result.violations) {
    if (FAILING_IMPACTS.has(v.impact)) {
      f.push(`axe ${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
    }
  }
  return result;
}

async function main() {
  const args = process.argv.slice(2);
  const withText = args.includes('--with-text');
  const positional = args.filter((a) => a !== '--with-text');
  if (positional.length !== 2) usage('expected a site folder and a screenshot folder');
  const [site, shots] = positional.map((p) => path.resolve(p));
  if (!fs.statSync(site, { throwIfNoEntry: false })?.isDirectory()) {
    usage(`\`${site}\` is not a folder`);
  }
  const pages = findPages(site);
  if (pages.length === 0) usage(`no HTML page in \`${site}\``);
  fs.mkdirSync(shots, { recursive: true });

  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kyr-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: VIEWPORT,
      // So axe can be injected even if a page ever sets a strict CSP.
      bypassCSP: true,
    });
  } catch (e) {
    fs.rmSync(profile, { recursive: true, force: true });
    process.stderr.write(`error: failed to launch \`${CHROMIUM}\`: ${e.message}\n`);
    process.exit(2);
  }

  const blocked = [];
  // Nothing leaves the machine, even if a page asks: every request that is
  // not local is aborted (and reported by checkPage).
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (LOCAL.test(url)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });

  const results = [];
  try {
    for (const p of pages) {
      const before = blocked.length;
      const r = await checkPage(context, site, shots, p, withText);
      r.blocked = blocked.slice(before);
      // A blocked request that page.on('request') did not see still fails.
      for (const url of r.blocked) {
        if (!r.requests.includes(url)) r.failures.push(`network request attempted: ${url}`);
      }
      results.push(r);
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }

  const failed = results.filter((r) => r.failures.length > 0);
  const ok = failed.length === 0;
  process.stdout.write(`${JSON.stringify({ ok, site, pages: results }, null, 2)}\n`);

  const lines = [];
  for (const r of results) {
    for (const v of r.violations) {
      lines.push(
        `${r.path}: axe ${v.impact ?? 'unknown'} ${v.id}: ${v.help}: ${v.nodes.map((n) => n.target).join(', ')}`,
      );
    }
  }
  for (const r of failed) {
    lines.push(`FAIL ${r.path} (${r.locale}, expected ${r.expected_dir})`);
    for (const f of r.failures) lines.push(`  ${f}`);
  }
  lines.push(`browser check: ${results.length} pages, ${failed.length} with failures; screenshots in ${shots}`);
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(ok ? 0 : 1);
}

main().catch((e) => {
  process.stderr.write(`error: ${e.stack ?? e}\n`);
  process.exit(2);
});
