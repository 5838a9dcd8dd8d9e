// The first rows must be exactly the head of the full answer, found either way (few candidates
// read and sorted, or a walk newest first): a table of filters over a library big enough that
// common words take the walk and rare ones the candidates.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HighlightRecord, PageRecord } from '../../../src/shared/types';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import {
  filteredHighlightIds,
  NO_FILTER,
  type LibraryFilter,
} from '../../../src/storage/search/filters';
import { markIndexPending } from '../../../src/storage/search/index-catch-up';
import { firstFilteredRows, warmPageCache } from '../../../src/storage/search/library-first';
import { warmWordTable, wordTable } from '../../../src/storage/search/word-table-live';
import { freshDb } from '../storage/test-db';

const COMMON = ['staff', 'engineer', 'solver', 'architect', 'strategy', 'review', 'scope'];
const RARE = ['zeppelin', 'quokka'];
const COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
const PAGES = 200;
const HIGHLIGHTS = 3000;
const T0 = Date.UTC(2026, 0, 1);

function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

let db: TrailmarkDb;
beforeAll(async () => {
  db = freshDb();
  const next = random(11);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const pages: PageRecord[] = Array.from({ length: PAGES }, (_, i) => ({
    id: `p${i}`,
    url: `https://site${i % 7}.example/${i}`,
    title: `${pick(COMMON)} notes ${i}`,
    site: `site${i % 7}.example`,
    firstVisitAt: T0,
    lastVisitAt: T0,
    readingMs: 0,
    maxScroll: 0,
    status: i % 3 === 0 ? 'reading' : 'read',
    tagIds: [],
    tracked: false,
    updatedAt: T0,
  }));
  const highlights: HighlightRecord[] = Array.from({ length: HIGHLIGHTS }, (_, i) => {
    const words = Array.from({ length: 6 }, () => pick(COMMON));
    if (i % 400 === 7) words.push(pick(RARE));
    const quote = words.join(' ');
    return {
      id: `h${String(i).padStart(5, '0')}`,
      pageId: `p${i % PAGES}`,
      selectors: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }],
      quote,
      color: pick(COLORS),
      tagIds: next() < 0.3 ? ['archetype-solver'] : [],
      note: next() < 0.1 ? 'ask about the zeppelin' : '',
      // Distinct times, so that newest first is one order.
      createdAt: T0 + Math.floor(next() * 1e9) * 1000 + i,
      updatedAt: T0,
      anchorStatus: 'anchored',
      position: i,
    };
  });
  await db.pages.bulkPut(pages);
  await db.highlights.bulkPut(highlights);
});
afterAll(() => db.delete());

const filters: [string, Partial<LibraryFilter>][] = [
  ['a common word', { query: 'solver' }],
  ['a common prefix', { query: 'str' }],
  ['two common words', { query: 'staff scope' }],
  ['a word of page titles only', { query: 'notes' }],
  ['a rare word', { query: 'zeppelin' }],
  ['a rare word in notes and quotes', { query: 'zep' }],
  ['a word nowhere', { query: 'xylophone' }],
  ['a tag and a colour', { tagIds: ['archetype-solver'], colors: ['green'] }],
  ['a site and a status', { sites: ['site3.example'], statuses: ['reading'] }],
  ['a period', { from: T0 + 2e11, to: T0 + 6e11 }],
  ['a word and a site', { query: 'architect', sites: ['site1.example'] }],
];

