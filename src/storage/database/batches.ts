// Walking a whole table a batch at a time, in primary-key order: export, the index upgrade and
// the bench read 100 000 records without ever holding them all.
import type { Table } from 'dexie';

export const BATCH_SIZE = 2000;

/**
 * Exports read bigger batches: each round trip to IndexedDB costs a wait, and an export holds
 * its output anyway, so a few thousand records more in flight change little.
 */
export const EXPORT_BATCH_SIZE = 5000;

const batchAfter = <T extends { id: string }, I>(
  table: Table<T, string, I>,
  lastId: string,
  size: number,
) => table.where(':id').above(lastId).limit(size).toArray();

/**
 * Calls `visit` with successive batches of a table's records until the table is exhausted, or
 * until `visit` returns false.
 */
export async function forEachBatch<T extends { id: string }, I>(
  table: Table<T, string, I>,
  visit: (batch: T[]) => unknown,
  size = BATCH_SIZE,
): Promise<void> {
  let batch = await table.orderBy(':id').limit(size).toArray();
  while (batch.length > 0) {
    if ((await visit(batch)) === false) return;
    if (batch.length < size) return;
    batch = await batchAfter(table, batch[batch.length - 1]?.id ?? '', size);
  }
}

/**
 * Like forEachBatch, but asks for the next batch before visiting this one, so IndexedDB reads
 * and clones it while the visitor works. For readers only: a visitor that wrote to `table`
 * could be missed by the batch already in flight.
 */
export async function forEachBatchReadAhead<T extends { id: string }, I>(
  table: Table<T, string, I>,
  visit: (batch: T[]) => Promise<void> | void,
  size = EXPORT_BATCH_SIZE,
): Promise<void> {
  let batch = await table.orderBy(':id').limit(size).toArray();
  while (batch.length > 0) {
    const lastId = batch[batch.length - 1]?.id ?? '';
    const next = batch.length < size ? null : batchAfter(table, lastId, size);
    // If the visitor throws, the read in flight must not surface as an unhandled rejection.
    next?.catch(() => undefined);
    await visit(batch);
    batch = next ? await next : [];
  }
}
