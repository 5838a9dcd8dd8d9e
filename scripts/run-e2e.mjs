// `npm run test:e2e`: every end-to-end file, several at a time, the longest first. Node's own
// `--test` sorts files by name, which started the longest files (visual, sync) last and left
// the run waiting on them alone at the end; here they start first and the short ones fill in
// around them. Prints each file's time at the end, so the next person can see where it goes.
//
//   node scripts/run-e2e.mjs [--concurrency N] [files...]
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';
import { STARTED_PROFILE, startedFirefoxProfile } from '../test/e2e/support/firefox-profile.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'test/e2e');

/** Files that take minutes, longest first (seconds measured on an idle 2-core machine). */
const LONG_FIRST = [
  'sync-devices.e2e.test.mjs',
  'page-trust.chromium.e2e.test.mjs',
  'visual.chromium.e2e.test.mjs',
  'visual.firefox.e2e.test.mjs',
];

/**
 * Files run at once. On an idle 2-core machine the run is mostly bound by the CPU: the whole run
 * took 661 s with 2 (the cores 79 % busy) and 667 s with 3, which only added contention (1 277
 * CPU-seconds against 1 041). Before the run's Firefox starts got cheaper, 4 took over 810 s.
 */
const CONCURRENCY = 2;

function parseArgs(argv) {
  const at = argv.indexOf('--concurrency');
  if (at < 0) return { concurrency: CONCURRENCY, files: argv };
  const concurrency = Number(argv[at + 1]);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error('--concurrency needs a whole number of 1 or more');
  }
  return { concurrency, files: argv.filter((_, i) => i !== at && i !== at + 1) };
}

function orderedFiles(chosen) {
  const all = chosen.length
    ? chosen.map((f) => path.resolve(f))
    : readdirSync(dir)
        .filter((name) => name.endsWith('.e2e.test.mjs'))
        .sort()
        .map((name) => path.join(dir, name));
  const rank = (file) => {
    const at = LONG_FIRST.indexOf(path.basename(file));
    return at < 0 ? LONG_FIRST.length : at;
  };
  return all.sort((a, b) => rank(a) - rank(b));
}

/**
 * Time each file spent in its tests: the sum of its top-level tests' and suites' own durations
 * (a suite's include its hooks). Arrival times cannot tell it: results are reported in file
 * order, so a short file's wait behind a long one would count as its own.
 */
function fileClock() {
  const started = performance.now();
  const files = new Map();
  return {
    note(event) {
      const { file, nesting, details } = event.data ?? {};
      if (!file || nesting !== 0 || !details) return;
      if (event.type !== 'test:pass' && event.type !== 'test:fail') return;
      files.set(file, (files.get(file) ?? 0) + details.duration_ms / 1000);
    },
    report() {
      const rows = [...files].sort((a, b) => b[1] - a[1]);
      const lines = rows.map(
        ([file, seconds]) => `${seconds.toFixed(0).padStart(5)} s  ${path.relative(root, file)}`,
      );
      const whole = ((performance.now() - started) / 1000).toFixed(0);
      return `Time in each file's tests:\n${lines.join('\n')}\nWhole run: ${whole} s`;
    },
  };
}

const { concurrency, files } = parseArgs(process.argv.slice(2));
const clock = fileClock();

/** Passes every event on to the reporter, noting failures and file times on the way. */
async function* noted(events) {
  for await (const event of events) {
    if (event.type === 'test:fail') process.exitCode = 1;
    clock.note(event);
    yield event;
  }
  yield { type: 'test:diagnostic', data: { nesting: 0, message: clock.report() } };
}

/**
 * No test waits for good: one stuck on something that never answers fails after this, and a
 * file whose tests are done ends even if something it started is still open.
 */
const TEST_TIMEOUT_MS = 10 * 60_000;

// Every test file's Firefox starts from a copy of one profile started here (the files inherit
// the environment); removed when the run ends, however it ends.
const started = await startedFirefoxProfile();
process.env[STARTED_PROFILE] = started;
process.on('exit', () => rmSync(started, { recursive: true, force: true }));

run({ files: orderedFiles(files), concurrency, timeout: TEST_TIMEOUT_MS, forceExit: true })
  .compose(noted)
  .compose(spec)
  .pipe(process.stdout);
