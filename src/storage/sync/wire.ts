// A record's wire form and back. Local ids of pages and tags differ between devices (each made
// its own), so on the server a reference names what every device agrees on: a page by its
// normalised URL, a tag by its name key. Highlights, goals, links and reviews keep their ids,
// which are random and the same everywhere. Device-local fields stay home.
import { FIELD_RULES, stableKey, type SyncTable } from '../../shared/sync/sync-body';

export type AnyRecord = Record<string, unknown> & { id: string };

/** What a record's references stand for, looked up by whoever converts. */
export interface WireRefs {
  pageUrl(id: string): string | undefined;
  tagKey(id: string): string | undefined;
}

/** Finds this device's records for references in wire form. */
export interface Resolver {
  pageId(url: string): Promise<string | undefined>;
  tagId(nameKey: string): Promise<string | undefined>;
  exists(table: 'goals' | 'highlights', id: string): Promise<boolean>;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];

const mapKnown = (ids: unknown, lookup: (id: string) => string | undefined): string[] =>
  strings(ids).flatMap((id) => {
    const found = lookup(id);
    return found === undefined ? [] : [found];
  });

export const localFields = (table: SyncTable): string[] =>
  Object.entries(FIELD_RULES[table])
    .filter(([, rule]) => rule === 'local')
    .map(([field]) => field);

/** The record as the server holds it. */
export function toWire(
  table: SyncTable,
  record: AnyRecord,
  refs: WireRefs,
): Record<string, unknown> {
  const local = new Set(localFields(table));
  const wire = Object.fromEntries(Object.entries(record).filter(([field]) => !local.has(field)));
  const url = (id: unknown) => refs.pageUrl(String(id)) ?? '';
  switch (table) {
    case 'pages':
      wire.tagIds = mapKnown(record.tagIds, refs.tagKey);
      break;
    case 'highlights':
      wire.pageId = url(record.pageId);
      wire.tagIds = mapKnown(record.tagIds, refs.tagKey);
      break;
    case 'links':
      wire.pageId = url(record.pageId);
      if (record.targetType === 'page') wire.targetId = url(record.targetId);
      break;
    default:
  }
  return wire;
}

/** The record's stable key, from its local form. */
export const localKey = (table: SyncTable, record: AnyRecord, refs: WireRefs): string =>
  stableKey(table, toWire(table, record, refs));

export type FromWire = { record: Record<string, unknown> } | { missing: string };

async function tagIdsOf(
  wire: Record<string, unknown>,
  resolver: Resolver,
): Promise<string[] | { missing: string }> {
  const ids: string[] = [];
  for (const nameKey of strings(wire.tagIds)) {
    const id = await resolver.tagId(nameKey);
    if (id === undefined) return { missing: `tags:${nameKey}` };
    ids.push(id);
  }
  return ids;
}

async function pageIdOf(url: unknown, resolver: Resolver): Promise<string | { missing: string }> {
  const id = await resolver.pageId(String(url));
  return id ?? { missing: `pages:${String(url)}` };
}

async function linkFromWire(wire: Record<string, unknown>, resolver: Resolver): Promise<FromWire> {
  const goalId = String(wire.goalId);
  if (!(await resolver.exists('goals', goalId))) return { missing: `goals:${goalId}` };
  const pageId = await pageIdOf(wire.pageId, resolver);
  if (typeof pageId !== 'string') return pageId;
  if (wire.targetType === 'page') return { record: { ...wire, pageId, targetId: pageId } };
  const targetId = String(wire.targetId);
  if (!(await resolver.exists('highlights', targetId))) {
    return { missing: `highlights:${targetId}` };
  }
  return { record: { ...wire, pageId } };
}

/**
 * The record in this device's ids, or the stable key of the first record it points at that
 * this device does not have yet.
 */
export async function fromWire(
  table: SyncTable,
  wire: Record<string, unknown>,
  resolver: Resolver,
): Promise<FromWire> {
  switch (table) {
    case 'pages': {
      const tagIds = await tagIdsOf(wire, resolver);
      return Array.isArray(tagIds) ? { record: { ...wire, tagIds } } : tagIds;
    }
    case 'highlights': {
      const pageId = await pageIdOf(wire.pageId, resolver);
      if (typeof pageId !== 'string') return pageId;
      const tagIds = await tagIdsOf(wire, resolver);
      if (!Array.isArray(tagIds)) return tagIds;
      return { record: { ...wire, pageId, tagIds, anchorStatus: 'unknown' } };
    }
    case 'links':
      return linkFromWire(wire, resolver);
    case 'reviews': {
      const id = String(wire.id);
      return (await resolver.exists('highlights', id))
        ? { record: wire }
        : { missing: `highlights:${id}` };
    }
    default:
      return { record: wire };
  }
}
