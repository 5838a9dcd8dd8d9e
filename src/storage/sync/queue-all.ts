// Queues every record for the server: after the upgrade that brought sync, and when the reader
// points sync at a database this device has not filled (a new one, or another one).
import type { Table, Transaction } from 'dexie';
import { forEachBatch } from '../database/batches';
import { SYNC_TABLES, TABLE_RANK } from '../../shared/sync/sync-body';
import { legacyHlc } from '../../shared/sync/hlc';
import { OUTBOX, type OutboxRow } from './sync-rows';
import { type AnyRecord, localKey } from './wire';
import { isSeededBuiltIn } from './seeded';

type Tables = Pick<Transaction, 'table'>;

export async function queueEveryRecord(tx: Tables): Promise<void> {
  const urls = new Map<string, string>();
  await forEachBatch(tx.table('pages') as Table<AnyRecord, string>, (pages) => {
    for (const page of pages) urls.set(page.id, String(page.url));
  });
  const refs = { pageUrl: (id: string) => urls.get(id), tagKey: () => undefined };
  const outbox = tx.table(OUTBOX) as Table<OutboxRow, string>;
  for (const table of SYNC_TABLES) {
    await forEachBatch(tx.table(table) as Table<AnyRecord, string>, async (batch) => {
      await outbox.bulkPut(
        batch.flatMap((record) =>
          isSeededBuiltIn(table, record)
            ? []
            : [
                {
                  key: localKey(table, record, refs),
                  rank: TABLE_RANK[table],
                  stamp: legacyHlc(0),
                },
              ],
        ),
      );
    });
  }
}
