// A page as the content script and the popup see it: the record, if any, and its highlights in
// page order.
import type { HighlightRecord, PageRecord } from '../../shared/types';
import type { TrailmarkDb } from '../database/db';
import { highlightsOfPage } from './highlights';
import { findPageByUrl } from './pages';

export interface PageView {
  page: PageRecord | null;
  highlights: HighlightRecord[];
}

export async function pageView(db: TrailmarkDb, normalizedUrl: string): Promise<PageView> {
  return db.transaction('r', [db.pages, db.highlights], async () => {
    const page = (await findPageByUrl(db, normalizedUrl)) ?? null;
    return { page, highlights: page ? await highlightsOfPage(db, page.id) : [] };
  });
}
