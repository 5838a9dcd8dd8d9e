// One goal: what it is, how much evidence it has, where the reader stands now against the
// target and the evidence (the three mixes, compact, with the gaps in points), and the actions
// on it (edit, where a check-in is made; mark achieved, archive, make active again).
import { countWords } from '../../shared/count-words';
import type { CheckInDraft } from '../../shared/check-in';
import type { GoalDraft } from '../../shared/goal-input';
import type { GoalStatus } from '../../shared/types';
import { getDb } from '../../storage/database/db';
import type { GoalSummary } from '../../storage/records/goal-summaries';
import { setGoalStatus, updateGoal } from '../../storage/records/goals';
import { addCheckIn, currentCheckIn } from '../../storage/records/check-ins';
import { ThreeMixes } from '../goals/ThreeMixes';
import { useFocusOnClose } from '../common/use-autofocus';
import { announce, run } from './announcer';
import { GoalForm } from './GoalForm';

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
  const latest = currentCheckIn(goal);
  if (editing) {
    const save = async (draft: GoalDraft) => {
      const saved = await run(() => updateGoal(db, goal.id, draft), 'Goal saved.');
      if (saved) onEdit(false);
      return saved;
    };
    const checkIn = {
      latest: currentCheckIn(goal),
      // A failure is said by the check-in form itself, next to its fields, which keep the input.
      onCheckIn: (draft: CheckInDraft) =>
        addCheckIn(db, goal.id, draft).then(() => announce(`Checked in for ${draft.date}.`)),
    };
    return (
      <li class="goal" data-goal-id={goal.id}>
        <GoalForm initial={goal} onSave={save} onCancel={() => onEdit(false)} checkIn={checkIn} />
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
      {(goal.targetMix || latest) && (
        <ThreeMixes
          compact
          target={goal.targetMix}
          checkIn={latest}
          evidence={summary.mix}
          evidenceCount={summary.highlights + summary.pages}
        />
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
