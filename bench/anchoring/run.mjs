// The anchoring bench (issues 3 and 15): real manuals in real Chromium, our engine against the
// floor and three peers, on each page unchanged and then edited; our engine both on its own
// selectors and on the peers' (other tools' selectors, described in the textContent model, as an
// import would bring them). Prints medians, ratios and
// correct/wrong/missing per case, then one PASS/FAIL line per bar of the issue; exits 1 unless
// every peer ran and every bar passed (a bar this run cannot check — too few pages, or not the
// issue's 1000 highlights — is SKIP and counts as not passed). Pages: bench/fetch-pages.mjs.
// Knobs: BENCH_PAGES (comma-separated names; all), BENCH_PEERS (comma-separated peers, empty for
// none; all), BENCH_HIGHLIGHTS (1000), BENCH_RUNS (5), BENCH_PEER_BUDGET_MS (60000: a slower peer stops
// there and its time is extrapolated, marked ≈). bench/anchoring/diagnose.mjs lists what went wrong.
import fs from 'node:fs';
import os from 'node:os';
import { fetchPages, PAGES } from '../fetch-pages.mjs';
import { bundle, launchChromium, serve } from './browser.mjs';

const HIGHLIGHTS = Number(process.env.BENCH_HIGHLIGHTS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SEED = 1;
const EDIT_SEED = 2;
/** A peer that takes longer than this on one case stops; its time is extrapolated (≈). */
const PEER_BUDGET_MS = Number(process.env.BENCH_PEER_BUDGET_MS ?? 60_000);
const ALL_PEERS = ['dom-anchor-text-quote', 'apache-annotator', 'hypothesis-approach'];
const PEERS =
  process.env.BENCH_PEERS === undefined
    ? ALL_PEERS
    : process.env.BENCH_PEERS.split(',').filter((p) => ALL_PEERS.includes(p));
/** Our engine on its own selectors, and on selectors other tools wrote (textContent model). */
const OURS = 'trailmark';
const OURS_ON_TEXT_CONTENT = 'trailmark/textContent';
/** How many pages a full run benches, to tell a partial run's "largest page" apart. */
const PAGES_IN_SETUP = PAGES.length;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};

// ---- in-page steps (run through page.evaluate; `Bench` is the bundled page-entry) ----
/* global settle */

function setUp([count, seed, runs]) {
  const { Bench } = globalThis;
  const root = document.body;
  const ranges = Bench.randomRanges(root, count, seed);
  let t = performance.now();
  Bench.forgetTextMap(root);
  const ours = ranges.map((r) => Bench.describe(root, r));
  const describeCold = performance.now() - t;
  const describeWarm = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    for (const r of ranges) Bench.describe(root, r);
    describeWarm.push(performance.now() - t);
  }
  const raw = Bench.describeRaw(root, ranges);
  const truth = Bench.recordTruth(root, ranges);
  globalThis.state = { root, ranges, ours, raw, truth };
  globalThis.settle = async () => {
    // Before anything is timed: pending mutation records delivered, the layout that a DOM change
    // (forgetTextMap, the edits) sets off done — on a 3 M-character page it is a long task of
    // its own — and garbage collected.
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (let frame = 0; frame < 2; frame++) await new Promise((r) => requestAnimationFrame(r));
    document.body.getBoundingClientRect();
    globalThis.gc?.();
    // A fresh task, so that the collection above is not counted as part of what is timed next.
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return {
    count: ranges.length,
    textLength: Bench.textLength(root),
    rawLength: root.textContent.length,
    describeCold,
    describeWarm,
  };
}

