// The tables a transaction that changes what syncs must hold: every synced record table and the
// sync's own bookkeeping (clocks, waiting records, the outbox, checkpoints). Applying a remote
// batch and switching the sync target both write all of them at once.
import { SYNC_TABLES } from '../../shared/sync/sync-body';
import type { TrailmarkDb } from '../database/db';

export const syncWriteTables = (db: TrailmarkDb) => [
  ...SYNC_TABLES.map((t) => db[t]),
  db.syncClocks,
  db.syncParked,
  db.outbox,
  db.meta,
];
