// One printed page per goal: the same sections as the Markdown brief (src/shared/brief.ts),
// read once from storage when the page opens — a brief is a snapshot for one talk, not a live view.
import { useEffect, useState } from 'preact/hooks';
import type { BriefInput } from '../../shared/brief';
import { getDb } from '../../storage/database/db';
import { briefInput } from '../../storage/backup/brief-data';
import { BriefSheet } from './BriefSheet';

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; briefs: BriefInput[] }
  | { status: 'error'; error: string };

export function BriefPage({ goalIds, onReady }: { goalIds: string[]; onReady: () => void }) {
  const [state, setState] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    const now = Date.now();
    Promise.all(goalIds.map((id) => briefInput(getDb(), id, now)))
      .then((briefs) => setState({ status: 'ready', briefs }))
      .catch((error: unknown) => setState({ status: 'error', error: String(error) }));
  }, [goalIds.join()]);
  useEffect(() => {
    if (state.status !== 'loading') onReady();
  }, [state.status]);

  if (state.status === 'loading') return <p class="brief-status">Preparing the brief…</p>;
  if (state.status === 'error') {
    return (
      <p role="alert" class="brief-status">
        Could not prepare the brief: {state.error}
      </p>
    );
  }
  if (state.briefs.length === 0) {
    return (
      <p class="brief-status">No goal chosen. Open the brief from a goal in the review page.</p>
    );
  }
  return (
    <main>
      <div class="brief-toolbar">
        <button type="button" class="primary" onClick={() => print()}>
          Print or save as PDF
        </button>
      </div>
      {state.briefs.map((brief, i) => (
        <BriefSheet key={i} brief={brief} />
      ))}
    </main>
  );
}
