// Applying a batch of the server's documents to this device's library, in one transaction with
// the checkpoint that says they were applied: a batch is applied whole or not at all, so a sync
// stopped half way resumes from the last checkpoint with nothing lost or applied twice. Each
// record passes the same checks as an import before anything is written; one that fails refuses
// the whole batch. A document pointing at a record this device does not have yet is parked,
// hidden, until that record arrives.
import * as v from 'valibot';
import { describeIssue, RECORD_SCHEMAS } from '../../shared/backup-schema';
import { laterHlc } from '../../shared/sync/hlc';
import {
  stableKey,
  type SyncBody,
  SYNC_TABLES,
  TABLE_RANK,
  tableOfKey,
} from '../../shared/sync/sync-body';
import type { TrailmarkDb } from '../database/db';
import { readMeta } from '../database/meta';
import { deviceId, findLocal, resolverFor, tableOf } from './find-local';
import { localState } from './local-state';
import { mergeStates } from './merge';
import { markRemoteApply } from './outbox-middleware';
import { HLC_KEY } from './sync-rows';
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

type Outcome = { applied: boolean } | { waits: string };

function refuse(body: SyncBody, why: string): never {
  throw new RefusedDocument(`the server sent a ${body.table} record Trailmark refuses: ${why}`);
}

/** The incoming record in this device's ids and checked, or what it waits for. */
async function incomingRecord(
  db: TrailmarkDb,
  body: SyncBody,
): Promise<{ record: AnyRecord | null } | { waits: string }> {
  if (!body.record) return { record: null };
  if (stableKey(body.table, body.record) !== body.key) refuse(body, 'its identity does not match');
  const local = await fromWire(body.table, body.record, resolverFor(db));
  if ('missing' in local) return { waits: local.missing };
  const checked = v.safeParse(RECORD_SCHEMAS[body.table], local.record);
  if (!checked.success) refuse(body, describeIssue(checked.issues));
  return { record: checked.output as AnyRecord };
}

async function applyOne(db: TrailmarkDb, doc: IncomingDoc, device: string): Promise<Outcome> {
  const { body } = doc;
  if (tableOfKey(body.key) !== body.table) refuse(body, 'its identity names another kind');
  const row = await db.syncClocks.get(body.key);
  // This device's own write coming back, or a version already merged.
  if (row?.rev === doc.rev) return { applied: false };
  const incoming = await incomingRecord(db, body);
  if ('waits' in incoming) return incoming;
  const table = tableOf(db, body.table);
  const local = await findLocal(db, body.key);
  const merged = mergeStates(body.table, localState(body.table, local ?? null, row, device), {
    record: incoming.record,
    clock: body.clock,
    deleted: body.deleted,
    reading: body.reading,
  });
  if (merged.record) await table.put({ ...merged.record, id: local?.id ?? merged.record.id });
  else if (local) await table.delete(local.id);
  await db.syncClocks.put({
    key: body.key,
    clock: merged.clock,
    ...(merged.deleted ? { deleted: merged.deleted } : {}),
    ...(merged.reading ? { reading: merged.reading } : {}),
    rev: doc.rev,
    docId: doc.docId,
  });
  return { applied: true };
}

/** The latest stamp in a batch: later local edits must sort after everything seen. */
function latestStamp(docs: readonly IncomingDoc[]): string {
  let latest = '';
  for (const { body } of docs) {
    latest = laterHlc(latest, laterHlc(body.clock.base, body.deleted));
    for (const stamp of Object.values(body.clock.fields ?? {})) latest = laterHlc(latest, stamp);
  }
  return latest;
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
      else if (outcome.applied) {
        applied += 1;
        wanted.push(parked.body.key);
      }
    }
  }
  return applied;
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
  const ordered = [...docs].sort((a, b) => TABLE_RANK[a.body.table] - TABLE_RANK[b.body.table]);
  return db.transaction('rw', tables, async (tx) => {
    markRemoteApply(tx.idbtrans);
    const device = await deviceId(db);
    let applied = 0;
    const arrived = new Set<string>();
    for (const doc of ordered) {
      const outcome = await applyOne(db, doc, device);
      if ('waits' in outcome) {
        await db.syncParked.put({ ...doc, waits: outcome.waits });
        continue;
      }
      await db.syncParked.delete(doc.docId);
      if (outcome.applied) {
        applied += 1;
        arrived.add(doc.body.key);
      }
    }
    applied += await applyParked(db, arrived, device);
    const seen = laterHlc(await readMeta<string>(db, HLC_KEY), latestStamp(docs));
    if (seen) await db.meta.put({ key: HLC_KEY, value: seen });
    if (checkpoint) await db.meta.put(checkpoint);
    return applied;
  });
}
