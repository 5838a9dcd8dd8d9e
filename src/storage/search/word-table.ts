// Every highlight's search words, newest first, as the review page holds them in memory. A query
// whose words are common but whose matches are old (a topic read about last year) would otherwise
// make the first-rows walk read thousands of records from IndexedDB before finding one; with this
// table it tests a hundred thousand highlights in a few milliseconds and reads only the matches.
// Built from the search index's own rows, so it finds exactly what the index finds. Kept current
// by word-table-live.ts; saved between visits by word-table-store.ts.
import { hasPrefix } from '../../shared/search-words';

export interface WordTable {
  /** Highlight ids, newest first. */
  ids: string[];
  /** dates[i] is the creation time of ids[i]. */
  dates: Float64Array;
  /** The words of ids[i] are words[starts[i]] … words[starts[i + 1] - 1], as vocabulary indexes. */
  starts: Uint32Array;
  words: Uint32Array;
  vocabulary: string[];
}

/** A search row as the table takes it: a highlight's id, its date, its words. */
export interface WordRow {
  id: string;
  createdAt: number;
  words: readonly string[];
}

/** The date index's order read backwards: newest first, the later id first on equal dates. */
const newestFirst = (dateA: number, idA: string, dateB: number, idB: string): number =>
  dateB - dateA || (idA > idB ? -1 : idA < idB ? 1 : 0);

/** Words to vocabulary indexes, new words appended. */
class Vocabulary {
  private readonly indexes: Map<string, number>;

  constructor(readonly words: string[] = []) {
    this.indexes = new Map(words.map((word, i) => [word, i]));
  }

  indexOf(word: string): number {
    let index = this.indexes.get(word);
    if (index === undefined) {
      index = this.words.push(word) - 1;
      this.indexes.set(word, index);
    }
    return index;
  }
}

/**
 * Collects index rows as they are read, giving each word its vocabulary index right away, so
 * that finishing the table is a sort and a copy rather than one long task.
 */
export class TableBuilder {
  private readonly ids: string[] = [];
  private readonly dates: number[] = [];
  /** Every row's words, in reading order; row r's begin at begins[r] and end at begins[r + 1]. */
  private readonly flat: number[] = [];
  private readonly begins: number[] = [0];
  private readonly vocabulary = new Vocabulary();

  add({ id, createdAt, words }: WordRow): void {
    for (const word of words) this.flat.push(this.vocabulary.indexOf(word));
    this.ids.push(id);
    this.dates.push(createdAt);
    this.begins.push(this.flat.length);
  }

  finish(): WordTable {
    const { ids, dates, flat, begins } = this;
    const order = Uint32Array.from(ids.keys()).sort((a, b) =>
      newestFirst(dates[a] ?? 0, ids[a] ?? '', dates[b] ?? 0, ids[b] ?? ''),
    );
    const starts = new Uint32Array(order.length + 1);
    const words = new Uint32Array(flat.length);
    let at = 0;
    order.forEach((row, i) => {
      starts[i] = at;
      for (let w = begins[row] ?? 0; w < (begins[row + 1] ?? 0); w += 1) words[at++] = flat[w] ?? 0;
    });
    starts[order.length] = at;
    return {
      ids: Array.from(order, (row) => ids[row] ?? ''),
      dates: Float64Array.from(order, (row) => dates[row] ?? 0),
      starts,
      words,
      vocabulary: this.vocabulary.words,
    };
  }
}

/**
 * The table with the rows of the `changed` ids taken out and `rows` (their current versions; a
 * deleted highlight has none) merged in at their places: the cost of a copy, not of a rebuild.
 */
export function patchTable(
  table: WordTable,
  changed: ReadonlySet<string>,
  rows: readonly WordRow[],
): WordTable {
  const vocabulary = new Vocabulary([...table.vocabulary]);
  const fresh = [...rows].sort((a, b) => newestFirst(a.createdAt, a.id, b.createdAt, b.id));
  const freshWords = fresh.map((row) => row.words.map((word) => vocabulary.indexOf(word)));
  const kept = table.ids.flatMap((id, row) => (changed.has(id) ? [] : [row]));
  const size = kept.length + fresh.length;
  const wordCount = kept.reduce(
    (sum, row) => sum + (table.starts[row + 1] ?? 0) - (table.starts[row] ?? 0),
    freshWords.reduce((sum, words) => sum + words.length, 0),
  );
  const out: WordTable = {
    ids: new Array<string>(size),
    dates: new Float64Array(size),
    starts: new Uint32Array(size + 1),
    words: new Uint32Array(wordCount),
    vocabulary: vocabulary.words,
  };
  let at = 0;
  const put = (i: number, id: string, date: number, words: ArrayLike<number>) => {
    out.ids[i] = id;
    out.dates[i] = date;
    out.starts[i] = at;
    out.words.set(words, at);
    at += words.length;
  };
  for (let i = 0, k = 0, f = 0; i < size; i += 1) {
    const row = kept[k];
    const next = fresh[f];
    const oldFirst =
      row !== undefined &&
      (next === undefined ||
        newestFirst(table.dates[row] ?? 0, table.ids[row] ?? '', next.createdAt, next.id) < 0);
    if (oldFirst) {
      const words = table.words.subarray(table.starts[row] ?? 0, table.starts[row + 1] ?? 0);
      put(i, table.ids[row] ?? '', table.dates[row] ?? 0, words);
      k += 1;
    } else if (next) {
      put(i, next.id, next.createdAt, freshWords[f] ?? []);
      f += 1;
    }
  }
  out.starts[size] = at;
  return out;
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
