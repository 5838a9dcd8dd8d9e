// The library: filters on top, the virtualised list of highlights on the left, the chosen
// highlight's editor on the right. The list is one tab stop; arrows move through it, Enter goes
// to the editor, O opens the page at the highlight, Delete removes it (with undo).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { countWords } from '../../../shared/count-words';
import { queryTerms } from '../../../shared/search-words';
import type { GoalRecord, TagRecord } from '../../../shared/types';
import { getDb } from '../../../storage/database/db';
import { librarySites, NO_FILTER, type LibraryFilter } from '../../../storage/search/filters';
import { removeHighlight, restoreHighlight, type Removed } from '../../../storage/search/library';
import { warmPageCache } from '../../../storage/search/library-first';
import { openWordTable, warmWordTable } from '../../../storage/search/word-table-live';
import { IndexNotice } from '../../common/IndexNotice';
import { useLive } from '../../common/use-live';
import { VirtualList } from '../../common/VirtualList';
import { openPage } from '../../popup/reveal';
import { FilterBar } from './FilterBar';
import { HighlightEditor } from './HighlightEditor';
import { HighlightRow } from './HighlightRow';
import { useChosen } from './use-chosen';
import {
  useCount,
  useFilteredIds,
  useHeldFor,
  useWindowRows,
  type WindowRows,
} from './use-library';

/** Two lines of quote at the body's larger size, then one line of where and when. */
const ROW_HEIGHT = 88;

/** "Counting…" waits this long: a count known within a frame or two never flashes it. */
const COUNTING_SHOWN_AFTER_MS = 600;

interface Props {
  tags: readonly TagRecord[];
  goals: readonly GoalRecord[];
  initialFilter?: LibraryFilter;
}

const countLabel = (n: number) => countWords({ highlights: n });

/** The row after the highlight's, or before it at the end: where the choice goes when it is deleted. */
function neighbourOf(rows: WindowRows, id: string): string | null {
  const at = rows.indexOf(id);
  if (at < 0) return null;
  return (rows.rowAt(at + 1) ?? rows.rowAt(at - 1))?.highlight.id ?? null;
}

export function LibraryView({ tags, goals, initialFilter = NO_FILTER }: Props) {
  const db = getDb();
  const [filter, setFilter] = useState(initialFilter);
  const [status, setStatus] = useState('');
  const [removed, setRemoved] = useState<Removed | null>(null);
  const sites = useLive(() => librarySites(db), []);
  const [shownFor, setShownFor] = useState('');
  const { found: ids, current, complete } = useFilteredIds(filter, (key) => key === shownFor);
  const idList = ids.status === 'ready' ? ids.value.ids : undefined;
  const filterKey = JSON.stringify(filter);
  const count = useCount(idList, shownFor === filterKey);
  const rows = useWindowRows(idList, filterKey);
  const shown = current && rows.loadedFor === idList;
  const shownKey = shown && ids.status === 'ready' ? ids.value.key : '';
  useEffect(() => {
    if (shownKey) setShownFor(shownKey);
  }, [shownKey]);
  useEffect(() => {
    // The table saved at the last visit is one read: taken as soon as the first rows are shown.
    if (shownKey) void openWordTable(db);
  }, [shownKey !== '']);
  // Counting 100 000 records takes IndexedDB a while; the first rows do not wait for it. A
  // short library needs no count: its first window already came back short.
  const counted = complete ? (count ?? (rows.endReached ? rows.loadedEnd : null)) : null;
  const slowCount = useHeldFor(counted === null, COUNTING_SHOWN_AFTER_MS);
  useEffect(() => {
    // Once the list is on screen and counted, the pages and words are read for the next search.
    if (counted === null) return;
    void warmPageCache(db);
    void warmWordTable(db);
  }, [counted !== null]);
  const total = counted ?? rows.loadedEnd;
  // Kept from one redraw to the next, so that rows whose data is unchanged are not drawn again.
  const tagById = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags]);
  const terms = useMemo(() => queryTerms(filter.query), [filter.query]);
  const chosen = useChosen(rows, idList, shown, total);

  const changeFilter = (next: LibraryFilter) => {
    setFilter(next);
    chosen.restart();
  };
  const remove = async (id: string) => {
    // The reader's own delete moves the choice on to the next row, as the row leaves the list.
    const next = id === chosen.id ? neighbourOf(rows, id) : null;
    const gone = await removeHighlight(db, id);
    setRemoved(gone);
    setStatus(gone ? 'Highlight deleted.' : '');
    if (gone && next) chosen.choose(next);
  };
  const undo = async () => {
    if (!removed) return;
    await restoreHighlight(db, removed);
    setRemoved(null);
    setStatus('Highlight restored.');
    chosen.choose(removed.highlight.id);
  };
  // A highlight the reader deleted here needs no word that it is gone: the status line says it.
  const deletedHere = chosen.row === null && removed?.highlight.id === chosen.id;
  const onKey = (event: KeyboardEvent, index: number) => {
    const row = rows.rowAt(index);
    if (!row) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      document.getElementById('edit-note')?.focus();
    } else if (event.key === 'Delete') {
      event.preventDefault();
      void remove(row.highlight.id);
    } else if (event.key.toLowerCase() === 'o' && row.page) {
      event.preventDefault();
      void openPage(row.page.url, row.highlight.id);
    }
  };

  return (
    <div class="library">
      <FilterBar
        filter={filter}
        onChange={changeFilter}
        tags={tags}
        goals={goals}
        sites={sites.status === 'ready' ? sites.value : []}
      />
      <IndexNotice />
      <div class="library-status">
        <p class="count" role="status" aria-live="polite">
          {ids.status === 'error'
            ? `Could not filter: ${ids.error}`
            : counted !== null
              ? countLabel(counted)
              : !slowCount
                ? ''
                : rows.loadedEnd > 0
                  ? `${countLabel(rows.loadedEnd)} so far, counting…`
                  : 'Counting…'}
        </p>
        <p class="muted keys">↑ ↓ move · Enter edit · O open page · Delete remove</p>
        <p role="status" class="saved">
          {status}{' '}
          {removed && (
            <button type="button" onClick={() => void undo()}>
              Undo
            </button>
          )}
        </p>
      </div>
      <div class="library-body" data-query={filter.query} data-current={String(shown)}>
        {total === 0 && counted === 0 ? (
          <p class="empty muted">
            {filter === NO_FILTER
              ? 'Nothing saved yet. Highlight a passage on any article to start.'
              : 'No highlight matches these filters.'}
          </p>
        ) : (
          <VirtualList
            count={total}
            rowHeight={ROW_HEIGHT}
            label="Highlights, newest first"
            activeIndex={Math.min(chosen.index, total - 1)}
            onActiveChange={chosen.moveTo}
            onKey={onKey}
            onRange={rows.setRange}
            rowId={(i) => `row-${i}`}
            renderRow={(i) => <HighlightRow row={rows.rowAt(i)} terms={terms} tags={tagById} />}
          />
        )}
        {chosen.id !== null && chosen.row !== undefined && !deletedHere && (
          <HighlightEditor
            key={chosen.id}
            row={chosen.row}
            tags={tags}
            goals={goals.filter((g) => g.status === 'active')}
            onDelete={(id) => void remove(id)}
            onStatus={setStatus}
          />
        )}
      </div>
    </div>
  );
}
