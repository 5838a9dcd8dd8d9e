// What one synced record looks like on the server (before encryption): the record with its
// references written as identities every device shares (a page's URL, a tag's name), a clock
// stamp per field, a tombstone stamp once deleted, and for a page the reading time each device
// added. Checked field by field when it arrives; the record inside is checked afterwards by the
// same schema as an import, once its references are turned into this device's ids.
import * as v from 'valibot';
import { BACKUP_SECTIONS, type BackupSection } from '../backup-schema';
import { LIMITS } from '../limits';
import { HLC_PATTERN } from './hlc';

export const SYNC_BODY_VERSION = 1;

/** Synced tables, in the order references allow: each points only at those before it. */
export const SYNC_TABLES = BACKUP_SECTIONS;
export type SyncTable = BackupSection;

/** How a field merges when two devices changed it; unnamed fields: last writer wins by clock. */
export type FieldRule = 'max' | 'min' | 'counter' | 'local';

/**
 * Fields that are not last-writer-wins. Visit times and scroll only grow (or, for the first
 * visit, shrink), reading time adds up across devices, and whether a highlight was found on
 * the page is this device's own finding.
 */
export const FIELD_RULES: Record<SyncTable, Record<string, FieldRule>> = {
  tags: { updatedAt: 'max' },
  goals: { updatedAt: 'max' },
  pages: {
    updatedAt: 'max',
    readingMs: 'counter',
    maxScroll: 'max',
    firstVisitAt: 'min',
    lastVisitAt: 'max',
  },
  highlights: { updatedAt: 'max', anchorStatus: 'local' },
  links: { updatedAt: 'max' },
  reviews: {},
};

export const TABLE_RANK: Record<SyncTable, number> = Object.fromEntries(
  SYNC_TABLES.map((table, rank) => [table, rank]),
) as Record<SyncTable, number>;

export const isSyncTable = (name: string): name is SyncTable =>
  (SYNC_TABLES as readonly string[]).includes(name);

const hlc = v.pipe(v.string(), v.regex(HLC_PATTERN));

/** Field stamps: most fields share `base`, the ones changed since carry their own. */
export const clockSchema = v.strictObject({
  base: hlc,
  fields: v.optional(v.pipe(v.record(v.pipe(v.string(), v.maxLength(64)), hlc))),
});
export type FieldClock = v.InferOutput<typeof clockSchema>;

export const syncBodySchema = v.strictObject({
  v: v.literal(SYNC_BODY_VERSION),
  table: v.picklist(SYNC_TABLES),
  /** The record's identity across devices (see stableKey). */
  key: v.pipe(v.string(), v.minLength(3), v.maxLength(LIMITS.url * 2 + 200)),
  /** Null once deleted. */
  record: v.nullable(v.record(v.string(), v.unknown())),
  clock: clockSchema,
  deleted: v.optional(hlc),
  /** Reading time per device (pages). */
  reading: v.optional(
    v.record(
      v.pipe(v.string(), v.maxLength(LIMITS.id)),
      v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
    ),
  ),
});
export type SyncBody = v.InferOutput<typeof syncBodySchema>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * A record's identity across devices, from its wire form: the same article (normalised URL) or
 * the same tag name made on two devices is one record; a link is its goal and its target.
 */
export function stableKey(table: SyncTable, wire: Record<string, unknown>): string {
  switch (table) {
    case 'pages':
      return `pages:${text(wire.url)}`;
    case 'tags':
      return `tags:${text(wire.nameKey)}`;
    case 'links':
      return `links:${text(wire.goalId)}|${text(wire.targetType)}|${text(wire.targetId)}`;
    default:
      return `${table}:${text(wire.id)}`;
  }
}

/** The table a stable key belongs to. */
export const tableOfKey = (key: string): SyncTable | null => {
  const table = key.slice(0, key.indexOf(':'));
  return isSyncTable(table) ? table : null;
};
