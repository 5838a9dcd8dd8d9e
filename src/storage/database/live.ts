// Lets extension pages follow a query as the database changes, without knowing it is Dexie. Each
// view is a live query, read again only when a change touched what it read. In a burst of
// changes (change-pace.ts) a view that a change touches is let go instead of read again, and is
// read again (and followed live again) at the burst's next refresh, at most once a second, or as
// soon as the burst is over: a sync's batches no longer have every open view read and redraw for
// each of them, while views no batch touches are left alone as before.
import Dexie, { liveQuery, type ObservabilitySet, type Subscription } from 'dexie';
import { sameData } from '../../shared/same-data';
import type { TrailmarkDb } from './db';
import { changePacer, type Pacer } from './change-pace';

interface Follower {
  /** A change reached it during a burst: read it again at the next refresh. */
  catchUp(): void;
}

const followers = new Set<Follower>();

let pacer: Pacer | null = null;

/** This context's pacer, listening from the first follower on. */
function pacerOf(): Pacer {
  if (pacer) return pacer;
  const catchUp = () => followers.forEach((f) => f.catchUp());
  const made = changePacer({ pause: () => undefined, refresh: catchUp, resume: catchUp });
  Dexie.on('storagemutated', () => made.changed());
  pacer = made;
  return made;
}

/** What a view let go in a burst answers instead of reading: nothing to show. */
const LET_GO = Symbol('let go');

export function watch<T>(
  query: () => Promise<T>,
  onValue: (value: T) => void,
  onError: (error: unknown) => void,
): () => void {
  const pace = pacerOf();
  let subscription: Subscription | null = null;
  let closed = false;
  let behind = false;
  // The first read of each subscription always reads: it is what the view is waiting for.
  let fresh = false;
  let shown: { value: T } | null = null;
  const show = (value: T | typeof LET_GO) => {
    if (closed || value === LET_GO) return;
    // An answer equal to the one shown changes nothing on screen: no redraw.
    if (shown && sameData(shown.value, value)) return;
    shown = { value };
    onValue(value);
  };
  const stop = () => {
    subscription?.unsubscribe();
    subscription = null;
  };
  // Dexie calls this for the first read and again for each change that touched what it read.
  const read = (): Promise<T | typeof LET_GO> => {
    if (!fresh && pace.bursting) {
      behind = true;
      stop();
      return Promise.resolve(LET_GO);
    }
    fresh = false;
    return query();
  };
  const start = () => {
    if (closed || subscription) return;
    behind = false;
    fresh = true;
    subscription = liveQuery(read).subscribe({
      next: show,
      error: (error: unknown) => {
        if (!closed) onError(error);
      },
    });
  };
  const follower: Follower = {
    catchUp: () => {
      if (behind) start();
    },
  };
  followers.add(follower);
  start();
  return () => {
    closed = true;
    stop();
    followers.delete(follower);
  };
}

const touches = (db: TrailmarkDb, tables: readonly string[], parts: ObservabilitySet) => {
  const prefixes = tables.map((table) => `idb://${db.name}/${table}/`);
  return Object.keys(parts).some((part) => prefixes.some((p) => part.startsWith(p)));
};

/**
 * Calls `onChange` after any write to one of the named tables, from whichever context made it.
 * For reads too big for a live query to follow record by record: it would track every key read.
 */
export function onTablesWritten(
  db: TrailmarkDb,
  tables: readonly string[],
  onChange: () => void,
): () => void {
  const listener = (parts: ObservabilitySet) => {
    if (touches(db, tables, parts)) onChange();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}

/**
 * onTablesWritten at the pace of `watch`: during a burst of changes, `onChange` runs with each
 * refresh that follows a write to the tables, and not for each write.
 */
export function followTablesWritten(
  db: TrailmarkDb,
  tables: readonly string[],
  onChange: () => void,
): () => void {
  const pace = pacerOf();
  let written = false;
  const follower: Follower = {
    catchUp() {
      if (!written) return;
      written = false;
      onChange();
    },
  };
  const forget = onTablesWritten(db, tables, () => {
    if (pace.bursting) written = true;
    else onChange();
  });
  followers.add(follower);
  return () => {
    forget();
    followers.delete(follower);
  };
}
