import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { seedArchetypes } from '../../../src/storage/records/seed';
import { listTags } from '../../../src/storage/records/tags';
import { freshDb } from './test-db';

let db: TrailmarkDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.delete());

describe('seedArchetypes', () => {
  it('adds the four archetypes on first run, in their built-in order', async () => {
    expect(await seedArchetypes(db)).toBe(4);
    expect((await listTags(db)).map((t) => t.name)).toEqual([
      'Tech Lead',
      'Architect',
      'Solver',
      'Right Hand',
    ]);
  });

  it('is idempotent: an update never duplicates them', async () => {
    await seedArchetypes(db);
    expect(await seedArchetypes(db)).toBe(0);
    await Promise.all([seedArchetypes(db), seedArchetypes(db)]);
    expect(await db.tags.count()).toBe(4);
  });

  it('keeps what the reader changed and does not re-add a tag the reader already has by name', async () => {
    await seedArchetypes(db);
    await db.tags.update('archetype-solver', { color: '#000000' });
    await db.tags.delete('archetype-architect');
    await db.tags.add({
      id: 'mine',
      name: 'ARCHITECT',
      nameKey: 'architect',
      color: '#111',
      kind: 'custom',
      createdAt: 1,
      updatedAt: 1,
    });
    expect(await seedArchetypes(db)).toBe(0);
    expect((await db.tags.get('archetype-solver'))?.color).toBe('#000000');
    expect(await db.tags.count()).toBe(4);
  });

  it('sorts the reader’s own tags after the archetypes, by name', async () => {
    await seedArchetypes(db);
    await db.tags.bulkAdd([
      {
        id: 'b',
        name: 'mentoring',
        nameKey: 'mentoring',
        color: '#111',
        kind: 'custom',
        createdAt: 1,
        updatedAt: 1,
      },
      {
        id: 'a',
        name: 'Hiring',
        nameKey: 'hiring',
        color: '#111',
        kind: 'custom',
        createdAt: 2,
        updatedAt: 2,
      },
    ]);
    expect((await listTags(db)).map((t) => t.name).slice(4)).toEqual(['Hiring', 'mentoring']);
  });
});
