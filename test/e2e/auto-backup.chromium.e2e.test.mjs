// The automatic backup in real Chromium: turned on from the review page by keyboard, its alarm
// rung by the browser, and the backup file read back from the downloads folder; then the
// permission taken away, and the failure shown in words with no file written.
//
// Two stand-ins, because a headless browser cannot answer its own permission prompt and nobody
// waits a day in a test: the downloads permission is granted in the profile before the browser
// starts (support/chromium-profile.mjs), so the page's request in the click resolves at once as
// it does for a reader who said yes before; and the `backupDueNow` test hook moves the next run
// to now and sets the browser's alarm to ring at once — the real alarm listener does the rest.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromiumGranted } from './support/chromium-profile.mjs';
import { saveHighlight, savedBackups, textOfTestId } from './support/auto-backup-actions.mjs';
import { waitFor } from './support/page-actions.mjs';

let driver;
let downloads;
let review;

const QUOTE = 'The Solver digs deep into gnarly problems';

before(async () => {
  downloads = await mkdtemp(path.join(os.tmpdir(), 'trailmark-downloads-'));
  driver = await launchChromiumGranted({ permissions: ['downloads'], downloadsDir: downloads });
  review = await driver.extensionPage('review.html#data');
  await saveHighlight(review, {
    url: 'https://staffeng.com/guides/solver',
    title: 'The Solver',
    quote: QUOTE,
    color: 'yellow',
  });
});
after(async () => {
  await driver?.close();
  if (downloads) await rm(downloads, { recursive: true, force: true });
});

const folder = () => path.join(downloads, 'Trailmark');
const savedFiles = () => savedBackups(downloads);
const text = (testId) => textOfTestId(review, testId);
const checkbox = () => review.getByRole('checkbox', { name: /Back up automatically/ });

test('turned on by keyboard, the alarm rings and a valid backup lands in the downloads folder', async () => {
  assert.match(await text('last-backup'), /No backup yet/);
  await review.getByRole('combobox', { name: 'How often' }).selectOption('daily');
  await checkbox().focus();
  await review.keyboard.press('Space');
  const next = await waitFor(async () => /Next automatic backup/.test(await text('auto-backup')), {
    what: 'the next backup time',
  });
  assert.ok(next);
  assert.equal(await checkbox().isChecked(), true);
  const scheduled = await driver.backgroundCall('autoBackupState');
  assert.equal(scheduled.interval, 'daily');
  assert.ok(Math.abs(scheduled.nextAt - (Date.now() + 24 * 3600e3)) < 60_000, 'a day from now');
  assert.ok(await driver.backgroundCall('alarmAt', 'trailmark-backup'), 'its alarm is set');

  const started = performance.now();
  await driver.backgroundCall('backupDueNow');
  const [name] = await waitFor(
    async () => {
      const files = await savedFiles();
      return files.length > 0 ? files : null;
    },
    { what: 'the backup file in the downloads folder' },
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const today = new Date().toISOString().slice(0, 10);
  assert.equal(name, `trailmark-backup-${today}.json`);
  const backup = JSON.parse(await readFile(path.join(folder(), name), 'utf8'));
  assert.equal(backup.format, 'trailmark-backup');
  assert.equal(backup.version, 2);
  assert.deepEqual(
    backup.highlights.map((h) => [h.id, h.quote, h.note]),
    [['auto-backup-h1', QUOTE, 'for the automatic backup']],
  );
  assert.equal(backup.pages.length, 1);
  assert.ok(backup.tags.length >= 4, 'the built-in archetype tags');
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
  const after = await driver.backgroundCall('autoBackupState');
  assert.equal(after.lastRun.ok, true);
  assert.ok(after.nextAt > Date.now() + 23 * 3600e3, 'the next run a day later');
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
    { what: 'the failure on the page' },
  );
  assert.match(shown, /no longer allowed to save files to your downloads folder/);
  const state = await driver.backgroundCall('autoBackupState');
  assert.equal(state.lastRun.ok, false);
  assert.ok(state.nextAt - Date.now() <= 3600e3, 'tried again within the hour');
  assert.deepEqual(await savedFiles(), before, 'no file written');
});

test('turned off by keyboard: the alarm is cleared and the last outcome stays visible', async () => {
  // On, as the first test left it: else the key would turn it on and the checks below could
  // pass before that landed.
  await waitFor(() => checkbox().isChecked(), { what: 'the box to show the schedule on' });
  await checkbox().focus();
  await review.keyboard.press('Space');
  await waitFor(async () => (await driver.backgroundCall('autoBackupState')).interval === null, {
    what: 'the schedule to be off',
  });
  assert.equal(await driver.backgroundCall('alarmAt', 'trailmark-backup'), null);
  // The page follows the stored setting a moment after the background wrote it.
  await waitFor(async () => !(await checkbox().isChecked()), { what: 'the box to clear' });
  await waitFor(async () => !/Next automatic backup/.test(await text('auto-backup')), {
    what: 'the next run to go from the page',
  });
  assert.match(await text('auto-backup-last'), /failed/);
});
