// Built-in archetype tags exist from the first run on. Seeding runs on every install and update,
// so it adds only what is missing and never touches a tag the reader has since recoloured.
import { ARCHETYPES } from '../../shared/archetypes';
import type { TagRecord } from '../../shared/types';
import type { TrailmarkDb } from '../database/db';
import { tagNameKey } from './tags';

export async function seedArchetypes(db: TrailmarkDb, now = Date.now()): Promise<number> {
  return db.transaction('rw', db.tags, async () => {
    let added = 0;
    for (const archetype of ARCHETYPES) {
      const nameKey = tagNameKey(archetype.name);
      const existing =
        (await db.tags.get(archetype.id)) ?? (await db.tags.where({ nameKey }).first());
      if (existing) continue;
      const tag: TagRecord = {
        ...archetype,
        nameKey,
        kind: 'archetype',
        createdAt: now,
        updatedAt: now,
      };
      await db.tags.add(tag);
      added += 1;
    }
    return added;
  });
}
