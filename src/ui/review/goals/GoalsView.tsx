// The goals: a list to choose from, and the chosen goal's evidence view.
import type { GoalRecord, TagRecord } from '../../../shared/types';
import { GoalDetail } from './GoalDetail';

interface Props {
  goals: readonly GoalRecord[];
  tags: readonly TagRecord[];
  selectedId: string | null;
}

export function GoalsView({ goals, tags, selectedId }: Props) {
  if (goals.length === 0) {
    return (
      <p class="muted">
        No goals yet. Create one in the popup (Goals tab), then link highlights and pages to it.
      </p>
    );
  }
  const selected = goals.find((g) => g.id === selectedId) ?? goals[0];
  return (
    <div class="goals">
      <nav aria-label="Goals">
        <ul class="goal-list">
          {goals.map((g) => (
            <li key={g.id}>
              <a href={`#goals/${g.id}`} aria-current={g.id === selected?.id ? 'page' : undefined}>
                {g.title}
                <span class="muted"> · {g.status}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {selected && <GoalDetail key={selected.id} goal={selected} tags={tags} />}
    </div>
  );
}
