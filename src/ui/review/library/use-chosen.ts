// The highlight chosen in the library, held by its id: highlights a sync adds or deletes above
// it move its row, never the choice (and the editor beside the list) to another highlight. Until
// the reader picks one, the row at the list's place is chosen as soon as it is shown, and held
// from then on. A chosen highlight deleted elsewhere stays chosen, as deleted: nothing takes its
// place under the reader's hands.
import { useEffect, useState } from 'preact/hooks';
import { getDb } from '../../../storage/database/db';
import { libraryPosition, libraryRowOf, type LibraryRow } from '../../../storage/search/library';
import { useLive } from '../../common/use-live';
import type { WindowRows } from './use-library';

export interface Chosen {
  /** The chosen highlight's id: null until the list's first row is shown, or with none. */
  id: string | null;
  /** Its row in the list, or -1 when the list does not hold it (filtered out, or deleted). */
  index: number;
  /** Its row: undefined while it is read, null once it is deleted. */
  row: LibraryRow | null | undefined;
  /** Chooses the row at `index`, or the row that will be there once it is shown. */
  moveTo(index: number): void;
  /** Chooses this highlight. */
  choose(id: string): void;
  /** Chooses the first row, once the next list is shown. */
  restart(): void;
}

/**
 * The reader's choice: a highlight, or (id null) the row at `at` once it is shown, the last
 * choice `held` in the editor until the next list is on screen.
 */
interface Choice {
  id: string | null;
  at: number;
  held?: string | null;
}

/** An answer for one id, told apart from the last id's while the next is read. */
function useForId<T>(id: string | null, read: (id: string) => Promise<T>, deps: unknown[]) {
  const answer = useLive(
    async () => (id === null ? null : { id, value: await read(id) }),
    [id, ...deps],
  );
  const value = answer.status === 'ready' ? answer.value : null;
  return value && value.id === id ? value : undefined;
}

/**
 * `rows` are the loaded rows of the list of `ids` (null: every highlight), `shown` once they are
 * this list's, `total` its length so far.
 */
export function useChosen(
  rows: WindowRows,
  ids: readonly string[] | null | undefined,
  shown: boolean,
  total: number,
): Chosen {
  const [chosen, setChosen] = useState<Choice>({ id: null, at: 0 });
  const placeId = shown ? rows.rowAt(Math.min(chosen.at, total - 1))?.highlight.id : undefined;
  // An empty list has nothing to hold on to; any other keeps the last choice while it loads.
  const id = chosen.id ?? placeId ?? (shown && total === 0 ? null : chosen.held) ?? null;
  useEffect(() => {
    if (chosen.id === null && placeId !== undefined) setChosen({ id: placeId, at: chosen.at });
  }, [chosen.id, placeId]);
  const inWindow = id !== null && shown ? rows.indexOf(id) : -1;
  // Far from the rows loaded, its place is asked of the database: one count, not a long read.
  const far = useForId(
    inWindow < 0 && ids !== undefined ? id : null,
    (wanted) => libraryPosition(getDb(), ids ?? null, wanted),
    [ids],
  );
  const found = useForId(id, (wanted) => libraryRowOf(getDb(), wanted), []);
  const loaded = inWindow >= 0 ? rows.rowAt(inWindow) : undefined;
  return {
    id,
    // A place chosen before its row is loaded is where the list must go for it to load.
    index: chosen.id === null ? chosen.at : inWindow >= 0 ? inWindow : (far?.value ?? -1),
    // The loaded row shows at once when chosen; the row read by id says when it is deleted.
    row: found ? found.value : loaded,
    moveTo(index) {
      setChosen({ id: rows.rowAt(index)?.highlight.id ?? null, at: index, held: id });
    },
    choose(next) {
      setChosen({ id: next, at: Math.max(0, rows.indexOf(next)) });
    },
    restart() {
      setChosen({ id: null, at: 0, held: id });
    },
  };
}
