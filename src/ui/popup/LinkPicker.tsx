// "Link to goal": a button that opens a checklist of goals; checking one links the target to it,
// unchecking unlinks. Two clicks, or Enter then Space; Escape closes and returns focus.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { GoalRecord } from '../../shared/types';

interface Props {
  /** Says what is linked, e.g. "this page"; names the button and the list. */
  what: string;
  goals: readonly GoalRecord[] | null;
  linkedGoalIds: ReadonlySet<string>;
  onToggle: (goalId: string, on: boolean) => void;
  onCreateGoal: () => void;
}

let pickers = 0;

export function LinkPicker({ what, goals, linkedGoalIds, onToggle, onCreateGoal }: Props) {
  const [open, setOpen] = useState(false);
  const [listId] = useState(() => `link-picker-${(pickers += 1)}`);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLFieldSetElement>(null);
  // Before paint, so a key pressed right after opening lands on the first goal; the whole list
  // is scrolled into view, not just its first goal, so the reader sees every choice and Done.
  useLayoutEffect(() => {
    if (!open || !list.current) return;
    list.current.scrollIntoView({ block: 'nearest' });
    list.current.querySelector<HTMLElement>('input, button')?.focus({ preventScroll: true });
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    close();
  };
  // Goals the target is already linked to stay listed even once achieved or archived.
  const shown = (goals ?? []).filter((g) => g.status === 'active' || linkedGoalIds.has(g.id));
  return (
    <div class="picker">
      <button
        type="button"
        ref={button}
        aria-expanded={open}
        aria-controls={listId}
        aria-label={`Link to goal: ${what}`}
        title="Link to a goal"
        class="add-goal"
        onClick={() => setOpen(!open)}
      >
        + Goal
      </button>
      {open && (
        <fieldset class="picker-list card" id={listId} ref={list} onKeyDown={onKeyDown}>
          <legend>Goals for {what}</legend>
          {goals === null ? (
            <p class="muted">Loading goals…</p>
          ) : shown.length === 0 ? (
            <p>
              No goals yet.{' '}
              <button type="button" onClick={onCreateGoal}>
                Create a goal
              </button>
            </p>
          ) : (
            shown.map((goal) => (
              <label key={goal.id} class="check">
                <input
                  type="checkbox"
                  checked={linkedGoalIds.has(goal.id)}
                  onChange={(e) => onToggle(goal.id, e.currentTarget.checked)}
                />
                {goal.title}
              </label>
            ))
          )}
          <button type="button" class="link-button" onClick={close}>
            Done
          </button>
        </fieldset>
      )}
    </div>
  );
}
