// Three devices against one CouchDB-compatible server on loopback (pouchdb-server, in memory):
// two Chromium profiles (A and B) and one Firefox profile (C), each turned on from its own Sync
// section with the same account and passphrase, each reaching the server through a line of its
// own that is cut except while the test syncs that device (support/sync-devices.mjs). A
// highlight made with the mouse in A, and a goal with a target mix linked to it with a note,
// reach B and C after "Sync now" on both sides; the highlight is drawn on the page in B; the
// server holds none of it in clear; a wrong passphrase is refused at turn-on. Then what two
// devices do while apart: edits to different fields of one highlight both survive; a delete
// wins over an earlier edit, and a link made after a delete brings the highlight back; the same
// page and the same new tag made on two devices end as one; and a background stopped half way
// through a large sync (Chromium's service worker, Firefox's event page), sending and receiving,
// resumes with nothing lost or duplicated.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createReaderDatabase, startCouch } from '../support/couch-server.mjs';
import { launchChromium } from './support/chromium-driver.mjs';
import { launchFirefox } from './support/firefox-driver.mjs';
import { startFixtureServer } from './support/fixture-server.mjs';
import {
  clickHighlightButton,
  drawnHighlights,
  registry,
  selectPhrase,
  typeInTypingFrame,
  waitFor,
} from './support/page-actions.mjs';
import { click, openPopup, typeInto } from './support/popup-actions.mjs';
import { ARCHITECT, articleHtml, RIGHT_HAND, SOLVER } from './support/popup-pages.mjs';
import { createGoal, highlightPhrases } from './support/popup-setup.mjs';
import { pickFile, waitForText } from './support/review-actions.mjs';
import { libraryBackup } from './support/review-library.mjs';
import { press, syncStatus, turnOnSync, waitForSyncText } from './support/sync-actions.mjs';
import {
  actOn,
  closeToolbar,
  connectDevice,
  goodRunAfter,
  openEditor,
  recordsWhere,
  settled,
  snapshotOf,
  syncNow,
  turnOn,
} from './support/sync-devices.mjs';
import { stopBackground } from './support/worker-stop.mjs';

const DATABASE = 'trailmark-ann';
const PASSPHRASE = 'a passphrase for every device';
const GOAL = 'Grow the Solver side';
const MIX = { 'archetype-tech-lead': 50, 'archetype-solver': 40, 'archetype-right-hand': 10 };
const NOTE = 'Bring this to my 1:1';
const QUOTE = 'The Solver digs deep into arbitrarily complex problems';

let couch;
let server;
/** The server and account every device turns on with. */
let setup;
const devices = {};

before(async () => {
  couch = await startCouch();
  const account = await createReaderDatabase(couch, {
    database: DATABASE,
    username: 'ann',
    password: 'correct horse',
  });
  server = await startFixtureServer();
  setup = { couch, account, passphrase: PASSPHRASE };
  // One after the other: three browsers starting at once on two busy cores gain nothing.
  devices.a = await launchChromium();
  await connectDevice(devices.a, 'A', setup);
  devices.b = await launchChromium();
  await connectDevice(devices.b, 'B', setup);
  devices.c = await launchFirefox();
  await connectDevice(devices.c, 'C', setup);
});
after(async () => {
  for (const device of Object.values(devices)) {
    await device.close();
    await device.link?.close();
  }
  await server?.close();
  await couch?.stop();
});

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
  await page.close();
  await article.page.close();
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
  c.link.connect();
  try {
    await turnOnSync(c.review, {
      ...setup.account,
      server: c.link.url,
      passphrase: 'not the passphrase of A',
    });
    const refused = await waitForSyncText(
      c.review,
      '[data-testid=sync-refused]',
      /Sync stays off/,
      'the refusal',
    );
    assert.equal(refused, 'Sync stays off: Wrong passphrase.');
    assert.deepEqual(await syncStatus(c.review), { state: { kind: 'off' }, account: null });
  } finally {
    c.link.cut();
  }
  assert.deepEqual(await snapshotOf(c), before);
  assert.deepEqual(await couch.docs(DATABASE), onServer);

  await turnOn(c, setup);
});

