// The page is not on the reader's side: what a page script can fake (clicks, mouseups, pointer
// moves) must act on nothing, what it can read must not name Trailmark, and a plain http://
// page on a real host name (not a secure context) must highlight like any other. Written once
// for both browsers; `launch` brings the options the http test needs (a host name mapped to
// loopback).
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { openRootsBuild, TEST_IDLE_MS } from './open-roots-build.mjs';
import { withBrowser } from './with-browser.mjs';
import {
  clickHighlightButton,
  drawnHighlights,
  pageNames,
  phraseBox,
  scriptSelect,
  selectPhrase,
  toolbarBox,
  usePageNames,
  waitFor,
} from './page-actions.mjs';
import { storedRecords } from './stored-highlights.mjs';
import { page as articlePage } from './test-pages.mjs';

/** A host name the browser maps to loopback: not localhost, so pages there are not secure. */
export const PLAIN_HOST = 'reader-blog.example';

const ARCHITECT = 'responsible for the direction';
const SOLVER = 'digs deep into arbitrarily complex problems';
const TECH_LEAD = 'guides the approach and execution';

/** In the page: lets every timer and frame the content script queued run first. */
const settleInPage = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) =>
        setTimeout(() => requestAnimationFrame(() => setTimeout(resolve, 0)), 0),
      ),
  );

