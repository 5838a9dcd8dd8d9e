// The content script's cost to the pages it runs on (issue 4), in real Chromium with the built
// extension: main-thread time at start on a ~3 M-character page with no highlights, its
// minified+gzipped size, and the time to draw 1 000 highlights on that page. Prints figures;
// asserts nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundle } from '../anchoring/browser.mjs';
import { fetchPages } from '../fetch-pages.mjs';
import { launchChromium } from '../../test/e2e/support/chromium-driver.mjs';
import { startFixtureServer } from '../../test/e2e/support/fixture-server.mjs';
import { ROOT } from '../../test/e2e/support/paths.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const HIGHLIGHTS = 1000;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const ms = (x) => `${x.toFixed(2)} ms`;

function buildExtension() {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'trailmark-bench-'));
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], {
    env: { ...process.env, TRAILMARK_DIST: dist },
    stdio: 'ignore',
  });
  process.env.TRAILMARK_DIST = dist;
  return dist;
}

/** Main-thread time of every task the content script ran, from a DevTools trace. */
async function traceContentScript(context, page, url, settle) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline',
    transferMode: 'ReportEvents',
  });
  const started = Date.now();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const settled = await settle();
  const wall = Date.now() - started;
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  const ours = events.filter(
    (e) =>
      e.ph === 'X' &&
      (e.name === 'EvaluateScript' || e.name === 'FunctionCall') &&
      /\/content\.js/.test(e.args?.data?.url ?? ''),
  );
  // A collection of the page's own heap can land inside our script's task; it is the page's
  // garbage, not our work, so it is counted apart.
  const collections = events.filter(
    (e) => e.ph === 'X' && (e.name === 'MajorGC' || e.name === 'MinorGC'),
  );
  const gcWithin = (e) =>
    collections
      .filter((g) => g.tid === e.tid && g.ts >= e.ts && g.ts + g.dur <= e.ts + e.dur)
      .reduce((sum, g) => sum + g.dur, 0);
  const own = (e) => ((e.dur ?? 0) - gcWithin(e)) / 1000;
  const durations = ours.map(own);
  const scriptStart = Math.min(...ours.filter((e) => e.name === 'EvaluateScript').map((e) => e.ts));
  const drawnAt = events.find(
    (e) => e.name === 'TimeStamp' && e.args?.data?.message === 'trailmark-bench-drawn',
  )?.ts;
  const evaluations = ours.filter((e) => e.name === 'EvaluateScript');
  const start = evaluations.reduce((sum, e) => sum + own(e), 0);
  const gc = evaluations.reduce((sum, e) => sum + gcWithin(e) / 1000, 0);
  return {
    start,
    gc,
    total: durations.reduce((s, d) => s + d, 0),
    longest: Math.max(0, ...durations),
    wall,
    settled,
    startToDrawn: drawnAt ? (drawnAt - scriptStart) / 1000 : null,
  };
}

async function seedHighlights(driver, page, count) {
  await page.addScriptTag({ content: await bundle('bench/anchoring/page-entry.ts', 'Bench') });
  const selectors = await page.evaluate(
    ([n]) =>
      globalThis.Bench.randomRanges(document.body, n, 7).map((r) =>
        globalThis.Bench.describe(document.body, r),
      ),
    [count],
  );
  const url = page.url();
  const title = await page.title();
  const seeder = await driver.extensionPage('review.html');
  await seeder.evaluate(
    async ([all, u, t]) => {
      for (const [i, s] of all.entries()) {
        await chrome.runtime.sendMessage({
          app: 'trailmark',
          kind: 'highlight.create',
          payload: {
            id: `bench-${i}`,
            url: u,
            title: t,
            selectors: s,
            color: 'yellow',
            tagIds: [],
            note: '',
          },
        });
      }
    },
    [selectors, url, title],
  );
  await seeder.close();
}

const drawnCount = (page) =>
  page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));

async function main() {
  const pages = fetchPages();
  const big = pages.find((p) => p.name === 'python-library');
  const dist = buildExtension();
  const content = readFileSync(path.join(dist, 'chrome', 'content.js'));
  console.log(
    `content.js: ${(content.length / 1024).toFixed(1)} KB minified, ${(gzipSync(content, { level: 9 }).length / 1024).toFixed(1)} KB gzipped (bar: under 30 KB gzipped)`,
  );

  const server = await startFixtureServer();
  server.setPage('empty.html', readFileSync(big.file, 'utf8'));
  server.setPage('highlighted.html', readFileSync(big.file, 'utf8'));
  const driver = await launchChromium();
  try {
    const page = await driver.newPage();
    await page.bringToFront();
    const textLength = async () => page.evaluate(() => document.body.innerText.length);

    const empty = [];
    for (let i = 0; i < RUNS; i += 1) {
      empty.push(
        await traceContentScript(
          driver.context,
          page,
          server.url('empty.html'),
          () => new Promise((r) => setTimeout(r, 1500)),
        ),
      );
    }
    const characters = await textLength();

    await page.goto(server.url('highlighted.html'), { timeout: 120_000 });
    await seedHighlights(driver, page, HIGHLIGHTS);
    const drawn = [];
    for (let i = 0; i < RUNS; i += 1) {
      drawn.push(
        await traceContentScript(driver.context, page, server.url('highlighted.html'), async () => {
          const deadline = Date.now() + 60_000;
          while (Date.now() < deadline) {
            if ((await drawnCount(page)) >= HIGHLIGHTS) {
              await page.evaluate(() => console.timeStamp('trailmark-bench-drawn'));
              return true;
            }
            await new Promise((r) => setTimeout(r, 20));
          }
          return null;
        }),
      );
    }

    const m = (list, key) => median(list.map((r) => r[key]));
    const each = (list) =>
      list
        .map((r) => r.start.toFixed(1) + (r.gc > 0.05 ? ` (+${r.gc.toFixed(0)} GC)` : ''))
        .join(', ');
    console.log(
      `script start per visit, in order — no highlights: ${each(empty)}; 1000 highlights: ${each(drawn)} ms`,
    );
    console.log(
      `page: ${big.title}, ${(characters / 1e6).toFixed(2)} M characters of visible text; ${RUNS} runs, medians`,
    );
    console.log(
      '| case | script start (evaluate, GC apart) | all content-script tasks | longest task | script start → all drawn |',
    );
    console.log('|---|---|---|---|---|');
    console.log(
      `| no highlights | ${ms(m(empty, 'start'))} | ${ms(m(empty, 'total'))} | ${ms(m(empty, 'longest'))} | — |`,
    );
    console.log(
      `| ${HIGHLIGHTS} highlights | ${ms(m(drawn, 'start'))} | ${ms(m(drawn, 'total'))} | ${ms(m(drawn, 'longest'))} | ${drawn.every((r) => r.startToDrawn !== null) ? ms(m(drawn, 'startToDrawn')) : 'NOT all drawn'} |`,
    );
    console.log(
      'bar: under 5 ms of main-thread time at start on a page of ~2.8 M characters with no highlights',
    );
  } finally {
    await driver.close();
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  }
}

await main();