async function runOurs([runs, edited, foreign]) {
  const { Bench, state } = globalThis;
  const selectors = foreign ? state.raw.map((r) => [r.quote, r.position]) : state.ours;
  // Only long tasks that overlap a timed anchorAll count (not the gc() between runs).
  const entries = [];
  const windows = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  // The longest stretch anchorAll works between two yields (wall time, so load stretches it).
  let longestSlice = 0;
  let sliceStart = 0;
  const yieldNative = globalThis.scheduler.yield.bind(globalThis.scheduler);
  globalThis.scheduler.yield = async () => {
    longestSlice = Math.max(longestSlice, performance.now() - sliceStart);
    await yieldNative();
    sliceStart = performance.now();
  };
  const times = [];
  let found = [];
  for (let i = 0; i < runs; i++) {
    found.length = 0; // the previous run's Ranges may be collected
    Bench.forgetTextMap(state.root);
    await settle();
    const t = performance.now();
    sliceStart = t;
    found = await Bench.anchorAll(state.root, selectors);
    longestSlice = Math.max(longestSlice, performance.now() - sliceStart);
    times.push(performance.now() - t);
    windows.push([t, performance.now()]);
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  entries.push(...observer.takeRecords());
  observer.disconnect();
  const longTasks = entries
    .filter((e) =>
      windows.some(([from, to]) => e.startTime < to && e.startTime + e.duration > from),
    )
    .map((e) => e.duration);
  globalThis.scheduler.yield = yieldNative;
  return { times, verdicts: verdicts(found, edited, state), longTasks, longestSlice };

  function verdicts(ranges, isEdited, s) {
    return ranges.map((r, i) => {
      if (!isEdited && Bench.isExact(s.truth, i, r)) return 'right';
      const verdict = Bench.judge(s.truth, i, r);
      return !isEdited && verdict === 'right' ? 'inexact' : verdict;
    });
  }
}

async function runFloor(runs) {
  const { Bench, state } = globalThis;
  const positions = state.ours.map((s) => s[1]);
  const times = [];
  for (let i = 0; i < runs; i++) {
    Bench.forgetTextMap(state.root);
    await settle();
    const t = performance.now();
    Bench.floor(state.root, positions);
    times.push(performance.now() - t);
  }
  return { times };
}

async function runPeer([peer, budget, edited, maxRuns]) {
  const { Bench, state } = globalThis;
  const anchorOne = {
    'dom-anchor-text-quote': Bench.peerDomAnchorTextQuote,
    'apache-annotator': globalThis.ApachePeer?.peerApacheAnnotator,
    'hypothesis-approach': Bench.peerHypothesisApproach,
  }[peer];
  if (!anchorOne) return null;
  const times = [];
  let found = [];
  let done = 0;
  for (let run = 0; run < maxRuns; run++) {
    found = [];
    await settle();
    const t = performance.now();
    for (const selectors of state.raw) {
      // A peer that throws on a selector has not anchored it.
      found.push(await Promise.resolve(anchorOne(state.root, selectors)).catch(() => null));
      if (performance.now() - t > budget) break;
    }
    const elapsed = performance.now() - t;
    done = found.length;
    times.push((elapsed * state.raw.length) / done);
    if (done < state.raw.length || elapsed > 5000) break;
  }
  const verdicts = found.map((r, i) => {
    if (!edited && Bench.isExact(state.truth, i, r)) return 'right';
    const verdict = Bench.judge(state.truth, i, r);
    return !edited && verdict === 'right' ? 'inexact' : verdict;
  });
  return { times, verdicts, done };
}

async function editThePage(seed) {
  const { Bench, state } = globalThis;
  // Live Ranges slow every DOM edit down; only the truth spans are needed from here on.
  state.ranges = null;
  await settle();
  Bench.editPage(state.root, state.truth, seed);
  await settle();
  return Bench.textLength(state.root);
}

// ---- orchestration and printing ----

function tally(verdicts) {
  const count = (v) => verdicts.filter((x) => x === v).length;
  return {
    right: count('right'),
    inexact: count('inexact'),
    wrong: count('wrong'),
    missing: count('missing'),
    n: verdicts.length,
  };
}

const pct = (k, n) => (n === 0 ? '-' : `${((100 * k) / n).toFixed(1)}%`);
const ms = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

function row(cells, widths) {
  return cells.map((c, i) => String(c).padStart(widths[i] ?? 10)).join(' ');
}

const WIDTHS = [18, 10, 22, 11, 8, 10, 11, 9, 9, 9, 9];
const HEADER = [
  'page',
  'case',
  'engine',
  'median ms',
  '×floor',
  'vs ours',
  'done',
  'correct',
  'wrong',
  'missing',
  'inexact',
];

async function benchPage(browser, origin, scripts, spec, lines, summary) {
  const page = await browser.newPage();
  await page.goto(`${origin}/${spec.name}`, { timeout: 900_000 });
  for (const content of scripts) await page.addScriptTag({ content });
  const setup = await page.evaluate(setUp, [HIGHLIGHTS, SEED, RUNS]);
  const info = { name: spec.name, title: spec.title, licence: spec.licence, ...setup };
  const floor = median((await page.evaluate(runFloor, RUNS)).times);
  info.floor = floor;
  const cases = [];
  for (const edited of [false, true]) {
    if (edited) info.editedLength = await page.evaluate(editThePage, EDIT_SEED);
    const label = edited ? 'edited' : 'unchanged';
    const ours = await page.evaluate(runOurs, [RUNS, edited, false]);
    const oursMedian = median(ours.times);
    const foreign = await page.evaluate(runOurs, [RUNS, edited, true]);
    const results = [
      { engine: OURS, median: oursMedian, tally: tally(ours.verdicts), done: setup.count },
      {
        engine: OURS_ON_TEXT_CONTENT,
        median: median(foreign.times),
        tally: tally(foreign.verdicts),
        done: setup.count,
      },
    ];
    for (const peer of PEERS) {
      const maxRuns = setup.rawLength > 1_000_000 ? 1 : Math.min(3, RUNS);
      const r = await page.evaluate(runPeer, [peer, PEER_BUDGET_MS, edited, maxRuns]);
      if (!r) {
        // Once per peer, and not again after the reason it could not be bundled.
        if (!notRun.some((r) => r.startsWith(`${peer}:`))) {
          notRun.push(`${peer}: not available in the page`);
        }
        continue;
      }
      results.push({
        engine: peer,
        median: median(r.times),
        tally: tally(r.verdicts),
        done: r.done,
      });
    }
    for (const r of results) {
      const t = r.tally;
      const approx = r.done < setup.count ? `≈${ms(r.median)}` : ms(r.median);
      lines.push(
        row(
          [
            spec.name,
            label,
            r.engine,
            approx,
            (r.median / floor).toFixed(2),
            r.engine === OURS ? '1' : `${(r.median / oursMedian).toFixed(1)}×`,
            `${r.done}/${setup.count}`,
            pct(t.right, t.n),
            pct(t.wrong, t.n),
            pct(t.missing, t.n),
            pct(t.inexact, t.n),
          ],
          WIDTHS,
        ),
      );
    }
    cases.push({
      label,
      results,
      longTasks: ours.longTasks,
      longestSlice: ours.longestSlice,
      foreignLongTasks: foreign.longTasks,
      foreignLongestSlice: foreign.longestSlice,
    });
  }
  summary.push({ info, cases });
  await page.close();
}

async function main() {
  const only = process.env.BENCH_PAGES?.split(',');
  const pages = fetchPages().filter((p) => !only || only.includes(p.name));
  const scripts = [await bundle('bench/anchoring/page-entry.ts', 'Bench')];
  for (const peer of ALL_PEERS.filter((p) => !PEERS.includes(p))) {
    notRun.push(`${peer}: left out by BENCH_PEERS`);
  }
  try {
    if (PEERS.includes('apache-annotator')) {
      scripts.push(await bundle('bench/anchoring/apache-peer.ts', 'ApachePeer'));
    }
  } catch (error) {
    const missing = /failed to resolve import "([^"]+)"/.exec(String(error?.message))?.[1];
    const why = missing ? `it imports ${missing}, which is not installed` : firstLine(error);
    notRun.push(`apache-annotator: cannot bundle @apache-annotator/dom (${why})`);
  }
  const routes = Object.fromEntries(
    pages.map((p) => [`/${p.name}`, () => fs.readFileSync(p.file, 'utf8')]),
  );
  const { server, origin } = await serve(routes);
  const browser = await launchChromium(['--js-flags=--expose-gc']);
  const lines = [];
  const summary = [];
  loadBefore = os.loadavg()[0];
  try {
    for (const spec of pages) {
      console.log(`anchoring bench: ${spec.name} …`);
      await benchPage(browser, origin, scripts, spec, lines, summary);
    }
  } finally {
    await browser.close();
    server.close();
  }
  print(lines, summary);
  const verdicts = checkBars(summary, pages.length);
  printBars(verdicts);
  process.exitCode = notRun.length > 0 || verdicts.some((v) => v.verdict !== 'PASS') ? 1 : 0;
}

