// Every change to a synced record stamps the fields it changed and queues the record for the
// server, in the same transaction as the change, whichever path wrote it (a repository, an
// import, a test's raw put): a write that fails or is rolled back leaves no stamp and no outbox
// row, and no write can slip past the outbox. Writes that apply what came from the server are
// flagged and left alone, or every document would bounce back.
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { legacyHlc, nextHlc } from '../../shared/sync/hlc';
import { FIELD_RULES, isSyncTable, TABLE_RANK, type SyncTable } from '../../shared/sync/sync-body';
import { randomId } from '../../shared/random-id';
import { isSeededBuiltIn } from './seeded';
import { changedAt, changedFields, withOwnReading } from './local-state';
import {
  type ClockRow,
  DEVICE_KEY,
  HLC_KEY,
  OUTBOX,
  type OutboxRow,
  SYNC_CLOCKS,
} from './sync-rows';
import { type AnyRecord, localKey, type WireRefs } from './wire';
import { tableNames, widenWrites } from '../database/widen-writes';

const remote = new WeakSet<object>();

/** Marks a transaction (Dexie's `tx.idbtrans`) as applying the server's documents. */
export function markRemoteApply(trans: object): void {
  remote.add(trans);
}

type Pair = [before: AnyRecord | undefined, after: AnyRecord | undefined];

async function keysOf(table: DBCoreTable, req: DBCoreMutateRequest): Promise<unknown[]> {
  if (req.type === 'add' || req.type === 'put') return req.values.map((v) => (v as AnyRecord).id);
  if (req.type === 'delete') return req.keys;
  const found = await table.query({
    trans: req.trans,
    query: { index: table.schema.primaryKey, range: req.range },
  });
  return found.result;
}

function pairsOf(
  req: DBCoreMutateRequest,
  before: (AnyRecord | undefined)[],
  response: DBCoreMutateResponse,
): Pair[] {
  if (req.type === 'add' || req.type === 'put') {
    return req.values.flatMap((value, i) =>
      i in response.failures ? [] : [[before[i], value as AnyRecord] as Pair],
    );
  }
  return before.flatMap((old) => (old ? [[old, undefined] as Pair] : []));
}

/** Page URLs a link's key needs (a page link names its page by URL). */
async function refsFor(core: DBCore, trans: DBCoreTransaction, pairs: Pair[]): Promise<WireRefs> {
  const ids = pairs.flatMap((pair) =>
    pair.flatMap((r) => (r && typeof r.pageId === 'string' ? [r.pageId] : [])),
  );
  const unique = [...new Set(ids)];
  const pages = (await core.table('pages').getMany({ trans, keys: unique })) as (
    { url: string } | undefined
  )[];
  const urls = new Map(unique.map((id, i) => [id, pages[i]?.url]));
  return { pageUrl: (id) => urls.get(id), tagKey: () => undefined };
}

interface Change {
  key: string;
  before: AnyRecord | undefined;
  after: AnyRecord | undefined;
}

/** What each pair changes, by stable key: a record whose key changed is a delete and an add. */
function changesOf(table: SyncTable, pairs: Pair[], refs: WireRefs): Change[] {
  const changes: Change[] = [];
  for (const [before, after] of pairs) {
    const oldKey = before && localKey(table, before, refs);
    const newKey = after && localKey(table, after, refs);
    if (oldKey && newKey === oldKey && before && after) {
      if (changedFields(table, before, after).length > 0)
        changes.push({ key: newKey, before, after });
      continue;
    }
    if (oldKey) changes.push({ key: oldKey, before, after: undefined });
    if (newKey) changes.push({ key: newKey, before: undefined, after });
  }
  return changes;
}

/** A new built-in tag, as seeding made it. */
const isSeeding = (table: SyncTable, change: Change): boolean =>
  !change.before && isSeededBuiltIn(table, change.after);

