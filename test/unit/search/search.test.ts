import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { openDb } from '../../../src/storage/database/db';
import {
  createHighlight,
  deleteHighlight,
  updateHighlight,
} from '../../../src/storage/records/highlights';
import { SCHEMA_VERSIONS } from '../../../src/storage/database/schema';
import { matchingHighlightIds, searchLibrary } from '../../../src/storage/search/search';
import { seedArchetypes } from '../../../src/storage/records/seed';
import { newHighlight } from '../storage/fixtures';
import { freshDb } from '../storage/test-db';
import { FILLS } from '../storage/migration-fills';

let db: TrailmarkDb;
beforeEach(async () => {
  db = freshDb();
  await seedArchetypes(db);
});
afterEach(() => db.delete());

const quoteSelectors = (exact: string) => [
  { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
];

async function add(
  quote: string,
  extra: { note?: string; url?: string; title?: string } = {},
  at = 1,
) {
  return createHighlight(db, newHighlight({ selectors: quoteSelectors(quote), ...extra }), at);
}

const quotes = async (query: string) =>
  (await searchLibrary(db, query)).hits.map((h) => h.highlight.quote);

describe('searchLibrary', () => {
  it('matches whole words and word prefixes, ignoring case and accents', async () => {
    await add('The Solver digs deep into gnarly problems');
    await add('A résumé of the Architect role');
    expect(await quotes('solver')).toEqual(['The Solver digs deep into gnarly problems']);
    expect(await quotes('solv')).toEqual(['The Solver digs deep into gnarly problems']);
    expect(await quotes('RESUME')).toEqual(['A résumé of the Architect role']);
    expect(await quotes('lver')).toEqual([]);
  });

  it('requires every term, found in the quote, the note or the page title', async () => {
    await add('Digs deep', { note: 'useful for my promo packet', title: 'Staff archetypes' });
    await add('Digs wide', { url: 'https://example.com/other', title: 'Other article' });
    expect(await quotes('digs promo')).toEqual(['Digs deep']);
    expect(await quotes('digs archetypes')).toEqual(['Digs deep']);
    expect(await quotes('digs')).toHaveLength(2);
    expect(await quotes('digs nothing')).toEqual([]);
  });

  it('lists newest first, caps at the limit and counts all matches', async () => {
    for (let i = 0; i < 30; i += 1) await add(`lesson number ${i}`, {}, 1000 + i);
    const result = await searchLibrary(db, 'lesson', { limit: 5 });
    expect(result.total).toBe(30);
    expect(result.hits.map((h) => h.highlight.quote)).toEqual([
      'lesson number 29',
      'lesson number 28',
      'lesson number 27',
      'lesson number 26',
      'lesson number 25',
    ]);
    expect(result.hits[0]?.page?.title).toBe('Staff archetypes');
    expect(result.terms).toEqual(['lesson']);
  });

  it('finds pages by title on their own', async () => {
    await add('x', { url: 'https://example.com/a', title: 'Writing an engineering strategy' });
    const result = await searchLibrary(db, 'strat');
    expect(result.pages.map((p) => p.title)).toEqual(['Writing an engineering strategy']);
  });

  it('follows edits, deletions and a changed page title', async () => {
    const h = await add('plain words');
    await updateHighlight(db, h.id, { note: 'mentoring' });
    expect(await quotes('mentor')).toEqual(['plain words']);
    await updateHighlight(db, h.id, { note: 'other' });
    expect(await quotes('mentor')).toEqual([]);

    await db.pages.update(h.pageId, { title: 'Renamed to Glue work' });
    expect(await quotes('glue')).toEqual(['plain words']);
    expect((await searchLibrary(db, 'glue')).pages).toHaveLength(1);

    await deleteHighlight(db, h.id);
    expect(await quotes('plain')).toEqual([]);
    expect(await db.highlightWords.count()).toBe(0);
  });

  it('keeps the index empty after a clear and ignores an empty query', async () => {
    await add('alpha beta');
    await db.highlights.clear();
    expect(await db.highlightWords.count()).toBe(0);
    expect(await searchLibrary(db, '  ,; ')).toEqual({ terms: [], hits: [], total: 0, pages: [] });
    expect(await matchingHighlightIds(db, '')).toBeNull();
  });

  it('intersects large candidate sets term by term', async () => {
    const pageId = (await add('seed')).pageId;
    const rows = Array.from({ length: 6000 }, (_, i) => ({
      ...newRecord(`h${i}`, pageId),
      quote: i % 3 === 0 ? `common rare${i}` : `common other`,
    }));
    await db.highlights.bulkPut(rows);
    expect((await matchingHighlightIds(db, 'common rare'))?.size).toBe(2000);
    const result = await searchLibrary(db, 'common', { limit: 3 });
    expect(result.total).toBe(6000);
    expect(result.hits).toHaveLength(3);
  });

  it('builds the index for highlights stored before the index existed', async () => {
    const name = `search-upgrade-${crypto.randomUUID()}`;
    const old = openDb(
      name,
      SCHEMA_VERSIONS.filter((v) => v.version === 1),
    );
    await old.open();
    await FILLS[1]?.write(old);
    old.close();
    const latest = openDb(name);
    expect((await searchLibrary(latest, 'digs')).total).toBe(1);
    expect((await searchLibrary(latest, 'staff archetypes')).pages).toHaveLength(1);
    await latest.delete();
  });
});

function newRecord(id: string, pageId: string) {
  return {
    id,
    pageId,
    selectors: [],
    quote: '',
    color: 'yellow' as const,
    tagIds: [],
    note: '',
    createdAt: Number(id.slice(1)),
    updatedAt: 0,
    anchorStatus: 'anchored' as const,
    position: 0,
  };
}
