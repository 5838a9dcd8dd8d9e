// The sync messages through the real router: only Trailmark's own pages reach them, a content
// script (which runs beside an untrusted page) is refused before anything runs, and settings
// that fail the checks never reach the scheduler.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/background/handlers';
import { createRouter } from '../../../src/background/router';
import type { SyncStatus } from '../../../src/shared/sync-settings';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { freshDb } from '../storage/test-db';

const OWN_ID = 'trailmark-test-id';
const PAGES = `chrome-extension://${OWN_ID}/`;
const ourPage = { id: OWN_ID, url: `${PAGES}review.html` };
const ARTICLE = 'https://staffeng.com/guides/solver';
const contentScript = { id: OWN_ID, url: ARTICLE, frameId: 0, tab: { id: 7, url: ARTICLE } };
const msg = (kind: string, payload: unknown) => ({ app: 'trailmark', kind, payload });

const SETTINGS = {
  server: 'https://couch.example.org',
  database: 'reader',
  username: 'ann',
  password: 'pw',
};
const OFF: SyncStatus = { state: { kind: 'off' }, account: null };

let db: TrailmarkDb;
let calls: string[];
let route: ReturnType<typeof createRouter>;
beforeEach(() => {
  db = freshDb();
  calls = [];
  const record =
    (name: string) =>
    async (...args: unknown[]) => {
      calls.push(name + (args.length ? ` ${JSON.stringify(args[0])}` : ''));
      return OFF;
    };
  const sync = {
    enable: async (settings: unknown) => {
      calls.push(`enable ${JSON.stringify(settings)}`);
      return { status: OFF, refused: null };
    },
    disable: record('disable'),
    syncNow: record('syncNow'),
    status: record('status'),
  };
  route = createRouter(createHandlers(db, undefined, sync), OWN_ID, PAGES);
});
afterEach(() => db.delete());

describe('sync messages', () => {
  it('reach the scheduler from one of Trailmark’s pages', async () => {
    expect(await route(msg('sync.enable', SETTINGS), ourPage)).toEqual({
      ok: true,
      data: { status: OFF, refused: null },
    });
    for (const kind of ['sync.now', 'sync.status', 'sync.disable']) {
      expect(await route(msg(kind, {}), ourPage)).toEqual({ ok: true, data: { status: OFF } });
    }
    expect(calls).toEqual([`enable ${JSON.stringify(SETTINGS)}`, 'syncNow', 'status', 'disable']);
  });

  it.each([
    ['sync.enable', SETTINGS],
    ['sync.disable', {}],
    ['sync.now', {}],
    ['sync.status', {}],
  ])('%s from a content script is refused before anything runs', async (kind, payload) => {
    const reply = await route(msg(kind, payload), contentScript);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(calls).toEqual([]);
  });

  it.each([
    ['plain http to another machine', { ...SETTINGS, server: 'http://couch.example.org' }],
    ['no password', { ...SETTINGS, password: '' }],
    ['a field more', { ...SETTINGS, admin: true }],
    ['a passphrase that is not text', { ...SETTINGS, passphrase: 42 }],
  ])('settings with %s are refused as invalid', async (_name, payload) => {
    const reply = await route(msg('sync.enable', payload), ourPage);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(calls).toEqual([]);
  });
});
