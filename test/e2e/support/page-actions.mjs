// What a reader does on a page, written once for both drivers: Playwright's and Puppeteer's
// page objects share evaluate() and mouse.move/down/up/click.
import path from 'node:path';
import { typingFieldsState } from './typing-frame-state.mjs';

/**
 * The test file this process runs (each file runs in its own): a scenario shared by both
 * browsers fails with its own location only, and this names the browser it failed in.
 */
const TEST_FILE = path.basename(process.argv[1] ?? '');

/** Where a phrase of an element's text sits on screen; with `select`, a script also selects it. */
function textBox([selector, phrase, select = false]) {
  const element = document.querySelector(selector);
  const start = element.textContent.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in ${selector}`);
  const end = start + phrase.length;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.nodeValue.length;
    if (offset <= start && start < offset + length) range.setStart(node, start - offset);
    if (offset < end && end <= offset + length) range.setEnd(node, end - offset);
    offset += length;
  }
  if (select) {
    getSelection().setBaseAndExtent(
      range.startContainer,
      range.startOffset,
      range.endContainer,
      range.endOffset,
    );
  }
  const rects = [...range.getClientRects()].filter((r) => r.width > 0);
  const first = rects[0];
  const last = rects[rects.length - 1];
  return {
    text: range.toString(),
    from: { x: first.left + 1, y: first.top + first.height / 2 },
    to: { x: last.right - 1, y: last.top + last.height / 2 },
  };
}

/** Where a phrase sits on screen: its first and last character and the middle of its first line. */
export const phraseBox = (page, selector, phrase) => page.evaluate(textBox, [selector, phrase]);

/** Selects a phrase the way a page script or the keyboard does: no mouse, so no mouseup. */
export const scriptSelect = (page, selector, phrase) =>
  page.evaluate(textBox, [selector, phrase, true]);

/** Clicks in the middle of a phrase, as a reader clicks a highlight to edit it. */
export async function clickPhrase(page, selector, phrase) {
  const box = await phraseBox(page, selector, phrase);
  await page.mouse.click((box.from.x + box.to.x) / 2, box.from.y);
}

/** Selects a phrase of an element's text by dragging the mouse; returns the selected text. */
export async function dragSelect(page, selector, phrase) {
  const box = await phraseBox(page, selector, phrase);
  await page.mouse.move(box.from.x, box.from.y);
  await page.mouse.down();
  await page.mouse.move((box.from.x + box.to.x) / 2, box.to.y, { steps: 4 });
  await page.mouse.move(box.to.x, box.to.y, { steps: 4 });
  await page.mouse.up();
  return page.evaluate(() => String(getSelection()));
}

/**
 * Selects a phrase by dragging, again until the selection is the whole phrase: on a loaded
 * machine a drag now and then ends a few characters short. A short selection is dropped before
 * the next drag: in Chromium a press inside a selection drags its text away instead of
 * starting a new selection, so every later try would fail the same way.
 */
export const selectPhrase = (page, selector, phrase) =>
  waitFor(
    async () => {
      // A drag that starts inside a selection moves that text instead of selecting anew.
      await page.evaluate(() => getSelection().removeAllRanges());
      return (await dragSelect(page, selector, phrase)) === phrase;
    },
    { what: `"${phrase}" selected` },
  );

/**
 * How long a wait on a condition may take before the test fails. Generous on purpose: it only
 * bounds a wait on a condition (a passing test never sits it out), and on a loaded 2-core
 * machine a browser round trip can take seconds.
 */
export const WAIT_MS = 30_000;
/** How long a browser may take to start with the extension: over a minute was seen under load. */
export const BROWSER_START_MS = 180_000;
/**
 * How long a page may take to load: the 100 000-node page took over 30 s with the cores busy,
 * and over 2 minutes on a machine 35 times oversubscribed.
 */
export const PAGE_LOAD_MS = 300_000;
const POLL_MS = 100;

/** The check's answer, or `pending` if it has not answered by the deadline (a hung evaluate). */
function answerBy(check, deadline, pending) {
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(resolve, Math.max(0, deadline - Date.now()), pending);
  });
  const answer = Promise.resolve().then(check);
  // An answer that comes after the deadline is dropped, a late failure too.
  answer.catch(() => undefined);
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

/**
 * Polls a condition until it returns a truthy value, and returns that value. A check that
 * throws (the page is navigating, the element is not there yet) counts as "not yet"; a check
 * that never answers cannot hold the test past the deadline.
 */
export async function waitFor(check, { timeout = WAIT_MS, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  const pending = Symbol('no answer');
  let last;
  // What the last check that did answer said: the one under way at the deadline may be slow.
  let answered;
  while (Date.now() < deadline) {
    try {
      last = await answerBy(check, deadline, pending);
      if (last && last !== pending) return last;
    } catch (error) {
      last = error;
    }
    if (last !== pending) answered = last;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const before = answered === undefined ? 'none answered' : `the one before: ${answered}`;
  const seen = last === pending ? `the last check had not answered; ${before}` : `last: ${last}`;
  throw new Error(
    `timed out after ${timeout / 1000} s waiting for ${what} (${seen}) in ${TEST_FILE}`,
  );
}

/**
 * Resolves once Trailmark's content script on the web page at `url` has started and read this
 * install's page names (it has asked the background for the page's highlights). It starts after
 * the load event a navigation waits for, so a drag made at once can meet no listener, or a
 * script that draws under names of its own. Other URLs have no content script: nothing to wait on.
 */
export const contentScriptStarted = (driver, url) =>
  /^https?:/.test(url)
    ? waitFor(() => driver.backgroundCall('pageLoadSeen', url), {
        what: `Trailmark's content script on ${url} to start`,
      })
    : undefined;

