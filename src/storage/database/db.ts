// The one Dexie database. Every other module reaches IndexedDB through the repositories beside
// this file; nothing outside src/storage imports Dexie.
import type { MetaRecord } from './meta';
import Dexie, { type EntityTable } from 'dexie';
import type {
  GoalRecord,
  HighlightRecord,
  LinkRecord,
  PageRecord,
  TagRecord,
} from '../../shared/types';
import type { ReviewRecord } from '../../shared/schedule';
import { DB_NAME, SCHEMA_VERSIONS, type SchemaVersion } from './schema';
import type { ClockRow, OutboxRow, ParkedRow } from '../sync/sync-rows';
import { syncOutboxMiddleware } from '../sync/outbox-middleware';
import {
  type HighlightWordsRow,
  type PageWordsRow,
  searchIndexMiddleware,
} from '../search/search-index';

export type TrailmarkDb = Dexie & {
  pages: EntityTable<PageRecord, 'id'>;
  highlights: EntityTable<HighlightRecord, 'id'>;
  tags: EntityTable<TagRecord, 'id'>;
  goals: EntityTable<GoalRecord, 'id'>;
  links: EntityTable<LinkRecord, 'id'>;
  highlightWords: EntityTable<HighlightWordsRow, 'id'>;
  pageWords: EntityTable<PageWordsRow, 'id'>;
  reviews: EntityTable<ReviewRecord, 'id'>;
  meta: EntityTable<MetaRecord, 'key'>;
  syncClocks: EntityTable<ClockRow, 'key'>;
  outbox: EntityTable<OutboxRow, 'key'>;
  syncParked: EntityTable<ParkedRow, 'docId'>;
};

/** Opens a database with the given schema versions (all of them unless a test asks otherwise). */
export function openDb(
  name = DB_NAME,
  versions: readonly SchemaVersion[] = SCHEMA_VERSIONS,
): TrailmarkDb {
  const db = new Dexie(name) as TrailmarkDb;
  for (const step of versions) {
    const declared = db.version(step.version).stores(step.stores);
    if (step.upgrade) declared.upgrade(step.upgrade);
  }
  db.use(searchIndexMiddleware);
  db.use(syncOutboxMiddleware);
  return db;
}

let shared: TrailmarkDb | undefined;

/** The database of this extension context, opened on first use. */
export function getDb(): TrailmarkDb {
  shared ??= openDb();
  return shared;
}
