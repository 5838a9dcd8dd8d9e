// The review page's word table (word-table.ts), kept current while the page is open: taken from
// the copy saved at the last visit when that can be brought up to date (word-table-store.ts),
// otherwise built from the search rows in small steps once the library is on screen; dropped on
// any write to highlights or their rows, and taken again a while after the writes stop.
import type { TrailmarkDb } from '../database/db';
import { readInBackground } from '../database/foreground';
import { pendingIndex } from './index-pending';
import { onTablesWritten } from '../database/live';
import type { HighlightWordsRow } from './search-index';
import { TableBuilder, type WordTable } from './word-table';
import { datedRows, loadTable, saveTable } from './word-table-store';

/** Search-index rows read per step: small, so that a search never queues long behind. */
const STEP = 1000;
/** How long the library must be left unchanged before the table is taken again... */
const QUIET_MS = 2000;
/**
 * ...doubled, up to this, each time it changes again soon after the table was last taken: a
 * library that keeps changing (a long sync, whose batches may come seconds apart on a busy
 * machine) is not read whole again between every two batches.
 */
const MAX_QUIET_MS = 32_000;
/** Changes further apart than this from the last take wait only QUIET_MS again. */
const SOON_MS = 10_000;
/** How often to look again while an import's words are still being indexed. */
const INDEX_WAIT_MS = 3000;
/** A saved table patched with fewer changes than this is not saved again: patching is cheap. */
const RESAVE_CHANGES = 500;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface State {
  table: WordTable | null;
  /** Bumped by every write: a build that began before it is thrown away. */
  generation: number;
  busy: boolean;
  /** Asked to build while only a saved table was being looked for. */
  buildWanted: boolean;
  timer: ReturnType<typeof setTimeout> | null;
  /** How long the next quiet must last. */
  quietMs: number;
  /** When the table was last taken (or a take last tried). */
  takenAt: number;
}

const states = new WeakMap<TrailmarkDb, State>();

/** The finished table, or null while it is being built. */
export const wordTable = (db: TrailmarkDb): WordTable | null => states.get(db)?.table ?? null;

/** Reads the index rows a step at a time; null if the library changed meanwhile. */
async function readTable(db: TrailmarkDb, state: State, generation: number) {
  const table = new TableBuilder();
  const visit = async (batch: HighlightWordsRow[]) => {
    for (const row of await datedRows(db, batch)) table.add(row);
  };
  const stillWanted = () => state.generation === generation;
  const whole = await readInBackground(db.highlightWords, STEP, visit, stillWanted);
  return whole ? table.finish() : null;
}

/** Saving is a convenience for the next visit: a full disk must not cost this one its table. */
const trySave = (db: TrailmarkDb, table: WordTable, mark: string) =>
  saveTable(db, table, mark).catch(() => false);

/** Takes the saved table if it can be brought up to date; else, if `mayBuild`, builds one. */
async function take(db: TrailmarkDb, state: State, generation: number, mayBuild: boolean) {
  const loaded = await loadTable(db);
  if (state.generation !== generation) return;
  if (loaded.table) {
    state.table = loaded.table;
    if (loaded.changes >= RESAVE_CHANGES) await trySave(db, loaded.table, loaded.mark);
    return;
  }
  if (!mayBuild && !state.buildWanted) return;
  const table = await readTable(db, state, generation);
  if (!table || state.generation !== generation) return;
  state.table = table;
  await trySave(db, table, loaded.mark);
}

async function build(db: TrailmarkDb, state: State, mayBuild: boolean): Promise<void> {
  if (state.table) return;
  if (state.busy) {
    state.buildWanted ||= mayBuild;
    return;
  }
  state.busy = true;
  try {
    const generation = state.generation;
    // While an import's words are being indexed the rows are not all there yet.
    while (await pendingIndex(db)) {
      if (!mayBuild) return;
      await pause(INDEX_WAIT_MS);
      if (state.generation !== generation) return;
    }
    await take(db, state, generation, mayBuild);
  } catch {
    // Without the table the first rows come from the walk, as before.
  } finally {
    state.busy = false;
    state.buildWanted = false;
    state.takenAt = Date.now();
  }
}

/** This page's state, created with the watch that keeps its table current. */
function stateOf(db: TrailmarkDb): State {
  const known = states.get(db);
  if (known) return known;
  const state: State = {
    table: null,
    generation: 0,
    busy: false,
    buildWanted: false,
    timer: null,
    quietMs: QUIET_MS,
    takenAt: -Infinity,
  };
  states.set(db, state);
  onTablesWritten(db, ['highlights', 'highlightWords'], () => {
    state.table = null;
    state.generation += 1;
    if (state.timer) clearTimeout(state.timer);
    else {
      const soon = Date.now() - state.takenAt < SOON_MS;
      state.quietMs = soon ? Math.min(MAX_QUIET_MS, state.quietMs * 2) : QUIET_MS;
    }
    state.timer = setTimeout(() => {
      state.timer = null;
      void build(db, state, true);
    }, state.quietMs);
  });
  return state;
}

/** Takes the table saved at the last visit, if it can be brought up to date: one quick read. */
export const openWordTable = (db: TrailmarkDb): Promise<void> => build(db, stateOf(db), false);

/**
 * Takes the saved table or builds one, and keeps it current until the page goes away. Building
 * reads every search row, so the page asks for it only once the library is on screen and counted.
 */
export const warmWordTable = (db: TrailmarkDb): Promise<void> => build(db, stateOf(db), true);
