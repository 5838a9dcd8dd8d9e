// Which server database this device syncs with, and how far it has read that database's changes.
// Pointing sync at another database (or the first one) queues the whole library for it and reads
// its changes from the start.
import type { TrailmarkDb } from '../database/db';
import { readMeta } from '../database/meta';
import { syncWriteTables } from './sync-write-tables';
import { queueEveryRecord } from './queue-all';

const TARGET_KEY = 'sync:target';
const SINCE_KEY = 'sync:since';

interface Since {
  target: string;
  since: string;
}

/** Makes `target` the database this device syncs with; returns the change feed position. */
export async function enterTarget(db: TrailmarkDb, target: string): Promise<string> {
  if ((await readMeta<string>(db, TARGET_KEY)) === target) {
    const since = await readMeta<Since>(db, SINCE_KEY);
    return since?.target === target ? since.since : '0';
  }
  await db.transaction('rw', syncWriteTables(db), async (tx) => {
    await queueEveryRecord(tx);
    // Revisions and waiting documents belong to the database they came from.
    await db.syncClocks.toCollection().modify((row) => {
      delete row.rev;
      delete row.tagBase;
    });
    await db.syncParked.clear();
    await db.meta.bulkPut([
      { key: TARGET_KEY, value: target },
      { key: SINCE_KEY, value: { target, since: '0' } },
    ]);
  });
  return '0';
}

/** The meta record that, written with a batch, says the batch up to `since` is applied. */
export const sinceCheckpoint = (target: string, since: string) => ({
  key: SINCE_KEY,
  value: { target, since } satisfies Since,
});

/** Reads the target's changes from the start again (the server lost its checkpoint). */
export const restartFeed = (db: TrailmarkDb, target: string) =>
  db.meta.put(sinceCheckpoint(target, '0'));

/** Forgets the server revisions of these records: the server no longer has them. */
export async function forgetRevisions(db: TrailmarkDb, keys: readonly string[]): Promise<void> {
  await db.transaction('rw', db.syncClocks, async () => {
    const rows = await db.syncClocks.bulkGet([...keys]);
    await db.syncClocks.bulkPut(
      rows.flatMap((row) => {
        if (!row) return [];
        const { rev: _rev, ...rest } = row;
        return [rest];
      }),
    );
  });
}
