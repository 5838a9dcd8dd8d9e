// The foundation's end-to-end scenarios, written once and run in every browser: a reader installs
// Trailmark, highlights a passage with the mouse, reloads, and finds it again in the popup.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withBrowser } from './with-browser.mjs';
import { drawnHighlights, selectPhrase, waitFor } from './page-actions.mjs';

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

  test("the welcome page's sample passage can be highlighted for real", async () => {
    const welcomeUrl = driver.extensionUrl('welcome.html');
    const welcome = await driver.extensionPage('welcome.html');
    await welcome.bringToFront();
    const phrase = 'every article becomes evidence of where you are going';
    await waitFor(() => welcome.evaluate(() => document.querySelector('#sample') !== null), {
      what: 'the sample passage',
    });
    await selectPhrase(welcome, '#sample p:nth-of-type(2)', phrase);
    await driver.clickToolbarButton(welcome, 'Highlight');
    await waitFor(async () => (await drawnHighlights(welcome)).length === 1, {
      what: 'the sample highlight drawn',
    });
    const { pages, highlights } = await driver.backgroundCall('snapshot');
    const page = pages.find((p) => p.url.startsWith(welcomeUrl));
    assert.ok(page, 'the welcome page is stored as a page');
    assert.deepEqual(
      highlights.filter((h) => h.pageId === page.id).map((h) => h.quote),
      [phrase],
    );
  });

  test('select with the mouse, click Highlight: drawn, saved, back after reload, listed in the popup', async () => {
    const url = server.url('article.html');
    const page = await driver.newPage(url);
    const selected = 'The Architect is responsible for the direction';
    await selectPhrase(page, '#p2', selected);
    await driver.clickToolbarButton(page, 'Highlight');
    await waitFor(async () => (await drawnHighlights(page)).length === 1, {
      what: 'the highlight',
    });
    assert.deepEqual(await drawnHighlights(page), [selected]);

    const stored = await waitFor(async () =>
      (await driver.backgroundCall('snapshot')).highlights.find((h) => h.quote === selected),
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
              saved: li.querySelector('.quote')?.title,
            })),
          )
          .then((list) => (list.length ? list : null)),
      { what: 'the popup list' },
    );
    assert.equal(items.length, 1);
    assert.ok(items[0].quote.endsWith(selected), `popup shows the quote: ${items[0].quote}`);
    assert.match(items[0].saved, /saved just now/);
    await popup.close();
    await page.close();
  });
}
