// Importing a backup: checks and merges it into the library in one pass and one transaction.
// A record already stored under the same id is replaced only by a newer one, so importing the
// same file twice adds nothing; a tag or page the library knows under another id (same name,
// same URL) is mapped onto the stored one, and everything pointing at it follows.
import Dexie from 'dexie';
import type { BackupRecord, BackupSection } from '../../shared/backup-schema';
import { BACKUP_SECTIONS } from '../../shared/backup-schema';
import { ARCHETYPES } from '../../shared/archetypes';
import type { TagRecord } from '../../shared/types';
import { backupRecords, type BackupChunk, checkedRecord } from './backup-records';
import { BackupCheck, type ImportProgress } from './backup-check';
import { BATCH_SIZE } from '../database/batches';
import type { TrailmarkDb } from '../database/db';
import { markIndexPending } from '../search/index-catch-up';
import { deferIndexing } from '../search/search-index';

export interface ImportSummary {
  /** Records read per section. */
  read: Record<BackupSection, number>;
  /** Records that were not in the library before. */
  added: number;
  /** Records that replaced an older stored version. */
  updated: number;
}

type AnyRecord = BackupRecord<BackupSection>;

/** Ids in the file that stand for other ids in the library. */
interface IdMaps {
  tags: Map<string, string>;
  pages: Map<string, string>;
}

const mapId = (map: Map<string, string>, id: string): string => map.get(id) ?? id;
const mapIds = (map: Map<string, string>, ids: readonly string[]): string[] => [
  ...new Set(ids.map((id) => mapId(map, id))),
];

/** The moment a record last changed, to keep the newer of two versions. */
function changedAt(record: AnyRecord): number {
  if ('updatedAt' in record) return record.updatedAt;
  if ('lastReviewedAt' in record) return record.lastReviewedAt;
  return 0;
}

/**
 * A built-in tag as Trailmark seeded it, never changed since. A fresh install seeds them after
 * the backup was made, so they look newer than the reader's own; they yield to the backup.
 */
function isUntouchedBuiltIn(stored: AnyRecord): boolean {
  const tag = stored as Partial<TagRecord>;
  const builtIn = ARCHETYPES.find((a) => a.id === tag.id);
  return (
    builtIn !== undefined &&
    tag.kind === 'archetype' &&
    tag.name === builtIn.name &&
    tag.color === builtIn.color &&
    tag.createdAt === tag.updatedAt
  );
}

/** Whether the incoming version replaces the stored one. */
const replaces = (incoming: AnyRecord, stored: AnyRecord): boolean =>
  changedAt(incoming) > changedAt(stored) ||
  (isUntouchedBuiltIn(stored) && JSON.stringify(incoming) !== JSON.stringify(stored));

/** Rewrites the references of a record to the ids the library uses. */
function remap(section: BackupSection, record: AnyRecord, maps: IdMaps): AnyRecord {
  // Into a library that knows none of the file's tags and pages under other ids (any empty one),
  // every record is written as read.
  if (maps.tags.size === 0 && maps.pages.size === 0) return record;
  const r = record as Record<string, unknown> & AnyRecord;
  switch (section) {
    case 'pages':
      return { ...r, id: mapId(maps.pages, r.id), tagIds: mapIds(maps.tags, r.tagIds as string[]) };
    case 'highlights':
      return {
        ...r,
        pageId: mapId(maps.pages, r.pageId as string),
        tagIds: mapIds(maps.tags, r.tagIds as string[]),
      };
    case 'links': {
      const targetId = r.targetId as string;
      const target = r.targetType === 'page' ? mapId(maps.pages, targetId) : targetId;
      return { ...r, targetId: target, pageId: mapId(maps.pages, r.pageId as string) };
    }
    default:
      return record;
  }
}

/** Learns which incoming tags and pages the library already holds under another id. */
async function learnAliases(
  db: TrailmarkDb,
  section: BackupSection,
  batch: AnyRecord[],
  maps: IdMaps,
) {
  if (section === 'tags') {
    const tags = batch as BackupRecord<'tags'>[];
    const stored = await db.tags
      .where('nameKey')
      .anyOf(tags.map((t) => t.nameKey))
      .toArray();
    const byKey = new Map(stored.map((t) => [t.nameKey, t.id]));
    for (const t of tags) {
      const id = byKey.get(t.nameKey);
      if (id !== undefined && id !== t.id) maps.tags.set(t.id, id);
    }
  }
  if (section === 'pages') {
    const pages = batch as BackupRecord<'pages'>[];
    const stored = await db.pages
      .where('url')
      .anyOf(pages.map((p) => p.url))
      .toArray();
    const byUrl = new Map(stored.map((p) => [p.url, p.id]));
    for (const p of pages) {
      const id = byUrl.get(p.url);
      if (id !== undefined && id !== p.id) maps.pages.set(p.id, id);
    }
  }
}

