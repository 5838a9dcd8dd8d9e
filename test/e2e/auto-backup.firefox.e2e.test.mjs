// The automatic backup in real Firefox: turned on from the review page by keyboard (the page's
// own permission request, which Firefox grants without a prompt when
// extensions.webextOptionalPermissionPrompts is off, as it is for this run), the browser's
// alarm rung, and the backup file — saved from a Blob URL in Firefox's event page — read back
// from the downloads folder; then the permission taken away, and the failure shown.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchFirefox } from './support/firefox-driver.mjs';
import { saveHighlight, savedBackups, textOfTestId } from './support/auto-backup-actions.mjs';
import { waitFor } from './support/page-actions.mjs';

let driver;
let downloads;
let review;

const QUOTE = 'The Architect is responsible for the direction';

before(async () => {
  driver = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  downloads = driver.downloadsDir;
  review = await driver.extensionPage('review.html#data');
  await saveHighlight(review, {
    url: 'https://staffeng.com/guides/architect',
    title: 'The Architect',
    quote: QUOTE,
    color: 'blue',
  });
});
after(async () => {
  await driver?.close();
});

const CHECKBOX = '[data-testid=auto-backup] input[type=checkbox]';
const folder = () => path.join(downloads, 'Trailmark');
const savedFiles = () => savedBackups(downloads);
const text = (testId) => textOfTestId(review, testId);
const checked = () => review.evaluate((s) => document.querySelector(s).checked, CHECKBOX);

async function pressSpaceOn(selector) {
  await review.bringToFront();
  await review.focus(selector);
  // Puppeteer over BiDi names the space bar by its character.
  await review.keyboard.press(' ');
}

test('turned on by keyboard, the alarm rings and a valid backup lands in the downloads folder', async () => {
  await review.select('[data-testid=auto-backup] select', 'weekly');
  await pressSpaceOn(CHECKBOX);
  await waitFor(async () => /Next automatic backup/.test(await text('auto-backup')), {
    what: 'the next backup time',
  });
  assert.equal(await checked(), true);
  const scheduled = await driver.backgroundCall('autoBackupState');
  assert.equal(scheduled.interval, 'weekly');

  const started = performance.now();
  await driver.backgroundCall('backupDueNow');
  const [name] = await waitFor(
    async () => {
      const files = await savedFiles();
      return files.length > 0 ? files : null;
    },
    { what: 'the backup file in the downloads folder', timeout: 30_000 },
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  assert.equal(name, `trailmark-backup-${new Date().toISOString().slice(0, 10)}.json`);
  const backup = await waitFor(
    async () => JSON.parse(await readFile(path.join(folder(), name), 'utf8')),
    { what: 'the whole file' },
  );
  assert.equal(backup.format, 'trailmark-backup');
  assert.deepEqual(
    backup.highlights.map((h) => [h.id, h.quote]),
    [['auto-backup-h1', QUOTE]],
  );
  console.log(`# alarm rung to file on disk: ${seconds} s, ${name}`);
  const last = await waitFor(
    async () => {
      const shown = await text('auto-backup-last');
      return /Last automatic backup/.test(shown) ? shown : null;
    },
    { what: 'the last automatic backup on the page' },
  );
  assert.match(last, new RegExp(`saved as Trailmark/${name}`));
  // The same record the one-click backup writes: the nudge goes.
  await waitFor(async () => /Last backup:/.test(await text('last-backup')), {
    what: 'the last backup line to follow',
  });
});

test('with the permission taken away, a due backup fails in plain words and writes no file', async () => {
  const before = await savedFiles();
  await driver.backgroundCall('dropPermission', 'downloads');
  await driver.backgroundCall('backupDueNow');
  const shown = await waitFor(
    async () => {
      const line = await text('auto-backup-last');
      return /failed/.test(line) ? line : null;
    },
    { what: 'the failure on the page', timeout: 30_000 },
  );
  assert.match(shown, /no longer allowed to save files to your downloads folder/);
  assert.deepEqual(await savedFiles(), before, 'no file written');
});

test('turned off by keyboard: the alarm is cleared', async () => {
  // On, as the first test left it: else the key would turn it on and the checks below could
  // pass before that landed.
  await waitFor(checked, { what: 'the box to show the schedule on' });
  await pressSpaceOn(CHECKBOX);
  await waitFor(async () => (await driver.backgroundCall('autoBackupState')).interval === null, {
    what: 'the schedule to be off',
  });
  assert.equal(await driver.backgroundCall('alarmAt', 'trailmark-backup'), null);
  // The page follows the stored setting a moment after the background wrote it.
  await waitFor(async () => !(await checked()), { what: 'the box to clear' });
});
