// A test-only build whose in-page shadow roots are open (TRAILMARK_TEST_OPEN_ROOTS), so a test
// can read the computed styles and state inside them in both browsers; it also shortens the
// reading clock's idle minute, so a test of idleness need not sit out a whole one. The shipped
// build keeps its roots closed and its minute.
//
// Built once per source tree and shared by every test file of a run (files run side by side):
// a folder named by a hash of what the build reads, made under a temporary name and renamed in
// place when done, so a file never sees half a build. Folders of this checkout's older trees are
// removed once a day old (a run still going may use one); another checkout's (its own prefix)
// are left to it. The current one stays for the next run: it is files only, nothing left running.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './paths.mjs';

const run = promisify(execFile);
const PREFIX = 'trailmark-test-build-';
/** What the build reads: a change to any of these makes a new test build. */
const INPUTS = ['src', 'public', 'manifest.json', 'package.json', 'scripts', 'vite.config.ts'];

/** The reading clock's idle limit in the test build, in ms (the shipped one is 60 000). */
export const TEST_IDLE_MS = 4000;

async function filesUnder(entry) {
  const full = path.join(ROOT, entry);
  const info = await stat(full).catch(() => null);
  if (!info) return [];
  if (!info.isDirectory()) return [entry];
  const names = await readdir(full, { recursive: true, withFileTypes: true });
  return names
    .filter((d) => d.isFile())
    .map((d) => path.relative(ROOT, path.join(d.parentPath ?? d.path, d.name)));
}

async function sourceHash() {
  const hash = createHash('sha256');
  const files = (await Promise.all(INPUTS.map(filesUnder))).flat().sort();
  for (const file of files) {
    hash
      .update(file)
      .update('\0')
      .update(await readFile(path.join(ROOT, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

const checkoutPrefix = () =>
  `${PREFIX}${createHash('sha256').update(ROOT).digest('hex').slice(0, 8)}-`;

const DAY_MS = 24 * 60 * 60 * 1000;

/** This checkout's builds of other trees, once a day old: a run still going may use one. */
async function removeOlder(keep) {
  const names = await readdir(os.tmpdir());
  const ours = checkoutPrefix();
  const others = names.filter((n) => n.startsWith(ours) && n !== keep && !n.includes('.part'));
  const stale = [];
  for (const name of others) {
    const info = await stat(path.join(os.tmpdir(), name)).catch(() => null);
    if (info && Date.now() - info.mtimeMs > DAY_MS) stale.push(name);
  }
  await Promise.all(
    stale.map((n) => rm(path.join(os.tmpdir(), n), { recursive: true, force: true })),
  );
}

/** Builds into a scratch folder and moves it to `target`; another file's build may win. */
async function buildInto(target) {
  const scratch = await mkdtemp(`${target}.part-`);
  await run(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], {
    cwd: ROOT,
    env: {
      ...process.env,
      TRAILMARK_DIST: scratch,
      TRAILMARK_TEST_OPEN_ROOTS: '1',
      TRAILMARK_TEST_IDLE_MS: String(TEST_IDLE_MS),
    },
  });
  await rename(scratch, target).catch(() => rm(scratch, { recursive: true, force: true }));
}

/** The test build of the current sources, shared: nobody removes it when done. */
export async function openRootsBuild() {
  const name = `${checkoutPrefix()}${await sourceHash()}`;
  const dist = path.join(os.tmpdir(), name);
  if (!(await stat(dist).catch(() => null))) {
    await removeOlder(name);
    await buildInto(dist);
  }
  return { dist };
}
