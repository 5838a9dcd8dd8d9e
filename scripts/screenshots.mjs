// `npm run screenshots`: photographs every surface a person sees — the in-page toolbar, editor
// and hover tip on a light, a dark and a hostile page; the popup in each state; every review
// view; the welcome page — in Chromium and Firefox, light and dark, seeded with a small realistic
// library, into screenshots/<browser>-<scheme>/ (git-ignored). Look at them before calling a
// change done.
// It builds the test-only variant whose in-page shadow roots are open (what a person sees is
// the same), so --check can read inside them.
//
//   --browser chromium|firefox   only one browser        --scheme light|dark   only one scheme
//   --only <text>                only states whose name contains it
//   --check                      also print the texts under 12 px or 4.5:1, and axe violations
//   --readme                     also rewrite the few small PNGs the README shows (docs/screenshots)
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../test/e2e/support/chromium-driver.mjs';
import { launchFirefox } from '../test/e2e/support/firefox-driver.mjs';
import { startFixtureServer } from '../test/e2e/support/fixture-server.mjs';
import { ROOT } from '../test/e2e/support/paths.mjs';
import { allStates, seedShowcase } from '../test/e2e/support/surfaces.mjs';
import {
  axeViolations,
  checkInPageText,
  checkTextContrast,
  describeFailures,
  describeViolations,
  openRootsBuild,
} from '../test/e2e/support/visual-checks.mjs';
import { shrinkPng } from './shrink-png.mjs';

const { values: flags } = parseArgs({
  options: {
    browser: { type: 'string' },
    scheme: { type: 'string' },
    only: { type: 'string', default: '' },
    check: { type: 'boolean', default: false },
    readme: { type: 'boolean', default: false },
  },
});

const OUT = path.join(ROOT, 'screenshots');
const DOCS = path.join(ROOT, 'docs', 'screenshots');
/** What the README shows: [browser, scheme, state, file name, width shrunk to, top px kept]. */
const README_SHOTS = [
  ['chromium', 'light', 'toolbar-light', 'toolbar.png', 420],
  ['firefox', 'dark', 'tip-dark', 'hover-tip.png', 360],
  ['chromium', 'light', 'popup-page', 'popup.png', 300],
  ['firefox', 'dark', 'popup-goals', 'popup-goals-dark.png', 300],
  ['chromium', 'light', 'review-goal', 'review-goal.png', 620, 460],
  ['chromium', 'dark', 'review-library', 'review-library-dark.png', 620, 460],
];

/** Each state's page is put in the scheme it is photographed in (support/color-scheme). */
const LAUNCH = { chromium: launchChromium, firefox: launchFirefox };

async function photograph(state) {
  const { page, clip, kind } = state;
  if (clip) return page.screenshot({ clip });
  // The popup is photographed at its real size, except its goal forms, which scroll: whole.
  const fullPage =
    kind === 'extension' && (!state.name.startsWith('popup') || state.name.includes('goal-'));
  return page.screenshot({ fullPage });
}

async function report(state) {
  const text =
    state.kind === 'in-page'
      ? await checkInPageText(state.page)
      : await checkTextContrast(state.page);
  const lines = [`  ${text.checked} texts checked`];
  if (text.failures.length) lines.push(describeFailures(text));
  if (state.kind === 'extension') {
    const violations = await axeViolations(state.page);
    if (violations.length) lines.push(describeViolations(violations));
  }
  console.log(lines.join('\n'));
}

async function run(browser, scheme, server, shrinker, dist) {
  const dir = path.join(OUT, `${browser}-${scheme}`);
  // A narrowed run (--only) leaves the other pictures of the folder as they were.
  if (!flags.only) await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const driver = await LAUNCH[browser]({ dist });
  const kept = new Map();
  try {
    await seedShowcase(driver, server);
    for await (const state of allStates(driver, server, scheme)) {
      if (!state.name.includes(flags.only)) continue;
      const png = await photograph(state);
      await writeFile(path.join(dir, `${state.name}.png`), png);
      console.log(`${browser}-${scheme}/${state.name}.png`);
      if (flags.check) await report(state);
      const wanted = README_SHOTS.find(
        ([b, s, name]) => b === browser && s === scheme && name === state.name,
      );
      if (wanted) kept.set(wanted, png);
    }
  } finally {
    await driver.close();
  }
  if (!flags.readme) return;
  await mkdir(DOCS, { recursive: true });
  for (const [[, , , file, width, height], png] of kept) {
    const small = await shrinkPng(shrinker, png, width, height);
    await writeFile(path.join(DOCS, file), small);
    console.log(`docs/screenshots/${file}: ${Math.round(small.length / 1024)} KB`);
  }
}

const browsers = flags.browser ? [flags.browser] : ['chromium', 'firefox'];
const schemes = flags.scheme ? [flags.scheme] : ['light', 'dark'];
const build = await openRootsBuild();
const server = await startFixtureServer();
const shrinker = flags.readme ? await launchChromium({ dist: build.dist }) : null;
try {
  for (const browser of browsers) {
    for (const scheme of schemes) await run(browser, scheme, server, shrinker, build.dist);
  }
} finally {
  await shrinker?.close();
  await server.close();
}
console.log(`Screenshots are in ${path.relative(process.cwd(), OUT) || '.'}/`);
