// The review page on a large library, in real Chromium with the built extension: import of a
// 100 000-highlight backup into an empty database (with the page's JS heap sampled meanwhile),
// first render of the library, first search results, and export of everything as JSON and as
// a Markdown evidence pack. Prints figures; asserts nothing.
import { stat, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../../test/e2e/support/chromium-driver.mjs';
import { writeLibraryFile } from './library-file.mjs';

const PAGES = 10_000;
const HIGHLIGHTS = 100_000;
const QUERIES = ['solver', 'strat', 'incident review', 'stakeholder influence scope', 'a'];

const ms = (n) => `${Math.round(n)} ms`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

/**
 * Installs `__when(check)` in the page: resolves with performance.now() once `check` holds,
 * watching every DOM change (the page's CSP forbids building functions from strings).
 */
function installWhen() {
  globalThis.__when = (check) =>
    new Promise((resolve) => {
      const done = () => {
        if (!check()) return false;
        observer.disconnect();
        resolve(performance.now());
        return true;
      };
      const observer = new MutationObserver(done);
      if (!done())
        observer.observe(document, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
    });
}

async function heapSampler(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let peak = 0;
  const sample = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    peak = Math.max(peak, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
  };
  await sample();
  const base = peak;
  peak = 0;
  const timer = setInterval(() => void sample().catch(() => {}), 100);
  return { base, stop: () => (clearInterval(timer), peak) };
}

async function importLibrary(driver, file) {
  const page = await driver.extensionPage('review.html#data');
  const heap = await heapSampler(page);
  const started = Date.now();
  await page.setInputFiles('#import-file', file);
  await page.waitForSelector('.import-ok, .import-error', { timeout: 600_000 });
  const elapsed = Date.now() - started;
  const peak = heap.stop();
  const outcome = await page.textContent('.import-ok, .import-error');
  // Search indexing of the imported records follows the import; the other figures wait for it.
  await page.waitForFunction(
    () => document.querySelector('.index-status')?.dataset.state === 'done',
    null,
    {
      timeout: 900_000,
      polling: 200,
    },
  );
  const indexed = Date.now() - started - elapsed;
  await page.close();
  return { elapsed, indexed, peak, base: heap.base, outcome };
}

/** Runs at document start: notes when the first library row appears, from navigation start. */
function noteFirstRow() {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('.row-body[data-highlight-id]')) return;
    globalThis.__firstRowAt = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true });
}

async function firstRender(driver) {
  const page = await driver.context.newPage();
  await page.addInitScript(noteFirstRow);
  await page.goto(driver.extensionUrl('review.html#library'));
  const at = await page.waitForFunction(() => globalThis.__firstRowAt).then((h) => h.jsonValue());
  await page.evaluate(installWhen);
  const count = await page.textContent('.count');
  return { page, at, count };
}

async function searchTimes(page) {
  const times = [];
  for (const query of QUERIES) {
    const result = await page.evaluate(async (q) => {
      const input = document.querySelector('#library-search');
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 300));
      const started = performance.now();
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // The list is current when its rows were read for this very query.
      const at = await globalThis.__when(() => {
        const body = document.querySelector('.library-body');
        return body?.dataset.query === q && body.dataset.current === 'true';
      });
      return { took: at - started, count: document.querySelector('.count')?.textContent };
    }, query);
    times.push({ query, ...result });
  }
  return times;
}

async function exportTime(page, button) {
  return page.evaluate(async (label) => {
    const saved = (globalThis.__saved ??= []);
    if (!globalThis.__caught) {
      globalThis.__caught = true;
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob) => (saved.push(blob), create(blob));
    }
    const target = [...document.querySelectorAll('button')].find((b) =>
      b.textContent.includes(label),
    );
    // The export before may have handed over its file and still be recording the backup, with
    // every export button disabled: a click then would be lost and the bench would wait forever.
    await globalThis.__when(() => !target.disabled);
    const before = saved.length;
    const started = performance.now();
    target.click();
    const at = await globalThis.__when(() => saved.length > before);
    return { took: at - started, bytes: saved[saved.length - 1].size };
  }, button);
}

const file = path.join(os.tmpdir(), `trailmark-bench-${process.pid}.json`);
console.log(`Writing a backup of ${PAGES} pages and ${HIGHLIGHTS} highlights…`);
await writeLibraryFile(file, { pages: PAGES, highlights: HIGHLIGHTS });
const fileBytes = (await stat(file)).size;
const driver = await launchChromium();
try {
  const imported = await importLibrary(driver, file);
  const { page, at, count } = await firstRender(driver);
  const searches = await searchTimes(page);
  await page.evaluate(() => {
    location.hash = 'data';
  });
  await page.waitForSelector('#export-title');
  const pack = await page.evaluate(() => {
    // The pack of everything: every goal, and all other reading. Only the export panel's boxes:
    // the data view has others (automatic backup asks for a permission).
    const boxes = '[aria-labelledby="export-title"] fieldset input[type="checkbox"]';
    document.querySelectorAll(boxes).forEach((box) => {
      if (!box.checked) box.click();
    });
  });
  void pack;
  // A failed export is a figure too: it is printed, and the other rows still are.
  const attempt = (label) =>
    exportTime(page, label).catch((error) => ({ took: NaN, bytes: 0, error: error.message }));
  const json = await attempt('Download full backup');
  const markdown = await attempt('Download evidence pack');

  const rows = [
    [
      'import of the JSON backup into an empty database',
      `${(imported.elapsed / 1000).toFixed(1)} s`,
      `file ${mb(fileBytes)}; page heap ${mb(imported.base)} before, peak ${mb(imported.peak)}`,
    ],
    [
      'search index caught up after the import',
      `${(imported.indexed / 1000).toFixed(1)} s`,
      'library usable meanwhile; search says it may miss imported highlights',
    ],
    ['review page first render (first row shown)', ms(at), `${count}`],
    ...searches.map((s) => [`search "${s.query}": first results`, ms(s.took), `${s.count}`]),
    ['export everything as JSON', ms(json.took), json.error ?? mb(json.bytes)],
    [
      'export everything as a Markdown evidence pack',
      ms(markdown.took),
      markdown.error ?? mb(markdown.bytes),
    ],
  ];
  console.log(
    `\nReview page bench: ${PAGES} pages, ${HIGHLIGHTS} highlights, Chromium (${os.cpus()[0]?.model ?? 'cpu'})`,
  );
  console.log(`import outcome: ${imported.outcome}\n`);
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`${'measure'.padEnd(width)} | time     | notes`);
  console.log(`${'-'.repeat(width)}-|----------|------`);
  for (const [name, time, note] of rows)
    console.log(`${name.padEnd(width)} | ${time.padEnd(8)} | ${note}`);
} finally {
  await driver.close();
  await rm(file, { force: true });
}
