// A content script speaks only for the page it runs on: the router refuses, with a typed error
// and nothing written, any message about another page, any edit of another page's highlight,
// creation for a page that is not the sender's own http(s) page, and a flood of new tags.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/background/handlers';
import { createRouter } from '../../../src/background/router';
import { ECHO_CHARS } from '../../../src/shared/clip';
import { PAGE_TAG_ALLOWANCE } from '../../../src/shared/limits';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { snapshot } from '../../../src/storage/database/snapshot';
import { createHighlight } from '../../../src/storage/records/highlights';
import { seedArchetypes } from '../../../src/storage/records/seed';
import { newHighlight } from '../storage/fixtures';
import { freshDb } from '../storage/test-db';

const OWN_ID = 'trailmark-test-id';
const PAGES = `chrome-extension://${OWN_ID}/`;
const ourPage = { id: OWN_ID, url: `${PAGES}review.html` };
const contentScriptOn = (url: string, frameId = 0) => ({
  id: OWN_ID,
  url,
  frameId,
  tab: { id: 7, url },
});

const READER = 'https://staffeng.com/guides/solver';
const BANK = 'https://bank.example/account';
const reader = contentScriptOn(`${READER}#intro`);

const msg = (kind: string, payload: unknown) => ({ app: 'trailmark', kind, payload });
const creation = (url: string, id: string = crypto.randomUUID()) =>
  msg('highlight.create', { ...newHighlight({ id, url }), url });

let db: TrailmarkDb;
let route: ReturnType<typeof createRouter>;
beforeEach(async () => {
  db = freshDb();
  await seedArchetypes(db);
  await createHighlight(db, newHighlight({ id: 'bank-note', url: BANK, note: 'PIN hint' }));
  await createHighlight(db, newHighlight({ id: 'mine', url: READER }));
  route = createRouter(createHandlers(db), OWN_ID, PAGES);
});
afterEach(() => db.delete());

/** Sends as `sender` and expects a typed refusal with the database exactly as it was. */
async function expectRefused(message: unknown, sender: object, code = 'forbidden-sender') {
  const before = await snapshot(db);
  const reply = await route(message, sender);
  expect(reply).toMatchObject({ ok: false, error: { code } });
  expect(await snapshot(db)).toEqual(before);
  return reply;
}

describe('router: a content script acts only on its own page', () => {
  it.each([
    ['reading another page', msg('page.load', { url: BANK })],
    ['editing another page’s highlight', msg('highlight.update', { id: 'bank-note', note: 'x' })],
    [
      'recolouring another page’s highlight',
      msg('highlight.update', { id: 'bank-note', color: 'green' }),
    ],
    ['deleting another page’s highlight', msg('highlight.delete', { id: 'bank-note' })],
    ['creating a highlight for another site', creation(BANK)],
    ['creating a highlight for an extension page', creation(`${PAGES}welcome.html`)],
    ['creating under the id of another page’s highlight', creation(READER, 'bank-note')],
    [
      'reporting reading time for another page',
      msg('page.reading', { url: BANK, title: 'x', activeMs: 60_000, maxScroll: 1 }),
    ],
    [
      'placing highlights of another page',
      msg('highlight.placed', {
        url: BANK,
        results: [{ id: 'bank-note', status: 'orphan', position: 0 }],
      }),
    ],
  ])('%s is refused and writes nothing', async (_name, message) => {
    await expectRefused(message, reader);
  });

  it('a page may not pass off another page’s highlight as one of its own placements', async () => {
    const before = await snapshot(db);
    const reply = await route(
      msg('highlight.placed', {
        url: READER,
        results: [{ id: 'bank-note', status: 'orphan', position: 0 }],
      }),
      reader,
    );
    expect(reply).toMatchObject({ ok: true, data: { updated: 0 } });
    expect(await snapshot(db)).toEqual(before);
  });

  it.each([
    ['a sub-frame', contentScriptOn(READER, 2)],
    ['a sender outside any tab', { id: OWN_ID, url: READER }],
    ['a page that is not http(s)', contentScriptOn('file:///home/reader/notes.html')],
    ['another extension’s page', contentScriptOn('chrome-extension://other-id/page.html')],
  ])('%s may not create even for its own URL', async (_name, sender) => {
    await expectRefused(creation(sender.url), sender);
  });

  it('its own page’s highlights it may create, edit and delete', async () => {
    expect(await route(creation(`${READER}?utm_source=feed`, 'new-one'), reader)).toMatchObject({
      ok: true,
    });
    expect(await route(msg('highlight.update', { id: 'mine', note: 'ok' }), reader)).toMatchObject({
      ok: true,
      data: { highlight: { note: 'ok' } },
    });
    expect(await route(msg('highlight.delete', { id: 'mine' }), reader)).toMatchObject({
      ok: true,
      data: { deleted: true },
    });
    expect((await db.highlights.get('bank-note'))?.note).toBe('PIN hint');
  });

  it('Trailmark’s own pages still act on any page', async () => {
    const reply = await route(msg('highlight.update', { id: 'bank-note', note: 'x' }), ourPage);
    expect(reply).toMatchObject({ ok: true, data: { highlight: { note: 'x' } } });
  });
});

