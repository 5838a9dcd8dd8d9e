// Search reads a word index that an import leaves to be built afterwards; while it catches up,
// search can miss imported highlights. Saying so keeps a missing result from looking like data
// loss. Mounting this also resumes the catch-up, should an earlier page have closed mid-way.
import { useEffect, useState } from 'preact/hooks';
import { getDb } from '../../storage/database/db';
import { catchUpIndex } from '../../storage/search/index-catch-up';
import { type IndexPending, pendingIndex } from '../../storage/search/index-pending';
import { useLive } from './use-live';

const share = (state: IndexPending) =>
  state.phase === 'pages' ? 0 : Math.floor((100 * state.done) / Math.max(1, state.total));

/** Runs the catch-up (again) whenever `attempt` changes; the reason it stopped, if it failed. */
function useCatchUp(attempt: unknown): string | null {
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    setFailure(null);
    catchUpIndex(getDb()).catch((error: unknown) => setFailure(String(error)));
  }, [attempt]);
  return failure;
}

export function IndexNotice() {
  const pending = useLive(() => pendingIndex(getDb()), []);
  const [attempt, setAttempt] = useState(0);
  const failure = useCatchUp(attempt);
  // The state stays in the page as an attribute, so that tests can wait for the index.
  const state = pending.status !== 'ready' ? 'loading' : pending.value ? 'pending' : 'done';
  return (
    <div class="index-status" data-state={state}>
      {pending.status === 'ready' && pending.value && (
        <p class="index-notice muted" role="status">
          Search is still indexing imported highlights ({share(pending.value)} % done); until it
          finishes, some of them may not be found.
          {failure && (
            <>
              {' '}
              Indexing stopped: {failure}.{' '}
              <button type="button" onClick={() => setAttempt((n) => n + 1)}>
                Try again
              </button>
            </>
          )}
        </p>
      )}
    </div>
  );
}
