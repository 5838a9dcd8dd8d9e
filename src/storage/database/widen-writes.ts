// Middlewares that keep tables of their own in step with the records (the search index, the sync
// outbox) write them in the same transaction as the change: every read-write transaction is
// widened to take those tables in, so a change and its bookkeeping commit or fail together.
import type { DBCore } from 'dexie';

/** The names of the tables the schema under a middleware has. */
export const tableNames = (down: DBCore): ReadonlySet<string> =>
  new Set(down.schema.tables.map((table) => table.name));

/** Opens transactions as `down` does, each read-write scope widened by `widen`. */
export const widenWrites =
  (down: DBCore, widen: (stores: string[]) => string[]): DBCore['transaction'] =>
  (stores, mode, options) =>
    down.transaction(mode === 'readwrite' ? widen(stores) : stores, mode, options);
