// The word index behind full-text search, kept in step with highlights and pages by a Dexie
// middleware rather than by each repository: every write path (the background's, an import, a
// test's raw put) updates it in the same transaction, so the index can never drift from the
// records. Each highlight gets a row of the words of its quote, note and page title; each page a
// row of its title words. Both rows live in tables of their own so that the records the rest of
// Trailmark reads, exports and compares stay exactly as written.
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import type { HighlightRecord, PageRecord } from '../../shared/types';
import { wordsOf } from '../../shared/search-words';
import { loggedTable } from './word-log';
import { tableNames, widenWrites } from '../database/widen-writes';

export const HIGHLIGHT_WORDS = 'highlightWords';
export const PAGE_WORDS = 'pageWords';

export interface HighlightWordsRow {
  id: string;
  pageId: string;
  words: string[];
  /** The highlight's date, for the word table to order rows by; older rows lack it. */
  createdAt?: number;
}

export interface PageWordsRow {
  id: string;
  words: string[];
}

export const highlightRow = (h: HighlightRecord, title: string): HighlightWordsRow => ({
  id: h.id,
  pageId: h.pageId,
  words: wordsOf(h.quote, h.note, title),
  createdAt: h.createdAt,
});

export const pageRow = (p: PageRecord): PageWordsRow => ({ id: p.id, words: wordsOf(p.title) });

/** The schedule row of a highlight goes with it, like its index row. */
const REVIEWS = 'reviews';

/**
 * Writing highlights or pages also writes the index, so the transaction must cover it; writing
 * the index also writes the log of changed rows (word-log.ts), which lives in the meta table.
 */
function widenScope(stores: string[], existing: ReadonlySet<string>): string[] {
  const records = stores.includes('highlights') || stores.includes('pages');
  if (!records && !stores.includes(HIGHLIGHT_WORDS)) return stores;
  const needed = records ? ['highlights', 'pages', HIGHLIGHT_WORDS, PAGE_WORDS, REVIEWS] : [];
  return [...new Set([...stores, ...needed, 'meta'].filter((name) => existing.has(name)))];
}

/** Primary keys a delete request names, reading them when it names a range. */
async function keysOf(table: DBCoreTable, req: DBCoreMutateRequest): Promise<unknown[]> {
  if (req.type === 'delete') return req.keys;
  if (req.type === 'deleteRange') {
    const found = await table.query({
      trans: req.trans,
      query: { index: table.schema.primaryKey, range: req.range },
    });
    return found.result;
  }
  return [];
}

async function removeRows(core: DBCore, name: string, trans: DBCoreTransaction, keys: unknown[]) {
  if (keys.length > 0) await core.table(name).mutate({ type: 'delete', trans, keys });
}

async function putRows(core: DBCore, name: string, trans: DBCoreTransaction, rows: unknown[]) {
  if (rows.length > 0) await core.table(name).mutate({ type: 'put', trans, values: rows });
}

async function titlesOf(
  core: DBCore,
  trans: DBCoreTransaction,
  pageIds: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(pageIds)];
  const pages = (await core.table('pages').getMany({ trans, keys: unique })) as (
    PageRecord | undefined
  )[];
  return new Map(unique.map((id, i) => [id, pages[i]?.title ?? '']));
}

/** What an indexer must know from before the write: a page's old title, to see it change. */
interface Indexer {
  before(core: DBCore, trans: DBCoreTransaction, values: never[]): Promise<unknown>;
  after(core: DBCore, trans: DBCoreTransaction, written: never[], before: unknown): Promise<void>;
}

const highlightIndexer: Indexer = {
  before: async () => undefined,
  async after(core, trans, written: HighlightRecord[]) {
    const titles = await titlesOf(
      core,
      trans,
      written.map((h) => h.pageId),
    );
    const rows = written.map((h) => highlightRow(h, titles.get(h.pageId) ?? ''));
    await putRows(core, HIGHLIGHT_WORDS, trans, rows);
  },
};

