// Data safety in real Chromium: the service worker stopped in the middle of writes, and a full
// disk. Nothing the reader saved is lost, nothing is written twice or half-way.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchChromium } from './support/chromium-driver.mjs';
import { closedRootText } from './support/closed-root.mjs';
import { startFixtureServer } from './support/fixture-server.mjs';
import {
  clickHighlightButton,
  drawnHighlights,
  selectPhrase,
  pageNames,
  waitFor,
} from './support/page-actions.mjs';
import { storedHighlights } from './support/stored-highlights.mjs';
import { page as articlePage } from './support/test-pages.mjs';

const PHRASES = [
  ['#p1', 'Staff engineers come in different shapes'],
  ['#p1', 'partnering closely with a single manager'],
  ['#p2', 'The Architect is responsible'],
  ['#p2', 'in-depth knowledge of technical constraints'],
  ['#p3', 'The Solver digs deep'],
  ['#p3', 'finds an appropriate path'],
  ['#p3', "extends an executive's attention"],
  ['#p3', 'borrowing their scope and authority'],
];

let driver;
let server;
let reader;

before(async () => {
  server = await startFixtureServer();
  driver = await launchChromium();
  reader = await driver.extensionPage('review.html');
});
after(async () => {
  await driver?.close();
  await server?.close();
});

test('the service worker stopped during each write: every highlight saved exactly once', async () => {
  server.setPage('kills.html', articlePage());
  const page = await driver.newPage(server.url('kills.html'));
  // The extension's own page sees the extension's worker: stop it from there, and watch it.
  const cdp = await driver.context.newCDPSession(reader);
  let stops = 0;
  let restarts = 0;
  let down = false;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const { runningStatus } of versions) {
      if (runningStatus === 'stopped' && !down) [stops, down] = [stops + 1, true];
      if (runningStatus === 'running' && down) [restarts, down] = [restarts + 1, false];
    }
  });
  await cdp.send('ServiceWorker.enable');
  let kills = 0;

  for (const [index, [selector, phrase]] of PHRASES.entries()) {
    // The whole phrase, or the record's quote would not be one of PHRASES.
    await selectPhrase(page, selector, phrase);
    let stopping = true;
    const killer = (async () => {
      while (stopping) {
        await cdp.send('ServiceWorker.stopAllWorkers');
        kills += 1;
        // Paces the stops (the worker gets a moment to start again); not a wait on anything.
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    })();
    const stopsBefore = stops;
    // Ended in `finally` too: a failed step must not leave the stop loop keeping the file alive.
    try {
      await clickHighlightButton(page);
      // Stops go on until this highlight is drawn and the worker was stopped at least once after
      // the click, however slow the machine: a fixed time could pass without a single stop.
      await waitFor(
        async () => stops > stopsBefore && (await drawnHighlights(page)).length === index + 1,
        { what: `"${phrase}" drawn while the worker is being stopped` },
      );
    } finally {
      stopping = false;
      await killer;
    }
    await page.keyboard.press('Escape');
  }

  const stored = await waitFor(
    async () => {
      const list = (await storedHighlights(reader)).filter((h) =>
        PHRASES.some(([, p]) => p === h.quote),
      );
      return list.length >= PHRASES.length ? list : null;
    },
    { what: 'every highlight saved' },
  );
  assert.equal(stored.length, PHRASES.length, 'exactly one record per highlight');
  assert.equal(new Set(stored.map((h) => h.quote)).size, PHRASES.length);
  assert.equal((await drawnHighlights(page)).length, PHRASES.length);
  console.log(
    `# stop requests: ${kills}, worker stopped: ${stops}, restarted: ${restarts}, highlights: ${stored.length}, duplicates: 0`,
  );
  assert.ok(stops >= PHRASES.length, `the worker was stopped during the writes (${stops} times)`);
  await page.reload();
  await waitFor(async () => (await drawnHighlights(page)).length === PHRASES.length, {
    what: 'all back after reload',
  });
  await page.close();
});

test('a full disk: the reader is told in plain words, nothing is half-written, a later try saves it', async () => {
  server.setPage('full.html', articlePage());
  const page = await driver.newPage(server.url('full.html'));
  const before = await storedHighlights(reader);
  // The page record is written, then the highlight's write meets a full disk.
  await driver.backgroundCall('failWrites', 1, 1);
  await selectPhrase(page, '#p2', 'The Architect is responsible');
  await clickHighlightButton(page);
  const status = await waitFor(
    async () => {
      const text = await closedRootText(driver.context, page, pageNames().status);
      return text && /not saved yet/.test(text) ? text : null;
    },
    { what: 'the not-saved status' },
  );
  assert.match(status, /disk is full/i);
  assert.deepEqual(
    await drawnHighlights(page),
    ['The Architect is responsible'],
    'the reader’s highlight stays on the page while it waits',
  );
  const { pages } = await driver.backgroundCall('snapshot');
  assert.equal(
    pages.filter((p) => p.url.endsWith('/full.html')).length,
    0,
    'no page record half-written',
  );
  assert.deepEqual(await storedHighlights(reader), before, 'the database is as it was');

  await waitFor(async () => (await storedHighlights(reader)).length === before.length + 1, {
    timeout: 30_000,
    what: 'the next try to save it',
  });
  assert.deepEqual(await drawnHighlights(page), ['The Architect is responsible']);
  await page.close();
});

test('the database wiped behind the reader’s back: noticed, and the popup says so at once', async () => {
  assert.equal(await driver.backgroundCall('checkSafety'), 'intact');
  const deleted = await reader.evaluate(
    () =>
      new Promise((resolve) => {
        const request = indexedDB.deleteDatabase('trailmark');
        request.onsuccess = () => resolve('deleted');
        request.onerror = () => resolve(`error: ${request.error}`);
        request.onblocked = () => resolve('blocked');
      }),
  );
  assert.equal(deleted, 'deleted');
  assert.equal(await driver.backgroundCall('checkSafety'), 'wiped');
  const popup = await driver.extensionPage('popup.html');
  const notice = await waitFor(
    () => popup.evaluate(() => document.querySelector('.wipe-notice')?.textContent ?? null),
    { what: 'the wipe notice' },
  );
  assert.match(notice, /Your saved reading was erased/);
  assert.match(notice, /No backup had been made/);
  await popup.close();
});

test('the review page shows storage safety and the last backup, and backs up in one click', async () => {
  const review = await driver.extensionPage('review.html#data');
  const before = await waitFor(
    () =>
      review.evaluate(
        () => document.querySelector('[data-testid=last-backup]')?.textContent ?? null,
      ),
    { what: 'the backup line' },
  );
  assert.match(before, /No backup yet/);
  const status = await waitFor(() =>
    review.evaluate(
      () => document.querySelector('[data-testid=storage-status]')?.textContent ?? null,
    ),
  );
  assert.match(status, /MB used/);
  // Chromium refuses persist() to extension pages but never evicts an unlimitedStorage origin.
  assert.match(
    status,
    /does not clear Trailmark’s data to free space \(unlimited storage granted\)/,
  );
  assert.doesNotMatch(status, /may clear/);
  assert.equal(await review.getByRole('button', { name: 'Ask the browser to keep it' }).count(), 0);
  await review.getByRole('button', { name: 'Back up now' }).click();
  const after = await waitFor(
    async () => {
      const text = await review.evaluate(
        () => document.querySelector('[data-testid=last-backup]')?.textContent ?? '',
      );
      return /Last backup:/.test(text) ? text : null;
    },
    { what: 'the backup to be recorded' },
  );
  assert.doesNotMatch(after, /time for a new one/);
  await review.close();
});