/**
 * Resolves once the page has run what the last input queued, content scripts' handlers
 * included: a window's timers with the same delay run in the order they were set, so two
 * rounds of 0-delay timers set now run after the one the content script set to read a finished
 * selection (and after any it set from there). The condition to wait on before asserting that
 * something did NOT happen, instead of a pause that may be too short on a loaded machine.
 */
export const pageSettled = (page) =>
  page.evaluate(async () => {
    for (let round = 0; round < 2; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  });
let installNames = null;

/** The drivers hand over the names their install shows pages (random per install). */
export const usePageNames = (names) => {
  installNames = names;
};

export function pageNames() {
  if (!installNames) throw new Error('no page names yet: the driver reads them at launch');
  return installNames;
}

/** The toolbar host's box; the host lives in the light DOM, its content in a closed root. */
export const toolbarBox = (page) =>
  page.evaluate((name) => {
    const host = document.querySelector(name);
    if (!host) return null;
    const r = host.getBoundingClientRect();
    return r.width > 0 ? { left: r.left, top: r.top, width: r.width, height: r.height } : null;
  }, pageNames().toolbar);

/**
 * The toolbar’s box once it has settled where it is: it fades in after each move, and takes
 * clicks only when fully opaque, as a reader sees it.
 */
export const settledToolbarBox = (page) =>
  waitFor(
    () =>
      page.evaluate((name) => {
        const host = document.querySelector(name);
        if (!host || getComputedStyle(host).opacity !== '1') return null;
        const r = host.getBoundingClientRect();
        return r.width > 0 ? { left: r.left, top: r.top, width: r.width, height: r.height } : null;
      }, pageNames().toolbar),
    { what: 'the toolbar to settle' },
  );

/**
 * Clicks the toolbar's first button, "Highlight" (top-left, 9 px in, 30 px high), as a reader would.
 * Read twice around a settled page: each mouseup of a double or triple click places the toolbar
 * again (by the word, then by the paragraph) and it fades in for 300 ms after each placement, so a
 * box read between them could be about to move; the click follows the second read at once.
 */
export async function clickHighlightButton(page) {
  await settledToolbarBox(page);
  await pageSettled(page);
  const box = await settledToolbarBox(page);
  await page.mouse.click(box.left + 24, box.top + 20);
}

/** Colour → texts drawn under its registry name, as a page script can read them. */
export const registry = (page) =>
  page.evaluate(
    (colors) =>
      Object.fromEntries(
        Object.entries(colors)
          .filter(([, name]) => CSS.highlights.has(name))
          .map(([color, name]) => [
            color,
            [...CSS.highlights.get(name)].map((range) => range.toString()).sort(),
          ]),
      ),
    pageNames().colors,
  );

/** The text of every range in Trailmark's colour layers, as a page script can read it. */
export const drawnHighlights = (page) =>
  page.evaluate(
    (names) =>
      names
        .flatMap((name) => [...(CSS.highlights.get(name) ?? [])])
        .map((range) => range.toString())
        .sort(),
    Object.values(pageNames().colors),
  );

/**
 * Types into the toolbar's typing frame (notes, new tag names) once it has the focus: keys sent
 * before that reach the toolbar, where letters and digits are shortcuts. The frame sits in a
 * closed shadow root, out of a page script's reach, but both drivers list it among the page's
 * frames (Firefox's under another address).
 */
export async function typeInTypingFrame(page, text) {
  await waitFor(
    async () => {
      const state = await typingFieldsState(page);
      return (state?.hasFocus && (state.focused === 'note' || state.focused === 'tag')) || null;
    },
    { what: 'the focus in the typing frame' },
  ).catch(async (error) => {
    const where = { page: await pageFocus(page), frame: await typingFieldsState(page) };
    throw new Error(`${error.message}; where the focus is: ${JSON.stringify(where)}`);
  });
  await page.keyboard.type(text);
}

/** Which element of the page has the focus, and whether the page's document has it. */
const pageFocus = (page) =>
  page.evaluate(() => ({ hasFocus: document.hasFocus(), active: document.activeElement?.tagName }));
