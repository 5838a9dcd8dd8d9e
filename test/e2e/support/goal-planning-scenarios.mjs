// Where the reader stands on a goal and the 1:1 brief, driven through the review page as a reader
// would: a goal with a target mix, two check-ins, a question, a private tag, evidence from two
// articles; the three mixes and gaps, "What's missing" linking a highlight, and the brief as
// Markdown and as the printable page. Written once, run in both browsers.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { waitFor } from './page-actions.mjs';
import { click, find } from './popup-actions.mjs';
import {
  openReview,
  pickFile,
  savedText,
  showView,
  textOf,
  waitForText,
} from './review-actions.mjs';

const TL = 'archetype-tech-lead';
const SO = 'archetype-solver';
const RH = 'archetype-right-hand';
const DAY = 86_400_000;
const at = (days) => Date.now() - days * DAY;

const QUOTES = {
  solver: 'The Solver digs deep into gnarly problems',
  hand: 'The Right Hand extends an executive’s attention',
  lead: 'A Tech Lead guides the approach of a team',
};

/** A small library: three articles, three highlights, one goal linked to two of them. */
export function planningBackup() {
  const page = (i, title) => ({
    id: `page-${i}`,
    url: `https://example.com/article-${i}`,
    title,
    site: 'example.com',
    firstVisitAt: at(40),
    lastVisitAt: at(30),
    readingMs: 60_000,
    maxScroll: 0.5,
    status: 'reading',
    tagIds: [],
    tracked: false,
    updatedAt: at(30),
  });
  const pages = [
    page(1, 'Staff archetypes'),
    page(2, 'Being a right hand'),
    page(3, 'Leading teams'),
  ];
  const highlight = (id, pageId, quote, tagIds, note) => ({
    id,
    pageId,
    selectors: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }],
    quote,
    color: 'yellow',
    tagIds,
    note,
    createdAt: at(20),
    updatedAt: at(20),
    anchorStatus: 'anchored',
    position: 0,
  });
  const secret = {
    id: 'tag-secret',
    name: 'Confidential',
    nameKey: 'confidential',
    color: '#0f766e',
    kind: 'custom',
    createdAt: at(50),
    private: true,
  };
  const highlights = [
    highlight('hl-solver', 'page-1', QUOTES.solver, [SO, secret.id], 'That is me today'),
    highlight('hl-hand', 'page-2', QUOTES.hand, [RH], ''),
    highlight('hl-lead', 'page-3', QUOTES.lead, [TL], ''),
  ];
  const goal = {
    id: 'goal-staff',
    title: 'Reach staff engineer',
    why: 'Wider scope',
    targetDate: '2028-06-30',
    status: 'active',
    targetMix: { [TL]: 60, [SO]: 30, [RH]: 10 },
    createdAt: at(45),
    updatedAt: at(45),
  };
  const link = (n, h, note) => ({
    id: `link-${n}`,
    goalId: goal.id,
    targetType: 'highlight',
    targetId: h.id,
    pageId: h.pageId,
    note,
    createdAt: at(10 - n),
  });
  const sections = {
    tags: [secret],
    goals: [goal],
    pages,
    highlights,
    links: [link(1, highlights[0], 'Shows depth'), link(2, highlights[1], '')],
    reviews: [],
  };
  return JSON.stringify({
    format: 'trailmark-backup',
    version: 1,
    exportedAt: Date.now(),
    ...sections,
  });
}

