// The push side: the next batch of queued records as wire documents, and, once the server took
// them, their removal from the outbox. A record changed again while its push was on the way
// keeps its outbox row, so the newer change goes in the next batch.
import { SYNC_BODY_VERSION, type SyncBody, tableOfKey } from '../../shared/sync/sync-body';
import type { TrailmarkDb } from '../database/db';
import { deviceId, findLocal, resolverFor } from './find-local';
import { localState } from './local-state';
import { type AnyRecord, toWire, type WireRefs } from './wire';

export interface Outgoing {
  key: string;
  /** The outbox row's stamp when read. */
  stamp: string;
  /** The server revision this device last knew. */
  rev?: string | undefined;
  /** The record's tags in this device's ids, as sent: the server version's tag set. */
  tagIds?: string[] | undefined;
  body: SyncBody;
}

/** Page URLs and tag name keys the batch's references need. */
async function refsOf(db: TrailmarkDb, records: AnyRecord[]): Promise<WireRefs> {
  const pageIds = new Set<string>();
  const tagIds = new Set<string>();
  for (const r of records) {
    for (const field of ['pageId', 'targetId'])
      if (typeof r[field] === 'string') pageIds.add(r[field]);
    if (Array.isArray(r.tagIds)) for (const id of r.tagIds as string[]) tagIds.add(id);
  }
  const [pages, tags] = await Promise.all([
    db.pages.bulkGet([...pageIds]),
    db.tags.bulkGet([...tagIds]),
  ]);
  const urls = new Map(pages.flatMap((p) => (p ? [[p.id, p.url] as const] : [])));
  const keys = new Map(tags.flatMap((t) => (t ? [[t.id, t.nameKey] as const] : [])));
  return { pageUrl: (id) => urls.get(id), tagKey: (id) => keys.get(id) };
}

/** Up to `limit` queued records, referenced ones first, as the server will hold them. */
export async function readOutbox(db: TrailmarkDb, limit: number): Promise<Outgoing[]> {
  return db.transaction(
    'rw',
    [
      db.outbox,
      db.syncClocks,
      db.pages,
      db.highlights,
      db.tags,
      db.goals,
      db.links,
      db.reviews,
      db.meta,
    ],
    async () => {
      const device = await deviceId(db);
      const rows = await db.outbox.orderBy('rank').limit(limit).toArray();
      const resolver = resolverFor(db);
      const found = await Promise.all(rows.map((row) => findLocal(db, row.key, resolver)));
      const clocks = await db.syncClocks.bulkGet(rows.map((row) => row.key));
      const refs = await refsOf(
        db,
        found.flatMap((r) => (r ? [r] : [])),
      );
      const out: Outgoing[] = [];
      for (const [i, row] of rows.entries()) {
        const table = tableOfKey(row.key);
        const record = found[i];
        const clockRow = clocks[i];
        // Neither record nor tombstone: nothing to tell the server.
        if (!table || (!record && !clockRow?.deleted)) {
          await db.outbox.delete(row.key);
          continue;
        }
        const state = localState(table, record ?? null, clockRow, device);
        const body: SyncBody = {
          v: SYNC_BODY_VERSION,
          table,
          key: row.key,
          record: record ? toWire(table, record, refs) : null,
          clock: state.clock,
          ...(state.deleted ? { deleted: state.deleted } : {}),
          ...(state.reading ? { reading: state.reading } : {}),
        };
        const tagIds = Array.isArray(record?.tagIds) ? (record.tagIds as string[]) : undefined;
        out.push({ key: row.key, stamp: row.stamp, rev: clockRow?.rev, tagIds, body });
      }
      return out;
    },
  );
}

/** The server took these documents at these revisions. */
export async function confirmPushed(
  db: TrailmarkDb,
  pushed: readonly (Outgoing & { newRev: string; docId: string })[],
): Promise<void> {
  await db.transaction('rw', [db.outbox, db.syncClocks], async () => {
    const queued = await db.outbox.bulkGet(pushed.map((p) => p.key));
    const clocks = await db.syncClocks.bulkGet(pushed.map((p) => p.key));
    await db.outbox.bulkDelete(
      pushed.filter((p, i) => queued[i]?.stamp === p.stamp).map((p) => p.key),
    );
    await db.syncClocks.bulkPut(
      pushed.map((p, i) => {
        const row = clocks[i];
        const tagBase = p.tagIds ? { tagBase: p.tagIds } : {};
        if (row) return { ...row, rev: p.newRev, docId: p.docId, ...tagBase };
        const { clock, deleted, reading } = p.body;
        return {
          key: p.key,
          clock,
          ...(deleted ? { deleted } : {}),
          ...(reading ? { reading } : {}),
          rev: p.newRev,
          docId: p.docId,
          ...tagBase,
        };
      }),
    );
  });
}
