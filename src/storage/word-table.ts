// Every highlight's search words, newest first, held in memory by the review page. A query whose
// words are common but whose matches are old (a topic read about last year) would otherwise make
// the first-rows walk read thousands of records from IndexedDB before finding one; with this
// table it tests a hundred thousand highlights in a few milliseconds and reads only the matches.
// Built from the search index's own rows, so it finds exactly what the index finds; built in small
// steps (in a worker where there is one) once the library is on screen, and rebuilt a while
// after highlights or their index rows change.
import { hasPrefix } from '../shared/search-words';
import type { TrailmarkDb } from './db';
import { pendingIndex } from './index-catch-up';
import { onTablesWritten } from './live';
import { readWordTable, type WordTable } from './word-table-read';

export type { WordTable };

/** How long the library must be left unchanged before the table is built again. */
const QUIET_MS = 2000;
/** How often to look again while an import's words are still being indexed. */
const INDEX_WAIT_MS = 3000;

const pause = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

interface State {
  table: WordTable | null;
  /** Bumped by every write: a build that began before it is thrown away. */
  generation: number;
  building: boolean;
  timer: ReturnType<typeof setTimeout> | null;
}

const states = new WeakMap<TrailmarkDb, State>();

/** The finished table, or null while it is being built. */
export const wordTable = (db: TrailmarkDb): WordTable | null => states.get(db)?.table ?? null;

const canUseWorker = () => typeof Worker !== 'undefined';

/** Reads the table in a worker of its own; null if it fails (the walk answers meanwhile). */
function readInWorker(): Promise<WordTable | null> {
  const worker = new Worker(new URL('./word-table-worker.ts', import.meta.url), {
    type: 'module',
  });
  return new Promise((resolve) => {
    const done = (table: WordTable | null) => {
      worker.terminate();
      resolve(table);
    };
    worker.onmessage = (event: MessageEvent<WordTable | null>) => done(event.data);
    worker.onerror = () => done(null);
    worker.postMessage('read');
  });
}

async function build(db: TrailmarkDb, state: State): Promise<void> {
  if (state.building || state.table) return;
  state.building = true;
  try {
    const generation = state.generation;
    // While an import's words are being indexed the rows are not all there yet.
    while (await pendingIndex(db)) {
      await pause(INDEX_WAIT_MS);
      if (state.generation !== generation) return;
    }
    const stillWanted = () => state.generation === generation;
    const table = await (canUseWorker() ? readInWorker() : readWordTable(db, stillWanted));
    if (table && stillWanted()) state.table = table;
  } catch {
    // Without the table the first rows come from the walk, as before.
  } finally {
    state.building = false;
  }
}

/** Starts building the table for this page, and keeps it current until the page goes away. */
export function warmWordTable(db: TrailmarkDb): void {
  let state = states.get(db);
  if (!state) {
    const created: State = { table: null, generation: 0, building: false, timer: null };
    state = created;
    states.set(db, created);
    onTablesWritten(db, ['highlights', 'highlightWords'], () => {
      created.table = null;
      created.generation += 1;
      if (created.timer) clearTimeout(created.timer);
      created.timer = setTimeout(() => void build(db, created), QUIET_MS);
    });
  }
  void build(db, state);
}

/**
 * A search of the table for highlights whose words match every term: each call goes on from
 * where the last stopped, newest first, and returns up to `max` indexes into table.ids (an empty
 * list once the table is done).
 */
export function tableSearch(table: WordTable, terms: readonly string[]) {
  // Which vocabulary words each term matches, worked out once rather than per record.
  const matches = terms.map((term) => {
    const flags = new Uint8Array(table.vocabulary.length);
    table.vocabulary.forEach((word, i) => {
      if (hasPrefix([word], term)) flags[i] = 1;
    });
    return flags;
  });
  const hasAll = (row: number) => {
    const start = table.starts[row] ?? 0;
    const end = table.starts[row + 1] ?? 0;
    return matches.every((flags) => {
      for (let w = start; w < end; w += 1) if (flags[table.words[w] ?? 0]) return true;
      return false;
    });
  };
  let row = 0;
  return {
    next(max: number): number[] {
      const found: number[] = [];
      for (; row < table.ids.length && found.length < max; row += 1) {
        if (hasAll(row)) found.push(row);
      }
      return found;
    },
    get done(): boolean {
      return row >= table.ids.length;
    },
  };
}
