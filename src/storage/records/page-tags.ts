// New tags asked for by web pages, within an allowance: a page may send the message a reader's
// tag chip sends, so without a bound it could fill the tag list with junk. What was used is kept
// in the database, not in the background's memory, which a stopped worker would forget.
import { PAGE_TAG_ALLOWANCE } from '../../shared/limits';
import type { TagRecord } from '../../shared/types';
import type { TrailmarkDb } from '../database/db';
import { LimitError } from '../database/errors';
import { readMeta, writeMeta } from '../database/meta';
import { ensureTag, existingTag } from './tags';

const LOG_KEY = 'page-tag-log';

/** One tag a web page created: on which page (normalised URL), and when. */
interface Created {
  page: string;
  at: number;
}

/** Throws if another new tag from this page would go over the allowance. */
function assertAllowance(recent: readonly Created[], page: string): void {
  if (recent.length >= PAGE_TAG_ALLOWANCE.total) {
    throw new LimitError('web pages have added too many new tags this hour; add it in the popup');
  }
  if (recent.filter((c) => c.page === page).length >= PAGE_TAG_ALLOWANCE.perPage) {
    throw new LimitError('this page has added too many new tags this hour; add it in the popup');
  }
}

/** Like ensureTag, for a content script on `page`: an existing tag always, a new one if allowed. */
export async function ensureTagFromPage(
  db: TrailmarkDb,
  input: { id: string; name: string },
  page: string,
  now = Date.now(),
): Promise<TagRecord> {
  return db.transaction('rw', [db.tags, db.meta], async () => {
    const existing = await existingTag(db, input);
    if (existing) return existing;
    const since = now - PAGE_TAG_ALLOWANCE.windowMs;
    const log = (await readMeta<Created[]>(db, LOG_KEY)) ?? [];
    const recent = log.filter((c) => c.at > since && c.at <= now);
    assertAllowance(recent, page);
    const tag = await ensureTag(db, input, now);
    await writeMeta(db, LOG_KEY, [...recent, { page, at: now }]);
    return tag;
  });
}
