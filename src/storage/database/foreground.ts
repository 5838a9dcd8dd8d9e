// Reads a reader is waiting on go first: the review page's background reads (filling the page
// cache, building the word table) hold their next step while a search is being answered, since
// IndexedDB serves one request at a time and a search queued behind them would wait.
import type { Table } from 'dexie';
import { forEachBatch } from './batches';

let running = 0;
let waiters: (() => void)[] = [];

/** Runs work the reader is waiting on, keeping background steps back until it is done. */
export async function foreground<T>(work: () => Promise<T>): Promise<T> {
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    if (running === 0) {
      const ready = waiters;
      waiters = [];
      for (const resolve of ready) resolve();
    }
  }
}

/** Resolves once no foreground work is running: a background step awaits it before each read. */
export const backgroundTurn = (): Promise<void> =>
  running === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Reads a whole table in background steps of `size` records, in id order: each step waits for
 * foreground work, and leaves the event loop free after it. Stops as soon as `stillWanted()` is
 * false; returns whether every batch was visited while wanted.
 */
export async function readInBackground<T extends { id: string }, I>(
  table: Table<T, string, I>,
  size: number,
  visit: (batch: T[]) => Promise<void> | void,
  stillWanted: () => boolean,
): Promise<boolean> {
  let wanted = true;
  await backgroundTurn();
  await forEachBatch(
    table,
    async (batch) => {
      wanted = stillWanted();
      if (!wanted) return false;
      await visit(batch);
      await nextTask();
      await backgroundTurn();
      return true;
    },
    size,
  );
  return wanted && stillWanted();
}
