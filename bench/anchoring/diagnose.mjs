// Tuning aid for the anchoring bench: on one page, lists the highlights trailmark misplaces or
// misses after the page is edited, with what was stored, what was found and where the text went.
// Usage: [SHOW_ALL_BEFORE=<position>] [SELECTORS=textContent] [EDIT=0]
//   node bench/anchoring/diagnose.mjs <page name> [highlights]
// SELECTORS=textContent anchors the selectors other tools would store (bench run's peers' model);
// EDIT=0 leaves the page unchanged, where anything but the exact text counts as a problem.
import fs from 'node:fs';
import { fetchPages } from '../fetch-pages.mjs';
import { bundle, launchChromium, serve } from './browser.mjs';

const [name = 'python-library', count = '1000'] = process.argv.slice(2);
const spec = fetchPages().find((p) => p.name === name);
if (!spec) throw new Error(`no bench page ${name}`);
const script = await bundle('bench/anchoring/page-entry.ts', 'Bench');
const { server, origin } = await serve({ '/page': () => fs.readFileSync(spec.file, 'utf8') });
const browser = await launchChromium(['--js-flags=--expose-gc']);
try {
  const page = await browser.newPage();
  await page.goto(`${origin}/page`, { timeout: 120_000 });
  await page.addScriptTag({ content: script });
  const report = await page.evaluate(
    async ([n, upTo, foreign, edit]) => {
      const { Bench } = globalThis;
      const root = document.body;
      const ranges = Bench.randomRanges(root, n, 1);
      const stored = foreign
        ? Bench.describeRaw(root, ranges).map((r) => [r.quote, r.position])
        : ranges.map((r) => Bench.describe(root, r));
      const truth = Bench.recordTruth(root, ranges);
      ranges.length = 0;
      globalThis.gc();
      let t = performance.now();
      if (edit) Bench.editPage(root, truth, 2);
      const editing = performance.now() - t;
      // Let the engine's MutationObserver take delivery of the edits before timing.
      await new Promise((resolve) => setTimeout(resolve, 0));
      globalThis.gc();
      t = performance.now();
      const found = await Bench.anchorAll(root, stored);
      const elapsed = performance.now() - t;
      const whereNow = (i) => {
        const span = truth.spans[i];
        let first = null;
        let last = null;
        for (const [node, ids] of truth.ids) {
          if (!node.isConnected) continue;
          for (let k = 0; k < ids.length; k++) {
            if (ids[k] >= span.start && ids[k] < span.end) {
              if (!first || ids[k] < first[2]) first = [node, k, ids[k]];
              if (!last || ids[k] > last[2]) last = [node, k + 1, ids[k]];
            }
          }
        }
        if (!first || !last) return null;
        const range = document.createRange();
        range.setStart(first[0], first[1]);
        range.setEnd(last[0], last[1]);
        return Bench.describe(root, range);
      };
      const problems = [];
      found.forEach((range, i) => {
        const judged = Bench.judge(truth, i, range);
        const verdict =
          !edit && judged === 'right' && !Bench.isExact(truth, i, range) ? 'inexact' : judged;
        if (verdict === 'right' && stored[i][1].start > upTo) return;
        problems.push({
          i,
          verdict,
          stored: stored[i],
          found: range ? Bench.describe(root, range) : null,
          truth: whereNow(i),
        });
      });
      return { elapsed, problems, stats: { editing, ...globalThis.__st } };
    },
    [
      Number(count),
      Number(process.env.SHOW_ALL_BEFORE ?? -1),
      process.env.SELECTORS === 'textContent',
      process.env.EDIT !== '0',
    ],
  );
  console.log(
    `anchorAll ${report.elapsed.toFixed(0)} ms, ${report.problems.length} problems`,
    report.stats,
  );
  for (const p of report.problems) console.log(JSON.stringify(p, null, 1));
} finally {
  await browser.close();
  server.close();
}
