// How the extension pages look to a person, written once and run in every browser: one base
// text size and the design tokens' colours on the popup, review and welcome pages; the popup over
// a page it cannot save; no status before a page is saved; the popup's density at its largest
// size; the welcome page's steps and shortcut; axe-core on the welcome page's goal form in both
// themes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { useScheme } from './color-scheme.mjs';
import { waitFor } from './page-actions.mjs';
import { articleHtml, ARCHITECT, RIGHT_HAND, SOLVER } from './popup-pages.mjs';
import {
  addTagIn,
  axeViolations,
  chooseOption,
  click,
  find,
  openPopup,
  textsOf,
} from './popup-actions.mjs';
import { createGoal, highlightPhrases } from './popup-setup.mjs';
import { withBrowser } from './with-browser.mjs';

const TOKENS = readFileSync(
  new URL('../../../src/shared/design-tokens.ts', import.meta.url),
  'utf8',
);

/** A colour of the light palette as the browser computes it, `rgb(r, g, b)`. */
function lightToken(name) {
  const light = TOKENS.slice(TOKENS.indexOf('light: {'), TOKENS.indexOf('dark: {'));
  const hex = light.match(new RegExp(`\\b${name}: '#([0-9a-f]{6})'`, 'i'))?.[1];
  if (!hex) throw new Error(`no light ${name} token`);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

const MORE = {
  TECH_LEAD:
    'The Tech Lead guides the approach and execution of a particular team, partnering closely with its manager.',
  GROWTH:
    'Writing down what you learn each week turns scattered reading into evidence you can bring to a review.',
};

/** The body's text as the reader sees it, and any visible text smaller than 12 px. */
const textLook = (page) =>
  page.evaluate(() => {
    const body = getComputedStyle(document.body);
    const small = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!node.nodeValue.trim() || !el || el.closest('.sr-only, script, style')) continue;
      if (el.getClientRects().length === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 12) small.push(`${size}px: ${node.nodeValue.trim().slice(0, 40)}`);
    }
    return {
      size: parseFloat(body.fontSize),
      color: body.color,
      background: body.backgroundColor,
      small,
    };
  });

const setViewport = (page, width, height) =>
  page.setViewportSize
    ? page.setViewportSize({ width, height })
    : page.setViewport({ width, height });

/** What the popup's "This page" tab offers: its controls, and the plain message if any. */
const pageControls = (popup) =>
  popup.evaluate(() => {
    const panel = document.querySelector('[role="tabpanel"]');
    return {
      message: panel.querySelector('.not-a-page')?.textContent ?? null,
      selects: panel.querySelectorAll('select').length,
      checkboxes: panel.querySelectorAll('input[type="checkbox"]').length,
      tagControls: panel.querySelectorAll('.add-tag, .tag-chips, [aria-label^="Tags of"]').length,
      words: panel.textContent,
    };
  });

/** The shortcut the browser has bound to highlighting, asked from an extension page. */
const boundShortcut = (page) =>
  page.evaluate(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    const commands = await api.commands.getAll();
    return commands.find((c) => c.name === 'highlight-selection')?.shortcut ?? '';
  });

