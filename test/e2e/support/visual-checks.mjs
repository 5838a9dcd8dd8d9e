// Checks of what a person sees, for any test to call in either browser: every visible text at
// least 12 px and 4.5:1 against the background actually behind it, on extension pages and inside
// the in-page UI's shadow roots; and axe-core on a whole page.
//
// The in-page UI's roots are closed in the shipped build; these checks run against the test-only
// build that opens them (support/open-roots-build.mjs, the same code with `mode: 'open'`), so
// the page can read them like any open root. Nothing is injected and no permission is needed.
import { pageNames } from './page-actions.mjs';
import { openRootsBuild } from './open-roots-build.mjs';
import { axeViolations } from './popup-actions.mjs';
import { auditVisibleText } from './visual-audit.mjs';

export { axeViolations, openRootsBuild };

const LIMITS = { minPx: 12, minRatio: 4.5 };
/** The in-page UI must speak in the reader's system font, never the page's. */
const SYSTEM_FONTS = ['system-ui', '-apple-system', 'blinkmacsystemfont', 'segoe ui'];

/** The elements whose shadow roots hold Trailmark's in-page UI: this install's names. */
export const inPageHosts = () => [pageNames().toolbar, pageNames().tip];

/**
 * Every visible text of an extension page (and its open shadow roots).
 * @returns {Promise<{ checked: number, texts: string[], failures: object[] }>}
 */
export const checkTextContrast = (page, limits = LIMITS) =>
  page.evaluate(auditVisibleText, { ...LIMITS, ...limits, hosts: null });

/**
 * Every visible text of Trailmark's in-page UI (toolbar, hover tip) on `page`, read inside
 * their shadow roots, which the open-roots test build leaves open.
 */
export const checkInPageText = (page, limits = LIMITS) =>
  page.evaluate(auditVisibleText, {
    ...LIMITS,
    fonts: SYSTEM_FONTS,
    ...limits,
    hosts: inPageHosts(),
  });

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
