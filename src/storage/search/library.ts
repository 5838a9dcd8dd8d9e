// The library as the review page lists it: highlights newest first, each with its page, read a
// window at a time so that a list of 100 000 highlights costs only the rows on screen.
import type { HighlightRecord, LinkRecord, PageRecord } from '../../shared/types';
import type { ReviewRecord } from '../../shared/schedule';
import type { TrailmarkDb } from '../database/db';
import { deleteHighlight } from '../records/highlights';

export interface LibraryRow {
  highlight: HighlightRecord;
  /** Undefined only if the store is inconsistent. */
  page: PageRecord | undefined;
}

async function withPages(db: TrailmarkDb, highlights: HighlightRecord[]): Promise<LibraryRow[]> {
  const pageIds = [...new Set(highlights.map((h) => h.pageId))];
  const pages = await db.pages.bulkGet(pageIds);
  const byId = new Map(pageIds.map((id, i) => [id, pages[i]]));
  return highlights.map((highlight) => ({ highlight, page: byId.get(highlight.pageId) }));
}

/** How many rows the list has: the filtered ids, or every highlight. */
export const libraryCount = async (db: TrailmarkDb, ids: readonly string[] | null) =>
  ids ? ids.length : db.highlights.count();

/** The rows of the given ids, in their order; call inside a transaction over highlights and pages. */
export async function rowsOf(db: TrailmarkDb, ids: readonly string[]): Promise<LibraryRow[]> {
  const found = await db.highlights.bulkGet([...ids]);
  return withPages(
    db,
    found.filter((h): h is HighlightRecord => h !== undefined),
  );
}

/** Rows `start` to `start + count` of the list: of the filtered ids, or of all, newest first. */
export async function libraryWindow(
  db: TrailmarkDb,
  ids: readonly string[] | null,
  start: number,
  count: number,
): Promise<LibraryRow[]> {
  return db.transaction('r', [db.highlights, db.pages], async () => {
    if (ids) return rowsOf(db, ids.slice(start, start + count));
    const highlights = await db.highlights
      .orderBy('createdAt')
      .reverse()
      .offset(start)
      .limit(count)
      .toArray();
    return withPages(db, highlights);
  });
}

/** One highlight's row, read by its id wherever it is in the list; null once it is deleted. */
export const libraryRowOf = (db: TrailmarkDb, id: string): Promise<LibraryRow | null> =>
  db.transaction('r', [db.highlights, db.pages], async () => (await rowsOf(db, [id]))[0] ?? null);

/**
 * Where a highlight is in the list: in the filtered ids, or among all, newest first (ties in
 * creation time go by id, descending, as the list's reversed index walk has them); -1 if absent.
 */
export async function libraryPosition(
  db: TrailmarkDb,
  ids: readonly string[] | null,
  id: string,
): Promise<number> {
  if (ids) return ids.indexOf(id);
  return db.transaction('r', db.highlights, async () => {
    const highlight = await db.highlights.get(id);
    if (!highlight) return -1;
    const newer = await db.highlights.where('createdAt').above(highlight.createdAt).count();
    const tied = await db.highlights.where('createdAt').equals(highlight.createdAt).primaryKeys();
    return newer + tied.filter((key) => String(key) > id).length;
  });
}

/** What a deleted highlight took with it, so that "undo" can put everything back. */
export interface Removed {
  highlight: HighlightRecord;
  links: LinkRecord[];
  review: ReviewRecord | undefined;
}

export async function removeHighlight(db: TrailmarkDb, id: string): Promise<Removed | null> {
  return db.transaction('rw', [db.highlights, db.links, db.reviews], async () => {
    const highlight = await db.highlights.get(id);
    if (!highlight) return null;
    const links = await db.links.where({ targetId: id }).toArray();
    const review = await db.reviews.get(id);
    await deleteHighlight(db, id);
    return { highlight, links, review };
  });
}

export async function restoreHighlight(db: TrailmarkDb, removed: Removed): Promise<void> {
  await db.transaction('rw', [db.highlights, db.links, db.reviews, db.pages], async () => {
    await db.highlights.put(removed.highlight);
    await db.links.bulkPut(removed.links);
    if (removed.review) await db.reviews.put(removed.review);
  });
}