export function pagesLookScenarios(launch) {
  let driver;
  let server;
  withBrowser(launch, (d, s) => ([driver, server] = [d, s]));
  const snapshot = () => driver.backgroundCall('snapshot');

  test('popup, review and welcome read at one base size of 14–16 px in the tokens’ colours, nothing under 12 px', async () => {
    const { url, page } = await highlightPhrases(
      driver,
      server,
      'base-size.html',
      articleHtml('base-size.html', { p1: SOLVER }),
      { '#p1': 'digs deep into arbitrarily complex problems' },
    );
    const popup = await openPopup(driver, url);
    const pages = { popup, review: await driver.extensionPage('review.html') };
    pages.welcome = await driver.extensionPage('welcome.html');
    await find(pages.welcome, '.shortcut[data-shortcut]');
    for (const [name, p] of Object.entries(pages)) {
      await useScheme(driver, p, 'light');
      const look = await textLook(p);
      assert.ok(look.size >= 14 && look.size <= 16, `${name}: body text is ${look.size}px`);
      assert.equal(look.color, lightToken('fg'), `${name}: text colour is the fg token`);
      assert.equal(look.background, lightToken('bg'), `${name}: background is the bg token`);
      assert.deepEqual(look.small, [], `${name}: no visible text under 12 px`);
      // Firefox drew scroll tracks light on the dark theme until they took the tokens' colours.
      assert.equal(
        await p.evaluate(() => getComputedStyle(document.documentElement).scrollbarColor),
        `${lightToken('muted')} ${lightToken('surface')}`,
        `${name}: scroll bars in the tokens' colours`,
      );
      await p.close();
    }
    await page.close();
  });

  test('the popup over a page it cannot save says Trailmark works on web pages, with no page controls', async () => {
    await driver.extensionPage('welcome.html');
    const blank = await driver.newPage('about:blank');
    for (const url of [driver.extensionUrl('welcome.html'), 'about:blank']) {
      const tabId = await waitFor(() => driver.tabIdFor(url), { what: `the tab of ${url}` });
      const popup = await driver.extensionPage(`popup.html?tab=${tabId}`);
      const controls = await waitFor(
        async () => {
          const found = await pageControls(popup);
          return found.message ? found : null;
        },
        { what: `the popup's message over ${url}` },
      );
      assert.match(controls.message, /Trailmark works on web pages/, url);
      assert.deepEqual(
        { selects: controls.selects, checkboxes: controls.checkboxes, tags: controls.tagControls },
        { selects: 0, checkboxes: 0, tags: 0 },
        `${url}: no status, tracking or tag controls`,
      );
      assert.doesNotMatch(controls.words, /Status|Track reading time|Link to goal/, url);
      await popup.close();
    }
    await blank.close();
  });

  test('on a web page not saved yet no status reads as chosen; choosing one saves the page', async () => {
    const name = 'unsaved.html';
    server.setPage(name, articleHtml(name, { p1: ARCHITECT }));
    const url = server.url(name);
    const page = await driver.newPage(url);
    const popup = await openPopup(driver, url);
    const status = () =>
      popup.evaluate(() => {
        const select = [...document.querySelectorAll('.page-details select')][0];
        return { value: select.value, shown: select.selectedOptions[0]?.textContent.trim() };
      });
    const before = await status();
    assert.equal(before.value, '', 'no status value before the page is saved');
    assert.doesNotMatch(before.shown, /^(Reading|Read|Archived)$/, `shows "${before.shown}"`);
    assert.equal(
      (await snapshot()).pages.find((p) => p.url === url),
      undefined,
    );

    await chooseOption(popup, '.page-details select', '', 'read');
    await waitFor(
      async () => (await snapshot()).pages.find((p) => p.url === url)?.status === 'read',
      {
        what: 'the chosen status to be stored',
      },
    );
    await waitFor(async () => (await status()).shown === 'Read', { what: 'Read to show' });
    await popup.close();
    await page.close();
  });

  test('five highlights with a tag and a goal each: at 400×600 four or more show without scrolling', async () => {
    const paragraphs = {
      p1: SOLVER,
      p2: ARCHITECT,
      p3: RIGHT_HAND,
      p4: MORE.TECH_LEAD,
      p5: MORE.GROWTH,
    };
    const phrases = Object.fromEntries(
      Object.entries(paragraphs).map(([id, t]) => [
        `#${id}`,
        // Inside the paragraph: a drag across its very ends can spill into the next one.
        t.slice(t.indexOf(' ') + 1, -1),
      ]),
    );
    const { url, page } = await highlightPhrases(
      driver,
      server,
      'dense.html',
      articleHtml('dense.html', paragraphs),
      phrases,
    );
    const popup = await openPopup(driver, url);
    const goal = 'Staff engineer by 2028';
    await createGoal(popup, goal, {});
    await click(popup, '[role="tab"]', 'This page');
    const tags = ['solver', 'architect', 'right-hand', 'tech-lead', 'solver'];
    for (const [i, tag] of tags.entries()) {
      const row = `.highlights > li:nth-child(${i + 1})`;
      await addTagIn(popup, row, `archetype-${tag}`);
      await click(popup, `${row} button[aria-expanded]`, 'Link to goal');
      await click(popup, `${row} .picker-list input`, goal);
      await find(popup, `${row} .goal-chip`, goal);
      await click(popup, `${row} .picker-list button`, 'Done');
    }
    await waitFor(
      async () => {
        const { pages, highlights, links, goals } = await snapshot();
        const pageId = pages.find((p) => p.url === url)?.id;
        const goalId = goals.find((g) => g.title === goal)?.id;
        const mine = highlights.filter((h) => h.pageId === pageId);
        return (
          mine.length === 5 &&
          mine.every((h) => h.tagIds.length === 1) &&
          links.filter((l) => l.goalId === goalId).length === 5
        );
      },
      { what: 'five tags and five links to be stored' },
    );

    await setViewport(popup, 400, 600);
    const layout = await waitFor(async () =>
      popup.evaluate(() => {
        scrollTo(0, 0);
        const rows = [...document.querySelectorAll('.highlights > li')];
        if (rows.some((li) => !li.querySelector('.tag') || !li.querySelector('.goal-chip'))) {
          return null;
        }
        const shown = rows.filter((li) => {
          const box = li.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= innerHeight;
        });
        return {
          rows: rows.length,
          shown: shown.length,
          wide: document.documentElement.scrollWidth > innerWidth,
          tagsPerRow: rows.map((li) => li.querySelectorAll('.tag').length),
        };
      }),
    );
    assert.equal(layout.rows, 5);
    assert.ok(layout.shown >= 4, `${layout.shown} of 5 highlights show without scrolling`);
    assert.equal(layout.wide, false, 'nothing overflows sideways');
    assert.deepEqual(layout.tagsPerRow, [1, 1, 1, 1, 1], 'a highlight shows only its own tags');
    const look = await textLook(popup);
    assert.deepEqual(look.small, [], 'no visible text under 12 px');

    // The picker of the last highlight opens below the fold; the whole list is brought into view.
    await popup.evaluate(() => scrollTo(0, 0));
    const last = '.highlights > li:nth-child(5)';
    await click(popup, `${last} button[aria-expanded]`, 'Link to goal');
    await find(popup, `${last} .picker-list`);
    const box = await popup.evaluate((css) => {
      const { top, bottom } = document.querySelector(css).getBoundingClientRect();
      return { top, bottom, height: innerHeight };
    }, `${last} .picker-list`);
    // Scrolled to its edge, a box may end a fraction of a pixel past the viewport.
    assert.ok(
      box.top >= 0 && box.bottom <= box.height + 1,
      `the link picker is in view: ${JSON.stringify(box)}`,
    );
    await popup.close();
    await page.close();
  });

  test('the welcome page shows the shortcut the browser has bound, and pinning as this browser does it', async () => {
    const welcome = await driver.extensionPage('welcome.html');
    const bound = await boundShortcut(welcome);
    assert.ok(bound, 'the suggested shortcut is bound in a fresh profile');
    await find(welcome, '.shortcut[data-shortcut]');
    assert.deepEqual(await textsOf(welcome, '[data-testid="shortcut"]'), [bound]);
    const family = driver.name === 'firefox' ? 'firefox' : 'chrome';
    assert.deepEqual(await textsOf(welcome, `[data-browser="${family}"]`).then((t) => t.length), 1);
    const steps = await textsOf(welcome, '.steps > li h2');
    assert.deepEqual(steps, [
      'Pin Trailmark to the toolbar',
      'Highlight a passage',
      'Create a first goal',
    ]);
    assert.deepEqual(await textsOf(welcome, '.archetype dt'), [
      'Tech Lead',
      'Architect',
      'Solver',
      'Right Hand',
    ]);

    // The third step creates a goal right there.
    await click(welcome, 'button', 'Create a goal');
    await find(welcome, 'input[name="title"]');
    await welcome.type('input[name="title"]', 'Reach staff engineer by 2028');
    await click(welcome, 'button[type="submit"]', 'Create goal');
    await waitFor(
      async () => (await snapshot()).goals.some((g) => g.title === 'Reach staff engineer by 2028'),
      { what: 'the goal from the welcome page' },
    );
    await find(welcome, '[role="status"]', 'Goal created: Reach staff engineer by 2028.');
    await welcome.close();
  });

  // The welcome page itself and the popup over it are checked in the visual walk
  // (support/visual-scenarios); its goal form opens only here.
  for (const scheme of ['light', 'dark']) {
    test(`axe-core finds no violations in the welcome page's goal form, ${scheme} theme`, async () => {
      const welcome = await driver.extensionPage('welcome.html');
      await useScheme(driver, welcome, scheme);
      await click(welcome, 'button', 'Create a goal');
      await find(welcome, 'input[name="title"]');
      assert.deepEqual(await axeViolations(welcome), []);
      await welcome.close();
    });
  }
}
