// Every schema version Trailmark has shipped, oldest first. A schema change appends a version
// with an upgrade function and never edits an old one: the migration test opens a database at
// each earlier version, fills it, and upgrades it to the latest.
import type { Table, Transaction } from 'dexie';
import type { HighlightRecord, PageRecord } from '../../shared/types';
import { forEachBatch } from './batches';
import { HIGHLIGHT_WORDS, highlightRow, PAGE_WORDS, pageRow } from '../search/search-index';
import { OUTBOX, SYNC_CLOCKS, SYNC_PARKED } from '../sync/sync-rows';
import { queueEveryRecord } from '../sync/queue-all';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const DB_NAME = 'trailmark';

/** Version 2 adds the search index: builds it for everything stored before. */
async function buildSearchIndex(tx: Transaction): Promise<void> {
  const titles = new Map<string, string>();
  await forEachBatch(tx.table('pages') as Table<PageRecord, string>, async (pages) => {
    for (const page of pages) titles.set(page.id, page.title);
    await tx.table(PAGE_WORDS).bulkPut(pages.map(pageRow));
  });
  await forEachBatch(tx.table('highlights') as Table<HighlightRecord, string>, async (batch) => {
    await tx
      .table(HIGHLIGHT_WORDS)
      .bulkPut(batch.map((h) => highlightRow(h, titles.get(h.pageId) ?? '')));
  });
}

/**
 * Version 6 gives tags and links the update time other records have, so that merging a backup
 * keeps the newer of two versions; until changed, a record was last changed when it was made.
 */
async function stampUpdateTimes(tx: Transaction): Promise<void> {
  for (const name of ['tags', 'links']) {
    await tx
      .table(name)
      .toCollection()
      .modify((record: { createdAt: number; updatedAt?: number }) => {
        record.updatedAt ??= record.createdAt;
      });
  }
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // by URL for the content script, by site/date/status/tag for the review filters
      pages: 'id, &url, site, lastVisitAt, updatedAt, status, *tagIds',
      // by page in page order for the popup, by date/tag/colour for the review page
      highlights:
        'id, pageId, [pageId+position], createdAt, updatedAt, color, *tagIds, anchorStatus',
      tags: 'id, &nameKey, kind',
      goals: 'id, status, createdAt',
      // one link per goal and target; by target to show a highlight's goals
      links: 'id, &[goalId+targetId], goalId, targetId, pageId, createdAt',
    },
  },
  {
    version: 2,
    stores: {
      // word → records, for prefix search without reading every record (see search-index.ts)
      [HIGHLIGHT_WORDS]: 'id, *words',
      [PAGE_WORDS]: 'id, *words',
    },
    upgrade: buildSearchIndex,
  },
  {
    version: 3,
    stores: {
      // the resurfacing schedule, one row per highlight seen in review; by due day for the queue
      reviews: 'id, dueAt',
    },
  },
  {
    version: 4,
    stores: {
      // small facts about the database itself: the eviction canary, the last backup
      meta: 'key',
    },
  },
  {
    version: 5,
    stores: {
      // Indexes no query reads cost every write: an import of 100 000 highlights wrote each one
      // into seven. By page is served by the [pageId+position] index's first part.
      pages: 'id, &url, site, lastVisitAt, status, *tagIds',
      highlights: 'id, [pageId+position], createdAt, color, *tagIds',
    },
  },
  {
    version: 6,
    stores: {},
    upgrade: stampUpdateTimes,
  },
  {
    version: 7,
    stores: {
      // sync (see src/storage/sync): field stamps and tombstones per record by stable key, the
      // outbox of local changes in reference order, documents waiting for what they point at
      [SYNC_CLOCKS]: 'key, docId',
      [OUTBOX]: 'key, rank',
      [SYNC_PARKED]: 'docId, waits',
    },
    // Everything stored before is a change the server has not seen.
    upgrade: (tx) => queueEveryRecord(tx),
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1;