export function pageTrustScenarios(launch) {
  let driver;
  let server;
  let pageCount = 0;
  let openPages = [];

  withBrowser(launch, (d, s) => ([driver, server] = [d, s]));
  afterEach(async () => {
    await Promise.all(openPages.map((p) => p.close().catch(() => undefined)));
    openPages = [];
  });

  /** `on`: a browser other than the file's, as the idle test's with the test build. */
  async function open(html, { host, on = driver } = {}) {
    pageCount += 1;
    const name = `trust-${pageCount}.html`;
    server.setPage(name, html);
    const url = host ? server.url(name).replace('127.0.0.1', host) : server.url(name);
    const page = await on.newPage(url);
    openPages.push(page);
    return { page, url };
  }

  const stored = async (url) => {
    const { pages, highlights } = await driver.backgroundCall('snapshot');
    const pageId = pages.find((p) => p.url === url)?.id;
    return {
      page: pages.find((p) => p.url === url),
      highlights: highlights.filter((h) => h.pageId === pageId),
    };
  };

  async function highlight(page, selector, phrase) {
    const before = (await drawnHighlights(page)).length;
    await selectPhrase(page, selector, phrase);
    await clickHighlightButton(page);
    await waitFor(async () => (await drawnHighlights(page)).length === before + 1, {
      what: `"${phrase}" drawn`,
    });
    await page.keyboard.press('Escape');
    await waitFor(async () => !(await toolbarBox(page)), { what: 'the toolbar to close' });
  }

  test('a faked click on a highlight opens nothing: the reader’s next keys change nothing', async () => {
    const { page, url } = await open(articlePage());
    await highlight(page, '#p2', ARCHITECT);
    await waitFor(async () => (await stored(url)).highlights.length === 1, { what: 'saved' });
    await page.evaluate(() =>
      document.body.append(Object.assign(document.createElement('input'), { id: 'field' })),
    );
    const field = await page.evaluate(() => {
      const r = document.querySelector('#field').getBoundingClientRect();
      return { x: r.left + 5, y: r.top + r.height / 2 };
    });
    await page.mouse.click(field.x, field.y);
    // The page fakes a click on the highlight, as if the reader had clicked it.
    const box = await phraseBox(page, '#p2', ARCHITECT);
    const focus = await page.evaluate(
      ({ x, y }) => {
        const target = document.elementFromPoint(x, y);
        for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'])
          target.dispatchEvent(
            new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y }),
          );
        return new Promise((resolve) =>
          setTimeout(
            () => resolve(document.activeElement?.id ?? document.activeElement?.localName),
            0,
          ),
        );
      },
      { x: (box.from.x + box.to.x) / 2, y: box.from.y },
    );
    await settleInPage(page);
    assert.equal(await toolbarBox(page), null, 'no editor opened for a faked click');
    assert.equal(focus, 'field', 'focus stayed in the page’s field');
    // The reader goes on typing into the field: colour keys, N, Delete.
    await page.keyboard.type('3n2');
    await page.keyboard.press('Delete');
    await waitFor(() => page.evaluate(() => document.querySelector('#field').value === '3n2'), {
      what: 'the keys typed into the field',
    });
    // A real highlight after the keys: the background applies messages in order, so once it
    // is saved, anything the keys had sent would be too.
    await highlight(page, '#p3', SOLVER);
    const { highlights } = await waitFor(
      async () => ((await stored(url)).highlights.length === 2 ? stored(url) : null),
      { what: 'the second highlight saved' },
    );
    const first = highlights.find((h) => h.quote === ARCHITECT);
    assert.ok(first, 'the first highlight is still there');
    assert.deepEqual([first.color, first.note, first.tagIds], ['yellow', '', []]);
  });

  test('a page that selects text and fakes a mouseup or a key release gets no toolbar', async () => {
    const { page } = await open(articlePage());
    await scriptSelect(page, '#p1', TECH_LEAD);
    await page.evaluate(() => {
      document.dispatchEvent(
        new MouseEvent('mouseup', { bubbles: true, clientX: 50, clientY: 50 }),
      );
      document.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true, key: 'Shift' }));
    });
    await settleInPage(page);
    assert.equal(await toolbarBox(page), null, 'no toolbar for a faked mouseup');
    // The same selection released by the reader's own key does offer it: the test can fail.
    await page.keyboard.press('Shift');
    await waitFor(() => toolbarBox(page), { what: 'the toolbar for the reader’s own key' });
  });

  test('nothing a page can read names Trailmark, and a fragment only goes when it names a highlight', async () => {
    const { page, url } = await open(articlePage());
    await highlight(page, '#p2', ARCHITECT);
    // The page's record can be stored before its highlight: an empty list is not yet.
    const saved = await waitFor(async () => (await stored(url)).highlights[0], { what: 'saved' });
    await selectPhrase(page, '#p1', TECH_LEAD);
    await waitFor(() => toolbarBox(page), { what: 'the toolbar' });
    const box = await phraseBox(page, '#p2', ARCHITECT);
    await page.mouse.move((box.from.x + box.to.x) / 2, box.from.y, { steps: 3 });
    const seen = await page.evaluate(() => ({
      registry: [...CSS.highlights.keys()],
      attributes: [...document.documentElement.attributes].map((a) => a.name),
      elements: [...new Set([...document.querySelectorAll('*')].map((e) => e.localName))],
      sheets: [...document.adoptedStyleSheets, ...document.styleSheets].flatMap((s) =>
        [...s.cssRules].map((r) => r.cssText),
      ),
      html: document.documentElement.outerHTML,
    }));
    assert.ok(seen.registry.length > 0 && seen.elements.includes(pageNames().toolbar));
    assert.doesNotMatch(JSON.stringify(seen), /trailmark/i);

    const { reveal } = pageNames();
    const base = url.replace(/#.*/, '');
    // A fresh load each time: a fragment change alone does not run the content script again.
    const load = async (hash) => {
      await page.goto('about:blank');
      await page.goto(`${base}${hash}`);
    };
    for (const hash of [`#${reveal}=not-a-highlight`, `#trailmark=${saved.id}`]) {
      await load(hash);
      await waitFor(async () => (await drawnHighlights(page)).length === 1, { what: 'restored' });
      await settleInPage(page);
      assert.equal(await page.evaluate(() => location.hash), hash, `${hash} is left alone`);
    }
    await load(`#${reveal}=${saved.id}`);
    await waitFor(() => page.evaluate(() => location.hash === ''), {
      what: 'the fragment naming a highlight to be taken away',
    });
  });

  test('on a plain http:// page of a real host name, highlighting saves', async () => {
    const { page, url } = await open(articlePage(), { host: PLAIN_HOST });
    const context = await page.evaluate(() => ({
      secure: isSecureContext,
      randomUUID: typeof crypto.randomUUID,
    }));
    assert.deepEqual(context, { secure: false, randomUUID: 'undefined' }, 'not a secure context');
    await highlight(page, '#p2', ARCHITECT);
    const { highlights } = await waitFor(
      async () => ((await stored(url)).highlights.length === 1 ? stored(url) : null),
      { what: 'the highlight saved' },
    );
    assert.equal(highlights[0].quote, ARCHITECT);
  });

  test('a save the background refuses stays drawn as pending, said in a lasting status, and saves on its own', async () => {
    const { page, url } = await open(articlePage());
    // The page record is written, then the highlight's write meets a full disk.
    await driver.backgroundCall('failWrites', 1, 1);
    await selectPhrase(page, '#p2', ARCHITECT);
    await clickHighlightButton(page);
    const { status, pending } = pageNames();
    await waitFor(
      () =>
        page.evaluate(
          ({ status, pending }) =>
            Boolean(document.querySelector(status)?.isConnected) &&
            CSS.highlights.get(pending)?.size === 1,
          { status, pending },
        ),
      { what: 'the pending mark and the status' },
    );
    assert.deepEqual(await drawnHighlights(page), [ARCHITECT], 'still drawn');
    // The status outlives the toolbar and the next selection.
    await page.keyboard.press('Escape');
    await selectPhrase(page, '#p1', TECH_LEAD);
    assert.ok(await page.evaluate((s) => document.querySelector(s)?.isConnected, status));
    await waitFor(async () => (await stored(url)).highlights.length === 1, {
      timeout: 30_000,
      what: 'the retry to save it',
    });
    await waitFor(
      () =>
        page.evaluate(
          ({ status, pending }) =>
            !document.querySelector(status)?.isConnected && !CSS.highlights.get(pending)?.size,
          { status, pending },
        ),
      { what: 'the status and the pending mark to go' },
    );
  });

  test('synthetic pointer moves, keys and scrolls keep no reading time running', async () => {
    // The test build's idle limit is seconds, not the shipped minute: the rule is the same.
    const build = await openRootsBuild();
    const own = await launch({ dist: build.dist });
    try {
      await fakedActivityStaysIdle(own);
    } finally {
      await own.close();
      // Launching took that install's page names for the whole file: the file's own come back.
      usePageNames(await driver.backgroundCall('pageNames'));
    }
  });

  async function fakedActivityStaysIdle(on) {
    const tall = '<style>body { padding-bottom: 4000px; }</style>';
    const { page, url } = await open(articlePage({ head: tall }), { on });
    const started = Date.now();
    await highlight(page, '#p2', ARCHITECT);
    const readerDone = Date.now();
    // The reader is idle from here; the page fakes activity and scrolls itself a little.
    await page.evaluate(() => {
      setInterval(() => {
        for (const type of ['pointermove', 'pointerdown', 'wheel'])
          window.dispatchEvent(new MouseEvent(type, { bubbles: true, clientX: 10, clientY: 10 }));
        window.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'ArrowDown' }));
        window.dispatchEvent(new Event('focus'));
        window.dispatchEvent(new Event('scroll'));
        scrollBy(0, 1);
      }, 250);
    });
    // Four times the idle limit: real idleness stops counting, faked activity not.
    await waitFor(async () => Date.now() - readerDone > 4 * TEST_IDLE_MS, {
      timeout: 5 * TEST_IDLE_MS + 30_000,
      what: 'the idle time to pass',
    });
    // The page scrolls to the end and is left: the last report carries that scroll.
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    // Scroll events are sent with the next frame: leave once it was drawn and they were handled.
    await settleInPage(page);
    await page.goto('about:blank');
    // Read from the database: the worker may be stopped for being idle by now.
    const reader = await on.extensionPage('review.html');
    const record = await waitFor(
      async () => {
        const saved = (await storedRecords(reader, 'pages')).find((p) => p.url === url);
        return saved && saved.maxScroll >= 0.99 ? saved : null;
      },
      { what: 'the last reading report' },
    );
    const bound = TEST_IDLE_MS + (readerDone - started) + 2000;
    assert.ok(
      record.readingMs <= bound,
      `${record.readingMs} ms of reading recorded for a reader idle past the limit (at most ${bound})`,
    );
    assert.ok(record.readingMs > 0, 'the reader’s own activity was counted');
  }
}
