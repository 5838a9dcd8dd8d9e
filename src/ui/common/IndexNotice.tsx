// Search reads a word index that an import leaves to be built afterwards; while it catches up,
// search can miss imported highlights. Saying so keeps a missing result from looking like data
// loss. Mounting this also resumes the catch-up, should an earlier page have closed mid-way.
import { useEffect } from 'preact/hooks';
import { getDb } from '../../storage/db';
import { catchUpIndex, type IndexPending, pendingIndex } from '../../storage/index-catch-up';
import { useLive } from './use-live';

const share = (state: IndexPending) =>
  state.phase === 'pages' ? 0 : Math.floor((100 * state.done) / Math.max(1, state.total));

export function IndexNotice() {
  const pending = useLive(() => pendingIndex(getDb()), []);
  useEffect(() => void catchUpIndex(getDb()).catch(() => undefined), []);
  if (pending.status !== 'ready' || !pending.value) return null;
  return (
    <p class="index-notice muted" role="status">
      Search is still indexing imported highlights ({share(pending.value)} % done); until it
      finishes, some of them may not be found.
    </p>
  );
}
