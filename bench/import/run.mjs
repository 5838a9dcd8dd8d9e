// Importing from another highlighter, in real Chromium with the built extension, through the
// Data view as a reader does it: a Hypothesis export and a Readwise CSV of 20 000 highlights
// each over 1 000 articles — file picked to preview shown, Import to done, and the same file
// imported again (which adds nothing). Prints figures; asserts nothing.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../../test/e2e/support/chromium-driver.mjs';

const PAGES = 1_000;
const PER_PAGE = 20;
const WORDS = ['staff', 'solver', 'architect', 'scope', 'incident', 'review', 'team', 'direction'];

const ms = (n) => `${Math.round(n)} ms`;
const url = (p) => `https://reading.example.org/articles/${p}`;
const quoteOf = (p, h) =>
  `Passage ${h} of article ${p}: ${WORDS.map((w, i) => WORDS[(i + p + h) % WORDS.length]).join(' ')}`;

function hypothesisExport() {
  const annotations = [];
  for (let p = 0; p < PAGES; p++) {
    for (let h = 0; h < PER_PAGE; h++) {
      const start = h * 400;
      annotations.push({
        id: `a-${p}-${h}`,
        created: new Date(Date.UTC(2024, 0, 1) + (p * PER_PAGE + h) * 60_000).toISOString(),
        uri: url(p),
        text: h % 3 === 0 ? `A note on ${p}.${h}` : '',
        tags: h % 4 === 0 ? ['Solver', `topic-${h % 10}`] : [],
        target: [
          {
            source: url(p),
            selector: [
              { type: 'TextPositionSelector', start, end: start + 80 },
              {
                type: 'TextQuoteSelector',
                exact: quoteOf(p, h),
                prefix: 'before the passage ',
                suffix: ' after it',
              },
            ],
          },
        ],
        document: { title: [`Article ${p}`] },
      });
    }
  }
  return JSON.stringify({
    export_date: '2026-12-01',
    export_userid: 'acct:r@h',
    client_version: '1',
    annotations,
  });
}

function readwiseCsv() {
  const rows = ['Highlight,Book Title,Book Author,Note,Color,Tags,Highlighted at,URL'];
  for (let p = 0; p < PAGES; p++) {
    for (let h = 0; h < PER_PAGE; h++) {
      const note = h % 3 === 0 ? `"A note, with a comma, on ${p}.${h}"` : '';
      rows.push(
        `"${quoteOf(p, h)} (Readwise)",Article ${p},Someone,${note},yellow,,2024-05-02 14:22:10+00:00,${url(p)}?from=rw`,
      );
    }
  }
  return rows.join('\r\n');
}

async function timeImport(page, file, label) {
  const picked = performance.now();
  await page.locator('#foreign-import-file').setInputFiles(file);
  await page.locator('.import-preview').waitFor({ timeout: 300_000 });
  const previewed = performance.now();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const done = await page.locator('.foreign-import .import-ok').textContent({ timeout: 300_000 });
  const written = performance.now();
  console.log(
    `${label}: preview ${ms(previewed - picked)}, import ${ms(written - previewed)} — ${done}`,
  );
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'trailmark-import-bench-'));
const driver = await launchChromium();
try {
  const files = {
    hypothesis: path.join(dir, 'hypothesis.json'),
    readwise: path.join(dir, 'readwise.csv'),
  };
  await writeFile(files.hypothesis, hypothesisExport());
  await writeFile(files.readwise, readwiseCsv());
  const page = await driver.extensionPage('review.html#data');
  const count = PAGES * PER_PAGE;
  console.log(
    `${count.toLocaleString('en')} highlights on ${PAGES.toLocaleString('en')} articles per file`,
  );
  await timeImport(page, files.hypothesis, 'Hypothesis export, first import');
  await timeImport(page, files.hypothesis, 'Hypothesis export, again');
  await timeImport(page, files.readwise, 'Readwise CSV, first import');
  await timeImport(page, files.readwise, 'Readwise CSV, again');
} finally {
  await driver.close();
  await rm(dir, { recursive: true, force: true });
}
