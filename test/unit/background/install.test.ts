// The install handler against a real database and a fake browser: a first install shows the
// welcome page once, and an update (which runs the same seeding) neither opens a tab nor adds
// a second set of archetype tags.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARCHETYPES } from '../../../src/shared/archetypes';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { freshDb } from '../storage/test-db';

const browser = vi.hoisted(() => {
  const local = new Map<string, unknown>();
  return {
    local,
    tabs: { create: vi.fn(async (options: { url: string }) => ({ id: 1, ...options })) },
    runtime: { getURL: (file: string) => `chrome-extension://trailmark-test/${file}` },
    // The canary marker lives here, apart from the database.
    storage: {
      local: {
        get: async (key: string) => (local.has(key) ? { [key]: local.get(key) } : {}),
        set: async (items: Record<string, unknown>) => {
          for (const [key, value] of Object.entries(items)) local.set(key, value);
        },
      },
    },
    action: { setBadgeText: vi.fn(), setTitle: vi.fn() },
  };
});
vi.mock('webextension-polyfill', () => ({ default: browser }));

const { onInstalled } = await import('../../../src/background/install');

const archetypeTags = async (db: TrailmarkDb) =>
  (await db.tags.toArray()).filter((tag) => tag.kind === 'archetype');

let db: TrailmarkDb;
beforeEach(() => {
  db = freshDb();
  browser.local.clear();
  browser.tabs.create.mockClear();
});
afterEach(() => db.delete());

describe('on install', () => {
  it('seeds the four archetypes and opens the welcome page once', async () => {
    await onInstalled(db, 'install');
    expect(await archetypeTags(db)).toHaveLength(ARCHETYPES.length);
    expect(browser.tabs.create).toHaveBeenCalledTimes(1);
    expect(browser.tabs.create).toHaveBeenCalledWith({
      url: 'chrome-extension://trailmark-test/welcome.html',
    });
  });
});

describe('on update', () => {
  it('opens no tab and keeps exactly the four archetypes', async () => {
    await onInstalled(db, 'install');
    browser.tabs.create.mockClear();

    await onInstalled(db, 'update');
    await onInstalled(db, 'update');

    expect(browser.tabs.create).not.toHaveBeenCalled();
    const tags = await archetypeTags(db);
    expect(tags).toHaveLength(4);
    expect(tags.map((tag) => tag.id).sort()).toEqual(ARCHETYPES.map((a) => a.id).sort());
  });

  it('leaves a recoloured archetype as the reader left it', async () => {
    await onInstalled(db, 'install');
    await db.tags.update('archetype-solver', { color: '#000000' });

    await onInstalled(db, 'update');

    expect((await db.tags.get('archetype-solver'))?.color).toBe('#000000');
    expect(await archetypeTags(db)).toHaveLength(4);
  });

  it('seeds the archetypes when updating from a build that had none, still without a tab', async () => {
    await onInstalled(db, 'update');
    expect(await archetypeTags(db)).toHaveLength(4);
    expect(browser.tabs.create).not.toHaveBeenCalled();
  });
});
