// Where the sync credentials live: in the browser's local extension storage of this device,
// never in browser sync storage, and never in what a backup or an export of the library holds.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncSettings } from '../../../src/shared/sync-types';
import type { TrailmarkDb } from '../../../src/storage/database/db';

const local = new Map<string, unknown>();
const touchedSync: string[] = [];

vi.mock('webextension-polyfill', () => {
  const refuse = (what: string) => () => {
    touchedSync.push(what);
    return Promise.reject(new Error('storage.sync must not be used'));
  };
  return {
    default: {
      storage: {
        local: {
          get: async (key: string) => (local.has(key) ? { [key]: local.get(key) } : {}),
          set: async (items: Record<string, unknown>) => {
            for (const [key, value] of Object.entries(items)) {
              local.set(key, structuredClone(value));
            }
          },
          remove: async (key: string) => void local.delete(key),
        },
        sync: { get: refuse('get'), set: refuse('set'), remove: refuse('remove') },
      },
    },
  };
});

const { createSyncScheduler } = await import('../../../src/background/sync/scheduler');
const { browserSyncStore } = await import('../../../src/background/sync/sync-store');
const { exportBackup } = await import('../../../src/storage/backup/backup-export');
const { exportAnnotations } = await import('../../../src/storage/backup/export-annotations');
const { snapshot } = await import('../../../src/storage/database/snapshot');
const { fillLibrary, T0 } = await import('../export/library-fixture');
const { freshDb } = await import('../storage/test-db');

const SECRETS: SyncSettings = {
  server: 'https://couch-zq7x.example.org',
  database: 'reader-zq7x',
  username: 'user-zq7x',
  password: 'password-zq7x',
  passphrase: 'passphrase-zq7x',
};

/** The scheduler over the real local-storage store, with an engine that moves nothing. */
const localScheduler = () =>
  createSyncScheduler(
    {
      store: browserSyncStore,
      armSchedule: async () => {},
      armSoon: async () => {},
      setTimer: () => 0,
      clearTimer: () => {},
      now: () => T0,
    },
    {
      syncOnce: async () => ({ at: T0, sent: 0, received: 0 }),
      checkAccount: async () => null,
      pendingChanges: async () => 0,
    },
  );

let db: TrailmarkDb;
beforeEach(async () => {
  local.clear();
  touchedSync.length = 0;
  db = freshDb();
  await fillLibrary(db);
  const scheduler = localScheduler();
  await scheduler.enable(SECRETS);
  await scheduler.idle();
});
afterEach(() => db.delete());

const leaks = (text: string) =>
  Object.values(SECRETS).filter((secret) => text.includes(secret as string));

describe('sync credentials', () => {
  it('are kept in local extension storage, and browser sync storage is never touched', () => {
    const stored = JSON.stringify([...local.values()]);
    expect(leaks(stored)).toEqual(Object.values(SECRETS));
    expect(touchedSync).toEqual([]);
  });

  it('are in no backup, no Web Annotation export and no table of the library', async () => {
    const backup = (await exportBackup(db, { now: T0 })).join('');
    expect(backup).toContain('"highlights"');
    expect(leaks(backup)).toEqual([]);
    const annotations = (await exportAnnotations(db)).join('');
    expect(leaks(annotations)).toEqual([]);
    expect(leaks(JSON.stringify(await snapshot(db)))).toEqual([]);
  });

  it('are gone from this device once sync is turned off', async () => {
    const scheduler = localScheduler();
    await scheduler.disable();
    expect(leaks(JSON.stringify([...local.values()]))).toEqual([]);
  });
});
