// The review page's filters, combined: a highlight is listed when it passes every filter that is
// set (within one filter any of the chosen values will do). Each filter is answered from an index
// as a set of ids, the sets are intersected, and only the result is read, newest first — so the
// list costs what it shows, not what the library holds.
import type { HighlightColor, PageStatus } from '../../shared/types';
import type { TrailmarkDb } from '../database/db';
import { matchingHighlightIds, newestIdsOf } from './search';

export interface LibraryFilter {
  query: string;
  tagIds: readonly string[];
  goalId: string | null;
  sites: readonly string[];
  colors: readonly HighlightColor[];
  statuses: readonly PageStatus[];
  /** Created at or after (ms). */
  from: number | null;
  /** Created before (ms). */
  to: number | null;
}

export const NO_FILTER: LibraryFilter = {
  query: '',
  tagIds: [],
  goalId: null,
  sites: [],
  colors: [],
  statuses: [],
  from: null,
  to: null,
};

export const isFiltered = (f: LibraryFilter): boolean =>
  f.query.trim() !== '' ||
  f.tagIds.length > 0 ||
  f.goalId !== null ||
  f.sites.length > 0 ||
  f.colors.length > 0 ||
  f.statuses.length > 0 ||
  f.from !== null ||
  f.to !== null;

const toSet = async (keys: Promise<string[]>): Promise<Set<string>> => new Set(await keys);

const highlightsOfPages = (db: TrailmarkDb, pageIds: readonly string[]) =>
  toSet(
    db.highlights
      .where('pageId')
      .anyOf([...pageIds])
      .primaryKeys(),
  );

/** Every highlight that is evidence for a goal: linked itself, or on a linked page. */
export async function goalHighlightIds(db: TrailmarkDb, goalId: string): Promise<Set<string>> {
  const links = await db.links.where({ goalId }).toArray();
  const ids = await highlightsOfPages(
    db,
    links.filter((l) => l.targetType === 'page').map((l) => l.targetId),
  );
  for (const l of links) if (l.targetType === 'highlight') ids.add(l.targetId);
  return ids;
}

/** One id set per filter that is set. */
function filterSets(db: TrailmarkDb, f: LibraryFilter): Promise<Set<string> | null>[] {
  const sets: Promise<Set<string> | null>[] = [];
  if (f.query.trim()) sets.push(matchingHighlightIds(db, f.query));
  if (f.tagIds.length > 0) {
    sets.push(
      toSet(
        db.highlights
          .where('tagIds')
          .anyOf([...f.tagIds])
          .primaryKeys(),
      ),
    );
  }
  if (f.colors.length > 0) {
    sets.push(
      toSet(
        db.highlights
          .where('color')
          .anyOf([...f.colors])
          .primaryKeys(),
      ),
    );
  }
  if (f.from !== null || f.to !== null) {
    const range = db.highlights
      .where('createdAt')
      .between(f.from ?? -Infinity, f.to ?? Infinity, true, false);
    sets.push(toSet(range.primaryKeys()));
  }
  if (f.sites.length > 0) {
    const pages = db.pages
      .where('site')
      .anyOf([...f.sites])
      .primaryKeys();
    sets.push(pages.then((ids) => highlightsOfPages(db, ids)));
  }
  if (f.statuses.length > 0) {
    const pages = db.pages
      .where('status')
      .anyOf([...f.statuses])
      .primaryKeys();
    sets.push(pages.then((ids) => highlightsOfPages(db, ids)));
  }
  if (f.goalId !== null) sets.push(goalHighlightIds(db, f.goalId));
  return sets;
}

function intersect(sets: Set<string>[]): Set<string> {
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  if (!smallest) return new Set();
  return new Set([...smallest].filter((id) => rest.every((s) => s.has(id))));
}

/** The ids of the highlights passing a filter, newest first; null when no filter is set. */
export async function filteredHighlightIds(
  db: TrailmarkDb,
  filter: LibraryFilter,
): Promise<string[] | null> {
  if (!isFiltered(filter)) return null;
  return db.transaction(
    'r',
    [db.highlights, db.pages, db.links, db.highlightWords, db.pageWords],
    async () => {
      const sets = (await Promise.all(filterSets(db, filter))).filter(
        (s): s is Set<string> => s !== null,
      );
      return newestIdsOf(db, intersect(sets));
    },
  );
}

/** The distinct sites of the library, for the site filter. */
export const librarySites = async (db: TrailmarkDb): Promise<string[]> =>
  (await db.pages.orderBy('site').uniqueKeys()).map(String);