const NOTE_ON_A = 'Ask about scope at the offsite';
const SECOND = 'The Architect is responsible for the direction';

const highlightOf = (records, quote) => records.highlights.find((h) => h.quote === quote);

/** Opens `url` in a new tab of `device` once `quote` is drawn there; the page. */
async function openDrawn(device, url, quote) {
  await actOn(device);
  const page = await device.newPage(url);
  await waitFor(async () => (await drawnHighlights(page)).includes(quote), {
    what: `"${quote}" drawn on ${device.label}`,
  });
  return page;
}

test('a note made on A and a colour on C while apart both survive, on every device', async () => {
  const { a, b, c } = devices;
  const onA = await openDrawn(a, article.url, QUOTE);
  await openEditor(onA, '#p1', QUOTE);
  await onA.keyboard.press('n');
  await typeInTypingFrame(onA, NOTE_ON_A);
  await closeToolbar(onA);
  await recordsWhere(a, (r) => highlightOf(r, QUOTE)?.note === NOTE_ON_A, 'the note stored');
  await onA.close();

  const onC = await openDrawn(c, article.url, QUOTE);
  await openEditor(onC, '#p1', QUOTE);
  await onC.keyboard.press('3');
  await recordsWhere(c, (r) => highlightOf(r, QUOTE)?.color === 'blue', 'blue stored');
  await closeToolbar(onC);
  await onC.close();
  assert.notEqual(highlightOf(await snapshotOf(c), QUOTE).note, NOTE_ON_A, 'C has not seen A yet');

  assert.match(await syncNow(a), /sent [1-9]/);
  // C receives A's note while its own colour still waits to go: the merge happens here.
  assert.match(await syncNow(c), /sent [1-9]/);
  assert.match(await syncNow(a), /received [1-9]/);
  await syncNow(b);
  for (const device of [a, b, c]) {
    const got = highlightOf(await snapshotOf(device), QUOTE);
    assert.deepEqual(
      { note: got?.note, color: got?.color },
      { note: NOTE_ON_A, color: 'blue' },
      `A's note and C's colour both on ${device.label}`,
    );
  }
  const onB = await openDrawn(b, article.url, QUOTE);
  await waitFor(async () => (await registry(onB)).blue?.includes(QUOTE), {
    what: 'the highlight drawn blue in B',
  });
  await onB.close();
});

test('a delete on C wins over an earlier colour change on B: the highlight is gone everywhere', async () => {
  const { a, b, c } = devices;
  const onA = await openDrawn(a, article.url, QUOTE);
  await selectPhrase(onA, '#p2', SECOND);
  await clickHighlightButton(onA);
  const made = await recordsWhere(a, (r) => highlightOf(r, SECOND), 'the second highlight');
  const { id } = highlightOf(made, SECOND);
  await onA.close();
  for (const device of [a, b, c]) await syncNow(device);
  await recordsWhere(b, (r) => r.highlights.some((h) => h.id === id), 'the second highlight');
  await recordsWhere(c, (r) => r.highlights.some((h) => h.id === id), 'the second highlight');

  // The edit first, then the delete, each on its own device.
  const onB = await openDrawn(b, article.url, SECOND);
  await openEditor(onB, '#p2', SECOND);
  await onB.keyboard.press('2');
  await recordsWhere(b, (r) => highlightOf(r, SECOND)?.color === 'green', 'green stored');
  await closeToolbar(onB);
  await onB.close();
  const onC = await openDrawn(c, article.url, SECOND);
  await openEditor(onC, '#p2', SECOND);
  await onC.keyboard.press('Delete');
  await waitFor(async () => !(await drawnHighlights(onC)).includes(SECOND), {
    what: 'the highlight gone from the page in C',
  });
  await onC.keyboard.press('Escape');
  await recordsWhere(c, (r) => !r.highlights.some((h) => h.id === id), 'the delete stored');
  await onC.close();

  // C's delete reaches the server first; B then receives it with its own older edit waiting to
  // go, which must neither win nor bring the highlight back on C.
  assert.match(await syncNow(c), /sent [1-9]/);
  await syncNow(b);
  await syncNow(c);
  await syncNow(a);
  for (const device of [a, b, c]) {
    const { highlights } = await snapshotOf(device);
    assert.equal(
      highlights.some((h) => h.id === id),
      false,
      `the deleted highlight is not on ${device.label} (an earlier edit must not undo a delete)`,
    );
  }
  const again = await openDrawn(b, article.url, QUOTE);
  assert.equal((await drawnHighlights(again)).includes(SECOND), false, 'not drawn in B');
  await again.close();
});

