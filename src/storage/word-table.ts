// Every highlight's search words, newest first, held in memory by the review page. A query whose
// words are common but whose matches are old (a topic read about last year) would otherwise make
// the first-rows walk read thousands of records from IndexedDB before finding one; with this
// table it tests a hundred thousand highlights in a few milliseconds and reads only the matches.
// Built from the search index's own rows, so it finds exactly what the index finds; built in small
// steps once the library is on screen, and rebuilt a while after highlights or their index rows
// (a page retitled) change.
import { hasPrefix } from '../shared/search-words';
import type { TrailmarkDb } from './db';
import { readInBackground } from './foreground';
import { pendingIndex } from './index-catch-up';
import { onTablesWritten } from './live';
import type { HighlightWordsRow } from './search-index';

export interface WordTable {
  /** Highlight ids, newest first. */
  ids: string[];
  /** The words of ids[i] are words[starts[i]] … words[starts[i + 1] - 1], as vocabulary indexes. */
  starts: Uint32Array;
  words: Uint32Array;
  vocabulary: string[];
}

/** Search-index rows read per step: small, so that a search never queues long behind. */
const STEP = 1000;
/** How long the library must be left unchanged before the table is built again. */
const QUIET_MS = 2000;
/** How often to look again while an import's words are still being indexed. */
const INDEX_WAIT_MS = 3000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

/**
 * Collects index rows as they are read, giving each word its vocabulary index right away, so
 * that finishing the table is a sort and a copy rather than one long task.
 */
class TableBuilder {
  private readonly ids: string[] = [];
  private readonly dates: number[] = [];
  /** Every row's words, in reading order; row r's begin at begins[r] and end at begins[r + 1]. */
  private readonly flat: number[] = [];
  private readonly begins: number[] = [0];
  private readonly vocabulary: string[] = [];
  private readonly indexOf = new Map<string, number>();

  /** Rows must come in id order: ties between equal dates are broken by it. */
  add(id: string, createdAt: number, words: readonly string[]): void {
    for (const word of words) {
      let index = this.indexOf.get(word);
      if (index === undefined) {
        index = this.vocabulary.push(word) - 1;
        this.indexOf.set(word, index);
      }
      this.flat.push(index);
    }
    this.ids.push(id);
    this.dates.push(createdAt);
    this.begins.push(this.flat.length);
  }

  /** Newest first, as the date index lists highlights backwards: later id first on equal dates. */
  finish(): WordTable {
    const { ids, dates, flat, begins } = this;
    const order = Uint32Array.from(ids.keys()).sort(
      (a, b) => (dates[b] ?? 0) - (dates[a] ?? 0) || b - a,
    );
    const starts = new Uint32Array(order.length + 1);
    const words = new Uint32Array(flat.length);
    let at = 0;
    order.forEach((row, i) => {
      starts[i] = at;
      for (let w = begins[row] ?? 0; w < (begins[row + 1] ?? 0); w += 1) words[at++] = flat[w] ?? 0;
    });
    starts[order.length] = at;
    const listed = Array.from(order, (row) => ids[row] ?? '');
    return { ids: listed, starts, words, vocabulary: this.vocabulary };
  }
}

/**
 * Reads the index rows a step at a time, each with its highlight's date (read from the highlight
 * for rows indexed before rows carried it); null if the library changed meanwhile.
 */
async function readTable(db: TrailmarkDb, state: State, generation: number) {
  const table = new TableBuilder();
  const visit = async (batch: HighlightWordsRow[]) => {
    const undated = batch.filter((row) => row.createdAt === undefined).map((row) => row.id);
    const dates = new Map(
      (await db.highlights.bulkGet(undated)).flatMap((h) => (h ? [[h.id, h.createdAt]] : [])),
    );
    for (const row of batch) {
      const createdAt = row.createdAt ?? dates.get(row.id);
      if (createdAt !== undefined) table.add(row.id, createdAt, row.words);
    }
  };
  const stillWanted = () => state.generation === generation;
  const whole = await readInBackground(db.highlightWords, STEP, visit, stillWanted);
  return whole ? table.finish() : null;
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
    const table = await readTable(db, state, generation);
    if (table && state.generation === generation) state.table = table;
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
