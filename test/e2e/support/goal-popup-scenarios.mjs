// Where I am now from the popup, and private tags, driven as a reader would in both browsers: a
// goal made in the popup with a target mix, a check-in through its goal form, the card's three
// mixes and gaps; a tag made private with its switch, and the brief and evidence pack downloaded
// from the Data view without it. Then screenshots of the popup's form and card and the goal view,
// light and dark, with what a designer checks there (fits the popup, sizes, contrast) asserted.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { useScheme } from './color-scheme.mjs';
import { withBrowser } from './with-browser.mjs';
import { waitFor } from './page-actions.mjs';
import {
  addTagIn,
  chooseOption,
  click,
  find,
  openPopup,
  textsOf,
  typeInto,
} from './popup-actions.mjs';
import { articleHtml, SOLVER } from './popup-pages.mjs';
import { createGoal, highlightPhrases } from './popup-setup.mjs';
import { openReview, pickFile, savedText, showView, waitForText } from './review-actions.mjs';

const TL = 'archetype-tech-lead';
const SO = 'archetype-solver';
const RH = 'archetype-right-hand';
const GOAL = 'Reach staff engineer';
const AR = 'archetype-architect';
const NEW_GOAL = 'Own the storage roadmap';
const SECRET = 'Salary talk';
const QUOTE = 'The Solver digs deep into arbitrarily complex problems';
const SCREENS = fileURLToPath(new URL('../../../artifacts/screens/', import.meta.url));

/** A backup holding one tag of the reader's own, the way a reader brings tags from elsewhere. */
const tagBackup = () =>
  JSON.stringify({
    format: 'trailmark-backup',
    version: 1,
    exportedAt: Date.now(),
    tags: [
      {
        id: 'tag-salary',
        name: SECRET,
        nameKey: SECRET.toLowerCase(),
        color: '#be123c',
        kind: 'custom',
        createdAt: Date.now() - 86_400_000,
      },
    ],
    goals: [],
    pages: [],
    highlights: [],
    links: [],
    reviews: [],
  });

/** The compact three mixes of a goal card: per archetype [now, target, evidence], and the gaps. */
const cardMixes = (popup, title) =>
  popup.evaluate((t) => {
    const card = [...document.querySelectorAll('li.goal')].find((el) =>
      el.querySelector('h3')?.textContent.includes(t),
    );
    const table = card?.querySelector('.three-mixes');
    if (!table) return null;
    const flat = (el) => el.textContent.replace(/\s+/g, ' ').trim();
    return {
      head: [...table.querySelectorAll('thead th')].map(flat),
      rows: Object.fromEntries(
        [...table.querySelectorAll('tbody tr')].map((r) => [
          flat(r.querySelector('th')),
          [...r.querySelectorAll('td')].map(flat),
        ]),
      ),
      gapsLabel: table.querySelector('.gaps')?.getAttribute('aria-label'),
      gaps: [...table.querySelectorAll('.gaps li')].map(flat),
    };
  }, title);

/** Types a share into the field of the popup's "Where I am now" group named by an archetype. */
async function share(popup, archetype, value) {
  const label = await find(popup, '.goal-form-group .check-in-form label', archetype);
  await popup.type(`${label} input`, value);
}

/**
 * What a designer checks in a part of a page: nothing wider than its box, no text under 12 px,
 * and every text's contrast on the background it sits on. Runs in the page.
 */
function lookOf(selector) {
  const root = document.querySelector(selector);
  const rgb = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const lin = (v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const lum = ([r, g, b]) => 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  const ratio = (a, b) => {
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const backgroundOf = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const texts = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.nodeValue.trim() || el.closest('.sr-only, svg') || el.getClientRects().length === 0) {
      continue;
    }
    const style = getComputedStyle(el);
    texts.push({
      text: n.nodeValue.trim().slice(0, 30),
      size: parseFloat(style.fontSize),
      contrast: Math.round(ratio(rgb(style.color).slice(0, 3), backgroundOf(el)) * 100) / 100,
    });
  }
  return {
    overflow: root.scrollWidth - root.clientWidth,
    width: root.getBoundingClientRect().width,
    small: texts.filter((t) => t.size < 12),
    faint: texts.filter((t) => t.contrast < 4.5),
  };
}

/**
 * Each label in a part of a page with how many lines its words take (the field it names left
 * out): the height of those words over the label's line height. Runs in the page.
 */
