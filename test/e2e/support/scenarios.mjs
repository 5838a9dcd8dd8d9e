// The foundation's end-to-end scenarios, written once and run in every browser: a reader installs
// Trailmark, highlights a passage with the mouse, reloads, and finds it again in the popup.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withBrowser } from './with-browser.mjs';
import { clickHighlightButton, dragSelect, drawnHighlights, waitFor } from './page-actions.mjs';

export function foundationScenarios(launch) {
  let driver;
  let server;
  withBrowser(launch, (d, s) => ([driver, server] = [d, s]));

  test('install opens the welcome page and seeds the four archetype tags once', async () => {
    const welcome = await waitFor(
      async () => (await driver.openedUrls()).find((u) => u.endsWith('/welcome.html')),
      { what: 'the welcome page' },
    );
    assert.ok(welcome.startsWith(driver.extensionUrl('')));
    const { tags } = await driver.backgroundCall('snapshot');
    assert.deepEqual(tags.map((t) => t.name).sort(), [
      'Architect',
      'Right Hand',
      'Solver',
      'Tech Lead',
    ]);
    assert.ok(tags.every((t) => t.kind === 'archetype'));
  });

  test('select with the mouse, click Highlight: drawn, saved, back after reload, listed in the popup', async () => {
    const url = server.url('article.html');
    const page = await driver.newPage(url);
    const selected = await dragSelect(
      page,
      '#p2',
      'The Architect is responsible for the direction',
    );
    assert.equal(selected, 'The Architect is responsible for the direction');

    await clickHighlightButton(page);
    await waitFor(async () => (await drawnHighlights(page)).length === 1, {
      what: 'the highlight',
    });
    assert.deepEqual(await drawnHighlights(page), [selected]);

    const stored = await waitFor(
      async () => (await driver.backgroundCall('snapshot')).highlights[0],
    );
    assert.equal(stored.quote, selected);

    await page.reload();
    await waitFor(async () => (await drawnHighlights(page)).length === 1, {
      what: 'the highlight after reload',
    });
    assert.deepEqual(await drawnHighlights(page), [selected]);

    const tabId = await driver.tabIdFor(url);
    assert.ok(tabId, 'the article tab is found');
    const popup = await driver.extensionPage(`popup.html?tab=${tabId}`);
    const items = await waitFor(
      () =>
        popup
          .evaluate(() =>
            [...document.querySelectorAll('[data-highlight-id]')].map((li) => ({
              quote: li.querySelector('.quote')?.textContent?.trim(),
              time: li.querySelector('time')?.textContent,
            })),
          )
          .then((list) => (list.length ? list : null)),
      { what: 'the popup list' },
    );
    assert.equal(items.length, 1);
    assert.ok(items[0].quote.endsWith(selected), `popup shows the quote: ${items[0].quote}`);
    assert.equal(items[0].time, 'just now');
    await popup.close();
    await page.close();
  });
}
