// What both automatic-backup suites do around the schedule: save a highlight to back up, list
// the backups that landed in the downloads folder, and read a part of the page by its test id.
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Saves a highlight through the extension's own message, as the content script would. */
export async function saveHighlight(page, { url, title, quote, color }) {
  const reply = await page.evaluate(
    (message) => (globalThis.browser ?? globalThis.chrome).runtime.sendMessage(message),
    {
      app: 'trailmark',
      kind: 'highlight.create',
      payload: {
        id: 'auto-backup-h1',
        url,
        title,
        selectors: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }],
        color,
        tagIds: [],
        note: 'for the automatic backup',
      },
    },
  );
  assert.equal(reply.ok, true, JSON.stringify(reply));
}

/** The backup files in the Trailmark folder of a downloads folder, by name. */
export const savedBackups = async (downloads) =>
  (await readdir(path.join(downloads, 'Trailmark')).catch(() => []))
    .filter((name) => name.endsWith('.json'))
    .sort();

/** The text of the element with this test id, or '' while there is none. */
export const textOfTestId = (page, testId) =>
  page.evaluate((id) => document.querySelector(`[data-testid=${id}]`)?.textContent ?? '', testId);