describe('router: new tags from web pages are bounded', () => {
  const newTag = (name: string) => msg('tag.create', { id: crypto.randomUUID(), name });

  it(`one page gets ${PAGE_TAG_ALLOWANCE.perPage} new tags an hour, then a typed refusal`, async () => {
    for (let i = 0; i < PAGE_TAG_ALLOWANCE.perPage; i += 1) {
      expect(await route(newTag(`junk ${i}`), reader)).toMatchObject({ ok: true });
    }
    await expectRefused(newTag('one too many'), reader, 'too-many');
    // Reusing a tag that exists costs nothing.
    expect(await route(newTag('Solver'), reader)).toMatchObject({
      ok: true,
      data: { tag: { id: 'archetype-solver' } },
    });
  });

  it(`all pages together get ${PAGE_TAG_ALLOWANCE.total} an hour`, async () => {
    let created = 0;
    for (let site = 0; site < 5; site += 1) {
      const page = contentScriptOn(`https://site-${site}.example/`);
      for (let i = 0; i < PAGE_TAG_ALLOWANCE.perPage; i += 1) {
        const reply = await route(newTag(`junk ${site} ${i}`), page);
        if (reply?.ok) created += 1;
        else expect(reply).toMatchObject({ ok: false, error: { code: 'too-many' } });
      }
    }
    expect(created).toBe(PAGE_TAG_ALLOWANCE.total);
    expect(await db.tags.where('kind').equals('custom').count()).toBe(PAGE_TAG_ALLOWANCE.total);
  });

  it('Trailmark’s own pages are not bounded', async () => {
    for (let i = 0; i < PAGE_TAG_ALLOWANCE.total + 5; i += 1) {
      expect(await route(newTag(`mine ${i}`), ourPage)).toMatchObject({ ok: true });
    }
  });

  it('a tag name with control characters is refused', async () => {
    await expectRefused(newTag('a\u0000b'), reader, 'invalid');
  });
});

describe('router: error replies echo little', () => {
  it('an unknown kind is echoed to at most a few words, with an ellipsis', async () => {
    const reply = await route(msg('x'.repeat(10_000), {}), reader);
    expect(reply).toMatchObject({ ok: false, error: { code: 'unknown-kind' } });
    const text = reply && !reply.ok ? reply.error.message : '';
    expect(text).toMatch(/x…$/);
    expect(text.length).toBeLessThanOrEqual('unknown message kind: '.length + ECHO_CHARS);
  });

  it('a wrong value in a field is not echoed in full', async () => {
    const reply = await route(msg('highlight.delete', { id: 'y'.repeat(50_000) }), reader);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(reply && !reply.ok ? reply.error.message.length : Infinity).toBeLessThanOrEqual(
      ECHO_CHARS,
    );
  });
});
