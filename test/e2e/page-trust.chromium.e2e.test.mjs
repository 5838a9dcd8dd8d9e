// What a hostile page can and cannot do to the reader's highlights, in real Chromium; and two
// things only Chromium lets a test do: stop the MV3 service worker at will (through the
// DevTools protocol), and run two installs side by side in two profiles.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchChromium } from './support/chromium-driver.mjs';
import { startFixtureServer } from './support/fixture-server.mjs';
import {
  clickHighlightButton,
  drawnHighlights,
  pageNames,
  selectPhrase,
  toolbarBox,
  usePageNames,
  waitFor,
} from './support/page-actions.mjs';
import { PLAIN_HOST, pageTrustScenarios } from './support/page-trust-scenarios.mjs';
import { storedHighlights } from './support/stored-highlights.mjs';
import { page as articlePage } from './support/test-pages.mjs';

pageTrustScenarios((options = {}) =>
  launchChromium({ ...options, args: [`--host-resolver-rules=MAP ${PLAIN_HOST} 127.0.0.1`] }),
);

const HIGHLIGHTS = 200;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each paragraph is one highlight: different words, so every quote is different. */
const passages = () =>
  articlePage({
    body: Array.from(
      { length: HIGHLIGHTS },
      (_, i) => `<p id="q${i}">Passage number ${i} of the churn test, read and kept.</p>`,
    ).join(''),
  });

test(`the worker stopped every 20–80 ms during ${HIGHLIGHTS} highlights: all stored, none twice`, async () => {
  const server = await startFixtureServer();
  const driver = await launchChromium();
  // Ended in `finally` too: a failed step must not leave the stop loop keeping the run alive.
  let churning = true;
  try {
    const reader = await driver.extensionPage('review.html');
    const cdp = await driver.context.newCDPSession(reader);
    // Every time the worker comes to a stop, from running or from still starting up.
    let stops = 0;
    const last = new Map();
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const { versionId, runningStatus } of versions) {
        if (runningStatus === 'stopped' && last.get(versionId) !== 'stopped') stops += 1;
        last.set(versionId, runningStatus);
      }
    });
    await cdp.send('ServiceWorker.enable');
    server.setPage('churn.html', passages());
    const page = await driver.newPage(server.url('churn.html'));
    const { status } = pageNames();

    // A stop request takes a while to answer; not waiting for it keeps the 20–80 ms pace.
    let kills = 0;
    const requests = [];
    const killer = (async () => {
      while (churning) {
        requests.push(cdp.send('ServiceWorker.stopAllWorkers').catch(() => undefined));
        kills += 1;
        await sleep(20 + Math.random() * 60);
      }
    })();
    const started = Date.now();
    let pendingSeen = 0;
    for (let i = 0; i < HIGHLIGHTS; i += 1) {
      const at = await page.evaluate((id) => {
        const p = document.getElementById(id);
        p.scrollIntoView({ block: 'center' });
        const r = p.getBoundingClientRect();
        return { x: r.left + 40, y: r.top + r.height / 2 };
      }, `q${i}`);
      await page.mouse.click(at.x, at.y, { clickCount: 3 });
      // Enter highlights as soon as the toolbar is offered: no wait for its fade-in, 200 times.
      await waitFor(() => toolbarBox(page), { what: 'the toolbar offered' });
      await page.keyboard.press('Enter');
      await waitFor(async () => (await drawnHighlights(page)).length === i + 1, {
        what: `highlight ${i + 1} drawn`,
      });
      await page.keyboard.press('Escape');
      // It may cover the next paragraph, where the next clicks go.
      await waitFor(async () => !(await toolbarBox(page)), { what: 'the toolbar to close' });
      if (await page.evaluate((s) => document.querySelector(s)?.isConnected, status))
        pendingSeen += 1;
    }
    const drawnMs = Date.now() - started;
    churning = false;
    await killer;
    await Promise.all(requests);

    const saved = await waitFor(
      async () => {
        const list = (await storedHighlights(reader)).filter((h) => h.quote.startsWith('Passage'));
        return list.length >= HIGHLIGHTS ? list : null;
      },
      { timeout: 60_000, what: `all ${HIGHLIGHTS} saved` },
    );
    const settledMs = Date.now() - started;
    assert.equal(saved.length, HIGHLIGHTS, 'exactly one record per highlight');
    assert.equal(new Set(saved.map((h) => h.id)).size, HIGHLIGHTS);
    assert.equal(new Set(saved.map((h) => h.quote.trim())).size, HIGHLIGHTS, 'no duplicates');
    assert.equal((await drawnHighlights(page)).length, HIGHLIGHTS, 'none taken off the page');
    await waitFor(() => page.evaluate((s) => !document.querySelector(s)?.isConnected, status), {
      what: 'the not-saved status to go once all are saved',
    });
    console.log(
      `# churn: ${HIGHLIGHTS} highlights, stop requests ${kills}, worker stopped ${stops} times, ` +
        `status shown after ${pendingSeen} of them, all drawn in ${drawnMs} ms, ` +
        `all saved ${settledMs} ms after the first, stored ${saved.length}, duplicates 0`,
    );
    assert.ok(stops >= 20, `the worker was really stopped (${stops} times)`);
  } finally {
    churning = false;
    await driver.close();
    await server.close();
  }
});

test('two installs show pages different names, and none names Trailmark', async () => {
  const server = await startFixtureServer();
  const drivers = [await launchChromium(), await launchChromium()];
  try {
    server.setPage('names.html', articlePage());
    const seen = [];
    for (const driver of drivers) {
      const names = await driver.backgroundCall('pageNames');
      usePageNames(names);
      const page = await driver.newPage(server.url('names.html'));
      await selectPhrase(page, '#p2', 'responsible for the direction');
      await clickHighlightButton(page);
      await waitFor(async () => (await drawnHighlights(page)).length === 1, { what: 'drawn' });
      seen.push(
        await page.evaluate(() => ({
          registry: [...CSS.highlights.keys()],
          elements: [...document.documentElement.children].map((e) => e.localName),
        })),
      );
      assert.doesNotMatch(JSON.stringify([names, seen.at(-1)]), /trailmark/i);
    }
    const [a, b] = seen;
    assert.ok(a.registry.length > 0 && a.elements.length > 2, 'something to compare');
    assert.deepEqual(
      a.registry.filter((name) => b.registry.includes(name)),
      [],
      'registry names differ',
    );
    const ui = (s) => s.elements.filter((name) => name.includes('-'));
    assert.notDeepEqual(ui(a), ui(b), 'UI host names differ');
    assert.deepEqual(
      ui(a).filter((name) => ui(b).includes(name)),
      [],
    );
  } finally {
    for (const driver of drivers) await driver.close();
    await server.close();
  }
});
