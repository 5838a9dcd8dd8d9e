// The library list's data: the filtered ids (or null for "everything, newest first"), how many
// rows that makes, and the rows of the window on screen, each followed live.
import { useState } from 'preact/hooks';
import { getDb } from '../../../storage/db';
import { filteredHighlightIds, isFiltered, type LibraryFilter } from '../../../storage/filters';
import { libraryCount, libraryWindow, type LibraryRow } from '../../../storage/library';
import { type Live, useLive } from '../../common/use-live';

const CHUNK = 30;

/** Ids passing the filter; an edit anywhere re-runs it, so a note edited to match shows up. */
export function useFilteredIds(filter: LibraryFilter) {
  const key = JSON.stringify(filter);
  const filtered = isFiltered(filter);
  const found = useLive(async () => {
    // Without a filter there is nothing to compute: the list pages through every highlight.
    if (!filtered) return { key, ids: null };
    const db = getDb();
    // Reading the newest edit makes every edit a change this live query is told about.
    await db.highlights.orderBy('updatedAt').last();
    return { key, ids: await filteredHighlightIds(db, filter) };
  }, [key]);
  if (!filtered) {
    const none: Live<{ key: string; ids: null }> = { status: 'ready', value: { key, ids: null } };
    return { found: none, current: true };
  }
  return { found, current: found.status === 'ready' && found.value.key === key };
}

export function useCount(ids: readonly string[] | null | undefined) {
  return useLive(async () => (ids === undefined ? 0 : libraryCount(getDb(), ids)), [ids]);
}

export interface WindowRows {
  rowAt: (index: number) => LibraryRow | undefined;
  /** One past the last row loaded: a lower bound of the list's length while it is counted. */
  loadedEnd: number;
  /** The ids the loaded rows were read for, to tell fresh rows from the last filter's. */
  loadedFor: readonly string[] | null | undefined;
  setRange: (start: number, end: number) => void;
}

/** Rows around the visible range, fetched in aligned chunks so small scrolls refetch nothing. */
export function useWindowRows(ids: readonly string[] | null | undefined): WindowRows {
  const [range, setRangeState] = useState({ start: 0, end: CHUNK });
  // The answer carries the range it was read for: while a new range loads, the old rows stay.
  const rows = useLive(async () => {
    const { start, end } = range;
    const found = ids === undefined ? [] : await libraryWindow(getDb(), ids, start, end - start);
    return { start, rows: found, ids };
  }, [ids, range.start, range.end]);
  const loaded = rows.status === 'ready' ? rows.value : { start: 0, rows: [], ids: undefined };
  return {
    rowAt: (index) => loaded.rows[index - loaded.start],
    loadedEnd: loaded.start + loaded.rows.length,
    loadedFor: loaded.ids,
    setRange(start, end) {
      const alignedStart = Math.floor(start / CHUNK) * CHUNK;
      const alignedEnd = Math.max(Math.ceil(end / CHUNK) * CHUNK, alignedStart + CHUNK);
      if (alignedStart !== range.start || alignedEnd !== range.end) {
        setRangeState({ start: alignedStart, end: alignedEnd });
      }
    },
  };
}