const THIRD = 'quality, and approach within a critical area';

test('a highlight deleted on C and linked to the goal on B afterwards, while apart, comes back on every device with its link, drawn in C', async () => {
  const { a, b, c } = devices;
  const onA = await openDrawn(a, article.url, QUOTE);
  await selectPhrase(onA, '#p2', THIRD);
  await clickHighlightButton(onA);
  const made = await recordsWhere(a, (r) => highlightOf(r, THIRD), 'the third highlight');
  const { id } = highlightOf(made, THIRD);
  await onA.close();
  for (const device of [a, b, c]) await syncNow(device);
  for (const device of [b, c]) {
    await recordsWhere(device, (r) => r.highlights.some((h) => h.id === id), 'the third one');
  }

  // The delete first, on C; then, on B that has not seen it, a link to the goal.
  const onC = await openDrawn(c, article.url, THIRD);
  await openEditor(onC, '#p2', THIRD);
  await onC.keyboard.press('Delete');
  await waitFor(async () => !(await drawnHighlights(onC)).includes(THIRD), {
    what: 'the highlight gone from the page in C',
  });
  await onC.keyboard.press('Escape');
  await recordsWhere(c, (r) => !r.highlights.some((h) => h.id === id), 'the delete stored');
  await onC.close();
  const onB = await openDrawn(b, article.url, THIRD);
  const popup = await openPopup(b, article.url);
  await click(popup, '[role="tab"]', 'This page');
  const row = `[data-highlight-id="${id}"]`;
  await click(popup, `${row} button[aria-expanded]`, 'Link to goal');
  await click(popup, `${row} .picker-list input`, GOAL);
  await recordsWhere(b, (r) => r.links.some((l) => l.targetId === id), 'the link stored');
  await popup.close();
  await onB.close();

  // C's delete reaches the server first; B, receiving it, keeps the highlight its new link
  // points at and sends both; C and A take them back.
  assert.match(await syncNow(c), /sent [1-9]/);
  await syncNow(b);
  await syncNow(c);
  await syncNow(a);
  for (const device of [a, b, c]) {
    const records = await snapshotOf(device);
    assert.ok(
      records.highlights.some((h) => h.id === id),
      `the highlight is back on ${device.label} (a link made after the delete is a new edit)`,
    );
    const goal = records.goals.find((g) => g.title === GOAL);
    assert.ok(
      records.links.some((l) => l.targetId === id && l.goalId === goal?.id),
      `its link on ${device.label}`,
    );
  }
  const again = await openDrawn(c, article.url, THIRD);
  await again.close();
});

const TAG = 'Onboarding';
const SHARED = articleHtml('Right hands', { p1: RIGHT_HAND, p2: SOLVER });

