// What the page saw of the toolbar while a test used it, for a failure's message in any
// browser: its host's inline style (opacity, place) and size as they changed, and the pointer
// presses, clicks and keys it heard, each with the time since the watch began. The page sees
// the host in its own DOM, so a watch from the page's side needs no way into the closed root.
import { pageNames } from './page-actions.mjs';

/** Starts recording on `page` (again from zero if it was recording). */
export const watchToolbar = (page) =>
  page.evaluate((name) => {
    const log = [];
    const t0 = performance.now();
    const note = (what) => log.push(`${Math.round(performance.now() - t0)} ms ${what}`);
    const describe = (host) => {
      const r = host.getBoundingClientRect();
      const at = `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`;
      return `opacity ${host.style.getPropertyValue('opacity') || '-'} at ${at}`;
    };
    const watchHost = (host) => {
      note(`host there: ${describe(host)}`);
      new MutationObserver(() => note(`style: ${describe(host)}`)).observe(host, {
        attributes: true,
      });
      new ResizeObserver(() => note(`size: ${describe(host)}`)).observe(host);
    };
    const present = document.querySelector(name);
    if (present) watchHost(present);
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) if (node.localName === name) watchHost(node);
    }).observe(document.documentElement, { childList: true });
    for (const type of ['mousedown', 'mouseup', 'click'])
      addEventListener(type, (event) => note(`${type} at ${event.clientX},${event.clientY}`), true);
    // Keys typed into the typing frame never reach the page: one heard here went elsewhere.
    addEventListener('keydown', (event) => note(`keydown ${event.key}`), true);
    window.__toolbarTimeline = log;
  }, pageNames().toolbar);

/** The recording so far, one line per change. */
export const toolbarTimeline = (page) =>
  page
    .evaluate(() => (window.__toolbarTimeline ?? ['(not watched)']).join('\n    '))
    .catch((error) => `(unreadable: ${error.message})`);

/**
 * `error` (a wait on the toolbar's work that timed out) with what the page saw added, and
 * whatever else `more` says (each a line).
 */
export const withTimeline = async (page, error, more = []) =>
  new Error(
    [`${error.message}; the page saw:`, await toolbarTimeline(page), ...more].join('\n    '),
  );
