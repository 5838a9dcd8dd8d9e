import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addDays,
  answer,
  badgeText,
  NEW_PER_DAY,
  NEVER,
  startOfDay,
} from '../../../src/shared/schedule';
import type { HighlightRecord } from '../../../src/shared/types';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { answerReview, dueCount, reviewQueue } from '../../../src/storage/records/resurfacing';
import { fillLibrary, T0 } from '../export/library-fixture';
import { freshDb } from '../storage/test-db';

process.env.TZ = 'UTC';
const DAY = 24 * 3600e3;
const NOW = T0 + 5 * DAY;

describe('answer', () => {
  it('brings a highlight back later and later while the answer is "good"', () => {
    let review = answer('h', undefined, 'good', NOW);
    const gaps = [review.intervalDays];
    for (let i = 0; i < 4; i += 1) {
      review = answer('h', review, 'good', review.dueAt);
      gaps.push(review.intervalDays);
    }
    expect(gaps).toEqual([1, 3, 8, 20, 50]);
    expect(review.firstReviewedAt).toBe(NOW);
    expect(review.dueAt).toBe(addDays(review.lastReviewedAt, 50));
  });

  it('"again" brings it back tomorrow and slows its growth; "done" retires it', () => {
    const good = answer('h', answer('h', undefined, 'good', NOW), 'good', NOW + DAY);
    const again = answer('h', good, 'again', NOW + 2 * DAY);
    expect(again).toMatchObject({ intervalDays: 1, reps: 0, ease: 2.3, done: false });
    expect(again.dueAt).toBe(startOfDay(NOW + 3 * DAY));
    const done = answer('h', again, 'done', NOW + 3 * DAY);
    expect(done).toMatchObject({ done: true, dueAt: NEVER });
  });

  it('never lets the ease fall below its floor', () => {
    let review = answer('h', undefined, 'again', NOW);
    for (let i = 0; i < 10; i += 1) review = answer('h', review, 'again', NOW);
    expect(review.ease).toBeCloseTo(1.3);
  });

  it('says nothing on the badge at zero and caps it', () => {
    expect([badgeText(0), badgeText(7), badgeText(250)]).toEqual(['', '7', '99+']);
  });
});

describe('the daily queue', () => {
  let db: TrailmarkDb;
  beforeEach(async () => {
    db = freshDb();
    await fillLibrary(db);
  });
  afterEach(() => db.delete());

  const queue = async (now: number, goalId: string | null = null) =>
    (await reviewQueue(db, now, { goalId })).map((r) => r.highlight.id);

  it('holds due highlights first, then never-reviewed ones made before today', async () => {
    expect(await queue(T0 + 6 * DAY)).toEqual(['h-lead', 'h-solver', 'h-packet']);
    expect(await queue(T0 + 5 * DAY)).toEqual(['h-solver', 'h-packet']);
    expect(await queue(T0)).toEqual([]);
    expect(await dueCount(db, T0 + 6 * DAY)).toBe(3);
  });

  it('leaves the queue once answered, and comes back when due', async () => {
    const now = T0 + 6 * DAY;
    await answerReview(db, 'h-lead', 'good', now);
    await answerReview(db, 'h-solver', 'done', now);
    expect(await queue(now)).toEqual(['h-packet']);
    const lead = await db.reviews.get('h-lead');
    expect(await queue(lead?.dueAt ?? 0)).toContain('h-lead');
    expect(await queue(lead?.dueAt ?? 0)).not.toContain('h-solver');
  });

  it('can be limited to one goal’s evidence', async () => {
    expect(await queue(T0 + 6 * DAY, 'goal-staff')).toEqual(['h-solver', 'h-packet']);
  });

  it(`brings in at most ${NEW_PER_DAY} new highlights a day`, async () => {
    const pageId = 'page-packet';
    const base = (await db.highlights.get('h-packet')) as HighlightRecord;
    await db.highlights.bulkPut(
      Array.from({ length: 30 }, (_, i) => ({ ...base, id: `n${i}`, pageId, createdAt: T0 + i })),
    );
    const now = T0 + 6 * DAY;
    const first = await queue(now);
    // The new ones are the oldest never-reviewed highlights; h-lead is due on top of them.
    expect(first).toEqual(['h-lead', ...Array.from({ length: NEW_PER_DAY }, (_, i) => `n${i}`)]);
    for (const id of first) await answerReview(db, id, 'good', now);
    expect(await queue(now)).toEqual([]);
    expect((await queue(addDays(now, 1))).length).toBeGreaterThan(0);
  });
});