/** Highlights `phrase` of the shared article on `device` and tags it TAG, a name new to it. */
async function highlightAndTag(device, selector, phrase) {
  await actOn(device);
  const { page, url } = await highlightPhrases(device, server, 'shared-article.html', SHARED, {
    [selector]: phrase,
  });
  await closeToolbar(page);
  await openEditor(page, selector, phrase);
  await page.keyboard.press('t');
  await typeInTypingFrame(page, TAG);
  await page.keyboard.press('Enter');
  await recordsWhere(
    device,
    (r) => {
      const tag = r.tags.find((t) => t.name === TAG);
      return tag && highlightOf(r, phrase)?.tagIds.includes(tag.id);
    },
    `"${phrase}" tagged ${TAG}`,
  );
  await closeToolbar(page);
  await page.close();
  return url;
}

test('the same article highlighted, and the same new tag made, on A and C while apart end as one page and one tag everywhere', async () => {
  const { a, b, c } = devices;
  const fromA = 'The Right Hand extends';
  const fromC = 'finds an appropriate path forward';
  const url = await highlightAndTag(a, '#p1', fromA);
  await highlightAndTag(c, '#p2', fromC);

  await syncNow(a);
  await syncNow(c);
  await syncNow(a);
  await syncNow(b);
  for (const device of [a, b, c]) {
    const records = await snapshotOf(device);
    const pages = records.pages.filter((p) => p.url === url);
    assert.equal(pages.length, 1, `one page for the article on ${device.label}`);
    const tags = records.tags.filter((t) => t.name.toLowerCase() === TAG.toLowerCase());
    assert.equal(tags.length, 1, `one tag named ${TAG} on ${device.label}`);
    for (const quote of [fromA, fromC]) {
      const highlight = highlightOf(records, quote);
      assert.equal(highlight?.pageId, pages[0].id, `"${quote}" on that page on ${device.label}`);
      assert.deepEqual(highlight.tagIds, [tags[0].id], `"${quote}" tagged with that tag`);
    }
  }
  assert.equal(JSON.stringify(await couch.docs(DATABASE)).includes(TAG), false, 'no tag in clear');
});

/**
 * Highlights in the large library: with its pages, goal and links, four batches of 200 (the
 * sync's batch size), so a run can be stopped at its second batch and again at the second batch
 * of the run that resumes, with more still to send. 1 000 tested nothing more and took 33 s
 * longer.
 */
const LIBRARY = 600;
/** A run of a whole library on a busy machine: far longer than a wait on one step. */
const LONG_RUN_MS = 180_000;

/** The server's documents, with any conflicting revisions named. */
const serverDocs = async () => {
  const { json } = await couch.request(
    'GET',
    `/${DATABASE}/_all_docs?include_docs=true&conflicts=true`,
  );
  return json.rows.map((row) => row.doc);
};

const BULK_DOCS = /\/_bulk_docs$/;
const CHANGES = /\/_changes\?/;

/** Waits until `device`'s line holds the request `hold` waits for. */
const heldOn = (device, hold) =>
  settled(hold.arrived, `the held request of ${device.label}`, LONG_RUN_MS);

/**
 * Stops `device`'s service worker (Firefox: its event page) while `hold` keeps its request
 * waiting, then lets the request reach the server (an answer lost on the way back) or drops it
 * (a request lost on the way). The worker starts again as the browser starts it: the Sync
 * section asks it for its status.
 */
async function stopWorkerDuring(device, hold, { deliver }) {
  await stopBackground(device, device.review);
  await settled(hold.senderGone, `${device.label}'s request cut off with its worker`);
  if (deliver) await hold.release();
  else hold.drop();
}

/** Waits for the run that resumed after `stoppedAt` to end well with nothing left to send. */
async function resumedToTheEnd(device, stoppedAt) {
  const what = `${device.label} to resume and finish on its own`;
  const state = await goodRunAfter(device, stoppedAt, what, LONG_RUN_MS);
  assert.equal(state.pending, 0, `nothing left waiting on ${device.label}`);
}

