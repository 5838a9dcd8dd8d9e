// Applying a batch of the server's documents to this device's library, in one transaction with
// the checkpoint that says they were applied: a batch is applied whole or not at all, so a sync
// stopped half way resumes from the last checkpoint with nothing lost or applied twice. Each
// record passes the same checks as an import before anything is written; one that fails refuses
// the whole batch. A document pointing at a record this device does not have yet is parked,
// hidden, until that record arrives or is made here — or until that record is known deleted,
// when it is settled by the delete rule (incoming-record.ts, under-delete.ts).
import { laterHlc, nextHlc } from '../../shared/sync/hlc';
import { type SyncBody, type SyncTable, TABLE_RANK, tableOfKey } from '../../shared/sync/sync-body';
import type { TrailmarkDb } from '../database/db';
import { readMeta } from '../database/meta';
import { syncWriteTables } from './sync-write-tables';
import { deviceId, findLocal, tableOf } from './find-local';
import { incomingRecord, refuse, type Tombstones, tombstonesOf } from './incoming-record';
import { localState } from './local-state';
import { latestStamp, mergeStates, revived, type SyncState } from './merge';
import { markRemoteApply } from './outbox-middleware';
import { HLC_KEY } from './sync-rows';
import { underDelete, type Writes } from './under-delete';
import type { AnyRecord } from './wire';

export { RefusedDocument } from './incoming-record';

export interface IncomingDoc {
  docId: string;
  rev: string;
  body: SyncBody;
}

export interface Checkpoint {
  key: string;
  value: unknown;
}

/**
 * Applied: the library changed. Settled: the document needs nothing more, so what waits on its
 * record may be tried again. Waits: it points at a record this device does not have yet.
 */
type Outcome = { applied: boolean; settled: boolean } | { waits: string };

const done = (applied: boolean): Outcome => ({ applied, settled: applied });

/** The latest stamp a body carries. */
function latestOfBody(body: SyncBody): string {
  let latest = laterHlc(body.clock.base, body.deleted);
  for (const stamp of Object.values(body.clock.fields ?? {})) latest = laterHlc(latest, stamp);
  return latest;
}

/** The server version's tag set, kept as the base of the next merge of this record's tags. */
const tagBaseOf = (record: AnyRecord | null): { tagBase?: string[] } =>
  Array.isArray(record?.tagIds) ? { tagBase: record.tagIds as string[] } : {};

/** What merging one document needs besides it: this device, the stamp of what it keeps. */
interface Context {
  run: Run;
  tombstones: Tombstones;
}

type Merged = Outcome & { writes?: Writes[] };

/**
 * When the merge moved the record's tombstone on, what the delete does to the records under
 * this device's copy; a deleted record something under it keeps is stamped anew and sent.
 */
async function withUnderDelete(
  db: TrailmarkDb,
  table: SyncTable,
  local: SyncState & { record: AnyRecord },
  merged: SyncState,
  context: Context & { all: boolean },
): Promise<{ merged: SyncState; writes: Writes[]; queue?: string }> {
  if (!merged.deleted) return { merged, writes: [] };
  const under = await underDelete(db, table, local.record, merged.deleted, context);
  if (merged.record || !under.keeps) return { merged, writes: under.writes };
  const stamp = context.run.stamp();
  return { merged: revived(table, merged, local, stamp), writes: under.writes, queue: stamp };
}