const notRun = [];
let loadBefore = 0;
const firstLine = (error) =>
  String(error?.message ?? error)
    .split('\n')
    .find((l) => l.trim()) ?? '';

function print(lines, summary) {
  for (const reason of notRun) console.log(`NOT RUN — ${reason}`);
  const cpus = os.cpus().length;
  const load = `load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0].toFixed(1)} after`;
  console.log(
    `\nMachine: ${cpus} cores, ${load} — timings and long tasks stretch with other load.`,
  );
  console.log(
    `\nAnchoring bench — real Chromium, ${HIGHLIGHTS} highlights of 5–200 characters per page (seed ${SEED}), median of ${RUNS} runs for trailmark and the floor (peers: up to 3 runs, 1 on pages over 1 M characters).`,
  );
  console.log(
    `Peers get selectors described in their own model (textContent, 32 characters of context) for the same ranges; ${OURS} its own, ${OURS_ON_TEXT_CONTENT} the peers'.`,
  );
  console.log(
    'Correct = exactly the same text on the unchanged page, overlap with where the text moved on the edited one. ×floor = median / floor; vs ours = peer median / trailmark median.',
  );
  console.log(
    'Done = highlights the engine got through before its time budget; correct/wrong/missing/inexact count those only.\n',
  );
  console.log('pages:');
  for (const { info } of summary) {
    console.log(
      `  ${info.name.padEnd(17)} ${String(info.textLength).padStart(9)} chars of text (${String(info.rawLength).padStart(9)} textContent) — ${info.title}, ${info.licence}; floor ${ms(info.floor)} ms`,
    );
  }
  console.log('\n' + row(HEADER, WIDTHS));
  for (const line of lines) console.log(line);
  console.log(`\ndescribe (${summary[0]?.info.count ?? 0} ranges):`);
  for (const { info } of summary) {
    console.log(
      `  ${info.name.padEnd(17)} warm median ${ms(median(info.describeWarm))} ms (${((median(info.describeWarm) / info.count) * 1000).toFixed(1)} µs each); first call, which builds the text map: ${ms(info.describeCold)} ms`,
    );
  }
  console.log(
    '\nlong tasks (>50 ms) during trailmark anchorAll (own selectors; textContent ones):',
  );
  const worst = (tasks) => (tasks.length ? Math.max(...tasks).toFixed(0) + ' ms' : 'none');
  for (const { info, cases } of summary) {
    for (const c of cases) {
      console.log(
        `  ${info.name.padEnd(17)} ${c.label.padEnd(9)} ${c.longTasks.length} long tasks, longest ${worst(c.longTasks)}; longest stretch between yields ${c.longestSlice.toFixed(0)} ms` +
          `; textContent: ${c.foreignLongTasks.length}, longest ${worst(c.foreignLongTasks)}, stretch ${c.foreignLongestSlice.toFixed(0)} ms`,
      );
    }
  }
}

