// What a reader does on the review page, for both drivers: open a view, pick a file, and catch
// what the page saves. Saving is caught at the Blob the page hands to <a download> — the one way
// both browsers let a test read it (Chromium's download event is checked on top, in its suite).
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { WAIT_MS, waitFor } from './page-actions.mjs';

/** Opens review.html at a view and waits for the app to render. */
export async function openReview(driver, view) {
  const page = await driver.extensionPage(`review.html#${view}`);
  await catchDownloads(page);
  return page;
}

/** Switches view through the page's own navigation, as a reader clicking a tab would. */
export async function showView(page, view) {
  await page.evaluate((v) => {
    location.hash = v;
  }, view);
  await waitFor(() => page.evaluate((v) => document.querySelector(`.view-${v}`) !== null, view), {
    what: `the ${view} view`,
  });
}

/** Keeps every Blob the page turns into a URL, so a test can read what it downloaded. */
export const catchDownloads = (page) =>
  page.evaluate(() => {
    if (globalThis.__saved) return;
    globalThis.__saved = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob) => {
      globalThis.__saved.push(blob);
      return create(blob);
    };
  });

/** The text of the `n`th Blob saved (counting from 1), once it exists. */
export const savedText = (page, n) =>
  waitFor(
    () =>
      page.evaluate(async (i) => {
        const blob = globalThis.__saved?.[i - 1];
        return blob ? await blob.text() : null;
      }, n),
    { what: `download ${n}` },
  );

/** Files the tests pick live in one folder per run, removed when the run ends. */
let pickFolder;
function pickPath(name) {
  if (!pickFolder) {
    pickFolder = mkdtempSync(path.join(os.tmpdir(), 'trailmark-pick-'));
    // The browser reads a picked file after the pick, so it stays until the process exits.
    process.on('exit', () => rmSync(pickFolder, { recursive: true, force: true }));
  }
  return path.join(pickFolder, `${Date.now()}-${name}`);
}

/** Writes a file for an <input type=file> and picks it there. */
export async function pickFile(page, selector, name, text) {
  const file = pickPath(name);
  await writeFile(file, text);
  const input = await page.$(selector);
  if (input.setInputFiles) await input.setInputFiles(file);
  else await input.uploadFile(file);
  return file;
}

/** The visible text of the first element matching a selector, flattened. */
export const textOf = (page, css) =>
  page.evaluate(
    (s) => document.querySelector(s)?.textContent.replace(/\s+/g, ' ').trim() ?? null,
    css,
  );

/** Waits until the text of an element contains a string, and returns that text. */
export const waitForText = (page, css, wanted, timeout = WAIT_MS) =>
  waitFor(
    async () => {
      const text = await textOf(page, css);
      return text?.includes(wanted) ? text : null;
    },
    { what: `"${wanted}" in ${css}`, timeout },
  );

/** The number the library's count line shows. */
export const listedCount = async (page) =>
  Number(((await textOf(page, '.count')) ?? '').replace(/[^\d]/g, ''));

/** The toolbar badge's text, read from an extension page. */
export const badgeText = (page) =>
  page.evaluate(() => (globalThis.browser ?? globalThis.chrome).action.getBadgeText({}));

/** Picks an option of a <select> (Playwright and Puppeteer name this differently). */
export const choose = (page, selector, value) =>
  page.selectOption ? page.selectOption(selector, value) : page.select(selector, value);

/** Empties a text field with the keyboard. */
export async function clearField(page, selector) {
  await page.focus(selector);
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
}
