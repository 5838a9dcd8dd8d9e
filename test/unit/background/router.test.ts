// The router against a real database on fake-indexeddb: every kind of bad message gets a typed
// error and leaves the database exactly as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/background/handlers';
import { createRouter } from '../../../src/background/router';
import { LIMITS } from '../../../src/shared/limits';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { seedArchetypes } from '../../../src/storage/records/seed';
import { snapshot } from '../../../src/storage/database/snapshot';
import { freshDb } from '../storage/test-db';

const OWN_ID = 'trailmark-test-id';
const PAGES = `chrome-extension://${OWN_ID}/`;
const ourPage = { id: OWN_ID, url: `${PAGES}review.html` };
/** The content script in the top frame of a tab showing `url`, as the browser describes it. */
const contentScriptOn = (url: string) => ({ id: OWN_ID, url, frameId: 0, tab: { id: 7, url } });
const SOLVER = 'https://staffeng.com/guides/solver';
/** The content script on the page most tests write to. */
const us = contentScriptOn(`${SOLVER}?utm_source=x#top`);

let db: TrailmarkDb;
let route: ReturnType<typeof createRouter>;
beforeEach(async () => {
  db = freshDb();
  await seedArchetypes(db);
  route = createRouter(createHandlers(db), OWN_ID, PAGES);
});
afterEach(() => db.delete());

const validCreate = () => ({
  id: 'h-1',
  url: 'https://staffeng.com/guides/solver?utm_source=x#top',
  title: 'The Solver',
  selectors: [
    { type: 'TextQuoteSelector', exact: 'digs deep', prefix: 'The Solver ', suffix: ' into' },
    { type: 'TextPositionSelector', start: 11, end: 20 },
  ],
  color: 'green',
  tagIds: ['archetype-solver'],
  note: 'try this on the billing outage',
});

const msg = (kind: unknown, payload: unknown) => ({ app: 'trailmark', kind, payload });

describe('router: good messages', () => {
  it('creates a highlight on the normalised page and loads it back', async () => {
    const created = await route(msg('highlight.create', validCreate()), us);
    expect(created).toMatchObject({
      ok: true,
      data: { highlight: { id: 'h-1', quote: 'digs deep' } },
    });
    const loaded = await route(
      msg('page.load', { url: 'https://staffeng.com/guides/solver#other' }),
      us,
    );
    expect(loaded).toMatchObject({
      ok: true,
      data: { page: { url: 'https://staffeng.com/guides/solver' }, highlights: [{ id: 'h-1' }] },
    });
  });

  it('passes a schedule change from one of its own pages to the automatic backup', async () => {
    const asked: unknown[] = [];
    const schedule = async (interval: unknown) => {
      asked.push(interval);
      return { interval: 'weekly' as const, nextAt: 1, lastRun: null };
    };
    const withBackup = createRouter(createHandlers(db, { schedule }), OWN_ID, PAGES);
    const reply = await withBackup(msg('backup.schedule', { interval: 'weekly' }), ourPage);
    expect(reply).toMatchObject({ ok: true, data: { schedule: { interval: 'weekly' } } });
    expect(asked).toEqual(['weekly']);
  });

  it('ignores messages that are not Trailmark’s, leaving them to other listeners', () => {
    expect(route({ kind: 'highlight.create', payload: validCreate() }, us)).toBeUndefined();
    expect(route('hello', us)).toBeUndefined();
    expect(route(null, us)).toBeUndefined();
  });
});

const bad = (patch: Record<string, unknown>) => ({ ...validCreate(), ...patch });
const quote = (patch: Record<string, unknown>) =>
  bad({ selectors: [{ type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '', ...patch }] });

