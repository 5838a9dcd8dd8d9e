// Importing from another highlighter through the Data view, written once and run in every
// browser: a Hypothesis export and a Readwise CSV made for an article the test serves are
// previewed with the right counts and imported; the article then shows the highlights on
// exactly their quotes (a quote without context that the page repeats stays unplaced); a second
// import adds nothing; a truncated file and a file of another format are refused, nothing written.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { useScheme } from './color-scheme.mjs';
import { drawnHighlights, waitFor } from './page-actions.mjs';
import { openReview, pickFile, textOf, waitForText } from './review-actions.mjs';
import {
  HYPOTHESIS_QUOTES,
  hypothesisExport,
  importArticle,
  READWISE_QUOTES,
  readwiseCsv,
  REPEATED_QUOTE,
} from './foreign-import-files.mjs';
import { withBrowser } from './with-browser.mjs';

const INPUT = '#foreign-import-file';
const SECTION = '.foreign-import';

/** The preview's figures and skipped lines, once the preview of this format is shown. */
async function previewOf(page, format) {
  await waitFor(
    () =>
      page.evaluate(
        (f) => document.querySelector(`.import-preview[data-format="${f}"]`) !== null,
        format,
      ),
    { what: `the ${format} preview` },
  );
  return page.evaluate(() => ({
    figures: Object.fromEntries(
      [...document.querySelectorAll('.import-figures > div')].map((d) => [
        d.dataset.figure,
        Number(d.querySelector('dd').textContent.replace(/\D/g, '')),
      ]),
    ),
    skipped: [...document.querySelectorAll('.import-skipped li')].map((li) =>
      li.textContent.replace(/\s+/g, ' ').trim(),
    ),
  }));
}

const clickButton = (page, name) =>
  page.evaluate(
    ([css, n]) =>
      [...document.querySelectorAll(`${css} button`)]
        .find((b) => b.textContent.trim() === n)
        .click(),
    [SECTION, name],
  );

/** Confirms the preview and waits for the outcome line. */
async function confirmImport(page) {
  await clickButton(page, 'Import');
  return waitForText(page, `${SECTION} .import-ok`, 'Imported');
}

async function refusal(page) {
  return waitFor(() => textOf(page, `${SECTION} .import-error`), { what: 'the refusal' });
}

const SHOTS = process.env.TRAILMARK_SCREENSHOTS;

/** Saves the section as the reader sees it, when a folder for screenshots is given. */
export async function shootSection(page, name) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  const element = await page.$(SECTION);
  await element.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

