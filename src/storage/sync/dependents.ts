// What a record points at and what points at it, for the delete rule of sync: a delete takes
// with it what points at the deleted record (a page its highlights and links, a highlight its
// links and schedule, a goal its links), except what was made or edited after the delete. That
// is a new edit, and like an undo it keeps what it points at. Tags are not followed: a deleted
// tag is only left off what it tagged.
import { type FieldClock, stableKey, type SyncTable } from '../../shared/sync/sync-body';
import type { TrailmarkDb } from '../database/db';
import { latestStamp } from './merge';
import { localState } from './local-state';
import type { ClockRow } from './sync-rows';
import type { AnyRecord } from './wire';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The stable keys of the records (other than tags) a record in wire form points at. */
export function parentKeys(table: SyncTable, wire: Record<string, unknown>): string[] {
  switch (table) {
    case 'highlights':
      return [`pages:${text(wire.pageId)}`];
    case 'links': {
      const keys = [`goals:${text(wire.goalId)}`, `pages:${text(wire.pageId)}`];
      return wire.targetType === 'highlight'
        ? [...keys, `highlights:${text(wire.targetId)}`]
        : keys;
    }
    case 'reviews':
      return [`highlights:${text(wire.id)}`];
    default:
      return [];
  }
}

/** A record below another, with what its own clock and those of everything below it say. */
export interface Dependent {
  table: SyncTable;
  record: AnyRecord;
  key: string;
  row: ClockRow | undefined;
  /** Its field stamps, from its clock row or, for a record never stamped, from its dates. */
  clock: FieldClock;
  /** Its own latest edit. */
  own: string;
  /** The latest edit of it or of anything that points at it. */
  below: string;
}

interface Child {
  table: SyncTable;
  record: AnyRecord;
  key: string;
}

async function linkChild(db: TrailmarkDb, link: AnyRecord): Promise<Child> {
  const targetId = text(link.targetId);
  const target = link.targetType === 'page' ? text((await db.pages.get(targetId))?.url) : targetId;
  const key = stableKey('links', {
    goalId: link.goalId,
    targetType: link.targetType,
    targetId: target,
  });
  return { table: 'links', record: link, key };
}

const asRecords = (list: readonly object[]) => list as unknown as AnyRecord[];

/** The records that point straight at `record`. */
async function childrenOf(db: TrailmarkDb, table: SyncTable, record: AnyRecord): Promise<Child[]> {
  const links = (list: readonly object[]) =>
    Promise.all(asRecords(list).map((link) => linkChild(db, link)));
  switch (table) {
    case 'pages': {
      const highlights = await db.highlights
        .where('[pageId+position]')
        .between([record.id, -Infinity], [record.id, Infinity])
        .toArray();
      return [
        ...asRecords(highlights).map((h) => ({
          table: 'highlights' as const,
          record: h,
          key: `highlights:${h.id}`,
        })),
        ...(await links(await db.links.where({ pageId: record.id }).toArray())),
      ];
    }
    case 'highlights': {
      const review = await db.reviews.get(record.id);
      const reviews = review
        ? [{ table: 'reviews' as const, record: review as unknown as AnyRecord }]
        : [];
      return [
        ...(await links(await db.links.where({ targetId: record.id }).toArray())),
        ...reviews.map((r) => ({ ...r, key: `reviews:${r.record.id}` })),
      ];
    }
    case 'goals':
      return links(await db.links.where({ goalId: record.id }).toArray());
    default:
      return [];
  }
}

/**
 * Everything below `record` (at most two levels: a page's highlights and their links and
 * schedules), each once, with the latest edit of it and of what is below it.
 */
export async function dependentsOf(
  db: TrailmarkDb,
  table: SyncTable,
  record: AnyRecord,
  device: string,
): Promise<Dependent[]> {
  const found = new Map<string, Dependent>();
  async function visit(child: Child): Promise<string> {
    const known = found.get(child.key);
    if (known) return known.below;
    const row = await db.syncClocks.get(child.key);
    const { clock } = localState(child.table, child.record, row, device);
    const own = latestStamp(clock);
    const entry: Dependent = { ...child, row, clock, own, below: own };
    found.set(child.key, entry);
    for (const next of await childrenOf(db, child.table, child.record)) {
      const below = await visit(next);
      if (below > entry.below) entry.below = below;
    }
    return entry.below;
  }
  for (const child of await childrenOf(db, table, record)) await visit(child);
  return [...found.values()];
}