test('a service worker stopped half way through a large sync, sending on A and receiving on B, resumes with nothing lost or duplicated', async () => {
  const { a, b } = devices;
  await sendWithStops(a, libraryBackup(LIBRARY));
  // B receives in batches; its worker is stopped while the second page of changes is asked for.
  await receiveWithStop(b, await snapshotOf(a));
});

/**
 * `device` imports `backup` (LIBRARY records new to it) and sends them in batches. Its
 * background is stopped twice: while its second batch is on the way (the server never sees
 * it), then, in the run that resumes, after its second batch reached the server but before the
 * answer came back. The server ends with every record once.
 */
async function sendWithStops(device, backup) {
  await pickFile(device.review, '#import-file', 'library.json', backup);
  await waitForText(device.review, '.import-ok', 'Imported', LONG_RUN_MS);
  const before = (await serverDocs()).length;
  const sentSoFar = async () => (await serverDocs()).length - before;
  device.link.connect();
  try {
    const lost = device.link.holdNext('POST', BULK_DOCS, 2);
    await press(device.review, 'Sync now');
    await heldOn(device, lost);
    const sent = await sentSoFar();
    assert.ok(sent > 0 && sent < LIBRARY, `stopped half way: ${sent} of the library sent`);
    const unanswered = device.link.holdNext('POST', BULK_DOCS, 2);
    await stopWorkerDuring(device, lost, { deliver: false });
    await heldOn(device, unanswered);
    const resent = await sentSoFar();
    assert.ok(resent > sent && resent < LIBRARY, `resumed: ${resent} sent, then stopped again`);
    const stoppedAt = Date.now();
    await stopWorkerDuring(device, unanswered, { deliver: true });
    await resumedToTheEnd(device, stoppedAt);
  } finally {
    device.link.cut();
  }
  const stored = await serverDocs();
  assert.deepEqual(
    stored.filter((doc) => doc._conflicts).map((doc) => doc._id),
    [],
    'no document in conflict with a second copy of itself',
  );
  assert.ok(stored.length >= before + LIBRARY, 'the whole library is on the server');
}

/**
 * `device` receives the large library in batches; its background is stopped while the second
 * page of changes is asked for, and the run that resumes ends with every record of `library`
 * there once.
 */
async function receiveWithStop(device, library) {
  const had = (await snapshotOf(device)).highlights.length;
  device.link.connect();
  try {
    const page = device.link.holdNext('GET', CHANGES, 2);
    await press(device.review, 'Sync now');
    await heldOn(device, page);
    const got = (await snapshotOf(device)).highlights.length - had;
    assert.ok(got > 0 && got < LIBRARY, `stopped half way: ${got} highlights received`);
    const stoppedAt = Date.now();
    await stopWorkerDuring(device, page, { deliver: false });
    await resumedToTheEnd(device, stoppedAt);
  } finally {
    device.link.cut();
  }
  const received = await waitFor(() => snapshotOf(device), { what: `${device.label}'s records` });
  const ids = (records) => records.highlights.map((h) => h.id).sort();
  assert.equal(received.highlights.length, library.highlights.length, 'each highlight once');
  assert.deepEqual(ids(received), ids(library), 'every highlight of A, none twice');
  const urls = (records) => records.pages.map((p) => p.url).sort();
  assert.deepEqual(urls(received), urls(library), 'every page of A, none twice');
  assert.equal(received.links.length, library.links.length, 'every link of A, none twice');
  assert.equal(received.goals.length, library.goals.length, 'every goal of A, none twice');
}

test("Firefox's event page (C) stopped half way through receiving the large library, then through sending one of its own, resumes with nothing lost or duplicated", async () => {
  const { a, c } = devices;
  await receiveWithStop(c, await snapshotOf(a));
  // The same library under ids of C's own: all new to the server.
  const own = libraryBackup(LIBRARY).replaceAll('"hl-', '"c-hl-').replaceAll('"link-', '"c-link-');
  await sendWithStops(c, own);
});
