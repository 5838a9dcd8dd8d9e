// Everything the popup shows about one page, read in one transaction through indexes only (the
// page by URL, its highlights by [pageId+position], its links by pageId), so the popup's first
// render costs the same on a library of 100 000 highlights as on an empty one.
import type { HighlightRecord, LinkRecord, PageRecord, TagRecord } from '../../shared/types';
import type { TrailmarkDb } from '../database/db';
import { highlightsOfPage } from './highlights';
import { linksOfPage } from './links';
import { findPageByUrl } from './pages';
import { listTags } from './tags';

export interface PopupPage {
  page: PageRecord | null;
  /** Placed (or not yet tried) highlights, in page order. */
  highlights: HighlightRecord[];
  /** Highlights the content script could not find on the page the last time it looked. */
  orphans: HighlightRecord[];
  links: LinkRecord[];
  tags: TagRecord[];
}

export async function popupPage(db: TrailmarkDb, normalizedUrl: string): Promise<PopupPage> {
  return db.transaction('r', [db.pages, db.highlights, db.links, db.tags], async () => {
    const page = (await findPageByUrl(db, normalizedUrl)) ?? null;
    const [all, links, tags] = await Promise.all([
      page ? highlightsOfPage(db, page.id) : [],
      page ? linksOfPage(db, page.id) : [],
      listTags(db),
    ]);
    return {
      page,
      highlights: all.filter((h) => h.anchorStatus !== 'orphan'),
      orphans: all.filter((h) => h.anchorStatus === 'orphan'),
      links,
      tags,
    };
  });
}
