// A stored record's sync state: its clock row, or for a record no device has stamped yet (made
// before sync existed) one stamp from when it last changed, and all its reading time its own;
// and the tag set it shares with the server's version, the base of a tag-by-tag merge.
import { legacyHlc } from '../../shared/sync/hlc';
import { FIELD_RULES, type SyncTable } from '../../shared/sync/sync-body';
import type { SyncState } from './merge';
import type { ClockRow } from './sync-rows';
import type { AnyRecord } from './wire';

/** When a record last changed, by its own dates. */
export function changedAt(record: AnyRecord): number {
  for (const field of ['updatedAt', 'lastReviewedAt', 'createdAt']) {
    const value = record[field];
    if (typeof value === 'number') return value;
  }
  return 0;
}

export function localState(
  table: SyncTable,
  record: AnyRecord | null,
  row: ClockRow | undefined,
  device: string,
): SyncState {
  const clock = row?.clock ?? { base: legacyHlc(record ? changedAt(record) : 0) };
  let reading = row?.reading;
  if (table === 'pages' && record && !reading)
    reading = { [device]: Number(record.readingMs) || 0 };
  return { record, clock, deleted: row?.deleted, reading, tagBase: tagBaseOf(row) };
}

/**
 * The tag set this device's copy shares with the server's. A copy never exchanged with the
 * server (made here and not synced yet, or sync pointed at another database) shares none: its
 * tags merge with the server's against an empty set, so each side's tags are kept. Unknown only
 * for a record synced before shared versions were kept.
 */
function tagBaseOf(row: ClockRow | undefined): string[] | undefined {
  return row?.tagBase ?? (row?.rev === undefined ? [] : undefined);
}

/** Fields a change to which goes to the server (all but the id and device-local ones). */
export function changedFields(table: SyncTable, before: AnyRecord, after: AnyRecord): string[] {
  const rules = FIELD_RULES[table];
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields].filter(
    (field) =>
      field !== 'id' &&
      rules[field] !== 'local' &&
      JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
}

/** This device's share of a page's reading time: the total less what the others added. */
export function withOwnReading(
  reading: Record<string, number> | undefined,
  total: number,
  device: string,
): Record<string, number> {
  const others = Object.entries(reading ?? {})
    .filter(([d]) => d !== device)
    .reduce((sum, [, ms]) => sum + ms, 0);
  return { ...reading, [device]: Math.max(0, total - others) };
}
