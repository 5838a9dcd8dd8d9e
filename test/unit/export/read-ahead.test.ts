// The exports read a table a batch ahead of the work on the batch before; every record must
// still come exactly once, in id order, whether or not the table fills its last batch.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GoalRecord } from '../../../src/shared/types';
import { forEachBatchReadAhead } from '../../../src/storage/database/batches';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { freshDb } from '../storage/test-db';

const goal = (n: number): GoalRecord => ({
  id: `goal-${String(n).padStart(3, '0')}`,
  title: `Goal ${n}`,
  why: '',
  targetDate: null,
  status: 'active',
  targetMix: null,
  createdAt: n,
  updatedAt: n,
});

let db: TrailmarkDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.delete());

async function visitedIds(size: number): Promise<{ ids: string[]; batches: number[] }> {
  const ids: string[] = [];
  const batches: number[] = [];
  await db.transaction('r', db.goals, () =>
    forEachBatchReadAhead(
      db.goals,
      async (batch) => {
        batches.push(batch.length);
        // A visitor that waits lets the batch in flight land first.
        await Promise.resolve();
        ids.push(...batch.map((g) => g.id));
      },
      size,
    ),
  );
  return { ids, batches };
}

describe('forEachBatchReadAhead', () => {
  it('visits every record once in id order when the last batch is short', async () => {
    await db.goals.bulkPut(Array.from({ length: 23 }, (_, i) => goal(22 - i)));
    const { ids, batches } = await visitedIds(5);
    expect(ids).toEqual(Array.from({ length: 23 }, (_, i) => goal(i).id));
    expect(batches).toEqual([5, 5, 5, 5, 3]);
  });

  it('stops after a full last batch without a visit of nothing', async () => {
    await db.goals.bulkPut(Array.from({ length: 10 }, (_, i) => goal(i)));
    const { ids, batches } = await visitedIds(5);
    expect(ids).toHaveLength(10);
    expect(batches).toEqual([5, 5]);
  });

  it('visits nothing in an empty table', async () => {
    expect(await visitedIds(5)).toEqual({ ids: [], batches: [] });
  });

  it('passes on what the visitor throws', async () => {
    await db.goals.bulkPut(Array.from({ length: 12 }, (_, i) => goal(i)));
    const failing = db.transaction('r', db.goals, () =>
      forEachBatchReadAhead(
        db.goals,
        () => {
          throw new Error('visitor failed');
        },
        5,
      ),
    );
    await expect(failing).rejects.toThrow('visitor failed');
  });
});
