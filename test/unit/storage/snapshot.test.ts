// The "nothing was written" proofs compare snapshots, so a snapshot must see every table: a write
// to a derived table (word index, schedule, meta) would otherwise pass unnoticed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { snapshot } from '../../../src/storage/database/snapshot';
import { freshDb } from './test-db';

let db: TrailmarkDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.delete());

describe('snapshot', () => {
  it('reads every table the schema declares', async () => {
    await db.open();
    const tables = db.tables.map((table) => table.name).sort();
    expect(Object.keys(await snapshot(db)).sort()).toEqual(tables);
    expect(tables).toEqual(
      expect.arrayContaining(['highlightWords', 'pageWords', 'reviews', 'meta']),
    );
  });

  it('changes when only a derived table is written', async () => {
    const before = await snapshot(db);
    await db.meta.put({ key: 'stray', value: 1 });
    expect(await snapshot(db)).not.toEqual(before);
  });
});
