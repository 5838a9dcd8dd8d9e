// Lets extension pages follow a query as the database changes, without knowing it is Dexie.
import { liveQuery } from 'dexie';

export function watch<T>(
  query: () => Promise<T>,
  onValue: (value: T) => void,
  onError: (error: unknown) => void,
): () => void {
  const subscription = liveQuery(query).subscribe({ next: onValue, error: onError });
  return () => subscription.unsubscribe();
}