export function foreignImportScenarios(launch) {
  let driver;
  let server;
  let review;
  let url;
  withBrowser(launch, (d, s) => ([driver, server] = [d, s]));
  const snapshot = () => driver.backgroundCall('snapshot');
  const stored = async () => {
    const { pages, highlights, tags } = await snapshot();
    return {
      pages: pages.length,
      highlights: highlights.map((h) => h.id).sort(),
      tags: tags.length,
    };
  };

  test('a Hypothesis export is previewed with its counts, then imported', async () => {
    server.setPage('shapes.html', importArticle());
    url = server.url('shapes.html');
    review = await openReview(driver, 'data');
    await pickFile(review, INPUT, 'hypothesis.json', hypothesisExport(url));
    const preview = await previewOf(review, 'hypothesis-export');
    assert.deepEqual(preview.figures, { articles: 1, highlights: 2, notes: 1, tags: 2 });
    assert.deepEqual(preview.skipped, [
      '1 — page notes (no highlighted text)',
      '1 — replies to other annotations',
    ]);
    assert.equal((await stored()).highlights.length, 0, 'nothing written before Import');
    await shootSection(review, `${driver.name}-light-preview`);
    assert.match(
      await confirmImport(review),
      /^Imported 2 highlights \(1 new article, 1 new tag\)\. They are placed on your next visit/,
    );
    const { highlights, tags } = await snapshot();
    assert.deepEqual(highlights.map((h) => h.quote).sort(), [...HYPOTHESIS_QUOTES].sort());
    const solver = highlights.find((h) => h.note === 'Closest to what I do now.');
    const names = solver.tagIds.map((id) => tags.find((t) => t.id === id).name).sort();
    assert.deepEqual(names, ['Solver', 'debugging'], 'the archetype by name, a new tag beside it');
  });

  test('a Readwise CSV with a URL column is previewed with its counts, then imported', async () => {
    await pickFile(review, INPUT, 'readwise.csv', readwiseCsv(url));
    const preview = await previewOf(review, 'readwise-csv');
    assert.deepEqual(preview.figures, { articles: 1, highlights: 3, notes: 1, tags: 2 });
    assert.deepEqual(preview.skipped, ['1 — no web address (http or https)']);
    assert.match(
      await confirmImport(review),
      /^Imported 3 highlights \(0 new articles, 1 new tag\)\./,
    );
    const { highlights } = await snapshot();
    assert.equal(highlights.length, 5);
    const architect = highlights.find((h) => h.quote === READWISE_QUOTES[0]);
    assert.equal(architect.note, 'Direction, quality — "and" approach');
    assert.equal(architect.color, 'blue');
    await shootSection(review, `${driver.name}-light-done`);
  });

  test('visiting the article draws the highlights on exactly their quotes, never on a guess', async () => {
    const article = await driver.newPage(url);
    const expected = [...HYPOTHESIS_QUOTES, ...READWISE_QUOTES].sort();
    // Placed and not found are both recorded once the visit has placed everything.
    const placed = await waitFor(
      async () => {
        const { highlights } = await snapshot();
        return highlights.every((h) => h.anchorStatus !== 'unknown') ? highlights : null;
      },
      { what: 'every imported highlight placed or listed as not found' },
    );
    const orphans = placed.filter((h) => h.anchorStatus === 'orphan').map((h) => h.quote);
    assert.deepEqual(orphans, [REPEATED_QUOTE]);
    await waitFor(async () => (await drawnHighlights(article)).length === expected.length, {
      what: 'the imported highlights drawn',
    });
    assert.deepEqual(await drawnHighlights(article), expected);
    await article.close();
  });

  test('importing the same files again adds nothing', async () => {
    const before = await stored();
    await pickFile(review, INPUT, 'hypothesis.json', hypothesisExport(url));
    await previewOf(review, 'hypothesis-export');
    assert.match(
      await confirmImport(review),
      /^Imported 0 highlights \(0 new articles, 0 new tags\)\. 2 were already in your library\.$/,
    );
    await pickFile(review, INPUT, 'readwise.csv', readwiseCsv(url));
    await previewOf(review, 'readwise-csv');
    await clickButton(review, 'Import');
    await waitForText(review, `${SECTION} .import-ok`, '3 were already in your library');
    assert.deepEqual(await stored(), before);
  });

  test('a truncated export and a file of another format are refused, nothing written', async () => {
    const before = await stored();
    const whole = hypothesisExport(url);
    await pickFile(review, INPUT, 'cut.json', whole.slice(0, Math.floor(whole.length * 0.6)));
    assert.match(await refusal(review), /^Nothing was imported: \S*cut\.json is not complete JSON/);
    assert.equal(await review.evaluate(() => document.querySelector('.import-preview')), null);
    await pickFile(
      review,
      INPUT,
      'statement.csv',
      'Date,Amount,Payee\r\n2025-01-02,12.50,Shop\r\n',
    );
    await waitForText(
      review,
      `${SECTION} .import-error`,
      'statement.csv is of no format Trailmark reads',
    );
    await pickFile(review, INPUT, 'page.md', '# Notes\n\n- a list\n');
    await waitForText(review, `${SECTION} .import-error`, 'not a Readwise export');
    assert.deepEqual(await stored(), before);
  });

  test('the section in the dark theme', async () => {
    await useScheme(driver, review, 'dark');
    try {
      await pickFile(review, INPUT, 'readwise.csv', readwiseCsv(url));
      const preview = await previewOf(review, 'readwise-csv');
      assert.equal(preview.figures.highlights, 3);
      // The card follows the theme: its text is light on a dark surface.
      const [fg, bg] = await review.evaluate((css) => {
        const style = getComputedStyle(document.querySelector(css));
        return [style.color, style.backgroundColor];
      }, SECTION);
      const light = (rgb) =>
        rgb
          .match(/\d+/g)
          .slice(0, 3)
          .map(Number)
          .reduce((a, b) => a + b, 0) / 3;
      assert.ok(light(fg) > 150 && light(bg) < 100, `dark card: ${fg} on ${bg}`);
      await shootSection(review, `${driver.name}-dark-preview`);
      await clickButton(review, 'Cancel');
      await waitFor(
        () => review.evaluate(() => document.querySelector('.import-preview') === null),
        {
          what: 'the preview gone after Cancel',
        },
      );
    } finally {
      await useScheme(driver, review, 'light');
    }
  });
}