describe('firstFilteredRows', () => {
  it.each(filters)('%s: the head of the full answer', async (_, patch) => {
    const filter = { ...NO_FILTER, ...patch };
    const all = (await filteredHighlightIds(db, filter)) ?? [];
    const first = await firstFilteredRows(db, filter, 40);
    expect(first.ids).toEqual(all.slice(0, first.complete ? all.length : 40));
    if (!first.complete) expect(first.ids).toHaveLength(40);
  });

  it.each(filters)('%s: the same with every page at hand', async (_, patch) => {
    const filter = { ...NO_FILTER, ...patch };
    const cold = await firstFilteredRows(db, filter, 40);
    await warmPageCache(db);
    expect(await firstFilteredRows(db, filter, 40)).toEqual(cold);
  });

  it('forgets the pages at hand when a page is written', async () => {
    await warmPageCache(db);
    // A site filter alone always walks, testing each highlight against its page.
    const filter = { ...NO_FILTER, sites: ['moved.example'] };
    expect((await firstFilteredRows(db, filter, 40)).ids).toEqual([]);
    await db.pages.update('p5', { site: 'moved.example' });
    // The change event reaches the cache on its way out of the transaction.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const first = await firstFilteredRows(db, filter, 40);
    expect(first.ids.length).toBeGreaterThan(0);
    expect(first.ids).toEqual(((await filteredHighlightIds(db, filter)) ?? []).slice(0, 40));
  });

  it('reads the few candidates of a rare word completely', async () => {
    const first = await firstFilteredRows(db, { ...NO_FILTER, query: 'quokka' }, 40);
    expect(first.complete).toBe(true);
    expect(first.ids.length).toBeGreaterThan(0);
  });

  it('walks for a common word and stops at the limit', async () => {
    const first = await firstFilteredRows(db, { ...NO_FILTER, query: 'engineer' }, 40);
    expect(first).toMatchObject({ complete: false });
    expect(first.ids).toHaveLength(40);
  });

  const tableBuilt = () => vi.waitFor(() => expect(wordTable(db)).not.toBeNull(), 8000);

  it.each(filters)('%s: the same from the word table', async (_, patch) => {
    warmWordTable(db);
    await tableBuilt();
    const filter = { ...NO_FILTER, ...patch };
    const all = (await filteredHighlightIds(db, filter)) ?? [];
    const first = await firstFilteredRows(db, filter, 40);
    expect(first.ids).toEqual(all.slice(0, first.complete ? all.length : 40));
    if (!first.complete) expect(first.ids).toHaveLength(40);
  });

  it('with the word table, reads only highlights that match, not the newest ones', async () => {
    warmWordTable(db);
    await tableBuilt();
    const walk = vi.spyOn(db.highlights, 'orderBy');
    const reads = vi.spyOn(db.highlights, 'bulkGet');
    const filter = { ...NO_FILTER, query: 'staff scope' };
    const first = await firstFilteredRows(db, filter, 40);
    expect(first.ids).toHaveLength(40);
    expect(walk).not.toHaveBeenCalled();
    const read = reads.mock.calls.flatMap(([keys]) => keys as string[]);
    const all = new Set((await filteredHighlightIds(db, filter)) ?? []);
    expect(read.length).toBeGreaterThanOrEqual(40);
    expect(read.every((id) => all.has(id))).toBe(true);
    walk.mockRestore();
    reads.mockRestore();
  });

  it('drops the word table when a highlight is written, and builds it again', async () => {
    warmWordTable(db);
    await tableBuilt();
    const h = (await db.highlights.get('h00042')) as HighlightRecord;
    await db.highlights.put({ ...h, note: 'a narwhal appeared' });
    await vi.waitFor(() => expect(wordTable(db)).toBeNull(), 2000);
    // Meanwhile the walk answers, and the rebuilt table knows the new word.
    const filter = { ...NO_FILTER, query: 'narwhal' };
    expect((await firstFilteredRows(db, filter, 40)).ids).toEqual(['h00042']);
    await tableBuilt();
    expect(wordTable(db)?.vocabulary).toContain('narwhal');
    expect((await firstFilteredRows(db, filter, 40)).ids).toEqual(['h00042']);
  });

  it('orders the word table right from index rows written before they carried dates', async () => {
    await db.highlightWords.toCollection().modify((row) => {
      delete row.createdAt;
    });
    expect((await db.highlightWords.get('h00001'))?.createdAt).toBeUndefined();
    await vi.waitFor(() => expect(wordTable(db)).toBeNull(), 2000);
    warmWordTable(db);
    await tableBuilt();
    const ordered = await db.highlights.orderBy('createdAt').reverse().primaryKeys();
    expect(wordTable(db)?.ids).toEqual(ordered);
    for (const query of ['solver', 'staff scope', 'zep']) {
      const filter = { ...NO_FILTER, query };
      const all = (await filteredHighlightIds(db, filter)) ?? [];
      const first = await firstFilteredRows(db, filter, 40);
      expect(first.ids).toEqual(all.slice(0, first.complete ? all.length : 40));
    }
  });

  // Last: it empties the word index of the shared library.
  it('does not trust the word index while an import is still being indexed', async () => {
    const filter = { ...NO_FILTER, query: 'quokka' };
    const expected = (await firstFilteredRows(db, filter, 40)).ids;
    await db.highlightWords.clear();
    await markIndexPending(db);
    const first = await firstFilteredRows(db, filter, 40);
    expect(first).toEqual({ ids: expected, complete: true });
  });
});
