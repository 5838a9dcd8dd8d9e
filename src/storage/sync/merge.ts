// Merging two versions of one record, the same way on every device whatever order versions
// arrive in: per field, the later clock stamp wins (ties, only possible between records stamped
// before sync existed, go to the larger value); reading time adds up per device; visit times and
// scroll take the extreme; a tombstone wins over every field stamped before it, so an edit made
// after a delete (an undo) brings the record back. Tag sets merge element by element against
// the last server version this device shared (none for a copy never synced: a union): a tag
// added on either side stays, one removed on either side goes.
import { FIELD_RULES, type FieldClock, type SyncTable } from '../../shared/sync/sync-body';
import { laterHlc } from '../../shared/sync/hlc';
import type { AnyRecord } from './wire';

export interface SyncState {
  record: AnyRecord | null;
  clock: FieldClock;
  deleted?: string | undefined;
  reading?: Record<string, number> | undefined;
  /** This device's side only: the tag set of the server version it last merged or wrote. */
  tagBase?: string[] | undefined;
}

export const clockOf = (clock: FieldClock, field: string): string =>
  clock.fields?.[field] ?? clock.base;

/**
 * The stamp of a record's coming back after its delete, kept in its clock beside the fields'
 * stamps (no record has a field of this name). Only the coming back is new then: each field keeps
 * the stamp of its own last edit, so an edit another device made meanwhile still wins over it.
 */
export const REVIVED = '~revived';

/** The clock of a record brought back at `stamp`, its fields' stamps as they were. */
export const revivedClock = (clock: FieldClock, stamp: string): FieldClock => ({
  ...clock,
  fields: { ...clock.fields, [REVIVED]: stamp },
});

/** The latest edit a clock records. */
export const latestStamp = (clock: FieldClock): string =>
  Object.values(clock.fields ?? {}).reduce((a, b) => laterHlc(a, b), clock.base);

const isAlive = (state: SyncState, deleted: string): boolean =>
  state.record !== null && latestStamp(state.clock) > deleted;

/** Stamps per field, written as the most common stamp and the fields that differ from it. */
export function compressClock(stamps: Record<string, string>, fallback: string): FieldClock {
  const counts = new Map<string, number>();
  for (const stamp of Object.values(stamps)) counts.set(stamp, (counts.get(stamp) ?? 0) + 1);
  let base = fallback;
  let most = 0;
  for (const [stamp, n] of counts) {
    if (n > most || (n === most && stamp > base)) [base, most] = [stamp, n];
  }
  const fields = Object.fromEntries(Object.entries(stamps).filter(([, s]) => s !== base));
  return Object.keys(fields).length > 0 ? { base, fields } : { base };
}

export function mergeReading(
  a: Record<string, number> | undefined,
  b: Record<string, number> | undefined,
): Record<string, number> | undefined {
  if (!a && !b) return undefined;
  const merged: Record<string, number> = { ...a };
  for (const [device, ms] of Object.entries(b ?? {})) {
    merged[device] = Math.max(merged[device] ?? 0, ms);
  }
  return merged;
}

const sum = (reading: Record<string, number> | undefined): number =>
  Object.values(reading ?? {}).reduce((a, b) => a + b, 0);

const json = (value: unknown): string => JSON.stringify(value) ?? '';

const isIdList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((id) => typeof id === 'string');

/**
 * Three-way merge of two tag sets against their common ancestor: the incoming order first, then
 * what only this side added.
 */
export function mergeTagSets(
  local: readonly string[],
  incoming: readonly string[],
  base: readonly string[],
): string[] {
  const [mine, theirs] = [new Set(local), new Set(incoming)];
  const before = new Set(base);
  const keep = (id: string, here: Set<string>) => here.has(id) || !before.has(id);
  const merged = incoming.filter((id) => keep(id, mine));
  return [...merged, ...local.filter((id) => !theirs.has(id) && keep(id, theirs))];
}

