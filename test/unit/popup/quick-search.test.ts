import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { createHighlight } from '../../../src/storage/records/highlights';
import { firstResults } from '../../../src/storage/search/quick-search';
import { searchLibrary } from '../../../src/storage/search/search';
import { seedArchetypes } from '../../../src/storage/records/seed';
import { newHighlight } from '../storage/fixtures';
import { freshDb } from '../storage/test-db';

let db: TrailmarkDb;
beforeEach(async () => {
  db = freshDb();
  await seedArchetypes(db);
});
afterEach(() => db.delete());

const quoted = (exact: string, note = '') =>
  newHighlight({ note, selectors: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }] });

describe('firstResults', () => {
  it('finds highlights whose quote, note or page title has a word starting with every term', async () => {
    await createHighlight(db, quoted('The Solver digs deep'));
    await createHighlight(db, quoted('An architect decides', 'solving later'));
    await createHighlight(db, quoted('Nothing relevant'));
    const result = await firstResults(db, 'solv', 8, 4);
    expect(result.hits.map((h) => h.highlight.quote).sort()).toEqual([
      'An architect decides',
      'The Solver digs deep',
    ]);
    expect(result.hits.every((h) => h.page?.title === 'Staff archetypes')).toBe(true);
    const both = await firstResults(db, 'deep solv', 8, 4);
    expect(both.hits.map((h) => h.highlight.quote)).toEqual(['The Solver digs deep']);
    expect((await firstResults(db, 'staff arch', 8, 4)).pages.map((p) => p.title)).toEqual([
      'Staff archetypes',
    ]);
  });

  it('stops at the limit and answers nothing for a query without words', async () => {
    for (let i = 0; i < 5; i += 1) await createHighlight(db, quoted(`solver ${i}`));
    expect((await firstResults(db, 'solver', 3, 4)).hits).toHaveLength(3);
    expect(await firstResults(db, ' … ', 3, 4)).toEqual({
      terms: [],
      hits: [],
      total: 0,
      pages: [],
      complete: true,
    });
  });

  it('is the whole answer, in the full search order, when every candidate row was read', async () => {
    for (let i = 0; i < 6; i += 1) {
      // Made out of index order in time, so index order and newest-first differ.
      await createHighlight(db, quoted(`solver ${i}`), 1000 + ((i * 5) % 6) * 7);
    }
    const first = await firstResults(db, 'solver', 8, 4);
    const full = await searchLibrary(db, 'solver', { limit: 8, pageLimit: 4 });
    expect(first.complete).toBe(true);
    expect(first.hits.map((h) => h.highlight.id)).toEqual(full.hits.map((h) => h.highlight.id));
    expect(first.total).toBe(full.total);
    expect((await firstResults(db, 'solver', 3, 4)).complete).toBe(false);
  });

  it('says "nothing" at once for terms that never meet, scanning the rarer one', async () => {
    // More rows for "solver" than one scan reads: only the rare term can settle it.
    const many = Array.from({ length: 450 }, (_, i) => quoted(`the solver ${i}`));
    for (const h of many) await createHighlight(db, h);
    await createHighlight(db, quoted('a deep dive'));
    const none = await firstResults(db, 'solver deep', 8, 4);
    expect(none).toMatchObject({ hits: [], total: 0, complete: true });
    expect((await firstResults(db, 'solver', 8, 4)).complete).toBe(false);
  });
});
