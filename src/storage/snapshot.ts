// Every record of every table, in one read: what tests compare before and after an operation
// that must leave the database unchanged.
import type { TrailmarkDb } from './db';

export async function snapshot(db: TrailmarkDb) {
  return db.transaction('r', [db.pages, db.highlights, db.tags, db.goals, db.links], async () => ({
    pages: await db.pages.toArray(),
    highlights: await db.highlights.toArray(),
    tags: await db.tags.toArray(),
    goals: await db.goals.toArray(),
    links: await db.links.toArray(),
  }));
}
