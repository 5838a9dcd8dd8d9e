// The "Goals" tab: create a goal, and every goal with its evidence and mix; achieved and
// archived goals fold away below the active ones.
import { useState } from 'preact/hooks';
import { countOf } from '../../shared/count-words';
import type { CheckInDraft } from '../../shared/check-in';
import type { GoalDraft } from '../../shared/goal-input';
import { getDb } from '../../storage/database/db';
import type { GoalSummary } from '../../storage/records/goal-summaries';
import { createGoalCheckedIn } from '../../storage/records/check-ins';
import { useFocusOnClose } from '../common/use-autofocus';
import { run } from './announcer';
import { GoalCard } from './GoalCard';
import { GoalForm } from './GoalForm';
import { useGoalSummaries } from './popup-data';

interface Props {
  creating: boolean;
  onCreating: (creating: boolean) => void;
}

export function GoalsSection({ creating, onCreating }: Props) {
  const summaries = useGoalSummaries();
  const [editing, setEditing] = useState<string | null>(null);
  const newGoal = useFocusOnClose<HTMLButtonElement>(creating);
  const create = async (draft: GoalDraft, now: CheckInDraft | null) => {
    const saved = await run(
      () => createGoalCheckedIn(getDb(), draft, now),
      `Goal created: ${draft.title}.`,
    );
    if (saved) onCreating(false);
    return saved;
  };
  const cards = (list: GoalSummary[]) => (
    <ul class="stack">
      {list.map((s) => (
        <GoalCard
          key={s.goal.id}
          summary={s}
          editing={editing === s.goal.id}
          onEdit={(on) => setEditing(on ? s.goal.id : null)}
        />
      ))}
    </ul>
  );
  if (summaries.status === 'error') {
    return <p role="alert">Could not read your goals: {summaries.error}</p>;
  }
  const all = summaries.status === 'ready' ? summaries.value : [];
  const active = all.filter((s) => s.goal.status === 'active');
  const done = all.filter((s) => s.goal.status !== 'active');
  return (
    <section class="goals" aria-labelledby="goals-title">
      <div class="row spread">
        <h2 id="goals-title">Goals</h2>
        {!creating && (
          <button type="button" class="primary" ref={newGoal} onClick={() => onCreating(true)}>
            New goal
          </button>
        )}
      </div>
      {creating && <GoalForm onSave={create} onCancel={() => onCreating(false)} />}
      {summaries.status === 'loading' && <p class="muted">Loading…</p>}
      {summaries.status === 'ready' && all.length === 0 && !creating && (
        <p class="muted">
          No goals yet. A goal like “Reach staff engineer by 2028” with a target mix of archetypes
          lets you link what you read to where you are going.
        </p>
      )}
      {cards(active)}
      {done.length > 0 && (
        <details class="done-goals">
          <summary>Achieved and archived · {countOf(done.length, 'goal')}</summary>
          {cards(done)}
        </details>
      )}
    </section>
  );
}
