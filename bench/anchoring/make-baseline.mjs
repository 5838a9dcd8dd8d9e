// Regenerates the regression baseline of the anchoring tests: selectors described in real
// Chromium for ranges picked at random (fixed seed) on a saved real page. Run it only when the
// text model changes on purpose; the diff then shows what changed.
import fs from 'node:fs';
import path from 'node:path';
import { bundle, launchChromium, repoRoot, serve } from './browser.mjs';

const FIXTURE = path.join(repoRoot, 'test/fixtures/anchoring/sqlite-cli.html.txt');
const OUTPUT = path.join(repoRoot, 'test/fixtures/anchoring/sqlite-cli.selectors.json');
const COUNT = 100;
const SEED = 20240611;

const anchoring = await bundle('src/anchoring/index.ts', 'Anchoring');
const tools = await bundle('bench/anchoring/page-tools.ts', 'PageTools');
const { server, origin } = await serve({ '/': fs.readFileSync(FIXTURE, 'utf8') });
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(origin + '/');
  await page.addScriptTag({ content: anchoring });
  await page.addScriptTag({ content: tools });
  const entries = await page.evaluate(
    ([count, seed]) =>
      globalThis.PageTools.randomRanges(document.body, count, seed).map((range) =>
        globalThis.Anchoring.describe(document.body, range),
      ),
    [COUNT, SEED],
  );
  fs.writeFileSync(OUTPUT, JSON.stringify({ seed: SEED, root: 'body', entries }, null, 2) + '\n');
  console.log(`wrote ${entries.length} selector sets`);
} finally {
  await browser.close();
  server.close();
}
