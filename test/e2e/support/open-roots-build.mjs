// A test-only build whose in-page shadow roots are open (TRAILMARK_TEST_OPEN_ROOTS), so a test
// can read the computed styles and state inside them in both browsers. It goes to a folder of
// its own, removed when the test file ends; the shipped build keeps its roots closed.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './paths.mjs';

const run = promisify(execFile);

/** Builds into a fresh folder; returns it and a function that removes it. */
export async function openRootsBuild() {
  const dist = await mkdtemp(path.join(os.tmpdir(), 'trailmark-open-roots-'));
  await run(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], {
    cwd: ROOT,
    env: { ...process.env, TRAILMARK_DIST: dist, TRAILMARK_TEST_OPEN_ROOTS: '1' },
  });
  return { dist, remove: () => rm(dist, { recursive: true, force: true }) };
}
