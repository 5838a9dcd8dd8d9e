// The first sync of a large library as a reader sees it, in real Chromium with the built
// extension: sync turned on from the review page's Sync section while a second review page
// shows the library, the run going in the extension's service worker on the browser's own
// IndexedDB. Both pages note every long task (PerformanceObserver 'longtask': a task over 50 ms)
// until the run ends and the library view shows the whole library. Returns the figures; asserts
// nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUN_WITHIN_MS = 10 * 60_000;
/**
 * TRAILMARK_BENCH_CPU_SLOWDOWN=4 runs the pages' renderer four times slower (DevTools' CPU
 * throttling): how the pages fare on a slower or busier machine than this one is now.
 */
export const CPU_SLOWDOWN = Number(process.env.TRAILMARK_BENCH_CPU_SLOWDOWN ?? 1);

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

/** The number the library view's count line shows, or null while it shows none. */
const shownCount = (page) =>
  page.evaluate(() => {
    const digits = document.querySelector('.library .count')?.textContent?.replace(/\D/g, '');
    return digits ? Number(digits) : null;
  });

/**
 * `settings`: the account and passphrase a reader types; `highlights`: how many the library
 * holds. Resolves to the run's end state, how long it took from "Turn on sync", how long after
 * its end the library view showed them all, and each page's long tasks (start and duration, in
 * ms) until then.
 */
export async function pageLongTasksDuringSync(settings, highlights) {
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
    for (const page of [library, section]) {
      await page.evaluate(watchLongTasks);
      if (CPU_SLOWDOWN > 1) {
        const cdp = await driver.context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      }
    }
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
    if (state.kind === 'idle') {
      await waitFor(async () => (await shownCount(library)) === highlights, {
        timeout: RUN_WITHIN_MS,
        what: 'the library view to show the whole library',
      });
    }
    const shownAfterMs = Date.now() - started - runMs;
    return {
      state,
      runMs,
      shownAfterMs,
      library: await longTasksOf(library),
      section: await longTasksOf(section),
    };
  } finally {
    await driver.close();
    rmSync(dist, { recursive: true, force: true });
  }
}
