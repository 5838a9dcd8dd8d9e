// Step 3: a first goal, created right here with the popup's own goal form.
import { useState } from 'preact/hooks';
import { countOf } from '../../shared/count-words';
import type { CheckInDraft } from '../../shared/check-in';
import type { GoalDraft } from '../../shared/goal-input';
import { getDb } from '../../storage/database/db';
import { createGoalCheckedIn } from '../../storage/records/check-ins';
import { listGoals } from '../../storage/records/goals';
import { useFocusOnClose } from '../common/use-autofocus';
import { useLive } from '../common/use-live';
import { GoalForm } from '../popup/GoalForm';

function GoalCount() {
  const goals = useLive(() => listGoals(getDb()), []);
  if (goals.status !== 'ready' || goals.value.length === 0) return null;
  const titles = goals.value.map((g) => `“${g.title}”`).join(', ');
  return (
    <p class="muted" data-testid="goal-count">
      You have {countOf(goals.value.length, 'goal')}: {titles}.
    </p>
  );
}

export function GoalStep() {
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const opener = useFocusOnClose<HTMLButtonElement>(creating);
  const save = async (draft: GoalDraft, now: CheckInDraft | null) => {
    try {
      await createGoalCheckedIn(getDb(), draft, now);
      setMessage({ kind: 'status', text: `Goal created: ${draft.title}.` });
      setCreating(false);
      return true;
    } catch (error) {
      setMessage({ kind: 'alert', text: `Could not save the goal: ${String(error)}` });
      return false;
    }
  };
  return (
    <>
      <h2 id="step-goal">Create a first goal</h2>
      <p>
        A goal says where your reading should take you — “Reach staff engineer by 2028” — and, if
        you like, the mix of archetypes you aim for. Link highlights and articles to it from
        Trailmark’s toolbar button; the review page gathers them as evidence.
      </p>
      <GoalCount />
      {creating ? (
        <GoalForm onSave={save} onCancel={() => setCreating(false)} />
      ) : (
        <p>
          <button type="button" class="primary" ref={opener} onClick={() => setCreating(true)}>
            Create a goal
          </button>
        </p>
      )}
      <p role={message?.kind ?? 'status'} class={message?.kind === 'alert' ? 'error' : ''}>
        {message?.text}
      </p>
    </>
  );
}
