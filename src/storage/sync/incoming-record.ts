// A server document's record in this device's ids, checked as an import checks it, or why it
// cannot be applied as it is. A record pointing at something this device does not have waits
// for it. When what it points at is known deleted: a deleted tag is left off the record, as
// deleting a tag takes it off what it tagged; a record made or edited before that delete goes
// with it; one made or edited after it is a new edit, which the device that made it answers by
// keeping what it points at (see under-delete.ts), so it waits for that to come back.
import * as v from 'valibot';
import { describeIssue, RECORD_SCHEMAS } from '../../shared/backup-schema';
import { stableKey, type SyncBody, tableOfKey } from '../../shared/sync/sync-body';
import type { TrailmarkDb } from '../database/db';
import { parentKeys } from './dependents';
import { resolverFor } from './find-local';
import { type AnyRecord, fromWire } from './wire';

/** A server document that is not a record Trailmark would import; nothing of its batch is written. */
export class RefusedDocument extends Error {
  override name = 'RefusedDocument';
}

export function refuse(body: SyncBody, why: string): never {
  throw new RefusedDocument(`the server sent a ${body.table} record Trailmark refuses: ${why}`);
}

/** Tombstone stamps by stable key, each read once for a group of documents. */
export type Tombstones = (key: string) => Promise<string | undefined>;

export function tombstonesOf(db: TrailmarkDb): Tombstones {
  const read = new Map<string, Promise<string | undefined>>();
  return (key) => {
    let found = read.get(key);
    if (!found) {
      found = db.syncClocks.get(key).then((row) => row?.deleted);
      read.set(key, found);
    }
    return found;
  };
}

/** The wire record without one tag, named by the tag's stable key. */
function withoutTag(wire: Record<string, unknown>, tagKey: string): Record<string, unknown> {
  const tagIds = Array.isArray(wire.tagIds) ? wire.tagIds : [];
  return { ...wire, tagIds: tagIds.filter((nameKey) => `tags:${String(nameKey)}` !== tagKey) };
}

export type Incoming =
  | { record: AnyRecord | null }
  | { waits: string }
  /** Gone with the record `goneWith`, deleted at `at`. */
  | { goneWith: string; at: string };

/** The first record the wire record points at that was deleted after `latest`. */
async function deletedAfter(
  table: SyncBody['table'],
  wire: Record<string, unknown>,
  latest: string,
  tombstones: Tombstones,
): Promise<{ goneWith: string; at: string } | null> {
  for (const key of parentKeys(table, wire)) {
    const at = await tombstones(key);
    if (at !== undefined && at > latest) return { goneWith: key, at };
  }
  return null;
}

/**
 * The incoming record in this device's ids and checked, or what it waits for, or what it went
 * with. `latest` is the latest edit of this record, here or in the incoming version.
 */
export async function incomingRecord(
  db: TrailmarkDb,
  body: SyncBody,
  latest: string,
  tombstones: Tombstones,
): Promise<Incoming> {
  if (!body.record) return { record: null };
  if (stableKey(body.table, body.record) !== body.key) refuse(body, 'its identity does not match');
  let wire = body.record;
  for (;;) {
    const local = await fromWire(body.table, wire, resolverFor(db));
    if ('record' in local) {
      const checked = v.safeParse(RECORD_SCHEMAS[body.table], local.record);
      if (!checked.success) refuse(body, describeIssue(checked.issues));
      // What it points at is here, but was deleted (and kept) after this record last changed.
      const gone = await deletedAfter(body.table, wire, latest, tombstones);
      return gone ?? { record: checked.output as AnyRecord };
    }
    const at = await tombstones(local.missing);
    if (at === undefined) return { waits: local.missing };
    if (tableOfKey(local.missing) === 'tags') wire = withoutTag(wire, local.missing);
    else if (latest > at) return { waits: local.missing };
    else return { goneWith: local.missing, at };
  }
}
