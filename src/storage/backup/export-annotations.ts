// Every highlight as W3C Web Annotation JSON-LD (one AnnotationCollection), a batch at a time.
// Only highlights of http(s) pages: an annotation's target is a link other tools will follow.
// A tag the reader marked private is not written as a tagging body: it never leaves in an export.
// Goals, their check-ins and questions for the talk are not annotations of a page (the model has
// no place for a reader's own plans), so they travel only in the JSON backup and the 1:1 brief.
import { isWebUrl } from '../../shared/url';
import { collectionStart, COLLECTION_END, toAnnotation } from '../../shared/web-annotation';
import { forEachBatchReadAhead } from '../database/batches';
import type { TrailmarkDb } from '../database/db';
import { publicTagNames } from '../records/tags';

export async function exportAnnotations(
  db: TrailmarkDb,
  {
    now = Date.now(),
    onProgress,
  }: { now?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<string[]> {
  return db.transaction('r', [db.highlights, db.pages, db.tags], async () => {
    const names = await publicTagNames(db);
    const total = await db.highlights.count();
    // Pages are few next to highlights: read once, so that each batch is turned into text while
    // the next one is being read.
    const pages = new Map((await db.pages.toArray()).map((page) => [page.id, page]));
    const parts = [collectionStart(total, now)];
    let done = 0;
    let written = 0;
    await forEachBatchReadAhead(db.highlights, (batch) => {
      const items = batch.flatMap((h) => {
        const page = pages.get(h.pageId);
        return page && isWebUrl(page.url) ? [JSON.stringify(toAnnotation(h, page, names))] : [];
      });
      if (items.length > 0) parts.push((written === 0 ? '\n' : ',\n') + items.join(',\n'));
      written += items.length;
      done += batch.length;
      onProgress?.(done, total);
    });
    parts.push(COLLECTION_END);
    return parts;
  });
}

export const annotationsFileName = (now: number): string =>
  `trailmark-annotations-${new Date(now).toISOString().slice(0, 10)}.jsonld`;
