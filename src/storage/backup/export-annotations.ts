// Every highlight as W3C Web Annotation JSON-LD (one AnnotationCollection), a batch at a time.
// Only highlights of http(s) pages: an annotation's target is a link other tools will follow.
import { isWebUrl } from '../../shared/url';
import { collectionStart, COLLECTION_END, toAnnotation } from '../../shared/web-annotation';
import { forEachBatchReadAhead } from '../database/batches';
import type { TrailmarkDb } from '../database/db';

export async function exportAnnotations(
  db: TrailmarkDb,
  {
    now = Date.now(),
    onProgress,
  }: { now?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<string[]> {
  return db.transaction('r', [db.highlights, db.pages, db.tags], async () => {
    const names = new Map((await db.tags.toArray()).map((t) => [t.id, t.name]));
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
