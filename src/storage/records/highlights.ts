// Highlights: created, edited and removed in single transactions so a failure leaves nothing
// half-written. Creation is idempotent on the sender's id, so a resent message never duplicates.
import type { HighlightColor, HighlightRecord, Selector } from '../../shared/types';
import type { TrailmarkDb } from '../database/db';
import { NotFoundError } from '../database/errors';
import { findPageByUrl, touchPage } from './pages';
import { assertTagsExist } from './tags';

export interface NewHighlight {
  id: string;
  url: string;
  title: string;
  selectors: Selector[];
  color: HighlightColor;
  tagIds: string[];
  note: string;
}

export interface HighlightPatch {
  color?: HighlightColor | undefined;
  tagIds?: string[] | undefined;
  note?: string | undefined;
}

const quoteOf = (selectors: readonly Selector[]): string =>
  selectors.find((s) => s.type === 'TextQuoteSelector')?.exact ?? '';

const positionOf = (selectors: readonly Selector[]): number =>
  selectors.find((s) => s.type === 'TextPositionSelector')?.start ?? 0;

export async function createHighlight(
  db: TrailmarkDb,
  input: NewHighlight,
  now = Date.now(),
): Promise<HighlightRecord> {
  return db.transaction('rw', [db.pages, db.highlights, db.tags], async () => {
    const existing = await db.highlights.get(input.id);
    if (existing) return existing;
    await assertTagsExist(db, input.tagIds);
    const page = await touchPage(db, input.url, input.title, now);
    const highlight: HighlightRecord = {
      id: input.id,
      pageId: page.id,
      selectors: input.selectors,
      quote: quoteOf(input.selectors),
      color: input.color,
      tagIds: [...new Set(input.tagIds)],
      note: input.note,
      createdAt: now,
      updatedAt: now,
      anchorStatus: 'anchored',
      position: positionOf(input.selectors),
    };
    await db.highlights.add(highlight);
    return highlight;
  });
}

export async function updateHighlight(
  db: TrailmarkDb,
  id: string,
  patch: HighlightPatch,
  now = Date.now(),
): Promise<HighlightRecord> {
  return db.transaction('rw', [db.highlights, db.tags], async () => {
    const existing = await db.highlights.get(id);
    if (!existing) throw new NotFoundError(`no highlight ${id}`);
    if (patch.tagIds) await assertTagsExist(db, patch.tagIds);
    const updated: HighlightRecord = {
      ...existing,
      color: patch.color ?? existing.color,
      tagIds: patch.tagIds ? [...new Set(patch.tagIds)] : existing.tagIds,
      note: patch.note ?? existing.note,
      updatedAt: now,
    };
    await db.highlights.put(updated);
    return updated;
  });
}

/** Removes a highlight and the goal links that point at it. */
export async function deleteHighlight(db: TrailmarkDb, id: string): Promise<boolean> {
  return db.transaction('rw', [db.highlights, db.links], async () => {
    const existing = await db.highlights.get(id);
    if (!existing) return false;
    await db.links.where({ targetId: id }).delete();
    await db.highlights.delete(id);
    return true;
  });
}

/** The page's highlights in page order. */
export const highlightsOfPage = (db: TrailmarkDb, pageId: string): Promise<HighlightRecord[]> =>
  db.highlights
    .where('[pageId+position]')
    .between([pageId, -Infinity], [pageId, Infinity])
    .toArray();

export interface Placement {
  id: string;
  status: 'anchored' | 'orphan';
  position: number;
}

/** Records where the content script placed each highlight of a page, or that it could not. */
export async function recordPlacements(
  db: TrailmarkDb,
  url: string,
  placements: readonly Placement[],
): Promise<number> {
  return db.transaction('rw', [db.pages, db.highlights], async () => {
    const page = await findPageByUrl(db, url);
    if (!page) return 0;
    const stored = await db.highlights.bulkGet(placements.map((p) => p.id));
    const changed: HighlightRecord[] = [];
    placements.forEach((placement, i) => {
      const highlight = stored[i];
      if (!highlight || highlight.pageId !== page.id) return;
      const position = placement.status === 'anchored' ? placement.position : highlight.position;
      if (highlight.anchorStatus === placement.status && highlight.position === position) return;
      changed.push({ ...highlight, anchorStatus: placement.status, position });
    });
    await db.highlights.bulkPut(changed);
    return changed.length;
  });
}
