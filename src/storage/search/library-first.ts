// The library's first screen of filtered rows, fast on any library. The full answer
// (filters.ts) reads every matching id from the indexes and sorts them by date: for a common word
// among 100 000 highlights that is tens of thousands of keys and seconds of IndexedDB. The reader
// only needs the newest few first, and these come two ways:
//   - a rare word (or a goal's evidence) names few candidates: read those and sort them — this is
//     the exact, complete answer;
//   - otherwise, with words to match, the word table in memory (word-table.ts) names the matches
//     newest first, and only those are read;
//   - otherwise matches are dense, so walking highlights newest first and testing each in memory
//     finds a screenful after a few hundred records.
// The test in memory applies the same rules as the indexes (same words, same prefix match).
import { hasPrefix, queryTerms, wordsOf } from '../../shared/search-words';
import type { HighlightRecord, PageRecord } from '../../shared/types';
import type { TrailmarkDb } from '../database/db';
import { goalHighlightIds, type LibraryFilter } from './filters';
import { foreground, readInBackground } from '../database/foreground';
import { pendingIndex } from './index-pending';
import { onTablesWritten } from '../database/live';
import { tableSearch, type WordTable } from './word-table';
import { wordTable } from './word-table-live';

export interface FirstRows {
  /** Newest first. */
  ids: string[];
  /** True when these are all the matches, not just the first. */
  complete: boolean;
}

/** Candidates up to this many are read and sorted; more, and the date walk is cheaper. */
const FEW = 1500;
/** Highlights read by the walk's first step; each next step reads twice as many. */
const FIRST_STEP = 64;
/** The walk gives up after this many: the full answer is on its way anyway. */
const WALK_BUDGET = 6000;

type Pages = Map<string, PageRecord | undefined>;

/**
 * Every page of the library, kept until a page is written: with it the walk reads no pages,
 * which would otherwise cost it more than the highlights. Filled once the library is on screen.
 */
const everyPage = new WeakMap<TrailmarkDb, { pages: Pages }>();

/** Pages read per step of filling the cache: small, so that a search never queues long behind. */
const WARM_STEP = 500;

export async function warmPageCache(db: TrailmarkDb): Promise<void> {
  if (everyPage.has(db)) return;
  const entry = { pages: new Map() as Pages };
  everyPage.set(db, entry);
  const forget = onTablesWritten(db, ['pages'], () => {
    if (everyPage.get(db) === entry) everyPage.delete(db);
    forget();
  });
  try {
    const visit = (pages: PageRecord[]) => {
      for (const page of pages) entry.pages.set(page.id, page);
    };
    await readInBackground(db.pages, WARM_STEP, visit, () => everyPage.get(db) === entry);
  } catch {
    // Without the cache the walk reads the pages it meets, as before.
    if (everyPage.get(db) === entry) everyPage.delete(db);
  }
}

/** The pages the walk starts with: those read so far; it reads the others it meets. */
const knownPages = (db: TrailmarkDb): Pages => new Map(everyPage.get(db)?.pages);

/** What a highlight is tested against: the filter, its query's terms, a goal's evidence. */
interface Test {
  f: LibraryFilter;
  terms: readonly string[];
  /** The goal's evidence, read once per query; null without a goal filter. */
  goal: ReadonlySet<string> | null;
}

/** Whether a highlight passes every filter that is set. */
function passes({ f, terms, goal }: Test, h: HighlightRecord, pages: Pages) {
  const page = pages.get(h.pageId);
  if (goal && !goal.has(h.id)) return false;
  if (f.tagIds.length > 0 && !h.tagIds.some((t) => f.tagIds.includes(t))) return false;
  if (f.colors.length > 0 && !f.colors.includes(h.color)) return false;
  if (f.from !== null && h.createdAt < f.from) return false;
  if (f.to !== null && h.createdAt >= f.to) return false;
  if (f.sites.length > 0 && !(page && f.sites.includes(page.site))) return false;
  if (f.statuses.length > 0 && !(page && f.statuses.includes(page.status))) return false;
  if (terms.length === 0) return true;
  const words = wordsOf(h.quote, h.note, page?.title ?? '');
  return terms.every((term) => hasPrefix(words, term));
}

