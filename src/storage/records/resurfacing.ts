// The daily resurfacing queue: highlights whose next look is due, plus a few never seen in
// review (NEW_PER_DAY a day, oldest first, none made today), optionally only a goal's evidence.
// The badge on the toolbar icon shows dueCount().
import {
  answer,
  NEW_PER_DAY,
  type ReviewAnswer,
  type ReviewRecord,
  startOfDay,
} from '../../shared/schedule';
import type { HighlightRecord } from '../../shared/types';
import type { TrailmarkDb } from '../database/db';
import { goalHighlightIds } from '../search/filters';
import { type LibraryRow, rowsOf } from '../search/library';

export interface QueueOptions {
  goalId?: string | null;
}

const SCAN_BATCH = 200;

/** How many new highlights today may still bring in. */
async function newQuota(db: TrailmarkDb, now: number): Promise<number> {
  const today = startOfDay(now);
  const introduced = await db.reviews
    .where('dueAt')
    .above(today)
    .filter((r) => r.firstReviewedAt >= today)
    .count();
  return Math.max(0, NEW_PER_DAY - introduced);
}

/** Never-reviewed highlights made before today, oldest first, at most `limit`. */
async function unseen(
  db: TrailmarkDb,
  now: number,
  limit: number,
  within: ReadonlySet<string> | null,
): Promise<string[]> {
  if (limit === 0) return [];
  const before = startOfDay(now);
  const found: string[] = [];
  for (let offset = 0; found.length < limit; offset += SCAN_BATCH) {
    const batch: HighlightRecord[] = await db.highlights
      .where('createdAt')
      .below(before)
      .offset(offset)
      .limit(SCAN_BATCH)
      .toArray();
    if (batch.length === 0) break;
    const candidates = within ? batch.filter((h) => within.has(h.id)) : batch;
    const reviews = await db.reviews.bulkGet(candidates.map((h) => h.id));
    candidates.forEach((h, i) => {
      if (!reviews[i] && found.length < limit) found.push(h.id);
    });
  }
  return found;
}

async function dueIds(db: TrailmarkDb, now: number, within: ReadonlySet<string> | null) {
  const due = await db.reviews.where('dueAt').belowOrEqual(now).primaryKeys();
  return within ? due.filter((id) => within.has(id)) : due;
}

async function queueIds(db: TrailmarkDb, now: number, goalId: string | null) {
  const within = goalId ? await goalHighlightIds(db, goalId) : null;
  const due = await dueIds(db, now, within);
  const fresh = await unseen(db, now, await newQuota(db, now), within);
  return [...due, ...fresh];
}

export interface ReviewQueue {
  rows: LibraryRow[];
  /** How many of the rows have never been reviewed. */
  fresh: number;
}

/**
 * Today's queue: due highlights first, then the new ones. Read without one enclosing
 * transaction: a review answered between two of its reads only moves a row a day.
 */
export async function reviewQueue(
  db: TrailmarkDb,
  now: number,
  { goalId = null }: QueueOptions = {},
): Promise<LibraryRow[]> {
  const ids = await queueIds(db, now, goalId);
  return rowsOf(db, ids);
}

/** How many highlights are waiting today, for the toolbar badge. */
export async function dueCount(db: TrailmarkDb, now: number): Promise<number> {
  return (await queueIds(db, now, null)).length;
}

/** Records the reader's answer and schedules the next look. */
export async function answerReview(
  db: TrailmarkDb,
  highlightId: string,
  reply: ReviewAnswer,
  now = Date.now(),
): Promise<ReviewRecord> {
  return db.transaction('rw', [db.reviews, db.highlights], async () => {
    const previous = await db.reviews.get(highlightId);
    const next = answer(highlightId, previous, reply, now);
    await db.reviews.put(next);
    return next;
  });
}
