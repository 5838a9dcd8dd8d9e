// The library list's data: the filtered ids (or null for "everything, newest first"), the newest
// few quickly and then all of them; how many rows that makes; and the rows of the window on
// screen. Each is read again when the library changes, from whichever context changed it.
import { useEffect, useState } from 'preact/hooks';
import { getDb } from '../../../storage/database/db';
import {
  filteredHighlightIds,
  isFiltered,
  type LibraryFilter,
} from '../../../storage/search/filters';
import { type FirstRows, firstFilteredRows } from '../../../storage/search/library-first';
import { libraryCount, libraryWindow, type LibraryRow } from '../../../storage/search/library';
import { followTablesWritten } from '../../../storage/database/live';
import { type Live, useLive } from '../../common/use-live';

const CHUNK = 30;

/** Rows shown before the full answer arrives: the list's first window. */
const FIRST_ROWS = CHUNK;

type Found = { key: string; ids: readonly string[] | null };

/** The first rows of a filter, read once per filter: they only bridge until the full answer. */
function useFirstRows(filter: LibraryFilter, key: string, filtered: boolean) {
  const [first, setFirst] = useState<(FirstRows & { key: string }) | null>(null);
  useEffect(() => {
    if (!filtered) return;
    let stale = false;
    void firstFilteredRows(getDb(), filter, FIRST_ROWS).then(
      (rows) => stale || setFirst({ ...rows, key }),
      // The full answer reports errors; the first rows just stay missing.
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, [key]);
  return first?.key === key ? first : null;
}

/**
 * Counts writes to what filters read while `filtered`, so that a filter's answer is read again
 * after each; the unfiltered list follows writes through its own live reads, and a count it never
 * reads would only redraw it for every write.
 */
function useLibraryWrites(filtered: boolean): number {
  const [writes, setWrites] = useState(0);
  useEffect(() => {
    if (!filtered) return;
    return followTablesWritten(getDb(), ['highlights', 'pages', 'links'], () =>
      setWrites((n) => n + 1),
    );
  }, [filtered]);
  return writes;
}

/** How long typing must pause before the full answer is read: it keeps IndexedDB busy a while. */
const QUIET_MS = 300;

/** All ids passing the filter, read once the first rows are on screen and again after writes. */
function useAllIds(filter: LibraryFilter, key: string, first: FirstRows | null, shown: boolean) {
  const [all, setAll] = useState<{ key: string; ids: string[] } | { key: string; error: string }>();
  const writes = useLibraryWrites(isFiltered(filter));
  // The full answer waits until the first rows are on screen: its long reads would queue
  // theirs behind them.
  const ready = isFiltered(filter) && first !== null && (first.ids.length === 0 || shown);
  useEffect(() => {
    if (!ready) return;
    let stale = false;
    const read = () =>
      void filteredHighlightIds(getDb(), filter).then(
        (ids) => stale || setAll({ key, ids: ids ?? [] }),
        (error: unknown) => stale || setAll({ key, error: String(error) }),
      );
    // A short answer is already complete and cheap to confirm; a long one waits for a pause.
    const timer = setTimeout(read, first?.complete ? 0 : QUIET_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [key, ready, writes]);
  return all?.key === key ? all : null;
}

const ready = <T>(value: T): Live<T> => ({ status: 'ready', value });

/**
 * Ids passing the filter: first the newest few, found quickly, then all of them, read again
 * after every write so that an edit anywhere shows (a note edited to match appears).
 */
export function useFilteredIds(filter: LibraryFilter, firstShown: (key: string) => boolean) {
  const key = JSON.stringify(filter);
  const filtered = isFiltered(filter);
  const first = useFirstRows(filter, key, filtered);
  const all = useAllIds(filter, key, first, firstShown(key));
  if (!filtered) return { found: ready<Found>({ key, ids: null }), current: true, complete: true };
  if (all && 'error' in all) {
    const failed: Live<Found> = { status: 'error', error: all.error };
    return { found: failed, current: false, complete: false };
  }
  if (all) return { found: ready<Found>(all), current: true, complete: true };
  // A walk that found nothing yet is not an empty answer: the full one decides.
  if (first && (first.complete || first.ids.length > 0)) {
    return {
      found: ready<Found>({ key, ids: first.ids }),
      current: true,
      complete: first.complete,
    };
  }
  const loading: Live<Found> = { status: 'loading' };
  return { found: loading, current: false, complete: false };
}

/**
 * Counting the whole library (130 ms of IndexedDB at 100 000 highlights) waits this long with no
 * filter set: a reader who starts typing soon after opening the page is answered without queuing
 * behind it, or behind the background reads that follow the count (page cache, word table).
 */
const WHOLE_COUNT_DELAY_MS = 1500;

/** True once `flag` has held for `ms`. */
export function useHeldFor(flag: boolean, ms: number): boolean {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    setHeld(false);
    if (!flag) return;
    const timer = setTimeout(() => setHeld(true), ms);
    return () => clearTimeout(timer);
  }, [flag]);
  return flag && held;
}

/**
 * The list's length, for these very ids (a count of the last ids is not shown while the next is
 * counted); counting waits until `ready`, so its reads do not delay the first rows. The whole
 * library's count waits a moment more: a reader who starts typing at once gets results first.
 */
export function useCount(ids: readonly string[] | null | undefined, ready: boolean): number | null {
  const wholeReady = useHeldFor(ready && ids === null, WHOLE_COUNT_DELAY_MS);
  const go = ids === null ? wholeReady : ready;
  const count = useLive(
    async () =>
      ids === undefined || !go ? null : { ids, count: await libraryCount(getDb(), ids) },
    [ids, go],
  );
  const value = count.status === 'ready' ? count.value : null;
  return value && value.ids === ids ? value.count : null;
}

export interface WindowRows {
  rowAt: (index: number) => LibraryRow | undefined;
  /** Where the highlight is among the loaded rows, or -1. */
  indexOf: (id: string) => number;
  /** One past the last row loaded: a lower bound of the list's length while it is counted. */
  loadedEnd: number;
  /** The ids the loaded rows were read for, to tell fresh rows from the last filter's. */
  loadedFor: readonly string[] | null | undefined;
  /** The loaded window came back short: the list ends there, so its length is known uncounted. */
  endReached: boolean;
  setRange: (start: number, end: number) => void;
}

/**
 * Rows around the visible range, fetched in aligned chunks so small scrolls refetch nothing. A new
 * `filterKey` starts again at the top: the last filter's scroll position means nothing to it.
 */
export function useWindowRows(
  ids: readonly string[] | null | undefined,
  filterKey: string,
): WindowRows {
  const [stored, setRangeState] = useState({ start: 0, end: CHUNK, filterKey });
  const range = stored.filterKey === filterKey ? stored : { start: 0, end: CHUNK, filterKey };
  // The answer carries the range it was read for: while a new range loads, the old rows stay.
  const rows = useLive(async () => {
    const { start, end } = range;
    const found = ids === undefined ? [] : await libraryWindow(getDb(), ids, start, end - start);
    return { start, rows: found, ids, short: ids !== undefined && found.length < end - start };
  }, [ids, range.start, range.end]);
  const loaded =
    rows.status === 'ready' ? rows.value : { start: 0, rows: [], ids: undefined, short: false };
  return {
    rowAt: (index) => loaded.rows[index - loaded.start],
    indexOf(id) {
      const at = loaded.rows.findIndex((row) => row.highlight.id === id);
      return at < 0 ? -1 : loaded.start + at;
    },
    loadedEnd: loaded.start + loaded.rows.length,
    loadedFor: loaded.ids,
    endReached: loaded.short && loaded.ids === ids,
    setRange(start, end) {
      const alignedStart = Math.floor(start / CHUNK) * CHUNK;
      const alignedEnd = Math.max(Math.ceil(end / CHUNK) * CHUNK, alignedStart + CHUNK);
      if (alignedStart !== range.start || alignedEnd !== range.end) {
        setRangeState({ start: alignedStart, end: alignedEnd, filterKey });
      }
    },
  };
}
