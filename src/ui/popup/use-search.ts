// Runs the quick search as the reader types, in two steps: the first matches straight off the
// word index (fast on any library), then the full search, newest first and counted. Only the
// answers to the latest query are shown, so a slow answer to "s" never replaces "solver".
import { useEffect, useRef, useState } from 'preact/hooks';
import { getDb } from '../../storage/database/db';
import { firstResults } from '../../storage/search/quick-search';
import { searchLibrary, type SearchResult } from '../../storage/search/search';

export const RESULT_LIMIT = 8;
export const PAGE_RESULT_LIMIT = 4;
/** How long typing must pause before the full, sorted search runs. */
const TYPING_PAUSE_MS = 150;

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; query: string; result: SearchResult; complete: boolean }
  | { status: 'error'; error: string };

export function useSearch(query: string): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const latest = useRef(0);
  useEffect(() => {
    const ticket = (latest.current += 1);
    const current = () => ticket === latest.current;
    if (query.trim() === '') {
      setState({ status: 'idle' });
      return;
    }
    setState((previous) => (previous.status === 'done' ? previous : { status: 'searching' }));
    const fail = (error: unknown) =>
      current() && setState({ status: 'error', error: String(error) });
    const db = getDb();
    const show = (result: SearchResult, complete: boolean) =>
      current() && setState({ status: 'done', query, result, complete });
    // One after the other: the database serves requests in turn, so a full search started at
    // the same time would hold the first matches back behind its long index scan. The full
    // search also waits for a pause in typing: "p" alone matches most of a big library, and
    // the next keystroke's first matches must not queue behind it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const full = () =>
      current() &&
      searchLibrary(db, query, { limit: RESULT_LIMIT, pageLimit: PAGE_RESULT_LIMIT }).then(
        (result) => show(result, true),
        fail,
      );
    firstResults(db, query, RESULT_LIMIT, PAGE_RESULT_LIMIT).then((first) => {
      show(first, first.complete);
      if (current() && !first.complete) timer = setTimeout(full, TYPING_PAUSE_MS);
    }, fail);
    return () => clearTimeout(timer);
  }, [query]);
  return state;
}