/** Merges one document with this device's copy; reads only, so a batch's merges run together. */
async function mergeOne(db: TrailmarkDb, doc: IncomingDoc, context: Context): Promise<Merged> {
  const { body } = doc;
  if (tableOfKey(body.key) !== body.table) refuse(body, 'its identity names another kind');
  const row = await db.syncClocks.get(body.key);
  // This device's own write coming back, or a version already merged.
  if (row?.rev === doc.rev) return done(false);
  const local = await findLocal(db, body.key);
  const mine = localState(body.table, local ?? null, row, context.run.device);
  const latest = laterHlc(latestStamp(body.clock), local ? latestStamp(mine.clock) : '');
  const incoming = await incomingRecord(db, body, latest, context.tombstones);
  if ('waits' in incoming) return incoming;
  // A version that went with what it points at is a tombstone of its own, at that delete: only
  // a later edit of it brings it back.
  const gone = 'goneWith' in incoming;
  let merged = mergeStates(body.table, mine, {
    record: gone ? null : incoming.record,
    clock: body.clock,
    deleted: gone ? laterHlc(body.deleted, incoming.at) : body.deleted,
    reading: body.reading,
  });
  let writes: Writes[] = [];
  let queue: string | undefined;
  if (local && merged.deleted !== row?.deleted) {
    ({ merged, writes, queue } = await withUnderDelete(
      db,
      body.table,
      { ...mine, record: local },
      merged,
      {
        ...context,
        all: gone,
      },
    ));
  }
  const own: Writes = {
    table: body.table,
    ...(merged.record ? { put: { ...merged.record, id: local?.id ?? merged.record.id } } : {}),
    ...(!merged.record && local ? { remove: local.id } : {}),
    clock: {
      key: body.key,
      clock: merged.clock,
      ...(merged.deleted ? { deleted: merged.deleted } : {}),
      ...(merged.reading ? { reading: merged.reading } : {}),
      ...tagBaseOf(gone ? null : incoming.record),
      rev: doc.rev,
      docId: doc.docId,
    },
    ...(queue ? { queue } : {}),
  };
  const outcome = gone ? { applied: local !== undefined, settled: true } : done(true);
  return { ...outcome, writes: [own, ...writes] };
}

/**
 * Writes what a group of merges decided, a request per table: one bulk write costs the search
 * index and its log one update, where a write per record costs one each.
 */
async function writeAll(db: TrailmarkDb, all: readonly (Writes[] | undefined)[]): Promise<void> {
  const writes = all.flatMap((w) => w ?? []);
  const byTable = new Map<SyncTable, Writes[]>();
  for (const w of writes) byTable.set(w.table, [...(byTable.get(w.table) ?? []), w]);
  for (const [name, group] of byTable) {
    const table = tableOf(db, name);
    const puts = group.flatMap((w) => (w.put ? [w.put] : []));
    const removes = group.flatMap((w) => (w.remove ? [w.remove] : []));
    if (puts.length > 0) await table.bulkPut(puts);
    if (removes.length > 0) await table.bulkDelete(removes);
  }
  if (writes.length > 0) await db.syncClocks.bulkPut(writes.map((w) => w.clock));
  const queued = writes.flatMap((w) =>
    w.queue ? [{ key: w.clock.key, rank: TABLE_RANK[w.table], stamp: w.queue }] : [],
  );
  if (queued.length > 0) await db.outbox.bulkPut(queued);
}

async function applyOne(db: TrailmarkDb, doc: IncomingDoc, run: Run): Promise<Outcome> {
  const merged = await mergeOne(db, doc, { run, tombstones: tombstonesOf(db) });
  await writeAll(db, [merged.writes]);
  return merged;
}

/** The batch by table, in the order references allow. */
function byRank(docs: readonly IncomingDoc[]): IncomingDoc[][] {
  const groups = new Map<number, IncomingDoc[]>();
  for (const doc of docs) {
    const rank = TABLE_RANK[doc.body.table];
    groups.set(rank, [...(groups.get(rank) ?? []), doc]);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([, group]) => group);
}

/**
 * Applies one table's documents of a batch: records of one kind never point at each other, so
 * their look-ups go out together and their writes go in one request per table, instead of a
 * round trip after another. Parks those that wait; returns the outcomes in order.
 */
async function applyGroup(db: TrailmarkDb, group: readonly IncomingDoc[], run: Run) {
  const context = { run, tombstones: tombstonesOf(db) };
  const merged = await Promise.all(group.map((doc) => mergeOne(db, doc, context)));
  await writeAll(
    db,
    merged.map((m) => m.writes),
  );
  const parked = group.flatMap((doc, i) => {
    const outcome = merged[i];
    return outcome && 'waits' in outcome ? [{ ...doc, waits: outcome.waits }] : [];
  });
  const waiting = new Set(parked.map((p) => p.docId));
  const unparked = await parkedOf(
    db,
    group.filter((d) => !waiting.has(d.docId)).map((d) => d.docId),
  );
  await db.syncParked.bulkPut(parked);
  await db.syncParked.bulkDelete(unparked);
  return merged;
}

/**
 * Of these document ids, those parked now. Only they are deleted: every id a delete names is
 * announced as a change to each open Trailmark page, which files it away per live view, so a
 * batch deleting its 200 ids, parked or not, cost every page that much work per batch.
 */
