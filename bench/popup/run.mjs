// The popup bench (issue 5): seeds 10 000 pages and 100 000 highlights into the built extension
// in real Chromium, then prints how long the popup takes from opening to its first useful render
// (the page's highlights on screen), warm and with a cold service worker and extension process,
// and how long quick search takes from a keystroke to its first results. Asserts nothing.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PAGES = Number(process.env.BENCH_PAGES ?? 10_000);
const PER_PAGE = Number(process.env.BENCH_HIGHLIGHTS_PER_PAGE ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const QUERIES = ['staff', 'solver deep', 'engineer platform', 'migration', 'zzzq'];
const TYPED = 'promotion';
const LINKS = Math.min(3000, Math.floor((PAGES * PER_PAGE) / 10));

// The bench builds its own copy so that it never races a build or test running beside it.
const dist = await mkdtemp(path.join(os.tmpdir(), 'trailmark-bench-popup-'));
process.env.TRAILMARK_DIST = dist;
const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {
  stdio: 'inherit',
  env: process.env,
});
if (built.status !== 0) throw new Error('the build failed');

const { launchChromium } = await import('../../test/e2e/support/chromium-driver.mjs');
const { bundle, serve } = await import('../anchoring/browser.mjs');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};
const ms = (x) => `${x.toFixed(1)} ms`;

