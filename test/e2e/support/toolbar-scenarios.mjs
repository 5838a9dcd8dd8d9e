// The toolbar and the hover tip as a reader sees and uses them, in a real browser, against a
// test build whose shadow roots are open so their computed styles can be read: fonts, sizes and
// contrast on light, dark and hostile pages; the create toolbar's keys; notes typed out of the
// page's hearing; clicks refused while the toolbar is covered, transparent or moving; fake
// events that do nothing. Screenshots go to artifacts/screenshots (git-ignored) to be looked at.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { startFixtureServer } from './fixture-server.mjs';
import { openRootsBuild } from './open-roots-build.mjs';
import {
  clickPhrase,
  drawnHighlights,
  pageNames,
  pageSettled,
  phraseBox,
  selectPhrase,
  settledToolbarBox,
  toolbarBox,
  waitFor,
} from './page-actions.mjs';
import { ROOT } from './paths.mjs';
import { savedHighlightsOf } from './stored-highlights.mjs';
import { ARTICLE, darkPage, page as articlePage } from './test-pages.mjs';
import { watchToolbar, withTimeline } from './toolbar-timeline.mjs';
import { stopBackground } from './worker-stop.mjs';
import {
  auditSurface,
  lookProblems,
  toolbarButton,
  toolbarStatus,
  typingFieldsLook,
  typingFocused,
} from './toolbar-look.mjs';
import { typingFieldsState } from './typing-frame-state.mjs';

const ARCHITECT = 'responsible for the direction';
const SOLVER = 'digs deep into arbitrarily complex problems';
const TECH_LEAD = 'guides the approach and execution';
const SHOTS = path.join(ROOT, 'artifacts', 'screenshots');

/** A page that restyles everything it can reach, as issue reports found in the wild. */
const hostilePage = () =>
  articlePage({
    head: `<style>
      * { color: black !important; font: 12px serif !important; }
      html { font-size: 10px !important; zoom: 1.25; background: #fff; }
      html > :not(head):not(body) { all: initial !important; }
    </style>`,
  });

const PAGES = { light: articlePage, dark: darkPage, hostile: hostilePage };

/** Page-side recorder of every key event the page can hear. */
const RECORD_KEYS = `<script>
  window.heard = [];
  for (const target of [window, document]) {
    for (const type of ['keydown', 'keypress', 'keyup', 'beforeinput', 'input']) {
      target.addEventListener(type, (e) => window.heard.push(type + ':' + (e.key ?? e.data)), true);
    }
  }
  window.messages = [];
  addEventListener('message', (e) => window.messages.push(JSON.stringify(e.data)));
</script>`;

