// Where the built extension and the test fixtures are, and which browsers the suites need.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DIST = process.env.TRAILMARK_DIST
  ? path.resolve(process.env.TRAILMARK_DIST)
  : path.join(ROOT, 'dist');
export const DIST_CHROME = path.join(DIST, 'chrome');
export const DIST_FIREFOX = path.join(DIST, 'firefox');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'pages');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Fails (never skips) when something the suite needs is missing, saying how to get it. */
export function requireFile(file, howToGet) {
  if (!existsSync(file)) throw new Error(`${file} is missing: ${howToGet}`);
}

export function requireBuild(dir) {
  requireFile(path.join(dir, 'manifest.json'), 'run `npm run build` first');
}
