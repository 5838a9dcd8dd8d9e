// The word table kept in the database between visits to the review page. Building it means
// reading every search row — seconds on a big library, during which searches are slower — so the
// page saves the table it built and, next time, reads it back in one record and reads only the
// rows the word log (word-log.ts) names as changed since. It is used only when the log proves it
// current: same schema, same log epoch, the log not overflowed, the search index not catching up.
import type { TrailmarkDb } from '../database/db';
import { pendingIndex } from './index-pending';
import { readMeta, writeMeta } from '../database/meta';
import type { HighlightWordsRow } from './search-index';
import { freshLog, logMark, WORD_LOG_KEY, type WordLog } from './word-log';
import { patchTable, type WordRow, type WordTable } from './word-table';

const TABLE_KEY = 'wordTable';

interface SavedTable {
  verno: number;
  /** The log epoch this table was saved in: every change that log holds came after. */
  epoch: string;
  table: WordTable;
}

const putTable = (db: TrailmarkDb, epoch: string, table: WordTable) =>
  writeMeta(db, TABLE_KEY, { verno: db.verno, epoch, table } satisfies SavedTable);

/**
 * Index rows with their highlight's date; rows written before rows carried it take it from the
 * highlight, and rows whose highlight is gone are left out.
 */
export async function datedRows(
  db: TrailmarkDb,
  rows: readonly HighlightWordsRow[],
): Promise<WordRow[]> {
  const undated = rows.filter((row) => row.createdAt === undefined).map((row) => row.id);
  const dates = new Map(
    (await db.highlights.bulkGet(undated)).flatMap((h) => (h ? [[h.id, h.createdAt]] : [])),
  );
  return rows.flatMap((row) => {
    const createdAt = row.createdAt ?? dates.get(row.id);
    return createdAt === undefined ? [] : [{ id: row.id, createdAt, words: row.words }];
  });
}

export interface Loaded {
  /** The saved table brought up to date, or null when there is none that can be trusted. */
  table: WordTable | null;
  /** How many changed rows it was brought up to date with: past a few hundred, save it again. */
  changes: number;
  /** Where the log stood when this was read: a table built from here is saved only if unmoved. */
  mark: string;
}

/** The saved table, up to date, with where the log stood, in one read of the database. */
export function loadTable(db: TrailmarkDb): Promise<Loaded> {
  return db.transaction('r', [db.meta, db.highlightWords, db.highlights], async () => {
    const log = await readMeta<WordLog>(db, WORD_LOG_KEY);
    const mark = logMark(log);
    const none = { table: null, changes: 0, mark };
    if (!log?.ids || (await pendingIndex(db))) return none;
    const saved = await readMeta<SavedTable>(db, TABLE_KEY);
    if (!saved || saved.epoch !== log.epoch || saved.verno !== db.verno) return none;
    if (log.ids.length === 0) return { table: saved.table, changes: 0, mark };
    const changed = new Set(log.ids);
    const rows = await datedRows(db, await changedRows(db, [...changed]));
    return { table: patchTable(saved.table, changed, rows), changes: changed.size, mark };
  });
}

/** Rows asked for per request: a log of 2000 ids asked at once held the page for a long task. */
const PATCH_STEP = 200;

/**
 * The search rows of these ids that still exist, asked for a step at a time within the caller's
 * transaction: each step is asked from the answer to the one before, so the page's event loop
 * turns between them.
 */
async function changedRows(db: TrailmarkDb, ids: readonly string[]): Promise<HighlightWordsRow[]> {
  const rows: HighlightWordsRow[] = [];
  for (let at = 0; at < ids.length; at += PATCH_STEP) {
    const found = await db.highlightWords.bulkGet(ids.slice(at, at + PATCH_STEP));
    for (const row of found) if (row) rows.push(row);
  }
  return rows;
}

/**
 * Saves a table read while the log stood at `mark`, and starts a fresh log with it; if the log
 * moved meanwhile the table may miss a change, and nothing is saved.
 */
export function saveTable(db: TrailmarkDb, table: WordTable, mark: string): Promise<boolean> {
  return db.transaction('rw', [db.meta], async () => {
    if (logMark(await readMeta<WordLog>(db, WORD_LOG_KEY)) !== mark) return false;
    const log = freshLog();
    await writeMeta(db, WORD_LOG_KEY, log);
    await putTable(db, log.epoch, table);
    return true;
  });
}

/**
 * Inside the last transaction of an index catch-up that rewrote every search row: saves the table
 * it collected, which counts on every change logged since the import restarted the log (writes
 * of others meanwhile, applied again on top of the rows it read — harmless if it read them after).
 */
export async function saveCollectedTable(db: TrailmarkDb, table: WordTable): Promise<void> {
  const log = await readMeta<WordLog>(db, WORD_LOG_KEY);
  if (log?.ids) await putTable(db, log.epoch, table);
}

/** Inside an import's transaction: its records are not in the search rows yet; no saved table holds. */
export const restartWordLog = (db: TrailmarkDb): Promise<void> =>
  writeMeta(db, WORD_LOG_KEY, freshLog());
