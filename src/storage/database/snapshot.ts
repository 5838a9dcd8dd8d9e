// Reads of the whole database in one transaction, for tests that compare before and after an
// operation that must leave it unchanged, and for the end-to-end tests' look at what was saved.
import type { TrailmarkDb } from './db';

/**
 * Every record of every table the schema declares, keyed by table name. The table list comes from
 * the database itself, so a stray write to the word index, the schedule or `meta` is caught too,
 * and a table added later is covered without touching this file.
 */
export async function snapshot(db: TrailmarkDb): Promise<Record<string, unknown[]>> {
  return db.transaction('r', db.tables, async () => {
    const entries = await Promise.all(
      db.tables.map(async (table) => [table.name, await table.toArray()] as const),
    );
    return Object.fromEntries(entries);
  });
}

/**
 * The reader's own records (pages, highlights, tags, goals, links) without the derived tables:
 * what survives a migration as written, and what the end-to-end tests look up.
 */
export async function records(db: TrailmarkDb) {
  return db.transaction('r', [db.pages, db.highlights, db.tags, db.goals, db.links], async () => ({
    pages: await db.pages.toArray(),
    highlights: await db.highlights.toArray(),
    tags: await db.tags.toArray(),
    goals: await db.goals.toArray(),
    links: await db.links.toArray(),
  }));
}
