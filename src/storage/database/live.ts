// Lets extension pages follow a query as the database changes, without knowing it is Dexie.
import Dexie, { liveQuery, type ObservabilitySet } from 'dexie';
import type { TrailmarkDb } from './db';

export function watch<T>(
  query: () => Promise<T>,
  onValue: (value: T) => void,
  onError: (error: unknown) => void,
): () => void {
  const subscription = liveQuery(query).subscribe({ next: onValue, error: onError });
  return () => subscription.unsubscribe();
}

/**
 * Calls `onChange` after any write to one of the named tables, from whichever context made it.
 * For reads too big for a live query to follow record by record: it would track every key read.
 */
export function onTablesWritten(
  db: TrailmarkDb,
  tables: readonly string[],
  onChange: () => void,
): () => void {
  const prefixes = tables.map((table) => `idb://${db.name}/${table}/`);
  const listener = (parts: ObservabilitySet) => {
    if (Object.keys(parts).some((part) => prefixes.some((p) => part.startsWith(p)))) onChange();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}
