// Whether the search index is behind the records (an import wrote them unindexed), and how far
// its catch-up (index-catch-up.ts) has got: one meta record that readers of the index consult.
import type { TrailmarkDb } from '../database/db';
import { readMeta } from '../database/meta';

export const INDEX_PENDING_KEY = 'searchIndexPending';

export interface IndexPending {
  /** Pages come first: a highlight's index row carries its page's title. */
  phase: 'pages' | 'highlights';
  /** The last id indexed in this phase; '' before the first. */
  after: string;
  /** Highlights indexed so far, and in all, for progress. */
  done: number;
  total: number;
}

export const pendingIndex = (db: TrailmarkDb): Promise<IndexPending | null> =>
  readMeta<IndexPending>(db, INDEX_PENDING_KEY);
