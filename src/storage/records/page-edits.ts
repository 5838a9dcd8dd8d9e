// What the reader changes about a page from the popup: its status, its tags and whether its
// reading time is tracked. A page is stored only once the reader saves something on it, so the
// first edit of an unknown page creates its record.
import type { PageRecord, PageStatus } from '../../shared/types';
import type { TrailmarkDb } from '../database/db';
import { findPageByUrl, newPage } from './pages';
import { assertTagsExist } from './tags';

export interface PageAddress {
  /** Normalised URL (see shared/url.ts). */
  url: string;
  title: string;
}

/** The page for this URL, created if there is none yet; call inside a transaction. */
export async function ensurePage(
  db: TrailmarkDb,
  address: PageAddress,
  now: number,
): Promise<PageRecord> {
  const existing = await findPageByUrl(db, address.url);
  if (existing) return existing;
  const page = newPage(address.url, address.title, now);
  await db.pages.add(page);
  return page;
}

async function editPage(
  db: TrailmarkDb,
  address: PageAddress,
  change: (page: PageRecord) => Partial<PageRecord>,
  now: number,
): Promise<PageRecord> {
  return db.transaction('rw', [db.pages, db.tags], async () => {
    const page = await ensurePage(db, address, now);
    const updated = { ...page, ...change(page), updatedAt: now };
    await db.pages.put(updated);
    return updated;
  });
}

export const setPageStatus = (
  db: TrailmarkDb,
  address: PageAddress,
  status: PageStatus,
  now = Date.now(),
): Promise<PageRecord> => editPage(db, address, () => ({ status }), now);

export const setPageTracked = (
  db: TrailmarkDb,
  address: PageAddress,
  tracked: boolean,
  now = Date.now(),
): Promise<PageRecord> => editPage(db, address, () => ({ tracked }), now);

/** Adds or removes one tag, keeping the others as they are now (not as the caller last saw them). */
export async function setPageTag(
  db: TrailmarkDb,
  address: PageAddress,
  tagId: string,
  on: boolean,
  now = Date.now(),
): Promise<PageRecord> {
  return db.transaction('rw', [db.pages, db.tags], async () => {
    await assertTagsExist(db, [tagId]);
    return editPage(db, address, (page) => ({ tagIds: toggled(page.tagIds, tagId, on) }), now);
  });
}

/** A tag list with one tag switched on or off, order kept. */
export function toggled(tagIds: readonly string[], tagId: string, on: boolean): string[] {
  const without = tagIds.filter((id) => id !== tagId);
  return on ? [...without, tagId] : without;
}
