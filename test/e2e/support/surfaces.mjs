// Every surface a person sees, brought on screen in a known state for both drivers: the in-page
// toolbar, the hover tip and a highlight's editor (with its typing frame) on a light, a dark and
// a hostile page; the popup (a saved page, goals, a new and an edited goal's form, search, a page
// not saved yet, pages it cannot save); every review view; the welcome page. The
// screenshot script photographs each state and the visual tests check each one, so both always
// look at the same things.
import { useScheme } from './color-scheme.mjs';
import {
  pageNames,
  phraseBox,
  selectPhrase,
  settledToolbarBox,
  toolbarBox,
  waitFor,
} from './page-actions.mjs';
import { click, openPopup } from './popup-actions.mjs';
import { openReview, pickFile, waitForText } from './review-actions.mjs';
import { GOALS, SERVED, showcaseBackup, showcaseHtml } from './showcase-library.mjs';
import { typingFieldsLook } from './toolbar-look.mjs';

/** The phrase a reader selects on each page to bring up the toolbar (never already highlighted). */
const SELECT = {
  light: ['#p1', 'most organisations need several of them'],
  dark: ['#p1', 'Good strategy is boring'],
  hostile: ['#p1', 'a story about impact'],
};

export const IN_PAGE_VARIANTS = ['light', 'dark', 'hostile'];
export const REVIEW_VIEWS = ['library', 'goal', 'mix', 'resurface', 'data'];
const POPUP_SIZE = { width: 400, height: 600 };
const PAGE_SIZE = { width: 1100, height: 800 };

/**
 * Words a view shows while it is still reading; a state is only ready once they are gone. The
 * library says "Counting…" alone before its first rows (a busy Firefox was photographed so).
 */
const PENDING = /Loading…|Counting…|counting…|still searching|Searching…/;

const resize = (page, size) =>
  page.setViewportSize ? page.setViewportSize(size) : page.setViewport(size);

