// The 1:1 brief among the exports: pick the goal, then download its Markdown or open the page
// made for printing, the same two actions the goal view offers.
import { useState } from 'preact/hooks';
import type { GoalRecord } from '../../../shared/types';
import { BriefActions } from '../goals/BriefActions';

export function BriefExport({ goals }: { goals: readonly GoalRecord[] }) {
  const [picked, setPicked] = useState<string | null>(null);
  // Active goals first: the brief is for the talk ahead.
  const ordered = [...goals].sort(
    (a, b) => Number(b.status === 'active') - Number(a.status === 'active'),
  );
  const goal = ordered.find((g) => g.id === picked) ?? ordered[0];
  return (
    <fieldset class="brief-export">
      <legend>1:1 brief (one goal, for the talk with your manager)</legend>
      {!goal ? (
        <p class="muted">No goals yet: create one in the popup to write its brief.</p>
      ) : (
        <>
          <label class="field">
            <span>Goal</span>
            <select
              id="brief-goal"
              value={goal.id}
              onChange={(e) => setPicked(e.currentTarget.value)}
            >
              {ordered.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.title}
                  {g.status === 'active' ? '' : ` (${g.status})`}
                </option>
              ))}
            </select>
          </label>
          <BriefActions goal={goal} />
        </>
      )}
    </fieldset>
  );
}
