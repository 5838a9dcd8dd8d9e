// The popup's first search results, fast on any library: the first few records whose words
// match, read straight off the word index with a small bound, instead of every match sorted by
// date. A one-letter query matches most of a big library; reading all of it before showing
// anything would take seconds. The full search (search.ts) follows and puts them in order.
import { hasPrefix, queryTerms } from '../shared/search-words';
import type { TrailmarkDb } from './db';
import type { SearchHit, SearchResult } from './search';

/** Index rows read per query at most: enough to find a few matches of several terms. */
const SCAN = 400;

type WordsTable = TrailmarkDb['highlightWords'] | TrailmarkDb['pageWords'];

/** Up to `limit` ids of rows having a word starting with every term, in index order. */
async function firstMatches(
  table: WordsTable,
  terms: readonly string[],
  limit: number,
): Promise<string[]> {
  // The longest term is usually the rarest: scan by it, check the others on the rows read.
  const [first, ...rest] = [...terms].sort((a, b) => b.length - a.length);
  if (first === undefined) return [];
  const rows = await table.where('words').startsWith(first).limit(SCAN).toArray();
  const ids = new Set<string>();
  for (const row of rows) {
    if (ids.size >= limit) break;
    if (rest.every((term) => hasPrefix(row.words, term))) ids.add(row.id);
  }
  return [...ids];
}

async function hitsOf(db: TrailmarkDb, ids: readonly string[]): Promise<SearchHit[]> {
  const highlights = (await db.highlights.bulkGet([...ids])).filter((h) => h !== undefined);
  const pages = await db.pages.bulkGet(highlights.map((h) => h.pageId));
  return highlights.map((highlight, i) => ({ highlight, page: pages[i] }));
}

/**
 * Some matches of a query, quickly: a SearchResult whose `total` counts only what it holds.
 * Every term must match the start of a word of the quote, note or page title.
 */
export async function firstResults(
  db: TrailmarkDb,
  query: string,
  limit: number,
  pageLimit: number,
): Promise<SearchResult> {
  const terms = queryTerms(query);
  if (terms.length === 0) return { terms, hits: [], total: 0, pages: [] };
  return db.transaction(
    'r',
    [db.highlights, db.pages, db.highlightWords, db.pageWords],
    async () => {
      const [hitIds, pageIds] = await Promise.all([
        firstMatches(db.highlightWords, terms, limit),
        firstMatches(db.pageWords, terms, pageLimit),
      ]);
      const [hits, pages] = await Promise.all([hitsOf(db, hitIds), db.pages.bulkGet(pageIds)]);
      const found = pages.filter((p) => p !== undefined);
      return { terms, hits, total: hits.length, pages: found };
    },
  );
}
