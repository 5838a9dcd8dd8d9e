// Catching the search index up after an import, which writes its records without indexing them
// (see deferIndexing in search-index.ts) so that 100 000 highlights land in seconds. The work
// runs one small transaction per batch and keeps how far it got in the meta table: a closed tab
// or a stopped service worker only pauses it, and whoever opens the database next carries on.
// Until it is done, search may miss imported highlights, and the pages that search say so.
import type { HighlightRecord } from '../../shared/types';
import { BATCH_SIZE } from '../database/batches';
import type { TrailmarkDb } from '../database/db';
import { INDEX_PENDING_KEY, type IndexPending, pendingIndex } from './index-pending';
import { writeMeta } from '../database/meta';
import { highlightRow, pageRow } from './search-index';
import { leaveUnlogged } from './word-log';
import { TableBuilder } from './word-table';
import { restartWordLog, saveCollectedTable } from './word-table-store';

/** Inside the writing transaction: what it wrote is not indexed yet. */
export async function markIndexPending(db: TrailmarkDb): Promise<void> {
  const total = await db.highlights.count();
  const state: IndexPending = { phase: 'pages', after: '', done: 0, total };
  await writeMeta(db, INDEX_PENDING_KEY, state);
  await restartWordLog(db);
}

/**
 * The review page's word table, collected while this run rewrites every search row and saved
 * with the last batch, so that the first visit after an import need not read them all again.
 * Only a run that began the highlights from the first one has it.
 */
export interface Collector {
  table: TableBuilder | null;
}

async function indexPages(
  db: TrailmarkDb,
  state: IndexPending,
  size: number,
): Promise<IndexPending> {
  const pages = await db.pages.where(':id').above(state.after).limit(size).toArray();
  await db.pageWords.bulkPut(pages.map(pageRow));
  const last = pages[pages.length - 1];
  if (!last || pages.length < size) return { ...state, phase: 'highlights', after: '' };
  return { ...state, after: last.id };
}

async function titlesOf(db: TrailmarkDb, highlights: readonly HighlightRecord[]) {
  const ids = [...new Set(highlights.map((h) => h.pageId))];
  const pages = await db.pages.bulkGet(ids);
  return new Map(ids.map((id, i) => [id, pages[i]?.title ?? '']));
}

async function indexHighlights(
  db: TrailmarkDb,
  state: IndexPending,
  size: number,
  collector: Collector,
): Promise<IndexPending | null> {
  const batch = await db.highlights.where(':id').above(state.after).limit(size).toArray();
  const titles = await titlesOf(db, batch);
  const rows = batch.map((h) => highlightRow(h, titles.get(h.pageId) ?? ''));
  await db.highlightWords.bulkPut(rows);
  if (state.after === '') collector.table = new TableBuilder();
  for (const row of rows) collector.table?.add({ ...row, createdAt: row.createdAt ?? 0 });
  const last = batch[batch.length - 1];
  if (!last || batch.length < size) return null;
  return { ...state, after: last.id, done: state.done + batch.length };
}

/** Indexes one batch; the state left to do, or null when the index is complete. */
export async function indexStep(
  db: TrailmarkDb,
  size = BATCH_SIZE,
  collector: Collector = { table: null },
): Promise<IndexPending | null> {
  const tables = [db.pages, db.highlights, db.pageWords, db.highlightWords, db.meta];
  return db.transaction('rw', tables, async (tx) => {
    leaveUnlogged(tx.idbtrans);
    const state = await pendingIndex(db);
    if (!state) return null;
    const next =
      state.phase === 'pages'
        ? await indexPages(db, state, size)
        : await indexHighlights(db, state, size, collector);
    if (next) await writeMeta(db, INDEX_PENDING_KEY, next);
    else await db.meta.delete(INDEX_PENDING_KEY);
    if (!next && collector.table) await saveCollectedTable(db, collector.table.finish());
    return next;
  });
}

/** A pause between batches, so the reader's own reads and writes are not queued behind all of it. */
const breathe = () => new Promise((resolve) => setTimeout(resolve, 0));

async function run(db: TrailmarkDb): Promise<void> {
  const collector: Collector = { table: null };
  while (await indexStep(db, BATCH_SIZE, collector)) await breathe();
}

interface LockManagerLike {
  request(name: string, task: () => Promise<void>): Promise<void>;
}

/**
 * One context at a time does the work (pages and the service worker may all try). The others
 * queue rather than give up: the one holding the lock may be a service worker that the browser
 * stops half way, and then the next in line must carry on.
 */
function exclusively(task: () => Promise<void>): Promise<void> {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  return locks ? locks.request('trailmark-search-index', task) : task();
}

let running: Promise<void> | null = null;

/** Finishes a pending index, if any; cheap to call when there is none. */
export function catchUpIndex(db: TrailmarkDb): Promise<void> {
  running ??= exclusively(() => run(db)).finally(() => {
    running = null;
  });
  return running;
}
