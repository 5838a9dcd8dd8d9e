// Tags: the built-in archetypes and the reader's own, unique by name regardless of case.
import { ARCHETYPES } from '../../shared/archetypes';
import type { TagRecord } from '../../shared/types';
import type { TrailmarkDb } from '../database/db';
import { NotFoundError } from '../database/errors';

export const tagNameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

const archetypeRank = (tag: TagRecord): number => {
  const index = ARCHETYPES.findIndex((a) => a.id === tag.id);
  return index === -1 ? ARCHETYPES.length : index;
};

/** Archetypes first in their built-in order, then the reader's own tags by name. */
export async function listTags(db: TrailmarkDb): Promise<TagRecord[]> {
  const tags = await db.tags.toArray();
  return tags.sort((a, b) => archetypeRank(a) - archetypeRank(b) || a.name.localeCompare(b.name));
}

/** Throws unless every id names a stored tag; call inside the writing transaction. */
export async function assertTagsExist(db: TrailmarkDb, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await db.tags.bulkGet([...ids]);
  const missing = ids.filter((_, i) => !found[i]);
  if (missing.length > 0) throw new NotFoundError(`unknown tag: ${missing.join(', ')}`);
}

/** The stored tag this request names (by name in any case, or by id), if there is one. */
export async function existingTag(
  db: TrailmarkDb,
  input: { id: string; name: string },
): Promise<TagRecord | undefined> {
  const nameKey = tagNameKey(input.name);
  return (await db.tags.where({ nameKey }).first()) ?? (await db.tags.get(input.id));
}

/**
 * The reader's tag of this name, created if needed. A name that exists in any case returns the
 * existing tag, so two tabs adding "Mentoring" and "mentoring" end with one tag.
 */
export async function ensureTag(
  db: TrailmarkDb,
  input: { id: string; name: string },
  now = Date.now(),
): Promise<TagRecord> {
  const name = input.name.trim().replace(/\s+/g, ' ');
  const nameKey = tagNameKey(name);
  return db.transaction('rw', db.tags, async () => {
    const existing = await existingTag(db, input);
    if (existing) return existing;
    const tag: TagRecord = {
      id: input.id,
      name,
      nameKey,
      color: customTagColor(nameKey),
      kind: 'custom',
      createdAt: now,
      updatedAt: now,
    };
    await db.tags.add(tag);
    return tag;
  });
}

const CUSTOM_COLORS = ['#0f766e', '#be123c', '#4d7c0f', '#a21caf', '#0369a1', '#b45309'];

/** A stable colour per name, so a tag looks the same wherever it is created. */
export function customTagColor(nameKey: string): string {
  let hash = 0;
  for (const char of nameKey) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return CUSTOM_COLORS[hash % CUSTOM_COLORS.length] ?? '#0f766e';
}

/** Marks a tag private (never printed in an export) or not. */
export function setTagPrivate(
  db: TrailmarkDb,
  id: string,
  isPrivate: boolean,
  now = Date.now(),
): Promise<TagRecord> {
  return db.transaction('rw', db.tags, async () => {
    const tag = await db.tags.get(id);
    if (!tag) throw new NotFoundError(`no tag ${id}`);
    const updated = { ...tag, private: isPrivate, updatedAt: now };
    await db.tags.put(updated);
    return updated;
  });
}

/** Ids of the tags marked private: exports leave them out. */
export async function privateTagIds(db: TrailmarkDb): Promise<Set<string>> {
  const tags = await db.tags.toArray();
  return new Set(tags.filter((t) => t.private === true).map((t) => t.id));
}

/** Names of the tags an export may print, by id: every tag but those marked private. */
export async function publicTagNames(db: TrailmarkDb): Promise<Map<string, string>> {
  const tags = await db.tags.toArray();
  return new Map(tags.filter((t) => t.private !== true).map((t) => [t.id, t.name]));
}
