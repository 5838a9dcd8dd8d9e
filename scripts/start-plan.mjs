// What `npm start` should do on this machine: which browser to open with which arguments, or
// what to tell the reader instead. Pure (the machine is passed in) so every branch is unit-tested
// without opening a browser; scripts/start.mjs carries the plan out.
import path from 'node:path';

/** Chromium builds that still honour --load-extension, by name on PATH or at a known place. */
const CHROMIUM_NAMES = ['chromium', 'chromium-browser'];
const CHROMIUM_FILES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];
/** Branded Chrome ignores --load-extension since 137, so it is only ever named, never opened. */
const CHROME_NAMES = ['google-chrome', 'google-chrome-stable'];
const CHROME_FILES = [
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];
const FIREFOX_NAMES = ['firefox', 'firefox-esr'];
const FIREFOX_FILES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

export const INSTALL_HINT =
  'Install one (Debian/Ubuntu: apt-get install -y chromium  or  apt-get install -y firefox-esr),\n' +
  'or point CHROMIUM_PATH / FIREFOX_PATH at a browser.';

/**
 * @typedef {object} Machine
 * @property {string} platform process.platform
 * @property {Record<string, string | undefined>} env
 * @property {boolean} isRoot Chromium refuses to start as root with its sandbox on
 * @property {(file: string) => boolean} exists
 * @property {{ chrome: string, firefox: string }} dist the built extension folders
 * @property {string} profile a not yet existing folder for a throw-away Chromium profile
 * @property {string} webExt the web-ext binary, which loads a temporary add-on into Firefox
 */

/**
 * @typedef {{ action: 'launch', browser: 'chromium' | 'firefox', command: string, args: string[], message: string }
 *   | { action: 'explain', message: string }} StartPlan
 */

/** Where `name` would run from on PATH, if it is there. */
export function onPath(name, machine) {
  const dirs = (machine.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return dirs.map((dir) => path.join(dir, name)).find((file) => machine.exists(file));
}

function findBrowser(override, names, files, machine) {
  if (override) return machine.exists(override) ? override : undefined;
  for (const name of names) {
    const file = onPath(name, machine);
    if (file) return file;
  }
  return files.find((file) => machine.exists(file));
}

/** Branded Chrome by its usual install names; CHROMIUM_PATH may point at one by mistake. */
export const isBrandedChrome = (file) => /google-chrome|Google Chrome\.app/.test(file);

/** The steps to load the build by hand: the way out of every case where nothing is opened. */
export function byHand(dist) {
  return [
    `  Chrome / Chromium 116+: open chrome://extensions, turn on Developer mode, choose`,
    `    "Load unpacked" and pick ${dist.chrome}`,
    `  Firefox 142+: open about:debugging#/runtime/this-firefox, choose "Load Temporary Add-on…"`,
    `    and pick ${path.join(dist.firefox, 'manifest.json')}`,
  ].join('\n');
}

export function chromiumArgs(machine) {
  return [
    `--user-data-dir=${machine.profile}`,
    `--disable-extensions-except=${machine.dist.chrome}`,
    `--load-extension=${machine.dist.chrome}`,
    '--no-first-run',
    '--no-default-browser-check',
    // As root Chromium exits at once unless its sandbox is off (containers, CI boxes).
    ...(machine.isRoot ? ['--no-sandbox'] : []),
  ];
}

const chromeIgnores = (chrome) =>
  `Google Chrome is at ${chrome}, but since version 137 it ignores --load-extension.`;

const hasDisplay = (machine) =>
  machine.platform !== 'linux' || Boolean(machine.env.DISPLAY || machine.env.WAYLAND_DISPLAY);

function noDisplay(machine) {
  return [
    'No graphical session (neither DISPLAY nor WAYLAND_DISPLAY is set), so no browser can be',
    'opened here. The extension is built: run `npm start` from a desktop session, or load it by',
    'hand in a browser that has one:',
    byHand(machine.dist),
  ].join('\n');
}

function noBrowser(machine, chrome) {
  const lines = [
    'No browser that can load an unpacked extension was found, so nothing was opened.',
  ];
  if (chrome) lines.push(chromeIgnores(chrome));
  lines.push(INSTALL_HINT, 'Or load the build by hand:', byHand(machine.dist));
  return lines.join('\n');
}

/** @param {Machine} machine @returns {StartPlan} */
export function planStart(machine) {
  if (!hasDisplay(machine)) return { action: 'explain', message: noDisplay(machine) };
  const override = machine.env.CHROMIUM_PATH;
  const chromium = findBrowser(override, CHROMIUM_NAMES, CHROMIUM_FILES, machine);
  if (chromium && !isBrandedChrome(chromium)) {
    return {
      action: 'launch',
      browser: 'chromium',
      command: chromium,
      args: chromiumArgs(machine),
      message: `Starting ${chromium} with ${machine.dist.chrome} loaded (profile removed on exit).`,
    };
  }
  const chrome = chromium ?? findBrowser(undefined, CHROME_NAMES, CHROME_FILES, machine);
  const firefox = findBrowser(machine.env.FIREFOX_PATH, FIREFOX_NAMES, FIREFOX_FILES, machine);
  if (firefox) {
    const skipped = chrome ? `${chromeIgnores(chrome)} Using Firefox instead.\n` : '';
    return {
      action: 'launch',
      browser: 'firefox',
      command: machine.webExt,
      args: ['run', '-s', machine.dist.firefox, '--firefox', firefox, '--no-reload'],
      message: `${skipped}Starting ${firefox} with ${machine.dist.firefox} loaded as a temporary add-on.`,
    };
  }
  return { action: 'explain', message: noBrowser(machine, chrome) };
}
