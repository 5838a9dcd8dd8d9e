// The whole library as the review page lists it: pages newest first, each with its highlights.
import type { HighlightRecord, PageRecord } from '../shared/types';
import type { TrailmarkDb } from './db';

export interface LibraryEntry {
  page: PageRecord;
  highlights: HighlightRecord[];
}

export async function libraryByPage(db: TrailmarkDb): Promise<LibraryEntry[]> {
  return db.transaction('r', [db.pages, db.highlights], async () => {
    const pages = await db.pages.orderBy('lastVisitAt').reverse().toArray();
    const highlights = await db.highlights.orderBy('createdAt').toArray();
    const byPage = new Map<string, HighlightRecord[]>();
    for (const h of highlights) byPage.set(h.pageId, [...(byPage.get(h.pageId) ?? []), h]);
    return pages.map((page) => ({ page, highlights: byPage.get(page.id) ?? [] }));
  });
}
