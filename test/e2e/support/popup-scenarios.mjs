// The popup's end-to-end scenarios, written once and run in every browser: goals with a target
// mix, tagging and linking from the popup, the actual mix, quick search, orphans, a keyboard-only
// walk, and axe-core in the light and the dark theme.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useScheme } from './color-scheme.mjs';
import { withBrowser } from './with-browser.mjs';
import { pageNames, waitFor } from './page-actions.mjs';
import { ARCHITECT, articleHtml, RIGHT_HAND, SOLVER } from './popup-pages.mjs';
import {
  addTagIn,
  axeViolations,
  click,
  find,
  focused,
  mixOf,
  openPopup,
  textsOf,
  typeInto,
} from './popup-actions.mjs';
import { createGoal, highlightPhrases } from './popup-setup.mjs';

const SOLVER_ID = 'archetype-solver';
const TECH_LEAD_ID = 'archetype-tech-lead';

export function popupScenarios(launch) {
  let driver;
  let server;
  withBrowser(launch, (d, s) => ([driver, server] = [d, s]));
  const snapshot = () => driver.backgroundCall('snapshot');

  const highlightOn = (name, paragraphs, phrases, options) =>
    highlightPhrases(driver, server, name, articleHtml(name, paragraphs, options), phrases);

  const storedGoal = async (title) =>
    waitFor(async () => (await snapshot()).goals.find((g) => g.title === title), {
      what: `the goal "${title}" to be stored`,
    });

  test('the goal form says when the mix does not add up to 100, and saves it when it does', async () => {
    const { url, page } = await highlightOn('goal-form.html', { p1: SOLVER }, {});
    const popup = await openPopup(driver, url);
    await createGoal(popup, 'Grow the Solver side', {
      [TECH_LEAD_ID]: 60,
      [SOLVER_ID]: 30,
    });
    const [total] = await textsOf(popup, '.mix-fields p[aria-live]');
    assert.match(
      total,
      /Total 90 % — The shares add up to 90 %, not 100 % \(10 % still to place\)/,
    );
    await waitFor(
      () => popup.evaluate(() => document.activeElement.getAttribute('aria-invalid') === 'true'),
      { what: 'focus to move to the first field to fix' },
    );
    assert.equal((await snapshot()).goals.length, 0, 'nothing is saved');

    await typeInto(popup, 'input[name="mix-archetype-right-hand"]', '', '10');
    assert.match((await textsOf(popup, '.mix-fields p[aria-live]'))[0], /Total 100 % ✓/);
    await click(popup, 'button[type="submit"]', 'Create goal');
    const goal = await storedGoal('Grow the Solver side');
    assert.deepEqual(goal.targetMix, {
      [TECH_LEAD_ID]: 60,
      [SOLVER_ID]: 30,
      'archetype-right-hand': 10,
    });
    const mix = await waitFor(() => mixOf(popup, 'Grow the Solver side'));
    assert.deepEqual(mix, {
      'Tech Lead': ['—', '60 %', '—'],
      Solver: ['—', '30 %', '—'],
      'Right Hand': ['—', '10 %', '—'],
    });
    await popup.close();
    await page.close();
  });

  test('tag a highlight and the page, link both to a goal, see the actual mix, unlink', async () => {
    const { url, page } = await highlightOn(
      'linking.html',
      { p1: SOLVER, p2: ARCHITECT },
      { '#p1': 'The Solver digs deep into arbitrarily complex problems' },
    );
    const popup = await openPopup(driver, url);
    await createGoal(popup, 'Staff by 2028', { [TECH_LEAD_ID]: 50, [SOLVER_ID]: 50 });
    const goal = await storedGoal('Staff by 2028');
    await click(popup, '[role="tab"]', 'This page');

    await addTagIn(popup, '[data-highlight-id]', SOLVER_ID);
    await addTagIn(popup, '.page-details', TECH_LEAD_ID);
    await waitFor(
      async () => {
        const { highlights, pages } = await snapshot();
        const page = pages.find((p) => p.url === url);
        const highlight = highlights.find((h) => h.pageId === page?.id);
        return highlight?.tagIds.includes(SOLVER_ID) && page.tagIds.includes(TECH_LEAD_ID);
      },
      { what: 'the tags to be stored' },
    );

    await click(popup, '.page-details button[aria-expanded]', 'Link to goal');
    await click(popup, '.page-details .picker-list input', 'Staff by 2028');
    await click(popup, '[data-highlight-id] button[aria-expanded]', 'Link to goal');
    await click(popup, '[data-highlight-id] .picker-list input', 'Staff by 2028');
    await waitFor(
      async () => (await snapshot()).links.filter((l) => l.goalId === goal.id).length === 2,
      { what: 'two links' },
    );
    await click(popup, '.page-details .chip-open', 'Staff by 2028');
    await typeInto(popup, '.page-details .note-form input', '', 'Bring it to my 1:1');
    await popup.keyboard.press('Enter');
    await waitFor(
      async () => (await snapshot()).links.some((l) => l.note === 'Bring it to my 1:1'),
      { what: 'the link note' },
    );

    await click(popup, '[role="tab"]', 'Goals');
    // Now (no check-in yet), target and the evidence, as the goal view writes them: two items
    // are counted, not written as percents.
    await waitFor(async () => (await mixOf(popup, 'Staff by 2028'))?.Solver?.[2] === '1');
    assert.deepEqual(await mixOf(popup, 'Staff by 2028'), {
      'Tech Lead': ['—', '50 %', '1'],
      Solver: ['—', '50 %', '1'],
    });
    const evidence = await textsOf(popup, `[data-goal-id="${goal.id}"] .evidence`);
    assert.match(evidence[0], /1 highlight · 1 article/);
    const basis = await textsOf(popup, `[data-goal-id="${goal.id}"] .mix-basis`);
    assert.equal(basis[0], 'No check-in yet: Edit to add one.');

    await click(popup, '[role="tab"]', 'This page');
    await click(popup, '[data-highlight-id] button', 'Unlink from Staff by 2028');
    await waitFor(
      async () => (await snapshot()).links.filter((l) => l.goalId === goal.id).length === 1,
      { what: 'the highlight to be unlinked' },
    );
    await click(popup, '[role="tab"]', 'Goals');
    await waitFor(async () => (await mixOf(popup, 'Staff by 2028'))?.Solver?.[2] === '0');
    assert.deepEqual(await mixOf(popup, 'Staff by 2028'), {
      'Tech Lead': ['—', '50 %', '1'],
      Solver: ['—', '50 %', '0'],
    });
    await popup.close();
    await page.close();
  });

  test('a goal is edited, marked achieved, archived and made active again', async () => {
    const { url, page } = await highlightOn('goal-life.html', { p1: SOLVER }, {});
    const popup = await openPopup(driver, url);
    await createGoal(popup, 'Lead an incident review', {});
    const goal = await storedGoal('Lead an incident review');
    const statusOf = async () => (await snapshot()).goals.find((g) => g.id === goal.id);

    await click(popup, 'button', 'Edit Lead an incident review');
    // The click lands mid-title in the wider field: add to the end, as a reader would.
    await click(popup, 'input[name="title"]');
    await popup.keyboard.press('End');
    await popup.keyboard.type(' well');
    await click(popup, 'button[type="submit"]', 'Save goal');
    await waitFor(async () => (await statusOf()).title === 'Lead an incident review well', {
      what: 'the new title',
    });
    const title = 'Lead an incident review well';
    for (const [action, status] of [
      [`Mark achieved: ${title}`, 'achieved'],
      [`Make active again: ${title}`, 'active'],
      [`Archive: ${title}`, 'archived'],
      [`Make active again: ${title}`, 'active'],
    ]) {
      if (status === 'active') {
        await click(popup, '.done-goals summary', 'Achieved and archived · 1 goal');
      }
      await click(popup, 'button', action);
      await waitFor(async () => (await statusOf()).status === status, { what: status });
      await find(
        popup,
        status === 'active' ? '.goals > ul > li.goal' : '.done-goals li.goal',
        title,
      );
    }
    await popup.close();
    await page.close();
  });

  test('"track reading time" from the popup times this visit, with no highlight on the page', async () => {
    const name = 'tracked.html';
    server.setPage(name, articleHtml(name, { p1: SOLVER }, { long: true }));
    const url = server.url(name);
    const page = await driver.newPage(url);
    const popup = await openPopup(driver, url);
    await click(popup, 'label', 'Track reading time');
    await waitFor(async () => (await snapshot()).pages.find((p) => p.url === url)?.tracked, {
      what: 'tracking to be stored',
    });
    // The popup tells the tab to start timing right after it says so: closed before that, the
    // tab would never hear of it.
    await waitFor(
      () =>
        popup.evaluate(() =>
          document.body.textContent.includes('Reading time is tracked on this page.'),
        ),
      { what: 'the popup to confirm the tracking' },
    );
    await popup.close();
    await page.bringToFront();
    // The reader reads for three seconds: time passing is what this test measures.
    for (let i = 0; i < 12; i += 1) {
      await page.mouse.move(200 + i * 10, 300);
      await page.evaluate((y) => window.scrollTo(0, y), i * 150);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // Leaving the page sends what was read; the reload is that leaving.
    await page.reload();
    const stored = await waitFor(
      async () => {
        const record = (await snapshot()).pages.find((p) => p.url === url);
        return record?.readingMs >= 1000 ? record : null;
      },
      { what: 'reading time to be recorded' },
    );
    assert.ok(stored.maxScroll > 0.2, `furthest scroll recorded: ${stored.maxScroll}`);
    await page.close();
  });

  test('activating a highlight in the popup scrolls the page to it', async () => {
    const { url, page } = await highlightOn(
      'reveal.html',
      { far: RIGHT_HAND },
      { '#far': "extends an executive's attention" },
      { long: true },
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    const popup = await openPopup(driver, url);
    await click(popup, '[data-highlight-id] .quote', "extends an executive's attention");
    await farShown(page);
    await popup.close();
    await page.close();
  });

  test('a highlight asked for while its page is behind another tab is shown once the page is in front', async () => {
    const quote = 'borrowing their scope and authority';
    const { url, page } = await highlightOn(
      'behind.html',
      { far: RIGHT_HAND },
      { '#far': quote },
      { long: true },
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    const { id } = (await snapshot()).highlights.find((h) => h.quote === quote);
    const tabId = await driver.tabIdFor(url);
    const popup = await openPopup(driver, url);
    // Firefox hides a tab behind another; headless Chromium keeps every tab visible, so there
    // this is the plain case.
    const hidden = await page.evaluate(() => document.hidden);
    assert.equal(hidden, driver.name === 'firefox', 'the page is hidden behind the popup');
    // The request the popup sends, sent while the page is still behind.
    await popup.evaluate(
      ([tab, highlight]) =>
        chrome.tabs.sendMessage(tab, { app: 'trailmark', kind: 'content.reveal', id: highlight }),
      [tabId, id],
    );
    await page.bringToFront();
    await farShown(page);
    await popup.close();
    await page.close();
  });

  /** Waits until the page has scrolled `#far` into the window and flashes a highlight there. */
  async function farShown(page) {
    await waitFor(
      () =>
        page.evaluate(() => {
          const box = document.querySelector('#far').getBoundingClientRect();
          return box.top >= 0 && box.bottom <= innerHeight;
        }),
      { what: 'the page to scroll to the highlight' },
    );
    await waitFor(() => page.evaluate((flash) => CSS.highlights.has(flash), pageNames().flash), {
      what: 'the highlight to flash',
    });
  }

  test('quick search finds a highlight as you type; Enter opens its page', async () => {
    const { url, page } = await highlightOn(
      'search.html',
      { p1: ARCHITECT },
      { '#p1': 'responsible for the direction, quality' },
      { long: true },
    );
    await page.close();
    const popup = await driver.extensionPage('popup.html');
    await popup.bringToFront();
    await typeInto(popup, 'input[role="combobox"]', '', 'direct qual');
    await waitFor(
      () => popup.evaluate(() => document.querySelector('[data-query="direct qual"]') !== null),
      { what: 'the results for the whole query' },
    );
    const listed = await textsOf(popup, '[role="option"]');
    assert.ok(listed[0].includes('responsible for the direction, quality'), listed[0]);
    assert.deepEqual(await textsOf(popup, '[role="option"] mark'), ['direction', 'quality']);
    await popup.keyboard.press('ArrowDown');
    const activeId = await popup.evaluate(() =>
      document.activeElement.getAttribute('aria-activedescendant'),
    );
    assert.match(activeId, /^hit-/);
    assert.equal(await driver.pageFor(url), null, 'the article is closed before Enter');
    await popup.keyboard.press('Enter');
    const opened = await waitFor(() => driver.pageFor(url), { what: 'the page to open' });
    // Opened at the highlight: the long filler above it is scrolled past, and the fragment that
    // named the highlight is taken off the address once it is shown.
    await waitFor(
      () =>
        opened.evaluate(() => {
          const box = document.querySelector('#p1').getBoundingClientRect();
          return box.top >= 0 && box.bottom <= innerHeight && !location.hash;
        }),
      { what: 'the opened page to show the highlight' },
    );
    await opened.close();
    await popup.bringToFront();
    await popup.keyboard.press('Escape');
    assert.equal(
      await popup.evaluate(() => document.querySelector('input[type=search]').value),
      '',
    );
    await popup.close();
  });

  test('a highlight the page no longer contains is listed as not found; it can be kept or deleted', async () => {
    const { url, page } = await highlightOn(
      'orphan.html',
      { p1: SOLVER, p2: ARCHITECT },
      { '#p1': 'arbitrarily complex problems', '#p2': 'within a critical area' },
    );
    server.setPage('orphan.html', articleHtml('orphan.html', { p2: ARCHITECT }));
    await page.reload();
    await waitFor(
      async () => (await snapshot()).highlights.some((h) => h.anchorStatus === 'orphan'),
      { what: 'the content script to report the orphan' },
    );
    const popup = await openPopup(driver, url);
    const orphans = await waitFor(async () => {
      const texts = await textsOf(popup, '.orphans [data-highlight-id] blockquote');
      return texts.length ? texts : null;
    });
    assert.deepEqual(orphans.length, 1);
    assert.match(orphans[0], /into arbitrarily complex problems and finds/);
    assert.deepEqual(await textsOf(popup, '#orphans-title'), [
      '1 highlight not found on this page',
    ]);
    assert.equal((await textsOf(popup, '[aria-label="Highlights on this page"] > li')).length, 1);

    await click(popup, '.orphans button', 'Delete');
    await click(popup, '.orphans button', 'Keep');
    assert.equal((await textsOf(popup, '.orphans [data-highlight-id]')).length, 1);
    await click(popup, '.orphans button', 'Delete');
    await click(popup, '.orphans button.danger', 'Delete');
    await waitFor(async () => (await textsOf(popup, '.orphans')).length === 0, {
      what: 'the orphan to go',
    });
    assert.ok(
      !(await snapshot()).highlights.some((h) => h.quote === 'arbitrarily complex problems'),
    );
    await popup.close();
    await page.close();
  });

  test('keyboard only: every stop is named and visibly focused; create a goal and link a highlight', async () => {
    const { url, page } = await highlightOn(
      'keyboard.html',
      { p1: RIGHT_HAND },
      { '#p1': 'borrowing their scope and authority' },
    );
    const popup = await openPopup(driver, url);
    const stops = [];
    const last = await lastTabStop(popup);
    // Walk forward to the last stop; going past it would hand focus to the browser's own UI.
    for (let stop = await focused(popup); stop && stops.length < 80; stop = await focused(popup)) {
      assert.ok(stop.name, `Tab stop ${stops.length} (${stop.tag}) has a name`);
      stops.push(stop);
      if (stop.last) break;
      await popup.keyboard.press('Tab');
    }
    assert.ok(stops.at(-1)?.last, `the walk reaches ${last}`);
    const named = stops.map((s) => s.name);
    assert.equal(named[0], 'Search your highlights and pages', 'the search box has focus first');
    for (const name of ['This page', 'Status', 'Track reading time', 'Link to goal: this page']) {
      assert.ok(
        named.some((n) => n.includes(name)),
        `${name} is reachable: ${named.join(' | ')}`,
      );
    }
    // Focus indication comes from :focus-visible, which keyboard focus always triggers.
    assert.ok(
      stops.filter((s) => s.tag !== 'select').every((s) => s.outlined),
      'focus is visible',
    );

    await popup.focus(await find(popup, '[role="tab"]', 'This page'));
    await popup.keyboard.press('ArrowRight');
    assert.equal((await focused(popup)).name, 'Goals');
    await popup.keyboard.press('Tab');
    assert.equal((await focused(popup)).name, 'New goal');
    await popup.keyboard.press('Enter');
    await waitFor(async () => (await focused(popup))?.name === 'Title', {
      what: 'the title field',
    });
    await popup.keyboard.type('Lead the platform migration');
    await tabTo(popup, 'Tech Lead');
    await popup.keyboard.type('100');
    await popup.keyboard.press('Enter');
    await storedGoal('Lead the platform migration');

    await popup.focus(await find(popup, '[role="tab"]', 'Goals'));
    await popup.keyboard.press('ArrowLeft');
    await popup.focus(
      await find(popup, '[data-highlight-id] button[aria-expanded]', 'Link to goal'),
    );
    await popup.keyboard.press('Enter');
    assert.equal((await focused(popup)).tag, 'input', 'the first goal of the list has focus');
    await tabTo(popup, 'Lead the platform migration');
    await popup.keyboard.press(' ');
    await waitFor(async () => (await snapshot()).links.some((l) => l.targetType === 'highlight'), {
      what: 'the keyboard link',
    });
    await popup.keyboard.press('Escape');
    assert.match((await focused(popup)).name, /^Link to goal: /, 'Escape returns to the button');
    await popup.close();
    await page.close();
  });

  // One popup brought through its states once, each state checked in both schemes: the states
  // take far longer to reach than to check.
  test('axe-core finds no violations in the light or the dark theme', async () => {
    const { url, page } = await highlightOn(
      'axe.html',
      { p1: SOLVER, p2: ARCHITECT },
      { '#p1': 'digs deep into arbitrarily', '#p2': 'within a critical area' },
    );
    server.setPage('axe.html', articleHtml('axe.html', { p1: SOLVER }));
    await page.reload();
    await waitFor(
      async () =>
        (await snapshot()).highlights.some(
          (h) => h.quote === 'within a critical area' && h.anchorStatus === 'orphan',
        ),
      { what: 'the orphan' },
    );
    const popup = await openPopup(driver, url);
    const inBothSchemes = async () => {
      const found = [];
      for (const scheme of ['light', 'dark']) {
        await useScheme(driver, popup, scheme);
        for (const violation of await axeViolations(popup)) found.push({ scheme, ...violation });
      }
      return found;
    };
    await createGoal(popup, 'Checked in both', { [SOLVER_ID]: 100 });
    await storedGoal('Checked in both');
    await click(popup, '[role="tab"]', 'This page');
    await click(popup, '[data-highlight-id] button[aria-expanded]', 'Link to goal');
    await click(popup, '[data-highlight-id] .picker-list input', 'Checked in both');
    await waitFor(() => find(popup, '.chip'));
    await click(popup, '[data-highlight-id] .chip-open', 'Checked in both');
    await waitFor(() => find(popup, '[data-highlight-id] .note-form input'));
    const pageView = await inBothSchemes();
    await popup.keyboard.press('Escape');
    await click(popup, '[role="tab"]', 'Goals');
    await click(popup, 'button', 'New goal');
    await typeInto(popup, 'input[name="mix-archetype-solver"]', '', '30');
    const goalForm = await inBothSchemes();
    await click(popup, 'button', 'Cancel');
    await click(popup, 'button', 'Mark achieved: Checked in both');
    await click(popup, '.done-goals summary', 'Achieved and archived');
    await waitFor(() => find(popup, '.done-goals li.goal', 'Checked in both'));
    const goals = [...goalForm, ...(await inBothSchemes())];
    await typeInto(popup, 'input[role="combobox"]', '', 'arbitr');
    await waitFor(() => find(popup, '[role="option"]'));
    await popup.keyboard.press('ArrowDown');
    const search = await inBothSchemes();
    assert.deepEqual({ pageView, goals, search }, { pageView: [], goals: [], search: [] });
    await popup.close();
    await page.close();
  });
}

/** Marks the page's last element in Tab order and returns its text, for the keyboard walk. */
const lastTabStop = (page) =>
  page.evaluate(() => {
    const tabbable = [
      ...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex="0"]'),
    ].filter((el) => !el.disabled && el.tabIndex >= 0 && el.getClientRects().length > 0);
    const last = tabbable.at(-1);
    last.dataset.lastStop = 'true';
    return last.outerHTML.slice(0, 80);
  });

/** Presses Tab until the focused element's name contains `name`. */
async function tabTo(page, name, limit = 20) {
  for (let i = 0; i < limit; i += 1) {
    if ((await focused(page))?.name.includes(name)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${name} is not reachable with Tab`);
}
