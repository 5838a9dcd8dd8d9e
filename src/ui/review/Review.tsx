// The review page (also the options page): the library, goals as evidence, the archetype mix,
// the resurfacing queue, and export/import — one view at a time, chosen by the URL fragment.
import { getDb } from '../../storage/database/db';
import { listGoals } from '../../storage/records/goals';
import { listTags } from '../../storage/records/tags';
import { useLive } from '../common/use-live';
import { DataView } from './data/DataView';
import { GoalsView } from './goals/GoalsView';
import { LibraryView } from './library/LibraryView';
import { MixView } from './mix/MixView';
import { ResurfaceView } from './resurface/ResurfaceView';
import { useRoute, type View } from './use-route';

const VIEW_LABELS: Record<View, string> = {
  library: 'Library',
  goals: 'Goals',
  mix: 'Archetype mix',
  resurface: 'Resurface',
  data: 'Export & import',
};

export function Review() {
  const db = getDb();
  const route = useRoute();
  const tags = useLive(() => listTags(db), []);
  const goals = useLive(() => listGoals(db), []);
  const tagList = tags.status === 'ready' ? tags.value : [];
  const goalList = goals.status === 'ready' ? goals.value : [];
  const failure =
    tags.status === 'error' ? tags.error : goals.status === 'error' ? goals.error : null;
  return (
    <div class="review">
      <header class="review-header">
        <h1>Trailmark</h1>
        <nav aria-label="Review sections">
          <ul class="tabs">
            {(Object.keys(VIEW_LABELS) as View[]).map((view) => (
              <li key={view}>
                <a href={`#${view}`} aria-current={route.view === view ? 'page' : undefined}>
                  {VIEW_LABELS[view]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" class={`view view-${route.view}`}>
        {failure && <p role="alert">Could not read the library: {failure}</p>}
        {route.view === 'library' && <LibraryView tags={tagList} goals={goalList} />}
        {route.view === 'goals' && (
          <GoalsView goals={goalList} tags={tagList} selectedId={route.goalId} />
        )}
        {route.view === 'mix' && <MixView goals={goalList} />}
        {route.view === 'resurface' && <ResurfaceView goals={goalList} />}
        {route.view === 'data' && (
          <DataView goals={goalList} goalsReady={goals.status === 'ready'} tags={tagList} />
        )}
      </main>
    </div>
  );
}
