// Pages: one record per article, keyed by normalised URL. A page is only stored once the reader
// saves something on it.
import type { PageRecord } from '../shared/types';
import { siteOf } from '../shared/url';
import type { TrailmarkDb } from './db';

export const findPageByUrl = (db: TrailmarkDb, url: string): Promise<PageRecord | undefined> =>
  db.pages.where({ url }).first();

export function newPage(url: string, title: string, now: number): PageRecord {
  return {
    id: crypto.randomUUID(),
    url,
    title: title.trim() || url,
    site: siteOf(url),
    firstVisitAt: now,
    lastVisitAt: now,
    readingMs: 0,
    maxScroll: 0,
    status: 'reading',
    tagIds: [],
    tracked: false,
    updatedAt: now,
  };
}

/** The page for this URL, created if needed and marked as visited now; call inside a transaction. */
export async function touchPage(
  db: TrailmarkDb,
  url: string,
  title: string,
  now: number,
): Promise<PageRecord> {
  const existing = await findPageByUrl(db, url);
  if (!existing) {
    const page = newPage(url, title, now);
    await db.pages.add(page);
    return page;
  }
  const visited = {
    ...existing,
    lastVisitAt: now,
    updatedAt: now,
    title: title.trim() || existing.title,
  };
  await db.pages.put(visited);
  return visited;
}