/** Fonts loaded, transitions and animations run to their end, two frames painted, nothing pending. */
export async function settle(page) {
  await waitFor(
    () =>
      page.evaluate(
        (pending) => !new RegExp(pending).test(document.body.innerText),
        PENDING.source,
      ),
    { what: 'the view to finish loading' },
  );
  await page.evaluate(async () => {
    await document.fonts.ready;
    for (const animation of document.getAnimations()) {
      try {
        if (Number.isFinite(animation.effect?.getComputedTiming().endTime)) animation.finish();
      } catch {
        // An endless animation keeps running.
      }
    }
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

/**
 * Serves the showcase pages and imports the showcase library through the review page. Returns
 * that review page, kept open: in Firefox it is the extension page content-world checks run from.
 */
export async function seedShowcase(driver, server) {
  for (const variant of Object.keys(SERVED)) {
    server.setPage(SERVED[variant].file, showcaseHtml(variant));
  }
  const review = await openReview(driver, 'data');
  await pickFile(review, '#import-file', 'showcase.json', showcaseBackup(server.url));
  await waitForText(review, '.import-ok', 'Imported', 60_000);
  await waitFor(
    () => review.evaluate(() => document.querySelector('.index-status')?.dataset.state === 'done'),
    { what: 'the imported library to be indexed' },
  );
  return review;
}

const isConnected = (page, name) =>
  page.evaluate((n) => document.querySelector(n)?.isConnected === true, name);

/** A box around the in-page UI and what it belongs to, with room to see the page around it. */
async function clipAround(page, hostName, near) {
  const host = await page.evaluate((n) => {
    const r = document.querySelector(n)?.getBoundingClientRect();
    return r && { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  }, hostName);
  const boxes = [host, near].filter(Boolean);
  const pad = 24;
  const left = Math.max(0, Math.min(...boxes.map((b) => b.left)) - pad);
  const top = Math.max(0, Math.min(...boxes.map((b) => b.top)) - pad);
  const right = Math.min(PAGE_SIZE.width, Math.max(...boxes.map((b) => b.right)) + pad);
  const bottom = Math.min(PAGE_SIZE.height, Math.max(...boxes.map((b) => b.bottom)) + pad);
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The editor's typing frame is on screen (open roots: a test build). */
const typingShown = (page) =>
  page.evaluate((name) => {
    const frame = document.querySelector(name)?.shadowRoot?.querySelector('iframe');
    return Boolean(frame && !frame.hidden && frame.getBoundingClientRect().height > 0);
  }, pageNames().toolbar);

const boxOf = ({ from, to }) => ({
  left: Math.min(from.x, to.x) - 4,
  right: Math.max(from.x, to.x) + 4,
  top: from.y - 14,
  bottom: to.y + 14,
});

/** Which paragraph holds a quote on a served page. */
const paragraphOf = (variant, quote) =>
  `#p${SERVED[variant].paragraphs.findIndex((p) => p.includes(quote)) + 1}`;

/**
 * The hover tip over a tagged highlight, then the toolbar over a fresh selection, on one page.
 * Yields `{ name, page, kind: 'in-page', clip }` for each, with the UI on screen.
 */
export async function* inPageStates(driver, server, variant, scheme) {
  const { file, highlights } = SERVED[variant];
  const page = await driver.newPage(server.url(file));
  try {
    await resize(page, PAGE_SIZE);
    await useScheme(driver, page, scheme);
    await page.bringToFront();
    const quote = highlights[0].quote;
    const where = paragraphOf(variant, quote);
    await waitFor(
      () =>
        page.evaluate(
          (q) => [...CSS.highlights.values()].some((h) => [...h].some((r) => `${r}` === q)),
          quote,
        ),
      { what: `the highlight "${quote}" restored` },
    );

    const mark = await phraseBox(page, where, quote);
    await waitFor(
      async () => {
        await page.mouse.move(mark.from.x + 12, mark.from.y);
        await page.mouse.move(mark.from.x + 20, mark.from.y);
        return isConnected(page, pageNames().tip);
      },
      { what: 'the hover tip' },
    );
    yield {
      name: `tip-${variant}`,
      page,
      kind: 'in-page',
      clip: await clipAround(page, pageNames().tip, boxOf(mark)),
    };

    await page.mouse.move(5, 5);
    await waitFor(async () => !(await isConnected(page, pageNames().tip)), {
      what: 'the tip to go',
    });
    const [selector, phrase] = SELECT[variant];
    await selectPhrase(page, selector, phrase);
    // It fades in where it lands: judged and photographed once fully there, as a reader sees it.
    await settledToolbarBox(page);
    const chosen = boxOf(await phraseBox(page, selector, phrase));
    yield {
      name: `toolbar-${variant}`,
      page,
      kind: 'in-page',
      clip: await clipAround(page, pageNames().toolbar, chosen),
    };

    // The editor of the highlight the tip was over, with its note and new-tag fields.
    await page.keyboard.press('Escape');
    await waitFor(async () => !(await toolbarBox(page)), { what: 'the toolbar to close' });
    await page.mouse.click(mark.from.x + 12, mark.from.y);
    await settledToolbarBox(page);
    await waitFor(() => typingShown(page), { what: 'the typing frame in the editor' });
    yield {
      name: `editor-${variant}`,
      page,
      kind: 'in-page',
      typing: await typingFieldsLook(page),
      clip: await clipAround(page, pageNames().toolbar, boxOf(mark)),
    };
  } finally {
    await page.close();
  }
}

async function popupFor(driver, url, { saved }) {
  if (saved) return openPopup(driver, url);
  const tabId = await waitFor(() => driver.tabIdFor(url), { what: `the tab of ${url}` });
  return driver.extensionPage(`popup.html?tab=${tabId}`);
}

/** The popup at its real size about one tab; `saved` pages render their highlights. */
async function* popupAbout(driver, url, name, scheme, { saved = true, then } = {}) {
  const popup = await popupFor(driver, url, { saved });
  try {
    await resize(popup, POPUP_SIZE);
    await useScheme(driver, popup, scheme);
    await settle(popup);
    yield { name, page: popup, kind: 'extension' };
    for (const [next, act] of then ?? []) {
      await act(popup);
      await settle(popup);
      yield { name: next, page: popup, kind: 'extension' };
    }
  } finally {
    await popup.close();
  }
}

/** The popup in each state a reader meets it in. */
export async function* popupStates(driver, server, scheme) {
  const article = await driver.newPage(server.url(SERVED.light.file));
  const fresh = await driver.newPage(server.url(SERVED.fresh.file));
  const blank = await driver.newPage('about:blank');
  const welcome = await driver.extensionPage('welcome.html');
  try {
    yield* popupAbout(driver, article.url(), 'popup-page', scheme, {
      then: [
        ['popup-goals', (p) => click(p, '[role="tab"]', 'Goals')],
        ['popup-goal-new', (p) => click(p, 'button', 'New goal')],
        [
          'popup-goal-edit',
          async (p) => {
            await click(p, 'button', 'Cancel');
            await click(p, 'button', `Edit ${GOALS.staff}`);
          },
        ],
        [
          'popup-search',
          async (p) => {
            await click(p, 'button', 'Cancel');
            await click(p, '.search-input');
            await p.keyboard.type('evidence');
            await waitFor(
              () =>
                p.evaluate(
                  () => document.querySelector('[role="listbox"]')?.dataset.complete === 'true',
                ),
              {
                what: 'search results',
              },
            );
          },
        ],
      ],
    });
    yield* popupAbout(driver, fresh.url(), 'popup-unsaved', scheme);
    yield* popupAbout(driver, 'about:blank', 'popup-blank', scheme, { saved: false });
    yield* popupAbout(driver, welcome.url(), 'popup-welcome', scheme, { saved: false });
  } finally {
    for (const page of [article, fresh, blank, welcome]) await page.close();
  }
}

/**
 * What a review view shows once it has read the library: parts of its main area, and words where
 * a part cannot tell. Before its first read the library shows neither rows nor "Counting…"
 * (checked so once under load), so the absence of pending words alone does not make it ready.
 */
const LOADED = {
  library: { parts: ['.vrow', '.editor'], words: 'partnering closely with a single manager' },
  goal: { parts: ['.goal-detail .evidence'], words: GOALS.staff },
  mix: { parts: ['.stacked-mix .stack-figures'] },
  resurface: { parts: ['.queue-count'] },
  data: {
    parts: [
      '[data-testid=auto-backup]',
      '[data-testid=storage-status]',
      '[data-testid=last-backup]',
    ],
  },
};

async function reviewLoaded(page, view) {
  const { parts, words } = LOADED[view];
  if (words) await waitForText(page, 'main', words);
  await waitFor(
    () => page.evaluate((all) => all.every((css) => document.querySelector(`main ${css}`)), parts),
    { what: `the ${view} view's data` },
  );
}

/** Each review view, then the welcome page, at a desktop size. */
export async function* extensionPageStates(driver, scheme) {
  for (const view of REVIEW_VIEWS) {
    const page = await driver.extensionPage(
      view === 'goal' ? 'review.html#goals/goal-staff' : `review.html#${view}`,
    );
    try {
      await resize(page, PAGE_SIZE);
      await useScheme(driver, page, scheme);
      await reviewLoaded(page, view);
      await settle(page);
      yield { name: `review-${view}`, page, kind: 'extension' };
    } finally {
      await page.close();
    }
  }
  const welcome = await driver.extensionPage('welcome.html');
  try {
    await resize(welcome, PAGE_SIZE);
    await useScheme(driver, welcome, scheme);
    await settle(welcome);
    yield { name: 'welcome', page: welcome, kind: 'extension' };
  } finally {
    await welcome.close();
  }
}

/** Every state of every surface, in one order. */
export async function* allStates(driver, server, scheme) {
  for (const variant of IN_PAGE_VARIANTS) yield* inPageStates(driver, server, variant, scheme);
  yield* popupStates(driver, server, scheme);
  yield* extensionPageStates(driver, scheme);
}
