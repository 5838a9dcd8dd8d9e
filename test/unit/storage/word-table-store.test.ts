// The word table saved between visits: brought up to date from the word log it must equal a table
// built afresh from every search row, whichever way the library was written; when the log cannot
// vouch for it (overflowed, another epoch, index catching up) it is not used at all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HighlightRecord, PageRecord } from '../../../src/shared/types';
import { openDb, type TrailmarkDb } from '../../../src/storage/database/db';
import {
  catchUpIndex,
  type Collector,
  indexStep,
  markIndexPending,
} from '../../../src/storage/search/index-catch-up';
import { deferIndexing } from '../../../src/storage/search/search-index';
import { WORD_LOG_MAX } from '../../../src/storage/search/word-log';
import {
  patchTable,
  TableBuilder,
  type WordRow,
  type WordTable,
} from '../../../src/storage/search/word-table';
import {
  openWordTable,
  warmWordTable,
  wordTable,
} from '../../../src/storage/search/word-table-live';
import { datedRows, loadTable, saveTable } from '../../../src/storage/search/word-table-store';
import { freshDb } from './test-db';
import { articlePage } from '../review/library-records';

const T0 = Date.UTC(2026, 0, 1);

const built = (rows: readonly WordRow[]): WordTable => {
  const builder = new TableBuilder();
  for (const row of rows) builder.add(row);
  return builder.finish();
};

/** A table as comparable data: each row's id, date and words, in table order. */
const rowsOf = (table: WordTable) =>
  table.ids.map((id, i) => ({
    id,
    createdAt: table.dates[i],
    words: [...table.words.subarray(table.starts[i], table.starts[i + 1])].map(
      (w) => table.vocabulary[w],
    ),
  }));

describe('patchTable', () => {
  const before: WordRow[] = [
    { id: 'a', createdAt: 10, words: ['staff', 'scope'] },
    { id: 'b', createdAt: 20, words: ['solver'] },
    { id: 'c', createdAt: 20, words: ['architect', 'staff'] },
    { id: 'd', createdAt: 30, words: [] },
  ];
  const cases: [string, string[], WordRow[]][] = [
    ['nothing changed', [], []],
    ['a new newest row', ['e'], [{ id: 'e', createdAt: 40, words: ['narwhal'] }]],
    ['a new oldest row', ['e'], [{ id: 'e', createdAt: 1, words: ['staff'] }]],
    ['a new row between equal dates', ['bb'], [{ id: 'bb', createdAt: 20, words: ['x'] }]],
    ['a row deleted', ['c'], []],
    ['every row deleted', ['a', 'b', 'c', 'd'], []],
    ['words edited in place', ['b'], [{ id: 'b', createdAt: 20, words: ['solver', 'new'] }]],
    ['a row moved in time', ['a'], [{ id: 'a', createdAt: 35, words: ['staff', 'scope'] }]],
    [
      'several at once',
      ['a', 'd', 'f'],
      [
        { id: 'f', createdAt: 25, words: ['fresh'] },
        { id: 'a', createdAt: 5, words: ['scope'] },
      ],
    ],
  ];

  it.each(cases)('%s: equals a table built afresh', (_, changed, rows) => {
    const expected = [
      ...before.filter((row) => !changed.includes(row.id)),
      ...rows.filter((row) => changed.includes(row.id)),
    ];
    const patched = patchTable(built(before), new Set(changed), rows);
    expect(rowsOf(patched)).toEqual(rowsOf(built(expected)));
  });
});

let db: TrailmarkDb;

/** A page as the library's view tests make one, dated at this file's T0 and already read. */
const page = (id: string, title: string): PageRecord => ({
  ...articlePage(id, `https://example.com/${id}`, title),
  firstVisitAt: T0,
  lastVisitAt: T0,
  updatedAt: T0,
  status: 'read',
});

const highlight = (i: number, quote: string, pageId = 'p1'): HighlightRecord => ({
  id: `h${String(i).padStart(5, '0')}`,
  pageId,
  selectors: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }],
  quote,
  color: 'yellow',
  tagIds: [],
  note: '',
  createdAt: T0 + (i % 50) * 1000,
  updatedAt: T0,
  anchorStatus: 'anchored',
  position: i,
});

/** The table as a first visit builds it: from every search row. */
const fromScratch = async () => built(await datedRows(db, await db.highlightWords.toArray()));

/** A visit that builds the table and saves it, as the review page does. */
async function saveFresh() {
  const { mark } = await loadTable(db);
  expect(await saveTable(db, await fromScratch(), mark)).toBe(true);
}

beforeEach(async () => {
  db = freshDb();
  await db.pages.bulkPut([page('p1', 'Staff notes'), page('p2', 'Strategy memo')]);
  const quotes = ['staff scope', 'solver digs deep', 'architect direction', 'right hand'];
  await db.highlights.bulkPut(
    Array.from({ length: 200 }, (_, i) => highlight(i, quotes[i % 4] ?? '', `p${1 + (i % 2)}`)),
  );
});
afterEach(() => db.delete());

