// A view following the database through a burst of writes (as a sync's batches arrive): it reads
// again far fewer times than there are writes, ends on what is stored, follows a lone change
// again afterwards, and is not handed an answer equal to the one it shows.
import { expect, it } from 'vitest';
import type { PageRecord } from '../../../src/shared/types';
import { followTablesWritten, watch } from '../../../src/storage/database/live';
import { freshDb } from './test-db';

const WRITES = 60;

const page = (i: number): PageRecord => ({
  id: `page-${i}`,
  url: `https://example.com/${i}`,
  title: `Article ${i}`,
  site: 'example.com',
  firstVisitAt: 0,
  lastVisitAt: 0,
  readingMs: 0,
  maxScroll: 0,
  status: 'reading',
  tagIds: [],
  tracked: false,
  updatedAt: 0,
});

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 3000 && !condition(); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (!condition()) throw new Error(`never: ${what}`);
}

const fail = (error: unknown) => {
  throw error;
};

/** Writes pages one transaction each, all queued at once: back to back, like a sync's batches. */
const burst = (db: ReturnType<typeof freshDb>, from: number, count: number) =>
  Promise.all(Array.from({ length: count }, (_, i) => db.pages.add(page(from + i))));

it('reads a burst of writes again far fewer times than it writes, and ends on what is stored', async () => {
  const db = freshDb();
  let reads = 0;
  const shown: number[] = [];
  const stop = watch(
    () => {
      reads += 1;
      return db.pages.count();
    },
    (n) => shown.push(n),
    fail,
  );
  await until(() => shown.length === 1, 'the first answer');
  const before = reads;
  await burst(db, 0, WRITES);
  await until(() => shown.at(-1) === WRITES, `the count to reach ${WRITES}`);
  expect(reads - before).toBeLessThan(WRITES / 3);

  // Once the burst is over, a lone write is followed again.
  await db.pages.add(page(WRITES));
  await until(() => shown.at(-1) === WRITES + 1, 'the lone write to show');
  stop();
});

it('does not hand a view an answer equal to the one it shows', async () => {
  const db = freshDb();
  const shown: number[] = [];
  const stop = watch(
    () => db.tags.count(),
    (n) => shown.push(n),
    fail,
  );
  const pages: number[] = [];
  const stopPages = watch(
    () => db.pages.count(),
    (n) => pages.push(n),
    fail,
  );
  await until(() => shown.length === 1 && pages.length === 1, 'the first answers');
  await burst(db, 0, WRITES);
  await until(() => pages.at(-1) === WRITES, 'the pages to be counted');
  expect(shown).toEqual([0]);
  stop();
  stopPages();
});

it('tells of a burst of writes to a table a few times, the last after the last write', async () => {
  const db = freshDb();
  let told = 0;
  let countWhenTold = -1;
  const forget = followTablesWritten(db, ['pages'], () => {
    told += 1;
    void db.pages.count().then((n) => (countWhenTold = Math.max(countWhenTold, n)));
  });
  await burst(db, 0, WRITES);
  await until(() => countWhenTold === WRITES, 'a call after the last write');
  expect(told).toBeLessThan(WRITES / 3);
  forget();
});