async function loadPages(db: TrailmarkDb, highlights: readonly HighlightRecord[], pages: Pages) {
  const missing = [...new Set(highlights.map((h) => h.pageId))].filter((id) => !pages.has(id));
  const found = await db.pages.bulkGet(missing);
  missing.forEach((id, i) => pages.set(id, found[i]));
}

/**
 * A small set of ids that every match must be among, or null when the filter names none. The word
 * index is asked only when `wordsIndexed`: while an import's words are still being indexed, it
 * cannot name every candidate.
 */
async function fewCandidates(
  db: TrailmarkDb,
  { terms, goal }: Test,
  wordsIndexed: boolean,
): Promise<string[] | null> {
  if (goal && goal.size <= FEW) return [...goal];
  const longest = [...terms].sort((a, b) => b.length - a.length)[0];
  if (longest === undefined || !wordsIndexed) return null;
  const keys = await db.highlightWords
    .where('words')
    .startsWith(longest)
    .limit(FEW + 1)
    .primaryKeys();
  // A multi-entry index names a record once per matching word.
  return keys.length <= FEW ? [...new Set(keys)] : null;
}

async function sortedMatches(db: TrailmarkDb, test: Test, ids: readonly string[]) {
  const highlights = (await db.highlights.bulkGet([...ids])).filter((h) => h !== undefined);
  const pages: Pages = new Map();
  await loadPages(db, highlights, pages);
  return highlights
    .filter((h) => passes(test, h, pages))
    .sort((a, b) => b.createdAt - a.createdAt)
    .map((h) => h.id);
}

/** Newest first from the date index, a growing step at a time, until `limit` pass. */
async function walkNewest(db: TrailmarkDb, test: Test, limit: number): Promise<FirstRows> {
  const pages = knownPages(db);
  const ids: string[] = [];
  let step = FIRST_STEP;
  for (let read = 0; read < WALK_BUDGET && ids.length < limit; read += step, step *= 2) {
    const batch = await db.highlights
      .orderBy('createdAt')
      .reverse()
      .offset(read)
      .limit(step)
      .toArray();
    await loadPages(db, batch, pages);
    for (const h of batch) if (passes(test, h, pages)) ids.push(h.id);
    if (batch.length < step) return { ids, complete: true };
  }
  return { ids: ids.slice(0, limit), complete: false };
}

/**
 * Newest first from the in-memory word table: only highlights whose words match are read, so
 * matches far down the library cost no more than recent ones.
 */
async function fromWordTable(
  db: TrailmarkDb,
  test: Test,
  table: WordTable,
  limit: number,
): Promise<FirstRows> {
  const search = tableSearch(table, test.terms);
  const pages = knownPages(db);
  const ids: string[] = [];
  for (let step = limit; ids.length < limit && !search.done; step *= 2) {
    const rows = search.next(step);
    // A highlight deleted since the table was built reads as undefined, and is left out.
    const found = await db.highlights.bulkGet(rows.map((row) => table.ids[row] ?? ''));
    const highlights = found.filter((h) => h !== undefined);
    await loadPages(db, highlights, pages);
    for (const h of highlights) if (passes(test, h, pages)) ids.push(h.id);
  }
  return { ids: ids.slice(0, limit), complete: search.done && ids.length <= limit };
}

/** The newest `limit` highlights passing a filter that is set, quickly. */
export async function firstFilteredRows(
  db: TrailmarkDb,
  filter: LibraryFilter,
  limit: number,
): Promise<FirstRows> {
  return foreground(() =>
    db.transaction(
      'r',
      [db.highlights, db.pages, db.links, db.highlightWords, db.meta],
      async () => {
        const goal = filter.goalId === null ? null : await goalHighlightIds(db, filter.goalId);
        const test: Test = { f: filter, terms: queryTerms(filter.query), goal };
        const wordsIndexed = !(await pendingIndex(db));
        const few = await fewCandidates(db, test, wordsIndexed);
        if (few) return { ids: await sortedMatches(db, test, few), complete: true };
        const table = wordsIndexed && test.terms.length > 0 ? wordTable(db) : null;
        if (table) return fromWordTable(db, test, table, limit);
        return walkNewest(db, test, limit);
      },
    ),
  );
}
