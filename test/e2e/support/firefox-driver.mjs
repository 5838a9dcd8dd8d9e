// Real Firefox ESR with the built extension installed as a temporary add-on, through
// Puppeteer over WebDriver BiDi (puppeteer-core, the system browser; nothing is downloaded).
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { firefoxLaunchBase, firefoxProfile } from './firefox-profile.mjs';
import { finishOrStop } from './launch-guard.mjs';
import { DIST_FIREFOX as DEFAULT_DIST_FIREFOX, requireBuild } from './paths.mjs';
import { actWhenReady } from './act-when-ready.mjs';
import {
  contentScriptStarted,
  clickHighlightButton,
  PAGE_LOAD_MS,
  usePageNames,
  waitFor,
} from './page-actions.mjs';

/** The background's test hooks that only read, and so may be called again. */
const READS = new Set(['snapshot', 'pageLoadSeen', 'pageNames', 'autoBackupState', 'alarmAt']);
const CUT_OFF = 'the background stopped during the call';

/** A page that waits for elements before acting and gives a loaded machine time to load it. */
function patient(page) {
  page.setDefaultNavigationTimeout(PAGE_LOAD_MS);
  return actWhenReady(page);
}

/** Evaluates `expression` in the browser window's privileged scope; its value, if serialisable. */
async function inChrome(browser, expression) {
  const { connection } = browser;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = tree.result.contexts[0]?.context;
  if (!context) throw new Error('no browser window to reach the chrome scope from');
  const { result } = await connection.send('script.evaluate', {
    expression,
    target: { context },
    awaitPromise: true,
  });
  if (result.type !== 'success') {
    throw new Error(`in Firefox's chrome: ${result.exceptionDetails?.text ?? 'failed'}`);
  }
  return result.result?.value;
}

/**
 * `prefs` are extra Firefox preferences for this run (e.g. where downloads go); `dist` loads
 * another build.
 */
