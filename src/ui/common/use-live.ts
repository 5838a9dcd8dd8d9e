// A Preact hook over storage's live queries: the component re-renders whenever the data it
// reads changes, from whichever context wrote it.
import { useEffect, useState } from 'preact/hooks';
import { watch } from '../../storage/database/live';

export type Live<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: string };

export function useLive<T>(query: () => Promise<T>, deps: readonly unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ status: 'loading' });
  useEffect(
    () =>
      watch(
        query,
        (value) => setState({ status: 'ready', value }),
        (error) => setState({ status: 'error', error: String(error) }),
      ),
    deps,
  );
  return state;
}
