// Lets extension pages follow a query as the database changes, without knowing it is Dexie. A
// change on its own is followed at once, by a live query that reads again only when the change
// touched what it read. In a burst of changes (change-pace.ts) the live queries are let go —
// Dexie would otherwise file every change away for each of them and read each again per
// transaction — and every query of the context is read again together, its answers shown in one
// redraw, at most once per refresh; the live queries take over again once the burst is over.
import Dexie, { liveQuery, type ObservabilitySet, type Subscription } from 'dexie';
import { sameData } from '../../shared/same-data';
import type { TrailmarkDb } from './db';
import { changePacer, type Pacer } from './change-pace';

interface Follower {
  /** Follow changes one by one. */
  start(): void;
  /** Stop following them (during a burst). */
  stop(): void;
  /** Reads once; resolves to what shows the answer, so that answers can be shown together. */
  read(): Promise<() => void>;
}

const followers = new Set<Follower>();
let refreshing: Promise<void> | null = null;
let refreshAgain = false;

/** Reads every follower once and shows all answers in one go; one refresh at a time. */
async function refreshAll(): Promise<void> {
  if (refreshing) {
    refreshAgain = true;
    return;
  }
  const reading = Promise.all([...followers].map((f) => f.read()));
  refreshing = reading.then(
    (shows) => shows.forEach((show) => show()),
    // Each follower reports its own failure.
    () => undefined,
  );
  await refreshing;
  refreshing = null;
  if (refreshAgain) {
    refreshAgain = false;
    await refreshAll();
  }
}

let pacer: Pacer | null = null;

/** This context's pacer, listening from the first follower on. */
function pacerOf(): Pacer {
  if (pacer) return pacer;
  const made = changePacer({
    pause: () => followers.forEach((f) => f.stop()),
    refresh: () => void refreshAll(),
    resume: () => followers.forEach((f) => f.start()),
  });
  Dexie.on('storagemutated', () => made.changed());
  pacer = made;
  return made;
}

export function watch<T>(
  query: () => Promise<T>,
  onValue: (value: T) => void,
  onError: (error: unknown) => void,
): () => void {
  const pace = pacerOf();
  let subscription: Subscription | null = null;
  let closed = false;
  // Reads are numbered as they begin; an answer older than the one shown is dropped.
  let begun = 0;
  let shownRead = 0;
  let shown: { value: T } | null = null;
  const show = (read: number, value: T) => {
    if (closed || read < shownRead) return;
    shownRead = read;
    // An answer equal to the one shown changes nothing on screen: no redraw.
    if (shown && sameData(shown.value, value)) return;
    shown = { value };
    onValue(value);
  };
  const failed = (error: unknown) => {
    if (!closed) onError(error);
  };
  const follower: Follower = {
    start() {
      if (subscription || closed) return;
      subscription = liveQuery(query).subscribe({
        next: (value) => show((begun += 1), value),
        error: failed,
      });
    },
    stop() {
      subscription?.unsubscribe();
      subscription = null;
    },
    async read() {
      const read = (begun += 1);
      try {
        const value = await query();
        return () => show(read, value);
      } catch (error) {
        return () => failed(error);
      }
    },
  };
  followers.add(follower);
  if (pace.bursting) void follower.read().then((showIt) => showIt());
  else follower.start();
  return () => {
    closed = true;
    follower.stop();
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
  let paused = false;
  const follower: Follower = {
    start() {
      paused = false;
      if (written) onChange();
      written = false;
    },
    stop() {
      paused = true;
    },
    read: () =>
      Promise.resolve(() => {
        if (written) onChange();
        written = false;
      }),
  };
  const forget = onTablesWritten(db, tables, () => {
    if (paused || pace.bursting) written = true;
    else onChange();
  });
  followers.add(follower);
  return () => {
    forget();
    followers.delete(follower);
  };
}