function labelLines(selector) {
  const isControl = (n) => n.nodeType === 1 && n.matches('input, textarea, select');
  return [...document.querySelector(selector).querySelectorAll('label')].flatMap((label) => {
    const words = [...label.childNodes].filter((n) => !isControl(n) && n.textContent.trim());
    const control = label.querySelector('input, textarea, select');
    const before = words.filter(
      (n) => !control || n.compareDocumentPosition(control) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    if (before.length === 0) return [];
    const range = document.createRange();
    range.setStartBefore(before[0]);
    range.setEndAfter(before.at(-1));
    const line = parseFloat(
      getComputedStyle(before[0].nodeType === 1 ? before[0] : label).lineHeight,
    );
    return [
      {
        name: range.toString().replace(/\s+/g, ' ').trim(),
        lines: Math.round(range.getBoundingClientRect().height / line),
      },
    ];
  });
}

/** How far the widest element of a part of the popup reaches past the popup's content box. */
function pastPopup(selector) {
  const main = document.querySelector('main.popup');
  const right =
    main.getBoundingClientRect().right - parseFloat(getComputedStyle(main).paddingRight);
  const rights = [...document.querySelector(selector).querySelectorAll('*')].map(
    (el) => el.getBoundingClientRect().right,
  );
  return Math.max(0, Math.round(Math.max(...rights) - right));
}

async function assertLooksRight(page, selector, where) {
  const look = await page.evaluate(lookOf, selector);
  assert.ok(look.overflow <= 0, `${where}: ${look.overflow}px wider than its box`);
  assert.deepEqual(look.small, [], `${where}: text under 12 px`);
  assert.deepEqual(look.faint, [], `${where}: text under 4.5:1 contrast`);
  return look;
}

async function shoot(page, selector, name) {
  await mkdir(SCREENS, { recursive: true });
  const element = await page.$(selector);
  await writeFile(path.join(SCREENS, `${name}.png`), await element.screenshot());
}

/**
 * The three tests share one library on purpose, in order: the second tags the first's linked
 * highlight, the third photographs what both made.
 */
export function goalPopupScenarios(launch) {
  let driver;
  let server;
  let articleUrl;
  withBrowser(launch, (d, s) => ([driver, server] = [d, s]));
  const snapshot = () => driver.backgroundCall('snapshot');

  test('a check-in through the popup goal form shows in the card as Now beside Target and Evidence, with the gaps in points', async () => {
    const { url, page } = await highlightPhrases(
      driver,
      server,
      'where-i-am.html',
      articleHtml('Staff archetypes', { p1: SOLVER }),
      { '#p1': QUOTE },
    );
    articleUrl = url;
    const popup = await openPopup(driver, url);
    await createGoal(popup, GOAL, { [TL]: 60, [RH]: 10, [SO]: 30 });
    await waitFor(async () => (await cardMixes(popup, GOAL))?.rows['Tech Lead'], {
      what: 'the new goal card',
    });

    // Evidence: the highlight, tagged Solver and linked to the goal from the popup.
    await click(popup, '[role="tab"]', 'This page');
    await addTagIn(popup, '[data-highlight-id]', SO);
    await click(popup, '[data-highlight-id] button[aria-expanded]', 'Link to goal');
    await click(popup, '[data-highlight-id] .picker-list input', GOAL);
    await waitFor(async () => (await snapshot()).links.length === 1, { what: 'the link' });
    await click(popup, '[role="tab"]', 'Goals');

    await click(popup, 'button', `Edit ${GOAL}`);
    const group = await find(popup, '.goal-form-group fieldset', 'Where I am now');
    const hint = (await textsOf(popup, `${group} .hint`))[0];
    assert.match(hint, /counts by its midpoint/);
    await share(popup, 'Solver', '70–80');
    await share(popup, 'Right Hand', '20–30');
    await click(popup, '.goal-form-group .check-in-form button', 'Check in');
    await waitForText(popup, '.latest-check-in', 'Solver 70–80 %, Right Hand 20–30 %');
    const goal = (await snapshot()).goals.find((g) => g.title === GOAL);
    assert.equal(goal.checkIns.length, 1);
    assert.deepEqual(goal.checkIns[0].shares, {
      [SO]: { low: 70, high: 80 },
      [RH]: { low: 20, high: 30 },
    });
    await click(popup, '.goal-form button', 'Cancel');

    const card = await waitFor(
      async () => {
        const mixes = await cardMixes(popup, GOAL);
        return mixes?.rows.Solver?.[0] === '70–80 %' ? mixes : null;
      },
      { what: 'the card to show the check-in' },
    );
    assert.deepEqual(card.head, ['Archetype', 'Now', 'Target', 'Evidence']);
    assert.deepEqual(card.rows, {
      // One highlight of evidence is too few for a percent: it is counted, not "100 %".
      'Tech Lead': ['0 %', '60 %', '0'],
      Solver: ['70–80 %', '30 %', '1'],
      'Right Hand': ['20–30 %', '10 %', '0'],
    });
    assert.equal(card.gapsLabel, 'Gaps from now');
    assert.deepEqual(card.gaps, [
      'Tech Lead: 60 points to go',
      'Solver: 45 points over',
      'Right Hand: 15 points over',
    ]);
    await popup.close();
    // The article stays open: the popup is about the tab it is opened over.
    assert.ok(page);
  });

  test('a tag made private with its switch never appears in the downloaded brief, evidence pack or Web Annotations', async () => {
    const review = await openReview(driver, 'data');
    await pickFile(review, '#import-file', 'tags.json', tagBackup());
    await waitForText(review, '.import-ok', 'Imported', 60_000);

    // The reader puts their own tag on the linked highlight from the popup.
    const popup = await openPopup(driver, articleUrl);
    await chooseOption(popup, '[data-highlight-id] .add-tag', '', 'tag-salary');
    await waitFor(async () => (await snapshot()).highlights[0]?.tagIds.includes('tag-salary'), {
      what: 'the tag on the highlight',
    });
    await popup.close();

    // Shown in every export while it is not private: the checks below can see it.
    await click(review, '.brief-export button', 'Download 1:1 brief');
    assert.ok((await savedText(review, 1)).includes(`Tags: Solver, ${SECRET}`));

    // The switch in the library's tag editor…
    await showView(review, 'library');
    const librarySwitch = await find(review, '.tag-editor [role="switch"]', `Private: ${SECRET}`);
    assert.equal(await review.$eval(librarySwitch, (b) => b.getAttribute('aria-checked')), 'false');
    await review.click(librarySwitch);
    await waitFor(async () => (await snapshot()).tags.find((t) => t.id === 'tag-salary')?.private, {
      what: 'the tag to be stored private',
    });
    // …and in the Data view, where the reader's tags are listed for export, agree.
    await showView(review, 'data');
    const dataSwitch = await find(review, '.private-tags [role="switch"]', `Private: ${SECRET}`);
    await waitFor(
      async () =>
        (await review.$eval(dataSwitch, (b) => b.getAttribute('aria-checked'))) === 'true',
      { what: 'the Data view switch to show it private' },
    );
    assert.equal(
      await review.evaluate(() => document.querySelectorAll('.private-tags [role=switch]').length),
      1,
      'archetypes get no switch',
    );

    await shoot(review, '.view-data', `data-view-${driver.name}-light`);
    await click(review, '.brief-export button', 'Download 1:1 brief');
    const brief = await savedText(review, 2);
    await click(review, 'button', 'Download evidence pack');
    const pack = await savedText(review, 3);
    await waitForText(review, '.export-message', 'Saved trailmark-evidence');
    await click(review, 'button', 'Download Web Annotations');
    const annotations = await savedText(review, 4);
    for (const [name, text] of Object.entries({ brief, pack, annotations })) {
      assert.ok(text.includes(QUOTE), `${name} holds the quote`);
      assert.ok(!text.includes(SECRET), `${name} names the private tag`);
    }
    assert.match(brief, /^# 1:1 brief — Reach staff engineer/);
    assert.match(brief, /Tags: Solver\n/);
    assert.equal(pack.split('[Staff archetypes](').length - 1, 1, 'the article named once');
    assert.ok(JSON.parse(annotations).first.items[0].body.some((b) => b.value === 'Solver'));

    // The printable brief, opened from the Data view, leaves it out too.
    await click(review, '.brief-export button', 'Print 1:1 brief');
    const opened = await waitFor(
      async () => (await driver.openedUrls()).find((u) => u.includes('brief.html?goal=')),
      { what: 'the printable brief to open' },
    );
    // Read in a page of the test's own: Firefox's driver does not hand out tabs it did not open.
    const sheet = await driver.extensionPage(opened.slice(opened.indexOf('brief.html')));
    const printed = await sheet.evaluate(() => document.body.innerText);
    assert.ok(printed.includes(QUOTE) && !printed.includes(SECRET));
    await sheet.close();
    await review.close();
  });

  /** Screenshots and checks in one scheme; the library must hold the goal. */
  async function looks(scheme) {
    const popup = await openPopup(driver, articleUrl);
    await useScheme(driver, popup, scheme);
    await click(popup, '[role="tab"]', 'Goals');
    await find(popup, 'li.goal .three-mixes');
    await shoot(popup, 'main.popup', `popup-card-${driver.name}-${scheme}`);
    await assertLooksRight(popup, 'li.goal', `popup card, ${scheme}`);
    await click(popup, 'button', `Edit ${GOAL}`);
    await find(popup, '.goal-form-group .check-in-form');
    await shoot(popup, 'main.popup', `popup-form-${driver.name}-${scheme}`);
    const form = await assertLooksRight(popup, '.goal-form-group', `popup goal form, ${scheme}`);
    assert.ok(form.width <= 400, `the form fits the popup: ${form.width}px`);
    // Every label's words on one line ("Target date (optional)" and "Right Hand" wrapped once),
    // and a check-in field wide enough for "70–80" (seen too narrow once).
    assert.equal(await popup.evaluate(pastPopup, '.goal-form-group'), 0, 'px past the popup');
    for (const label of await popup.evaluate(labelLines, '.goal-form-group')) {
      assert.equal(label.lines, 1, `${label.name}: ${label.lines} lines, ${scheme}`);
    }
    const fields = await popup.evaluate(() =>
      [...document.querySelectorAll('.goal-form-group .check-in-fields input')].map((input) => ({
        name: input.closest('label').textContent,
        width: input.getBoundingClientRect().width,
      })),
    );
    assert.equal(fields.length, 5, 'four shares and a date');
    for (const f of fields) assert.ok(f.width >= 64, `${f.name}: field ${f.width}px wide`);
    await click(popup, 'button', 'Cancel');
    await click(popup, 'button', 'New goal');
    await find(popup, '.goal-form .check-in-form');
    await shoot(popup, 'main.popup', `popup-new-goal-${driver.name}-${scheme}`);
    await assertLooksRight(popup, 'form.goal-form', `popup new goal form, ${scheme}`);
    assert.equal(await popup.evaluate(pastPopup, 'form.goal-form'), 0, 'px past the popup');
    const names = await popup.evaluate(labelLines, 'form.goal-form');
    assert.ok(
      names.some((l) => l.name === 'Target date (optional)'),
      JSON.stringify(names),
    );
    for (const label of names) {
      assert.equal(label.lines, 1, `${label.name}: ${label.lines} lines, ${scheme}`);
    }
    await popup.close();

    const goalId = (await driver.backgroundCall('snapshot')).goals[0].id;
    const review = await driver.extensionPage(`review.html#goals/${goalId}`);
    await useScheme(driver, review, scheme);
    await find(review, '.goal-planning .three-mixes');
    await shoot(review, '.goal-detail', `goal-view-${driver.name}-${scheme}`);
    await assertLooksRight(review, '.goal-planning', `goal view, ${scheme}`);
    await review.close();
  }

  test('the popup goal card and form and the goal view fit, read at 12 px or more and keep 4.5:1 contrast, light and dark', async () => {
    await looks('light');
    await looks('dark');
  });
  test('a new goal takes where the reader stands in its own form, saved with the goal, and a bad share saves nothing', async () => {
    const popup = await openPopup(driver, articleUrl);
    await click(popup, '[role="tab"]', 'Goals');
    await click(popup, 'button', 'New goal');
    await typeInto(popup, 'input[name="title"]', '', NEW_GOAL);
    await typeInto(popup, `input[name="mix-${TL}"]`, '', '100');
    const group = await find(popup, '.goal-form .check-in-form fieldset', 'Where I am now');
    assert.match((await textsOf(popup, `${group} .hint`))[0], /counts by its midpoint/);
    const nowField = async (archetype) =>
      `${await find(popup, '.goal-form .check-in-form label', archetype)} input`;
    await popup.type(await nowField('Solver'), 'lots');
    await click(popup, 'button[type="submit"]', 'Create goal');
    await waitForText(popup, '.goal-form .check-in-form .form-error', 'Solver');
    assert.equal((await snapshot()).goals.filter((g) => g.title === NEW_GOAL).length, 0);

    await popup.click(await nowField('Solver'));
    await popup.keyboard.press('End');
    for (let i = 0; i < 'lots'.length; i += 1) await popup.keyboard.press('Backspace');
    await popup.keyboard.type('60–70');
    await popup.type(await nowField('Architect'), '35');
    await click(popup, 'button[type="submit"]', 'Create goal');
    const goal = await waitFor(
      async () => (await snapshot()).goals.find((g) => g.title === NEW_GOAL),
      { what: 'the new goal with its check-in' },
    );
    assert.equal(goal.checkIns?.length, 1);
    assert.deepEqual(goal.checkIns[0].shares, {
      [SO]: { low: 60, high: 70 },
      [AR]: { low: 35, high: 35 },
    });
    const card = await waitFor(async () => (await cardMixes(popup, NEW_GOAL))?.rows.Solver, {
      what: 'the new card',
    });
    assert.equal(card[0], '60–70 %');
    await popup.close();
  });
}
