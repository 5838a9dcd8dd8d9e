// The popup's first search results, fast on any library: the first few records whose words
// match, read straight off the word index with a small bound, instead of every match sorted by
// date. A one-letter query matches most of a big library; reading all of it before showing
// anything would take seconds. The full search (search.ts) follows and puts them in order.
import { hasPrefix, queryTerms } from '../../shared/search-words';
import type { TrailmarkDb } from '../database/db';
import type { SearchHit, SearchResult } from './search';

/** Index rows read per query at most: enough to find a few matches of several terms. */
const SCAN = 400;

type WordsTable = TrailmarkDb['highlightWords'] | TrailmarkDb['pageWords'];

interface Matches {
  ids: string[];
  /** Every row matching the query was read: the ids are all there are, not just the first. */
  complete: boolean;
}

/** Up to `limit` ids of rows having a word starting with `term` and with every other term. */
async function scanBy(
  table: WordsTable,
  term: string,
  others: readonly string[],
  limit: number,
): Promise<Matches> {
  const rows = await table.where('words').startsWith(term).limit(SCAN).toArray();
  const ids = new Set<string>();
  for (const row of rows) {
    if (ids.size >= limit) return { ids: [...ids], complete: false };
    if (others.every((other) => hasPrefix(row.words, other))) ids.add(row.id);
  }
  return { ids: [...ids], complete: rows.length < SCAN };
}

/**
 * Up to `limit` ids of rows having a word starting with every term, in index order. The longest
 * term is usually the rarest, so it is scanned first; when its scan is cut short without a
 * screenful, another term may have few enough rows to settle the answer (rare terms that never
 * meet a common one: "Nothing found" at once). Counting every term first would cost more than it
 * saves on common words.
 */
async function firstMatches(
  table: WordsTable,
  terms: readonly string[],
  limit: number,
): Promise<Matches> {
  const ordered = [...terms].sort((a, b) => b.length - a.length);
  let best: Matches = { ids: [], complete: ordered.length === 0 };
  for (const term of ordered) {
    const found = await scanBy(
      table,
      term,
      ordered.filter((t) => t !== term),
      limit,
    );
    if (found.complete || found.ids.length >= limit) return found;
    if (found.ids.length > best.ids.length) best = found;
  }
  return best;
}

async function hitsOf(db: TrailmarkDb, ids: readonly string[]): Promise<SearchHit[]> {
  const highlights = (await db.highlights.bulkGet([...ids])).filter((h) => h !== undefined);
  const pages = await db.pages.bulkGet(highlights.map((h) => h.pageId));
  return highlights.map((highlight, i) => ({ highlight, page: pages[i] }));
}

export interface FirstResults extends SearchResult {
  /** Nothing more to find: the full search would give these same results, so it can be skipped. */
  complete: boolean;
}

/**
 * Some matches of a query, quickly: a SearchResult whose `total` counts only what it holds.
 * Every term must match the start of a word of the quote, note or page title. When the rarest
 * term has few enough rows to read them all, the answer is the whole answer, in the full
 * search's order (newest highlights, most recently visited pages first) — so a query with no
 * match says so at once instead of after the full search.
 */
export async function firstResults(
  db: TrailmarkDb,
  query: string,
  limit: number,
  pageLimit: number,
): Promise<FirstResults> {
  const terms = queryTerms(query);
  if (terms.length === 0) return { terms, hits: [], total: 0, pages: [], complete: true };
  return db.transaction(
    'r',
    [db.highlights, db.pages, db.highlightWords, db.pageWords],
    async () => {
      const [hitIds, pageIds] = await Promise.all([
        firstMatches(db.highlightWords, terms, limit),
        firstMatches(db.pageWords, terms, pageLimit),
      ]);
      const [hits, pages] = await Promise.all([
        hitsOf(db, hitIds.ids),
        db.pages.bulkGet(pageIds.ids),
      ]);
      const found = pages.filter((p) => p !== undefined);
      const complete = hitIds.complete && pageIds.complete;
      if (complete) {
        hits.sort((a, b) => b.highlight.createdAt - a.highlight.createdAt);
        found.sort((a, b) => b.lastVisitAt - a.lastVisitAt);
      }
      return { terms, hits, total: hits.length, pages: found, complete };
    },
  );
}
