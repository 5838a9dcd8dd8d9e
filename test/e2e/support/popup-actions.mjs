// What a reader does in the popup, written once for both drivers. Elements are found by what a
// reader sees (role, accessible name, text) in the page, then clicked or typed into for real
// through a selector both Playwright and Puppeteer understand.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { waitFor } from './page-actions.mjs';

/**
 * Marks the first element matching `css` whose accessible name or text contains `text` and
 * returns a unique selector for it, or null. Runs in the page.
 */
function markElement([css, text, mark]) {
  const nameOf = (el) =>
    [el.getAttribute('aria-label'), el.textContent, el.closest('label')?.textContent]
      .filter(Boolean)
      .join(' ')
      .replace(/\s+/g, ' ');
  const found = [...document.querySelectorAll(css)].find((el) => nameOf(el).includes(text));
  if (!found) return null;
  document.querySelectorAll(`[data-e2e="${mark}"]`).forEach((el) => el.removeAttribute('data-e2e'));
  found.setAttribute('data-e2e', mark);
  return `[data-e2e="${mark}"]`;
}

let marks = 0;

/** A selector for the element matching `css` whose name contains `text`, waiting for it. */
export async function find(page, css, text = '') {
  const mark = `m${(marks += 1)}`;
  return waitFor(() => page.evaluate(markElement, [css, text, mark]), {
    what: `${css} "${text}"`,
  });
}

export async function click(page, css, text = '') {
  await page.click(await find(page, css, text));
}

export async function typeInto(page, css, text, value) {
  const selector = await find(page, css, text);
  await page.click(selector);
  await page.keyboard.type(value);
}

/** Opens the popup about the tab showing `url`, as `popup.html?tab=<id>`. */
export async function openPopup(driver, url) {
  const tabId = await waitFor(() => driver.tabIdFor(url), { what: `the tab of ${url}` });
  const popup = await driver.extensionPage(`popup.html?tab=${tabId}`);
  // Keys go to the tab in front; showing a highlight brings the page's tab forward.
  await popup.bringToFront();
  await waitFor(() => popup.evaluate(() => document.body.dataset.page === 'ready'), {
    what: 'the popup to render the page',
  });
  return popup;
}

/** Text of the elements matching a selector, whitespace flattened. */
export const textsOf = (page, css) =>
  page.evaluate(
    (s) =>
      [...document.querySelectorAll(s)].map((el) => el.textContent.replace(/\s+/g, ' ').trim()),
    css,
  );

/** The now, target and evidence share a goal card's three mixes show per archetype name. */
export const mixOf = (page, goalTitle) =>
  page.evaluate((title) => {
    const card = [...document.querySelectorAll('[data-goal-id]')].find((el) =>
      el.querySelector('h3')?.textContent.includes(title),
    );
    if (!card) return null;
    return Object.fromEntries(
      [...card.querySelectorAll('.three-mixes tbody tr')].map((row) => [
        row.querySelector('th').textContent.trim(),
        [...row.querySelectorAll('td')].map((td) => td.textContent.trim()),
      ]),
    );
  }, goalTitle);

/** The element that has focus, as a reader would identify it. */
export const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute('role') ?? el.getAttribute('type') ?? '',
      name: (el.getAttribute('aria-label') || el.closest('label')?.textContent || el.textContent)
        .replace(/\s+/g, ' ')
        .trim(),
      outlined: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1,
      last: el.dataset.lastStop === 'true',
    };
  });

const require = createRequire(import.meta.url);
let axeSource;

/**
 * Waits until every animation that ends has ended: a toast fading out is read half-transparent
 * otherwise, and on a busy machine axe often runs during the fade.
 */
const animationsSettled = (page) =>
  waitFor(
    () =>
      page.evaluate(() =>
        document
          .getAnimations()
          .every(
            (a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity,
          ),
      ),
    { what: 'animations to end' },
  );

/** Runs axe-core in the page and returns its violations (WCAG 2.x A and AA rules). */
export async function axeViolations(page) {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await animationsSettled(page);
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await globalThis.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
    }));
  });
}

/** Picks an option of a native select, as a reader does from its list (both drivers' own way). */
export async function chooseOption(page, css, text, value) {
  const selector = await find(page, css, text);
  if (page.selectOption) await page.selectOption(selector, value);
  else await page.select(selector, value);
}

/**
 * Adds the tag `tagId` with the tag picker inside `scope` and waits for its chip there: the
 * row grows when the chip shows, and a click aimed at the row before that (on a loaded machine
 * the chip can come a while after) lands where the row's controls used to be.
 */
export async function addTagIn(page, scope, tagId) {
  await chooseOption(page, `${scope} .add-tag`, '', tagId);
  await find(page, `${scope} [data-tag-id="${tagId}"]`);
}
