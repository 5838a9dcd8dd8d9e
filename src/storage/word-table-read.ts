// Reading the word table (word-table.ts) from the search index: rows a step at a time, each
// word given its vocabulary index as it comes, the rows put newest first at the end. Runs in a
// worker on the review page, so that none of it holds up what the reader does meanwhile.
import type { TrailmarkDb } from './db';
import { backgroundTurn } from './foreground';

export interface WordTable {
  /** Highlight ids, newest first. */
  ids: string[];
  /** The words of ids[i] are words[starts[i]] … words[starts[i + 1] - 1], as vocabulary indexes. */
  starts: Uint32Array;
  words: Uint32Array;
  vocabulary: string[];
}

/** Search-index rows read per step: a search waits for at most one step (about 15 ms). */
const STEP = 1000;

const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

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
export async function readWordTable(
  db: TrailmarkDb,
  stillWanted: () => boolean,
): Promise<WordTable | null> {
  const table = new TableBuilder();
  let after = '';
  for (;;) {
    await backgroundTurn();
    const batch = await db.highlightWords.where(':id').above(after).limit(STEP).toArray();
    const undated = batch.filter((row) => row.createdAt === undefined).map((row) => row.id);
    const dates = new Map(
      (await db.highlights.bulkGet(undated)).flatMap((h) => (h ? [[h.id, h.createdAt]] : [])),
    );
    if (!stillWanted()) return null;
    for (const row of batch) {
      const createdAt = row.createdAt ?? dates.get(row.id);
      if (createdAt !== undefined) table.add(row.id, createdAt, row.words);
    }
    const last = batch[batch.length - 1];
    if (!last || batch.length < STEP) return table.finish();
    after = last.id;
    await pause();
  }
}
