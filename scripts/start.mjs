// `npm start`: opens a browser with the freshly built extension loaded, in a throw-away profile,
// so the reader lands on the welcome page as on a first install.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromeDir = path.join(root, 'dist', 'chrome');
const firefoxDir = path.join(root, 'dist', 'firefox');

const CHROMES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
].filter(Boolean);
const FIREFOXES = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(
  Boolean,
);

const found = (list) => list.find((file) => existsSync(file));

function run(command, args, cleanup) {
  const child = spawn(command, args, { stdio: 'inherit' });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => {
    cleanup?.();
    process.exit(code ?? 0);
  });
}

const chrome = found(CHROMES);
const firefox = found(FIREFOXES);
if (chrome) {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'trailmark-start-'));
  console.log(`Starting ${chrome} with dist/chrome loaded (profile removed on exit).`);
  run(
    chrome,
    [
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${chromeDir}`,
      `--load-extension=${chromeDir}`,
      '--no-first-run',
      '--no-default-browser-check',
    ],
    () => rmSync(profile, { recursive: true, force: true }),
  );
} else if (firefox) {
  console.log(`Starting ${firefox} with dist/firefox loaded as a temporary add-on.`);
  const webExt = path.join(root, 'node_modules', '.bin', 'web-ext');
  run(webExt, ['run', '-s', firefoxDir, '--firefox', firefox, '--no-reload']);
} else {
  console.error(
    [
      'No supported browser found, so nothing was opened. The extension is built in dist/.',
      'Install one (Debian: apt-get install -y chromium  or  apt-get install -y firefox-esr),',
      'or point CHROMIUM_PATH / FIREFOX_PATH at a browser, or load dist/chrome or dist/firefox by',
      'hand as the README describes.',
    ].join('\n'),
  );
  process.exit(1);
}
