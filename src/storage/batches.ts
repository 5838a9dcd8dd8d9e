// Walking a whole table a batch at a time, in primary-key order: export, the index upgrade and
// the bench read 100 000 records without ever holding them all.
import type { Table } from 'dexie';

export const BATCH_SIZE = 2000;

/** Calls `visit` with successive batches of a table's records until the table is exhausted. */
export async function forEachBatch<T extends { id: string }, I>(
  table: Table<T, string, I>,
  visit: (batch: T[]) => Promise<void> | void,
  size = BATCH_SIZE,
): Promise<void> {
  let batch = await table.orderBy(':id').limit(size).toArray();
  while (batch.length > 0) {
    await visit(batch);
    if (batch.length < size) return;
    const lastId = batch[batch.length - 1]?.id ?? '';
    batch = await table.where(':id').above(lastId).limit(size).toArray();
  }
}