async function parkedOf(db: TrailmarkDb, docIds: readonly string[]): Promise<string[]> {
  if (docIds.length === 0 || (await db.syncParked.count()) === 0) return [];
  const found = await db.syncParked.bulkGet([...docIds]);
  return docIds.filter((_, i) => found[i] !== undefined);
}

/** The latest stamp in a batch: later local edits must sort after everything seen. */
function latestInBatch(docs: readonly IncomingDoc[]): string {
  return docs.reduce((latest, { body }) => laterHlc(latest, latestOfBody(body)), '');
}

/** Applies parked documents whose missing record just arrived, until none is left to apply. */
async function applyParked(db: TrailmarkDb, arrived: Set<string>, run: Run) {
  let applied = 0;
  let wanted = [...arrived];
  while (wanted.length > 0) {
    const ready = await db.syncParked.where('waits').anyOf(wanted).toArray();
    wanted = [];
    for (const parked of ready) {
      await db.syncParked.delete(parked.docId);
      const outcome = await applyOne(db, parked, run);
      if ('waits' in outcome) await db.syncParked.put({ ...parked, waits: outcome.waits });
      else {
        if (outcome.applied) applied += 1;
        if (outcome.settled) wanted.push(parked.body.key);
      }
    }
  }
  return applied;
}

/**
 * The records parked documents wait for that are here now without having arrived (made or
 * restored on this device), or are known deleted.
 */
async function settledTargets(db: TrailmarkDb): Promise<Set<string>> {
  const waited = (await db.syncParked.orderBy('waits').uniqueKeys()).map(String);
  const settled = await Promise.all(
    waited.map(
      async (key) =>
        (await db.syncClocks.get(key))?.deleted !== undefined ||
        (await findLocal(db, key)) !== undefined,
    ),
  );
  return new Set(waited.filter((_, i) => settled[i]));
}

/** What applying a batch shares: this device, and the stamp of what it keeps against a delete. */
interface Run {
  device: string;
  /** The latest stamp seen, with this batch. */
  seen: string;
  /** Gives the stamp of what this device keeps against a delete, made on first need. */
  stamp(): string;
}

async function startRun(db: TrailmarkDb, docs: readonly IncomingDoc[]): Promise<Run> {
  const device = await deviceId(db);
  const run: Run = {
    device,
    seen: laterHlc(await readMeta<string>(db, HLC_KEY), latestInBatch(docs)),
    stamp() {
      const made = nextHlc(run.seen || null, Date.now(), device);
      run.seen = made;
      run.stamp = () => made;
      return made;
    },
  };
  return run;
}

/**
 * Of these server documents (id and current revision), those this device has not merged yet:
 * its own writes coming back through the changes feed are left unread.
 */
export async function unseenRevisions(
  db: TrailmarkDb,
  revisions: readonly { id: string; rev: string }[],
): Promise<string[]> {
  // One index look-up per id: a cursor hopping over the whole index (anyOf) costs as much as
  // the index is long on some IndexedDB engines, every batch of a long feed.
  const rows = await db.transaction('r', db.syncClocks, () =>
    Promise.all(revisions.map((r) => db.syncClocks.where('docId').equals(r.id).first())),
  );
  return revisions.filter((r, i) => rows[i]?.rev !== r.rev).map((r) => r.id);
}

/** Applies a batch (and the checkpoint after it) in one transaction; returns records changed. */
export async function applyRemote(
  db: TrailmarkDb,
  docs: readonly IncomingDoc[],
  checkpoint?: Checkpoint,
): Promise<number> {
  return db.transaction('rw', syncWriteTables(db), async (tx) => {
    markRemoteApply(tx.idbtrans);
    const run = await startRun(db, docs);
    let applied = 0;
    const arrived = new Set<string>();
    for (const group of byRank(docs)) {
      const outcomes = await applyGroup(db, group, run);
      for (const [i, outcome] of outcomes.entries()) {
        if ('waits' in outcome) continue;
        if (outcome.applied) applied += 1;
        if (outcome.settled) arrived.add(group[i]?.body.key ?? '');
      }
    }
    applied += await applyParked(db, arrived, run);
    // What waits on a record made here, or deleted here or before it waited, needs no record
    // to arrive.
    applied += await applyParked(db, await settledTargets(db), run);
    if (run.seen) await db.meta.put({ key: HLC_KEY, value: run.seen });
    if (checkpoint) await db.meta.put(checkpoint);
    return applied;
  });
}
