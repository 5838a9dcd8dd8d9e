// The toolbar's click guard in real Chromium: only a real browser runs CSS transitions on an
// animation clock and delivers trusted clicks. Each case places a host as the toolbar does (it
// fades in), lets the settle time pass, does what a lagging browser or a hostile page does to the
// fade, and then clicks for real; the guard must let the reader's click through, or refuse it
// with the reason the toolbar shows.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { bundle, launchChromium, serve } from '../../bench/anchoring/browser.mjs';
import { launchFirefox } from '../e2e/support/firefox-driver.mjs';

let browser;
let server;
let page;
let origin;
let script;

before(async () => {
  script = await bundle('test/browser/click-guard-entry.ts', 'ClickGuard');
  ({ server, origin } = await serve({ '/blank': '<!doctype html><html><body></body></html>' }));
  browser = await launchChromium();
  page = await browser.newPage();
});

after(async () => {
  await browser?.close();
  server?.close();
});

/**
 * Places a toolbar-like host with one button, lets the page `tamper` with its fade at once (before
 * it could end), and waits out the settle time; returns where to click.
 */
function placeHost(tamper) {
  const { createClickGuard, SETTLE_MS, HOST_Z_INDEX } = globalThis.ClickGuard;
  const host = document.createElement('guarded-host');
  host.style.cssText = `position: fixed; left: 40px; top: 40px; z-index: ${HOST_Z_INDEX}`;
  const root = host.attachShadow({ mode: 'open' });
  const button = document.createElement('button');
  button.textContent = 'Highlight';
  button.style.cssText = 'width: 120px; height: 32px';
  root.append(button);
  document.documentElement.append(host);
  const guard = createClickGuard(host);
  globalThis.refusals = [];
  button.addEventListener('click', (event) => globalThis.refusals.push(guard.refusal(event)));
  guard.placed(true);
  globalThis.fade = host.getAnimations()[0];
  if (tamper === 'stretch') globalThis.fade.effect.updateTiming({ duration: 3_600_000 });
  if (tamper === 'pause') {
    globalThis.fade.pause();
    globalThis.fade.currentTime = 100;
  }
  const r = host.getBoundingClientRect();
  return new Promise((resolve) =>
    setTimeout(() => resolve({ x: r.left + 20, y: r.top + 16 }), SETTLE_MS),
  );
}

const cases = [
  {
    name: 'the fade ran its course: the click counts',
    // The fade may still be running in this frame; either way it is the toolbar's own.
    alter: () => undefined,
    refusal: null,
  },
  {
    // The clock set back to where a lagging one would be: the fade then runs on past the click.
    name: 'the settle time passed but the animation clock lags behind: the click counts',
    alter: () => {
      globalThis.fade.currentTime = 160;
    },
    refusal: null,
  },
  {
    name: 'the page rewinds the fade to its start every frame: refused',
    alter: () => {
      const rewind = () => {
        globalThis.fade.currentTime = 0;
        requestAnimationFrame(rewind);
      };
      rewind();
    },
    refusal: 'it was not fully visible',
  },
  {
    name: 'the page stretched the fade to an hour: refused',
    tamper: 'stretch',
    alter: () => undefined,
    refusal: 'it was not fully visible',
  },
  {
    name: 'the page paused the fade a third of the way: refused',
    tamper: 'pause',
    alter: () => undefined,
    refusal: 'it was not fully visible',
  },
  {
    name: 'the page runs an animation of its own on the host: refused',
    alter: () => {
      globalThis.fade.finish();
      document.querySelector('guarded-host').animate({ opacity: [0.3, 0.3] }, 60_000);
    },
    refusal: 'it was not fully visible',
  },
];

for (const { name, tamper, alter, refusal } of cases) {
  test(name, async () => {
    await page.goto(`${origin}/blank`);
    await page.addScriptTag({ content: script });
    const at = await page.evaluate(placeHost, tamper);
    const fadeRan = await page.evaluate(() => globalThis.fade?.transitionProperty === 'opacity');
    assert.ok(fadeRan, 'placing the host starts its fade-in');
    await page.evaluate(alter);
    await page.mouse.click(at.x, at.y);
    const seen = await page.waitForFunction(
      () => globalThis.refusals.length > 0 && globalThis.refusals,
    );
    assert.deepEqual(await seen.jsonValue(), [refusal]);
  });
}

/**
 * Places the host the way a busy page does: 250 ms into a frame, so the animation clock still
 * reads that frame's start. Resolves with its opacity at once, how long after placing it the
 * host first reads fully opaque (the moment a reader sees it there and may click) and how long
 * the guard makes clicks wait.
 */
function placeLateInFrame() {
  const { createClickGuard, HOST_Z_INDEX, SETTLE_MS } = globalThis.ClickGuard;
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const busyUntil = performance.now() + 250;
      while (performance.now() < busyUntil);
      const host = document.createElement('guarded-host');
      host.style.cssText = `position: fixed; left: 40px; top: 40px; z-index: ${HOST_Z_INDEX}`;
      document.documentElement.append(host);
      const placed = performance.now();
      createClickGuard(host).placed(true);
      const first = Number(getComputedStyle(host).opacity);
      const poll = () => {
        if (getComputedStyle(host).opacity === '1') {
          resolve({ first, opaqueAfter: performance.now() - placed, settle: SETTLE_MS });
        } else setTimeout(poll, 1);
      };
      poll();
    });
  });
}

/** Opens a blank page with the guard loaded in `newPage()`'s browser and places the host late. */
async function opaqueLateInFrame(newPage, url) {
  const blank = await newPage();
  await blank.goto(url);
  await blank.addScriptTag({ content: script });
  const found = await blank.evaluate(placeLateInFrame);
  await blank.close();
  return found;
}

function assertOpaqueOnlyOnceClickable({ first, opaqueAfter, settle }) {
  assert.equal(first, 0.4, 'it still fades in from 40 %');
  assert.ok(
    opaqueAfter >= settle,
    `fully opaque ${opaqueAfter.toFixed(0)} ms after it was placed: a reader who clicks then is refused`,
  );
}

test('placed late in a busy frame, the host reads fully opaque only once a click on it counts', async () => {
  assertOpaqueOnlyOnceClickable(
    await opaqueLateInFrame(() => browser.newPage(), `${origin}/blank`),
  );
});

test('in Firefox too, placed late in a busy frame, the host is opaque only once a click counts', async () => {
  const firefox = await launchFirefox();
  try {
    assertOpaqueOnlyOnceClickable(
      await opaqueLateInFrame(() => firefox.newPage(), `${origin}/blank`),
    );
  } finally {
    await firefox.close();
  }
});