const CURRENT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>The page the popup is about</title></head><body><p>An article being read.</p></body></html>`;

/** Milliseconds from the popup's navigation start to the page section's data on screen. */
async function openPopupOnce(context, url) {
  const popup = await context.newPage();
  await popup.goto(url);
  await popup.waitForFunction(() => document.body.dataset.page === 'ready', null, {
    timeout: 60_000,
  });
  const time = await popup.evaluate(
    () => performance.getEntriesByName('trailmark-page-ready')[0]?.startTime ?? NaN,
  );
  return { popup, time };
}

async function closeExtensionPages(driver) {
  const base = driver.extensionUrl('');
  await Promise.all(
    driver.context
      .pages()
      .filter((p) => p.url().startsWith(base))
      .map((p) => p.close()),
  );
}

/**
 * Stops the extension's service worker through the DevTools protocol, from one of the
 * extension's own pages (the worker's storage partition), and waits until it reports stopped.
 */
async function stopServiceWorker(driver, extensionPage) {
  const cdp = await driver.context.newCDPSession(extensionPage);
  const status = new Map();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) status.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const deadline = Date.now() + 10_000;
  const stopped = () => status.size > 0 && [...status.values()].every((s) => s === 'stopped');
  while (!stopped() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  await cdp.detach();
  return stopped();
}

/**
 * In the popup: puts `query` in the search box as one keystroke would, and times its first
 * results (the first answer that shows a result, or the complete answer when there is none) and
 * its full answer (newest first, counted). With `lead`, that text is typed `gapMs` before, so
 * the timed keystroke lands while the lead's searches are still running, as in fast typing.
 */
async function timeSearch([query, lead, gapMs]) {
  const input = document.querySelector('input[role="combobox"]');
  const type = (text) => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  if (lead !== undefined) {
    type(lead);
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  const selector = `[data-query="${CSS.escape(query)}"]`;
  return new Promise((resolve) => {
    const started = performance.now();
    let first;
    let firstShown = 0;
    const check = () => {
      const list = document.querySelector(selector);
      if (!list) return;
      const shown = list.querySelectorAll('[role="option"]').length;
      const complete = list.dataset.complete === 'true';
      if (first === undefined && (shown > 0 || complete)) {
        first = performance.now() - started;
        firstShown = shown;
      }
      if (!complete) return;
      observer.disconnect();
      resolve({
        first,
        firstShown,
        full: performance.now() - started,
        shown,
        status: list.previousElementSibling?.textContent ?? '',
      });
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    type(query);
  });
}

async function clearSearch(popup) {
  await popup.evaluate(() => {
    const input = document.querySelector('input[role="combobox"]');
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await popup.waitForFunction(() => !document.querySelector('[role="listbox"]'));
}

async function searchTimes(popup) {
  const rows = [];
  for (const query of QUERIES) {
    const runs = [];
    for (let i = 0; i < 3; i += 1) {
      await clearSearch(popup);
      runs.push(await popup.evaluate(timeSearch, [query]));
    }
    rows.push({ what: `"${query}" (pasted)`, runs });
  }
  await clearSearch(popup);
  // Typed one key at a time: every prefix is a keystroke with its own search.
  for (let n = 1; n <= TYPED.length; n += 1) {
    const run = await popup.evaluate(timeSearch, [TYPED.slice(0, n)]);
    if (n === 1 || n === 3 || n === TYPED.length) {
      rows.push({ what: `typing "${TYPED.slice(0, n)}"`, runs: [run] });
    }
  }
  // Fast typing: the next key 60 ms after the last, while that one's searches still run.
  for (const [lead, query] of [
    ['p', 'pr'],
    ['s', 'st'],
    ['promo', 'promot'],
  ]) {
    const runs = [];
    for (let i = 0; i < 3; i += 1) {
      await clearSearch(popup);
      runs.push(await popup.evaluate(timeSearch, [query, lead, 60]));
    }
    rows.push({ what: `"${query}" 60 ms after "${lead}"`, runs });
  }
  return rows;
}

const server = await serve({ '/current.html': CURRENT_PAGE });
const driver = await launchChromium();
try {
  const currentUrl = `${server.origin}/current.html`;
  const seeder = await driver.extensionPage('popup.html');
  await seeder.evaluate(await bundle('bench/popup/seed-library.ts', 'PopupSeed'));
  const counts = await seeder.evaluate((plan) => globalThis.PopupSeed.seedLibrary(plan), {
    pages: PAGES,
    highlightsPerPage: PER_PAGE,
    goals: 12,
    links: LINKS,
    currentUrl,
    seed: 7,
  });
  console.log(
    `Seeded ${counts.pages} pages, ${counts.highlights} highlights, ${counts.goals} goals, ` +
      `${counts.links} links in ${counts.seedSeconds} s (search index included).`,
  );
  await driver.newPage(currentUrl);
  const tabId = await driver.tabIdFor(currentUrl);
  const popupUrl = driver.extensionUrl(`popup.html?tab=${tabId}`);

  const warm = [];
  for (let i = 0; i < RUNS; i += 1) {
    const { popup, time } = await openPopupOnce(driver.context, popupUrl);
    warm.push(time);
    await popup.close();
  }

  const cold = [];
  let stopped = true;
  for (let i = 0; i < RUNS; i += 1) {
    const helper = await driver.newPage(currentUrl);
    const extensionPage = await driver.extensionPage('popup.html');
    stopped = (await stopServiceWorker(driver, extensionPage)) && stopped;
    // No extension page left open either, so the popup starts in a fresh process.
    await closeExtensionPages(driver);
    const { popup, time } = await openPopupOnce(driver.context, popupUrl);
    cold.push(time);
    await popup.close();
    await helper.close();
  }

  const { popup } = await openPopupOnce(driver.context, popupUrl);
  const search = await searchTimes(popup);

  const load = os.loadavg()[0]?.toFixed(1);
  console.log(
    `\nPopup at ${counts.highlights} highlights (Chromium, ${RUNS} runs each; ` +
      `${os.cpus().length} cores, load average ${load}: other work on the machine slows these)`,
  );
  console.log(
    '| measure                                               | median    | max       | bar     |',
  );
  console.log(
    '|-------------------------------------------------------|-----------|-----------|---------|',
  );
  const row = (what, med, max, bar) =>
    console.log(
      `| ${what.padEnd(53)} | ${ms(med).padStart(9)} | ${ms(max).padStart(9)} | ${bar.padEnd(7)} |`,
    );
  row('open → first useful render, warm', median(warm), Math.max(...warm), '150 ms');
  row(
    `open → first useful render, cold SW${stopped ? '' : '?'}`,
    median(cold),
    Math.max(...cold),
    '300 ms',
  );
  for (const s of search) {
    const first = s.runs.map((r) => r.first);
    const full = s.runs.map((r) => r.full);
    row(`search ${s.what}: first results`, median(first), Math.max(...first), '100 ms');
    row(`search ${s.what}: full, after typing pause`, median(full), Math.max(...full), '—');
  }
  console.log('\nResults shown per query (last run):');
  for (const s of search) {
    const last = s.runs.at(-1);
    console.log(
      `  ${s.what}: ${last.firstShown} in the first answer, ${last.shown} shown — ${last.status}`,
    );
  }
  if (!stopped) console.log('(the service worker could not be confirmed stopped)');
} finally {
  await driver.close();
  server.server.close();
  await rm(dist, { recursive: true, force: true });
}
