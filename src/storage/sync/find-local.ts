// This device's record for a stable key, and the look-ups that turn wire references into local
// ids. Call inside a transaction that covers the synced tables.
import type { Table } from 'dexie';
import { tableOfKey, type SyncTable } from '../../shared/sync/sync-body';
import type { TrailmarkDb } from '../database/db';
import { readMeta } from '../database/meta';
import { randomId } from '../../shared/random-id';
import { DEVICE_KEY } from './sync-rows';
import type { AnyRecord, Resolver } from './wire';

export const tableOf = (db: TrailmarkDb, table: SyncTable) =>
  db[table] as unknown as Table<AnyRecord, string>;

export function resolverFor(db: TrailmarkDb): Resolver {
  return {
    pageId: async (url) => (await db.pages.where('url').equals(url).first())?.id,
    tagId: async (nameKey) => (await db.tags.where('nameKey').equals(nameKey).first())?.id,
    exists: async (table, id) => (await tableOf(db, table).get(id)) !== undefined,
  };
}

const after = (key: string, prefix: string) => key.slice(prefix.length + 1);

async function findLink(db: TrailmarkDb, rest: string, resolver: Resolver) {
  const [goalId = '', targetType = '', ...target] = rest.split('|');
  const targetRef = target.join('|');
  const targetId = targetType === 'page' ? await resolver.pageId(targetRef) : targetRef;
  if (targetId === undefined) return undefined;
  return (await db.links.where('[goalId+targetId]').equals([goalId, targetId]).first()) as
    AnyRecord | undefined;
}

/** The stored record a stable key names, if this device has it. */
export async function findLocal(
  db: TrailmarkDb,
  key: string,
  resolver = resolverFor(db),
): Promise<AnyRecord | undefined> {
  const table = tableOfKey(key);
  if (!table) return undefined;
  const rest = after(key, table);
  switch (table) {
    case 'pages':
      return (await db.pages.where('url').equals(rest).first()) as AnyRecord | undefined;
    case 'tags':
      return (await db.tags.where('nameKey').equals(rest).first()) as AnyRecord | undefined;
    case 'links':
      return findLink(db, rest, resolver);
    default:
      return tableOf(db, table).get(rest);
  }
}

/** This device's id in sync documents, made on first need. */
export async function deviceId(db: TrailmarkDb): Promise<string> {
  const known = await readMeta<string>(db, DEVICE_KEY);
  if (known) return known;
  const made = randomId().slice(0, 13);
  await db.meta.put({ key: DEVICE_KEY, value: made });
  return made;
}
