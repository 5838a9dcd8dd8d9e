// Playwright waits for an element before acting on it; Puppeteer acts at once and throws when
// the element is not there yet — which on a loaded machine is any view that renders a moment
// late. The scenarios are written once for both drivers, so the Firefox driver gives its pages
// the same patience: an action on a CSS selector first waits until the element is there and
// enabled, and for pointer actions, shown.
import { waitFor } from './page-actions.mjs';

/** Pointer actions need a box to aim at; the others only need the element. */
const ACTIONS = { click: true, hover: true, tap: true, focus: false, select: false, type: false };

/** Runs in the page. */
function isReady([selector, shown]) {
  const element = document.querySelector(selector);
  if (!element || element.disabled) return false;
  return !shown || (element.getClientRects().length > 0 && element.checkVisibility());
}

const patient = new WeakSet();

/** Makes the page's selector actions wait for their element; returns the page. */
export function actWhenReady(page) {
  if (patient.has(page)) return page;
  patient.add(page);
  for (const [name, shown] of Object.entries(ACTIONS)) {
    const act = page[name].bind(page);
    page[name] = async (selector, ...rest) => {
      await waitFor(() => page.evaluate(isReady, [selector, shown]), {
        what: `${selector} to be ready to ${name}`,
      });
      return act(selector, ...rest);
    };
  }
  return page;
}
