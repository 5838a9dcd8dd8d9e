// Shared by the real-Chromium tests and the bench: bundle TypeScript for the page, serve fixture
// pages on loopback, and start the system Chromium headless through playwright-core.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Bundles one module into a script that exposes its exports as `globalThis[name]`. */
export async function bundle(entry, name) {
  const output = await build({
    root: repoRoot,
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: path.resolve(repoRoot, entry), formats: ['iife'], name },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
  const code = chunks.find((c) => c.type === 'chunk')?.code;
  if (!code) throw new Error(`bundling ${entry} produced no code`);
  return code;
}

/** `extraArgs` e.g. --js-flags=--expose-gc, so that a bench can collect garbage between runs. */
export async function launchChromium(extraArgs = []) {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing — install it: apt-get install -y chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...extraArgs],
  });
}

/** Serves `pages` (path → HTML string or a function returning one) on a free loopback port. */
export async function serve(pages) {
  const server = http.createServer((req, res) => {
    const page = pages[new URL(req.url ?? '/', 'http://localhost').pathname];
    if (page === undefined) {
      res.writeHead(404).end();
      return;
    }
    const body = typeof page === 'function' ? page() : page;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { server, origin: `http://127.0.0.1:${port}` };
}
