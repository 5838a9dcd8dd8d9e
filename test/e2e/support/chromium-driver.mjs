// Real Chromium with the built extension loaded, through Playwright (playwright-core, the
// system browser; nothing is downloaded).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { finishOrStop } from './launch-guard.mjs';
import {
  BROWSER_START_MS,
  contentScriptStarted,
  PAGE_LOAD_MS,
  settledToolbarBox,
  usePageNames,
  waitFor,
} from './page-actions.mjs';
import { workerCalls } from './worker-calls.mjs';
import {
  CHROMIUM,
  DIST_CHROME as DEFAULT_DIST_CHROME,
  requireBuild,
  requireFile,
} from './paths.mjs';

/**
 * Resolves once a new install has opened its welcome page. It opens a moment after the start,
 * in front: a test's page opened before it went behind it, where the browser draws no frames
 * and each mouse move of a drag waited up to a second (a first test's two drags took 8 s).
 */
const welcomeOpened = (context, base) =>
  waitFor(() => context.pages().some((page) => page.url() === `${base}welcome.html`), {
    what: 'the welcome page a new install opens',
  });

/**
 * `profile` starts in a profile made beforehand (support/chromium-profile.mjs); `keepProfile`
 * leaves it on disk after close(), for a second start in it; `args` are extra browser flags;
 * `dist` loads another build.
 */
export async function launchChromium({
  profile: given,
  keepProfile = false,
  args = [],
  dist,
} = {}) {
  requireFile(CHROMIUM, 'install it: apt-get install -y chromium (or set CHROMIUM_PATH)');
  const DIST_CHROME = dist ? path.join(dist, 'chrome') : DEFAULT_DIST_CHROME;
  requireBuild(DIST_CHROME);
  const profile = given ?? (await mkdtemp(path.join(os.tmpdir(), 'trailmark-e2e-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    timeout: BROWSER_START_MS,
    viewport: { width: 1100, height: 800 },
    args: [
      `--disable-extensions-except=${DIST_CHROME}`,
      `--load-extension=${DIST_CHROME}`,
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...args,
    ],
  });
  const stop = async () => {
    await context.close();
    if (!keepProfile) await rm(profile, { recursive: true, force: true });
  };
  return finishOrStop(stop, async () => {
    context.setDefaultNavigationTimeout(PAGE_LOAD_MS);
    const worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: BROWSER_START_MS }));
    const extensionId = new URL(worker.url()).host;
    const base = `chrome-extension://${extensionId}/`;

    const inWorker = workerCalls(context, base, worker);

    const driver = {
      name: 'chromium',
      context,
      extensionUrl: (file) => base + file,
      async newPage(url) {
        const page = await context.newPage();
        if (url) {
          await page.goto(url);
          await contentScriptStarted(this, url);
        }
        return page;
      },
      async extensionPage(file) {
        const page = await context.newPage();
        await page.goto(base + file);
        await page.waitForFunction(() => document.body.dataset.ready === 'true');
        return page;
      },
      /** Emulates the reader's colour scheme for this page only; other pages keep theirs. */
      useColorScheme: (page, scheme) => page.emulateMedia({ colorScheme: scheme }),
      /** Calls one of the background's test hooks in the service worker. */
      backgroundCall: (name, ...args) =>
        inWorker(([n, a]) => globalThis.__test[n](...a), [name, args]),
      async tabIdFor(url) {
        return inWorker(
          async (u) => (await chrome.tabs.query({})).find((t) => t.url?.startsWith(u))?.id,
          url,
        );
      },
      /** The Alt+Shift+H command, pressed as real key events (Playwright's keyboard never fires commands). */
      async pressShortcut(page) {
        // The browser sends a command to the tab it thinks is in front; a tab opened by a test is
        // not always that tab until brought there, while a reader's keys go to the tab they see.
        await page.bringToFront();
        const cdp = await context.newCDPSession(page);
        for (const type of ['rawKeyDown', 'keyUp']) {
          await cdp.send('Input.dispatchKeyEvent', {
            type,
            modifiers: 1 | 8,
            key: 'H',
            code: 'KeyH',
            windowsVirtualKeyCode: 72,
            nativeVirtualKeyCode: 72,
          });
        }
        await cdp.detach();
      },
      /**
       * Clicks the toolbar button with this accessible name, found the way assistive technology
       * finds it (the accessibility tree reaches into the closed shadow root; page scripts cannot).
       */
      async clickToolbarButton(page, name) {
        await settledToolbarBox(page);
        const cdp = await context.newCDPSession(page);
        try {
          const box = await waitFor(
            async () => {
              const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
              const { nodes } = await cdp.send('Accessibility.queryAXTree', {
                backendNodeId: root.backendNodeId,
                accessibleName: name,
                role: 'button',
              });
              const node = nodes.find((n) => n.backendDOMNodeId && !n.ignored);
              if (!node) return null;
              const { model } = await cdp.send('DOM.getBoxModel', {
                backendNodeId: node.backendDOMNodeId,
              });
              return model.content;
            },
            { what: `a button named "${name}"` },
          );
          await page.mouse.click((box[0] + box[4]) / 2, (box[1] + box[5]) / 2);
        } finally {
          await cdp.detach();
        }
      },
      /** Pages the browser opened by itself (the welcome page on install). */
      openedUrls: () => context.pages().map((p) => p.url()),
      /** The page object of a tab the extension opened, found by the start of its URL. */
      pageFor: async (prefix) => context.pages().find((p) => p.url().startsWith(prefix)) ?? null,
      close: stop,
    };
    usePageNames(await driver.backgroundCall('pageNames'));
    if (!given) await welcomeOpened(context, base);
    return driver;
  });
}
