// A Firefox profile started once, copied for each test's browser. A profile's first start builds
// its databases and caches: from a copy of one that has started, a start with the extension, one
// extension page and a close took 7.4-8.9 CPU-seconds on a 2-core machine (browser and test
// process), against 9.0-11.8 from an empty folder, and the suite starts Firefox about twenty
// times. The end-to-end runner makes the copy source once per run.
import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { BROWSER_START_MS } from './page-actions.mjs';
import { FIREFOX, requireFile } from './paths.mjs';

/** Where the run's started profile is, for the test files the runner starts. */
export const STARTED_PROFILE = 'TRAILMARK_FIREFOX_STARTED_PROFILE';

/** Files that mark a profile as in use by a running Firefox: never copied. */
const LOCKS = new Set(['lock', '.parentlock']);

/** What every Firefox of the suite is started with; fails (never skips) when it is missing. */
export function firefoxLaunchBase() {
  requireFile(FIREFOX, 'install it: apt-get install -y firefox-esr (or set FIREFOX_PATH)');
  return { browser: 'firefox', executablePath: FIREFOX, headless: true, timeout: BROWSER_START_MS };
}

/** Starts Firefox once in a new folder and closes it; the caller removes the folder. */
export async function startedFirefoxProfile() {
  const base = firefoxLaunchBase();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'trailmark-ff-started-'));
  const browser = await puppeteer.launch({ ...base, userDataDir: dir });
  try {
    await (await browser.newPage()).goto('about:blank');
  } finally {
    await browser.close();
  }
  return dir;
}

/** A new profile folder for one browser: a copy of the run's started profile when there is one. */
export async function firefoxProfile() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'trailmark-ff-profile-'));
  const started = process.env[STARTED_PROFILE];
  if (started) {
    await cp(started, dir, {
      recursive: true,
      filter: (source) => !LOCKS.has(path.basename(source)),
    });
  }
  return dir;
}