/** Incoming links whose goal and target the library already links under another id. */
async function linkClashes(db: TrailmarkDb, links: BackupRecord<'links'>[]): Promise<Set<string>> {
  const stored = await db.links
    .where('[goalId+targetId]')
    .anyOf(links.map((l) => [l.goalId, l.targetId]))
    .toArray();
  const byPair = new Map(stored.map((l) => [`${l.goalId} ${l.targetId}`, l.id]));
  return new Set(
    links
      .filter((l) => (byPair.get(`${l.goalId} ${l.targetId}`) ?? l.id) !== l.id)
      .map((l) => l.id),
  );
}

/** Per section: whether the library held none of its records when the import began. */
type EmptyAtStart = Partial<Record<BackupSection, boolean>>;

async function sectionsEmpty(db: TrailmarkDb): Promise<EmptyAtStart> {
  const counts = await Promise.all(BACKUP_SECTIONS.map((s) => db[s].limit(1).count()));
  return Object.fromEntries(BACKUP_SECTIONS.map((s, i) => [s, counts[i] === 0]));
}

/** The records of a batch worth writing: new ones, and newer versions of stored ones. */
async function newerOnly(
  table: Dexie.Table<AnyRecord, string>,
  batch: AnyRecord[],
  summary: ImportSummary,
): Promise<AnyRecord[]> {
  const stored = await table.bulkGet(batch.map((r) => r.id));
  return batch.filter((record, i) => {
    const old = stored[i];
    if (!old) summary.added += 1;
    else if (replaces(record, old)) summary.updated += 1;
    return !old || replaces(record, old);
  });
}

/** A batch for a table with records: aliases, clashes and ages are read before writing. */
async function mergeBatch(
  db: TrailmarkDb,
  section: BackupSection,
  incoming: AnyRecord[],
  maps: IdMaps,
  summary: ImportSummary,
) {
  const table = db[section] as unknown as Dexie.Table<AnyRecord, string>;
  await learnAliases(db, section, incoming, maps);
  // A tag the library has under its own id is kept as it is: the reader may have recoloured it.
  const fresh = section === 'tags' ? incoming.filter((t) => !maps.tags.has(t.id)) : incoming;
  let batch = fresh.map((record) => remap(section, record, maps));
  if (section === 'links') {
    const clashes = await linkClashes(db, batch as BackupRecord<'links'>[]);
    batch = batch.filter((l) => !clashes.has(l.id));
  }
  await table.bulkPut(await newerOnly(table, batch, summary));
}

/**
 * Checks and writes a backup in one pass and one transaction. Records are checked as they
 * arrive and the references to the library after the last one, all before the transaction
 * commits: any problem aborts it, so a refused file leaves the library exactly as it was, and
 * no other part of Trailmark sees any of its records before the whole file has passed. Records
 * are written without search indexing, which catches up afterwards (index-catch-up.ts).
 */
export async function mergeBackup(
  db: TrailmarkDb,
  file: Blob,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportSummary> {
  const check = new BackupCheck();
  const summary: ImportSummary = { read: check.counts, added: 0, updated: 0 };
  const maps: IdMaps = { tags: new Map(), pages: new Map() };
  const tables = [...BACKUP_SECTIONS.map((s) => db[s]), db.meta];
  await db.transaction('rw', tables, async (tx) => {
    deferIndexing(tx.idbtrans);
    const empty = await sectionsEmpty(db);
    const items = backupRecords(file);
    let batch: AnyRecord[] = [];
    let section: BackupSection | null = null;
    // Into a table that was empty, a batch is stored while the next one is parsed. The write is
    // awaited before anything else is: awaiting a database promise made before another await
    // would lose the transaction.
    let storing: Promise<unknown> | null = null;
    const stored = async () => {
      if (storing) await storing;
      storing = null;
    };
    const flush = async () => {
      const full = batch;
      batch = [];
      if (!section || full.length === 0) return;
      await stored();
      if (empty[section] !== true) return mergeBatch(db, section, full, maps, summary);
      // Into an empty table nothing can clash or be older: the checks would read for nothing.
      summary.added += full.length;
      const table = db[section] as unknown as Dexie.Table<AnyRecord, string>;
      storing = table.bulkPut(full.map((record) => remap(section as BackupSection, record, maps)));
    };
    for (;;) {
      await stored();
      // waitFor keeps the transaction open while the file is read.
      const next: IteratorResult<BackupChunk> = await Dexie.waitFor(items.next());
      if (next.done) break;
      for (const raw of next.value.records) {
        const at = checkedRecord(raw);
        check.add(at);
        if (at.section !== section || batch.length >= BATCH_SIZE) await flush();
        section = at.section;
        batch.push(at.record);
      }
      onProgress?.({ bytes: next.value.bytes, totalBytes: file.size, records: check.records });
    }
    await flush();
    await stored();
    await check.finish(db);
    if (check.counts.pages + check.counts.highlights > 0) await markIndexPending(db);
  });
  return summary;
}