/** Field by field, for two live versions. */
function mergeFields(table: SyncTable, local: SyncState, incoming: SyncState) {
  const rules = FIELD_RULES[table];
  const a = local.record ?? { id: '' };
  const b = incoming.record ?? { id: '' };
  const record: Record<string, unknown> = { id: a.id };
  const stamps: Record<string, string> = {};
  for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (field === 'id') continue;
    const rule = rules[field];
    const [x, y] = [a[field], b[field]];
    if (rule === 'local') record[field] = x ?? y;
    // A record this device never exchanged with the server merges against an empty base (a
    // union, see local-state.ts). Only one synced before bases were kept has none: there the
    // later set wins, as any field does, so that every device ends the same.
    else if (field === 'tagIds' && local.tagBase && isIdList(x) && isIdList(y)) {
      record[field] = mergeTagSets(x, y, local.tagBase);
      stamps[field] = laterHlc(clockOf(local.clock, field), clockOf(incoming.clock, field));
    } else if (rule === 'max' || rule === 'min') {
      const pick = rule === 'max' ? Math.max : Math.min;
      record[field] = x === undefined ? y : y === undefined ? x : pick(Number(x), Number(y));
    } else {
      const [cx, cy] = [clockOf(local.clock, field), clockOf(incoming.clock, field)];
      const takeB = cy > cx || (cy === cx && json(y) > json(x));
      stamps[field] = takeB ? cy : cx;
      const value = takeB ? y : x;
      if (value !== undefined) record[field] = value;
    }
  }
  const clock = compressClock(stamps, laterHlc(local.clock.base, incoming.clock.base));
  // Outside the compressed stamps: folded into the base, it would be lost to the next merge.
  const back = laterHlc(local.clock.fields?.[REVIVED], incoming.clock.fields?.[REVIVED]);
  return { record: record as AnyRecord, clock: back ? revivedClock(clock, back) : clock };
}

/** This device's own fields (where a highlight was found) survive another device's version. */
function keepLocalFields(table: SyncTable, record: AnyRecord | null, local: AnyRecord | null) {
  if (!record || !local) return record;
  const kept: AnyRecord = { ...record, id: local.id };
  for (const [field, rule] of Object.entries(FIELD_RULES[table])) {
    if (rule === 'local' && field in local) kept[field] = local[field];
  }
  return kept;
}

/** The state both devices end with once each has seen the other's version. */
export function mergeStates(table: SyncTable, local: SyncState, incoming: SyncState): SyncState {
  const deleted = laterHlc(local.deleted, incoming.deleted) || undefined;
  const reading = mergeReading(local.reading, incoming.reading);
  const liveLocal = isAlive(local, deleted ?? '');
  const liveIncoming = isAlive(incoming, deleted ?? '');
  let merged: Pick<SyncState, 'record' | 'clock'>;
  if (liveLocal && liveIncoming) merged = mergeFields(table, local, incoming);
  else if (liveLocal) merged = local;
  else if (liveIncoming) {
    merged = {
      record: keepLocalFields(table, incoming.record, local.record),
      clock: incoming.clock,
    };
  } else {
    const base = laterHlc(latestStamp(local.clock), latestStamp(incoming.clock));
    return { record: null, clock: { base }, deleted, reading };
  }
  return {
    record: withReading(table, merged.record, reading),
    clock: merged.clock,
    deleted,
    reading,
  };
}

function withReading(
  table: SyncTable,
  record: AnyRecord | null,
  reading: Record<string, number> | undefined,
): AnyRecord | null {
  return record && table === 'pages' && reading ? { ...record, readingMs: sum(reading) } : record;
}

/**
 * A deleted record this device still holds, kept because something was made or edited under
 * it after the delete: its coming back is stamped anew, so that it outlives the tombstone on
 * every device, and its fields keep this device's stamps, which go with its values.
 */
export function revived(
  table: SyncTable,
  merged: SyncState,
  local: SyncState & { record: AnyRecord },
  stamp: string,
): SyncState {
  return {
    ...merged,
    record: withReading(table, local.record, merged.reading),
    clock: revivedClock(local.clock, stamp),
  };
}
