// Three devices against one CouchDB-compatible server on loopback (pouchdb-server, in memory):
// two Chromium profiles (A and B) and one Firefox profile (C), each turned on from its own Sync
// section with the same account and passphrase. A highlight made with the mouse in A, and a goal
// with a target mix linked to it with a note, reach B and C after "Sync now" on both sides; the
// highlight is drawn on the page in B; the server holds none of it in clear.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createReaderDatabase, startCouch } from '../support/couch-server.mjs';
import { launchChromium } from './support/chromium-driver.mjs';
import { launchFirefox } from './support/firefox-driver.mjs';
import { startFixtureServer } from './support/fixture-server.mjs';
import { drawnHighlights, usePageNames, waitFor } from './support/page-actions.mjs';
import { click, openPopup, typeInto } from './support/popup-actions.mjs';
import { ARCHITECT, articleHtml, SOLVER } from './support/popup-pages.mjs';
import { createGoal, highlightPhrases } from './support/popup-setup.mjs';
import { press, syncStatus, turnOnSync, waitForSyncText } from './support/sync-actions.mjs';

const DATABASE = 'trailmark-ann';
const PASSPHRASE = 'a passphrase for every device';
const GOAL = 'Grow the Solver side';
const MIX = { 'archetype-tech-lead': 50, 'archetype-solver': 40, 'archetype-right-hand': 10 };
const NOTE = 'Bring this to my 1:1';
const QUOTE = 'The Solver digs deep into arbitrarily complex problems';

let couch;
let account;
let server;
const devices = {};

before(async () => {
  couch = await startCouch();
  account = await createReaderDatabase(couch, {
    database: DATABASE,
    username: 'ann',
    password: 'correct horse',
  });
  server = await startFixtureServer();
  // One after the other: three browsers starting at once on two busy cores gain nothing.
  devices.a = await launchChromium();
  devices.b = await launchChromium();
  devices.c = await launchFirefox();
  for (const device of Object.values(devices)) {
    device.review = await device.extensionPage('review.html#data/sync');
    await turnOnSync(device.review, { ...account, passphrase: PASSPHRASE });
    await waitForSyncText(device.review, '[data-testid=sync-account]', /trailmark-ann/, 'sync on');
  }
});
after(async () => {
  for (const device of Object.values(devices)) await device?.close();
  await server?.close();
  await couch?.stop();
});

/** When the last run of this device ended (good or not), or 0 before any. */
async function lastRunAt(device) {
  const { state } = await syncStatus(device.review);
  if (state.kind === 'error') return state.at;
  return state.kind === 'idle' ? (state.last?.at ?? 0) : 0;
}

/** Presses "Sync now" and waits for the run it started to end well; its status line. */
async function syncNow(device) {
  const before = await lastRunAt(device);
  await press(device.review, 'Sync now');
  await waitFor(async () => (await lastRunAt(device)) > before, { what: 'the run to end' });
  const line = await waitForSyncText(
    device.review,
    '[data-testid=sync-status]',
    /Last synced|failed/,
    'the status line',
  );
  assert.match(line, /^Last synced/, `a good run, not: ${line}`);
  return line;
}

const snapshotOf = (device) => device.backgroundCall('snapshot');

/** The page helpers find Trailmark's drawings by the names of one install: this device's. */
const actOn = async (device) => usePageNames(await device.backgroundCall('pageNames'));

let article;

test('a highlight, a goal with its mix and a linked note made in A reach B after Sync now on both, drawn on the page in B', async () => {
  const a = devices.a;
  await actOn(a);
  article = await highlightPhrases(
    a,
    server,
    'sync-article.html',
    articleHtml('Staff archetypes', { p1: SOLVER, p2: ARCHITECT }),
    { '#p1': QUOTE },
  );
  const popup = await openPopup(a, article.url);
  await createGoal(popup, GOAL, MIX);
  await click(popup, '[role="tab"]', 'This page');
  await click(popup, '[data-highlight-id] button[aria-expanded]', 'Link to goal');
  await click(popup, '[data-highlight-id] .picker-list input', GOAL);
  await click(popup, '[data-highlight-id] .chip-open', GOAL);
  await typeInto(popup, '[data-highlight-id] .note-form input', '', NOTE);
  await popup.keyboard.press('Enter');
  const made = await waitFor(
    async () => {
      const records = await snapshotOf(a);
      return records.links.some((l) => l.note === NOTE) ? records : null;
    },
    { what: 'the link note stored in A' },
  );
  await popup.close();

  assert.match(await syncNow(a), /sent [1-9]/);
  assert.match(await syncNow(devices.b), /received [1-9]/);

  const got = await snapshotOf(devices.b);
  const highlight = made.highlights.find((h) => h.quote === QUOTE);
  const goal = made.goals.find((g) => g.title === GOAL);
  const arrived = got.highlights.find((h) => h.id === highlight.id);
  assert.ok(arrived, 'the highlight is in B');
  assert.equal(arrived.quote, highlight.quote);
  assert.equal(arrived.color, highlight.color);
  assert.deepEqual(arrived.selectors, highlight.selectors);
  assert.deepEqual(
    got.goals.find((g) => g.title === GOAL)?.targetMix,
    goal.targetMix,
    'the goal and its target mix',
  );
  const link = got.links.find((l) => l.note === NOTE);
  assert.ok(link, 'the link with its note');
  assert.equal(link.targetId, highlight.id);
  assert.equal(got.pages.find((p) => p.url === article.url)?.title, 'Staff archetypes');

  await actOn(devices.b);
  const page = await devices.b.newPage(article.url);
  await waitFor(async () => (await drawnHighlights(page)).includes(highlight.quote), {
    what: 'the highlight drawn on the page in B',
  });
});

test('Firefox (C) receives the same, and the server holds no quote, note, title or address in clear', async () => {
  assert.match(await syncNow(devices.c), /received [1-9]/);
  const got = await snapshotOf(devices.c);
  assert.ok(got.highlights.some((h) => h.quote === QUOTE));
  assert.deepEqual(got.goals.find((g) => g.title === GOAL)?.targetMix, MIX);
  assert.ok(got.links.some((l) => l.note === NOTE));

  const stored = JSON.stringify(await couch.docs(DATABASE));
  for (const secret of ['Solver digs deep', NOTE, GOAL, 'Staff archetypes', article.url]) {
    assert.equal(stored.includes(secret), false, `"${secret}" is not on the server in clear`);
  }
});

test('a wrong passphrase is refused at "Turn on sync" in C, which keeps its library and writes nothing', async () => {
  const c = devices.c;
  await press(c.review, 'Turn off sync');
  await waitFor(async () => (await syncStatus(c.review)).state.kind === 'off', {
    what: 'sync off in C',
  });
  const before = await snapshotOf(c);
  const onServer = await couch.docs(DATABASE);
  await turnOnSync(c.review, { ...account, passphrase: 'not the passphrase of A' });
  const refused = await waitForSyncText(
    c.review,
    '[data-testid=sync-refused]',
    /Sync stays off/,
    'the refusal',
  );
  assert.equal(refused, 'Sync stays off: Wrong passphrase.');
  assert.deepEqual(await syncStatus(c.review), { state: { kind: 'off' }, account: null });
  assert.deepEqual(await snapshotOf(c), before);
  assert.deepEqual(await couch.docs(DATABASE), onServer);

  await turnOnSync(c.review, { ...account, passphrase: PASSPHRASE });
  await waitForSyncText(c.review, '[data-testid=sync-account]', /trailmark-ann/, 'sync on again');
});