describe('the saved word table', () => {
  it('is not there before a visit saved one', async () => {
    expect((await loadTable(db)).table).toBeNull();
  });

  it('comes back as saved when nothing changed', async () => {
    await saveFresh();
    const loaded = await loadTable(db);
    expect(loaded.changes).toBe(0);
    expect(rowsOf(loaded.table as WordTable)).toEqual(rowsOf(await fromScratch()));
  });

  const writes: [string, () => Promise<unknown>][] = [
    ['a new highlight', () => db.highlights.put(highlight(500, 'narwhal sighting'))],
    ['a note edited', () => db.highlights.update('h00007', { note: 'ask about quokkas' })],
    ['a highlight deleted', () => db.highlights.delete('h00003')],
    ['several deleted by range', () => db.highlights.where('id').below('h00010').delete()],
    ['a page retitled', () => db.pages.update('p2', { title: 'Zeppelin memo' })],
    [
      'two writes racing in one transaction',
      () =>
        db.transaction('rw', db.highlights, () =>
          Promise.all([
            db.highlights.put(highlight(501, 'first racer')),
            db.highlights.put(highlight(502, 'second racer')),
          ]),
        ),
    ],
    [
      'a search row written directly',
      () => db.highlightWords.put({ id: 'h00004', pageId: 'p1', words: ['direct'], createdAt: T0 }),
    ],
  ];

  it.each(writes)('after %s, is brought up to date', async (_, write) => {
    await saveFresh();
    await write();
    const loaded = await loadTable(db);
    expect(loaded.changes).toBeGreaterThan(0);
    expect(rowsOf(loaded.table as WordTable)).toEqual(rowsOf(await fromScratch()));
  });

  it('is given up once more rows changed than the log keeps', async () => {
    await saveFresh();
    await db.highlights.bulkPut(
      Array.from({ length: WORD_LOG_MAX + 1 }, (_, i) => highlight(1000 + i, 'bulk')),
    );
    expect((await loadTable(db)).table).toBeNull();
  });

  it('is not used while an import is still being indexed', async () => {
    await saveFresh();
    await db.transaction('rw', db.highlights, db.meta, () => markIndexPending(db));
    expect((await loadTable(db)).table).toBeNull();
  });

  it('is not saved when the library changed while it was being built', async () => {
    const { mark } = await loadTable(db);
    const table = await fromScratch();
    await db.highlights.put(highlight(600, 'written meanwhile'));
    expect(await saveTable(db, table, mark)).toBe(false);
    expect((await loadTable(db)).table).toBeNull();
  });

  it('starts a fresh log when saved, so that patches stay small', async () => {
    await saveFresh();
    await db.highlights.put(highlight(700, 'one change'));
    const loaded = await loadTable(db);
    expect(loaded.changes).toBe(1);
    expect(await saveTable(db, loaded.table as WordTable, loaded.mark)).toBe(true);
    expect((await loadTable(db)).changes).toBe(0);
  });
});

describe('the review page taking its word table', () => {
  it('only looks for a saved table when asked to open, and builds when asked to warm', async () => {
    await openWordTable(db);
    expect(wordTable(db)).toBeNull();
    await warmWordTable(db);
    expect(rowsOf(wordTable(db) as WordTable)).toEqual(rowsOf(await fromScratch()));
  });

  it('opens, on a later visit, the table the last one built, changes included', async () => {
    await warmWordTable(db);
    await db.highlights.put(highlight(800, 'between visits'));
    const later = openDb(db.name);
    try {
      await openWordTable(later);
      expect(rowsOf(wordTable(later) as WordTable)).toEqual(rowsOf(await fromScratch()));
    } finally {
      later.close();
    }
  });
});

describe('the word table after an import', () => {
  /** An import's way of writing: records unindexed, the index marked as behind. */
  const importHighlights = (records: HighlightRecord[]) =>
    db.transaction('rw', db.highlights, db.meta, async (tx) => {
      deferIndexing(tx.idbtrans);
      await db.highlights.bulkPut(records);
      await markIndexPending(db);
    });
  const imported = () =>
    Array.from({ length: 30 }, (_, i) => highlight(900 + i, 'imported quokka'));

  it('is not taken from before the import, even once the index caught up elsewhere', async () => {
    await saveFresh();
    await importHighlights(imported());
    expect((await loadTable(db)).table).toBeNull();
    // Steps run one by one (no whole run) collect no table.
    while (await indexStep(db, 50));
    expect((await loadTable(db)).table).toBeNull();
  });

  it('is collected by the catch-up that indexes every row, and saved with its last batch', async () => {
    await importHighlights(imported());
    await catchUpIndex(db);
    const loaded = await loadTable(db);
    expect(loaded.changes).toBe(0);
    expect(rowsOf(loaded.table as WordTable)).toEqual(rowsOf(await fromScratch()));
  });

  it('counts on the changes others made while the catch-up ran', async () => {
    await importHighlights(imported());
    const collector: Collector = { table: null };
    let state = await indexStep(db, 50, collector);
    for (let i = 0; state; i += 1) {
      if (i === 3) await db.highlights.update('h00001', { note: 'edited meanwhile' });
      if (i === 4) await db.highlights.delete('h00150');
      state = await indexStep(db, 50, collector);
    }
    const loaded = await loadTable(db);
    expect(loaded.changes).toBe(2);
    expect(rowsOf(loaded.table as WordTable)).toEqual(rowsOf(await fromScratch()));
  });
});
