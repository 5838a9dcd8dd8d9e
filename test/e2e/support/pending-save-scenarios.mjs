// A highlight whose save is still on its way, in a real browser: the save is held back by a
// read-write transaction on the highlights store that an extension page keeps open (as a slow
// or loaded machine would hold it), and the page must already treat the highlight as there.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withBrowser } from './with-browser.mjs';
import {
  clickHighlightButton,
  drawnHighlights,
  pageNames,
  phraseBox,
  selectPhrase,
  toolbarBox,
  waitFor,
} from './page-actions.mjs';
import { page as articlePage } from './test-pages.mjs';

const PHRASE = 'responsible for the direction';

/** In an extension page: keeps a read-write transaction on the highlights open until released. */
function holdHighlights() {
  return new Promise((resolve, reject) => {
    globalThis.__holding = true;
    const open = indexedDB.open('trailmark');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const store = db.transaction('highlights', 'readwrite').objectStore('highlights');
      // A transaction stays open while it has requests: ask again until released.
      const ask = () => {
        if (globalThis.__holding) store.get('none').onsuccess = ask;
        else db.close();
      };
      ask();
      resolve();
    };
  });
}

export function pendingSaveScenarios(launch) {
  let driver;
  let server;
  withBrowser(launch, (d, s) => ([driver, server] = [d, s]));

  test('a highlight whose save is still pending already shows the pointer on hover', async () => {
    const holder = await driver.extensionPage('review.html');
    server.setPage('pending.html', articlePage());
    const page = await driver.newPage(server.url('pending.html'));
    await holder.evaluate(holdHighlights);
    try {
      await selectPhrase(page, '#p2', PHRASE);
      await clickHighlightButton(page);
      await waitFor(async () => (await drawnHighlights(page)).length === 1, { what: 'drawn' });
      await page.keyboard.press('Escape');
      await waitFor(async () => !(await toolbarBox(page)), { what: 'the toolbar to close' });
      const box = await phraseBox(page, '#p2', PHRASE);
      await page.mouse.move((box.from.x + box.to.x) / 2, box.from.y, { steps: 3 });
      await waitFor(
        () =>
          page.evaluate(
            (pointer) => document.documentElement.hasAttribute(pointer),
            pageNames().pointer,
          ),
        { what: 'the pointer over the highlight while its save waits' },
      );
    } finally {
      await holder.evaluate(() => {
        globalThis.__holding = false;
      });
    }
    const saved = await waitFor(
      async () =>
        (await driver.backgroundCall('snapshot')).highlights.find((h) => h.quote === PHRASE),
      { what: 'the save to land once released' },
    );
    assert.equal(saved.quote, PHRASE);
    await page.close();
    await holder.close();
  });
}
