// Full-text search over the library, for the review page and the popup's quick search.
//
//   const result = await searchLibrary(db, 'solv deep', { limit: 20 });
//   result.hits     → newest first: { highlight, page } whose quote, note or page title has a
//                     word starting with every term ("solv" finds "Solver", "solving")
//   result.pages    → pages whose title alone matches every term, most recently visited first
//   result.total    → how many highlights matched in all (hits holds at most `limit`)
//   result.terms    → the folded terms, for markMatches() in shared/search-words.ts
//
// It reads the multi-entry word index that search-index.ts keeps, so the cost grows with the
// number of matches, not the size of the library, and nothing is built in memory at page open.
import type { HighlightRecord, PageRecord } from '../../shared/types';
import { hasPrefix, queryTerms } from '../../shared/search-words';
import type { TrailmarkDb } from '../database/db';

export interface SearchHit {
  highlight: HighlightRecord;
  /** The highlight's page; undefined only if the store is inconsistent. */
  page: PageRecord | undefined;
}

export interface SearchResult {
  terms: string[];
  hits: SearchHit[];
  total: number;
  pages: PageRecord[];
}

export interface SearchOptions {
  /** Most highlights returned (default 50). */
  limit?: number;
  /** Most title-only page matches returned (default 10). */
  pageLimit?: number;
}

type WordsTable = TrailmarkDb['highlightWords'] | TrailmarkDb['pageWords'];

/** Below this many candidates it is cheaper to read their rows than to scan another term. */
const VERIFY_IN_MEMORY = 5000;
/** Below this many matches they are read and sorted; above, the date index is walked instead. */
const SORT_IN_MEMORY = 2000;

const idsWithPrefix = async (table: WordsTable, term: string): Promise<Set<string>> =>
  new Set(await table.where('words').startsWith(term).primaryKeys());

/** Ids of the rows having a word starting with each term. */
async function matchAll(table: WordsTable, terms: readonly string[]): Promise<Set<string>> {
  // The longest term is usually the rarest: start there and check the others against its rows.
  const [first, ...rest] = [...terms].sort((a, b) => b.length - a.length);
  if (first === undefined) return new Set();
  const candidates = await idsWithPrefix(table, first);
  if (rest.length === 0 || candidates.size === 0) return candidates;
  if (candidates.size <= VERIFY_IN_MEMORY) {
    const rows = await table.bulkGet([...candidates]);
    return new Set(
      rows.flatMap((row) => (row && rest.every((t) => hasPrefix(row.words, t)) ? [row.id] : [])),
    );
  }
  let matched = candidates;
  for (const term of rest) {
    const other = await idsWithPrefix(table, term);
    matched = new Set([...matched].filter((id) => other.has(id)));
  }
  return matched;
}

/** The ids of every highlight matching a query (quote, note or page title), or null for none. */
export async function matchingHighlightIds(
  db: TrailmarkDb,
  query: string,
): Promise<Set<string> | null> {
  const terms = queryTerms(query);
  return terms.length === 0 ? null : matchAll(db.highlightWords, terms);
}

/** All the given ids, newest highlight first. */
export async function newestIdsOf(db: TrailmarkDb, ids: ReadonlySet<string>): Promise<string[]> {
  if (ids.size <= SORT_IN_MEMORY) return (await newestOf(db, ids, ids.size)).map((h) => h.id);
  const ordered = await db.highlights.orderBy('createdAt').reverse().primaryKeys();
  return ordered.filter((id) => ids.has(id));
}

/** The newest `limit` highlights among the given ids. */
export async function newestOf(
  db: TrailmarkDb,
  ids: ReadonlySet<string>,
  limit: number,
): Promise<HighlightRecord[]> {
  if (ids.size <= SORT_IN_MEMORY) {
    const found = await db.highlights.bulkGet([...ids]);
    return found
      .filter((h): h is HighlightRecord => h !== undefined)
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, limit);
  }
  // Many matches are dense among all highlights, so walking newest first finds `limit` quickly.
  return db.highlights
    .orderBy('createdAt')
    .reverse()
    .filter((h) => ids.has(h.id))
    .limit(limit)
    .toArray();
}

async function withPages(db: TrailmarkDb, highlights: HighlightRecord[]): Promise<SearchHit[]> {
  const pageIds = [...new Set(highlights.map((h) => h.pageId))];
  const pages = await db.pages.bulkGet(pageIds);
  const byId = new Map(pageIds.map((id, i) => [id, pages[i]]));
  return highlights.map((highlight) => ({ highlight, page: byId.get(highlight.pageId) }));
}

async function titleMatches(
  db: TrailmarkDb,
  terms: readonly string[],
  limit: number,
): Promise<PageRecord[]> {
  const ids = await matchAll(db.pageWords, terms);
  const pages = await db.pages.bulkGet([...ids]);
  return pages
    .filter((p): p is PageRecord => p !== undefined)
    .sort((a, b) => b.lastVisitAt - a.lastVisitAt)
    .slice(0, limit);
}

/** Searches quotes, notes and titles; every term must match the start of some word. */
export async function searchLibrary(
  db: TrailmarkDb,
  query: string,
  { limit = 50, pageLimit = 10 }: SearchOptions = {},
): Promise<SearchResult> {
  const terms = queryTerms(query);
  if (terms.length === 0) return { terms, hits: [], total: 0, pages: [] };
  return db.transaction(
    'r',
    [db.highlights, db.pages, db.highlightWords, db.pageWords],
    async () => {
      const ids = await matchAll(db.highlightWords, terms);
      const hits = await withPages(db, await newestOf(db, ids, limit));
      const pages = await titleMatches(db, terms, pageLimit);
      return { terms, hits, total: ids.size, pages };
    },
  );
}
