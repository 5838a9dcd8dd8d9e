// Applying a batch of the server's documents to this device's library, in one transaction with
// the checkpoint that says they were applied: a batch is applied whole or not at all, so a sync
// stopped half way resumes from the last checkpoint with nothing lost or applied twice. Each
// record passes the same checks as an import before anything is written; one that fails refuses
// the whole batch. A document pointing at a record this device does not have yet is parked,
// hidden, until that record arrives — or until that record is known deleted, when it is settled
// without it (a deleted tag left off, anything else gone with what it pointed at).
import * as v from 'valibot';
import { describeIssue, RECORD_SCHEMAS } from '../../shared/backup-schema';
import { laterHlc } from '../../shared/sync/hlc';
import {
  stableKey,
  type SyncBody,
  SYNC_TABLES,
  type SyncTable,
  TABLE_RANK,
  tableOfKey,
} from '../../shared/sync/sync-body';
import type { TrailmarkDb } from '../database/db';
import { readMeta } from '../database/meta';
import { deviceId, findLocal, resolverFor, tableOf } from './find-local';
import { localState } from './local-state';
import { mergeStates } from './merge';
import { markRemoteApply } from './outbox-middleware';
import { type ClockRow, HLC_KEY } from './sync-rows';
import { type AnyRecord, fromWire } from './wire';

export interface IncomingDoc {
  docId: string;
  rev: string;
  body: SyncBody;
}

