// Highlighting on the page, end to end in a real browser: create by toolbar, shortcut and
// context menu; edit colour, tags and note; delete and undo; come back after reload, late
// content and client-side navigation; orphans; hostile and dark pages.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { withBrowser } from './with-browser.mjs';
import {
  clickHighlightButton,
  clickPhrase,
  dragSelect,
  drawnHighlights,
  phraseBox,
  registry,
  scriptSelect,
  selectPhrase,
  toolbarBox,
  waitFor,
} from './page-actions.mjs';
import { contrast, decodePng } from './png.mjs';
import { darkPage, HOSTILE, latePage, page as articlePage, spaPage } from './test-pages.mjs';

const ARCHITECT = 'responsible for the direction';
const SOLVER = 'digs deep into arbitrarily complex problems';
const TECH_LEAD = 'guides the approach and execution';

export function highlightingScenarios(launch) {
  let driver;
  let server;
  let pageCount = 0;
  let openPages = [];

  withBrowser(launch, (d, s) => ([driver, server] = [d, s]));
  // One tab at a time, as a reader has: background tabs get throttled timers and no focus.
  afterEach(async () => {
    await Promise.all(openPages.map((p) => p.close().catch(() => undefined)));
    openPages = [];
  });

  /** A fresh URL per test, so tests never see each other's highlights. */
  async function open(html, headers) {
    pageCount += 1;
    const name = `page-${pageCount}.html`;
    server.setPage(name, html, headers);
    const page = await driver.newPage(server.url(name));
    openPages.push(page);
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    return { page, name, url: server.url(name), errors };
  }

  const stored = async (url) => {
    const { pages, highlights } = await driver.backgroundCall('snapshot');
    const pageId = pages.find((p) => p.url === url)?.id;
    return highlights.filter((h) => h.pageId === pageId);
  };

  const waitDrawn = (page, count, what = `${count} highlights drawn`) =>
    waitFor(async () => (await drawnHighlights(page)).length === count, { what });

  /** `readable: false` for pages whose own getSelection lies: the drag is then not read back. */
  async function highlightWithToolbar(page, selector, phrase, { readable = true } = {}) {
    const before = (await drawnHighlights(page)).length;
    await (readable ? selectPhrase : dragSelect)(page, selector, phrase);
    await clickHighlightButton(page);
    await waitDrawn(page, before + 1, `"${phrase}" drawn`);
  }

  async function closeToolbar(page) {
    await page.keyboard.press('Escape');
    await waitFor(async () => !(await toolbarBox(page)), { what: 'the toolbar to close' });
  }

  test('toolbar create, then edit colour, tags and note by click and keys', async () => {
    const { page, url } = await open(articlePage());
    await highlightWithToolbar(page, '#p2', ARCHITECT);
    assert.deepEqual((await registry(page))['trailmark-1'], [ARCHITECT]);
    await closeToolbar(page);

    await clickPhrase(page, '#p2', ARCHITECT);
    await waitFor(() => toolbarBox(page), { what: 'the editor' });
    await page.keyboard.press('3');
    await waitFor(async () => (await registry(page))['trailmark-3']?.includes(ARCHITECT), {
      what: 'blue',
    });
    await waitFor(async () => (await stored(url))[0]?.color === 'blue', { what: 'blue saved' });

    await page.keyboard.press('t');
    await page.keyboard.type('architect');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Mentoring');
    await page.keyboard.press('Enter');
    const tagged = await waitFor(
      async () => ((await stored(url))[0]?.tagIds.length === 2 ? (await stored(url))[0] : null),
      {
        what: 'two tags saved',
      },
    );
    const { tags } = await driver.backgroundCall('snapshot');
    const names = tagged.tagIds.map((id) => tags.find((t) => t.id === id)?.name).sort();
    assert.deepEqual(
      names,
      ['Architect', 'Mentoring'],
      'an existing archetype is reused by name, a new tag is made',
    );
    assert.equal(tags.filter((t) => t.name.toLowerCase() === 'architect').length, 1);

    await page.keyboard.press('Escape');
    await clickPhrase(page, '#p2', ARCHITECT);
    await waitFor(() => toolbarBox(page), { what: 'the editor again' });
    await page.keyboard.press('n');
    await page.keyboard.type('Bring to my 1:1 on scope.');
    await page.keyboard.press('Escape');
    await waitFor(async () => (await stored(url))[0]?.note === 'Bring to my 1:1 on scope.', {
      what: 'note saved',
    });
  });

  test('hovering a highlight shows a pointer; leaving it takes the pointer away', async () => {
    const { page } = await open(articlePage());
    await highlightWithToolbar(page, '#p2', ARCHITECT);
    await closeToolbar(page);
    const pointer = () =>
      page.evaluate(() => document.documentElement.hasAttribute('data-trailmark-pointer'));
    const box = await phraseBox(page, '#p2', ARCHITECT);
    await page.mouse.move((box.from.x + box.to.x) / 2, box.from.y, { steps: 3 });
    await waitFor(pointer, { what: 'the pointer over the highlight' });
    await page.mouse.move(5, 5, { steps: 3 });
    await waitFor(async () => !(await pointer()), { what: 'the pointer to go' });
  });

  test('delete with undo, then delete for good', async () => {
    const { page, url } = await open(articlePage());
    await highlightWithToolbar(page, '#p3', SOLVER);
    await closeToolbar(page);
    await clickPhrase(page, '#p3', SOLVER);
    await waitFor(() => toolbarBox(page), { what: 'the editor' });
    await page.keyboard.press('Delete');
    await waitDrawn(page, 0, 'the highlight to disappear');
    await page.keyboard.press('Enter');
    await waitDrawn(page, 1, 'undo to bring it back');
    assert.equal((await stored(url)).length, 1);

    await page.keyboard.press('Delete');
    await waitDrawn(page, 0, 'the highlight to disappear again');
    await page.keyboard.press('Escape');
    await waitFor(async () => (await stored(url)).length === 0, { what: 'the delete to be saved' });
  });

  test('overlapping highlights are each reachable by click', async () => {
    const { page, url } = await open(articlePage());
    const outer = 'The Solver digs deep into arbitrarily complex problems';
    await highlightWithToolbar(page, '#p3', outer);
    await closeToolbar(page);
    await highlightWithToolbar(page, '#p3', 'arbitrarily complex');
    await closeToolbar(page);
    await clickPhrase(page, '#p3', 'arbitrarily complex');
    await waitFor(() => toolbarBox(page), { what: 'the editor on the inner highlight' });
    await page.keyboard.press('2');
    await closeToolbar(page);
    await clickPhrase(page, '#p3', 'The Solver');
    await waitFor(() => toolbarBox(page), { what: 'the editor on the outer highlight' });
    await page.keyboard.press('4');
    const colours = await waitFor(
      async () => {
        const list = await stored(url);
        return list.every((h) => h.color !== 'yellow')
          ? Object.fromEntries(list.map((h) => [h.quote, h.color]))
          : null;
      },
      { what: 'both recoloured' },
    );
    assert.deepEqual(colours, { [outer]: 'pink', 'arbitrarily complex': 'green' });
  });

  test('no toolbar in an editable region unless the reader asks with the shortcut', async () => {
    const { page, url } = await open(
      articlePage({
        body: '<div id="editor" contenteditable="true"><p id="p9">Draft notes about staff engineering scope.</p></div>',
      }),
    );
    await selectPhrase(page, '#p9', 'staff engineering');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(await toolbarBox(page), null, 'no toolbar pops up while editing');
    await driver.pressShortcut(page);
    await waitDrawn(page, 1, 'the shortcut highlight in the editable region');
    assert.equal((await stored(url))[0]?.quote, 'staff engineering');
  });

  test('keyboard shortcut and context menu highlight the selection', async () => {
    const { page, url } = await open(articlePage());
    await selectPhrase(page, '#p1', TECH_LEAD);
    await driver.pressShortcut(page);
    await waitDrawn(page, 1, 'the shortcut highlight');
    await page.keyboard.press('Escape');

    await selectPhrase(page, '#p3', SOLVER);
    const tabId = await driver.tabIdFor(url);
    await driver.backgroundCall(
      'handleContextMenu',
      { menuItemId: 'trailmark-highlight-selection' },
      { id: tabId },
    );
    await waitDrawn(page, 2, 'the context-menu highlight');
    assert.deepEqual((await stored(url)).map((h) => h.quote).sort(), [SOLVER, TECH_LEAD].sort());
  });

  test('the shortcut and the toolbar take the selection as it is now, not as the last drag left it', async () => {
    const { page, url } = await open(articlePage());
    await selectPhrase(page, '#p1', TECH_LEAD);
    await waitFor(() => toolbarBox(page), { what: 'the toolbar offered for the drag' });
    await scriptSelect(page, '#p3', SOLVER);
    await driver.pressShortcut(page);
    await waitDrawn(page, 1, 'the shortcut highlight');
    await closeToolbar(page);

    await selectPhrase(page, '#p1', TECH_LEAD);
    await waitFor(() => toolbarBox(page), { what: 'the toolbar offered again' });
    await scriptSelect(page, '#p2', ARCHITECT);
    await clickHighlightButton(page);
    await waitDrawn(page, 2, 'the toolbar highlight');
    assert.deepEqual((await stored(url)).map((h) => h.quote).sort(), [ARCHITECT, SOLVER].sort());
  });

  // Chromium extends the selection to the toolbar's place; Firefox drops it when the drag enters
  // the toolbar. Either way the toolbar must follow what is selected once the button is released.
  test('a drag released over the toolbar leaves the toolbar matching the new selection', async () => {
    const { page } = await open(articlePage());
    await selectPhrase(page, '#p3', SOLVER);
    const before = await waitFor(() => toolbarBox(page), { what: 'the toolbar' });
    const start = await phraseBox(page, '#p1', TECH_LEAD);
    await page.mouse.move(start.from.x, start.from.y);
    await page.mouse.down();
    await page.mouse.move(before.left + before.width / 2, before.top + before.height / 2, {
      steps: 8,
    });
    await page.mouse.up();
    const selected = await page.evaluate(() => String(getSelection()));
    if (selected === '') {
      await waitFor(async () => !(await toolbarBox(page)), { what: 'no toolbar for no selection' });
      return;
    }
    assert.ok(selected.startsWith(TECH_LEAD), `the drag selected "${selected}"`);
    await waitFor(async () => (await toolbarBox(page))?.top !== before.top, {
      what: 'the toolbar placed beside the new selection',
    });
  });

  test('all highlights come back after reload, in their colours', async () => {
    const { page } = await open(articlePage());
    await highlightWithToolbar(page, '#p1', TECH_LEAD);
    await page.keyboard.press('2');
    await closeToolbar(page);
    await highlightWithToolbar(page, '#p2', ARCHITECT);
    await closeToolbar(page);
    await highlightWithToolbar(page, '#p3', SOLVER);
    await page.keyboard.press('4');
    const before = await waitFor(async () => {
      const r = await registry(page);
      return r['trailmark-2']?.length && r['trailmark-4']?.length ? r : null;
    });
    await page.reload();
    await waitDrawn(page, 3, 'all three after reload');
    assert.deepEqual(await registry(page), before);
  });

  test('content that arrives 2 s after load is re-anchored when it settles', async () => {
    const { page, name } = await open(articlePage());
    await highlightWithToolbar(page, '#p2', ARCHITECT);
    server.setPage(name, latePage());
    await page.reload();
    assert.equal((await drawnHighlights(page)).length, 0);
    await waitDrawn(page, 1, 'the late highlight');
    assert.deepEqual(await drawnHighlights(page), [ARCHITECT]);
  });

  test('client-side navigation to a page with highlights draws them', async () => {
    pageCount += 1;
    const target = `spa-target-${pageCount}.html`;
    server.setPage(target, articlePage());
    const direct = await driver.newPage(server.url(target));
    await highlightWithToolbar(direct, '#p3', SOLVER);
    await direct.close();

    const { page } = await open(spaPage(target));
    await page.click('#go');
    await waitDrawn(page, 1, 'the highlight after pushState');
    assert.deepEqual(await drawnHighlights(page), [SOLVER]);
  });

  test('an edited page leaves one highlight orphaned, kept and listed', async () => {
    const { page, name, url } = await open(articlePage());
    await highlightWithToolbar(page, '#p1', TECH_LEAD);
    await closeToolbar(page);
    await highlightWithToolbar(page, '#p3', SOLVER);
    server.setPage(name, articlePage().replace(SOLVER, 'was rewritten by the editors'));
    await page.reload();
    await waitDrawn(page, 1, 'the surviving highlight');
    const statuses = await waitFor(
      async () => {
        const list = await stored(url);
        return list.some((h) => h.anchorStatus === 'orphan') ? list : null;
      },
      { what: 'the orphan reported' },
    );
    assert.equal(statuses.length, 2, 'the orphan is kept');
    assert.equal(statuses.find((h) => h.quote === SOLVER)?.anchorStatus, 'orphan');

    const tabId = await driver.tabIdFor(url);
    const popup = await driver.extensionPage(`popup.html?tab=${tabId}`);
    const text = await waitFor(
      async () => {
        const body = await popup.evaluate(() => document.body.innerText);
        return /not found on this page/i.test(body) ? body : null;
      },
      { what: 'the popup orphan group' },
    );
    assert.ok(text.includes('digs deep'), 'the orphan is listed with its quote');
    await popup.close();
  });

  test('a dark page keeps highlighted text readable', async () => {
    const { page } = await open(darkPage());
    await highlightWithToolbar(page, '#p2', ARCHITECT);
    await closeToolbar(page);
    const box = await phraseBox(page, '#p2', ARCHITECT);
    const clip = {
      x: Math.floor(box.from.x),
      y: Math.floor(box.from.y - 10),
      width: 200,
      height: 20,
    };
    const image = decodePng(await page.screenshot({ clip }));
    const colours = new Map();
    for (let y = 0; y < image.height; y += 1) {
      for (let x = 0; x < image.width; x += 1) {
        const key = image.at(x, y).join(',');
        colours.set(key, (colours.get(key) ?? 0) + 1);
      }
    }
    const ranked = [...colours].sort((a, b) => b[1] - a[1]).map(([k]) => k.split(',').map(Number));
    const background = ranked[0];
    const darkest = ranked.reduce((a, b) =>
      contrast(b, background) > contrast(a, background) ? b : a,
    );
    assert.ok(
      contrast(background, [11, 11, 15]) > 5,
      `the highlight background stands out from the page: ${background}`,
    );
    assert.ok(
      contrast(darkest, background) >= 4.5,
      `text on the highlight reads at AA: ${contrast(darkest, background).toFixed(1)}`,
    );
  });

  for (const [kind, { html, headers }] of Object.entries(HOSTILE)) {
    test(`hostile page (${kind}): highlights, restores, leaves the page as it was`, async () => {
      const { page, errors } = await open(html, headers);
      const layout = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('p')].map((p) => {
            const r = p.getBoundingClientRect();
            return [
              r.x,
              r.y,
              r.width,
              r.height,
              getComputedStyle(p).display,
              getComputedStyle(p).color,
            ].join();
          }),
        );
      const before = await layout();
      await highlightWithToolbar(page, '#p2', ARCHITECT, { readable: false });
      assert.deepEqual(await layout(), before, 'no layout shift and no restyled page element');
      await closeToolbar(page);
      await page.reload();
      await waitDrawn(page, 1, 'the highlight after reload');
      assert.deepEqual(await drawnHighlights(page), [ARCHITECT]);
      // The browser's own favicon request is refused by a strict CSP too; that one is not ours.
      const ours = errors.filter((e) => !/favicon\.ico/.test(e));
      assert.deepEqual(ours, [], 'nothing in the page console');
    });
  }
}