/** A page whose title changed re-indexes its highlights, since their rows carry the title. */
async function reindexRetitled(core: DBCore, trans: DBCoreTransaction, retitled: PageRecord[]) {
  const highlights = core.table('highlights');
  const byPage = highlights.schema.getIndexByKeyPath(['pageId', 'position']);
  if (!byPage) throw new Error('the highlights store has no [pageId+position] index');
  for (const page of retitled) {
    // Positions are numbers, so [id, -Infinity]..[id, Infinity] is every highlight of the page.
    const range = { type: 2, lower: [page.id, -Infinity], upper: [page.id, Infinity] } as const;
    const found = await highlights.query({ trans, values: true, query: { index: byPage, range } });
    const rows = (found.result as HighlightRecord[]).map((h) => highlightRow(h, page.title));
    await putRows(core, HIGHLIGHT_WORDS, trans, rows);
  }
}

const pageIndexer: Indexer = {
  async before(core, trans, values: PageRecord[]) {
    const old = (await core.table('pages').getMany({ trans, keys: values.map((p) => p.id) })) as (
      PageRecord | undefined
    )[];
    return new Map(old.flatMap((p) => (p ? [[p.id, p.title] as const] : [])));
  },
  async after(core, trans, written: PageRecord[], before) {
    const oldTitles = before as Map<string, string>;
    const retitled = written.filter((p) => (oldTitles.get(p.id) ?? p.title) !== p.title);
    await putRows(core, PAGE_WORDS, trans, written.map(pageRow));
    await reindexRetitled(core, trans, retitled);
  },
};

/** Per indexed table: how to index it, and the tables whose rows share its keys and go with it. */
const INDEXED: Record<string, { dependents: string[]; indexer: Indexer }> = {
  highlights: { dependents: [HIGHLIGHT_WORDS, REVIEWS], indexer: highlightIndexer },
  pages: { dependents: [PAGE_WORDS], indexer: pageIndexer },
};

/**
 * Transactions whose record writes skip the index: an import writes 100 000 records in one
 * transaction, and indexing them there would triple its time. It marks the index as pending
 * instead, and index-rebuild.ts catches up afterwards, a batch per transaction.
 */
const deferred = new WeakSet<object>();

/** Lets the writes of this transaction (Dexie's `tx.idbtrans`) leave the index behind. */
export function deferIndexing(trans: object): void {
  deferred.add(trans);
}

/** The values a write stored: a bulk write that was caught may have failed for some of them. */
const written = (values: readonly unknown[], response: DBCoreMutateResponse): never[] =>
  values.filter((_, i) => !(i in response.failures)) as never[];

function indexedTable(core: DBCore, down: DBCoreTable, dependents: string[], indexer: Indexer) {
  return {
    ...down,
    async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
      if (req.type === 'add' || req.type === 'put') {
        if (deferred.has(req.trans)) return down.mutate(req);
        const before = await indexer.before(core, req.trans, req.values as never[]);
        const response = await down.mutate(req);
        await indexer.after(core, req.trans, written(req.values, response), before);
        return response;
      }
      const keys = await keysOf(down, req);
      const response = await down.mutate(req);
      for (const name of dependents) await removeRows(core, name, req.trans, keys);
      return response;
    },
  };
}

/**
 * Registered on every database opened with a schema that has the index tables. It sits at the
 * bottom of Dexie's stack, right above IndexedDB, so that its own reads and writes need none of
 * the zone state Dexie's upper layers keep across awaits. The price: live queries do not see the
 * index rows change, only the records beside them, which change in the same transaction.
 */
export const searchIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'trailmark-search-index',
  level: -100,
  create(down) {
    const existing = tableNames(down);
    if (!existing.has(HIGHLIGHT_WORDS)) return down;
    // The indexers write search rows through this very layer, so that the word log sees them.
    const core: DBCore = {
      ...down,
      transaction: widenWrites(down, (stores) => widenScope(stores, existing)),
      table(name) {
        const table = down.table(name);
        if (name === HIGHLIGHT_WORDS) return loggedTable(down, table);
        const indexed = INDEXED[name];
        if (!indexed) return table;
        const dependents = indexed.dependents.filter((d) => existing.has(d));
        return indexedTable(core, table, dependents, indexed.indexer);
      },
    };
    return core;
  },
};
