// Runs the quick search as the reader types. Only the answer to the latest query is shown, so a
// slow answer to "s" never replaces a fast one to "solver".
import { useEffect, useRef, useState } from 'preact/hooks';
import { getDb } from '../../storage/db';
import { searchLibrary, type SearchResult } from '../../storage/search';

export const RESULT_LIMIT = 8;
export const PAGE_RESULT_LIMIT = 4;

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; query: string; result: SearchResult }
  | { status: 'error'; error: string };

export function useSearch(query: string): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const latest = useRef(0);
  useEffect(() => {
    const ticket = (latest.current += 1);
    if (query.trim() === '') {
      setState({ status: 'idle' });
      return;
    }
    setState((previous) => (previous.status === 'done' ? previous : { status: 'searching' }));
    searchLibrary(getDb(), query, { limit: RESULT_LIMIT, pageLimit: PAGE_RESULT_LIMIT }).then(
      (result) => ticket === latest.current && setState({ status: 'done', query, result }),
      (error: unknown) =>
        ticket === latest.current && setState({ status: 'error', error: String(error) }),
    );
  }, [query]);
  return state;
}
