// Checks of what a person sees, for any test to call in either browser: every visible text at
// least 12 px and 4.5:1 against the background actually behind it, on extension pages and inside
// the in-page UI's closed shadow roots; and axe-core on a whole page.
//
// The in-page UI is reached the way Trailmark itself reaches the page: a script injected into the
// extension's content-script world (scripting.executeScript), where Chromium's
// chrome.dom.openOrClosedShadowRoot and Firefox's element.openOrClosedShadowRoot open a closed
// root. Page scripts still cannot; the build that is tested is the one that ships.
import { waitFor } from './page-actions.mjs';
import { axeViolations } from './popup-actions.mjs';
import { auditVisibleText } from './visual-audit.mjs';

export { axeViolations };

/** The elements whose shadow roots hold Trailmark's in-page UI. */
export const IN_PAGE_HOSTS = ['trailmark-toolbar', 'trailmark-tip'];

const LIMITS = { minPx: 12, minRatio: 4.5 };
/** The in-page UI must speak in the reader's system font, never the page's. */
const SYSTEM_FONTS = ['system-ui', '-apple-system', 'blinkmacsystemfont', 'segoe ui'];

/**
 * Every visible text of an extension page (and its open shadow roots).
 * @returns {Promise<{ checked: number, texts: string[], failures: object[] }>}
 */
export const checkTextContrast = (page, limits = LIMITS) =>
  page.evaluate(auditVisibleText, { ...LIMITS, ...limits, hosts: null });

/** A realm that may inject into tabs: Chromium's service worker, or a Firefox extension page. */
const injectors = new WeakMap();
async function injectorFor(driver) {
  if (driver.context) {
    const base = driver.extensionUrl('');
    return waitFor(() => driver.context.serviceWorkers().find((w) => w.url().startsWith(base)), {
      what: 'the service worker',
    });
  }
  if (!injectors.has(driver)) injectors.set(driver, driver.extensionPage('review.html#data'));
  return injectors.get(driver);
}

/**
 * Opens the extension page (Firefox) or finds the worker (Chromium) that in-page checks run from.
 * Call it before putting a page in front: opening an extension page in Firefox takes the front.
 */
export const prepareInPageChecks = (driver) => injectorFor(driver);

/**
 * Every visible text of Trailmark's in-page UI (toolbar, hover tip) on `page`, read inside their
 * closed shadow roots from the extension's content-script world.
 */
export async function checkInPageText(driver, page, limits = LIMITS) {
  const tabId = await waitFor(() => driver.tabIdFor(page.url()), { what: 'the tab' });
  const options = { ...LIMITS, fonts: SYSTEM_FONTS, ...limits, hosts: IN_PAGE_HOSTS };
  const injector = await injectorFor(driver);
  // The injected function crosses as source text: extension pages forbid eval, but a driver's
  // evaluate is not subject to the page's policy, and executeScript takes a function object.
  const call = `(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    const [answer] = await api.scripting.executeScript({
      target: { tabId: ${tabId} },
      func: ${auditVisibleText.toString()},
      args: [${JSON.stringify(options)}],
    });
    if (answer.error) throw new Error(String(answer.error.message ?? answer.error));
    return answer.result;
  })()`;
  return injector.evaluate(call);
}

/** One line per failing text style, for an assertion message a person can act on. */
export function describeFailures(report) {
  return report.failures
    .map(
      (f) =>
        `  ${f.problems.join('; ')} — ${f.color} on ${f.background}, ${f.fontPx}px ${f.font}` +
        ` at ${f.where} (${f.count}×): ${f.texts.map((t) => JSON.stringify(t)).join(', ')}`,
    )
    .join('\n');
}

/** axe-core's violations as one line each (rule, help, first nodes). */
export const describeViolations = (violations) =>
  violations.map((v) => `  ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).join(' | ')}`).join('\n');