/** A server document that is not a record Trailmark would import; nothing of its batch is written. */
export class RefusedDocument extends Error {
  override name = 'RefusedDocument';
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

function refuse(body: SyncBody, why: string): never {
  throw new RefusedDocument(`the server sent a ${body.table} record Trailmark refuses: ${why}`);
}

/** A record this device knows only as deleted: its tombstone came, and nothing revived it. */
async function isGone(db: TrailmarkDb, key: string): Promise<boolean> {
  const row = await db.syncClocks.get(key);
  return row?.deleted !== undefined && (await findLocal(db, key)) === undefined;
}

/** The wire record without one tag, named by the tag's stable key. */
function withoutTag(wire: Record<string, unknown>, tagKey: string): Record<string, unknown> {
  const tagIds = Array.isArray(wire.tagIds) ? wire.tagIds : [];
  return { ...wire, tagIds: tagIds.filter((nameKey) => `tags:${String(nameKey)}` !== tagKey) };
}

type Incoming = { record: AnyRecord | null } | { waits: string } | { goneWith: string };

/**
 * The incoming record in this device's ids and checked, or what it waits for. A deleted tag is
 * left off the record (as deleting a tag takes it off what it tagged); a record that points at
 * another deleted record is gone with it.
 */
async function incomingRecord(db: TrailmarkDb, body: SyncBody): Promise<Incoming> {
  if (!body.record) return { record: null };
  if (stableKey(body.table, body.record) !== body.key) refuse(body, 'its identity does not match');
  let wire = body.record;
  for (;;) {
    const local = await fromWire(body.table, wire, resolverFor(db));
    if ('record' in local) {
      const checked = v.safeParse(RECORD_SCHEMAS[body.table], local.record);
      if (!checked.success) refuse(body, describeIssue(checked.issues));
      return { record: checked.output as AnyRecord };
    }
    if (!(await isGone(db, local.missing))) return { waits: local.missing };
    if (tableOfKey(local.missing) !== 'tags') return { goneWith: local.missing };
    wire = withoutTag(wire, local.missing);
  }
}

/** The server version's tag set, kept as the base of the next merge of this record's tags. */
const tagBaseOf = (record: AnyRecord | null): { tagBase?: string[] } =>
  Array.isArray(record?.tagIds) ? { tagBase: record.tagIds as string[] } : {};

/** The latest stamp a body carries. */
function latestOfBody(body: SyncBody): string {
  let latest = laterHlc(body.clock.base, body.deleted);
  for (const stamp of Object.values(body.clock.fields ?? {})) latest = laterHlc(latest, stamp);
  return latest;
}

/** What applying one document writes: the record (or its removal) and its clock row. */
interface Writes {
  table: SyncTable;
  put?: AnyRecord;
  remove?: string;
  clock: ClockRow;
}

type Merged = Outcome & { writes?: Writes };

/** Merges one document with this device's copy; reads only, so a batch's merges run together. */
async function mergeOne(db: TrailmarkDb, doc: IncomingDoc, device: string): Promise<Merged> {
  const { body } = doc;
  if (tableOfKey(body.key) !== body.table) refuse(body, 'its identity names another kind');
  const row = await db.syncClocks.get(body.key);
  // This device's own write coming back, or a version already merged.
  if (row?.rev === doc.rev) return done(false);
  const incoming = await incomingRecord(db, body);
  if ('waits' in incoming) return incoming;
  const local = await findLocal(db, body.key);
  // This version went with what it points at: kept as a tombstone of its own, so that only a
  // later edit of it brings it back. A copy already here stays, and this version waits as before.
  if ('goneWith' in incoming && local) return { waits: incoming.goneWith };
  const merged = mergeStates(body.table, localState(body.table, local ?? null, row, device), {
    record: 'record' in incoming ? incoming.record : null,
    clock: body.clock,
    deleted: 'record' in incoming ? body.deleted : latestOfBody(body),
    reading: body.reading,
  });
  const writes: Writes = {
    table: body.table,
    ...(merged.record ? { put: { ...merged.record, id: local?.id ?? merged.record.id } } : {}),
    ...(!merged.record && local ? { remove: local.id } : {}),
    clock: {
      key: body.key,
      clock: merged.clock,
      ...(merged.deleted ? { deleted: merged.deleted } : {}),
      ...(merged.reading ? { reading: merged.reading } : {}),
      ...tagBaseOf('record' in incoming ? incoming.record : null),
      rev: doc.rev,
      docId: doc.docId,
    },
  };
  const outcome = 'record' in incoming ? done(true) : { applied: false, settled: true };
  return { ...outcome, writes };
}

/**
 * Writes what a group of merges decided, a request per table: one bulk write costs the search
 * index and its log one update, where a write per record costs one each.
 */
async function writeAll(db: TrailmarkDb, all: readonly (Writes | undefined)[]): Promise<void> {
  const writes = all.flatMap((w) => (w ? [w] : []));
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
}

async function applyOne(db: TrailmarkDb, doc: IncomingDoc, device: string): Promise<Outcome> {
  const merged = await mergeOne(db, doc, device);
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
async function applyGroup(db: TrailmarkDb, group: readonly IncomingDoc[], device: string) {
  const merged = await Promise.all(group.map((doc) => mergeOne(db, doc, device)));
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
function latestStamp(docs: readonly IncomingDoc[]): string {
  return docs.reduce((latest, { body }) => laterHlc(latest, latestOfBody(body)), '');
}

/** Applies parked documents whose missing record just arrived, until none is left to apply. */
async function applyParked(db: TrailmarkDb, arrived: Set<string>, device: string) {
  let applied = 0;
  let wanted = [...arrived];
  while (wanted.length > 0) {
    const ready = await db.syncParked.where('waits').anyOf(wanted).toArray();
    wanted = [];
    for (const parked of ready) {
      await db.syncParked.delete(parked.docId);
      const outcome = await applyOne(db, parked, device);
      if ('waits' in outcome) await db.syncParked.put({ ...parked, waits: outcome.waits });
      else {
        if (outcome.applied) applied += 1;
        if (outcome.settled) wanted.push(parked.body.key);
      }
    }
  }
  return applied;
}

/** The records parked documents wait for that this device knows only as deleted. */
async function deletedTargets(db: TrailmarkDb): Promise<Set<string>> {
  const waited = (await db.syncParked.orderBy('waits').uniqueKeys()).map(String);
  const gone = await Promise.all(waited.map((key) => isGone(db, key)));
  return new Set(waited.filter((_, i) => gone[i]));
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
  const tables = [...SYNC_TABLES.map((t) => db[t]), db.syncClocks, db.syncParked, db.meta];
  return db.transaction('rw', tables, async (tx) => {
    markRemoteApply(tx.idbtrans);
    const device = await deviceId(db);
    let applied = 0;
    const arrived = new Set<string>();
    for (const group of byRank(docs)) {
      const outcomes = await applyGroup(db, group, device);
      for (const [i, outcome] of outcomes.entries()) {
        if ('waits' in outcome) continue;
        if (outcome.applied) applied += 1;
        if (outcome.settled) arrived.add(group[i]?.body.key ?? '');
      }
    }
    applied += await applyParked(db, arrived, device);
    // What waits on a record deleted here, or before it waited, needs no record to arrive.
    applied += await applyParked(db, await deletedTargets(db), device);
    const seen = laterHlc(await readMeta<string>(db, HLC_KEY), latestStamp(docs));
    if (seen) await db.meta.put({ key: HLC_KEY, value: seen });
    if (checkpoint) await db.meta.put(checkpoint);
    return applied;
  });
}