export async function launchFirefox({ prefs = {}, dist } = {}) {
  const base = firefoxLaunchBase();
  const DIST_FIREFOX = dist ? path.join(dist, 'firefox') : DEFAULT_DIST_FIREFOX;
  requireBuild(DIST_FIREFOX);
  const manifest = JSON.parse(await readFile(path.join(DIST_FIREFOX, 'manifest.json'), 'utf8'));
  const geckoId = manifest.browser_specific_settings.gecko.id;
  const uuid = randomUUID();
  const downloads = await mkdtemp(path.join(os.tmpdir(), 'trailmark-ff-downloads-'));
  const profile = await firefoxProfile();
  const removeFolders = async () => {
    await rm(downloads, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  };
  const launched = puppeteer.launch({
    ...base,
    userDataDir: profile,
    defaultViewport: { width: 1100, height: 800 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      // Whatever the page saves lands in a folder of this run, removed on close, never the
      // machine's own downloads folder.
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.start_downloads_in_tmp_dir': false,
      // Headless Firefox paints in software at 60 frames a second; 20 cut the CPU of four
      // suites' Firefox by 16-28 % (266-273 CPU-seconds against 300-347), and no test counts
      // frames: transitions still take their time, only fewer steps of them are drawn.
      'layout.frame_rate': 20,
      ...prefs,
    },
  });
  const browser = await launched.catch(async (error) => {
    await removeFolders();
    throw error;
  });
  const stop = async () => {
    await browser.close();
    await removeFolders();
  };
  return finishOrStop(stop, async () => {
    await browser.installExtension(DIST_FIREFOX);
    const base = `moz-extension://${uuid}/`;

    /**
     * The system theme, which every page of the browser follows. A page a test opens starts
     * light, as a Chromium page does; a test that wants dark asks for it (support/color-scheme).
     */
    let theme = 'light';
    async function useTheme(wanted) {
      if (wanted === theme) return;
      const dark = wanted === 'dark' ? 1 : 0;
      await inChrome(browser, `Services.prefs.setIntPref('ui.systemUsesDarkTheme', ${dark})`);
      theme = wanted;
    }

    /** moz-extension navigations never resolve in Puppeteer: start one and poll for readiness. */
    async function extensionPage(file) {
      await useTheme('light');
      const page = patient(await browser.newPage());
      await page.bringToFront();
      const url = base + file;
      page.goto(url).catch(() => {});
      await waitFor(
        () =>
          page.evaluate((u) => location.href === u && document.body?.dataset.ready === 'true', url),
        { what: `${file} to load` },
      );
      return page;
    }

    // The tab that reaches the background, opened now, before any test's tab: opened later, in
    // the middle of a test, it would take the front and keyboard focus from the test's own tab.
    // It is the typing frame's page, which shows nothing and reads nothing until a toolbar
    // speaks to it: the review page it used to be followed the library live, read again on
    // each write of every test, and four suites took 203-208 CPU-seconds against 218-226.
    const helper = await extensionPage('typing.html');
    const helperPage = async () => helper;
    const extension = `WebExtensionPolicy.getByID(${JSON.stringify(geckoId)}).extension`;
    /** Marks the running event page (or only reads the mark): a page started later has none. */
    const markBackground = (mark) =>
      helper.evaluate(async (set) => {
        const background = await browser.runtime.getBackgroundPage();
        if (set) background.stopMark = true;
        return background.stopMark === true;
      }, mark);

    const driver = {
      name: 'firefox',
      browser,
      extensionUrl: (file) => base + file,
      async newPage(url) {
        await useTheme('light');
        const page = patient(await browser.newPage());
        // A background tab gets its timers throttled to once a second: act on the front one.
        await page.bringToFront();
        if (url) {
          await page.goto(url);
          await contentScriptStarted(this, url);
        }
        return page;
      },
      extensionPage,
      /** Switches the whole browser's theme: pages already open follow it too. */
      useColorScheme: (_page, scheme) => useTheme(scheme),
      /**
       * Calls one of the background's test hooks in the event page (its CSP forbids eval).
       * Firefox stops an idle event page even while a call from another page is under way in it
       * (it cannot see that call), and such a call never answered: the likely cause of a review
       * test that hung 3 minutes under load. A read cut off so is made once more; anything else
       * fails, saying so.
       */
      async backgroundCall(name, ...args) {
        const call = async () =>
          (await helperPage()).evaluate(
            async (n, a, cutOff) => {
              const bg = await browser.runtime.getBackgroundPage();
              return new Promise((resolve, reject) => {
                const stopped = () => reject(new Error(`${cutOff}: ${n}`));
                bg.addEventListener('pagehide', stopped, { once: true });
                Promise.resolve(bg.__test[n](...a))
                  .then((value) => resolve(JSON.parse(JSON.stringify(value ?? null))), reject)
                  .finally(() => bg.removeEventListener('pagehide', stopped));
              });
            },
            name,
            args,
            CUT_OFF,
          );
        try {
          return await call();
        } catch (error) {
          if (!READS.has(name) || !String(error.message).includes(CUT_OFF)) throw error;
          return call();
        }
      },
      /** No route delivers keyboard commands to Firefox under automation: call the command's handler. */
      async pressShortcut(page) {
        const tabId = await this.tabIdFor(page.url());
        await this.backgroundCall('handleCommand', 'highlight-selection', { id: tabId });
      },
      async tabIdFor(url) {
        const page = await helperPage();
        return page.evaluate(
          async (u) => (await browser.tabs.query({})).find((t) => t.url?.startsWith(u))?.id,
          url,
        );
      },
      async openedUrls() {
        const page = await helperPage();
        return page.evaluate(async () => (await browser.tabs.query({})).map((t) => t.url));
      },
      /**
       * Clicks the toolbar's "Highlight" button where it sits: neither BiDi nor Puppeteer's ARIA
       * query reaches into a closed shadow root here (the Chromium driver finds it by name).
       */
      async clickToolbarButton(page, name) {
        if (name !== 'Highlight') throw new Error(`no way to find "${name}" in Firefox`);
        await clickHighlightButton(page);
      },
      /** The page object of a tab the extension opened, found by the start of its URL. */
      async pageFor(prefix) {
        const page = (await browser.pages()).find((p) => p.url().startsWith(prefix));
        return page ? patient(page) : null;
      },
      /** The event page's state as Firefox keeps it: "running", "stopped", "starting"… */
      backgroundState: () => inChrome(browser, `${extension}.backgroundState`),
      /**
       * Stops the extension's event page as Firefox does when it suspends it, even mid-run: from
       * the browser's own chrome (WebDriver BiDi, allowed by --remote-allow-system-access), as
       * about:debugging's "Terminate background script" does, also while a listener of it is
       * still at work (which an idle suspend would wait for). It starts again on its next event.
       */
      async stopBackground() {
        await markBackground(true);
        await inChrome(
          browser,
          `${extension}.terminateBackground({ disableResetIdleForTest: true })`,
        );
        // A page with its editor open makes its typing port again at once, which starts it again,
        // maybe between two looks at its state: a background without the mark is a new one.
        await waitFor(
          async () =>
            (await driver.backgroundState()) === 'stopped' || !(await markBackground(false)),
          { what: "Firefox's event page to stop" },
        );
      },
      /**
       * Keeps a stopped event page from starting, as on a machine too busy to start it yet:
       * whatever would wake it waits at Firefox's own wake-up until the returned function runs.
       */
      async holdBackground() {
        await inChrome(
          browser,
          `(() => {
            const ext = ${extension};
            const wake = ext.wakeupBackground;
            let open;
            const gate = new Promise((resolve) => (open = resolve));
            const held = () =>
              gate.then(() => {
                if (ext.wakeupBackground === held) ext.wakeupBackground = wake;
                return ext.wakeupBackground();
              });
            ext.wakeupBackground = held;
            ext.trailmarkLetBackgroundStart = open;
          })()`,
        );
        return () => inChrome(browser, `${extension}.trailmarkLetBackgroundStart()`);
      },
      /** Where this run's downloads land (removed on close). */
      downloadsDir: downloads,
      close: stop,
    };
    usePageNames(await driver.backgroundCall('pageNames'));
    return driver;
  });
}