describe('router: every kind of malformed message is refused with a typed error, nothing written', () => {
  it.each([
    [
      'a foreign sender',
      msg('highlight.create', validCreate()),
      { id: 'evil-extension' },
      'forbidden-sender',
    ],
    ['no sender id', msg('highlight.create', validCreate()), {}, 'forbidden-sender'],
    ['an unknown kind', msg('db.drop', {}), us, 'unknown-kind'],
    ['a kind that is not a string', msg(42, {}), us, 'unknown-kind'],
    ['a prototype name as kind', msg('__proto__', {}), us, 'unknown-kind'],
    ['a missing payload', { app: 'trailmark', kind: 'highlight.create' }, us, 'malformed'],
    ['a payload that is a string', msg('highlight.create', 'h-1'), us, 'malformed'],
    ['a missing field', msg('highlight.create', bad({ id: undefined })), us, 'invalid'],
    ['an extra field', msg('highlight.create', bad({ admin: true })), us, 'invalid'],
    ['a wrong type', msg('highlight.create', bad({ note: 12 })), us, 'invalid'],
    [
      'an unknown colour',
      msg('highlight.create', bad({ color: 'red; background:url(x)' })),
      us,
      'invalid',
    ],
    ['a non-web URL', msg('highlight.create', bad({ url: 'javascript:alert(1)' })), us, 'invalid'],
    ['an id with odd characters', msg('highlight.create', bad({ id: '../../etc' })), us, 'invalid'],
    [
      'no quote selector',
      msg(
        'highlight.create',
        bad({ selectors: [{ type: 'TextPositionSelector', start: 1, end: 2 }] }),
      ),
      us,
      'invalid',
    ],
    ['an empty quote', msg('highlight.create', quote({ exact: '' })), us, 'invalid'],
    [
      'a backwards position',
      msg(
        'highlight.create',
        bad({
          selectors: [
            ...validCreate().selectors.slice(0, 1),
            { type: 'TextPositionSelector', start: 9, end: 2 },
          ],
        }),
      ),
      us,
      'invalid',
    ],
    [
      'a negative offset',
      msg(
        'highlight.create',
        bad({
          selectors: [
            ...validCreate().selectors.slice(0, 1),
            { type: 'TextPositionSelector', start: -1, end: 2 },
          ],
        }),
      ),
      us,
      'invalid',
    ],
    [
      'too many selectors',
      msg(
        'highlight.create',
        bad({ selectors: Array(LIMITS.selectors + 1).fill(validCreate().selectors[0]) }),
      ),
      us,
      'invalid',
    ],
    [
      'too many tags',
      msg(
        'highlight.create',
        bad({ tagIds: Array.from({ length: LIMITS.tagIds + 1 }, (_, i) => `t${i}`) }),
      ),
      us,
      'invalid',
    ],
    [
      'an oversized note',
      msg('highlight.create', bad({ note: 'x'.repeat(LIMITS.note + 1) })),
      us,
      'invalid',
    ],
    [
      'an oversized message',
      msg('highlight.create', bad({ note: 'x'.repeat(LIMITS.messageBytes) })),
      us,
      'too-large',
    ],
    ['an unknown tag', msg('highlight.create', bad({ tagIds: ['nope'] })), us, 'not-found'],
    [
      'a backup schedule from a content script',
      msg('backup.schedule', { interval: 'daily' }),
      { id: OWN_ID, url: 'https://staffeng.com/guides/solver' },
      'forbidden-sender',
    ],
    [
      'a backup schedule from a sender that names no page',
      msg('backup.schedule', { interval: 'daily' }),
      { id: OWN_ID },
      'forbidden-sender',
    ],
    [
      'a backup schedule from a look-alike page URL',
      msg('backup.schedule', { interval: 'daily' }),
      { id: OWN_ID, url: `https://example.com/${PAGES}` },
      'forbidden-sender',
    ],
    [
      'an unknown backup interval',
      msg('backup.schedule', { interval: 'hourly' }),
      ourPage,
      'invalid',
    ],
    ['a backup schedule without its interval', msg('backup.schedule', {}), ourPage, 'invalid'],
    [
      'an update of a missing highlight',
      msg('highlight.update', { id: 'missing', note: 'x' }),
      us,
      'not-found',
    ],
  ])('%s', async (_name, message, sender, code) => {
    const before = await snapshot(db);
    const reply = await route(message, sender);
    expect(reply).toMatchObject({ ok: false, error: { code } });
    expect(await snapshot(db)).toEqual(before);
  });

  it('names the offending field', async () => {
    const reply = await route(msg('highlight.create', bad({ note: 12 })), us);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid', path: 'note' } });
  });

  it('survives a message that cannot be serialised', async () => {
    const cyclic: Record<string, unknown> = { app: 'trailmark', kind: 'page.load' };
    cyclic.payload = cyclic;
    expect(await route(cyclic, us)).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });
});

/** A web URL of exactly `length` characters. */
const urlOfLength = (length: number) => {
  const base = 'https://staffeng.com/';
  return base + 'a'.repeat(length - base.length);
};

/**
 * Each size limit the contract names, as [field, kind, payload at a given size, error path]:
 * one character over the limit is refused, the limit itself is accepted, so the line sits
 * exactly where LIMITS draws it.
 */
const SIZED_FIELDS: [string, number, string, (size: number) => unknown, string][] = [
  [
    'quote',
    LIMITS.quote,
    'highlight.create',
    (n) => quote({ exact: 'x'.repeat(n) }),
    'selectors.0.exact',
  ],
  [
    'prefix',
    LIMITS.context,
    'highlight.create',
    (n) => quote({ prefix: 'x'.repeat(n) }),
    'selectors.0.prefix',
  ],
  [
    'suffix',
    LIMITS.context,
    'highlight.create',
    (n) => quote({ suffix: 'x'.repeat(n) }),
    'selectors.0.suffix',
  ],
  ['highlight URL', LIMITS.url, 'highlight.create', (n) => bad({ url: urlOfLength(n) }), 'url'],
  ['title', LIMITS.title, 'highlight.create', (n) => bad({ title: 'x'.repeat(n) }), 'title'],
  ['note', LIMITS.note, 'highlight.create', (n) => bad({ note: 'x'.repeat(n) }), 'note'],
  ['page URL', LIMITS.url, 'page.load', (n) => ({ url: urlOfLength(n) }), 'url'],
  [
    'reading title',
    LIMITS.title,
    'page.reading',
    (n) => ({ url: urlOfLength(40), title: 'x'.repeat(n), activeMs: 1000, maxScroll: 0.5 }),
    'title',
  ],
  ['tag name', LIMITS.tagName, 'tag.create', (n) => ({ id: 't-1', name: 'x'.repeat(n) }), 'name'],
];

describe('router: field sizes', () => {
  it.each(SIZED_FIELDS)(
    'a %s one over its limit of %i is invalid and writes nothing',
    async (_field, limit, kind, payload, path) => {
      const before = await snapshot(db);
      const reply = await route(msg(kind, payload(limit + 1)), ourPage);
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid', path } });
      expect(await snapshot(db)).toEqual(before);
    },
  );

  it.each(SIZED_FIELDS)('a %s of exactly %i is accepted', async (_field, limit, kind, payload) => {
    expect(await route(msg(kind, payload(limit)), ourPage)).toMatchObject({ ok: true });
  });
});
