// Tags: the built-in archetypes and the reader's own, unique by name regardless of case.
import { ARCHETYPES } from '../shared/archetypes';
import type { TagRecord } from '../shared/types';
import type { TrailmarkDb } from './db';
import { NotFoundError } from './errors';

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
