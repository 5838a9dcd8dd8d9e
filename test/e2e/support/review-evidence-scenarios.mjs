// The goal evidence a reader brings to a 1:1, end to end in every browser: articles linked to a
// goal keep the date they were linked when the reader comes back to them, and the evidence pack
// holds the active goals whether the export panel was reached by a tab, an import or a direct
// load of review.html#data.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { scriptSelect, waitFor } from './page-actions.mjs';
import { click } from './popup-actions.mjs';
import { openReview, pickFile, savedText, showView, waitForText } from './review-actions.mjs';
import { page as articlePage } from './test-pages.mjs';
import { withBrowser } from './with-browser.mjs';

const DAY = 24 * 3600e3;
/** Whole days before now, at noon, so the local day is the same in any time zone. */
const daysAgo = (n) => {
  const d = new Date(Date.now() - n * DAY);
  d.setHours(12, 0, 0, 0);
  return d.getTime();
};
const isoDay = (time) => {
  const d = new Date(time);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

const ACTIVE_GOAL = 'Lead the platform migration';
const ARCHIVED_GOAL = 'Old reading list';
const FIRST_LINKED = daysAgo(10);

const pageRecord = (id, url, title, visited) => ({
  id,
  url,
  title,
  site: '127.0.0.1',
  firstVisitAt: visited,
  lastVisitAt: visited,
  readingMs: 5 * 60_000,
  maxScroll: 1,
  status: 'read',
  tagIds: ['archetype-tech-lead'],
  tracked: true,
  updatedAt: visited,
});

const goalRecord = (id, title, status) => ({
  id,
  title,
  why: '',
  targetDate: null,
  status,
  targetMix: null,
  createdAt: daysAgo(30),
  updatedAt: daysAgo(30),
});

/**
 * Two articles linked to the active goal as whole pages, each with a note (a bare link is listed
 * as read, not as evidence): the first 10 days ago, the second 5.
 */
function backup(urlOf) {
  const pages = [
    pageRecord('page-first', urlOf('first.html'), 'First linked article', FIRST_LINKED),
    pageRecord('page-second', urlOf('second.html'), 'Second linked article', daysAgo(5)),
  ];
  const links = pages.map((p) => ({
    id: `link-${p.id}`,
    goalId: 'goal-active',
    targetType: 'page',
    targetId: p.id,
    pageId: p.id,
    note: 'Worth bringing up',
    createdAt: p.lastVisitAt,
  }));
  const goals = [
    goalRecord('goal-active', ACTIVE_GOAL, 'active'),
    goalRecord('goal-archived', ARCHIVED_GOAL, 'archived'),
  ];
  const sections = { tags: [], goals, pages, highlights: [], links, reviews: [] };
  return JSON.stringify({
    format: 'trailmark-backup',
    version: 1,
    exportedAt: Date.now(),
    ...sections,
  });
}

/** Each goal of the export panel and whether it is ticked. */
const ticked = (page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[aria-labelledby="export-title"] label.choice')]
        .filter((label) => label.querySelector('.muted'))
        .map((label) => [
          label.textContent.replace(/\(.*\)/, '').trim(),
          label.querySelector('input').checked,
        ]),
    ),
  );

/** The "### [title](url)" lines of a Markdown pack, each with the "_date_" line under it. */
const packHeadings = (markdown, { dated = false } = {}) =>
  markdown
    .split('\n')
    .filter((line) => line.startsWith('### ') || (dated && /^_\d{4}-\d{2}-\d{2}_$/.test(line)));

export function reviewEvidenceScenarios(launch) {
  let driver;
  let server;
  let opened = [];
  withBrowser(launch, (d, s) => ([driver, server] = [d, s]));
  afterEach(async () => {
    await Promise.all(opened.map((p) => p.close().catch(() => undefined)));
    opened = [];
  });
  const keep = (page) => (opened.push(page), page);

  test('after an import on the export panel, the active goals are ticked', async () => {
    server.setPage('first.html', articlePage({ title: 'First linked article' }));
    server.setPage('second.html', articlePage({ title: 'Second linked article' }));
    const review = keep(await openReview(driver, 'data'));
    await waitForText(review, '[aria-labelledby="export-title"]', 'No goals yet');
    await pickFile(review, '#import-file', 'goals.json', backup(server.url));
    await waitForText(review, '.import-ok', 'Imported', 60_000);
    await waitFor(async () => Object.keys(await ticked(review)).length === 2, {
      what: 'the imported goals in the export panel',
    });
    assert.deepEqual(await ticked(review), { [ACTIVE_GOAL]: true, [ARCHIVED_GOAL]: false });
  });

  test('an article read again keeps the date it was linked, in the goal view and the pack', async () => {
    // The reader comes back to the first article and highlights something on it.
    const url = server.url('first.html');
    const article = keep(await driver.newPage(url));
    await scriptSelect(article, '#p1', 'Staff engineers come in different shapes');
    await driver.pressShortcut(article);
    await waitFor(
      async () => {
        const { pages, highlights } = await driver.backgroundCall('snapshot');
        const first = pages.find((p) => p.id === 'page-first');
        return highlights.some((h) => h.pageId === 'page-first') && first.lastVisitAt > daysAgo(1);
      },
      { what: 'the revisit to be stored' },
    );

    const review = keep(await openReview(driver, 'goals/goal-active'));
    const order = () =>
      review.evaluate(() =>
        [...document.querySelectorAll('.evidence')].map((e) => e.dataset.evidenceId),
      );
    await waitFor(async () => (await order()).length === 2, { what: 'the evidence' });
    assert.deepEqual(await order(), ['page-first', 'page-second'], 'oldest first, by link');

    await showView(review, 'data');
    await click(review, 'button', 'Download evidence pack');
    const headings = packHeadings(await savedText(review, 1), { dated: true });
    assert.deepEqual(headings.slice(0, 4), [
      `### [First linked article](${url})`,
      `_${isoDay(FIRST_LINKED)}_`,
      `### [Second linked article](${server.url('second.html')})`,
      `_${isoDay(daysAgo(5))}_`,
    ]);
  });

  test('review.html#data loaded directly ticks the active goals once they are read', async () => {
    const review = keep(await openReview(driver, 'data'));
    await waitFor(async () => Object.keys(await ticked(review)).length === 2, {
      what: 'the goals in the export panel',
    });
    assert.deepEqual(await ticked(review), { [ACTIVE_GOAL]: true, [ARCHIVED_GOAL]: false });
    await click(review, 'button', 'Download evidence pack');
    const markdown = await savedText(review, 1);
    assert.match(markdown, /· 1 goal\n/);
    assert.match(markdown, new RegExp(`^## ${ACTIVE_GOAL}$`, 'm'));
    assert.doesNotMatch(markdown, new RegExp(ARCHIVED_GOAL));
    assert.equal(packHeadings(markdown).length, 2);
  });
}
