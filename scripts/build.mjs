// Builds dist/chrome and dist/firefox from the one top-level manifest.json: background and
// extension pages as ES modules, the content script as one classic script (content scripts
// cannot be modules), then a manifest per browser.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { browserManifests } from './manifests.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// TRAILMARK_DIST lets parallel runs build and test side by side without clobbering each other.
const dist = process.env.TRAILMARK_DIST
  ? path.resolve(process.env.TRAILMARK_DIST)
  : path.join(root, 'dist');
const chromeDir = path.join(dist, 'chrome');
const firefoxDir = path.join(dist, 'firefox');
const src = (...parts) => path.join(root, 'src', ...parts);

const common = {
  configFile: false,
  logLevel: 'warn',
  publicDir: false,
  build: {
    outDir: chromeDir,
    emptyOutDir: false,
    target: 'es2022',
    // TRAILMARK_MINIFY=0 keeps names readable in a profile.
    minify: process.env.TRAILMARK_MINIFY !== '0',
    sourcemap: false,
  },
};

async function buildPagesAndBackground() {
  await build({
    ...common,
    root: src('ui'),
    base: './',
    publicDir: path.join(root, 'public'),
    build: {
      ...common.build,
      modulePreload: { polyfill: false },
      rollupOptions: {
        input: {
          background: src('background', 'index.ts'),
          popup: src('ui', 'popup.html'),
          review: src('ui', 'review.html'),
          welcome: src('ui', 'welcome.html'),
          brief: src('ui', 'brief.html'),
          typing: src('ui', 'typing.html'),
        },
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
  });
}

/**
 * TRAILMARK_TEST_OPEN_ROOTS=1 opens the in-page UI's shadow roots so that tests can read its
 * computed styles, and lets a test send messages as the content script (src/content/test-sender);
 * TRAILMARK_TEST_IDLE_MS shortens the reading clock's idle minute. Only a test build in its own
 * TRAILMARK_DIST ever sets them.
 */
const openRoots = process.env.TRAILMARK_TEST_OPEN_ROOTS === '1';
const testIdleMs = Number(process.env.TRAILMARK_TEST_IDLE_MS ?? '') || undefined;
if ((openRoots || testIdleMs) && !process.env.TRAILMARK_DIST) {
  throw new Error('TRAILMARK_TEST_* is for test builds: set TRAILMARK_DIST as well');
}

async function buildContentScript() {
  await build({
    ...common,
    root,
    define: {
      __TRAILMARK_OPEN_ROOTS__: JSON.stringify(openRoots),
      __TRAILMARK_TEST_SENDER__: JSON.stringify(openRoots),
      __TRAILMARK_IDLE_AFTER_MS__: JSON.stringify(testIdleMs ?? null),
    },
    build: {
      ...common.build,
      lib: {
        entry: src('content', 'index.ts'),
        formats: ['iife'],
        name: 'trailmarkContent',
        fileName: () => 'content.js',
      },
    },
  });
}

async function writeManifests() {
  const manifest = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8'));
  const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  const { chrome, firefox } = browserManifests(manifest, version);
  await writeFile(path.join(chromeDir, 'manifest.json'), `${JSON.stringify(chrome, null, 2)}\n`);
  await cp(chromeDir, firefoxDir, { recursive: true });
  await writeFile(path.join(firefoxDir, 'manifest.json'), `${JSON.stringify(firefox, null, 2)}\n`);
}

const started = performance.now();
await rm(dist, { recursive: true, force: true });
await mkdir(chromeDir, { recursive: true });
await buildPagesAndBackground();
await buildContentScript();
await writeManifests();
console.log(`Built dist/chrome and dist/firefox in ${Math.round(performance.now() - started)} ms`);
