// Highlights: created, edited and removed in single transactions so a failure leaves nothing
// half-written. Creation is idempotent on the sender's id, so a resent message never duplicates.
import type { HighlightColor, HighlightRecord, Selector } from '../../shared/types';
import type { TrailmarkDb } from '../database/db';
import { ForeignRecordError, NotFoundError } from '../database/errors';
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

/**
 * Where a write may happen: `onPage`, an origin, confines it to highlights of that origin's
 * pages (a content script speaks only for its own site); without it any highlight is fair.
 */
export interface Confinement {
  onPage?: string | undefined;
}

const originOf = (url: string | undefined): string | null => {
  try {
    return url === undefined ? null : new URL(url).origin;
  } catch {
    return null;
  }
};

/** Throws unless the highlight lies on a page of `origin`; call inside the writing transaction. */
async function assertOnPage(
  db: TrailmarkDb,
  highlight: HighlightRecord,
  origin: string | undefined,
): Promise<void> {
  if (origin === undefined) return;
  const page = await db.pages.get(highlight.pageId);
  if (originOf(page?.url) !== origin) {
    throw new ForeignRecordError(`highlight ${highlight.id} belongs to another page`);
  }
}

export async function createHighlight(
  db: TrailmarkDb,
  input: NewHighlight,
  now = Date.now(),
): Promise<HighlightRecord> {
  return db.transaction('rw', [db.pages, db.highlights, db.tags], async () => {
    const existing = await db.highlights.get(input.id);
    // A resent creation gets its highlight back; the same id on another page is no resend.
    if (existing) {
      await assertOnPage(db, existing, originOf(input.url) ?? '');
      return existing;
    }
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
  { onPage }: Confinement = {},
): Promise<HighlightRecord> {
  const pages = onPage === undefined ? [] : [db.pages];
  return db.transaction('rw', [...pages, db.highlights, db.tags], async () => {
    const existing = await db.highlights.get(id);
    if (!existing) throw new NotFoundError(`no highlight ${id}`);
    await assertOnPage(db, existing, onPage);
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
export async function deleteHighlight(
  db: TrailmarkDb,
  id: string,
  { onPage }: Confinement = {},
): Promise<boolean> {
  const pages = onPage === undefined ? [] : [db.pages];
  return db.transaction('rw', [...pages, db.highlights, db.links], async () => {
    const existing = await db.highlights.get(id);
    if (!existing) return false;
    await assertOnPage(db, existing, onPage);
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