/** Sets a date field as its picker would (typing into one depends on the browser's locale). */
async function pickDate(page, selector, date) {
  await page.evaluate(
    ([s, value]) => {
      const input = document.querySelector(s);
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    [selector, date],
  );
}

/** Fills the "Where I am now" group of the goal view and checks in. */
async function checkIn(page, shares, date) {
  for (const [name, value] of Object.entries(shares)) {
    const label = await find(page, '.goal-planning .check-in-form label', name);
    await page.type(`${label} input`, value);
  }
  await pickDate(
    page,
    `${await find(page, '.goal-planning .check-in-form label', 'Date')} input`,
    date,
  );
  await click(page, '.goal-planning .check-in-form button', 'Check in');
}

/** `options.printPdf(page)`: where the browser can print to PDF, the bytes it printed. */
export function goalPlanningScenarios(launch, options = {}) {
  let driver;
  let review;

  before(async () => {
    driver = await launch();
    review = await openReview(driver, 'data');
    await pickFile(review, '#import-file', 'planning.json', planningBackup());
    await waitForText(review, '.import-ok', 'Imported', 60_000);
    await showView(review, 'goals');
    await waitForText(review, '#goal-title', 'Reach staff engineer');
  });

  after(async () => {
    await driver?.close();
  });

  test('check-ins are kept with their dates and the latest is "now" beside target and evidence', async () => {
    await checkIn(review, { Solver: '70–80', 'Right Hand': '20-30' }, '2026-06-01');
    await waitForText(review, '.check-ins', '2026-06-01');
    await checkIn(review, { 'Tech Lead': '10', Solver: '65-75', 'Right Hand': '20' }, '2026-09-01');
    await waitForText(review, '.three-mixes', 'check-in of 2026-09-01');
    const gaps = await textOf(review, '.goal-planning .gaps');
    assert.match(gaps, /Tech Lead: now 10 %, target 60 % — 50 points to go/);
    assert.match(gaps, /Solver: now 70 %, target 30 % — 40 points over/);
    const entries = await review.evaluate(() =>
      [...document.querySelectorAll('.check-in-entry strong')].map((e) => e.textContent),
    );
    assert.deepEqual(entries, ['2026-09-01', '2026-06-01'], 'newest first, both kept');
    assert.ok(await review.$('.check-in-chart svg polyline'), 'a chart of the check-ins');
    const evidence = await review.evaluate(() =>
      [...document.querySelectorAll('.three-mixes tbody tr')].map((r) => r.textContent),
    );
    assert.ok(
      evidence.includes('Solver65–75 %30 %1'),
      `now as a range, then target and evidence (two highlights: counted): ${evidence.join(' | ')}`,
    );
  });

  test('a check-in that does not add up to 100 is refused with the reason and nothing saved', async () => {
    const before = (await driver.backgroundCall('snapshot')).goals;
    await checkIn(review, { Solver: '70' }, '2026-10-01');
    await waitForText(review, '.goal-planning .check-in-form [role=alert]', 'add up to 70 %');
    assert.deepEqual((await driver.backgroundCall('snapshot')).goals, before);
  });

  test("What's missing offers the most-missing archetype's highlight, and linking it counts at once", async () => {
    await waitForText(review, '.whats-missing', 'Tech Lead: 60 points below target');
    await click(review, '.whats-missing button', 'Link');
    await waitFor(
      async () =>
        /Tech Lead10 %60 %1(?!\d)/.test((await textOf(review, '.three-mixes tbody')) ?? ''),
      { what: 'the evidence mix to count the new link' },
    );
    const links = (await driver.backgroundCall('snapshot')).links;
    assert.ok(links.some((l) => l.targetId === 'hl-lead'));
  });

  test('questions for the talk are added in order', async () => {
    for (const q of ['Which project shows Tech Lead scope?', 'Is the packet due in March?']) {
      await review.type(
        await find(review, '.talk-questions label', 'Question for the talk').then(
          (s) => `${s} input`,
        ),
        q,
      );
      await click(review, '.talk-questions button', 'Add');
      await waitForText(review, '.talk-questions ol', q);
    }
  });

  test('the 1:1 brief names each article once, every quote verbatim, notes, questions, gaps — and no private tag', async () => {
    await click(review, '.brief-actions button', 'Download 1:1 brief');
    const text = await savedText(review, 1);
    assert.match(text, /^# 1:1 brief — Reach staff engineer/);
    for (const quote of Object.values(QUOTES)) assert.ok(text.includes(`> ${quote}`), quote);
    for (const title of ['Staff archetypes', 'Being a right hand', 'Leading teams']) {
      assert.equal(text.split(`[${title}](`).length - 1, 1, `${title} named once`);
    }
    assert.match(text, /\*\*My note:\*\* That is me today/);
    assert.match(text, /\*\*My note:\*\* Shows depth/);
    assert.match(text, /1\. Which project shows Tech Lead scope\?/);
    assert.match(text, /Tech Lead: now 10 %, target 60 % — 50 points to go/);
    assert.doesNotMatch(text, /Confidential/);

    const sheet = await driver.extensionPage('brief.html?goal=goal-staff');
    await waitFor(() => sheet.evaluate(() => document.body.dataset.ready === 'true'), {
      what: 'the brief page',
    });
    const printed = await sheet.evaluate(() => document.body.innerText);
    for (const quote of Object.values(QUOTES)) assert.ok(printed.includes(quote), quote);
    assert.ok(!printed.includes('Confidential'));
    assert.match(printed, /Which project shows Tech Lead scope\?/);
    if (options.printPdf) {
      const pdf = await options.printPdf(sheet);
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    }
  });
}