// ---- the issue's bars ----

/** The bars are stated for 1000 highlights; a run with another count cannot check them. */
const ISSUE_HIGHLIGHTS = 1000;
const FLOOR_BAR = 2;
const RIGHT_BAR = 0.99;
const WRONG_BAR = 0.001;
const HYPOTHESIS_SPEEDUP_BAR = 20;
/** "About the same" cost of describe on the smallest and the largest page. */
const DESCRIBE_RATIO_BAR = 2;
/** Other tools' selectors may cost this much more than our own on the same page. */
const FOREIGN_TIME_BAR = 2;

const share = (k, n) => (n === 0 ? 0 : k / n);

function resultOf(entry, label, engine) {
  return entry.cases.find((c) => c.label === label)?.results.find((r) => r.engine === engine);
}

/** One verdict per bar of the issue: PASS, FAIL, or SKIP when this run cannot tell. */
function checkBars(summary, pageCount) {
  const bars = [];
  const bar = (name, verdict, detail) => bars.push({ name, verdict, detail });
  const atIssueCount = HIGHLIGHTS === ISSUE_HIGHLIGHTS;
  const notAtIssueCount = `needs ${ISSUE_HIGHLIGHTS} highlights, this run has ${HIGHLIGHTS}`;
  const bySize = [...summary].sort((a, b) => a.info.textLength - b.info.textLength);
  const largest = bySize.at(-1);
  const smallest = bySize[0];
  const partial =
    pageCount < PAGES_IN_SETUP
      ? ` (largest of the ${pageCount} of ${PAGES_IN_SETUP} pages run)`
      : '';

  if (!largest || !smallest) {
    bar('any bar', 'SKIP', 'no page was benched');
    return bars;
  }

  // A tally that is missing counts as nothing right and everything wrong.
  const tallies = (label, engine = OURS) =>
    summary.map((e) => ({
      name: e.info.name,
      t: resultOf(e, label, engine)?.tally ?? { right: 0, wrong: 1, n: 1 },
    }));
  const lowest = (list, rate) => [...list].sort((a, b) => rate(a) - rate(b))[0];

  const unchangedBar = (engine, what) => {
    const unchanged = tallies('unchanged', engine);
    const worstExact = lowest(unchanged, ({ t }) => share(t.right, t.n));
    bar(
      `${what}unchanged page: 100 % re-attached to exactly the same text`,
      unchanged.every(({ t }) => t.right === t.n) ? 'PASS' : 'FAIL',
      `lowest ${worstExact.t.right}/${worstExact.t.n} exact (${worstExact.name})`,
    );
  };
  const editedBar = (engine, what) => {
    const edited = tallies('edited', engine);
    const worstRight = lowest(edited, ({ t }) => share(t.right, t.n));
    const worstWrong = lowest(edited, ({ t }) => -share(t.wrong, t.n));
    const editedOk = edited.every(
      ({ t }) => share(t.right, t.n) >= RIGHT_BAR && share(t.wrong, t.n) <= WRONG_BAR,
    );
    bar(
      `${what}edited page: ≥ ${RIGHT_BAR * 100} % right and ≤ ${WRONG_BAR * 100} % wrong on every page`,
      editedOk ? 'PASS' : 'FAIL',
      `lowest right ${pct(worstRight.t.right, worstRight.t.n)} (${worstRight.name}), most wrong ${pct(worstWrong.t.wrong, worstWrong.t.n)} (${worstWrong.name})`,
    );
  };

  unchangedBar(OURS, '');

  const ours = resultOf(largest, 'unchanged', OURS);
  const floorRatio = ours ? ours.median / largest.info.floor : Infinity;
  bar(
    `anchorAll ≤ ${FLOOR_BAR}× the floor on the largest page`,
    !atIssueCount ? 'SKIP' : floorRatio <= FLOOR_BAR ? 'PASS' : 'FAIL',
    `${largest.info.name}${partial}: ${ms(ours?.median ?? NaN)} ms vs floor ${ms(largest.info.floor)} ms = ${floorRatio.toFixed(2)}×` +
      (atIssueCount ? '' : `; ${notAtIssueCount}`),
  );

  editedBar(OURS, '');

  const oursEdited = resultOf(largest, 'edited', OURS);
  const hypothesis = resultOf(largest, 'edited', 'hypothesis-approach');
  if (!hypothesis || !oursEdited) {
    bar(
      `≥ ${HYPOTHESIS_SPEEDUP_BAR}× faster than the Hypothesis approach on the largest edited page, as correct`,
      'FAIL',
      'the Hypothesis approach did not run',
    );
  } else {
    const speedup = hypothesis.median / oursEdited.median;
    const rate = (r, key) => share(r.tally[key], r.tally.n);
    const asCorrect =
      rate(oursEdited, 'right') >= rate(hypothesis, 'right') &&
      rate(oursEdited, 'wrong') <= rate(hypothesis, 'wrong');
    const cut =
      hypothesis.done < oursEdited.done
        ? ` over the ${hypothesis.done} it completed, its time extrapolated`
        : '';
    bar(
      `≥ ${HYPOTHESIS_SPEEDUP_BAR}× faster than the Hypothesis approach on the largest edited page, as correct`,
      !atIssueCount ? 'SKIP' : speedup >= HYPOTHESIS_SPEEDUP_BAR && asCorrect ? 'PASS' : 'FAIL',
      `${largest.info.name}${partial}: ${speedup.toFixed(1)}× faster; right ${pct(oursEdited.tally.right, oursEdited.tally.n)} vs ${pct(hypothesis.tally.right, hypothesis.tally.n)}, wrong ${pct(oursEdited.tally.wrong, oursEdited.tally.n)} vs ${pct(hypothesis.tally.wrong, hypothesis.tally.n)}${cut}` +
        (atIssueCount ? '' : `; ${notAtIssueCount}`),
    );
  }

  const describeRatio = median(largest.info.describeWarm) / median(smallest.info.describeWarm);
  bar(
    `describe costs about the same on the largest page as on the smallest (≤ ${DESCRIBE_RATIO_BAR}×)`,
    largest === smallest ? 'SKIP' : describeRatio <= DESCRIBE_RATIO_BAR ? 'PASS' : 'FAIL',
    largest === smallest
      ? 'needs at least two pages'
      : `${largest.info.name} ${ms(median(largest.info.describeWarm))} ms / ${smallest.info.name} ${ms(median(smallest.info.describeWarm))} ms = ${describeRatio.toFixed(2)}×`,
  );

  const longTasks = largest.cases.flatMap((c) => c.longTasks);
  const elsewhere = summary
    .filter((e) => e !== largest)
    .flatMap((e) => e.cases.flatMap((c) => c.longTasks));
  bar(
    'no main-thread task > 50 ms during anchorAll on the largest page',
    !atIssueCount ? 'SKIP' : longTasks.length === 0 ? 'PASS' : 'FAIL',
    `${largest.info.name}${partial}: ${longTasks.length} long tasks` +
      (longTasks.length ? `, longest ${Math.max(...longTasks).toFixed(0)} ms` : '') +
      `; on the other pages: ${elsewhere.length}` +
      (atIssueCount ? '' : `; ${notAtIssueCount}`),
  );

  const onTextContent = "other tools' selectors (textContent model): ";
  unchangedBar(OURS_ON_TEXT_CONTENT, onTextContent);
  editedBar(OURS_ON_TEXT_CONTENT, onTextContent);
  const slowdowns = summary.flatMap((e) =>
    e.cases.map((c) => {
      const own = c.results.find((r) => r.engine === OURS);
      const foreign = c.results.find((r) => r.engine === OURS_ON_TEXT_CONTENT);
      const ratio = own && foreign ? foreign.median / own.median : Infinity;
      return { where: `${e.info.name} ${c.label}`, ratio };
    }),
  );
  const slowest = [...slowdowns].sort((a, b) => b.ratio - a.ratio)[0];
  bar(
    `${onTextContent}anchorAll ≤ ${FOREIGN_TIME_BAR}× the time of trailmark's own selectors, every page and case`,
    !atIssueCount ? 'SKIP' : (slowest?.ratio ?? Infinity) <= FOREIGN_TIME_BAR ? 'PASS' : 'FAIL',
    `slowest ${slowest?.where}: ${slowest?.ratio.toFixed(2)}×` +
      (atIssueCount ? '' : `; ${notAtIssueCount}`),
  );
  return bars;
}

function printBars(verdicts) {
  console.log('\nbars of the issue:');
  for (const { name, verdict, detail } of verdicts) {
    console.log(`  ${verdict.padEnd(4)}  ${name} — ${detail}`);
  }
  for (const reason of notRun) console.log(`  FAIL  every peer runs — NOT RUN: ${reason}`);
  const failed = verdicts.filter((v) => v.verdict !== 'PASS').length + notRun.length;
  console.log(
    failed === 0
      ? '\nall bars pass.'
      : `\n${failed} bar(s) not passed (FAIL, SKIP or a peer NOT RUN): exit 1.`,
  );
}

await main();
