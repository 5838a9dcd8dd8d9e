// Pages: one record per article, keyed by normalised URL. A page is only stored once the reader
// saves something on it.
import type { PageRecord } from '../../shared/types';
import { siteOf } from '../../shared/url';
import type { TrailmarkDb } from '../database/db';

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

export interface ReadingReport {
  url: string;
  title: string;
  activeMs: number;
  maxScroll: number;
}

/**
 * Adds active reading time to a page the reader has saved something on (a highlight, a tag, or
 * "track this page"); pages without a record are not recorded at all.
 */
export async function recordReading(
  db: TrailmarkDb,
  report: ReadingReport,
  now = Date.now(),
): Promise<boolean> {
  return db.transaction('rw', [db.pages, db.highlights], async () => {
    const page = await findPageByUrl(db, report.url);
    if (!page || !(await isSavedPage(db, page))) return false;
    await db.pages.put({
      ...page,
      readingMs: page.readingMs + report.activeMs,
      maxScroll: Math.max(page.maxScroll, report.maxScroll),
      lastVisitAt: now,
      updatedAt: now,
    });
    return true;
  });
}

async function isSavedPage(db: TrailmarkDb, page: PageRecord): Promise<boolean> {
  if (page.tracked || page.tagIds.length > 0) return true;
  return (await db.highlights.where({ pageId: page.id }).count()) > 0;
}