function stampedRow(
  table: SyncTable,
  change: Change,
  row: ClockRow | undefined,
  stamp: string,
  device: string,
): ClockRow {
  const { key, before, after } = change;
  if (!after) {
    const base = row?.clock.base ?? legacyHlc(before ? changedAt(before) : 0);
    return { ...row, key, clock: row?.clock ?? { base }, deleted: stamp };
  }
  let clock: ClockRow['clock'] = { base: stamp };
  if (before) {
    const rules = FIELD_RULES[table];
    const fields = { ...row?.clock.fields };
    for (const field of changedFields(table, before, after)) {
      if (rules[field] === undefined) fields[field] = stamp;
    }
    clock = { base: row?.clock.base ?? legacyHlc(changedAt(before)), fields };
  }
  const next: ClockRow = { ...row, key, clock };
  if (table === 'pages')
    next.reading = withOwnReading(row?.reading, Number(after.readingMs) || 0, device);
  return next;
}

/** This device's id and its next clock stamp, kept in meta within the same transaction. */
async function nextStamp(core: DBCore, trans: DBCoreTransaction) {
  const meta = core.table('meta');
  const [deviceRow, hlcRow] = (await meta.getMany({ trans, keys: [DEVICE_KEY, HLC_KEY] })) as (
    { value: string } | undefined
  )[];
  const device = deviceRow?.value ?? randomId().slice(0, 13);
  const stamp = nextHlc(hlcRow?.value ?? null, Date.now(), device);
  const values = [{ key: HLC_KEY, value: stamp }];
  if (!deviceRow) values.push({ key: DEVICE_KEY, value: device });
  await meta.mutate({ type: 'put', trans, values });
  return { device, stamp };
}

async function recordChanges(
  core: DBCore,
  trans: DBCoreTransaction,
  table: SyncTable,
  pairs: Pair[],
) {
  if (pairs.length === 0) return;
  const changes = changesOf(table, pairs, await refsFor(core, trans, pairs));
  if (changes.length === 0) return;
  const { device, stamp } = await nextStamp(core, trans);
  const clocks = core.table(SYNC_CLOCKS);
  const rows = (await clocks.getMany({ trans, keys: changes.map((c) => c.key) })) as (
    ClockRow | undefined
  )[];
  const values = changes.map((change, i) =>
    isSeeding(table, change)
      ? { ...rows[i], key: change.key, clock: { base: legacyHlc(0) } }
      : stampedRow(table, change, rows[i], stamp, device),
  );
  await clocks.mutate({ type: 'put', trans, values });
  const queued: OutboxRow[] = changes
    .filter((c) => !isSeeding(table, c))
    .map((c) => ({ key: c.key, rank: TABLE_RANK[table], stamp }));
  await core.table(OUTBOX).mutate({ type: 'put', trans, values: queued });
}

function syncedTable(core: DBCore, down: DBCoreTable, table: SyncTable): DBCoreTable {
  return {
    ...down,
    async mutate(req) {
      if (remote.has(req.trans)) return down.mutate(req);
      const keys = await keysOf(down, req);
      const before = (await down.getMany({ trans: req.trans, keys })) as (AnyRecord | undefined)[];
      const response = await down.mutate(req);
      await recordChanges(core, req.trans, table, pairsOf(req, before, response));
      return response;
    },
  };
}

const widen = (stores: string[], existing: ReadonlySet<string>): string[] =>
  stores.some(isSyncTable)
    ? [...new Set([...stores, SYNC_CLOCKS, OUTBOX, 'meta', 'pages'])].filter((s) => existing.has(s))
    : stores;

export const syncOutboxMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'trailmark-sync-outbox',
  level: -90,
  create(down) {
    const existing = tableNames(down);
    if (!existing.has(OUTBOX)) return down;
    const core: DBCore = {
      ...down,
      transaction: widenWrites(down, (stores) => widen(stores, existing)),
      table(name) {
        const table = down.table(name);
        return isSyncTable(name) ? syncedTable(core, table, name) : table;
      },
    };
    return core;
  },
};
