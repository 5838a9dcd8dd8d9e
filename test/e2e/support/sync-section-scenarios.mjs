// The Data view's Sync section, written once for both drivers, against a real CouchDB-compatible
// server on loopback (pouchdb-server, in memory): its fields by label, the checks beside them,
// a wrong password refused in plain words with nothing kept, and sync turned on, shown in the
// popup, and turned off again.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createReaderDatabase, startCouch } from '../../support/couch-server.mjs';
import { waitFor } from './page-actions.mjs';
import {
  fieldByLabel,
  fill,
  press,
  syncStatus,
  syncText,
  turnOnSync,
  waitForSyncText,
} from './sync-actions.mjs';

const LABELS = [
  'Server address',
  'Database',
  'Username',
  'Password',
  'Encryption passphrase (optional)',
];

export function syncSectionScenarios(launch) {
  let driver;
  let couch;
  let account;
  let review;

  before(async () => {
    couch = await startCouch();
    account = await createReaderDatabase(couch, {
      database: 'trailmark-ann',
      username: 'ann',
      password: 'correct horse',
    });
    driver = await launch();
    review = await driver.extensionPage('review.html#data/sync');
  });
  after(async () => {
    await driver?.close();
    await couch?.stop();
  });

  test('a region headed "Sync" with its five fields by label, and the plain-text warning', async () => {
    const region = await review.evaluate(() => {
      const section = document.querySelector('section[aria-labelledby="sync-title"]');
      return section && { heading: document.getElementById('sync-title').textContent };
    });
    assert.deepEqual(region, { heading: 'Sync' });
    const types = [];
    for (const label of LABELS) {
      const selector = await fieldByLabel(review, label);
      types.push(await review.evaluate((s) => document.querySelector(s).type, selector));
    }
    // What is typed in the password and the passphrase is not shown.
    assert.deepEqual(types, ['url', 'text', 'text', 'password', 'password']);
    assert.match(await syncText(review, '.field-note'), /server can read every page, highlight/);
    await fill(review, 'Encryption passphrase (optional)', 'long passphrase');
    await waitForSyncText(review, '.field-note', /encrypted on this device/, 'the encrypted note');
    await fill(review, 'Encryption passphrase (optional)', '');
    await waitForSyncText(review, '.field-note', /server can read/, 'the warning back');
  });

  test('says beside each field what is wrong, and keeps nothing', async () => {
    await press(review, 'Turn on sync');
    const empty = await waitForSyncText(
      review,
      '.field-problem',
      /Enter the address.*Enter the name.*Enter the username.*Enter the password/,
      'a problem beside each empty field',
    );
    assert.ok(empty);
    await fill(review, 'Server address', 'http://couch.example.org');
    await fill(review, 'Database', 'Trailmark');
    await fill(review, 'Username', 'ann');
    await fill(review, 'Password', 'pw');
    await fill(review, 'Encryption passphrase (optional)', 'short');
    const problems = await waitForSyncText(
      review,
      '.field-problem',
      /Use https:\/\/.*localhost or 127\.0\.0\.1.*lowercase letter.*at least 8 characters/,
      'the address, database and passphrase problems',
    );
    assert.doesNotMatch(problems, /Enter the username|Enter the password/);
    const invalid = await review.evaluate(() =>
      [...document.querySelectorAll('#sync input[aria-invalid="true"]')].map((i) => i.name),
    );
    assert.deepEqual(invalid, ['server', 'database', 'passphrase']);
    assert.deepEqual(await syncStatus(review), { state: { kind: 'off' }, account: null });
  });

  test('a wrong password is refused in plain words, and sync stays off', async () => {
    await turnOnSync(review, { ...account, password: 'wrong horse' });
    const refused = await waitForSyncText(
      review,
      '[data-testid=sync-refused]',
      /Sync stays off/,
      'the refusal',
    );
    assert.equal(refused, 'Sync stays off: Wrong username or password.');
    assert.deepEqual(await syncStatus(review), { state: { kind: 'off' }, account: null });
    // A database that is not there is named.
    await fill(review, 'Password', account.password);
    await fill(review, 'Database', 'no-such-db');
    await press(review, 'Turn on sync');
    await waitForSyncText(
      review,
      '[data-testid=sync-refused]',
      /no database “no-such-db” on this server/,
      'the missing database named',
    );
  });

  test('turned on: the account, the last sync with its counts, the popup’s status; turned off, both go', async () => {
    await turnOnSync(review, account);
    await waitForSyncText(review, '[data-testid=sync-account]', /trailmark-ann/, 'sync on');
    assert.match(
      await syncText(review, '[data-testid=sync-account]'),
      /database trailmark-ann on http:\/\/127\.0\.0\.1:\d+ as ann/,
    );
    assert.match(await syncText(review, '[data-testid=sync-encryption]'), /server can read/);
    const line = await waitForSyncText(
      review,
      '[data-testid=sync-status]',
      /Last synced|failed/,
      'the first run to end',
    );
    assert.match(line, /^Last synced just now \(sent \d+, received \d+\)\./);

    const popup = await driver.extensionPage('popup.html');
    const indicator = await waitFor(
      () =>
        popup.evaluate(() => {
          const el = document.querySelector('[data-testid=sync-indicator]');
          return el && { mood: el.dataset.mood, href: el.querySelector('a').href };
        }),
      { what: 'the popup’s sync status' },
    );
    assert.equal(indicator.mood, 'ok');
    assert.equal(indicator.href, driver.extensionUrl('review.html#data/sync'));

    await press(review, 'Sync now');
    await waitForSyncText(review, '[data-testid=sync-status]', /Last synced/, 'a second run');
    await press(review, 'Turn off sync');
    await fieldByLabel(review, 'Server address');
    assert.deepEqual(await syncStatus(review), { state: { kind: 'off' }, account: null });
    await popup.close();
    const again = await driver.extensionPage('popup.html');
    // The popup marks what it heard from the background: nothing shows once that is "off".
    await waitFor(() => again.evaluate(() => document.body.dataset.sync === 'off'), {
      what: 'the popup to hear that sync is off',
    });
    assert.equal(
      await again.evaluate(() => document.querySelector('[data-testid=sync-indicator]')),
      null,
    );
    await again.close();
  });
}