export function toolbarScenarios(launch) {
  let driver;
  let server;
  let build;
  let count = 0;
  let open = [];

  before(async () => {
    build = await openRootsBuild();
    server = await startFixtureServer();
    driver = await launch({ dist: build.dist });
    await mkdir(SHOTS, { recursive: true });
  });
  after(async () => {
    await driver?.close();
    await server?.close();
  });
  afterEach(async () => {
    await Promise.all(open.map((p) => p.close().catch(() => undefined)));
    open = [];
  });

  async function openPage(html) {
    count += 1;
    const name = `toolbar-${count}.html`;
    server.setPage(name, html);
    const page = await driver.newPage(server.url(name));
    open.push(page);
    return { page, url: server.url(name) };
  }

  const stored = (url) => savedHighlightsOf(driver, url);
  const storedOne = (url, check, what) =>
    waitFor(
      async () => {
        const [one] = await stored(url);
        return one && check(one) ? one : null;
      },
      { what },
    );

  /** For a failure's message: what is stored, what the toolbar shows and the frame holds. */
  const whatTheToolbarHas = async (page, url) => [
    `stored: ${JSON.stringify((await stored(url)).map((h) => ({ tagIds: h.tagIds, note: h.note })))}`,
    `toolbar: ${await page.evaluate(
      (name) => document.querySelector(name)?.shadowRoot?.textContent ?? '(none)',
      pageNames().toolbar,
    )}`,
    `typing frame: ${JSON.stringify(await typingFieldsState(page))}`,
  ];

  async function clickButton(page, name) {
    await settledToolbarBox(page);
    const at = await waitFor(() => toolbarButton(page, name), { what: `the ${name} button` });
    await page.mouse.click(at.x, at.y);
  }

  /** Selects with the mouse and waits for the toolbar to settle beside the selection. */
  async function offer(page, selector, phrase) {
    await selectPhrase(page, selector, phrase);
    return settledToolbarBox(page);
  }

  async function typeInFrame(page, text) {
    await waitFor(() => typingFocused(page), { what: 'focus in the typing frame' });
    await page.keyboard.type(text);
  }

  /** Closes the editor, if open, and opens it again by clicking the highlight. */
  async function reopen(page, phrase) {
    if (await toolbarBox(page)) await page.keyboard.press('Escape');
    await waitFor(async () => !(await toolbarBox(page)), { what: 'the editor to close' });
    await clickPhrase(page, '#p2', phrase);
    await settledToolbarBox(page);
  }

  async function shot(page, name, box) {
    const pad = 24;
    const clip = {
      x: Math.max(0, Math.floor(box.left - pad)),
      y: Math.max(0, Math.floor(box.top - pad)),
      width: Math.ceil(box.width + 2 * pad),
      height: Math.ceil(box.height + 2 * pad),
    };
    await writeFile(
      path.join(SHOTS, `${driver.name}-${name}.png`),
      await page.screenshot({ clip }),
    );
  }

  for (const [kind, html] of Object.entries(PAGES)) {
    test(`on a ${kind} page every text of the toolbar and the tip is a readable system font`, async () => {
      const { page, url } = await openPage(html());
      const create = await offer(page, '#p2', ARCHITECT);
      const createAudit = await auditSurface(page, 'toolbar');
      await shot(page, `${kind}-create`, create);
      assert.ok(createAudit.texts.length >= 4, 'the create toolbar shows its words');
      assert.deepEqual(lookProblems(createAudit), [], 'create toolbar');
      assert.ok(
        createAudit.box.height < 130 && createAudit.box.height > 60,
        `the page's zoom does not scale the toolbar: ${createAudit.box.height}px high`,
      );

      await watchToolbar(page);
      await clickButton(page, 'Highlight');
      await page.keyboard.press('t');
      await typeInFrame(page, 'Solver\n');
      await storedOne(url, (h) => h.tagIds.length === 1, 'the tag saved').catch(async (error) => {
        throw await withTimeline(page, error, await whatTheToolbarHas(page, url));
      });
      await reopen(page, ARCHITECT);
      await page.keyboard.press('n');
      await typeInFrame(page, 'Raise this in the next planning review.');
      await page.keyboard.press('Escape');
      await storedOne(url, (h) => h.note.startsWith('Raise'), 'the note saved');
      await reopen(page, ARCHITECT);
      const edit = await settledToolbarBox(page);
      await shot(page, `${kind}-edit`, edit);
      assert.deepEqual(lookProblems(await auditSurface(page, 'toolbar')), [], 'editor');
      await page.keyboard.press('Escape');
      await waitFor(async () => !(await toolbarBox(page)), { what: 'the editor to close' });

      const box = await phraseBox(page, '#p2', ARCHITECT);
      await page.mouse.move(box.from.x + 20, box.from.y, { steps: 3 });
      const tip = await waitFor(
        () =>
          page.evaluate((name) => {
            const host = document.querySelector(name);
            const r = host?.getBoundingClientRect();
            return host?.isConnected && r.width > 0
              ? { left: r.left, top: r.top, width: r.width, height: r.height }
              : null;
          }, pageNames().tip),
        { what: 'the tip' },
      );
      const tipAudit = await auditSurface(page, 'tip');
      await shot(page, `${kind}-tip`, tip);
      assert.deepEqual(
        tipAudit.texts.map((t) => t.text),
        ['Solver', 'Raise this in the next planning review.'],
        'the tip shows the tags and the note',
      );
      assert.deepEqual(lookProblems(tipAudit), [], 'tip');
    });
  }

  test('right after a mouse selection, 1–4, Enter, N and T act on the create toolbar; the page keeps its focus', async () => {
    const { page, url } = await openPage(articlePage());
    await offer(page, '#p2', ARCHITECT);
    const focusBefore = await page.evaluate(() => document.activeElement?.localName);
    await page.keyboard.press('3');
    const made = await storedOne(url, (h) => h.color === 'blue', 'a blue highlight from key 3');
    assert.equal(made.quote, ARCHITECT);
    assert.equal(
      await page.evaluate(() => document.activeElement?.localName),
      focusBefore,
      "the page's focus stayed where it was",
    );
    await page.keyboard.press('Escape');
    await waitFor(async () => !(await toolbarBox(page)), { what: 'Esc to close the editor' });

    await offer(page, '#p3', SOLVER);
    await page.keyboard.press('Enter');
    await waitFor(async () => (await stored(url)).some((h) => h.quote === SOLVER), {
      what: 'Enter to highlight',
    });
    await page.keyboard.press('Escape');

    await offer(page, '#p1', TECH_LEAD);
    await page.keyboard.press('n');
    await typeInFrame(page, 'Ask about scope');
    await page.keyboard.press('Escape');
    await waitFor(
      async () =>
        (await stored(url)).find((h) => h.quote === TECH_LEAD)?.note === 'Ask about scope',
      { what: 'N to highlight and take a note' },
    );
  });

  test('Highlight then T at once, while a long page is still being read, makes one highlight and opens its tag field', async () => {
    const filler = Array.from(
      { length: 4000 },
      (_, i) => `<p>Filler paragraph ${i} about promotion packets and scope.</p>`,
    ).join('');
    const { page, url } = await openPage(articlePage({ body: `${ARTICLE}${filler}` }));
    await watchToolbar(page);
    await offer(page, '#p2', ARCHITECT);
    // A page that changed since the selection was offered has its text read again on create.
    await page.evaluate(() => document.body.append(document.createElement('p')));
    const at = await waitFor(() => toolbarButton(page, 'Highlight'), { what: 'Highlight' });
    await page.mouse.click(at.x, at.y);
    await page.keyboard.press('t');
    await typeInFrame(page, 'Solver\n');
    const one = await storedOne(url, (h) => h.tagIds.length === 1, 'the tag saved').catch(
      async (error) => {
        throw await withTimeline(page, error, await whatTheToolbarHas(page, url));
      },
    );
    assert.equal(one.quote, ARCHITECT);
    await page.keyboard.press('Escape');
    await waitFor(async () => !(await toolbarBox(page)), { what: 'the editor to close' });
    assert.equal((await stored(url)).length, 1, 'one highlight, not one per press');
  });

  test('the typing frame rings only the field being typed in, and no field once it is left', async () => {
    const { page } = await openPage(articlePage());
    await offer(page, '#p2', ARCHITECT);
    await page.keyboard.press('n');
    await typeInFrame(page, 'Ring check');
    // Keys typed before the frame knows their field are kept and put there once it does: the
    // note has the focus only from then on, a moment after the typing on a loaded machine.
    const typing = await waitFor(
      async () => {
        const look = await typingFieldsLook(page);
        return look?.note.focused ? look : null;
      },
      { what: 'the note field focused in the typing frame' },
    );
    // The focus token of the light theme (#b45309), 2 px, on the note only.
    assert.equal(typing.note.outline, 'solid 2px rgb(180, 83, 9)');
    assert.match(typing.tag.outline, /^none /);
    assert.equal(typing.note.border, 'solid 1px rgb(125, 133, 147)');

    await page.keyboard.press('Escape');
    await waitFor(async () => !(await toolbarBox(page)), { what: 'the editor to close' });
    await clickPhrase(page, '#p2', ARCHITECT);
    await settledToolbarBox(page);
    // Firefox fired no blur into the frame it hid with focus, and kept ringing the note here.
    const again = await waitFor(
      async () => {
        const look = await typingFieldsLook(page);
        return look && !(await typingFocused(page)) ? look : null;
      },
      { what: 'the editor with its typing frame, not focused' },
    );
    assert.deepEqual(
      Object.values(again).map((f) => [f.focused, f.outline.split(' ')[0], f.border]),
      [
        [false, 'none', 'solid 1px rgb(125, 133, 147)'],
        [false, 'none', 'solid 1px rgb(125, 133, 147)'],
      ],
      JSON.stringify(again),
    );
  });

  test('after the background stops, N and T on the editor still reach the typing frame', async () => {
    // The background may stop whenever the reader pauses; it drops the frame's port at both
    // ends, and the toolbar offers the frame a fresh token. Under load in Firefox, that offer
    // once came before the frame heard of the drop, and the note was out of reach for good.
    // Chromium's worker is stopped from an extension page; Firefox's driver has its own.
    const helper = driver.stopBackground ? null : await driver.extensionPage('review.html');
    if (helper) open.push(helper);
    const { page, url } = await openPage(articlePage());
    await page.bringToFront();
    await watchToolbar(page);
    await offer(page, '#p2', ARCHITECT);
    await page.keyboard.press('n');
    await typeInFrame(page, 'a');
    for (const [round, key] of [...'ntnt'].entries()) {
      await page.keyboard.press('Escape');
      await waitFor(async () => !(await toolbarBox(page)), { what: 'the editor to close' });
      await stopBackground(driver, helper);
      await page.bringToFront();
      await clickPhrase(page, '#p2', ARCHITECT);
      await settledToolbarBox(page);
      await page.keyboard.press(key);
      const field = key === 'n' ? 'note' : 'tag';
      await waitFor(
        async () => {
          const state = await typingFieldsState(page);
          return state?.hasFocus && state.focused === field;
        },
        { what: `the ${field} field focused after background stop ${round + 1}` },
      ).catch(async (error) => {
        throw await withTimeline(page, error, await whatTheToolbarHas(page, url));
      });
      await page.keyboard.type(key === 'n' ? String(round) : `Stop ${round}\n`);
    }
    await storedOne(
      url,
      (h) => h.note === 'a02' && h.tagIds.length === 2,
      'the note and both tags typed across the stops',
    );
  });

  test('keys typed into a page field never act on the toolbar', async () => {
    const { page, url } = await openPage(
      articlePage({ body: `${articlePage().match(/<body>([\s\S]*)<\/body>/)[1]}<input id="q">` }),
    );
    await offer(page, '#p2', ARCHITECT);
    await page.evaluate(() => document.getElementById('q').focus());
    await page.keyboard.type('2n');
    await waitFor(() => page.evaluate(() => document.getElementById('q').value === '2n'), {
      what: 'the keys typed into the field',
    });
    await pageSettled(page);
    assert.deepEqual(await stored(url), [], 'nothing highlighted');
    assert.deepEqual(await drawnHighlights(page), []);
  });

  test('a page listening to every key hears nothing of a note or a tag name as it is typed', async () => {
    const { page, url } = await openPage(articlePage({ head: RECORD_KEYS }));
    await offer(page, '#p2', ARCHITECT);
    await page.keyboard.press('n');
    await waitFor(() => typingFocused(page), { what: 'focus in the typing frame' });
    await page.evaluate(() => (window.heard = []));
    await page.keyboard.type('private plan');
    await page.keyboard.press('Escape');
    await storedOne(url, (h) => h.note === 'private plan', 'the note saved');
    await waitFor(async () => !(await toolbarBox(page)), { what: 'the editor to close' });
    await clickPhrase(page, '#p2', ARCHITECT);
    await settledToolbarBox(page);
    await page.keyboard.press('t');
    await waitFor(() => typingFocused(page), { what: 'focus in the typing frame again' });
    const heardT = await page.evaluate(() => window.heard.splice(0));
    await page.keyboard.type('Secret tag\n');
    await storedOne(url, (h) => h.tagIds.length === 1, 'the tag saved');
    const heard = await page.evaluate(() => window.heard);
    assert.ok(
      heardT.every((k) => !/:[a-z ]$/.test(k) || /:t$/i.test(k)),
      `${heardT}`,
    );
    assert.deepEqual(heard, [], 'the page heard none of the typing');
    assert.deepEqual(await page.evaluate(() => window.messages), [], 'and got no message');
  });

  const ATTACKS = {
    'a decoy laid over it': () => {
      const decoy = document.createElement('div');
      decoy.textContent = 'Click anywhere to continue';
      decoy.style.cssText =
        'position:fixed;inset:0;z-index:2147483647;background:#fff;pointer-events:none;font:30px serif';
      document.documentElement.append(decoy);
    },
    'a top-layer popover over it': () => {
      const pop = document.createElement('div');
      pop.popover = 'manual';
      pop.textContent = 'Click to continue';
      pop.style.cssText =
        'inset:0;width:100vw;height:100vh;margin:0;border:0;background:#fff;pointer-events:none';
      document.body.append(pop);
      pop.showPopover();
    },
    'opacity 0 on it': (toolbar) =>
      document.querySelector(toolbar).style.setProperty('opacity', '0', 'important'),
    'moved under the pointer': (toolbar) => {
      const host = document.querySelector(toolbar);
      const top = parseFloat(host.style.top);
      host.style.setProperty('top', `${top + 3}px`, 'important');
    },
  };

  for (const [attack, run] of Object.entries(ATTACKS)) {
    test(`a real click on the toolbar with ${attack} creates nothing`, async () => {
      const { page, url } = await openPage(articlePage());
      await offer(page, '#p2', ARCHITECT);
      const at = await toolbarButton(page, 'Highlight');
      await page.evaluate(run, pageNames().toolbar);
      await page.mouse.click(at.x, at.y);
      await waitFor(async () => /Nothing done/.test(await toolbarStatus(page)), {
        what: 'the click refused',
      });
      assert.deepEqual(await drawnHighlights(page), [], 'nothing drawn');
      assert.deepEqual(await stored(url), [], 'nothing saved');
    });
  }

  test('faked keys and a faked click on the toolbar do nothing', async () => {
    const { page, url } = await openPage(articlePage());
    await offer(page, '#p2', ARCHITECT);
    await page.evaluate((toolbar) => {
      for (const key of ['1', '2', 'Enter', 'n', 't']) {
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      }
      const root = document.querySelector(toolbar).shadowRoot;
      const button = root.querySelector('button');
      const r = button.getBoundingClientRect();
      button.dispatchEvent(
        new MouseEvent('click', {
          bubbles: true,
          composed: true,
          detail: 1,
          clientX: r.left + 5,
          clientY: r.top + 5,
        }),
      );
    }, pageNames().toolbar);
    await waitFor(async () => /not the reader/.test(await toolbarStatus(page)), {
      what: 'the fake click refused',
    });
    await pageSettled(page);
    assert.deepEqual(await drawnHighlights(page), []);
    assert.deepEqual(await stored(url), []);
  });

  test('a typing frame the page loads itself cannot be made to act', async () => {
    const { page, url } = await openPage(articlePage({ head: RECORD_KEYS }));
    await offer(page, '#p2', ARCHITECT);
    await clickButton(page, 'Highlight');
    await storedOne(url, (h) => h.note === '', 'the highlight saved');
    await page.keyboard.press('Escape');
    const frameUrl = driver.extensionUrl('typing.html');
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.id = 'own';
      frame.src = src;
      frame.style.cssText = 'position:fixed;left:10px;bottom:10px;width:400px;height:130px';
      frame.onload = () => {
        for (let i = 0; i < 20; i += 1) {
          frame.contentWindow.postMessage({ trailmarkTypingToken: `guess-${i}` }, '*');
        }
        window.ownLoaded = true;
      };
      document.body.append(frame);
    }, frameUrl);
    const box = await waitFor(
      () =>
        page.evaluate(() => {
          const r = document.getElementById('own').getBoundingClientRect();
          return window.ownLoaded ? { x: r.left + 100, y: r.bottom - 30 } : null;
        }),
      { what: 'the page-loaded frame' },
    );
    await page.mouse.click(box.x, box.y);
    await page.keyboard.type('forged note');
    // Anything the forged frame could send would be on its way before this real tag is typed
    // in the toolbar's own frame: once the tag is saved, the forged note has had its chance.
    await clickPhrase(page, '#p2', ARCHITECT);
    await settledToolbarBox(page);
    await page.keyboard.press('t');
    await typeInFrame(page, 'Real\n');
    await storedOne(url, (h) => h.tagIds.length === 1, 'a tag typed in the real frame');
    const [one] = await stored(url);
    assert.equal(one.note, '', 'no note written through the page-loaded frame');
    assert.deepEqual(
      await page.evaluate(() => window.messages),
      [],
      'the frame told the page nothing',
    );
  });
}
