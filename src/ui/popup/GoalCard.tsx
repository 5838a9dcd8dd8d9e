// One goal: what it is, how much evidence it has, its target mix against the actual one, and
// the actions on it (edit, mark achieved, archive, make active again).
import { countWords } from '../../shared/count-words';
import type { GoalDraft } from '../../shared/goal-input';
import type { GoalStatus } from '../../shared/types';
import { getDb } from '../../storage/database/db';
import type { GoalSummary } from '../../storage/records/goal-summaries';
import { setGoalStatus, updateGoal } from '../../storage/records/goals';
import { useFocusOnClose } from '../common/use-autofocus';
import { run } from './announcer';
import { GoalForm } from './GoalForm';
import { MixChart } from './MixChart';

interface Props {
  summary: GoalSummary;
  editing: boolean;
  onEdit: (editing: boolean) => void;
}

function evidenceLine({ highlights, pages, mix }: GoalSummary): string {
  const counted = countWords({ highlights, articles: pages });
  return mix.untagged > 0 ? `${counted} · ${mix.untagged} without an archetype` : counted;
}

const STATUS_ACTIONS: Record<GoalStatus, [GoalStatus, string][]> = {
  active: [
    ['achieved', 'Mark achieved'],
    ['archived', 'Archive'],
  ],
  achieved: [['active', 'Make active again']],
  archived: [['active', 'Make active again']],
};

export function GoalCard({ summary, editing, onEdit }: Props) {
  const { goal } = summary;
  const db = getDb();
  const edit = useFocusOnClose<HTMLButtonElement>(editing);
  if (editing) {
    const save = async (draft: GoalDraft) => {
      const saved = await run(() => updateGoal(db, goal.id, draft), 'Goal saved.');
      if (saved) onEdit(false);
      return saved;
    };
    return (
      <li class="goal" data-goal-id={goal.id}>
        <GoalForm initial={goal} onSave={save} onCancel={() => onEdit(false)} />
      </li>
    );
  }
  return (
    <li class="card goal" data-goal-id={goal.id} aria-labelledby={`goal-${goal.id}`}>
      <h3 id={`goal-${goal.id}`}>
        {goal.title}
        {goal.status !== 'active' && <span class="badge">{goal.status}</span>}
      </h3>
      {goal.why && <p class="why">{goal.why}</p>}
      <p class="muted evidence">
        {goal.targetDate && <>By {goal.targetDate} · </>}
        {evidenceLine(summary)}
      </p>
      {goal.targetMix && (
        <MixChart goalTitle={goal.title} target={goal.targetMix} actual={summary.mix} />
      )}
      <div class="row actions">
        <button
          type="button"
          ref={edit}
          aria-label={`Edit ${goal.title}`}
          onClick={() => onEdit(true)}
        >
          Edit
        </button>
        {STATUS_ACTIONS[goal.status].map(([status, label]) => (
          <button
            key={status}
            type="button"
            aria-label={`${label}: ${goal.title}`}
            onClick={() =>
              void run(() => setGoalStatus(db, goal.id, status), `${goal.title}: ${status}.`)
            }
          >
            {label}
          </button>
        ))}
      </div>
    </li>
  );
}
