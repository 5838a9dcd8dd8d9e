// Which highlights' search rows changed since the word table was last saved (word-table-store.ts),
// so that the review page can bring a saved table up to date by reading those rows alone instead
// of all 100 000. Kept by the search-index middleware under every write of a search row, in the
// same transaction, so no write can slip past it; past a few thousand ids it gives up (null) and
// the table is built again from scratch, as after an import.
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
} from 'dexie';

export const WORD_LOG_KEY = 'wordLog';
const META = 'meta';
/** More changed ids than this, and reading them would cost about what a rebuild does. */
export const WORD_LOG_MAX = 2000;

export interface WordLog {
  /** Names the saved table this log counts from; a new one each time a table is saved. */
  epoch: string;
  /** Highlight ids whose search rows were written or deleted since; null once too many. */
  ids: string[] | null;
}

/** Where a log stood: a saved table is current only if the log has not moved since. */
export const logMark = (log: WordLog | null): string =>
  log ? `${log.epoch}:${log.ids?.length ?? 'full'}` : 'none';

function appended(log: WordLog | null, ids: readonly string[] | null): WordLog {
  const epoch = log?.epoch ?? crypto.randomUUID();
  const before = log ? log.ids : [];
  if (before === null || ids === null) return { epoch, ids: null };
  const all = [...before, ...ids];
  return { epoch, ids: all.length > WORD_LOG_MAX ? null : all };
}

/**
 * Transactions whose search-row writes are not logged: the index catch-up after an import, which
 * rewrites every row and collects the table as it goes. The import restarted the log, so no saved
 * table counts on it until the catch-up (or a visit) saves one.
 */
const unlogged = new WeakSet<object>();

/** Lets this transaction's (Dexie's `tx.idbtrans`) search-row writes go unlogged. */
export function leaveUnlogged(trans: object): void {
  unlogged.add(trans);
}

/** A log no saved table counts from: after it, only a table built afresh is trusted. */
export const freshLog = (): WordLog => ({ epoch: crypto.randomUUID(), ids: [] });

/** Appends of one transaction run one after another: two at once would each lose the other's. */
const queues = new WeakMap<object, Promise<void>>();

/** Upgrades of versions before the meta table existed write search rows too; they go unlogged. */
const coversMeta = (trans: DBCoreTransaction): boolean =>
  (trans as unknown as IDBTransaction).objectStoreNames?.contains(META) ?? false;

async function append(core: DBCore, trans: DBCoreTransaction, ids: string[] | null) {
  const meta = core.table(META);
  const [record] = (await meta.getMany({ trans, keys: [WORD_LOG_KEY] })) as (
    { value: WordLog } | undefined
  )[];
  // A log that gave up stays given up until a table is saved: no need to write it again.
  if (record && record.value.ids === null) return;
  const log = appended(record?.value ?? null, ids);
  await meta.mutate({ type: 'put', trans, values: [{ key: WORD_LOG_KEY, value: log }] });
}

function logChange(core: DBCore, trans: DBCoreTransaction, ids: string[] | null): Promise<void> {
  if (unlogged.has(trans) || !coversMeta(trans)) return Promise.resolve();
  const next = (queues.get(trans) ?? Promise.resolve()).then(() => append(core, trans, ids));
  queues.set(trans, next);
  return next;
}

function changedIds(req: DBCoreMutateRequest): string[] | null {
  if (req.type === 'delete') return req.keys as string[];
  if (req.type === 'deleteRange') return null;
  return (req.values as { id: string }[]).map((row) => row.id);
}

/** The search-row table, logging every write to it. */
export function loggedTable(core: DBCore, down: DBCoreTable): DBCoreTable {
  return {
    ...down,
    async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
      const response = await down.mutate(req);
      await logChange(core, req.trans, changedIds(req));
      return response;
    },
  };
}
