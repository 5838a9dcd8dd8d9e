// The first sync of a large library as a reader sees it, in real Chromium with the built
// extension: sync turned on from the review page's Sync section while a second review page
// shows the library, the run going in the extension's service worker on the browser's own
// IndexedDB. Both pages note every long task (PerformanceObserver 'longtask': a task over 50 ms)
// until the run ends. Returns the figures; asserts nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUN_WITHIN_MS = 10 * 60_000;

function buildExtension() {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'trailmark-bench-sync-'));
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], {
    env: { ...process.env, TRAILMARK_DIST: dist },
    stdio: 'ignore',
  });
  return dist;
}

function watchLongTasks() {
  globalThis.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      globalThis.__longTasks.push({ at: Math.round(entry.startTime), ms: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: false });
}

const longTasksOf = (page) => page.evaluate(() => globalThis.__longTasks);

/**
 * `settings`: the account and passphrase a reader types. Resolves to the run's end state, how
 * long it took from "Turn on sync", and each page's long tasks (start and duration, in ms).
 */
export async function pageLongTasksDuringSync(settings) {
  const dist = buildExtension();
  process.env.TRAILMARK_DIST = dist;
  // The driver reads where the build is when it loads.
  const { launchChromium } = await import('../../test/e2e/support/chromium-driver.mjs');
  const { waitFor } = await import('../../test/e2e/support/page-actions.mjs');
  const { syncStatus, turnOnSync } = await import('../../test/e2e/support/sync-actions.mjs');
  const driver = await launchChromium();
  try {
    const library = await driver.extensionPage('review.html');
    const section = await driver.extensionPage('review.html#data/sync');
    for (const page of [library, section]) await page.evaluate(watchLongTasks);
    const started = Date.now();
    await turnOnSync(section, settings);
    const state = await waitFor(
      async () => {
        const { state: now } = await syncStatus(section);
        return now.kind === 'idle' && now.last ? now : now.kind === 'error' ? now : null;
      },
      { timeout: RUN_WITHIN_MS, what: 'the first sync to end' },
    );
    const runMs = Date.now() - started;
    return {
      state,
      runMs,
      library: await longTasksOf(library),
      section: await longTasksOf(section),
    };
  } finally {
    await driver.close();
    rmSync(dist, { recursive: true, force: true });
  }
}
