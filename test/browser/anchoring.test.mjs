// The anchoring engine in real Chromium: the same table as the unit tests, round trips on a
// saved real page (with Trailmark's selectors and with those other tools write in the textContent
// model), and the stored-selector regression baseline. Chromium must be installed; a
// missing browser fails the suite rather than skipping it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { bundle, launchChromium, repoRoot, serve } from '../../bench/anchoring/browser.mjs';

const fixtureDir = path.join(repoRoot, 'test/fixtures/anchoring');
const realPage = fs.readFileSync(path.join(fixtureDir, 'sqlite-cli.html.txt'), 'utf8');
const baseline = JSON.parse(
  fs.readFileSync(path.join(fixtureDir, 'sqlite-cli.selectors.json'), 'utf8'),
);

let browser;
let server;
let page;

before(async () => {
  const scripts = await Promise.all([
    bundle('src/anchoring/index.ts', 'Anchoring'),
    bundle('test/unit/anchoring/cases.ts', 'AnchoringCases'),
    bundle('bench/anchoring/page-tools.ts', 'PageTools'),
    bundle('bench/anchoring/raw-text.ts', 'RawText'),
  ]);
  ({ server } = await serve({
    '/blank': '<!doctype html><html><body></body></html>',
    '/real': realPage,
  }));
  const origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium();
  page = await browser.newPage();
  page.open = async (pathname) => {
    await page.goto(origin + pathname);
    for (const content of scripts) await page.addScriptTag({ content });
  };
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('describe table cases give the expected selectors', async () => {
  await page.open('/blank');
  const results = await page.evaluate(() => {
    const { describeCases, runDescribeCase, expectedSelectors } = globalThis.AnchoringCases;
    return describeCases.map((c) => ({
      name: c.name,
      actual: runDescribeCase(c),
      expected: expectedSelectors(c),
    }));
  });
  assert.ok(results.length > 5);
  for (const { name, actual, expected } of results) assert.deepEqual(actual, expected, name);
});

test('anchor table cases land on the expected text', async () => {
  await page.open('/blank');
  const results = await page.evaluate(() => {
    const { anchorCases, runAnchorCase } = globalThis.AnchoringCases;
    return anchorCases.map((c) => ({
      name: c.name,
      actual: runAnchorCase(c),
      expected: c.expected,
    }));
  });
  assert.ok(results.length > 5);
  for (const { name, actual, expected } of results) assert.deepEqual(actual, expected, name);
});

test('selectors other tools wrote land on the expected text', async () => {
  await page.open('/blank');
  const results = await page.evaluate(() => {
    const { interopCases, runAnchorCase } = globalThis.AnchoringCases;
    return interopCases.map((c) => ({
      name: c.name,
      actual: runAnchorCase(c),
      expected: c.expected,
    }));
  });
  assert.ok(results.length > 10);
  for (const { name, actual, expected } of results) assert.deepEqual(actual, expected, name);
});

test('on a real page, 300 ranges described in textContent come back on exactly their text', async () => {
  await page.open('/real');
  const outcome = await page.evaluate(async () => {
    const { describe, anchor, anchorAll } = globalThis.Anchoring;
    const root = document.body;
    const ranges = globalThis.PageTools.randomRanges(root, 300, 13);
    const truth = ranges.map((range) => describe(root, range)[0].exact);
    const written = globalThis.RawText.describeRaw(root, ranges).map((r) => [r.quote, r.position]);
    // The textContent model counts script and style text and keeps raw whitespace: the quotes
    // must differ from the engine's for the test to mean anything.
    const raw = written.filter(([q], i) => q.exact !== truth[i]).length;
    const same = (r, i) => r !== null && describe(root, r)[0].exact === truth[i];
    const all = await anchorAll(root, written);
    // Without context and position the quote alone must do, where it is not repeated.
    const bare = written.map(([q]) => [{ type: 'TextQuoteSelector', exact: q.exact }]);
    const unique = truth.map((t) => root.textContent.split(t.slice(0, 12)).length === 2);
    const verdict = (r, i) => (r === null ? 'missing' : same(r, i) ? 'right' : 'wrong');
    const bareFound = bare.map((s, i) => (unique[i] ? verdict(anchor(root, s), i) : null));
    return {
      count: ranges.length,
      raw,
      anchorAllExact: all.filter(same).length,
      anchorExact: written.filter((s, i) => same(anchor(root, s), i)).length,
      bareRight: bareFound.filter((x) => x === 'right').length,
      bareWrong: bareFound.filter((x) => x === 'wrong').length,
    };
  });
  assert.equal(outcome.count, 300);
  assert.ok(outcome.raw > 30, `only ${outcome.raw} quotes differ from the engine's own`);
  assert.equal(outcome.anchorAllExact, 300);
  assert.equal(outcome.anchorExact, 300);
  assert.ok(outcome.bareRight > 100, `only ${outcome.bareRight} bare quotes placed`);
  assert.equal(outcome.bareWrong, 0);
});

test('on a real page, 300 random ranges come back exactly, with anchor and anchorAll', async () => {
  await page.open('/real');
  const outcome = await page.evaluate(async () => {
    const { describe, anchor, anchorAll } = globalThis.Anchoring;
    const root = document.body;
    const ranges = globalThis.PageTools.randomRanges(root, 300, 7);
    const stored = ranges.map((range) => describe(root, range));
    const all = await anchorAll(root, stored);
    const same = (r, s) => r !== null && JSON.stringify(describe(root, r)) === JSON.stringify(s);
    return {
      count: ranges.length,
      anchorAllExact: all.filter((r, i) => same(r, stored[i])).length,
      anchorExact: stored.filter((s) => same(anchor(root, s), s)).length,
    };
  });
  assert.equal(outcome.count, 300);
  assert.equal(outcome.anchorAllExact, 300);
  assert.equal(outcome.anchorExact, 300);
});

test('after the page changes, quotes are found again or reported missing, never misplaced', async () => {
  await page.open('/real');
  const outcome = await page.evaluate(async () => {
    const { describe, anchorAll } = globalThis.Anchoring;
    const root = document.body;
    const stored = globalThis.PageTools.randomRanges(root, 200, 11).map((r) => describe(root, r));
    const intro = document.createElement('p');
    intro.textContent = 'A new paragraph at the top shifts every position. '.repeat(40);
    root.prepend(intro);
    for (const node of globalThis.PageTools.visibleTextNodes(root)) {
      if (node.length > 8) node.splitText(node.length >> 1);
    }
    const found = await anchorAll(root, stored);
    const quoteOf = (range) => describe(root, range)[0].exact;
    return found.map((range, i) => (range ? quoteOf(range) === stored[i][0].exact : null));
  });
  assert.equal(outcome.filter((ok) => ok === false).length, 0, 'misplaced');
  assert.equal(outcome.filter((ok) => ok === null).length, 0, 'missing');
});

test('after the page changes, textContent selectors are found again, never misplaced', async () => {
  await page.open('/real');
  const outcome = await page.evaluate(async () => {
    const { describe, anchorAll } = globalThis.Anchoring;
    const root = document.body;
    const ranges = globalThis.PageTools.randomRanges(root, 200, 17);
    const truth = ranges.map((range) => describe(root, range)[0].exact);
    const written = globalThis.RawText.describeRaw(root, ranges).map((r) => [r.quote, r.position]);
    const intro = document.createElement('p');
    intro.textContent = 'A new paragraph at the top shifts every position. '.repeat(40);
    root.prepend(intro);
    for (const node of globalThis.PageTools.visibleTextNodes(root)) {
      if (node.length > 8) node.splitText(node.length >> 1);
    }
    const found = await anchorAll(root, written);
    return found.map((range, i) => (range ? describe(root, range)[0].exact === truth[i] : null));
  });
  assert.equal(outcome.filter((ok) => ok === false).length, 0, 'misplaced');
  assert.equal(outcome.filter((ok) => ok === null).length, 0, 'missing');
});

test('the stored selectors of the saved real page still anchor to the same text', async () => {
  await page.open('/real');
  const results = await page.evaluate(async (entries) => {
    const { describe, anchorAll } = globalThis.Anchoring;
    const ranges = await anchorAll(document.body, entries);
    return ranges.map((range) => (range ? describe(document.body, range) : null));
  }, baseline.entries);
  assert.equal(results.length, baseline.entries.length);
  results.forEach((described, i) => assert.deepEqual(described, baseline.entries[i], `entry ${i}`));
});
