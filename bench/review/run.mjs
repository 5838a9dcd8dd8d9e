// The review page on a large library, in real Chromium with the built extension: import of a
// 100 000-highlight backup into an empty database (with the page's JS heap sampled meanwhile),
// first render of the library, first search results, and export of everything as JSON, as a
// Markdown evidence pack and as Web Annotations. Prints figures; asserts nothing.
import { stat, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../../test/e2e/support/chromium-driver.mjs';
import { librarySections, writeLibraryFile } from './library-file.mjs';

const PAGES = 10_000;
const HIGHLIGHTS = 100_000;
const QUERIES = ['solver', 'strat', 'incident review', 'stakeholder influence scope', 'a'];

/** How long the library page is left open before the searches are timed again. */
const SETTLE_MS = 15_000;

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

/** Copies the pages and highlights stores of the extension's database, indexes and all, empty. */
async function openFloorDb() {
  const open = (name, upgrade) =>
    new Promise((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => upgrade?.(request.result);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const live = await new Promise((resolve, reject) => {
    const request = indexedDB.open('trailmark');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = live.transaction(['pages', 'highlights']);
  const stores = ['pages', 'highlights'].map((name) => {
    const store = tx.objectStore(name);
    const indexes = [...store.indexNames].map((n) => store.index(n));
    return { name, keyPath: store.keyPath, indexes };
  });
  live.close();
  globalThis.__floorDb = await open(`trailmark-floor-${Date.now()}`, (db) => {
    for (const { name, keyPath, indexes } of stores) {
      const store = db.createObjectStore(name, { keyPath });
      for (const i of indexes)
        store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
    }
  });
}

/** Puts the records held in the page into the floor database, as an import writes them. */
async function putFloorRecords(batchSize) {
  const db = globalThis.__floorDb;
  const started = performance.now();
  const tx = db.transaction(['pages', 'highlights'], 'readwrite');
  for (const [name, records] of globalThis.__floorRecords) {
    const store = tx.objectStore(name);
    for (let i = 0; i < records.length; i += batchSize) {
      await new Promise((resolve, reject) => {
        let last;
        for (const record of records.slice(i, i + batchSize)) last = store.put(record);
        last.onsuccess = resolve;
        last.onerror = () => reject(last.error);
      });
    }
  }
  await new Promise((resolve) => (tx.oncomplete = resolve));
  const took = performance.now() - started;
  db.close();
  indexedDB.deleteDatabase(db.name);
  globalThis.__floorRecords = null;
  return took;
}

/**
 * The floor under any import: the file's pages and highlights put straight into stores with the
 * same indexes, in one transaction, a batch at a time, with no reading, parsing or checking.
 */
async function indexedDbFloor(driver, options) {
  const page = await driver.extensionPage('review.html#data');
  await page.evaluate(openFloorDb);
  await page.evaluate(() => (globalThis.__floorRecords = new Map()));
  for (const [name, count, make] of librarySections(options)) {
    if (name !== 'pages' && name !== 'highlights') {
      for (let i = 0; i < count; i += 1) make(i);
      continue;
    }
    for (let from = 0; from < count; from += 5000) {
      const batch = [];
      for (let i = from; i < Math.min(count, from + 5000); i += 1) batch.push(make(i));
      await page.evaluate(
        ([n, b]) => {
          const held = globalThis.__floorRecords;
          held.set(n, [...(held.get(n) ?? []), ...b]);
        },
        [name, batch],
      );
    }
  }
  const took = await page.evaluate(putFloorRecords, 2000);
  await page.close();
  return took;
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
  // Once the page has settled (its page cache and word table are built), the same searches again.
  await page.waitForTimeout(SETTLE_MS);
  const settled = await searchTimes(page);
  // A later visit: the word table the first one built was saved, and is read back at once.
  await page.close();
  const again = await firstRender(driver);
  const reopened = await searchTimes(again.page);
  await again.page.evaluate(() => {
    location.hash = 'data';
  });
  await again.page.waitForSelector('#export-title');
  const pack = await again.page.evaluate(() => {
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
    exportTime(again.page, label).catch((error) => ({ took: NaN, bytes: 0, error: error.message }));
  const json = await attempt('Download full backup');
  const markdown = await attempt('Download evidence pack');
  const annotations = await attempt('Download Web Annotations');
  await again.page.close();
  // Last: its 100 MB of records and deleted database would weigh on the figures after it.
  const floor = await indexedDbFloor(driver, { pages: PAGES, highlights: HIGHLIGHTS });

  const rows = [
    [
      'import of the JSON backup into an empty database',
      `${(imported.elapsed / 1000).toFixed(1)} s`,
      `file ${mb(fileBytes)}; page heap ${mb(imported.base)} before, peak ${mb(imported.peak)}`,
    ],
    [
      '  peer: the same pages and highlights put straight into IndexedDB',
      `${(floor / 1000).toFixed(1)} s`,
      `same indexes, one transaction, no reading or checks; import = ${(imported.elapsed / floor).toFixed(2)}× this floor`,
    ],
    [
      'search index caught up after the import',
      `${(imported.indexed / 1000).toFixed(1)} s`,
      'library usable meanwhile; search says it may miss imported highlights',
    ],
    ['review page first render (first row shown)', ms(at), `${count}`],
    ...searches.map((s) => [`search "${s.query}": first results`, ms(s.took), `${s.count}`]),
    ...settled.map((s) => [
      `  "${s.query}" again, ${SETTLE_MS / 1000} s after the page opened`,
      ms(s.took),
      `${s.count}`,
    ]),
    ['review page opened again: first render', ms(again.at), `${again.count}`],
    ...reopened.map((s) => [
      `  "${s.query}" typed at once on the page opened again`,
      ms(s.took),
      `${s.count}`,
    ]),
    ['export everything as JSON', ms(json.took), json.error ?? mb(json.bytes)],
    [
      'export everything as a Markdown evidence pack',
      ms(markdown.took),
      markdown.error ?? mb(markdown.bytes),
    ],
    [
      'export every highlight as W3C Web Annotations',
      ms(annotations.took),
      annotations.error ?? mb(annotations.bytes),
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
