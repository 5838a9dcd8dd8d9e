// Two or more simulated devices (each its own fake-indexeddb database) syncing through one real
// pouchdb-server on loopback, started by the test file and stopped after it.
import { afterAll, beforeAll } from 'vitest';
import type { SyncSettings } from '../../../src/shared/sync-types';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { records } from '../../../src/storage/database/snapshot';
import { seedArchetypes } from '../../../src/storage/records/seed';
import { runSync, type RunOptions } from '../../../src/background/sync/sync-run';
import { freshDb } from '../storage/test-db';
import { startCouch } from '../../support/couch-server.mjs';

export interface Couch {
  url: string;
  admin: { username: string; password: string };
  request(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }>;
  createDb(name: string): Promise<void>;
  docs(name: string): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

/**
 * The test file's server: started before its tests, stopped after them. Read through the
 * returned object, which stands for the server once it runs.
 */
export function useServer(): Couch {
  let started: Couch | undefined;
  beforeAll(async () => {
    started = (await startCouch()) as Couch;
  });
  afterAll(async () => {
    await started?.stop();
  });
  const running = (): Couch => {
    if (!started) throw new Error('the test server is not running yet');
    return started;
  };
  return {
    get url() {
      return running().url;
    },
    get admin() {
      return running().admin;
    },
    request: (method, path, body) => running().request(method, path, body),
    createDb: (name) => running().createDb(name),
    docs: (name) => running().docs(name),
    stop: () => running().stop(),
  };
}

let databases = 0;

/** A new, empty server database, and the settings a reader would type for it. */
export async function newLibrary(couch: Couch, passphrase?: string): Promise<SyncSettings> {
  databases += 1;
  const database = `library-${databases}`;
  await couch.createDb(database);
  return {
    server: couch.url,
    database,
    username: couch.admin.username,
    password: couch.admin.password,
    ...(passphrase === undefined ? {} : { passphrase }),
  };
}

export async function newDevice(): Promise<TrailmarkDb> {
  const db = freshDb();
  await seedArchetypes(db);
  return db;
}

export const sync = (db: TrailmarkDb, settings: SyncSettings, options?: RunOptions) =>
  runSync(db, settings, options);

/** Syncs each device in turn, then the first again, so every change has reached everyone. */
export async function syncAll(settings: SyncSettings, devices: TrailmarkDb[]) {
  for (const db of devices) await sync(db, settings);
  for (const db of devices) await sync(db, settings);
}

/** Waits until the wall clock has moved past `time`, so a later edit has a later stamp. */
export async function clockPast(time = Date.now()): Promise<void> {
  while (Date.now() <= time) await new Promise((resolve) => setTimeout(resolve, 1));
}

/** The records a reader sees, without ids that differ between devices and device-local state. */
export async function library(db: TrailmarkDb) {
  const all = await records(db);
  const pageUrl = new Map(all.pages.map((p) => [p.id, p.url]));
  const tagName = new Map(all.tags.map((t) => [t.id, t.nameKey]));
  const names = (ids: string[]) => ids.map((id) => tagName.get(id)).sort();
  const byKey = <T>(list: T[], key: (item: T) => string) =>
    list.sort((a, b) => key(a).localeCompare(key(b)));
  return {
    pages: byKey(
      all.pages.map(({ id: _id, tagIds, ...p }) => ({ ...p, tags: names(tagIds) })),
      (p) => p.url,
    ),
    highlights: byKey(
      all.highlights.map(({ anchorStatus: _a, pageId, tagIds, ...h }) => ({
        ...h,
        url: pageUrl.get(pageId),
        tags: names(tagIds),
      })),
      (h) => h.id,
    ),
    tags: byKey(
      // Each device seeds its own built-in tags when installed; they differ only in that date.
      all.tags.map(({ id: _id, createdAt, updatedAt, ...t }) =>
        t.kind === 'archetype' && createdAt === updatedAt ? t : { ...t, createdAt, updatedAt },
      ),
      (t) => t.nameKey,
    ),
    goals: byKey(all.goals, (g) => g.id),
    links: byKey(
      all.links.map(({ pageId, targetId, ...l }) => ({
        ...l,
        url: pageUrl.get(pageId),
        target: l.targetType === 'page' ? pageUrl.get(targetId) : targetId,
      })),
      (l) => `${l.goalId}|${l.target ?? ''}`,
    ),
  };
}
