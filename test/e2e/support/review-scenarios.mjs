// The review page's end-to-end scenarios, written once and run in every browser: restore a
// backup, filter and search a library too long to render whole, edit in place, a goal's view,
// the resurfacing queue and its badge, export Markdown and JSON, refuse a corrupt file. axe-core
// checks every view in the visual walk (support/visual-scenarios), in both schemes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { waitFor } from './page-actions.mjs';
import { checkTextContrast, describeFailures } from './visual-checks.mjs';
import { click, focused } from './popup-actions.mjs';
import {
  badgeText,
  choose,
  clearField,
  listedCount,
  openReview,
  pickFile,
  savedText,
  showView,
  textOf,
  waitForText,
} from './review-actions.mjs';
import { GOAL_TITLE, LEAD_QUOTE, libraryBackup, SOLVER_QUOTE } from './review-library.mjs';

const HIGHLIGHTS = 3000;

/** In the review page: the shape of the word table saved in the database, or null. */
function savedWordTable() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('trailmark');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('meta').objectStore('meta').get('wordTable');
      get.onerror = () => reject(get.error);
      get.onsuccess = () => {
        db.close();
        const table = get.result?.value.table;
        if (!table) return resolve(null);
        const typed = [table.starts, table.words].every((a) => a instanceof Uint32Array);
        resolve({ rows: table.ids.length, typed: typed && table.dates instanceof Float64Array });
      };
    };
  });
}
/** `options.onDownload(page, click)`: a browser-specific check of a real download. */
export function reviewScenarios(launch, options = {}) {
  let driver;
  let review;
  const snapshot = () => driver.backgroundCall('snapshot');

  before(async () => {
    driver = await launch();
    review = await openReview(driver, 'data');
  });

  after(async () => {
    await driver?.close();
  });

  test('a JSON backup is imported through the page, with nothing added twice', async () => {
    const backup = libraryBackup(HIGHLIGHTS);
    await pickFile(review, '#import-file', 'library.json', backup);
    await waitForText(review, '.import-ok', 'Imported', 60_000);
    assert.equal((await snapshot()).highlights.length, HIGHLIGHTS);
    // Search indexing of the imported records follows; the page says so until it is done.
    const indexState = () =>
      review.evaluate(() => document.querySelector('.index-status')?.dataset.state);
    await waitFor(async () => (await indexState()) === 'done', { what: 'search indexed' });

    await pickFile(review, '#import-file', 'library-again.json', backup);
    await waitForText(review, '.import-ok', '0 new, 0 updated', 60_000);
    const { highlights, goals, links } = await snapshot();
    assert.deepEqual([highlights.length, goals.length, links.length], [HIGHLIGHTS, 1, 2]);
  });

  test('the library renders only the rows in view, and filters and search combine', async () => {
    await showView(review, 'library');
    await waitFor(async () => (await listedCount(review)) === HIGHLIGHTS, { what: 'the count' });
    const rendered = await review.evaluate(() => document.querySelectorAll('.vrow').length);
    assert.ok(rendered < 60, `only the visible rows are in the page (${rendered})`);

    await review.focus('[role="listbox"]');
    await review.keyboard.press('End');
    await waitFor(
      () =>
        review.evaluate(
          (n) =>
            document.querySelector('.vrow.active')?.getAttribute('aria-posinset') === String(n),
          HIGHLIGHTS,
        ),
      { what: 'the last row after End' },
    );

    await review.click('#library-search');
    await review.keyboard.type('solv gnar');
    await waitFor(async () => (await listedCount(review)) === 1, { what: 'one search result' });
    const marks = () =>
      review.evaluate(() =>
        [...document.querySelectorAll('.vrow mark')].map((m) => m.textContent).join(' '),
      );
    await waitFor(async () => (await marks()) === 'Solver gnarly', { what: 'marked matches' });

    await clearField(review, '#library-search');
    await review.keyboard.type('passage');
    await waitFor(async () => (await listedCount(review)) === HIGHLIGHTS - 2, { what: 'search' });
    await choose(review, '#filter-color', 'green');
    await choose(review, '#filter-site', 'lethain.com');
    // Colour cycles with period 4 and site with period 3: green on lethain.com is i ≡ 1 mod 12.
    const expected = Array.from({ length: HIGHLIGHTS }, (_, i) => i).filter(
      (i) => i > 1 && i % 4 === 1 && i % 3 === 1,
    ).length;
    await waitFor(async () => (await listedCount(review)) === expected, { what: 'combined' });
    await click(review, 'button', 'Clear filters');
    await waitFor(async () => (await listedCount(review)) === HIGHLIGHTS, { what: 'cleared' });

    // The word table this visit built is saved whole for the next one, typed arrays and all.
    const saved = await waitFor(() => review.evaluate(savedWordTable), {
      what: 'the saved word table',
      timeout: 60_000,
    });
    assert.deepEqual(saved, { rows: HIGHLIGHTS, typed: true });
  });

  test('a highlight is edited in place from the keyboard, deleted, and restored with undo', async () => {
    // Keys go to the tab in front; the Firefox driver opens a helper tab of its own.
    await review.bringToFront();
    await review.click('#library-search');
    await review.keyboard.type('gnarly');
    // Enter edits the row the editor shows, and the editor follows the search a moment after
    // the count does: wait until it shows the one row left, or the keys would edit another.
    // Enter moves the focus to the editor's note field, so that field must be there too.
    await waitFor(
      async () =>
        (await listedCount(review)) === 1 &&
        (await textOf(review, '.editor .full-quote')) === SOLVER_QUOTE &&
        (await review.evaluate(() => document.getElementById('edit-note') !== null)),
      { what: 'the solver highlight in the editor, with its note field' },
    );
    await review.focus('[role="listbox"]');
    assert.equal((await focused(review)).role, 'listbox');
    await review.keyboard.press('Enter');
    await waitFor(async () => (await focused(review))?.tag === 'textarea', {
      what: 'Enter to move focus to the note',
    }).catch(async (error) => {
      const note = await review.evaluate(() => Boolean(document.getElementById('edit-note')));
      const now = JSON.stringify(await focused(review));
      throw new Error(`${error.message}; focused: ${now}; note field there: ${note}`);
    });
    await review.keyboard.type(' — and the outage review');
    await review.keyboard.press('Tab');
    const stored = () => snapshot().then((s) => s.highlights.find((h) => h.quote === SOLVER_QUOTE));
    await waitFor(async () => (await stored()).note.endsWith('the outage review'), {
      what: 'note',
    });

    await click(review, '.editor input[type="checkbox"]', 'Architect');
    await click(review, '.editor input[type="radio"]', 'Pink');
    await waitFor(
      async () => {
        const h = await stored();
        return h.color === 'pink' && h.tagIds.includes('archetype-architect');
      },
      { what: 'colour and tag' },
    );

    await review.focus('[role="listbox"]');
    await review.keyboard.press('Delete');
    await waitFor(async () => !(await stored()), { what: 'the deletion' });
    await click(review, 'button', 'Undo');
    await waitFor(async () => (await stored())?.note.endsWith('the outage review'), {
      what: 'undo',
    });
    assert.equal((await snapshot()).links.length, 2, 'the goal link came back too');
    await click(review, 'button', 'Clear filters');
  });

  test('a highlight deleted in another tab: the editor beside the list says so, readable, and takes no other', async () => {
    await review.bringToFront();
    await clearField(review, '#library-search');
    await review.type('#library-search', 'guides the approach');
    const showsLead = (page) =>
      waitFor(async () => (await textOf(page, '.editor .full-quote')) === LEAD_QUOTE, {
        what: 'the tech lead highlight in the editor',
      });
    await showsLead(review);

    const other = await openReview(driver, 'library');
    await other.type('#library-search', 'guides the approach');
    await showsLead(other);
    await click(other, '.editor button', 'Delete');
    const stored = () => snapshot().then((s) => s.highlights.find((h) => h.quote === LEAD_QUOTE));
    await waitFor(async () => !(await stored()), { what: 'the deletion' });

    await review.bringToFront();
    await waitForText(review, '.editor h2', 'Highlight deleted');
    assert.equal(await review.$('.editor .full-quote'), null, 'no other highlight in its place');
    const seen = await checkTextContrast(review);
    assert.ok(
      seen.texts.some((t) => t.includes('This highlight was deleted elsewhere')),
      'the notice was among the texts checked',
    );
    assert.equal(seen.failures.length, 0, describeFailures(seen));

    await click(other, 'button', 'Undo');
    await waitFor(stored, { what: 'undo' });
    await other.close();
    await clearField(review, '#library-search');
  });

  test('a goal view shows its evidence in time order, its growth and its mix', async () => {
    await showView(review, 'goals');
    await waitForText(review, '#goal-title', GOAL_TITLE);
    await waitFor(async () => (await review.$$('.evidence')).length === 2, { what: 'evidence' });
    const quotes = await review.evaluate(() =>
      [...document.querySelectorAll('.evidence blockquote')].map((q) => q.textContent),
    );
    assert.deepEqual(quotes, [SOLVER_QUOTE, LEAD_QUOTE]);
    const figures = await review.evaluate(() =>
      [...document.querySelectorAll('.stack-figures')].map((p) => p.textContent),
    );
    // The Solver highlight was also tagged Architect above: the target lists it at 0 %, and two
    // pieces of evidence are counted rather than turned into percents.
    assert.equal(figures[0], 'Tech Lead 40 % · Architect 0 % · Solver 60 %');
    assert.equal(figures[1], 'Tech Lead 1 · Architect 1 · Solver 1');
    assert.match(await textOf(review, '.stack-basis'), /based on 2 highlights/);
    // A bar per week up to now, the first labelled with the short date its week starts.
    const labels = await review.evaluate(() =>
      [...document.querySelectorAll('.growth-label')].map((l) => l.textContent),
    );
    assert.ok(labels.length >= 3, `a bar per week (${labels})`);
    assert.match(labels[0], /^\S+ \S+$/, 'a short date like "16 Nov"');
    assert.match(await textOf(review, '.evidence'), /Why it counts: Shows depth/);
  });

  test('the resurfacing queue answers "good" and the badge follows', async () => {
    await showView(review, 'resurface');
    const first = await waitForText(review, '.queue-count', 'to look at again today');
    const before = Number(first.replace(/[^\d]/g, ''));
    assert.equal(before, 10, 'ten new highlights a day');
    await waitFor(async () => (await badgeText(review)) === String(before), { what: 'the badge' });
    await review.focus('.resurface-card');
    await review.keyboard.press('2');
    await waitForText(review, '.queue-count', `${before - 1} to look at again today`);
    await click(review, '.resurface-card button', 'Done');
    await waitForText(review, '.queue-count', `${before - 2} to look at again today`);
    await waitFor(async () => (await badgeText(review)) === String(before - 2), {
      what: 'the badge after answering',
    });
  });

  test('the evidence pack (Markdown) and the backup (JSON) are downloaded whole', async () => {
    await showView(review, 'data');
    const exportPack = () => click(review, 'button', 'Download evidence pack');
    if (options.onDownload) await options.onDownload(review, exportPack, /\.md$/);
    else await exportPack();
    const markdown = await savedText(review, 1);
    assert.match(markdown, /^# Evidence pack/);
    assert.match(markdown, new RegExp(`## ${GOAL_TITLE}`));
    assert.match(markdown, /> The Solver digs deep into gnarly problems/);
    assert.match(markdown, /\| Solver \| 60 % \|/);

    await click(review, 'button', 'Download full backup');
    const json = JSON.parse(await savedText(review, 2));
    const stored = await snapshot();
    assert.equal(json.format, 'trailmark-backup');
    assert.equal(json.highlights.length, stored.highlights.length);
    assert.deepEqual(
      json.highlights.find((h) => h.quote === SOLVER_QUOTE),
      stored.highlights.find((h) => h.quote === SOLVER_QUOTE),
    );
    await waitForText(review, '.export-message', 'Saved trailmark-backup-');
  });

  test('a corrupt file is refused with what and where, and the library is unchanged', async () => {
    const before = await snapshot();
    const broken = libraryBackup(5).replace('"color":"green"', '"color":"mauve"');
    await pickFile(review, '#import-file', 'broken.json', broken);
    const message = await waitForText(review, '.import-error', 'Nothing was imported');
    assert.match(message, /record 6 \(highlights #2\): field "color"/);
    await pickFile(review, '#import-file', 'not-json.json', 'this is not a backup');
    await waitForText(review, '.import-error', 'not a backup file');
    // A date 285 000 years ahead once blanked the library; a data: page opened from "Open".
    const farFuture = libraryBackup(5).replace(/"createdAt":\d+/, '"createdAt":9000000000000000');
    await pickFile(review, '#import-file', 'far-future.json', farFuture);
    assert.match(
      await waitForText(review, '.import-error', 'createdAt'),
      /Nothing was imported.*field "createdAt"/s,
    );
    const dataUrl = libraryBackup(5).replace(/"url":"https:[^"]*"/, '"url":"data:text/html,hi"');
    await pickFile(review, '#import-file', 'data-url.json', dataUrl);
    assert.match(
      await waitForText(review, '.import-error', 'http or https'),
      /Nothing was imported.*field "url": must be an http or https address/s,
    );
    assert.deepEqual(await snapshot(), before);
  });

  test('the sections are reachable by keyboard with a visible focus ring', async () => {
    // `focusWalkAlone`: a browser of its own, for one whose tab loses keyboard focus late in a
    // long suite (Firefox under WebDriver BiDi); the walk needs no library, only the page.
    const own = options.focusWalkAlone ? await launch() : null;
    try {
      const page = own ? await openReview(own, 'library') : review;
      await showView(page, 'library');
      await page.bringToFront();
      // The view may still be settling after the route change: start the walk again until it holds.
      const tab = await waitFor(
        async () => {
          await page.focus('.tabs a');
          await page.keyboard.press('Tab');
          const now = await focused(page);
          return now?.outlined ? now : null;
        },
        { what: 'a visible focus ring' },
      );
      assert.equal(tab.name, 'Goals', 'Tab walks along the sections');
    } finally {
      await own?.close();
    }
  });
}
